/*
 * sbuf.h - a growing string, shared by the renderers of lib/.  (internal)
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

/* s[0..n) made safe for a terminal: bytes that are not UTF-8 as U+FFFD,
 * control characters (but tab), DEL, C1 and bidirectional overrides as
 * '?' (strat_text_unsafe_cp). */
void sb_safe(sbuf *b, const char *s, size_t n);
void sb_safes(sbuf *b, const char *s);

/* s as inert text: valid UTF-8 with every control character (tab, CR and
 * LF included), C1 control and bidirectional mark replaced with U+FFFD, as
 * are bytes that are not UTF-8.  For data formats without an escape (CSV). */
void sb_inert(sbuf *b, const char *s);

#endif
