/*
 * edit.c - changing plan files in place (strat/edit.h).
 *
 * The file is read by lib/yaml.c into a node tree whose nodes carry their
 * start and end positions; yr_position_offset turns those into byte
 * offsets.  An edit is a list of splices (replace bytes [at, end) by a
 * text) applied to a copy of the buffer; everything outside the splices
 * is copied as it was.  The result is read again and checked before it is
 * returned (check_item): a splice that would not read back as intended is
 * a refusal, not a damaged file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "plan_impl.h"
#include "sbuf.h"
#include "strat/common.h"
#include "strat/edit.h"
#include "strat/text.h"
#include "yaml.h"

#define MAX_SPLICES 32

typedef struct {
	size_t at, end;
	char *text;
} splice;

typedef struct {
	const char *file, *buf;
	size_t len;
	arena a;
	strat_diags *diags;
	yreader *r;
	ynode *list; /* the value of the root key asked for */
	ynode *listkey;
	splice sp[MAX_SPLICES];
	size_t nsp;
	const char *eol; /* "\n" or "\r\n" */
} doc;

static int
oom(void)
{
	return strat_error_set(STRAT_ENOMEM, "out of memory");
}

static void
doc_free(doc *d)
{
	size_t i;

	for (i = 0; i < d->nsp; i++)
		free(d->sp[i].text);
	yr_close(d->r);
	strat_diags_free(d->diags);
	arena_free(&d->a);
}

/* The line break of a new last line: CRLF when the file has one. */
static int
has_crlf(const char *buf, size_t len)
{
	const char *p = memchr(buf, '\n', len);

	return p != NULL && p > buf && p[-1] == '\r';
}

/* Read buf up to the value of root key `list`. */
static int
doc_open(doc *d, const char *file, const char *buf, size_t len,
	 const char *list)
{
	ynode *root = NULL, *key = NULL, *val = NULL;
	int rc;

	memset(d, 0, sizeof(*d));
	d->file = file;
	d->buf = buf;
	d->len = len;
	d->eol = has_crlf(buf, len) ? "\r\n" : "\n";
	arena_init(&d->a);
	if (yr_odd_breaks(buf, len))
		return strat_error_set(STRAT_EUSAGE,
				       "%s: has line breaks other than LF and "
				       "CRLF (a lone CR, U+0085, U+2028 or "
				       "U+2029); strat edits only files with "
				       "LF or CRLF line ends",
				       file);
	if (strat_diags_new(&d->diags) < 0 ||
	    (d->r = yr_open(file, buf, len, d->diags)) == NULL)
		return oom();
	if ((rc = yr_begin(d->r, &d->a, &root)) != 1)
		goto bad;
	while ((rc = yr_next_key(d->r, &d->a, &key)) == 1) {
		if (yr_value(d->r, &d->a, &val) < 0) {
			rc = -1;
			break;
		}
		if (key->type == YN_SCALAR && strcmp(key->s, list) == 0) {
			d->listkey = key;
			d->list = val;
			return 0;
		}
	}
	if (rc == 0)
		return strat_error_set(STRAT_ENOTFOUND, "%s: has no '%s' list",
				       file, list);
bad:
	return strat_error_set(STRAT_EUSAGE,
			       "%s: does not parse as a YAML mapping; run "
			       "'strat lint' and fix it first",
			       file);
}

static size_t
offset(const doc *d, uint32_t line, uint32_t col)
{
	return yr_position_offset(d->buf, d->len, line, col);
}

/* Add a splice; text is taken over (freed by doc_free). */
static int
add_splice(doc *d, size_t at, size_t end, char *text)
{
	if (text == NULL)
		return oom();
	if (d->nsp == MAX_SPLICES) {
		free(text);
		return strat_error_set(STRAT_EUSAGE,
				       "too many changes at once");
	}
	d->sp[d->nsp].at = at;
	d->sp[d->nsp].end = end;
	d->sp[d->nsp].text = text;
	d->nsp++;
	return 0;
}

static int
cmp_splice(const void *a, const void *b)
{
	const splice *x = a, *y = b;

	return x->at < y->at ? -1 : x->at > y->at;
}

/* The buffer with every splice applied. */
static int
apply(doc *d, char **out, size_t *out_len)
{
	sbuf b = {0};
	size_t pos = 0, i;

	qsort(d->sp, d->nsp, sizeof(d->sp[0]), cmp_splice);
	for (i = 0; i < d->nsp; i++) {
		if (d->sp[i].at < pos || d->sp[i].end < d->sp[i].at ||
		    d->sp[i].end > d->len)
			return strat_error_set(STRAT_EUSAGE,
					       "%s: changes overlap; edit the "
					       "file by hand",
					       d->file);
		sb_put(&b, d->buf + pos, d->sp[i].at - pos);
		sb_puts(&b, d->sp[i].text);
		pos = d->sp[i].end;
	}
	sb_put(&b, d->buf + pos, d->len - pos);
	*out_len = b.len;
	if ((*out = sb_finish(&b)) == NULL)
		return oom();
	return 0;
}

/* ---- scalars ---------------------------------------------------------- */

/* Nonzero when the code point at s (n bytes left) must be escaped: the
 * unsafe ones, line breaks, the byte order mark.  *seq gets its length
 * (1 for an invalid byte, which is escaped as such). */
static int
must_escape(const char *s, size_t n, size_t *seq, uint32_t *cp)
{
	*seq = strat_text_utf8_seq((const unsigned char *)s, n, cp);
	if (*seq == 0) {
		*seq = 1;
		*cp = (unsigned char)*s;
		return 1;
	}
	return strat_text_unsafe_cp(*cp) || *cp == 0x85 || *cp == 0x2028 ||
	       *cp == 0x2029 || *cp == 0xFEFF || *cp == '\t';
}

static int
null_like(const char *s)
{
	return !*s || !strcmp(s, "~") || !strcmp(s, "null") ||
	       !strcmp(s, "Null") || !strcmp(s, "NULL");
}

static int
plain_ok(const char *s, int flow)
{
	size_t n = strlen(s), i, k;
	uint32_t cp;

	if (null_like(s) || s[0] == ' ' || s[n - 1] == ' ' || s[n - 1] == ':')
		return 0;
	if (strchr("-?:,[]{}#&*!|>'\"%@`", s[0]))
		return 0;
	for (i = 0; i < n; i += k) {
		if (must_escape(s + i, n - i, &k, &cp))
			return 0;
		if (s[i] == ':' &&
		    (s[i + 1] == ' ' || (flow && s[i + 1] == ',')))
			return 0;
		if (s[i] == ' ' && s[i + 1] == '#')
			return 0;
		if (flow && strchr(",[]{}", s[i]))
			return 0;
	}
	return 1;
}

static void
double_quoted(sbuf *b, const char *s)
{
	size_t n = strlen(s), i, k;
	uint32_t cp;

	sb_put(b, "\"", 1);
	for (i = 0; i < n; i += k) {
		if (must_escape(s + i, n - i, &k, &cp)) {
			if (cp == '\t')
				sb_puts(b, "\\t");
			else if (cp == '\n')
				sb_puts(b, "\\n");
			else if (k == 1 && cp >= 0x80)
				sb_printf(b, "\\x%02X", (unsigned)cp);
			else if (cp <= 0xFF)
				sb_printf(b, "\\x%02X", (unsigned)cp);
			else
				sb_printf(b, "\\u%04X", (unsigned)cp);
		} else if (s[i] == '"' || s[i] == '\\') {
			sb_put(b, "\\", 1);
			sb_put(b, s + i, 1);
		} else {
			sb_put(b, s + i, k);
		}
	}
	sb_put(b, "\"", 1);
}

char *
strat_edit_scalar(const char *value, int style, int flow)
{
	sbuf b = {0};
	size_t n = strlen(value), i, k;
	uint32_t cp;
	int single_ok = 1;

	for (i = 0; i < n; i += k)
		if (must_escape(value + i, n - i, &k, &cp))
			single_ok = 0;
	if (style == STRAT_EDIT_PLAIN && plain_ok(value, flow)) {
		sb_puts(&b, value);
	} else if (style == STRAT_EDIT_SINGLE && single_ok) {
		sb_put(&b, "'", 1);
		for (i = 0; i < n; i++) {
			if (value[i] == '\'')
				sb_put(&b, "'", 1);
			sb_put(&b, value + i, 1);
		}
		sb_put(&b, "'", 1);
	} else {
		double_quoted(&b, value);
	}
	return sb_finish(&b);
}

/* Values must be valid UTF-8: an invalid byte has no escape that reads
 * back as that byte. */
static int
check_values(const char *file, const strat_edit_field *f, size_t n)
{
	size_t i, k, j, len;
	uint32_t cp;

	for (i = 0; i < n; i++) {
		len = strlen(f[i].value);
		for (j = 0; j < len; j += k)
			if ((k = strat_text_utf8_seq(
				 (const unsigned char *)f[i].value + j, len - j,
				 &cp)) == 0)
				return strat_error_set(
				    STRAT_EUSAGE,
				    "%s: the value of '%s' is not valid "
				    "UTF-8; plan files are UTF-8",
				    file, f[i].key);
	}
	return 0;
}

/* ---- items -------------------------------------------------------------- */

/* The value node of key in mapping m, or NULL; *k gets the key node. */
static ynode *
lookup(ynode *m, const char *key, ynode **k)
{
	ynode *c;

	for (c = m->first; c && c->next; c = c->next->next)
		if (c->type == YN_SCALAR && strcmp(c->s, key) == 0) {
			*k = c;
			return c->next;
		}
	return NULL;
}

static ynode *
find_item(ynode *seq, const char *id)
{
	ynode *e, *k;
	ynode *v;

	for (e = seq->first; e; e = e->next) {
		if (e->type != YN_MAP)
			continue;
		v = lookup(e, "id", &k);
		if (v && v->type == YN_SCALAR && strcmp(v->s, id) == 0)
			return e;
	}
	return NULL;
}

/* The last value of mapping m (NULL when empty). */
static ynode *
last_value(ynode *m)
{
	ynode *c, *last = NULL;

	for (c = m->first; c && c->next; c = c->next->next)
		last = c->next;
	return last;
}

/* Offset of the end of the line holding offset at: before its "\n" or
 * "\r\n", or the end of the text. */
static size_t
line_end(const doc *d, size_t at)
{
	while (at < d->len && d->buf[at] != '\n')
		at++;
	if (at < d->len && at > 0 && d->buf[at - 1] == '\r')
		at--;
	return at;
}

/* The line break ending the line that ends at e (the file's own when
 * it is the last line without one). */
static const char *
eol_at(const doc *d, size_t e)
{
	if (e < d->len && d->buf[e] == '\r')
		return "\r\n";
	if (e < d->len)
		return "\n";
	return d->eol;
}

/* Where text can go after mapping m's last value, in block style: the
 * end of the line it ends on.  Refuses values whose end is not theirs. */
static int
after_last(const doc *d, ynode *m, const char *what, size_t *at)
{
	ynode *lv = last_value(m);

	if (lv == NULL)
		return strat_error_set(STRAT_EUSAGE, "%s: %s is empty", d->file,
				       what);
	if (lv->type == YN_SEQ || lv->type == YN_MAP ||
	    lv->style == YS_LITERAL || lv->style == YS_FOLDED)
		return strat_error_set(STRAT_EUSAGE,
				       "%s:%u:%u: %s ends with a nested list, "
				       "mapping or block scalar; move a plain "
				       "key last or edit the file by hand",
				       d->file, (unsigned)lv->line,
				       (unsigned)lv->column, what);
	if (lv->type == YN_NULL && lv->len == 0 && lv->s == NULL &&
	    lv->end_line == lv->line && lv->end_column == lv->column) {
		/* An empty value: its position may be the next token's. */
		ynode *k = m->first, *c;

		for (c = m->first; c && c->next; c = c->next->next)
			k = c;
		*at = line_end(d, offset(d, k->end_line, k->end_column));
		return 0;
	}
	*at = line_end(d, offset(d, lv->end_line, lv->end_column));
	return 0;
}

static int
scalar_style(const ynode *v)
{
	return v->style == YS_SINGLE   ? STRAT_EDIT_SINGLE
	       : v->style == YS_DOUBLE ? STRAT_EDIT_DOUBLE
				       : STRAT_EDIT_PLAIN;
}

/* Replace the value v (of key k) by value. */
static int
replace_value(doc *d, ynode *k, ynode *v, const char *value, int flow)
{
	size_t at, end, p;

	if (v->type == YN_SEQ || v->type == YN_MAP || v->style == YS_LITERAL ||
	    v->style == YS_FOLDED)
		return strat_error_set(STRAT_EUSAGE,
				       "%s:%u:%u: the value of '%s' is a "
				       "collection or a block scalar; edit it "
				       "by hand",
				       d->file, (unsigned)v->line,
				       (unsigned)v->column, k->s);
	if (v->type == YN_NULL && v->len == 0 && v->line == v->end_line &&
	    v->column == v->end_column) {
		/* 'key:' with nothing after it: the value goes after ':'. */
		p = offset(d, k->end_line, k->end_column);
		while (p < d->len && d->buf[p] != ':')
			p++;
		if (p == d->len)
			return strat_error_set(STRAT_EUSAGE,
					       "%s:%u:%u: cannot "
					       "find the ':' of '%s'",
					       d->file, (unsigned)k->line,
					       (unsigned)k->column, k->s);
		p++;
		at = end = p;
		if (p < d->len && d->buf[p] == ' ')
			at = end = p + 1;
		else if (add_splice(d, p, p, strdup(" ")) < 0)
			return -1;
		return add_splice(
		    d, at, end,
		    strat_edit_scalar(value, STRAT_EDIT_PLAIN, flow));
	}
	at = offset(d, v->line, v->column);
	end = offset(d, v->end_line, v->end_column);
	if (end <= at)
		return strat_error_set(STRAT_EUSAGE,
				       "%s:%u:%u: cannot place "
				       "the value of '%s'",
				       d->file, (unsigned)v->line,
				       (unsigned)v->column, k->s);
	return add_splice(d, at, end,
			  strat_edit_scalar(value, scalar_style(v), flow));
}

/* key: value as written into a mapping, in the given style. */
static char *
pair(const char *key, const char *value, int flow)
{
	sbuf b = {0};
	char *v = strat_edit_scalar(value, STRAT_EDIT_PLAIN, flow);

	if (v == NULL)
		return NULL;
	sb_puts(&b, key);
	sb_puts(&b, ": ");
	sb_puts(&b, v);
	free(v);
	return sb_finish(&b);
}

/* Spaces of a column (1-based): col - 1 of them. */
static void
indent(sbuf *b, uint32_t col)
{
	while (col-- > 1)
		sb_put(b, " ", 1);
}

static int
add_keys(doc *d, ynode *m, const strat_edit_field **add, size_t nadd,
	 const char *what)
{
	sbuf b = {0};
	size_t at, i;
	ynode *k;
	int flow = m->style == YS_FLOW;
	char *p;

	if (nadd == 0)
		return 0;
	if (flow) {
		ynode *lv = last_value(m);

		if (lv == NULL)
			return strat_error_set(STRAT_EUSAGE, "%s: %s is empty",
					       d->file, what);
		at = offset(d, lv->end_line, lv->end_column);
		if (lv->type == YN_NULL && lv->line == lv->end_line &&
		    lv->column == lv->end_column)
			return strat_error_set(
			    STRAT_EUSAGE,
			    "%s:%u:%u: %s ends with an empty "
			    "value; edit it by hand",
			    d->file, (unsigned)m->line, (unsigned)m->column,
			    what);
	} else if (after_last(d, m, what, &at) < 0) {
		return -1;
	}
	k = m->first;
	for (i = 0; i < nadd; i++) {
		if ((p = pair(add[i]->key, add[i]->value, flow)) == NULL) {
			free(sb_finish(&b));
			return oom();
		}
		if (flow) {
			sb_puts(&b, ", ");
		} else {
			sb_puts(&b, eol_at(d, at));
			indent(&b, k->column);
		}
		sb_puts(&b, p);
		free(p);
	}
	return add_splice(d, at, at, sb_finish(&b));
}

/* Read the result back: the item has each field with its value. */
static int
check_item(const doc *d, const char *buf, size_t len, const char *id,
	   const strat_edit_field *fields, size_t n, size_t want_items)
{
	doc c;
	ynode *m, *v, *k, *e;
	size_t i, items = 0;
	int rc = 0;

	if (doc_open(&c, d->file, buf, len, d->listkey->s) < 0 ||
	    c.list->type != YN_SEQ) {
		rc = -1;
		goto bad;
	}
	for (e = c.list->first; e; e = e->next)
		items++;
	if (items != want_items || (m = find_item(c.list, id)) == NULL) {
		rc = -1;
		goto bad;
	}
	for (i = 0; i < n; i++) {
		v = lookup(m, fields[i].key, &k);
		if (v == NULL || v->type != YN_SCALAR ||
		    strcmp(v->s, fields[i].value) != 0) {
			rc = -1;
			goto bad;
		}
	}
bad:
	doc_free(&c);
	if (rc < 0)
		return strat_error_set(STRAT_EUSAGE,
				       "%s: the change would not read back as "
				       "intended; nothing written (edit the "
				       "file by hand)",
				       d->file);
	return 0;
}

static size_t
count(const ynode *seq)
{
	const ynode *e;
	size_t n = 0;

	for (e = seq->first; e; e = e->next)
		n++;
	return n;
}

int
strat_edit_item_set(char **out, size_t *out_len, const char *file,
		    const char *buf, size_t len, const char *id,
		    const strat_edit_field *fields, size_t n)
{
	const strat_edit_field *add[MAX_SPLICES];
	size_t nadd = 0, i;
	ynode *m, *v, *k;
	doc d;
	int rc;

	*out = NULL;
	*out_len = 0;
	memset(&d, 0, sizeof(d));
	if ((rc = check_values(file, fields, n)) < 0 ||
	    (rc = doc_open(&d, file, buf, len, "items")) < 0)
		goto out;
	if (d.list->type != YN_SEQ) {
		rc = strat_error_set(STRAT_EUSAGE, "%s: 'items' is not a list",
				     file);
		goto out;
	}
	if ((m = find_item(d.list, id)) == NULL) {
		rc = strat_error_set(STRAT_ENOTFOUND, "%s: no item '%s'", file,
				     id);
		goto out;
	}
	for (i = 0; i < n && i < MAX_SPLICES; i++) {
		v = lookup(m, fields[i].key, &k);
		if (v == NULL)
			add[nadd++] = &fields[i];
		else if ((rc = replace_value(&d, k, v, fields[i].value,
					     m->style == YS_FLOW)) < 0)
			goto out;
	}
	if ((rc = add_keys(&d, m, add, nadd, "the item")) < 0 ||
	    (rc = apply(&d, out, out_len)) < 0 ||
	    (rc = check_item(&d, *out, *out_len, id, fields, n,
			     count(d.list))) < 0)
		goto out;
out:
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*out_len = 0;
	}
	doc_free(&d);
	return rc;
}

/* ---- lists -------------------------------------------------------------- */

/* The entry in flow style: {k: v, k: v}. */
static void
flow_entry(sbuf *b, const strat_edit_field *fields, size_t n)
{
	size_t i;
	char *p;

	sb_put(b, "{", 1);
	for (i = 0; i < n; i++) {
		if ((p = pair(fields[i].key, fields[i].value, 1)) == NULL) {
			b->failed = 1;
			return;
		}
		sb_puts(b, i ? ", " : "");
		sb_puts(b, p);
		free(p);
	}
	sb_put(b, "}", 1);
}

/* The entry in block style, after a line break: dash at column dash,
 * keys at column key (on the dash's line for the first). */
static void
block_entry(sbuf *b, const char *eol, uint32_t dash, uint32_t key,
	    const strat_edit_field *fields, size_t n)
{
	size_t i;
	char *p;

	for (i = 0; i < n; i++) {
		if ((p = pair(fields[i].key, fields[i].value, 0)) == NULL) {
			b->failed = 1;
			return;
		}
		sb_puts(b, eol);
		if (i == 0) {
			indent(b, dash);
			sb_put(b, "-", 1);
			indent(b, key - dash);
		} else {
			indent(b, key);
		}
		sb_puts(b, p);
		free(p);
	}
}

/* Nonzero when the line before the one at offset at is blank. */
static int
blank_before(const doc *d, size_t at)
{
	size_t p = at;

	while (p > 0 && d->buf[p - 1] != '\n')
		p--; /* start of at's line */
	if (p == 0)
		return 0;
	p--; /* its '\n' */
	if (p > 0 && d->buf[p - 1] == '\r')
		p--;
	while (p > 0 && (d->buf[p - 1] == ' ' || d->buf[p - 1] == '\t'))
		p--;
	return p == 0 || d->buf[p - 1] == '\n';
}

static int
append_block(doc *d, const strat_edit_field *fields, size_t n)
{
	ynode *seq = d->list, *last = NULL, *prev = NULL, *e;
	sbuf b = {0};
	size_t at;
	uint32_t dash, key;

	for (e = seq->first; e; e = e->next) {
		prev = last;
		last = e;
	}
	if (last->type != YN_MAP)
		return strat_error_set(
		    STRAT_EUSAGE,
		    "%s:%u:%u: the last entry of '%s' is not "
		    "a mapping; add the entry by hand",
		    d->file, (unsigned)last->line, (unsigned)last->column,
		    d->listkey->s);
	dash = seq->column;
	key = last->column;
	if (last->style == YS_FLOW) {
		at = line_end(d, offset(d, last->end_line, last->end_column));
		sb_puts(&b, eol_at(d, at));
		indent(&b, dash);
		sb_put(&b, "-", 1);
		indent(&b, key - dash);
		flow_entry(&b, fields, n);
		return add_splice(d, at, at, sb_finish(&b));
	}
	if (last->line == seq->line && key <= dash)
		return strat_error_set(STRAT_EUSAGE,
				       "%s:%u:%u: cannot tell "
				       "the indentation of '%s'",
				       d->file, (unsigned)seq->line,
				       (unsigned)seq->column, d->listkey->s);
	/* The dash of the last entry: its column is the list's. */
	if (after_last(d, last, "the last entry", &at) < 0)
		return -1;
	if (prev != NULL &&
	    blank_before(d, offset(d, last->line, last->column)))
		sb_puts(&b, eol_at(d, at));
	block_entry(&b, eol_at(d, at), dash, key, fields, n);
	return add_splice(d, at, at, sb_finish(&b));
}

static int
append_flow(doc *d, const strat_edit_field *fields, size_t n)
{
	ynode *seq = d->list, *last = NULL, *e;
	sbuf b = {0};
	size_t at, end, p;

	for (e = seq->first; e; e = e->next)
		last = e;
	if (last != NULL) {
		at = offset(d, last->end_line, last->end_column);
		if (last->type == YN_MAP && last->style == YS_FLOW)
			at++; /* the end is the closing brace */
		else if (last->type != YN_SCALAR)
			return strat_error_set(STRAT_EUSAGE,
					       "%s:%u:%u: cannot "
					       "add to '%s' here; edit it by "
					       "hand",
					       d->file, (unsigned)seq->line,
					       (unsigned)seq->column,
					       d->listkey->s);
		sb_puts(&b, ", ");
		flow_entry(&b, fields, n);
		return add_splice(d, at, at, sb_finish(&b));
	}
	/* key: [] becomes a block list below the key. */
	at = offset(d, seq->line, seq->column);
	end = offset(d, seq->end_line, seq->end_column);
	if (at >= d->len || d->buf[at] != '[' || end >= d->len ||
	    d->buf[end] != ']')
		return strat_error_set(STRAT_EUSAGE,
				       "%s:%u:%u: cannot place "
				       "the new entry of '%s'; edit it by hand",
				       d->file, (unsigned)seq->line,
				       (unsigned)seq->column, d->listkey->s);
	end++;
	while (at > 0 && d->buf[at - 1] == ' ')
		at--;
	if (add_splice(d, at, end, strdup("")) < 0)
		return -1;
	p = line_end(d, end);
	block_entry(&b, eol_at(d, p), d->listkey->column + 2,
		    d->listkey->column + 4, fields, n);
	return add_splice(d, p, p, sb_finish(&b));
}

int
strat_edit_list_append(char **out, size_t *out_len, const char *file,
		       const char *buf, size_t len, const char *list,
		       const strat_edit_field *fields, size_t n)
{
	doc d;
	int rc;

	*out = NULL;
	*out_len = 0;
	if (n == 0)
		return strat_error_set(STRAT_EUSAGE, "an entry needs a key");
	memset(&d, 0, sizeof(d));
	if ((rc = check_values(file, fields, n)) < 0 ||
	    (rc = doc_open(&d, file, buf, len, list)) < 0)
		goto out;
	if (d.list->type != YN_SEQ) {
		rc = strat_error_set(STRAT_EUSAGE,
				     "%s:%u:%u: '%s' is not a "
				     "list",
				     file, (unsigned)d.list->line,
				     (unsigned)d.list->column, list);
		goto out;
	}
	rc = d.list->style == YS_FLOW ? append_flow(&d, fields, n)
				      : append_block(&d, fields, n);
	if (rc < 0 || (rc = apply(&d, out, out_len)) < 0)
		goto out;
	if (strcmp(fields[0].key, "id") == 0)
		rc = check_item(&d, *out, *out_len, fields[0].value, fields, n,
				count(d.list) + 1);
out:
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*out_len = 0;
	}
	doc_free(&d);
	return rc;
}

/* ---- ids ---------------------------------------------------------------- */

char *
strat_edit_make_id(const strat_plan *plan, const char *title)
{
	char base[41], *out;
	size_t n = 0, cap = 64;
	const char *s;
	int dash = 0, k;

	for (s = title; *s && n < 40; s++) {
		unsigned char ch = (unsigned char)*s;

		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
			if (dash && n > 0 && n < 39)
				base[n++] = '-';
			dash = 0;
			base[n++] = (char)ch;
		} else if (ch >= 'A' && ch <= 'Z') {
			if (dash && n > 0 && n < 39)
				base[n++] = '-';
			dash = 0;
			base[n++] = (char)(ch - 'A' + 'a');
		} else {
			dash = 1;
		}
	}
	if (n == 0)
		n = (size_t)snprintf(base, sizeof(base), "item");
	base[n] = '\0';
	if ((out = malloc(cap)) == NULL)
		return NULL;
	snprintf(out, cap, "%s", base);
	for (k = 2; strat_plan_find_item(plan, out) != NULL || null_like(out);
	     k++)
		snprintf(out, cap, "%s-%d", base, k);
	return out;
}

const char *
strat_edit_suggest_item(const strat_plan *plan, const char *id)
{
	size_t n = strat_plan_item_count(plan), i, k = 0;
	const char **ids = malloc((n ? n : 1) * sizeof(*ids));
	const char *best;

	if (ids == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		if (strat_plan_item(plan, i)->id.s != NULL)
			ids[k++] = strat_plan_item(plan, i)->id.s;
	best = suggest(id, ids, k);
	free(ids);
	return best;
}
