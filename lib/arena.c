/* arena.c - bump allocator in chunks. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define CHUNK_MIN (64 * 1024)

struct arena_chunk {
	arena_chunk *prev;
	size_t size, used;
	_Alignas(16) unsigned char data[];
};

/* A chunk of at least sz bytes of data. */
static arena_chunk *
chunk_new(size_t sz)
{
	size_t bytes = sizeof(arena_chunk) + sz;
	arena_chunk *c;

	if (bytes < sz)
		return NULL;
	if ((c = malloc(bytes)) != NULL)
		c->size = bytes - sizeof(arena_chunk);
	return c;
}

static void
chunk_free(arena_chunk *c)
{
	free(c);
}

void
arena_init(arena *a)
{
	a->head = NULL;
	a->spare = NULL;
	a->total = 0;
	a->expect = 0;
}

void
arena_expect(arena *a, size_t n)
{
	a->expect = n;
}

void
arena_free(arena *a)
{
	arena_chunk *c, *p;

	if (a == NULL)
		return;
	for (c = a->head; c != NULL; c = p) {
		p = c->prev;
		chunk_free(c);
	}
	chunk_free(a->spare);
	a->head = NULL;
	a->spare = NULL;
	a->total = 0;
	a->expect = 0;
}

static void *
alloc(arena *a, size_t n, size_t align)
{
	arena_chunk *c = a->head;
	size_t sz;
	void *p;

	if (c != NULL)
		c->used = (c->used + align - 1) & ~(align - 1);
	if (c == NULL || c->used > c->size || c->size - c->used < n) {
		if (a->spare != NULL && a->spare->size >= n) {
			c = a->spare;
			a->spare = NULL;
		} else {
			sz = n > CHUNK_MIN ? n : CHUNK_MIN;
			if (c != NULL && c->size * 2 > sz &&
			    c->size < (size_t)8 << 20)
				sz = c->size * 2;
			if (a->expect > sz)
				sz = a->expect;
			a->expect = 0;
			if ((c = chunk_new(sz)) == NULL)
				return NULL;
		}
		c->prev = a->head;
		c->used = 0;
		a->head = c;
		a->total += c->size;
	}
	p = c->data + c->used;
	c->used += n;
	return p;
}

void *
arena_alloc(arena *a, size_t n)
{
	return alloc(a, n, 16);
}

void *
arena_zalloc(arena *a, size_t n)
{
	void *p = arena_alloc(a, n);

	if (p != NULL)
		memset(p, 0, n);
	return p;
}

char *
arena_strndup(arena *a, const char *s, size_t n)
{
	char *p = alloc(a, n + 1, 1);

	if (p == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

arena_mark
arena_get_mark(arena *a)
{
	arena_mark m = {a->head, a->head ? a->head->used : 0};

	return m;
}

void
arena_reset(arena *a, arena_mark m)
{
	arena_chunk *c, *p;

	for (c = a->head; c != NULL && c != m.chunk; c = p) {
		p = c->prev;
		a->total -= c->size;
		if (a->spare == NULL || a->spare->size < c->size) {
			chunk_free(a->spare);
			a->spare = c;
		} else {
			chunk_free(c);
		}
	}
	a->head = c;
	if (c != NULL)
		c->used = m.used;
}
