/* yaml.c - libyaml events into positioned node trees and diagnostics. */
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "strset.h"
#include "yaml.h"

_Static_assert((int)YS_PLAIN == (int)YAML_PLAIN_SCALAR_STYLE &&
		   (int)YS_SINGLE == (int)YAML_SINGLE_QUOTED_SCALAR_STYLE &&
		   (int)YS_DOUBLE == (int)YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
		   (int)YS_LITERAL == (int)YAML_LITERAL_SCALAR_STYLE &&
		   (int)YS_FOLDED == (int)YAML_FOLDED_SCALAR_STYLE &&
		   (int)YS_BLOCK == (int)YAML_BLOCK_MAPPING_STYLE &&
		   (int)YS_FLOW == (int)YAML_FLOW_MAPPING_STYLE &&
		   (int)YS_BLOCK == (int)YAML_BLOCK_SEQUENCE_STYLE &&
		   (int)YS_FLOW == (int)YAML_FLOW_SEQUENCE_STYLE,
	       "YS_* are libyaml's styles");

struct yreader {
	yaml_parser_t p;
	yaml_event_t ev;
	int have, failed, depth;
	int spent; /* ev was consumed by yr_scalar but not yet deleted */
	size_t nodes;
	yaml_mark_t end_mark;   /* of the last collection end event taken */
	const char *file, *buf; /* buf: NULL until whole_text() */
	size_t len;
	ytext in;
	unsigned char head[4]; /* a streamed text's first bytes */
	size_t nhead, athead;
	int in_failed; /* in.read failed: the caller reports why */
	strat_diags *diags;
	strset rootkeys;
	arena keys;
};

void
yr_offset_position(const char *buf, size_t len, size_t off, uint32_t *line,
		   uint32_t *col)
{
	uint32_t l = 1, c = 1;
	size_t i;

	if (off > len)
		off = len;
	for (i = 0; i < off; i++) {
		unsigned char b = (unsigned char)buf[i];

		if (b == '\n') {
			l++;
			c = 1;
		} else if ((b & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

size_t
yr_position_offset(const char *buf, size_t len, uint32_t line, uint32_t col)
{
	size_t i = 0;

	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3; /* libyaml does not count the byte order mark */
	for (; line > 1 && i < len; i++)
		if (buf[i] == '\n')
			line--;
	if (line > 1)
		return len;
	for (; col > 1 && i < len; col--) {
		if (buf[i] == '\n' ||
		    (buf[i] == '\r' && i + 1 < len && buf[i + 1] == '\n'))
			return i; /* past the end of the line */
		i++;
		while (i < len && ((unsigned char)buf[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

int
yr_odd_breaks(const char *buf, size_t len)
{
	const unsigned char *b = (const unsigned char *)buf;
	size_t i;

	for (i = 0; i < len; i++) {
		if (b[i] == '\r' && (i + 1 == len || b[i + 1] != '\n'))
			return 1;
		if (b[i] == 0xC2 && i + 1 < len && b[i + 1] == 0x85)
			return 1;
		if (b[i] == 0xE2 && i + 2 < len && b[i + 1] == 0x80 &&
		    (b[i + 2] == 0xA8 || b[i + 2] == 0xA9))
			return 1;
	}
	return 0;
}

/* The name of the UTF-16 or UTF-32 byte order mark buf starts with, or
 * NULL. */
static const char *
foreign_bom(const char *buf, size_t len)
{
	const unsigned char *b = (const unsigned char *)buf;

	if (len >= 4 && b[0] == 0xFF && b[1] == 0xFE && !b[2] && !b[3])
		return "UTF-32LE";
	if (len >= 4 && !b[0] && !b[1] && b[2] == 0xFE && b[3] == 0xFF)
		return "UTF-32BE";
	if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE)
		return "UTF-16LE";
	if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF)
		return "UTF-16BE";
	return NULL;
}

/* libyaml's read handler over a streamed text: 1, or 0 on an error. */
static int
read_piece(void *data, unsigned char *out, size_t size, size_t *got)
{
	yreader *r = data;
	size_t n = 0, k = 0;

	if (r->in_failed)
		return 0;
	if (r->athead < r->nhead) { /* what yr_open_text read ahead */
		n = r->nhead - r->athead < size ? r->nhead - r->athead : size;
		memcpy(out, r->head + r->athead, n);
		r->athead += n;
	}
	if (n < size && r->in.read(r->in.arg, out + n, size - n, &k) != 0) {
		r->in_failed = 1;
		return 0;
	}
	*got = n + k;
	return 1;
}

yreader *
yr_open_text(const char *file, const ytext *t, strat_diags *diags)
{
	yreader *r = calloc(1, sizeof(*r));

	if (r == NULL)
		return NULL;
	if (!yaml_parser_initialize(&r->p)) {
		free(r);
		return NULL;
	}
	r->in = *t;
	if (t->buf == NULL) {
		/* the first bytes, for a byte order mark (as below) */
		if (t->read(t->arg, r->head, sizeof(r->head), &r->nhead) != 0)
			r->in_failed = 1;
		else if (foreign_bom((const char *)r->head, r->nhead))
			yaml_parser_set_encoding(&r->p, YAML_UTF8_ENCODING);
		yaml_parser_set_input(&r->p, read_piece, r);
	} else {
		r->buf = t->buf;
		r->len = t->len;
		yaml_parser_set_input_string(
		    &r->p, (const unsigned char *)t->buf, t->len);
		/* UTF-8 only (SPEC section 6): libyaml would read UTF-16
		 * after its byte order mark; read as UTF-8 it fails at
		 * byte 0, and report_parser_error names the encoding */
		if (foreign_bom(t->buf, t->len) != NULL)
			yaml_parser_set_encoding(&r->p, YAML_UTF8_ENCODING);
	}
	r->file = file;
	r->diags = diags;
	strset_init(&r->rootkeys);
	arena_init(&r->keys);
	return r;
}

yreader *
yr_open(const char *file, const char *buf, size_t len, strat_diags *diags)
{
	ytext t = {buf, len, NULL, NULL, NULL};

	return yr_open_text(file, &t, diags);
}

/* The whole text, for a syntax error: a streamed one is asked for once
 * (r->buf stays NULL, r->len 0, when it cannot be had). */
static void
whole_text(yreader *r)
{
	if (r->buf != NULL || r->in.whole == NULL)
		return;
	if (r->in.whole(r->in.arg, &r->buf, &r->len) != 0) {
		r->buf = NULL;
		r->len = 0;
	}
	r->in.whole = NULL;
}

void
yr_close(yreader *r)
{
	if (r == NULL)
		return;
	if (r->have || r->spent)
		yaml_event_delete(&r->ev);
	yaml_parser_delete(&r->p);
	strset_free(&r->rootkeys);
	arena_free(&r->keys);
	free(r);
}

int
yr_failed(const yreader *r)
{
	return r->failed;
}

static int
fail(yreader *r)
{
	r->failed = 1;
	return -1;
}

/* Whether the character at 0-based line and code-point column is a tab. */
static int
at_tab(const yreader *r, size_t line, size_t col)
{
	size_t i = 0;

	for (; line > 0 && i < r->len; i++)
		if (r->buf[i] == '\n')
			line--;
	for (; i < r->len && r->buf[i] != '\n'; i++) {
		if (((unsigned char)r->buf[i] & 0xC0) == 0x80)
			continue;
		if (col-- == 0)
			return r->buf[i] == '\t';
	}
	return 0;
}

/* Line `line` (0-based) of the file: its start and length. */
static const char *
line_at(const yreader *r, size_t line, size_t *len)
{
	size_t i = 0, j;

	if (r->buf == NULL) { /* a streamed text that could not be had */
		*len = 0;
		return "";
	}
	for (; line > 0 && i < r->len; i++)
		if (r->buf[i] == '\n')
			line--;
	for (j = i; j < r->len && r->buf[j] != '\n' && r->buf[j] != '\r'; j++)
		;
	*len = j - i;
	return r->buf + i;
}

/*
 * A plain hint for the common slips libyaml words for parsers: an
 * unquoted ': ' inside a value (titles like "Webinar: how ..."), and a
 * '-' without the space after it.  0 when neither applies.
 */
static int
common_slip(const yreader *r, const yaml_parser_t *p, char *hint, size_t size)
{
	size_t len, i, k;
	const char *l = line_at(r, p->problem_mark.line, &len);

	if (p->problem != NULL &&
	    strcmp(p->problem, "mapping values are not allowed in this "
			       "context") == 0) {
		/* key: value: more -> key: "value: more" */
		for (i = 0; i < len && (l[i] == ' ' || l[i] == '-'); i++)
			;
		for (k = i; k + 1 < len && !(l[k] == ':' && l[k + 1] == ' ');
		     k++)
			;
		if (k + 1 >= len || k == i || len - k > 160)
			return 0;
		snprintf(hint, size,
			 "a ': ' inside a value starts a mapping; quote the "
			 "value: %.*s: \"%.*s\"",
			 (int)(k - i), l + i, (int)(len - k - 2), l + k + 2);
		return 1;
	}
	/* "-id: x": the '-' of a list entry wants a space after it */
	for (i = 0; i < len && l[i] == ' '; i++)
		;
	if (i + 1 < len && l[i] == '-' && l[i + 1] != ' ' && l[i + 1] != '-' &&
	    !(l[i + 1] >= '0' && l[i + 1] <= '9')) {
		snprintf(hint, size,
			 "put a space after '-' to start a list entry: "
			 "'- %.*s'",
			 (int)(len - i - 1 > 60 ? 60 : len - i - 1), l + i + 1);
		return 1;
	}
	return 0;
}

static void
report_parser_error(yreader *r)
{
	yaml_parser_t *p = &r->p;
	uint32_t line, col;
	char hint[256];

	if (r->in_failed)
		return;
	whole_text(r);
	if (p->error == YAML_READER_ERROR) {
		size_t off = p->problem_offset, k;
		const char *bom = foreign_bom(r->buf, r->len);

		if (bom != NULL && off == 0) {
			strat_diags_add(r->diags, STRAT_RULE_YAML_SYNTAX,
					r->file, 1, 1,
					"save the file as UTF-8 text",
					"the file is %s (it starts with a "
					"byte order mark); plan files are "
					"UTF-8",
					bom);
			return;
		}

		/* libyaml blames the bad continuation byte; the sequence
		 * that is broken starts at its leading byte. */
		if (p->problem && strstr(p->problem, "UTF-8") != NULL &&
		    strstr(p->problem, "leading") == NULL) {
			for (k = 0; k < 3 && off > 0 && off < r->len &&
				    ((unsigned char)r->buf[off] & 0xC0) != 0xC0;
			     k++)
				off--;
			if (off >= r->len ||
			    ((unsigned char)r->buf[off] & 0xC0) != 0xC0)
				off = p->problem_offset;
			yr_offset_position(r->buf, r->len, off, &line, &col);
			strat_diags_add(r->diags, STRAT_RULE_YAML_SYNTAX,
					r->file, line, col,
					"save the file as UTF-8 text",
					"invalid UTF-8 sequence at byte offset "
					"%zu",
					off);
			return;
		}
		/* Reader errors leave problem_mark at 0:0; use the offset. */
		yr_offset_position(r->buf, r->len, p->problem_offset, &line,
				   &col);
		if (p->problem_value == 0 && p->problem_offset < r->len &&
		    r->buf[p->problem_offset] == '\0')
			strat_diags_add(r->diags, STRAT_RULE_YAML_SYNTAX,
					r->file, line, col,
					"remove the NUL byte; plan files are "
					"UTF-8 text",
					"NUL byte at byte offset %zu",
					p->problem_offset);
		else
			strat_diags_add(
			    r->diags, STRAT_RULE_YAML_SYNTAX, r->file, line,
			    col, "save the file as UTF-8 text",
			    "%s at byte offset %zu",
			    p->problem ? p->problem : "invalid input",
			    p->problem_offset);
		return;
	}
	if (p->error == YAML_MEMORY_ERROR) {
		strat_diags_add(r->diags, STRAT_RULE_YAML_SYNTAX, r->file, 0, 0,
				NULL, "out of memory while parsing");
		return;
	}
	hint[0] = '\0';
	if (at_tab(r, p->problem_mark.line, p->problem_mark.column))
		snprintf(hint, sizeof(hint),
			 "indent with spaces; YAML does not allow tabs here");
	else if (common_slip(r, p, hint, sizeof(hint)))
		;
	else if (p->context != NULL)
		snprintf(hint, sizeof(hint), "%s at line %lu, column %lu",
			 p->context, (unsigned long)p->context_mark.line + 1,
			 (unsigned long)p->context_mark.column + 1);
	strat_diags_add(r->diags, STRAT_RULE_YAML_SYNTAX, r->file,
			(uint32_t)p->problem_mark.line + 1,
			(uint32_t)p->problem_mark.column + 1,
			hint[0] ? hint : NULL, "%s",
			p->problem ? p->problem : "syntax error");
}

/* Events that are nodes, as the spec counts them: not stream, document
 * or end events. */
#define NODE_EVENTS                                                            \
	(1u << YAML_SCALAR_EVENT | 1u << YAML_SEQUENCE_START_EVENT |           \
	 1u << YAML_MAPPING_START_EVENT | 1u << YAML_ALIAS_EVENT)

static inline int
next_event(yreader *r)
{
	if (r->spent) {
		yaml_event_delete(&r->ev);
		r->spent = 0;
	}
	if (!yaml_parser_parse(&r->p, &r->ev)) {
		report_parser_error(r);
		return fail(r);
	}
	r->have = 1;
	if (((NODE_EVENTS >> (r->ev.type & 31)) & 1) &&
	    ++r->nodes > STRAT_MAX_NODES) {
		strat_diags_add(r->diags, STRAT_RULE_LIMIT_EXCEEDED, r->file,
				(uint32_t)r->ev.start_mark.line + 1,
				(uint32_t)r->ev.start_mark.column + 1,
				"split the file into several calendar files",
				"file has more than %u yaml nodes",
				STRAT_MAX_NODES);
		return fail(r);
	}
	return 0;
}

/* Make the next event current (r->ev); 0, or -1 on error (reported). */
static inline int
peek(yreader *r)
{
	if (r->failed)
		return -1;
	if (r->have)
		return 0;
	return next_event(r);
}

static inline void
take(yreader *r)
{
	if (r->have) {
		yaml_event_delete(&r->ev);
		r->have = 0;
	}
}

static uint32_t
ev_line(const yreader *r)
{
	return (uint32_t)r->ev.start_mark.line + 1;
}

static uint32_t
ev_col(const yreader *r)
{
	return (uint32_t)r->ev.start_mark.column + 1;
}

/* The first anchor or alias of a file is reported and ends the reading:
 * the file is not checked further (SPEC.md, "Cascades"). */
static int
check_anchor(yreader *r, const yaml_char_t *anchor)
{
	if (anchor == NULL)
		return 0;
	strat_diags_add(r->diags, STRAT_RULE_YAML_ALIAS, r->file, ev_line(r),
			ev_col(r), "write the values out in full",
			"yaml anchor '&%s' is not allowed in plan files",
			(const char *)anchor);
	return fail(r);
}

static int
enter(yreader *r)
{
	if (++r->depth > STRAT_MAX_DEPTH) {
		strat_diags_add(
		    r->diags, STRAT_RULE_LIMIT_EXCEEDED, r->file, ev_line(r),
		    ev_col(r), "plan files need only a few levels of nesting",
		    "nesting depth exceeds the limit of %d", STRAT_MAX_DEPTH);
		return fail(r);
	}
	return 0;
}

/* -1 on error; 0 after taking the end event of the open collection (of
 * type end); 1 when another element follows. */
static int
more(yreader *r, yaml_event_type_t end)
{
	if (peek(r) < 0)
		return -1;
	if (r->ev.type == end) {
		r->end_mark = r->ev.start_mark;
		take(r);
		r->depth--;
		return 0;
	}
	return 1;
}

/* n == 0, "~", "null", "Null" or "NULL"; one test for longer text. */
static inline int
is_null(const char *s, size_t n)
{
	if (n > 4)
		return 0;
	return n == 0 || (n == 1 && s[0] == '~') ||
	       (n == 4 && (!memcmp(s, "null", 4) || !memcmp(s, "Null", 4) ||
			   !memcmp(s, "NULL", 4)));
}

/* A node of the current event; extra bytes after it hold a scalar's text,
 * so a scalar costs one allocation. */
static inline ynode *
node_new(yreader *r, arena *a, int type, size_t extra)
{
	ynode *n = arena_alloc(a, sizeof(*n) + extra);

	if (n == NULL) {
		strat_diags_add(r->diags, STRAT_RULE_LIMIT_EXCEEDED, r->file, 0,
				0, NULL, "out of memory");
		fail(r);
		return NULL;
	}
	n->type = (uint8_t)type;
	n->plain = 0;
	n->style = YS_ANY;
	n->line = ev_line(r);
	n->column = ev_col(r);
	n->end_line = n->line;
	n->end_column = n->column;
	n->s = NULL;
	n->len = 0;
	n->n = 0;
	n->first = NULL;
	n->next = NULL;
	return n;
}

/*
 * Duplicate keys of one mapping, reported once (SPEC section 10,
 * Cascades): a lone one as itself; a run of them as one finding at the
 * first, for the usual cause is one missing '- ' line that merged an entry
 * into the one before it.
 */
typedef struct {
	const char *s;
	uint32_t line, column, first_line;
	size_t n;    /* duplicates in the current run */
	size_t last; /* key index of the last duplicate + 1 (0: none) */
} dups;

static void dup_report(yreader *r, const dups *d);

/* The key at index i (of its mapping) repeats an earlier one: it extends
 * the run when it follows the last duplicate, else the run so far is
 * reported and a new one starts. */
static void
dup_note(yreader *r, dups *d, size_t i, const char *s, uint32_t line,
	 uint32_t column, uint32_t first_line)
{
	if (d->n > 0 && d->last == i) {
		d->n++;
		d->last = i + 1;
		return;
	}
	dup_report(r, d);
	d->s = s;
	d->line = line;
	d->column = column;
	d->first_line = first_line;
	d->n = 1;
	d->last = i + 1;
}

static void
dup_report(yreader *r, const dups *d)
{
	char hint[160];

	if (d->n == 0)
		return;
	if (d->n == 1) {
		snprintf(hint, sizeof(hint),
			 "'%.40s' is first given at line %u", d->s,
			 (unsigned)d->first_line);
		strat_diags_add(r->diags, STRAT_RULE_DUPLICATE_KEY, r->file,
				d->line, d->column, hint, "duplicate key '%s'",
				d->s);
		return;
	}
	snprintf(hint, sizeof(hint),
		 "from line %u on this looks like a new entry: is its '- ' "
		 "line missing (an item starts '- id: ...')?",
		 (unsigned)d->line);
	strat_diags_add(
	    r->diags, STRAT_RULE_DUPLICATE_KEY, r->file, d->line, d->column,
	    hint, "duplicate key '%s' and %zu more" DUP_RUN, d->s, d->n - 1);
}

/* One duplicate key of the top mapping, read as a stream. */
static void
dup_key(yreader *r, const ynode *k, uint32_t first_line)
{
	dups d = {k->s, k->line, k->column, first_line, 1, 0};

	dup_report(r, &d);
}

void
yr_dup_keys(yreader *r, const ykey *keys, size_t n, size_t pairs)
{
	const ykey *k, *j;
	strset seen;
	void *old;
	dups d = {NULL, 0, 0, 0, 0, 0};

	/* check_dup_keys's choice, by the same count of children */
	if (pairs * 2 <= 32) {
		for (k = keys; k < keys + n; k++)
			for (j = keys; j != k; j++)
				if (j->len == k->len && j->s[0] == k->s[0] &&
				    memcmp(j->s, k->s, k->len) == 0) {
					dup_note(r, &d, (size_t)(k - keys),
						 k->s, k->line, k->column,
						 j->line);
					break;
				}
		dup_report(r, &d);
		return;
	}
	strset_init(&seen);
	for (k = keys; k < keys + n; k++)
		if (strset_put(&seen, k->s, (void *)k, &old) == 0)
			dup_note(r, &d, (size_t)(k - keys), k->s, k->line,
				 k->column, ((const ykey *)old)->line);
	strset_free(&seen);
	dup_report(r, &d);
}

static void
check_dup_keys(yreader *r, ynode *map)
{
	ynode *k, *j;
	strset seen;
	void *old;
	dups d = {NULL, 0, 0, 0, 0, 0};
	size_t i = 0;

	if (map->n <= 32) {
		for (k = map->first; k && k->next; k = k->next->next, i++) {
			if (k->type != YN_SCALAR)
				continue;
			for (j = map->first; j != k; j = j->next->next)
				if (j->type == YN_SCALAR && j->len == k->len &&
				    j->s[0] == k->s[0] &&
				    memcmp(j->s, k->s, k->len) == 0) {
					dup_note(r, &d, i, k->s, k->line,
						 k->column, j->line);
					break;
				}
		}
		dup_report(r, &d);
		return;
	}
	strset_init(&seen);
	for (k = map->first; k && k->next; k = k->next->next, i++) {
		if (k->type != YN_SCALAR)
			continue;
		if (strset_put(&seen, k->s, k, &old) == 0)
			dup_note(r, &d, i, k->s, k->line, k->column,
				 ((ynode *)old)->line);
	}
	strset_free(&seen);
	dup_report(r, &d);
}

/* The current event, a scalar, as a node; NULL on error (reported). */
static inline ynode *
scalar(yreader *r, arena *a)
{
	ynode *n;
	size_t len;
	const char *s;
	char *text;

	if (check_anchor(r, r->ev.data.scalar.anchor) < 0)
		return NULL;
	s = (const char *)r->ev.data.scalar.value;
	len = r->ev.data.scalar.length;
	if (len > STRAT_MAX_SCALAR) {
		strat_diags_add(r->diags, STRAT_RULE_LIMIT_EXCEEDED, r->file,
				ev_line(r), ev_col(r), NULL,
				"scalar longer than %u bytes",
				STRAT_MAX_SCALAR);
		fail(r);
		return NULL;
	}
	if (r->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    is_null(s, len)) {
		if ((n = node_new(r, a, YN_NULL, 0)) == NULL)
			return NULL;
		n->plain = 1;
	} else {
		if ((n = node_new(r, a, YN_SCALAR, len + 1)) == NULL)
			return NULL;
		n->plain = r->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		text = (char *)(n + 1);
		memcpy(text, s, len);
		text[len] = '\0';
		n->s = text;
		n->len = (uint32_t)len;
	}
	n->style = (uint8_t)r->ev.data.scalar.style; /* YS_* agree */
	n->end_line = (uint32_t)r->ev.end_mark.line + 1;
	n->end_column = (uint32_t)r->ev.end_mark.column + 1;
	take(r);
	return n;
}

static int build(yreader *r, arena *a, ynode **out);

static int
build_children(yreader *r, arena *a, ynode *n, yaml_event_type_t end)
{
	ynode **tail = &n->first, *c;
	int rc;

	for (;;) {
		if ((rc = more(r, end)) <= 0)
			return rc;
		if (r->ev.type == YAML_SCALAR_EVENT) {
			if ((c = scalar(r, a)) == NULL)
				return -1;
		} else if (build(r, a, &c) < 0) {
			return -1;
		}
		*tail = c;
		tail = &c->next;
		n->n++;
	}
}

static int
build(yreader *r, arena *a, ynode **out)
{
	ynode *n;

	*out = NULL;
	if (peek(r) < 0)
		return -1;
	switch (r->ev.type) {
	case YAML_SCALAR_EVENT:
		if ((n = scalar(r, a)) == NULL)
			return -1;
		break;
	case YAML_ALIAS_EVENT:
		strat_diags_add(r->diags, STRAT_RULE_YAML_ALIAS, r->file,
				ev_line(r), ev_col(r),
				"write the values out in full",
				"yaml alias '*%s' is not allowed in plan files",
				(const char *)r->ev.data.alias.anchor);
		return fail(r);
	case YAML_SEQUENCE_START_EVENT:
		if (check_anchor(r, r->ev.data.sequence_start.anchor) < 0 ||
		    enter(r) < 0 || (n = node_new(r, a, YN_SEQ, 0)) == NULL)
			return -1;
		n->style = (uint8_t)r->ev.data.sequence_start.style;
		take(r);
		if (build_children(r, a, n, YAML_SEQUENCE_END_EVENT) < 0)
			return -1;
		n->end_line = (uint32_t)r->end_mark.line + 1;
		n->end_column = (uint32_t)r->end_mark.column + 1;
		break;
	case YAML_MAPPING_START_EVENT:
		if (check_anchor(r, r->ev.data.mapping_start.anchor) < 0 ||
		    enter(r) < 0 || (n = node_new(r, a, YN_MAP, 0)) == NULL)
			return -1;
		n->style = (uint8_t)r->ev.data.mapping_start.style;
		take(r);
		if (build_children(r, a, n, YAML_MAPPING_END_EVENT) < 0)
			return -1;
		n->end_line = (uint32_t)r->end_mark.line + 1;
		n->end_column = (uint32_t)r->end_mark.column + 1;
		check_dup_keys(r, n);
		break;
	default:
		/* Stream and document events cannot occur inside a node. */
		strat_diags_add(r->diags, STRAT_RULE_YAML_SYNTAX, r->file,
				ev_line(r), ev_col(r), NULL,
				"unexpected YAML event");
		return fail(r);
	}
	*out = n;
	return 0;
}

int
yr_begin(yreader *r, arena *a, ynode **root)
{
	*root = NULL;
	if (peek(r) < 0)
		return -1;
	if (r->ev.type == YAML_STREAM_START_EVENT) {
		take(r);
		if (peek(r) < 0)
			return -1;
	}
	if (r->ev.type == YAML_STREAM_END_EVENT)
		return 0;
	if (r->ev.type != YAML_DOCUMENT_START_EVENT)
		return fail(r);
	take(r);
	if (peek(r) < 0)
		return -1;
	if (r->ev.type == YAML_MAPPING_START_EVENT) {
		if (check_anchor(r, r->ev.data.mapping_start.anchor) < 0 ||
		    enter(r) < 0)
			return -1;
		take(r);
		return 1;
	}
	if (build(r, a, root) < 0)
		return -1;
	if ((*root)->type == YN_NULL && !(*root)->plain)
		return -1;
	if ((*root)->type == YN_NULL) {
		*root = NULL;
		return yr_end(r) < 0 ? -1 : 0;
	}
	return -1;
}

int
yr_next_key(yreader *r, arena *a, ynode **key)
{
	void *old;
	char *copy;
	int rc;

	*key = NULL;
	if ((rc = more(r, YAML_MAPPING_END_EVENT)) <= 0)
		return rc;
	if (build(r, a, key) < 0)
		return -1;
	if ((*key)->type == YN_SCALAR) {
		copy = arena_strdup(&r->keys, (*key)->s);
		if (copy == NULL)
			return fail(r);
		/* The key node lives in the caller's scratch arena, which
		 * is reset after each key: keep its line, not the node. */
		if (strset_put(&r->rootkeys, copy,
			       (void *)(uintptr_t)(*key)->line, &old) == 0)
			dup_key(r, *key, (uint32_t)(uintptr_t)old);
	}
	return 1;
}

int
yr_value(yreader *r, arena *a, ynode **out)
{
	return build(r, a, out);
}

int
yr_seq_begin(yreader *r)
{
	if (peek(r) < 0)
		return -1;
	if (r->ev.type != YAML_SEQUENCE_START_EVENT)
		return 0;
	if (check_anchor(r, r->ev.data.sequence_start.anchor) < 0 ||
	    enter(r) < 0)
		return -1;
	take(r);
	return 1;
}

int
yr_seq_next(yreader *r, arena *a, ynode **out)
{
	int rc;

	*out = NULL;
	if ((rc = more(r, YAML_SEQUENCE_END_EVENT)) <= 0)
		return rc;
	return build(r, a, out) < 0 ? -1 : 1;
}

int
yr_end(yreader *r)
{
	if (peek(r) < 0)
		return -1;
	if (r->ev.type == YAML_DOCUMENT_END_EVENT) {
		take(r);
		if (peek(r) < 0)
			return -1;
	}
	if (r->ev.type == YAML_DOCUMENT_START_EVENT) {
		strat_diags_add(r->diags, STRAT_RULE_MULTIPLE_DOCUMENTS,
				r->file, ev_line(r), ev_col(r),
				"keep one document per file; split the rest "
				"into files of their own",
				"file has more than one yaml document");
		return fail(r);
	}
	take(r);
	return 0;
}

int
yr_seq_more(yreader *r)
{
	return more(r, YAML_SEQUENCE_END_EVENT);
}

int
yr_map_begin(yreader *r, uint32_t *line, uint32_t *column)
{
	if (peek(r) < 0)
		return -1;
	if (r->ev.type != YAML_MAPPING_START_EVENT)
		return 0;
	if (check_anchor(r, r->ev.data.mapping_start.anchor) < 0 ||
	    enter(r) < 0)
		return -1;
	*line = ev_line(r);
	*column = ev_col(r);
	take(r);
	return 1;
}

int
yr_map_more(yreader *r)
{
	return more(r, YAML_MAPPING_END_EVENT);
}

static inline int scalar_event(yreader *r, yscalar *out);

int
yr_scalar(yreader *r, yscalar *out)
{
	if (peek(r) < 0)
		return -1;
	return scalar_event(r, out);
}

int
yr_map_key(yreader *r, yscalar *out)
{
	int rc;

	if ((rc = more(r, YAML_MAPPING_END_EVENT)) <= 0)
		return rc;
	rc = scalar_event(r, out);
	return rc == 0 ? 2 : rc;
}

/* yr_scalar on the current event. */
static inline int
scalar_event(yreader *r, yscalar *out)
{
	size_t len;
	const char *s;

	if (r->ev.type != YAML_SCALAR_EVENT)
		return 0;
	/* The checks of scalar(), in its order. */
	if (check_anchor(r, r->ev.data.scalar.anchor) < 0)
		return -1;
	s = (const char *)r->ev.data.scalar.value;
	len = r->ev.data.scalar.length;
	if (len > STRAT_MAX_SCALAR) {
		strat_diags_add(r->diags, STRAT_RULE_LIMIT_EXCEEDED, r->file,
				ev_line(r), ev_col(r), NULL,
				"scalar longer than %u bytes",
				STRAT_MAX_SCALAR);
		return fail(r);
	}
	out->plain = r->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	out->type = out->plain && is_null(s, len) ? YN_NULL : YN_SCALAR;
	out->s = s; /* libyaml ends every scalar value with a NUL */
	out->len = (uint32_t)len;
	out->line = ev_line(r);
	out->column = ev_col(r);
	/* Consumed; the text stays until the next event is parsed. */
	r->have = 0;
	r->spent = 1;
	return 1;
}

ynode *
yr_scalar_node(yreader *r, arena *a, const yscalar *v)
{
	ynode *n = arena_alloc(a, sizeof(*n) +
				      (v->type == YN_SCALAR ? v->len + 1 : 0));
	char *text;

	if (n == NULL) {
		strat_diags_add(r->diags, STRAT_RULE_LIMIT_EXCEEDED, r->file, 0,
				0, NULL, "out of memory");
		fail(r);
		return NULL;
	}
	n->type = v->type;
	n->plain = v->plain;
	n->style = v->plain ? YS_PLAIN : YS_ANY;
	n->line = v->line;
	n->column = v->column;
	n->end_line = v->line;
	n->end_column = v->column;
	n->s = NULL;
	n->len = 0;
	n->n = 0;
	n->first = NULL;
	n->next = NULL;
	if (v->type == YN_SCALAR) {
		text = (char *)(n + 1);
		memcpy(text, v->s, v->len);
		text[v->len] = '\0';
		n->s = text;
		n->len = v->len;
	}
	return n;
}
