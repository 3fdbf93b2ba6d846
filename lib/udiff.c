/*
 * udiff.c - a unified diff of two versions of a file (strat/edit.h), for
 * the -n/--dry-run of the commands that edit the plan.  Lines keep their
 * terminators ("\r\n" shows as it is); a last line without one is marked
 * "\ No newline at end of file", as diff -u does.
 */
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "strat/edit.h"

#define CONTEXT   3
#define MAX_CELLS (4u * 1024 * 1024) /* of the middle's LCS table */

typedef struct {
	const char *s;
	size_t n; /* with the terminator */
} line;

static line *
split(const char *s, size_t len, size_t *n)
{
	line *v;
	size_t i, k = 0, start = 0, count = 0;

	for (i = 0; i < len; i++)
		count += s[i] == '\n';
	if ((v = malloc((count + 1) * sizeof(*v))) == NULL)
		return NULL;
	for (i = 0; i < len; i++)
		if (s[i] == '\n') {
			v[k].s = s + start;
			v[k++].n = i + 1 - start;
			start = i + 1;
		}
	if (start < len) {
		v[k].s = s + start;
		v[k++].n = len - start;
	}
	*n = k;
	return v;
}

static int
same(const line *a, const line *b)
{
	return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

/* ops: '=' both, '-' a only, '+' b only; in order. */
static char *
script(const line *a, size_t na, const line *b, size_t nb, size_t *nops)
{
	size_t p = 0, s = 0, i, j, k = 0, ma, mb;
	char *ops = malloc(na + nb + 1);
	unsigned *t = NULL;

	if (ops == NULL)
		return NULL;
	while (p < na && p < nb && same(&a[p], &b[p]))
		p++;
	while (s < na - p && s < nb - p && same(&a[na - 1 - s], &b[nb - 1 - s]))
		s++;
	ma = na - p - s;
	mb = nb - p - s;
	memset(ops, '=', p);
	k = p;
	if (ma > 0 && mb > 0 && (ma + 1) * (mb + 1) <= MAX_CELLS &&
	    (t = calloc((ma + 1) * (mb + 1), sizeof(*t))) != NULL) {
		/* t[i][j]: LCS of a[p+i..] and b[p+j..] (middle only) */
		for (i = ma; i-- > 0;)
			for (j = mb; j-- > 0;)
				t[i * (mb + 1) + j] =
				    same(&a[p + i], &b[p + j])
					? t[(i + 1) * (mb + 1) + j + 1] + 1
				    : t[(i + 1) * (mb + 1) + j] >
					    t[i * (mb + 1) + j + 1]
					? t[(i + 1) * (mb + 1) + j]
					: t[i * (mb + 1) + j + 1];
		for (i = j = 0; i < ma || j < mb;) {
			if (i < ma && j < mb && same(&a[p + i], &b[p + j])) {
				ops[k++] = '=';
				i++, j++;
			} else if (j == mb ||
				   (i < ma && t[(i + 1) * (mb + 1) + j] >=
						  t[i * (mb + 1) + j + 1])) {
				ops[k++] = '-';
				i++;
			} else {
				ops[k++] = '+';
				j++;
			}
		}
		free(t);
	} else {
		memset(ops + k, '-', ma);
		k += ma;
		memset(ops + k, '+', mb);
		k += mb;
	}
	memset(ops + k, '=', s);
	k += s;
	*nops = k;
	return ops;
}

static void
put_line(sbuf *b, char c, const line *l)
{
	sb_put(b, &c, 1);
	sb_put(b, l->s, l->n);
	if (l->n == 0 || l->s[l->n - 1] != '\n')
		sb_puts(b, "\n\\ No newline at end of file\n");
}

char *
strat_edit_diff(const char *path, const char *a, size_t alen, const char *b,
		size_t blen)
{
	sbuf out = {0};
	line *la = NULL, *lb = NULL;
	size_t na = 0, nb = 0, nops = 0, h, e, k, i, j, ai, bi, ha, hb;
	char *ops = NULL;

	if ((la = split(a, alen, &na)) == NULL ||
	    (lb = split(b, blen, &nb)) == NULL ||
	    (ops = script(la, na, lb, nb, &nops)) == NULL) {
		out.failed = 1;
		goto out;
	}
	if (memchr(ops, '-', nops) == NULL && memchr(ops, '+', nops) == NULL)
		goto out;
	sb_printf(&out, "--- a/%s\n+++ b/%s\n", path, path);
	/* Each hunk: from CONTEXT before a change to CONTEXT after the last
	 * change that is at most 2 * CONTEXT lines from the next. */
	ai = bi = 0; /* line numbers at op h */
	for (h = 0; h < nops;) {
		if (ops[h] == '=') {
			ai++, bi++, h++;
			continue;
		}
		k = h; /* first change */
		e = h; /* after the last change of this hunk */
		for (i = h; i < nops; i++) {
			if (ops[i] != '=') {
				e = i + 1;
				continue;
			}
			if (i - e >= 2 * CONTEXT)
				break;
		}
		h = k < CONTEXT ? 0 : k - CONTEXT;
		/* lines of a and b before op h */
		ha = ai - (k - h);
		hb = bi - (k - h);
		e = e + CONTEXT > nops ? nops : e + CONTEXT;
		{
			size_t ca = 0, cb = 0;

			for (j = h; j < e; j++) {
				ca += ops[j] != '+';
				cb += ops[j] != '-';
			}
			sb_printf(&out, "@@ -%zu,%zu +%zu,%zu @@\n",
				  ca ? ha + 1 : ha, ca, cb ? hb + 1 : hb, cb);
		}
		ai = ha;
		bi = hb;
		for (j = h; j < e; j++) {
			if (ops[j] == '=') {
				put_line(&out, ' ', &la[ai]);
				ai++, bi++;
			} else if (ops[j] == '-') {
				put_line(&out, '-', &la[ai++]);
			} else {
				put_line(&out, '+', &lb[bi++]);
			}
		}
		h = e;
	}
out:
	free(la);
	free(lb);
	free(ops);
	return sb_finish(&out);
}
