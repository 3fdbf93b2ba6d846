/* suggest.c - "did you mean" by edit distance. */
#include <stdlib.h>
#include <string.h>

#include "plan_impl.h"
#include "strat/text.h"

/* Edit distance with adjacent transpositions counting one (optimal
 * string alignment: 'bne' is one edit from 'ben'), or cap + 1 once it
 * is certain to exceed cap. */
static size_t
distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t r0[65], r1[65], r2[65], *pp = r0, *p = r1, *row = r2, *t;
	size_t best;

	if (la > 64 || lb > 64)
		return cap + 1;
	if ((la > lb ? la - lb : lb - la) > cap)
		return cap + 1;
	for (j = 0; j <= lb; j++)
		p[j] = j;
	for (i = 1; i <= la; i++) {
		row[0] = i;
		best = row[0];
		for (j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t v = p[j - 1] + cost;

			if (p[j] + 1 < v)
				v = p[j] + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			row[j] = v;
			if (v < best)
				best = v;
		}
		if (best > cap)
			return cap + 1;
		t = pp;
		pp = p;
		p = row;
		row = t;
	}
	return p[lb];
}

const char *
suggest(const char *s, const char *const *cands, size_t n)
{
	size_t len = strlen(s), cap = len < 4 ? 1 : len < 6 ? 2 : len / 3, i, d;
	size_t bestd = cap + 1;
	const char *best = NULL;

	if (cap > 4)
		cap = 4;
	bestd = cap + 1;
	for (i = 0; i < n; i++) {
		if (cands[i] == NULL)
			continue;
		d = distance(s, cands[i], cap);
		if (d < bestd ||
		    (d == bestd && best && strcmp(cands[i], best) < 0)) {
			bestd = d;
			best = cands[i];
		}
	}
	return bestd <= cap ? best : NULL;
}

const char *
strat_text_suggest(const char *s, const char *const *cands, size_t n)
{
	return suggest(s, cands, n);
}
