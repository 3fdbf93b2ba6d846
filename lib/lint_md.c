/*
 * lint_md.c - lint findings as GitHub-flavoured Markdown: a verdict line
 * and the findings as a list, short enough for a pull-request comment or
 * a step summary ($GITHUB_STEP_SUMMARY).  User text is made inert by
 * lib/markdown.c.
 */
#include <stdio.h>
#include <stdlib.h>

#include "lint_render.h"
#include "markdown.h"

#define MD_MAX_ROWS 100

void
lint_md_list(md_doc *doc, const strat_diags *diags, size_t max)
{
	size_t i, n = strat_diags_count(diags);
	const strat_diag *g;
	md_block *p;
	char loc[1100];

	md_list(doc);
	for (i = 0; i < n && i < max; i++) {
		g = strat_diags_get(diags, i);
		p = md_item(doc);
		if (g->line)
			snprintf(loc, sizeof(loc), "%s:%u:%u", g->file, g->line,
				 g->column);
		else
			snprintf(loc, sizeof(loc), "%s", g->file);
		md_code(p, loc);
		md_text(p, " ");
		md_strong(p, strat_severity_name(g->severity));
		md_textf(p, ": %s ", g->message);
		md_code(p, strat_rule_id(g->rule));
	}
	md_list_end(doc);
	if (n > max) {
		p = md_para(doc);
		md_textf(p, "... and %zu more; run ", n - max);
		md_code(p, "strat lint");
		md_text(p, " locally for the full list.");
	}
}

void
lint_md(sbuf *b, const strat_lint_result *r)
{
	md_doc *doc = md_new();
	md_block *p;
	size_t e = strat_diags_errors(r->diags);
	size_t w = strat_diags_warnings(r->diags);
	char *text;

	if (doc == NULL) {
		b->failed = 1;
		return;
	}
	md_heading(doc, 3, "strat lint");
	p = md_para(doc);
	if (e == 0 && w == 0) {
		md_textf(p, "No problems in %zu file%s.", r->files,
			 r->files == 1 ? "" : "s");
	} else {
		if (e) {
			char s[64];

			snprintf(s, sizeof(s), "%zu error%s", e,
				 e == 1 ? "" : "s");
			md_strong(p, s);
		} else {
			md_text(p, "0 errors");
		}
		md_textf(p, ", %zu warning%s in %zu file%s.", w,
			 w == 1 ? "" : "s", r->files, r->files == 1 ? "" : "s");
		lint_md_list(doc, r->diags, MD_MAX_ROWS);
	}
	if (md_failed(doc) || (text = md_render(doc, MD_GFM)) == NULL) {
		b->failed = 1;
	} else {
		sb_puts(b, text);
		free(text);
	}
	md_free(doc);
}
