/*
 * json.h - the one JSON writer of libstrat (internal).
 *
 * Every JSON document strat writes (lint, SARIF, reviewdog, Code Quality,
 * report, review, week) goes through these calls, so escaping and layout
 * are decided once.  The writer appends to an sbuf and places commas,
 * colons and line breaks itself.  Layout: a BLOCK container puts each
 * member on its own line, indented two spaces per open block; a ROW
 * container keeps its members on one line ("a": 1, "b": 2), which keeps a
 * finding or an item one greppable line.  A block opened inside a row
 * breaks lines again, indented one level below the line the row is on.
 *
 * Strings: '"' and '\\' escaped, \n \r \t by name, other control
 * characters, DEL, C1 controls and bidirectional marks
 * (strat_text_unsafe_cp) as \uXXXX, bytes that are not UTF-8 as \ufffd: the
 * output is ASCII-safe where it matters and always UTF-8 (RFC 8259
 * section 8.1).  NULL strings are written as null.
 *
 * Out of memory sets the sbuf's failed flag (see sbuf.h); nesting deeper
 * than JW_MAX_DEPTH does too (strat's documents are a few levels deep).
 */
#ifndef STRAT_JSON_H
#define STRAT_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"

#define JW_MAX_DEPTH 16

enum { JW_BLOCK = 0, JW_ROW = 1 };

typedef struct {
	sbuf *b;
	int depth; /* containers open */
	int level; /* indentation of the current line, in levels */
	int after_key;
	unsigned char row[JW_MAX_DEPTH], any[JW_MAX_DEPTH];
	char close[JW_MAX_DEPTH];
	int base[JW_MAX_DEPTH]; /* level of the line a container opened on */
} json_w;

void jw_init(json_w *w, sbuf *b);
/* Open an object or array (JW_BLOCK or JW_ROW), close the innermost. */
void jw_obj(json_w *w, int layout);
void jw_arr(json_w *w, int layout);
void jw_end(json_w *w);
/* Close every container and end the document with a newline. */
void jw_finish(json_w *w);

/* A member's name; the next value is its value. */
void jw_key(json_w *w, const char *k);
void jw_str(json_w *w, const char *s); /* NULL: null */
void jw_strn(json_w *w, const char *s, size_t n);
void jw_int(json_w *w, long long v);
void jw_uint(json_w *w, unsigned long long v);
void jw_fixed(json_w *w, double v, int decimals);
/* A number of the plan in its shortest form (strat_number_format). */
void jw_number(json_w *w, double v);
void jw_bool(json_w *w, int v);
void jw_null(json_w *w);

/* Shorthands: key and value. */
void jw_kstr(json_w *w, const char *k, const char *s);
void jw_kint(json_w *w, const char *k, long long v);
void jw_kuint(json_w *w, const char *k, unsigned long long v);
void jw_kbool(json_w *w, const char *k, int v);

#endif
