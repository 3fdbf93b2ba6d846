/* pages.h - large zeroed blocks, backed by huge pages where the system
 * offers them. (internal) */
#ifndef STRAT_PAGES_H
#define STRAT_PAGES_H

#include <stddef.h>

/* Blocks of at least PAGES_HUGE bytes are mapped 2 MB-aligned and marked
 * for transparent huge pages: filling 30 MB of plan then takes about 15
 * page faults instead of 7,500.  Smaller blocks come from calloc. */
#define PAGES_HUGE ((size_t)2 << 20)

/* n zeroed bytes, 16-byte aligned at least; NULL on out-of-memory. */
void *pages_alloc(size_t n);
/* Release p, allocated by pages_alloc(n) with the same n; NULL is
 * accepted. */
void pages_free(void *p, size_t n);

#endif
