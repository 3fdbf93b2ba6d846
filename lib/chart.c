/*
 * chart.c - bar and line charts as HTML and CSS (see chart.h).
 *
 * Positions are percentages of the plot box, so the chart follows the
 * page's width while its text keeps its size; the line is an SVG layer
 * stretched over the plot (preserveAspectRatio none) with a stroke that
 * does not stretch (vector-effect non-scaling-stroke), its points HTML
 * dots placed in percent.  Tick labels on x are thinned per range of page
 * widths by media queries, from an estimate of the label's width in the
 * 11px sans-serif the stylesheet sets (7px a character, 12px apart).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"

#define LABEL_PX(len) ((double)(len)*7 + 12)

void
sb_html(sbuf *b, const char *s)
{
	sbuf t = {0};
	const char *p;

	sb_inert(&t, s ? s : ""); /* no control, bidi mark or bad UTF-8 */
	if (t.failed) {
		b->failed = 1;
		return;
	}
	for (p = t.s; p && *p; p++)
		switch (*p) {
		case '&':
			sb_puts(b, "&amp;");
			break;
		case '<':
			sb_puts(b, "&lt;");
			break;
		case '>':
			sb_puts(b, "&gt;");
			break;
		case '"':
			sb_puts(b, "&quot;");
			break;
		case '\'':
			sb_puts(b, "&#39;");
			break;
		default:
			sb_put(b, p, 1);
		}
	free(t.s);
}

/* A step of 1, 2, 2.5 or 5 times a power of ten covering span in 4. */
static double
nice_step(double span)
{
	double p = 1, f;

	if (!(span > 0))
		return 1;
	while (span / 4 > p * 10)
		p *= 10;
	while (span / 4 < p)
		p /= 10;
	f = span / 4 / p;
	return f <= 1     ? p
	       : f <= 2   ? 2 * p
	       : f <= 2.5 ? 2.5 * p
	       : f <= 5   ? 5 * p
			  : 10 * p;
}

static void
axis_range(const chart_spec *s, const chart_col *c, size_t n, double *lo,
	   double *hi)
{
	double a = 0, z = 0, step;
	size_t i;
	int j, any = 0;

	if (s->max > s->min) {
		*lo = s->min;
		*hi = s->max;
		return;
	}
	for (i = 0; i < n + s->npts + 1; i++) {
		/* the columns, the points, then the reference line */
		double v[3] = {NAN, NAN, NAN};

		if (i < n) {
			v[0] = c[i].bar[0];
			v[1] = c[i].bar[1];
			v[2] = s->line_right || s->pts ? NAN : c[i].line;
		} else if (i < n + s->npts) {
			v[0] = s->pts[i - n].y;
		} else if (s->ref_name) {
			v[0] = s->ref;
		}
		for (j = 0; j < 3; j++) {
			if (isnan(v[j]))
				continue;
			if (!any || v[j] < a)
				a = v[j];
			if (!any || v[j] > z)
				z = v[j];
			any = 1;
		}
	}
	if (a > 0 && (s->bar_name[0] || s->bar_name[1] || a < z / 2))
		a = 0; /* bars stand on zero; a line far from it too */
	if (!any || z <= a)
		z = a + (s->integer ? 4 : 1);
	step = nice_step(z - a);
	if (s->integer && step < 1)
		step = 1;
	{
		double q = (double)(long long)(a / step) * step; /* to 0 */

		a = q > a ? q - step : q; /* floor, without libm */
	}
	while (a + 4 * step < z)
		step = nice_step(4 * step * 1.01);
	*lo = a;
	*hi = a + 4 * step;
}

static double
pct(double v, double lo, double hi)
{
	return (v - lo) / (hi - lo) * 100;
}

static void
tick(sbuf *b, double v)
{
	char t[32];

	snprintf(t, sizeof(t), "%.6g", v);
	sb_puts(b, t);
}

/* Thinning: label i shows at step k when i % k == (n - 1) % k (the last
 * column always labelled); a page width range picks the step. */
static const size_t steps[] = {1, 2, 3, 4, 6, 8, 13, 26, 52, 104};

static size_t
step_for(size_t n, double label_px, double plot_px)
{
	size_t i;

	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if ((double)n / (double)steps[i] * label_px <= plot_px)
			return steps[i];
	return n;
}

static void
thinning(sbuf *b, const chart_spec *s, const chart_col *c, size_t n)
{
	/* page widths from which a range starts; the plot is the page less
	 * the body's padding (2rem) and the axes' margins (6rem), within
	 * the body's 60rem; a small multiple is at least 15rem wide */
	static const int from[] = {0, 400, 560, 720, 900};
	size_t i, longest = 1, k, nb = sizeof(from) / sizeof(from[0]);
	double lpx;

	for (i = 0; i < n; i++)
		if (c[i].label && strlen(c[i].label) > longest)
			longest = strlen(c[i].label);
	lpx = LABEL_PX(longest);
	sb_puts(b, "<style>");
	for (i = 0; i < nb; i++) {
		double w = i ? from[i] : 320;
		double plot = s->small ? 240 - 70 : (w > 992 ? 992 : w) - 128;

		k = step_for(n, lpx, plot);
		if (k == 1)
			continue;
		sb_puts(b, "@media ");
		if (i)
			sb_printf(b, "(min-width:%dpx)", from[i]);
		if (i && i + 1 < nb)
			sb_puts(b, " and ");
		if (i + 1 < nb)
			sb_printf(b, "(max-width:%.2fpx)", from[i + 1] - 0.02);
		if (!i && nb == 1)
			sb_puts(b, "all");
		sb_printf(b, "{#%s .ch-x:not(.s%zu){display:none}}", s->id, k);
	}
	sb_puts(b, "</style>\n");
}

/* A point of the line, in plot units (x in columns, y in percent of the
 * height): point k of the spec's points, else of column k.  0 for a gap
 * (no value). */
typedef struct {
	double x, y;
	chart_state state;
	const char *title;
} line_pt;

static size_t
line_count(const chart_spec *s, size_t n)
{
	return s->pts ? s->npts : n;
}

static int
line_at(const chart_spec *s, const chart_col *c, size_t k, double lo, double hi,
	line_pt *p)
{
	if (s->pts) {
		p->x = s->pts[k].x;
		p->y = pct(s->pts[k].y, lo, hi);
		p->state = CHART_FULL;
		p->title = s->pts[k].title;
		return !isnan(s->pts[k].y);
	}
	p->x = (double)k + 0.5;
	p->y = s->line_right ? c[k].line * 100 : pct(c[k].line, lo, hi);
	p->state = c[k].state;
	p->title = c[k].title;
	return !isnan(c[k].line);
}

/* x in column units, shortest: "2", "0.5", "3.214" */
static void
put_x(sbuf *b, double x)
{
	char t[32];
	size_t n;

	snprintf(t, sizeof(t), "%.3f", x);
	n = strlen(t);
	while (n > 0 && t[n - 1] == '0')
		t[--n] = '\0';
	if (n > 0 && t[n - 1] == '.')
		t[--n] = '\0';
	sb_puts(b, t);
}

static void
put_xy(sbuf *b, const line_pt *p)
{
	put_x(b, p->x);
	sb_printf(b, ",%.2f", 100 - p->y);
}

/* The line: solid between complete points next to each other, dashed
 * to or from a point of a column not complete, broken at a gap. */
static void
line_layer(sbuf *b, const chart_spec *s, const chart_col *c, size_t n,
	   double lo, double hi)
{
	size_t i, m = line_count(s, n);
	line_pt p, q;

	sb_printf(b,
		  "<svg class=\"ch-line\" viewBox=\"0 0 %zu 100\" "
		  "preserveAspectRatio=\"none\" aria-hidden=\"true\">",
		  n);
	for (i = 0; i < m; i++) {
		size_t j = i, k;

		if (!line_at(s, c, i, lo, hi, &p))
			continue;
		if (i + 1 < m && line_at(s, c, i + 1, lo, hi, &q) &&
		    (p.state != CHART_FULL || q.state != CHART_FULL)) {
			sb_puts(b, "<polyline class=\"ch-dash\" points=\"");
			put_xy(b, &p);
			sb_puts(b, " ");
			put_xy(b, &q);
			sb_puts(b, "\"/>");
			continue;
		}
		/* a run of complete points */
		while (j + 1 < m && line_at(s, c, j, lo, hi, &p) &&
		       line_at(s, c, j + 1, lo, hi, &q) &&
		       p.state == CHART_FULL && q.state == CHART_FULL)
			j++;
		if (j == i)
			continue;
		sb_puts(b, "<polyline class=\"ch-solid\" points=\"");
		for (k = i; k <= j; k++) {
			line_at(s, c, k, lo, hi, &p);
			if (k > i)
				sb_puts(b, " ");
			put_xy(b, &p);
		}
		i = j;
		sb_puts(b, "\"/>");
		i--; /* j may start a dashed piece */
	}
	sb_puts(b, "</svg>\n");
}

static void
title_attr(sbuf *b, const char *title)
{
	if (title == NULL)
		return;
	sb_puts(b, " title=\"");
	sb_html(b, title);
	sb_puts(b, "\"");
}

void
chart_html(sbuf *b, const chart_spec *s, const chart_col *c, size_t n)
{
	static const char *const state_cls[] = {"", " ch-progress",
						" ch-partial"};
	double lo, hi, w = n ? 100.0 / (double)n : 100;
	size_t i;
	int t, nbars = (s->bar_name[0] != NULL) + (s->bar_name[1] != NULL);

	if (n == 0)
		return;
	axis_range(s, c, n, &lo, &hi);
	sb_printf(b, "<figure class=\"ch%s\" id=\"%s\">\n",
		  s->small ? " ch-small" : "", s->id);
	thinning(b, s, c, n);
	sb_puts(b, "<div class=\"ch-plot\" role=\"img\" aria-label=\"");
	sb_html(b, s->label);
	sb_puts(b, "\">\n");
	/* gridlines with their tick labels; the zero line stronger */
	for (t = 0; t <= 4; t++) {
		double v = lo + (hi - lo) * t / 4;

		sb_printf(b,
			  "<div class=\"ch-grid%s\" style=\"bottom:%d%%\">"
			  "<span class=\"ch-yl\">",
			  v < (hi - lo) * 1e-9 && -v < (hi - lo) * 1e-9
			      ? " ch-zero"
			      : "",
			  t * 25);
		tick(b, v);
		sb_puts(b, "</span>");
		if (s->line_name && s->line_right)
			sb_printf(b, "<span class=\"ch-yr\">%d%%</span>",
				  t * 25);
		sb_puts(b, "</div>\n");
	}
	if (lo < 0 && hi > 0)
		sb_printf(b,
			  "<div class=\"ch-grid ch-zero\" "
			  "style=\"bottom:%.2f%%\"></div>\n",
			  pct(0, lo, hi));
	for (i = 0; i < n && !nbars; i++) {
		/* no bars: a column not complete is a band behind the line */
		if (c[i].state == CHART_FULL)
			continue;
		sb_printf(b,
			  "<div class=\"ch-band%s\" style=\"left:%.3f%%;"
			  "width:%.3f%%\"",
			  state_cls[c[i].state], w * (double)i, w);
		title_attr(b, c[i].title);
		sb_puts(b, "></div>\n");
	}
	for (i = 0; i < n && nbars; i++) {
		int j;

		sb_printf(b,
			  "<div class=\"ch-col%s\" style=\"left:%.3f%%;"
			  "width:%.3f%%\"",
			  state_cls[c[i].state], w * (double)i, w);
		title_attr(b, c[i].title);
		sb_puts(b, ">");
		for (j = 0; j < 2; j++) {
			double v = c[i].bar[j];

			if (s->bar_name[j] == NULL)
				continue;
			sb_printf(b,
				  "<i class=\"ch-b%d\" style=\"height:"
				  "%.2f%%\"></i>",
				  j,
				  isnan(v) ? 0 : pct(v < lo ? lo : v, lo, hi));
		}
		sb_puts(b, "</div>\n");
	}
	if (s->ref_name) {
		sb_printf(b, "<div class=\"ch-ref\" style=\"bottom:%.2f%%\"",
			  pct(s->ref, lo, hi));
		title_attr(b, s->ref_name);
		sb_puts(b, "></div>\n");
	}
	if (s->line_name) {
		line_pt p;

		line_layer(b, s, c, n, lo, hi);
		for (i = 0; i < line_count(s, n); i++) {
			if (!line_at(s, c, i, lo, hi, &p))
				continue;
			sb_printf(b,
				  "<b class=\"ch-pt%s\" style=\"left:%.3f%%;"
				  "bottom:%.2f%%\"",
				  state_cls[p.state], w * p.x, p.y);
			title_attr(b, p.title);
			sb_puts(b, "></b>\n");
		}
	}
	for (i = 0; i < s->nmarks; i++) {
		sb_printf(b, "<i class=\"ch-mk\" style=\"left:%.3f%%\"",
			  w * s->marks[i].x);
		title_attr(b, s->marks[i].title);
		sb_puts(b, "></i>\n");
	}
	sb_puts(b, "</div>\n<div class=\"ch-xl\" aria-hidden=\"true\">");
	for (i = 0; i < n; i++) {
		size_t k;

		sb_puts(b, "<span class=\"ch-x");
		for (k = 0; k < sizeof(steps) / sizeof(steps[0]); k++)
			if (i % steps[k] == (n - 1) % steps[k])
				sb_printf(b, " s%zu", steps[k]);
		if (i + 1 == n)
			sb_printf(b, " s%zu", n);
		sb_printf(b, "%s\" style=\"left:%.3f%%\">",
			  c[i].state == CHART_PROGRESS  ? " ch-xp"
			  : c[i].state == CHART_PARTIAL ? " ch-xq"
							: "",
			  w * ((double)i + 0.5));
		sb_html(b, c[i].label);
		sb_puts(b, "</span>");
	}
	sb_puts(b, "</div>\n");
	if (!s->small) {
		int any_p = 0, any_q = 0;

		for (i = 0; i < n; i++) {
			any_p |= c[i].state == CHART_PROGRESS;
			any_q |= c[i].state == CHART_PARTIAL;
		}
		sb_puts(b, "<figcaption>");
		for (t = 0; t < 2; t++)
			if (s->bar_name[t]) {
				sb_printf(b,
					  "<span class=\"ch-k ch-b%d\">"
					  "</span> ",
					  t);
				sb_html(b, s->bar_name[t]);
				sb_puts(b, " ");
			}
		if (s->line_name) {
			sb_puts(b, "<span class=\"ch-k ch-kl\"></span> ");
			sb_html(b, s->line_name);
			sb_puts(b, s->line_right ? " (right axis) " : " ");
		}
		if (s->ref_name) {
			sb_puts(b, "<span class=\"ch-k ch-kr\"></span> ");
			sb_html(b, s->ref_name);
			sb_puts(b, " ");
		}
		if (s->nmarks && s->mark_name) {
			sb_puts(b, "<span class=\"ch-k ch-km\"></span> ");
			sb_html(b, s->mark_name);
			sb_puts(b, " ");
		}
		if (any_p)
			sb_puts(b, "<span class=\"ch-k ch-b0 ch-hatch\"></span>"
				   " in progress: the figures so far ");
		if (any_q)
			sb_puts(b, "<span class=\"ch-k ch-outline\"></span> "
				   "history begins inside the period ");
		sb_puts(b, "</figcaption>\n");
	}
	sb_puts(b, "</figure>\n");
}

static int
digits(const char *s, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int
alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

/* The length of a date or period label at s (2026-05-01, 2026-05,
 * 2026-Q2, 2026-W19), or 0. */
static size_t
date_len(const char *s)
{
	size_t n = 0;

	if (!digits(s, 4) || s[4] != '-')
		return 0;
	if (digits(s + 5, 2) && s[7] == '-' && digits(s + 8, 2))
		n = 10;
	else if (digits(s + 5, 2))
		n = 7;
	else if (s[5] == 'Q' && digits(s + 6, 1))
		n = 7;
	else if (s[5] == 'W' && digits(s + 6, 2))
		n = 8;
	return n && !alnum(s[n]) ? n : 0;
}

void
sb_html_nowrap_dates(sbuf *b, const char *html)
{
	const char *p = html, *q;
	size_t n;

	while (*p) {
		if (*p == '<') {
			/* a tag; a style or svg element with its content
			 * (an SVG <title> or <text> is no HTML text) */
			if (strncmp(p, "<style", 6) == 0 &&
			    (q = strstr(p, "</style>")) != NULL)
				q += 8;
			else if (strncmp(p, "<svg", 4) == 0 &&
				 (q = strstr(p, "</svg>")) != NULL)
				q += 6;
			else if ((q = strchr(p, '>')) != NULL)
				q++;
			else
				q = p + strlen(p);
			sb_put(b, p, (size_t)(q - p));
			p = q;
			continue;
		}
		if ((p == html || !alnum(p[-1])) && (n = date_len(p)) != 0) {
			sb_puts(b, "<span class=\"nw\">");
			sb_put(b, p, n);
			sb_puts(b, "</span>");
			p += n;
			continue;
		}
		sb_put(b, p, 1);
		p++;
	}
}

static const char css[] =
    ":root{--ch-fg:#1b1f24;--ch-bg:#fff;--ch-mut:#57606a;--ch-ax:#57606a;"
    "--ch-grid:#d8dee4;--ch-c0:#afb8c1;--ch-c1:#1f883d;--ch-c2:#8250df;"
    "--ch-c3:#cf222e}"
    "@media (prefers-color-scheme:dark){:root{--ch-fg:#e6edf3;"
    "--ch-bg:#0d1117;--ch-mut:#9198a1;--ch-ax:#9198a1;--ch-grid:#30363d;"
    "--ch-c0:#6e7681;--ch-c1:#3fb950;--ch-c2:#bc8cff;--ch-c3:#ff7b72}}"
    ".ch{margin:1rem 0 1.5rem}"
    ".ch-plot{position:relative;height:14rem;margin:.6rem 3rem 0;"
    "border-left:1px solid var(--ch-ax)}"
    ".ch-small .ch-plot{height:6rem;margin:.6rem 2.2rem 0}"
    ".ch-grid{position:absolute;left:0;right:0;height:0;"
    "border-top:1px solid var(--ch-grid)}"
    ".ch-zero{border-top-color:var(--ch-ax)}"
    ".ch-yl,.ch-yr,.ch-x{position:absolute;font-size:11px;line-height:1;"
    "white-space:nowrap;color:var(--ch-mut)}"
    ".ch-yl{right:100%;margin-right:.35rem;transform:translateY(-50%)}"
    ".ch-yr{left:100%;margin-left:.35rem;transform:translateY(-50%)}"
    ".ch-col{position:absolute;top:0;bottom:0;display:flex;"
    "align-items:flex-end;justify-content:center;gap:1px}"
    ".ch-col i{display:block;width:36%;max-width:1.6rem;"
    "box-sizing:border-box}"
    ".ch-b0{background:var(--ch-c0)}.ch-b1{background:var(--ch-c1)}"
    ".ch-progress i,.ch-hatch{background-image:repeating-linear-gradient("
    "135deg,transparent 0 3px,var(--ch-bg) 3px 6px)}"
    ".ch-partial i,.ch-outline{background:transparent;"
    "border:2px solid var(--ch-c0)}"
    ".ch-partial i.ch-b1{border-color:var(--ch-c1)}"
    ".ch-line{position:absolute;left:0;top:0;width:100%;height:100%;"
    "overflow:visible}"
    ".ch-line polyline{fill:none;stroke:var(--ch-c2);stroke-width:2;"
    "vector-effect:non-scaling-stroke}"
    ".ch-line .ch-dash{stroke-dasharray:4 3}"
    ".ch-pt{position:absolute;width:8px;height:8px;margin:0 0 -4px -4px;"
    "border-radius:50%;background:var(--ch-c2);box-sizing:border-box}"
    ".ch-pt.ch-progress,.ch-pt.ch-partial{background:var(--ch-bg);"
    "border:2px solid var(--ch-c2)}"
    ".ch-xl{position:relative;height:1.5rem;margin:0 3rem}"
    ".ch-small .ch-xl{margin:0 2.2rem}"
    ".ch-x{top:.35rem;transform:translateX(-50%)}"
    ".ch-xp,.ch-xq{font-style:italic}"
    ".ch figcaption{font-size:.85rem;color:var(--ch-mut)}"
    ".ch-k{display:inline-block;width:.8rem;height:.8rem;"
    "vertical-align:-.1rem;margin:0 .15rem 0 .5rem;box-sizing:border-box}"
    ".ch-kl{background:var(--ch-c2);height:.2rem;vertical-align:.2rem}"
    ".ch-band{position:absolute;top:0;bottom:0}"
    ".ch-band.ch-progress{background-image:repeating-linear-gradient("
    "135deg,transparent 0 4px,var(--ch-grid) 4px 6px)}"
    ".ch-band.ch-partial{box-sizing:border-box;"
    "border:1px dashed var(--ch-ax);border-bottom:0}"
    ".ch-ref{position:absolute;left:0;right:0;height:0;"
    "border-top:2px dashed var(--ch-c3)}"
    ".ch-kr{height:0;border-top:2px dashed var(--ch-c3);"
    "vertical-align:.25rem}"
    ".ch-mk,.ch-km{width:0;height:0;border:4px solid transparent;"
    "border-top:0;border-bottom:7px solid var(--ch-c1)}"
    ".ch-mk{position:absolute;bottom:0;margin-left:-4px}"
    ".ch-km{width:0;height:0;vertical-align:0}"
    ".nw{white-space:nowrap}";

const char *
chart_css(void)
{
	return css;
}
