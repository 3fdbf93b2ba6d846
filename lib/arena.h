/* arena.h - bump allocation; one free releases a document. (internal) */
#ifndef STRAT_ARENA_H
#define STRAT_ARENA_H

#include <stddef.h>

typedef struct arena_chunk arena_chunk;
typedef struct {
	arena_chunk *head;
	arena_chunk *spare; /* kept by arena_reset for the next chunk */
	size_t total;       /* bytes reserved, for limits and stats */
	size_t expect;      /* arena_expect: the least size of the next chunk */
} arena;

typedef struct {
	arena_chunk *chunk;
	size_t used;
} arena_mark;

void arena_init(arena *a);
void arena_free(arena *a);
/* NULL on out-of-memory.  Memory is 16-byte aligned, not zeroed. */
void *arena_alloc(arena *a, size_t n);
void *arena_zalloc(arena *a, size_t n);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
/* Release everything allocated after the mark.  One chunk is kept for
 * reuse, so resetting once per element costs no malloc and free. */
arena_mark arena_get_mark(arena *a);
void arena_reset(arena *a, arena_mark m);
/* About n more bytes are coming: the next chunk takes them at once.  A
 * hint; nothing is allocated yet. */
void arena_expect(arena *a, size_t n);

#endif
