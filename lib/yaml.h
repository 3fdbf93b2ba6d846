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

#include <stdint.h>

#include "arena.h"
#include "strat/diag.h"

typedef enum { YN_NULL, YN_SCALAR, YN_SEQ, YN_MAP } yn_type;

typedef struct ynode ynode;
struct ynode {
	uint8_t type;
	uint8_t plain;    /* scalar written without quotes or block style */
	uint32_t line, column;
	const char *s;    /* scalar text, NUL-terminated */
	uint32_t len;
	uint32_t n;       /* children: elements, or keys and values in turn */
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
/* After the root mapping: checks that no further document follows. */
int yr_end(yreader *r);

/* Whether the reader stopped at an error already reported. */
int yr_failed(const yreader *r);

/* Position (1-based line, column in code points) of a byte offset. */
void yr_offset_position(const char *buf, size_t len, size_t off,
			uint32_t *line, uint32_t *col);

#endif
