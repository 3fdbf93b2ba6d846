/*
 * markdown.h - documents built as cmark-gfm trees, rendered to GitHub-
 * flavoured Markdown or HTML.  (internal; lib/markdown.c is the only door
 * to cmark-gfm.)
 *
 * All text passed in is user text: it becomes text nodes, never markup.
 * Line breaks and control characters become spaces, '@' cannot start a
 * mention, "://" and "www." cannot autolink, and the renderers escape the
 * rest (table pipes included), so no title can break a table, inject HTML,
 * images or links, or ping anyone.
 */
#ifndef STRAT_MARKDOWN_H
#define STRAT_MARKDOWN_H

#include <stddef.h>

typedef struct md_doc md_doc;
typedef struct md_block md_block; /* a paragraph, list item or table cell */

md_doc *md_new(void);
void md_free(md_doc *doc);

void md_heading(md_doc *doc, int level, const char *text);
/* A new paragraph to fill with md_text/md_strong/md_code/md_emph. */
md_block *md_para(md_doc *doc);
void md_text(md_block *b, const char *text);
void md_textf(md_block *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void md_strong(md_block *b, const char *text);
void md_emph(md_block *b, const char *text);
void md_code(md_block *b, const char *text);

/* A bullet list; each md_item is a block to fill. */
void md_list(md_doc *doc);
md_block *md_item(md_doc *doc);
void md_list_end(md_doc *doc);

/* A table: align is a string of 'l', 'r', 'c' per column. */
void md_table(md_doc *doc, size_t ncols, const char *const *headers,
	      const char *align);
/* A new row; then md_cell for each column. */
void md_row(md_doc *doc);
md_block *md_cell(md_doc *doc);
void md_table_end(md_doc *doc);

/* Raw HTML for the HTML renderer only (trusted text from strat itself,
 * e.g. an SVG chart); dropped from Markdown output. */
void md_html_block(md_doc *doc, const char *html);

enum { MD_GFM, MD_HTML };
/* The rendered document, malloc'd (free()), or NULL on out-of-memory. */
char *md_render(md_doc *doc, int format);

/*
 * The shape of a GitHub-flavoured Markdown text as GitHub would parse it
 * (tables and autolinks on): for tests that check that user text changed
 * nothing but text.  Returns 0, or -1 on out-of-memory.
 */
typedef struct {
	size_t headings, paragraphs, lists, items, tables, rows;
	size_t cells_min, cells_max; /* cells per table row */
	size_t links, images, html, code_blocks, breaks, other_blocks;
} md_shape;
int md_shape_of(const char *gfm, size_t len, md_shape *out);

/* Nonzero if any allocation failed while building. */
int md_failed(const md_doc *doc);

#endif
