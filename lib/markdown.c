/* markdown.c - the only door to cmark-gfm.  See markdown.h. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include "markdown.h"
#include "strat/text.h"

/* Exported by libcmark-gfm-extensions but not declared in its headers. */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW,
    CMARK_NODE_TABLE_CELL;

struct md_block {
	cmark_node *node;
	md_doc *doc;
};

struct md_doc {
	cmark_node *root;
	cmark_node *list, *table, *row;
	cmark_syntax_extension *table_ext;
	md_block
	    blocks[64]; /* handed out in turn; callers fill one at a time */
	size_t nblock;
	size_t ncols;
	int failed, has_html;
};

static cmark_syntax_extension *
table_ext(void)
{
	cmark_gfm_core_extensions_ensure_registered();
	return cmark_find_syntax_extension("table");
}

md_doc *
md_new(void)
{
	md_doc *d = calloc(1, sizeof(*d));

	if (d == NULL)
		return NULL;
	d->root = cmark_node_new(CMARK_NODE_DOCUMENT);
	d->table_ext = table_ext();
	if (d->root == NULL || d->table_ext == NULL) {
		md_free(d);
		return NULL;
	}
	return d;
}

void
md_free(md_doc *d)
{
	if (d == NULL)
		return;
	if (d->root)
		cmark_node_free(d->root);
	free(d);
}

int
md_failed(const md_doc *d)
{
	return d == NULL || d->failed;
}

static void
append(md_doc *d, cmark_node *parent, cmark_node *child)
{
	if (child == NULL || parent == NULL ||
	    !cmark_node_append_child(parent, child)) {
		if (child)
			cmark_node_free(child);
		d->failed = 1;
	}
}

/*
 * User text made inert: bytes that are not UTF-8, and noncharacters, become
 * U+FFFD; blanks around it trimmed; control characters and
 * line breaks and bidirectional overrides become spaces;
 * a zero-width space after '@' (no mention), inside "://" and after "www"
 * (no autolink).  The renderer escapes markup characters itself.
 */
enum { TRIM_LEAD = 1, TRIM_TRAIL = 2, TRIM_BOTH = 3 };

static char *
inert(const char *s, int trim)
{
	size_t n = strlen(s), i, o = 0, k;
	char *out = malloc(n * 4 + 1);
	static const char zwsp[] = "\xe2\x80\x8b";

	if (out == NULL)
		return NULL;
	for (i = 0; i < n; i += k) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;

		k = strat_text_utf8_seq((const unsigned char *)s + i, n - i,
					&cp);
		/* Not UTF-8, or a noncharacter: U+FFFD.  cmark-gfm 0.29
		 * writes U+FFFF and U+FFFE as the single bytes 0xFF and
		 * 0xFE (invalid UTF-8), and a table cell holding them
		 * comes back as no table at all (found by fuzz_markdown). */
		if (k == 0 || (cp & 0xfffe) == 0xfffe ||
		    (cp >= 0xfdd0 && cp <= 0xfdef)) {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
			if (k == 0)
				k = 1;
			continue;
		}
		if (cp == '\t' || strat_text_unsafe_cp(cp)) {
			out[o++] = ' ';
			continue;
		}
		if (k > 1) {
			memcpy(out + o, s + i, k);
			o += k;
			continue;
		}
		out[o++] = (char)c;
		if (c == '@' || (c == ':' && s[i + 1] == '/') ||
		    ((c == 'w' || c == 'W') && i >= 2 &&
		     (s[i - 1] | 0x20) == 'w' && (s[i - 2] | 0x20) == 'w' &&
		     s[i + 1] == '.')) {
			memcpy(out + o, zwsp, 3);
			o += 3;
		}
	}
	/* At the start of a block, leading blanks would let "  - x" or
	 * "    x" start a list or a code block.  Trimmed after control
	 * characters became spaces. */
	while ((trim & TRIM_TRAIL) && o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	for (i = 0; (trim & TRIM_LEAD) && out[i] == ' '; i++)
		;
	memmove(out, out + i, o - i + 1);
	return out;
}

/* Whether text is empty once made inert. */
static int
blank(const char *text)
{
	char *t;
	int r;

	if (text == NULL || text[0] == '\0')
		return 1;
	if ((t = inert(text, TRIM_BOTH)) == NULL)
		return 0; /* leaf() reports the failure */
	r = t[0] == '\0';
	free(t);
	return r;
}

/* Whether block has no visible content yet. */
static int
at_start(cmark_node *block)
{
	cmark_node *c;
	const char *lit;

	for (c = cmark_node_first_child(block); c; c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) != CMARK_NODE_TEXT)
			return 0;
		lit = cmark_node_get_literal(c);
		if (lit != NULL && lit[0] != '\0')
			return 0;
	}
	return 1;
}

static cmark_node *
leaf(md_doc *d, cmark_node_type type, const char *text, int trim)
{
	cmark_node *n = cmark_node_new(type);
	char *t = inert(text ? text : "", trim);

	if (n == NULL || t == NULL || !cmark_node_set_literal(n, t)) {
		if (n)
			cmark_node_free(n);
		n = NULL;
		d->failed = 1;
	}
	free(t);
	return n;
}

static md_block *
block(md_doc *d, cmark_node *node)
{
	md_block *b = &d->blocks[d->nblock++ % 64];

	b->node = node;
	b->doc = d;
	return b;
}

void
md_heading(md_doc *d, int level, const char *text)
{
	cmark_node *h = cmark_node_new(CMARK_NODE_HEADING);

	if (h == NULL) {
		d->failed = 1;
		return;
	}
	cmark_node_set_heading_level(h, level);
	append(d, h, leaf(d, CMARK_NODE_TEXT, text, TRIM_BOTH));
	append(d, d->root, h);
}

md_block *
md_para(md_doc *d)
{
	cmark_node *p = cmark_node_new(CMARK_NODE_PARAGRAPH);

	append(d, d->root, p);
	return block(d, d->failed ? NULL : p);
}

void
md_text(md_block *b, const char *text)
{
	if (b->node)
		append(b->doc, b->node,
		       leaf(b->doc, CMARK_NODE_TEXT, text,
			    at_start(b->node) ? TRIM_LEAD : 0));
}

void
md_textf(md_block *b, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	md_text(b, buf);
}

static void
wrapped(md_block *b, cmark_node_type type, const char *text)
{
	cmark_node *w;

	/* Empty strong or emphasis would render as "****", a rule. */
	if (b->node == NULL || blank(text))
		return;
	if ((w = cmark_node_new(type)) == NULL) {
		b->doc->failed = 1;
		return;
	}
	append(b->doc, w, leaf(b->doc, CMARK_NODE_TEXT, text, TRIM_BOTH));
	append(b->doc, b->node, w);
}

void
md_strong(md_block *b, const char *text)
{
	wrapped(b, CMARK_NODE_STRONG, text);
}

void
md_emph(md_block *b, const char *text)
{
	wrapped(b, CMARK_NODE_EMPH, text);
}

void
md_code(md_block *b, const char *text)
{
	if (b->node && !blank(text))
		append(b->doc, b->node,
		       leaf(b->doc, CMARK_NODE_CODE, text, TRIM_BOTH));
}

void
md_list(md_doc *d)
{
	d->list = cmark_node_new(CMARK_NODE_LIST);
	if (d->list == NULL) {
		d->failed = 1;
		return;
	}
	cmark_node_set_list_type(d->list, CMARK_BULLET_LIST);
	cmark_node_set_list_tight(d->list, 1);
	append(d, d->root, d->list);
}

md_block *
md_item(md_doc *d)
{
	cmark_node *it = cmark_node_new(CMARK_NODE_ITEM);
	cmark_node *p = cmark_node_new(CMARK_NODE_PARAGRAPH);

	if (d->list == NULL)
		md_list(d);
	append(d, it, p);
	append(d, d->list, it);
	return block(d, d->failed ? NULL : p);
}

void
md_list_end(md_doc *d)
{
	d->list = NULL;
}

static cmark_node *
ext_node(md_doc *d, cmark_node_type type)
{
	cmark_node *n = cmark_node_new_with_ext(type, d->table_ext);

	if (n == NULL)
		d->failed = 1;
	return n;
}

void
md_table(md_doc *d, size_t ncols, const char *const *headers, const char *align)
{
	uint8_t al[64];
	size_t i;

	if (ncols == 0 || ncols > 64) {
		d->failed = 1;
		return;
	}
	d->table = ext_node(d, CMARK_NODE_TABLE);
	if (d->table == NULL)
		return;
	d->ncols = ncols;
	cmark_gfm_extensions_set_table_columns(d->table, (uint16_t)ncols);
	for (i = 0; i < ncols; i++)
		al[i] = align && align[i] == 'r'   ? 'r'
			: align && align[i] == 'c' ? 'c'
			: align && align[i] == 'l' ? 'l'
						   : 0;
	/* Always set: rendering without alignments crashes cmark-gfm. */
	cmark_gfm_extensions_set_table_alignments(d->table, (uint16_t)ncols,
						  al);
	append(d, d->root, d->table);
	md_row(d);
	cmark_gfm_extensions_set_table_row_is_header(d->row, 1);
	for (i = 0; i < ncols; i++)
		md_text(md_cell(d), headers[i]);
}

void
md_row(md_doc *d)
{
	if (d->table == NULL)
		return;
	d->row = ext_node(d, CMARK_NODE_TABLE_ROW);
	append(d, d->table, d->row);
}

md_block *
md_cell(md_doc *d)
{
	cmark_node *c = NULL;

	/*
	 * Made as the table parser makes cells: a plain node given the
	 * extension afterwards.  cmark_node_new_with_ext allocates cell data
	 * that cmark-gfm 0.29.0.gfm.6 never frees (24 bytes a cell, found
	 * by fuzz/fuzz_markdown.c); no renderer reads it.
	 */
	if (d->row != NULL) {
		c = cmark_node_new(CMARK_NODE_TABLE_CELL);
		if (c == NULL ||
		    !cmark_node_set_syntax_extension(c, d->table_ext)) {
			if (c)
				cmark_node_free(c);
			c = NULL;
			d->failed = 1;
		} else {
			append(d, d->row, c);
		}
	}
	return block(d, d->failed ? NULL : c);
}

void
md_table_end(md_doc *d)
{
	d->table = d->row = NULL;
}

void
md_html_block(md_doc *d, const char *html)
{
	cmark_node *n = cmark_node_new(CMARK_NODE_HTML_BLOCK);

	if (n == NULL || !cmark_node_set_literal(n, html)) {
		if (n)
			cmark_node_free(n);
		d->failed = 1;
		return;
	}
	d->has_html = 1;
	append(d, d->root, n);
}

char *
md_render(md_doc *d, int format)
{
	cmark_llist *exts = NULL;
	cmark_mem *mem = cmark_get_default_mem_allocator();
	cmark_node *n, *next;
	char *out;

	if (d == NULL || d->failed)
		return NULL;
	exts = cmark_llist_append(mem, exts, d->table_ext);
	if (format == MD_HTML) {
		/* Our own HTML blocks are trusted; user text is in text
		 * nodes, which the renderer always escapes. */
		out = cmark_render_html(d->root, CMARK_OPT_UNSAFE, exts);
	} else {
		if (d->has_html)
			for (n = cmark_node_first_child(d->root); n; n = next) {
				next = cmark_node_next(n);
				if (cmark_node_get_type(n) ==
				    CMARK_NODE_HTML_BLOCK)
					cmark_node_free(n);
			}
		d->has_html = 0;
		out = cmark_render_commonmark(d->root, CMARK_OPT_DEFAULT, 0);
	}
	cmark_llist_free(mem, exts);
	return out;
}

int
md_shape_of(const char *gfm, size_t len, md_shape *out)
{
	static const char *const names[] = {"table", "autolink",
					    "strikethrough", "tagfilter"};
	cmark_parser *p;
	cmark_node *doc, *n;
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node_type t;
	size_t i, cells = 0;

	memset(out, 0, sizeof(*out));
	cmark_gfm_core_extensions_ensure_registered();
	if ((p = cmark_parser_new(CMARK_OPT_DEFAULT)) == NULL)
		return -1;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		cmark_syntax_extension *e =
		    cmark_find_syntax_extension(names[i]);

		if (e != NULL)
			cmark_parser_attach_syntax_extension(p, e);
	}
	cmark_parser_feed(p, gfm, len);
	doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	if (doc == NULL)
		return -1;
	out->cells_min = SIZE_MAX;
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		t = cmark_node_get_type(n);
		if (t == CMARK_NODE_TABLE_ROW && ev == CMARK_EVENT_EXIT) {
			if (cells < out->cells_min)
				out->cells_min = cells;
			if (cells > out->cells_max)
				out->cells_max = cells;
			continue;
		}
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_TABLE)
			out->tables++;
		else if (t == CMARK_NODE_TABLE_ROW) {
			out->rows++;
			cells = 0;
		} else if (t == CMARK_NODE_TABLE_CELL)
			cells++;
		else if (t == CMARK_NODE_HEADING)
			out->headings++;
		else if (t == CMARK_NODE_PARAGRAPH)
			out->paragraphs++;
		else if (t == CMARK_NODE_LIST)
			out->lists++;
		else if (t == CMARK_NODE_ITEM)
			out->items++;
		else if (t == CMARK_NODE_LINK)
			out->links++;
		else if (t == CMARK_NODE_IMAGE)
			out->images++;
		else if (t == CMARK_NODE_HTML_BLOCK ||
			 t == CMARK_NODE_HTML_INLINE)
			out->html++;
		else if (t == CMARK_NODE_CODE_BLOCK)
			out->code_blocks++;
		else if (t == CMARK_NODE_LINEBREAK)
			out->breaks++;
		else if (t == CMARK_NODE_BLOCK_QUOTE ||
			 t == CMARK_NODE_THEMATIC_BREAK ||
			 t == CMARK_NODE_FOOTNOTE_DEFINITION)
			out->other_blocks++;
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	if (out->rows == 0)
		out->cells_min = 0;
	return 0;
}
