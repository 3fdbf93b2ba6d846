/*
 * sbuf.h - a growing string and a JSON string writer, shared by the
 * renderers of lib/ (report_*.c, review.c).  (internal)
 */
#ifndef STRAT_SBUF_H
#define STRAT_SBUF_H

#include <stddef.h>

/* A growing string; start from {0}.  failed is set on out-of-memory and
 * makes every later call a no-op; s is NUL-terminated, malloc'd. */
typedef struct {
	char *s;
	size_t len, cap;
	int failed;
} sbuf;

void sb_put(sbuf *b, const char *s, size_t n);
void sb_puts(sbuf *b, const char *s);
void sb_printf(sbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The string (the caller frees it; "" if nothing was written), or NULL
 * after a failure. */
char *sb_finish(sbuf *b);

/*
 * s as a JSON string, or null when s is NULL.  '"' and '\\' are escaped,
 * other control characters and DEL become \u00XX, except that sb_json
 * writes \n, \r and \t by name; sb_json_u writes them as \u00XX too (the
 * report's JSON, whose bytes are fixed by its golden tests).  C1 controls
 * and bidirectional marks (strat_text_unsafe_cp) become \uXXXX; a byte
 * that is not part of valid UTF-8 becomes \ufffd, so the output is always
 * valid UTF-8 JSON (RFC 8259 section 8.1).
 */
void sb_json(sbuf *b, const char *s);
void sb_json_u(sbuf *b, const char *s);

/* s as inert text: valid UTF-8 with every control character (tab, CR and
 * LF included), C1 control and bidirectional mark replaced with U+FFFD, as
 * are bytes that are not UTF-8.  For data formats without an escape (CSV). */
void sb_inert(sbuf *b, const char *s);

#endif
