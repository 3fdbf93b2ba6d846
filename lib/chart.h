/*
 * chart.h - charts for the HTML pages of strat, drawn in HTML and CSS
 * with one SVG line layer: no script, no network, no fonts.  (internal)
 *
 * A chart is a row of columns (periods, dates) with up to two bars each,
 * measured on the left axis, and an optional line, on the left axis or on
 * a right axis from 0 to 100%: one point per column, or points at their
 * own place along the columns (a KPI's readings on their days).  A
 * reference line (a target) and marks at the foot of the plot (when an
 * item shipped) are optional.  Axes, gridlines, tick labels and a zero
 * line are drawn; x labels are thinned by media queries so they never
 * overlap at any width the page is shown at; columns not complete are
 * drawn as such: CHART_PROGRESS hatched (the period in progress: its
 * figures so far), CHART_PARTIAL outlined (a period the history begins
 * inside).  A missing value is a gap, never a 0.  The width follows the
 * page; colours follow prefers-color-scheme through chart_css().
 *
 * The text given (labels, titles, the caption) is user text: it is
 * escaped here.  Nothing is allocated but the sbuf's growth.
 */
#ifndef STRAT_CHART_H
#define STRAT_CHART_H

#include <math.h>
#include <stddef.h>

#include "sbuf.h"

typedef enum {
	CHART_FULL = 0,
	CHART_PROGRESS, /* in progress: hatched, line point hollow */
	CHART_PARTIAL   /* begins inside the column: outlined */
} chart_state;

typedef struct {
	const char *label; /* x tick label, e.g. "2026-Q2" (short) */
	const char *title; /* tooltip of the column, or NULL */
	chart_state state;
	double bar[2]; /* NAN: no bar */
	double line;   /* NAN: no point (a gap in the line) */
} chart_col;

/* A point at its own x, in column units: 0 is the left edge of the first
 * column, n the right edge of the last (day d of a column from day f to
 * day l: i + (d - f + 0.5) / (l - f + 1)). */
typedef struct {
	double x, y;       /* y on the left axis (ignored for a mark) */
	const char *title; /* tooltip, or NULL */
} chart_pt;

typedef struct {
	const char *id;          /* unique in the page: [a-z0-9-] */
	const char *label;       /* what the chart shows (aria-label) */
	const char *bar_name[2]; /* legend, NULL for a bar not used */
	const char *line_name;   /* NULL: no line */
	int line_right;          /* 1: the line on a right axis, 0 to 1 as % */
	int small;               /* a small multiple: less height, no legend */
	double min, max;         /* left axis range; equal: from the data */
	int integer;             /* left axis values are counts */
	/* Optional (zero: unused).  pts: the line as these points, in
	 * increasing x, instead of the columns' line (on the left axis);
	 * ref_name: a dashed reference line at ref, in the legend as
	 * ref_name; marks: small marks at the foot of the plot at their x,
	 * in the legend as mark_name. */
	const chart_pt *pts;
	size_t npts;
	const char *ref_name;
	double ref;
	const chart_pt *marks;
	size_t nmarks;
	const char *mark_name;
} chart_spec;

/* Append the chart as HTML (a <figure>) to b. */
void chart_html(sbuf *b, const chart_spec *s, const chart_col *c, size_t n);

/* The stylesheet the charts need (light and dark), to put in <style>
 * once per page. */
const char *chart_css(void);

/* html (a page body) with every date and period label in its text
 * (2026-05-01, 2026-05, 2026-Q2, 2026-W19) in a span that does not wrap
 * (class nw, in chart_css()); tags, and style and svg elements with
 * their content, are copied. */
void sb_html_nowrap_dates(sbuf *b, const char *html);

/* s made inert (sb_inert) with & < > " ' escaped, for HTML text and
 * attribute values. */
void sb_html(sbuf *b, const char *s);

#endif
