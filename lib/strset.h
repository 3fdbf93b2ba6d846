/* strset.h - open-addressing map from strings to pointers. (internal) */
#ifndef STRAT_STRSET_H
#define STRAT_STRSET_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct {
	const char **keys;
	void **vals;
	size_t n, cap;
} strset;

/* A 64-bit hash of n bytes, 8 at a time.  Values are stable within one
 * build of strat, not across versions: never store them. */
uint64_t strat_hash(const void *p, size_t n, uint64_t seed);
void strset_init(strset *s);
void strset_free(strset *s);
/* Insert key (borrowed, must outlive the set).  Returns 1 if added, 0 if
 * present (and *old, when given, receives its value), -1 on ENOMEM. */
int strset_put(strset *s, const char *key, void *val, void **old);
void *strset_get(const strset *s, const char *key);

#endif
