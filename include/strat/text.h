/*
 * strat/text.h - making user text safe to show: UTF-8 decoding and the
 * code points that must not reach a terminal or a rendered document.
 */
#ifndef STRAT_TEXT_H
#define STRAT_TEXT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The length of the valid UTF-8 sequence at p (of n > 0 bytes), with its
 * code point in *cp; 0 when the bytes are not valid UTF-8 (overlong forms,
 * surrogates and values past U+10FFFF included).
 */
size_t strat_text_utf8_seq(const unsigned char *p, size_t n, uint32_t *cp);

/* Nonzero for C0 controls but tab, DEL and C1 controls, and the
 * bidirectional marks, overrides and isolates that reorder text on screen
 * ("Trojan Source"). */
int strat_text_unsafe_cp(uint32_t c);

/*
 * s[0..n) made safe to print on a terminal: bytes that are not UTF-8
 * become U+FFFD, unsafe code points (above) '?'.  *out is malloc'd (the
 * caller frees it).  Returns 0 or STRAT_ENOMEM.
 */
int strat_text_safe(char **out, const char *s, size_t n);

#ifdef __cplusplus
}
#endif

#endif
