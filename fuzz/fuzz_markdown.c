/*
 * fuzz_markdown.c - arbitrary user strings through the Markdown/HTML
 * builder.  The input is split into strings (at NUL bytes, or at newlines
 * when it has none): a heading, a paragraph of text, strong, emphasis and
 * code, a table of 1-4 columns whose headers and cells are the strings,
 * and a list.  Oracles:
 *   HTML: every '<' opens or closes one of the tags strat writes, so no
 *         user text became markup;
 *   GFM:  parsed again as GitHub does (tables, autolinks), the document
 *         has the shape that was built: one heading, one paragraph, one
 *         table of the same rows and columns, one list, and no link,
 *         image, raw HTML, code block, quote or rule; every '@' is
 *         followed by a zero-width space (no @mention).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "markdown.h"

#define MAXF 64

static const char *const tags[] = {
    "h1>",    "h2>",         "p>",     "strong>", "em>",   "code>",
    "table>", "thead>",      "tbody>", "tr>",     "th>",   "th align=\"",
    "td>",    "td align=\"", "ul>",    "li>",     "br />", NULL};

static void
check_html(const char *h)
{
	const char *p = h, *q;
	size_t i;

	while ((p = strchr(p, '<')) != NULL) {
		q = p + 1 + (p[1] == '/');
		for (i = 0; tags[i]; i++)
			if (strncmp(q, tags[i], strlen(tags[i])) == 0)
				break;
		if (tags[i] == NULL)
			fuzz_fail("raw '<' in HTML output", h, strlen(h));
		p++;
	}
}

static void
check_gfm(const char *g, size_t rows, size_t cols)
{
	md_shape s;
	const char *p = g;

	if (md_shape_of(g, strlen(g), &s) < 0)
		abort();
	if (s.headings != 1 || s.paragraphs < 1 || s.tables != 1 ||
	    s.rows != rows || s.cells_min != cols || s.cells_max != cols ||
	    s.lists != 1 || s.items != 2 || s.links || s.images || s.html ||
	    s.code_blocks || s.breaks || s.other_blocks) {
		fprintf(stderr,
			"want rows %zu cols %zu; got headings %zu paras %zu "
			"tables %zu rows %zu cells %zu-%zu lists %zu items %zu "
			"links %zu images %zu html %zu code %zu breaks %zu "
			"other %zu\n",
			rows, cols, s.headings, s.paragraphs, s.tables, s.rows,
			s.cells_min, s.cells_max, s.lists, s.items, s.links,
			s.images, s.html, s.code_blocks, s.breaks,
			s.other_blocks);
		fuzz_fail("GFM output re-parsed to another shape", g,
			  strlen(g));
	}
	while ((p = strchr(p, '@')) != NULL) {
		if (strncmp(p + 1, "\xe2\x80\x8b", 3) != 0)
			fuzz_fail("'@' without zero-width space (mention)", g,
				  strlen(g));
		p++;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1), *f[MAXF], *p;
	char sep = memchr(data, '\0', size) ? '\0' : '\n';
	const char *hdr[4];
	size_t nf = 0, i, cols, rows, k;
	md_doc *d;
	md_block *b;
	char *out;

	if (buf == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	f[nf++] = buf;
	for (p = buf; p < buf + size && nf < MAXF; p++)
		if (*p == sep) {
			*p = '\0';
			f[nf++] = p + 1;
		}
	for (i = nf; i < 8; i++)
		f[i] = "";
	if (nf < 8)
		nf = 8;
	cols = 1 + size % 4;
	if ((d = md_new()) == NULL)
		abort();
	md_heading(d, 1, f[0]);
	b = md_para(d);
	md_text(b, f[1]);
	md_strong(b, f[2]);
	md_emph(b, f[3]);
	md_code(b, f[4]);
	md_textf(b, " %s.", f[5]);
	for (i = 0; i < cols; i++)
		hdr[i] = f[i];
	md_table(d, cols, hdr, "lrcx");
	rows = 1;
	for (k = 0; k < nf; k += cols) {
		md_row(d);
		rows++;
		for (i = 0; i < cols; i++) {
			b = md_cell(d);
			md_text(b, k + i < nf ? f[k + i] : "");
			if (i == 0)
				md_code(b, f[nf - 1]);
		}
	}
	md_table_end(d);
	md_list(d);
	md_text(md_item(d), f[6]);
	md_strong(md_item(d), f[7]);
	md_list_end(d);
	if ((out = md_render(d, MD_HTML)) != NULL) {
		check_html(out);
		free(out);
	}
	if ((out = md_render(d, MD_GFM)) != NULL) {
		check_gfm(out, rows, cols);
		free(out);
	}
	md_free(d);
	free(buf);
	return 0;
}
