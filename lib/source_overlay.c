/*
 * source_overlay.c - a strat_source showing one file of another source
 * with other bytes: the plan as it would be after an edit, linted before
 * anything is written (strat ship, slip, ...).
 */
#include <stdlib.h>
#include <string.h>

#include "strat/plan.h"

typedef struct {
	strat_source inner;
	char *path;
	const char *buf;
	size_t len;
} overlay;

/* The inner listing, with the overlaid path added when the inner source
 * lacks it (a file the edit creates, such as a new metrics file). */
typedef struct {
	const overlay *o;
	int (*add)(void *, const char *);
	void *arg;
	int seen;
} lister;

static int
list_one(void *arg, const char *path)
{
	lister *l = arg;

	if (strcmp(path, l->o->path) == 0)
		l->seen = 1;
	return l->add(l->arg, path);
}

static int
overlay_list(void *ctx, int (*add)(void *, const char *), void *arg)
{
	const overlay *o = ctx;
	lister l = {o, add, arg, 0};
	int rc;

	if ((rc = o->inner.list(o->inner.ctx, list_one, &l)) < 0)
		return rc;
	return l.seen ? 0 : add(arg, o->path);
}

static int
overlay_read(void *ctx, const char *path, char **buf, size_t *len)
{
	const overlay *o = ctx;

	if (strcmp(path, o->path) != 0)
		return o->inner.read(o->inner.ctx, path, buf, len);
	if ((*buf = malloc(o->len + 1)) == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	memcpy(*buf, o->buf, o->len);
	(*buf)[o->len] = '\0';
	*len = o->len;
	return 0;
}

int
strat_source_overlay(strat_source *out, const strat_source *inner,
		     const char *path, const char *buf, size_t len)
{
	overlay *o;

	memset(out, 0, sizeof(*out));
	if ((o = calloc(1, sizeof(*o))) == NULL ||
	    (o->path = strdup(path)) == NULL) {
		free(o);
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	}
	o->inner = *inner;
	o->buf = buf;
	o->len = len;
	out->list = overlay_list;
	out->read = overlay_read;
	out->stat = NULL; /* the overlaid file has no hash of its own */
	out->ctx = o;
	return 0;
}

void
strat_source_overlay_free(strat_source *src)
{
	overlay *o;

	if (src == NULL || (o = src->ctx) == NULL)
		return;
	free(o->path);
	free(o);
	src->ctx = NULL;
}
