/*
 * source_mem.c - a plan source over files held in memory, for tests and
 * fuzzing.  Paths that leave the repository are refused as in source_fs.c.
 */
#include <stdlib.h>
#include <string.h>

#include "glob.h"
#include "strat/plan.h"

typedef struct {
	const strat_mem_file *files;
	size_t n;
} memctx;

static int
mem_list(void *ctx, int (*add)(void *, const char *), void *arg)
{
	memctx *c = ctx;
	size_t i;
	int rc;

	for (i = 0; i < c->n; i++)
		if ((rc = add(arg, c->files[i].path)) < 0)
			return rc;
	return 0;
}

static int
mem_read(void *ctx, const char *path, char **buf, size_t *len)
{
	memctx *c = ctx;
	size_t i;

	*buf = NULL;
	*len = 0;
	if (!path_inside(path))
		return strat_error_set(STRAT_EOUTSIDE,
				       "'%s' leaves the repository", path);
	for (i = 0; i < c->n; i++) {
		if (strcmp(c->files[i].path, path) != 0)
			continue;
		if (c->files[i].len > STRAT_MAX_FILE_SIZE)
			return STRAT_ELIMIT;
		if ((*buf = malloc(c->files[i].len + 1)) == NULL)
			return strat_error_set(STRAT_ENOMEM, "out of memory");
		if (c->files[i].len)
			memcpy(*buf, c->files[i].data, c->files[i].len);
		(*buf)[c->files[i].len] = '\0';
		*len = c->files[i].len;
		return 0;
	}
	return STRAT_ENOTFOUND;
}

int
strat_source_mem(strat_source *out, const strat_mem_file *files, size_t n)
{
	memctx *c = calloc(1, sizeof(*c));

	memset(out, 0, sizeof(*out));
	if (c == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	c->files = files;
	c->n = n;
	out->list = mem_list;
	out->read = mem_read;
	out->ctx = c;
	return 0;
}

void
strat_source_mem_free(strat_source *src)
{
	if (src == NULL)
		return;
	free(src->ctx);
	src->ctx = NULL;
}
