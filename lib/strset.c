/* strset.c - open-addressing string maps: ids, duplicate keys, interning. */
#include <stdlib.h>
#include <string.h>

#include "strset.h"

#define K1 0x9E3779B97F4A7C15ULL
#define K2 0xC2B2AE3D27D4EB4FULL

/* MurmurHash3's finaliser: every output bit depends on every input bit. */
static inline uint64_t
fmix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDULL;
	h ^= h >> 33;
	h *= K2;
	h ^= h >> 33;
	return h;
}

uint64_t
strat_hash(const void *p, size_t n, uint64_t seed)
{
	/* Eight bytes per multiply, then a full avalanche: every table in
	 * strat masks the low bits, so they must depend on every byte.  The
	 * last bytes are read as one overlapping word (the length is mixed
	 * in first, so that is unambiguous). */
	const unsigned char *s = p;
	uint64_t h = seed ^ (n * K1), w;
	uint32_t lo, hi;
	size_t len = n;

	for (; n > 8; n -= 8, s += 8) {
		memcpy(&w, s, 8);
		h = (h ^ (w * K2)) * K1;
		h ^= h >> 31;
	}
	if (len >= 8) {
		memcpy(&w, s + n - 8, 8);
	} else if (n >= 4) {
		memcpy(&lo, s, 4);
		memcpy(&hi, s + n - 4, 4);
		w = (uint64_t)lo | (uint64_t)hi << 32;
	} else if (n > 0) {
		w = (uint64_t)s[0] | (uint64_t)s[n / 2] << 8 |
		    (uint64_t)s[n - 1] << 16;
	} else {
		w = 0;
	}
	h = (h ^ (w * K2)) * K1;
	return fmix(h);
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

	while (s->keys[i] != NULL &&
	       (s->keys[i][0] != key[0] || strcmp(s->keys[i], key) != 0))
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
