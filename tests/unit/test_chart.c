/* test_chart.c - lib/chart.c, the one chart writer of the HTML pages:
 * a line of points at their own place with a reference line and marks
 * (the KPI charts), the line of one point per column (the execution
 * rate), and the post-processor that keeps dates on one line without
 * touching tags, style or SVG. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "chart.h"

static void
has(const char *html, const char *want)
{
	if (strstr(html, want) == NULL)
		fail_msg("no '%s' in:\n%s", want, html);
}

static void
hasnt(const char *html, const char *bad)
{
	if (strstr(html, bad) != NULL)
		fail_msg("'%s' in:\n%s", bad, html);
}

static void
cols(chart_col *c, size_t n)
{
	static const char *const labels[] = {"2026-Q1", "2026-Q2", "2026-Q3",
					     "2026-Q4"};
	size_t i;

	for (i = 0; i < n; i++) {
		c[i].label = labels[i];
		c[i].title = NULL;
		c[i].state = CHART_FULL;
		c[i].bar[0] = c[i].bar[1] = c[i].line = NAN;
	}
}

/* A KPI: readings at their x, the target as the reference line (and in
 * the axis range though above every reading), marks, a band for the
 * column in progress. */
static void
points(void **state)
{
	chart_col c[4];
	chart_pt pt[3] = {{0, 120, "2026-01-01: 120"},
			  {1.5, 150, NULL},
			  {2.25, 170, "2026-08-15: 170"}};
	chart_pt mk[1] = {{1.25, 0, "a1 shipped 2026-05-10"}};
	chart_spec s = {.id = "ch-kpi-0",
			.label = "mql",
			.line_name = "reading",
			.pts = pt,
			.npts = 3,
			.ref_name = "target 200",
			.ref = 200,
			.marks = mk,
			.nmarks = 1,
			.mark_name = "an item serving it shipped"};
	sbuf b = {0};

	(void)state;
	cols(c, 4);
	c[3].state = CHART_PROGRESS;
	chart_html(&b, &s, c, 4);
	assert_false(b.failed);
	/* 120 to 200 in four steps of 20 */
	has(b.s, "<span class=\"ch-yl\">120</span>");
	has(b.s, "<span class=\"ch-yl\">200</span>");
	has(b.s, "<div class=\"ch-ref\" style=\"bottom:100.00%\" "
		 "title=\"target 200\"></div>");
	has(b.s, "points=\"0,100.00 1.5,62.50 2.25,37.50\"");
	has(b.s, "<b class=\"ch-pt\" style=\"left:56.250%;bottom:62.50%\" "
		 "title=\"2026-08-15: 170\"></b>");
	has(b.s, "<b class=\"ch-pt\" style=\"left:37.500%;bottom:37.50%\">");
	has(b.s, "<i class=\"ch-mk\" style=\"left:31.250%\" "
		 "title=\"a1 shipped 2026-05-10\"></i>");
	has(b.s, "<div class=\"ch-band ch-progress\" "
		 "style=\"left:75.000%;width:25.000%\"></div>");
	has(b.s, "<span class=\"ch-k ch-kr\"></span> target 200 ");
	has(b.s, "<span class=\"ch-k ch-km\"></span> an item serving it "
		 "shipped ");
	/* no bars, so no columns; no column line */
	hasnt(b.s, "ch-col");
	free(b.s);
}

/* One point per column on the right axis: x at the column's middle,
 * dashed to the column in progress, a gap where there is no value. */
static void
column_line(void **state)
{
	chart_col c[4];
	chart_spec s = {.id = "ch-periods",
			.label = "rate",
			.bar_name = {"committed", "shipped"},
			.line_name = "execution rate",
			.line_right = 1,
			.integer = 1};
	sbuf b = {0};
	size_t i;

	(void)state;
	cols(c, 4);
	for (i = 0; i < 4; i++) {
		c[i].bar[0] = 4;
		c[i].bar[1] = 2;
		c[i].line = 0.5;
	}
	c[1].line = NAN;
	c[3].state = CHART_PROGRESS;
	chart_html(&b, &s, c, 4);
	assert_false(b.failed);
	hasnt(b.s, "points=\"0.5,50.00 1.5");
	has(b.s,
	    "<polyline class=\"ch-dash\" points=\"2.5,50.00 3.5,50.00\"/>");
	has(b.s, "<b class=\"ch-pt ch-progress\" "
		 "style=\"left:87.500%;bottom:50.00%\"></b>");
	has(b.s, "<div class=\"ch-col ch-progress\" "
		 "style=\"left:75.000%;width:25.000%\">");
	hasnt(b.s, "ch-band");
	hasnt(b.s, "ch-ref");
	free(b.s);
}

/* Dates in text get a span that does not wrap; tags, style and SVG
 * (whose <title> and <text> are no HTML) are copied as they are. */
static void
nowrap(void **state)
{
	sbuf b = {0};

	(void)state;
	sb_html_nowrap_dates(
	    &b, "<p title=\"2026-05-01\">due 2026-05-01, in 2026-Q2</p>"
		"<style>.x{content:\"2026-W19\"}</style>"
		"<svg viewBox=\"0 0 1 1\"><title>2026-05-01: 3</title>"
		"<text>2026-06</text></svg><td>x2026-05-01 2026-05</td>");
	assert_false(b.failed);
	assert_string_equal(
	    b.s, "<p title=\"2026-05-01\">due <span class=\"nw\">2026-05-01"
		 "</span>, in <span class=\"nw\">2026-Q2</span></p>"
		 "<style>.x{content:\"2026-W19\"}</style>"
		 "<svg viewBox=\"0 0 1 1\"><title>2026-05-01: 3</title>"
		 "<text>2026-06</text></svg><td>x2026-05-01 <span "
		 "class=\"nw\">2026-05</span></td>");
	free(b.s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(points),
	    cmocka_unit_test(column_line),
	    cmocka_unit_test(nowrap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
