/*
 * source_prefix.c - a strat_source over a subdirectory of another source,
 * so a plan kept in "plans/marketing/" of a git repository loads with
 * paths relative to its own strat.yaml.
 */
#include <stdlib.h>
#include <string.h>

#include "strat/plan.h"

typedef struct {
	strat_source inner;
	char *prefix; /* "" or "dir/sub/" (with the trailing slash) */
	size_t n;
} prefixsrc;

typedef struct {
	const prefixsrc *p;
	int (*add)(void *, const char *);
	void *arg;
} listarg;

static int
list_add(void *arg, const char *path)
{
	listarg *l = arg;

	if (strncmp(path, l->p->prefix, l->p->n) != 0 || path[l->p->n] == '\0')
		return 0;
	return l->add(l->arg, path + l->p->n);
}

static int
prefix_list(void *ctx, int (*add)(void *, const char *), void *arg)
{
	const prefixsrc *p = ctx;
	listarg l = {p, add, arg};

	return p->inner.list(p->inner.ctx, list_add, &l);
}

/* The inner path for path, malloc'd; NULL on ENOMEM. */
static char *
join(const prefixsrc *p, const char *path)
{
	size_t n = strlen(path);
	char *s = malloc(p->n + n + 1);

	if (s == NULL)
		return NULL;
	memcpy(s, p->prefix, p->n);
	memcpy(s + p->n, path, n + 1);
	return s;
}

static int
prefix_read(void *ctx, const char *path, char **buf, size_t *len)
{
	const prefixsrc *p = ctx;
	char *full = join(p, path);
	int rc;

	if (full == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	rc = p->inner.read(p->inner.ctx, full, buf, len);
	free(full);
	return rc;
}

static int
prefix_stat(void *ctx, const char *path, uint64_t *hash)
{
	const prefixsrc *p = ctx;
	char *full = join(p, path);
	int rc;

	if (full == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	rc = p->inner.stat(p->inner.ctx, full, hash);
	free(full);
	return rc;
}

int
strat_source_prefix(strat_source *out, const strat_source *inner,
		    const char *prefix)
{
	prefixsrc *p;
	size_t n;

	memset(out, 0, sizeof(*out));
	while (*prefix == '/')
		prefix++;
	n = strlen(prefix);
	while (n > 0 && prefix[n - 1] == '/')
		n--;
	if ((p = calloc(1, sizeof(*p))) == NULL ||
	    (p->prefix = malloc(n + 2)) == NULL) {
		free(p);
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	}
	memcpy(p->prefix, prefix, n);
	if (n > 0)
		p->prefix[n++] = '/';
	p->prefix[n] = '\0';
	p->n = n;
	p->inner = *inner;
	out->list = prefix_list;
	out->read = prefix_read;
	out->stat = inner->stat ? prefix_stat : NULL;
	out->ctx = p;
	return 0;
}

void
strat_source_prefix_free(strat_source *src)
{
	prefixsrc *p;

	if (src == NULL || src->ctx == NULL)
		return;
	p = src->ctx;
	free(p->prefix);
	free(p);
	src->ctx = NULL;
}
