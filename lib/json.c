/* json.c - the one JSON writer (json.h). */
#include <stdio.h>
#include <string.h>

#include "json.h"
#include "strat/plan.h"
#include "strat/text.h"

void
jw_init(json_w *w, sbuf *b)
{
	memset(w, 0, sizeof(*w));
	w->b = b;
}

static void
newline(json_w *w, int level)
{
	static const char sp[] = "                                ";
	size_t n = 2 * (size_t)level, k;

	sb_put(w->b, "\n", 1);
	for (; n > 0; n -= k) {
		k = n < sizeof(sp) - 1 ? n : sizeof(sp) - 1;
		sb_put(w->b, sp, k);
	}
}

/* Separator before a member or an element of the innermost container. */
static void
before(json_w *w)
{
	int d = w->depth - 1;

	if (w->after_key) {
		w->after_key = 0;
		return;
	}
	if (d < 0)
		return;
	if (w->row[d]) {
		if (w->any[d])
			sb_put(w->b, ", ", 2);
	} else {
		if (w->any[d])
			sb_put(w->b, ",", 1);
		w->level = w->base[d] + 1;
		newline(w, w->level);
	}
	w->any[d] = 1;
}

static void
open_c(json_w *w, int layout, char open, char close)
{
	before(w);
	if (w->depth == JW_MAX_DEPTH) {
		w->b->failed = 1;
		return;
	}
	w->row[w->depth] = layout == JW_ROW;
	w->any[w->depth] = 0;
	w->base[w->depth] = w->level;
	w->close[w->depth] = close;
	w->depth++;
	sb_put(w->b, &open, 1);
}

void
jw_obj(json_w *w, int layout)
{
	open_c(w, layout, '{', '}');
}

void
jw_arr(json_w *w, int layout)
{
	open_c(w, layout, '[', ']');
}

void
jw_end(json_w *w)
{
	int d;

	if (w->depth == 0) {
		w->b->failed = 1;
		return;
	}
	d = --w->depth;
	if (!w->row[d] && w->any[d]) {
		w->level = w->base[d];
		newline(w, w->level);
	}
	sb_put(w->b, &w->close[d], 1);
}

void
jw_finish(json_w *w)
{
	while (w->depth > 0)
		jw_end(w);
	sb_put(w->b, "\n", 1);
}

/* s[0..n) as a JSON string, quotes included. */
static void
put_string(sbuf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, k, run = 0;
	uint32_t cp;
	char u[8];

	sb_put(b, "\"", 1);
	for (i = 0; i < n; i += k) {
		k = 1;
		if (p[i] >= 0x20 && p[i] < 0x7f && p[i] != '"' &&
		    p[i] != '\\') {
			run++;
			continue;
		}
		if (run) {
			sb_put(b, s + i - run, run);
			run = 0;
		}
		if (p[i] == '"' || p[i] == '\\') {
			sb_put(b, "\\", 1);
			sb_put(b, s + i, 1);
		} else if (p[i] == '\n') {
			sb_put(b, "\\n", 2);
		} else if (p[i] == '\r') {
			sb_put(b, "\\r", 2);
		} else if (p[i] == '\t') {
			sb_put(b, "\\t", 2);
		} else if (p[i] < 0x20 || p[i] == 0x7f) {
			snprintf(u, sizeof(u), "\\u%04x", p[i]);
			sb_put(b, u, 6);
		} else if ((k = strat_text_utf8_seq(p + i, n - i, &cp)) == 0) {
			/* not UTF-8 (a file name from git) */
			sb_put(b, "\\ufffd", 6);
			k = 1;
		} else if (strat_text_unsafe_cp(cp)) {
			snprintf(u, sizeof(u), "\\u%04x", (unsigned)cp);
			sb_put(b, u, 6); /* C1, bidirectional marks */
		} else {
			sb_put(b, s + i, k);
		}
	}
	if (run)
		sb_put(b, s + n - run, run);
	sb_put(b, "\"", 1);
}

void
jw_key(json_w *w, const char *k)
{
	before(w);
	put_string(w->b, k, strlen(k));
	sb_put(w->b, ": ", 2);
	w->after_key = 1;
}

void
jw_strn(json_w *w, const char *s, size_t n)
{
	before(w);
	put_string(w->b, s, n);
}

void
jw_str(json_w *w, const char *s)
{
	if (s == NULL)
		jw_null(w);
	else
		jw_strn(w, s, strlen(s));
}

void
jw_int(json_w *w, long long v)
{
	before(w);
	sb_printf(w->b, "%lld", v);
}

void
jw_uint(json_w *w, unsigned long long v)
{
	before(w);
	sb_printf(w->b, "%llu", v);
}

void
jw_fixed(json_w *w, double v, int decimals)
{
	before(w);
	sb_printf(w->b, "%.*f", decimals, v);
}

void
jw_number(json_w *w, double v)
{
	char s[32];

	before(w);
	strat_number_format(v, s);
	sb_puts(w->b, s);
}

void
jw_bool(json_w *w, int v)
{
	before(w);
	sb_puts(w->b, v ? "true" : "false");
}

void
jw_null(json_w *w)
{
	before(w);
	sb_puts(w->b, "null");
}

void
jw_kstr(json_w *w, const char *k, const char *s)
{
	jw_key(w, k);
	jw_str(w, s);
}

void
jw_kint(json_w *w, const char *k, long long v)
{
	jw_key(w, k);
	jw_int(w, v);
}

void
jw_kuint(json_w *w, const char *k, unsigned long long v)
{
	jw_key(w, k);
	jw_uint(w, v);
}

void
jw_kbool(json_w *w, const char *k, int v)
{
	jw_key(w, k);
	jw_bool(w, v);
}
