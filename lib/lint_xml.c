/*
 * lint_xml.c - lint findings as XML: checkstyle (the format Jenkins'
 * warnings plugin and reviewdog read) and a JUnit test report (GitLab's
 * and Jenkins' test views).  Text is escaped for XML 1.0: markup
 * characters as entities, characters XML 1.0 cannot carry (controls but
 * tab, LF, CR) and bytes that are not UTF-8 as U+FFFD, DEL, C1 controls
 * and bidirectional marks as character references (never raw).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lint_render.h"

static void
xml(sbuf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), k;
	uint32_t cp;

	for (; n > 0; p += k, n -= k) {
		k = 1;
		switch (*p) {
		case '&':
			sb_puts(b, "&amp;");
			continue;
		case '<':
			sb_puts(b, "&lt;");
			continue;
		case '>':
			sb_puts(b, "&gt;");
			continue;
		case '"':
			sb_puts(b, "&quot;");
			continue;
		case '\'':
			sb_puts(b, "&apos;");
			continue;
		case '\t':
			sb_puts(b, "&#9;");
			continue;
		case '\n':
			sb_puts(b, "&#10;");
			continue;
		case '\r':
			sb_puts(b, "&#13;");
			continue;
		}
		if ((k = strat_text_utf8_seq(p, n, &cp)) == 0 || cp < 0x20 ||
		    cp == 0xFFFE || cp == 0xFFFF) {
			sb_puts(b, "\xef\xbf\xbd"); /* U+FFFD */
			if (k == 0)
				k = 1;
		} else if (strat_text_unsafe_cp(cp)) {
			/* DEL, C1, bidirectional marks: kept as data, inert
			 * as bytes (as JSON's \u escapes) */
			char ref[12];

			snprintf(ref, sizeof(ref), "&#x%X;", (unsigned)cp);
			sb_puts(b, ref);
		} else {
			sb_put(b, (const char *)p, k);
		}
	}
}

/* The findings' files in order of first appearance (diags are sorted by
 * file, so each file's findings are one run). */
static int
same_file(const strat_diag *a, const strat_diag *b)
{
	return strcmp(a->file, b->file) == 0;
}

static const char *
path_of(const strat_diag *d)
{
	return d->file[0] ? d->file : "strat.yaml";
}

void
lint_checkstyle(sbuf *b, const strat_lint_result *r)
{
	size_t i, n = strat_diags_count(r->diags);
	const strat_diag *d, *prev = NULL;

	sb_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		   "<checkstyle version=\"" STRAT_VERSION "\">\n");
	for (i = 0; i < n; i++) {
		d = strat_diags_get(r->diags, i);
		if (prev == NULL || !same_file(prev, d)) {
			if (prev != NULL)
				sb_puts(b, "</file>\n");
			sb_puts(b, "<file name=\"");
			xml(b, path_of(d));
			sb_puts(b, "\">\n");
		}
		prev = d;
		sb_puts(b, "  <error");
		if (d->line)
			sb_printf(b, " line=\"%u\"", d->line);
		if (d->line && d->column)
			sb_printf(b, " column=\"%u\"", d->column);
		sb_printf(b, " severity=\"%s\" message=\"",
			  strat_severity_name(d->severity));
		xml(b, d->message);
		if (d->hint) {
			sb_puts(b, " (");
			xml(b, d->hint);
			sb_puts(b, ")");
		}
		sb_puts(b, "\" source=\"strat.");
		xml(b, strat_rule_id(d->rule));
		sb_puts(b, "\"/>\n");
	}
	if (prev != NULL)
		sb_puts(b, "</file>\n");
	sb_puts(b, "</checkstyle>\n");
}

static void
testcase(sbuf *b, const strat_diag *d)
{
	sb_puts(b, "    <testcase classname=\"");
	xml(b, path_of(d));
	sb_puts(b, "\" name=\"");
	xml(b, strat_rule_id(d->rule));
	if (d->line)
		sb_printf(b, " at line %u", d->line);
	if (d->line && d->column)
		sb_printf(b, ", column %u", d->column);
	sb_puts(b, "\">\n      <failure type=\"");
	sb_puts(b, strat_severity_name(d->severity));
	sb_puts(b, "\" message=\"");
	xml(b, d->message);
	sb_puts(b, "\">");
	xml(b, path_of(d));
	if (d->line)
		sb_printf(b, ":%u", d->line);
	if (d->line && d->column)
		sb_printf(b, ":%u", d->column);
	sb_printf(b, ": %s: ", strat_severity_name(d->severity));
	xml(b, d->message);
	sb_printf(b, " [%s]", strat_rule_id(d->rule));
	if (d->hint) {
		sb_puts(b, "&#10;hint: ");
		xml(b, d->hint);
	}
	sb_puts(b, "</failure>\n    </testcase>\n");
}

/*
 * One test suite per file with findings, one failed test case per
 * finding (errors and warnings alike: its type says which); a clean plan
 * is one suite with one passed case.
 */
void
lint_junit(sbuf *b, const strat_lint_result *r)
{
	size_t i, j, n = strat_diags_count(r->diags);

	sb_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	sb_printf(b,
		  "<testsuites name=\"strat lint\" tests=\"%zu\" "
		  "failures=\"%zu\" errors=\"0\">\n",
		  n ? n : 1, n);
	if (n == 0)
		sb_printf(b,
			  "  <testsuite name=\"strat lint\" tests=\"1\" "
			  "failures=\"0\" errors=\"0\" skipped=\"0\">\n"
			  "    <testcase classname=\"strat lint\" name=\"%zu "
			  "file%s, no problems\"/>\n  </testsuite>\n",
			  r->files, r->files == 1 ? "" : "s");
	for (i = 0; i < n; i = j) {
		const strat_diag *d = strat_diags_get(r->diags, i);

		for (j = i + 1;
		     j < n && same_file(d, strat_diags_get(r->diags, j)); j++)
			;
		sb_puts(b, "  <testsuite name=\"");
		xml(b, path_of(d));
		sb_printf(b,
			  "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
			  "skipped=\"0\">\n",
			  j - i, j - i);
		for (; i < j; i++)
			testcase(b, strat_diags_get(r->diags, i));
		sb_puts(b, "  </testsuite>\n");
	}
	sb_puts(b, "</testsuites>\n");
}
