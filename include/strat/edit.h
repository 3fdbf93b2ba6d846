/*
 * strat/edit.h - changing plan files in place, every other byte kept.
 *
 * The edits work on the text of one YAML file, located by the positions
 * lib/yaml.c records for each node (the one YAML reader): only the scalars
 * that change are rewritten; comments, blank lines, key order, quoting,
 * indentation (two-space, four-space and column-0 lists), CRLF line ends
 * and a missing final newline stay as they are.  A value is written so
 * that it reads back as exactly the text given (strat_edit_scalar), and
 * every edit is read back before it is returned: an edit that would not
 * read back as intended is refused, never written.
 *
 * Functions return 0 with *out (malloc'd, NUL-terminated, *out_len bytes
 * before the NUL) for the caller to free, or a negative code with the
 * message in strat_error_last(): STRAT_EUSAGE when the file has a shape
 * the edit refuses (the message says what to do), STRAT_ENOTFOUND for an
 * item or list that is not there, STRAT_ENOMEM.
 */
#ifndef STRAT_EDIT_H
#define STRAT_EDIT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#include "plan.h"

/* A key and the text its value is to have. */
typedef struct {
	const char *key;
	const char *value;
} strat_edit_field;

/*
 * Set the n fields of the calendar item whose id is `id` (the first such
 * item of the file's `items`).  A value present is replaced in place,
 * keeping its quoting style where the new text allows it; a key the item
 * lacks (or has with an empty value) is written after the item's last
 * key with the item's own indentation, or before the closing brace of an
 * item written in flow style.  A value written as a block scalar (| or
 * >), or a nested collection, is refused.  file names the file in
 * messages.
 */
int strat_edit_item_set(char **out, size_t *out_len, const char *file,
			const char *buf, size_t len, const char *id,
			const strat_edit_field *fields, size_t n);

/*
 * Append a mapping of the n fields (in order) to the list under the root
 * key `list` (for a calendar, "items").  The entry takes the style of the
 * list's last entry: its dash and key indentation, flow or block, a blank
 * line between entries when the last two are so separated.  An empty flow
 * list (`items: []`) becomes a block list indented by two spaces.  Used by
 * `strat add`, and for any list of entries (readings of a metrics file).
 */
int strat_edit_list_append(char **out, size_t *out_len, const char *file,
			   const char *buf, size_t len, const char *list,
			   const strat_edit_field *fields, size_t n);

/* Quoting styles for strat_edit_scalar (lib/yaml.h's YS_* values). */
enum {
	STRAT_EDIT_PLAIN = 1,  /* plain where it reads back, else double */
	STRAT_EDIT_SINGLE = 2, /* 'single' where it can be, else double */
	STRAT_EDIT_DOUBLE = 3  /* "double", escaped */
};

/*
 * value as a YAML scalar that reads back as exactly value: in the style
 * asked for when that is possible, else double-quoted with escapes (a
 * title with ': ', ' #', quotes, a leading indicator such as '-', '*' or
 * '&', control characters or code points unsafe on a terminal).  flow is
 * nonzero inside a flow collection ({...} or [...]), where ',', '[', ']',
 * '{' and '}' also need quotes.  Returns a malloc'd string, NULL on
 * out-of-memory.
 */
char *strat_edit_scalar(const char *value, int style, int flow);

/*
 * An item id made from title: lowercase ASCII letters and digits, other
 * runs of characters as one '-', at most 40 bytes, "item" when nothing is
 * left; "-2", "-3", ... appended until no item of plan has it.  The same
 * title and plan give the same id.  malloc'd; NULL on out-of-memory.
 */
char *strat_edit_make_id(const strat_plan *plan, const char *title);

/* The item id of plan closest to id, for "did you mean"; NULL when none
 * is close.  Borrowed from plan. */
const char *strat_edit_suggest_item(const strat_plan *plan, const char *id);

/*
 * A unified diff (as diff -u: three lines of context) from a to b, the
 * old and new bytes of path, with the names a/PATH and b/PATH; "" when
 * they are equal.  malloc'd; NULL on out-of-memory.
 */
char *strat_edit_diff(const char *path, const char *a, size_t alen,
		      const char *b, size_t blen);

#ifdef __cplusplus
}
#endif

#endif
