/*
 * yaml.h - the only door to libyaml.  (internal)
 *
 * Turns libyaml's event stream into small positioned node trees, 1-based
 * positions in code points, and diagnostics: syntax errors, invalid UTF-8
 * and NUL bytes (by byte offset), duplicate keys, aliases and anchors,
 * several documents, and the depth, node and scalar limits.  The caller
 * streams the root mapping key by key and may stream a sequence value
 * element by element, so a calendar of 100,000 items never needs a tree
 * of all of them at once.
 */
#ifndef STRAT_YAML_H
#define STRAT_YAML_H

/* The end of the message of a run of duplicate keys reported as one
 * finding (an entry merged into the one before it); checks.c knows such
 * a calendar may hide an item's anchor. */
#define DUP_RUN " in one mapping"

#include <stdint.h>

#include "arena.h"
#include "strat/diag.h"

typedef enum { YN_NULL, YN_SCALAR, YN_SEQ, YN_MAP } yn_type;

/* Styles, as libyaml reports them: scalars plain, 'single', "double",
 * |literal or >folded; collections in block or {flow} style. */
enum { YS_ANY, YS_PLAIN, YS_SINGLE, YS_DOUBLE, YS_LITERAL, YS_FOLDED };
enum { YS_BLOCK = 1, YS_FLOW = 2 };

typedef struct ynode ynode;
struct ynode {
	uint8_t type;
	uint8_t plain; /* scalar written without quotes or block style */
	uint8_t style; /* YS_* below: how the node is written */
	uint32_t line, column;
	/* Where the node ends: just after a scalar's last character, at the
	 * end event of a collection (a flow one's closing bracket). */
	uint32_t end_line, end_column;
	const char *s; /* scalar text, NUL-terminated */
	uint32_t len;
	uint32_t n; /* children: elements, or keys and values in turn */
	ynode *first;
	ynode *next;
};

typedef struct yreader yreader;

/*
 * Open a reader over buf (not copied: it must outlive the reader).
 * Returns NULL on out-of-memory.  Findings go to diags under file.
 */
yreader *yr_open(const char *file, const char *buf, size_t len,
		 strat_diags *diags);

/*
 * The text a reader parses: the whole of it in memory (buf, len), or,
 * when buf is NULL, read in pieces, so that a file of megabytes is never
 * held whole beside what is read from it.  read() fills up to cap bytes
 * (*got < cap only at the end) and returns 0, or nonzero on an error
 * (the parse then stops with a YAML reader error).  whole() gives the
 * whole text when a syntax error must be placed or quoted: 0 with *buf
 * (owned by arg, alive until the reader is closed), or nonzero when it
 * cannot (positions and hints then come from libyaml's marks alone).
 */
typedef struct {
	const char *buf;
	size_t len;
	int (*read)(void *arg, unsigned char *out, size_t cap, size_t *got);
	int (*whole)(void *arg, const char **buf, size_t *len);
	void *arg;
} ytext;

/* A reader over t (copied; t's arg must outlive the reader). */
yreader *yr_open_text(const char *file, const ytext *t, strat_diags *diags);
void yr_close(yreader *r);

/* 1 when the document's root is a mapping and the reader is inside it;
 * 0 when the file is empty (no document); -1 on error (reported), or
 * when the root is not a mapping (*root then holds it, for a diagnostic). */
int yr_begin(yreader *r, arena *a, ynode **root);
/* Next key of the root mapping: 1 with *key set, 0 at its end, -1 on
 * error.  Duplicate root keys are reported here. */
int yr_next_key(yreader *r, arena *a, ynode **key);
/* The value after a key, as a whole tree.  0 or -1. */
int yr_value(yreader *r, arena *a, ynode **out);
/* 1 when the value after a key is a sequence (now entered); 0 otherwise
 * (read it with yr_value); -1 on error. */
int yr_seq_begin(yreader *r);
/* Next element of the entered sequence: 1 with *out, 0 at its end, -1. */
int yr_seq_next(yreader *r, arena *a, ynode **out);
/*
 * Streaming a mapping or sequence without building its tree, so that a
 * reader can type scalars straight from the event stream.  The checks are
 * those of yr_value (anchors, aliases, limits), in the same order; only
 * duplicate keys are the caller's to collect (yr_dup_keys).
 */
typedef struct {
	uint8_t type; /* YN_SCALAR or YN_NULL (a plain null) */
	uint8_t plain;
	uint32_t line, column;
	const char *s; /* borrowed, NUL-terminated; YN_NULL keeps its text */
	uint32_t len;
} yscalar;

typedef struct {
	const char *s; /* NUL-terminated; must live until yr_dup_keys */
	uint32_t len, line, column;
} ykey;

/* Inside an entered sequence: 1 when another element follows, 0 at its end
 * (consumed), -1 on error. */
int yr_seq_more(yreader *r);
/* 1 when the next node is a mapping (now entered; its position in *line,
 * *column); 0 when it is not (read it with yr_value); -1 on error. */
int yr_map_begin(yreader *r, uint32_t *line, uint32_t *column);
/* Inside an entered mapping: 1 when another key follows, 0 at its end
 * (consumed), -1 on error. */
int yr_map_more(yreader *r);
/* 1 when the next node is a scalar, now consumed, with *out set: its text
 * is borrowed until the next call on r; 0 when it is not a scalar (read it
 * with yr_value); -1 on error (reported). */
int yr_scalar(yreader *r, yscalar *out);
/* yr_map_more, then yr_scalar for the key, in one call: 0 at the end of
 * the mapping (consumed), 1 with a scalar key in *out, 2 when the key is
 * not a scalar (read it with yr_value), -1 on error (reported). */
int yr_map_key(yreader *r, yscalar *out);
/* A node in a holding a copy of scalar v; NULL on out-of-memory (reported,
 * the reader fails). */
ynode *yr_scalar_node(yreader *r, arena *a, const yscalar *v);
/* Report duplicates among the n scalar keys of one mapping of `pairs` keys
 * in all, in the order and with the messages yr_value gives: a key is
 * reported when an earlier one has the same text. */
void yr_dup_keys(yreader *r, const ykey *keys, size_t n, size_t pairs);

/* After the root mapping: checks that no further document follows. */
int yr_end(yreader *r);

/* Whether the reader stopped at an error already reported. */
int yr_failed(const yreader *r);

/* Position (1-based line, column in code points) of a byte offset. */
void yr_offset_position(const char *buf, size_t len, size_t off, uint32_t *line,
			uint32_t *col);
/*
 * The byte offset of a node position (1-based line, column in code points
 * as libyaml counts them, a byte order mark not counted), for editing a
 * file in place.  Lines are counted by '\n' (a "\r\n" pair is one break);
 * a file with other line breaks libyaml knows (a lone '\r', U+0085,
 * U+2028, U+2029) has positions this cannot map: yr_odd_breaks() says
 * so.  Past the end of the text: len.
 */
size_t yr_position_offset(const char *buf, size_t len, uint32_t line,
			  uint32_t col);
/* Nonzero when buf has a line break other than "\n" and "\r\n". */
int yr_odd_breaks(const char *buf, size_t len);

#endif
