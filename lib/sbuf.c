/* sbuf.c - a growing string and a JSON string writer (sbuf.h). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "strat/text.h"

void
sb_put(sbuf *b, const char *s, size_t n)
{
	char *p;

	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 4096;

		while (cap < b->len + n + 1)
			cap *= 2;
		if ((p = realloc(b->s, cap)) == NULL) {
			b->failed = 1;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
sb_puts(sbuf *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

void
sb_printf(sbuf *b, const char *fmt, ...)
{
	char tmp[512], *p = tmp;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = 1;
		return;
	}
	if ((size_t)n >= sizeof(tmp)) {
		if ((p = malloc((size_t)n + 1)) == NULL) {
			b->failed = 1;
			return;
		}
		va_start(ap, fmt);
		vsnprintf(p, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	sb_put(b, p, (size_t)n);
	if (p != tmp)
		free(p);
}

char *
sb_finish(sbuf *b)
{
	if (b->failed || b->s == NULL) {
		if (!b->failed && b->s == NULL)
			return strdup("");
		free(b->s);
		return NULL;
	}
	return b->s;
}

void
sb_safe(sbuf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, k;
	uint32_t cp;

	for (i = 0; i < n; i += k) {
		k = strat_text_utf8_seq(p + i, n - i, &cp);
		if (k == 0) {
			/* not UTF-8 (a lone 0x9b is a CSI): U+FFFD */
			sb_put(b, "\xef\xbf\xbd", 3);
			k = 1;
		} else if (strat_text_unsafe_cp(cp)) {
			sb_put(b, "?", 1); /* ESC, CR, BEL, C1, bidi */
		} else {
			sb_put(b, s + i, k);
		}
	}
}

void
sb_inert(sbuf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), k;
	uint32_t cp;

	for (; n > 0; p += k, n -= k) {
		k = strat_text_utf8_seq(p, n, &cp);
		if (k == 0 || cp == '\t' || strat_text_unsafe_cp(cp)) {
			sb_puts(b, "\xef\xbf\xbd"); /* U+FFFD */
			if (k == 0)
				k = 1;
		} else {
			sb_put(b, (const char *)p, k);
		}
	}
}

void
sb_safes(sbuf *b, const char *s)
{
	sb_safe(b, s, strlen(s));
}
