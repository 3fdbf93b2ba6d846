/* strset.c - open-addressing string map used for ids and duplicate keys. */
#include <stdlib.h>
#include <string.h>

#include "strset.h"

uint64_t
strat_hash(const void *p, size_t n, uint64_t seed)
{
	/* FNV-1a, 64 bit, 8 bytes at a time would be faster but this is not
	 * on a hot path that matters next to YAML parsing. */
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ULL ^ seed;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

void
strset_init(strset *s)
{
	memset(s, 0, sizeof(*s));
}

void
strset_free(strset *s)
{
	free(s->keys);
	free(s->vals);
	memset(s, 0, sizeof(*s));
}

static size_t
slot(const strset *s, const char *key)
{
	size_t mask = s->cap - 1;
	size_t i = (size_t)strat_hash(key, strlen(key), 0) & mask;

	while (s->keys[i] != NULL && strcmp(s->keys[i], key) != 0)
		i = (i + 1) & mask;
	return i;
}

static int
grow(strset *s)
{
	strset t;
	size_t i, j;

	t.cap = s->cap ? s->cap * 2 : 16;
	t.n = s->n;
	t.keys = calloc(t.cap, sizeof(*t.keys));
	t.vals = calloc(t.cap, sizeof(*t.vals));
	if (t.keys == NULL || t.vals == NULL) {
		free(t.keys);
		free(t.vals);
		return -1;
	}
	for (i = 0; i < s->cap; i++) {
		if (s->keys[i] == NULL)
			continue;
		j = slot(&t, s->keys[i]);
		t.keys[j] = s->keys[i];
		t.vals[j] = s->vals[i];
	}
	free(s->keys);
	free(s->vals);
	*s = t;
	return 0;
}

int
strset_put(strset *s, const char *key, void *val, void **old)
{
	size_t i;

	if ((s->n + 1) * 2 > s->cap && grow(s) < 0)
		return -1;
	i = slot(s, key);
	if (s->keys[i] != NULL) {
		if (old)
			*old = s->vals[i];
		return 0;
	}
	s->keys[i] = key;
	s->vals[i] = val;
	s->n++;
	return 1;
}

void *
strset_get(const strset *s, const char *key)
{
	size_t i;

	if (s->cap == 0)
		return NULL;
	i = slot(s, key);
	return s->keys[i] ? s->vals[i] : NULL;
}
