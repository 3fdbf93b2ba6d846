/* pages.c - large zeroed blocks on huge pages (see pages.h). */
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "pages.h"

static size_t
round_huge(size_t n)
{
	return (n + PAGES_HUGE - 1) & ~(PAGES_HUGE - 1);
}

void *
pages_alloc(size_t n)
{
	size_t len;
	uintptr_t p, q;
	void *m;

	if (n < PAGES_HUGE)
		return calloc(1, n ? n : 1);
	if ((len = round_huge(n)) < n || len + PAGES_HUGE < len)
		return NULL;
	/* Map one huge page more than needed, keep the aligned part. */
	m = mmap(NULL, len + PAGES_HUGE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		return NULL;
	p = (uintptr_t)m;
	q = (p + PAGES_HUGE - 1) & ~(uintptr_t)(PAGES_HUGE - 1);
	if (q > p)
		munmap(m, q - p);
	if (q + len < p + len + PAGES_HUGE)
		munmap((void *)(q + len), p + len + PAGES_HUGE - (q + len));
#ifdef MADV_HUGEPAGE
	/* Advice only: without it the block is ordinary pages. */
	madvise((void *)q, len, MADV_HUGEPAGE);
#endif
	return (void *)q;
}

void
pages_free(void *p, size_t n)
{
	if (p == NULL)
		return;
	if (n < PAGES_HUGE)
		free(p);
	else
		munmap(p, round_huge(n));
}
