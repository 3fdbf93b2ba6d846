/*
 * report_md.c - the execution report as a cmark-gfm document, rendered to
 * Markdown, or to one self-contained HTML page with an SVG chart.  Item
 * titles, ids and names are user text: they go in as text nodes (see
 * markdown.h), never as markup.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "markdown.h"
#include "report.h"

#define TOP 10

static const char *const kind_names[] = {"quarter", "month", "week"};
static const char *const kind_plural[] = {"quarters", "months", "weeks"};

static void
rate_str(size_t shipped, size_t committed, char out[16])
{
	if (committed == 0)
		strcpy(out, "n/a");
	else
		snprintf(out, 16, "%zu%%",
			 (shipped * 100 + committed / 2) / committed);
}

static const strat_period *
last_complete(const strat_measures *m, size_t *idx)
{
	size_t i;

	for (i = m->nperiods; i-- > 0;)
		if (!m->periods[i].partial) {
			*idx = i;
			return &m->periods[i];
		}
	return NULL;
}

static void
headline(md_doc *d, const strat_measures *m)
{
	const strat_period *cur, *lc, *before = NULL;
	md_block *b;
	char r[16], r2[16];
	size_t i = 0;

	md_heading(d, 2, "Headline");
	b = md_para(d);
	if (m->nperiods == 0) {
		md_text(b, "No period to measure in the range asked for.");
		return;
	}
	cur = &m->periods[m->nperiods - 1];
	if (cur->partial) {
		rate_str(cur->n[STRAT_CAT_SHIPPED], cur->committed, r);
		md_textf(b, "This %s, %s (in progress): %zu of %zu shipped so "
			    "far, %zu open (",
			 kind_names[m->kind], cur->label,
			 cur->n[STRAT_CAT_SHIPPED], cur->committed,
			 cur->n[STRAT_CAT_OPEN]);
		md_strong(b, r);
		md_text(b, "). ");
	}
	lc = last_complete(m, &i);
	if (lc == NULL)
		return;
	if (i > 0)
		before = &m->periods[i - 1];
	rate_str(lc->n[STRAT_CAT_SHIPPED], lc->committed, r);
	md_textf(b, "%s %s: ", cur->partial ? "Last complete" : "This",
		 kind_names[m->kind]);
	md_strong(b, r);
	md_textf(b, " (%zu of %zu committed items shipped in %s)",
		 lc->n[STRAT_CAT_SHIPPED], lc->committed, lc->label);
	if (before && before->committed && lc->committed) {
		long a = (long)((lc->n[STRAT_CAT_SHIPPED] * 100 +
				 lc->committed / 2) /
				lc->committed);
		long z = (long)((before->n[STRAT_CAT_SHIPPED] * 100 +
				 before->committed / 2) /
				before->committed);

		rate_str(before->n[STRAT_CAT_SHIPPED], before->committed, r2);
		if (a > z)
			md_textf(b, ", up %ld points from %s in %s.", a - z, r2,
				 before->label);
		else if (a < z)
			md_textf(b, ", down %ld points from %s in %s.", z - a,
				 r2, before->label);
		else
			md_textf(b, ", level with %s.", before->label);
	} else {
		md_text(b, ".");
	}
}

static const char *const count_headers[] = {
	"committed", "shipped", "slipped",   "dropped",
	"missed",    "open",    "unplanned", "rate"};

static void
count_cells(md_doc *d, size_t committed, const size_t *n)
{
	char r[16];
	int c;

	md_textf(md_cell(d), "%zu", committed);
	for (c = 0; c < STRAT_CAT__COUNT; c++)
		md_textf(md_cell(d), "%zu", n[c]);
	rate_str(n[STRAT_CAT_SHIPPED], committed, r);
	md_text(md_cell(d), r);
}

static void
periods_table(md_doc *d, const strat_history *h, const strat_measures *m)
{
	const char *hd[9];
	size_t i;
	int base = 0;

	md_heading(d, 2, "Periods");
	hd[0] = kind_names[m->kind];
	memcpy(hd + 1, count_headers, sizeof(count_headers));
	md_table(d, 9, hd, "lrrrrrrrr");
	for (i = 0; i < m->nperiods; i++) {
		const strat_period *p = &m->periods[i];
		md_block *c;

		md_row(d);
		c = md_cell(d);
		md_text(c, p->label);
		if (p->partial)
			md_text(c, " (partial)");
		if (p->baseline) {
			md_text(c, " *");
			base = 1;
		}
		count_cells(d, p->committed, p->n);
	}
	md_table_end(d);
	if (base && h->ncommits) {
		char t[32];

		fmt_time(h->commits[h->first_plan].time, t);
		md_textf(md_para(d),
			 "* The history begins inside this %s: the plan of "
			 "its first commit (%.10s) stands in for the plan at "
			 "its start.",
			 kind_names[m->kind], t);
	}
}

static void
group_table(md_doc *d, const strat_measures *m, strat_by by)
{
	static const char *const names[] = {"anchor", "owner", "channel"};
	static const char *const titles[] = {"By anchor", "By owner",
					     "By channel"};
	const char *hd[9];
	strat_group *g = NULL;
	size_t n, i;

	if (strat_measure_group(&g, &n, m, by) < 0)
		return;
	md_heading(d, 2, titles[by]);
	hd[0] = names[by];
	memcpy(hd + 1, count_headers, sizeof(count_headers));
	if (n == 0) {
		md_text(md_para(d), "Nothing was committed or shipped.");
		free(g);
		return;
	}
	md_table(d, 9, hd, "lrrrrrrrr");
	for (i = 0; i < n; i++) {
		md_row(d);
		if (g[i].key[0])
			md_code(md_cell(d), g[i].key);
		else
			md_text(md_cell(d), "(none)");
		count_cells(d, g[i].committed, g[i].n);
	}
	md_table_end(d);
	free(g);
}

static const strat_hitem *
latest(const strat_htrack *t)
{
	size_t j;

	for (j = t->nversions; j-- > 0;)
		if (t->versions[j].v)
			return t->versions[j].v;
	return NULL;
}

static void
slips_table(md_doc *d, const strat_history *h, const strat_measures *m)
{
	static const char *const hd[] = {"item",   "title", "owner",
					 "slips",  "days",  "first planned",
					 "now"};
	size_t i;
	char a[11], z[11];

	md_heading(d, 2, "Slipped most");
	if (m->nslips == 0) {
		md_text(md_para(d), "No item was re-dated later.");
		return;
	}
	md_table(d, 7, hd, "lllrrll");
	for (i = 0; i < m->nslips && i < TOP; i++) {
		const strat_slip *s = &m->slips[i];
		const strat_hitem *v = latest(&h->tracks[s->track]);

		md_row(d);
		md_code(md_cell(d), s->id);
		md_text(md_cell(d), v->title);
		md_text(md_cell(d), v->owner);
		md_textf(md_cell(d), "%u", s->slips);
		md_textf(md_cell(d), "%ld", (long)s->days);
		fmt_day(s->from, a);
		fmt_day(s->to, z);
		md_text(md_cell(d), a);
		md_text(md_cell(d), z);
	}
	md_table_end(d);
	if (m->nslips > TOP)
		md_textf(md_para(d), "%zu more items slipped (see --format "
				     "json).",
			 m->nslips - TOP);
}

static void
cat_table(md_doc *d, const strat_history *h, const strat_measures *m,
	  strat_category cat)
{
	static const char *const hdrop[] = {"period", "item", "title",
					    "owner", "how", "when"};
	static const char *const hunp[] = {"period", "item", "title",
					   "owner", "anchor", "date"};
	size_t i, j, n = 0;

	md_heading(d, 2, cat == STRAT_CAT_DROPPED ? "Dropped" : "Unplanned");
	for (i = 0; i < m->nperiods; i++)
		for (j = 0; j < m->periods[i].nitems; j++)
			n += m->periods[i].items[j].cat == cat;
	if (n == 0) {
		md_text(md_para(d), cat == STRAT_CAT_DROPPED
					    ? "No committed item was dropped."
					    : "No unplanned work shipped.");
		return;
	}
	md_table(d, 6, cat == STRAT_CAT_DROPPED ? hdrop : hunp, "llllll");
	for (i = 0; i < m->nperiods; i++)
		for (j = 0; j < m->periods[i].nitems; j++) {
			const strat_pitem *it = &m->periods[i].items[j];
			const strat_hitem *v = it->v1 ? it->v1 : it->v0;
			char day[11], t[32];

			if (it->cat != cat)
				continue;
			md_row(d);
			md_text(md_cell(d), m->periods[i].label);
			md_code(md_cell(d), h->tracks[it->track].id);
			md_text(md_cell(d), v->title);
			md_text(md_cell(d), v->owner);
			if (cat == STRAT_CAT_DROPPED) {
				md_text(md_cell(d),
					it->v1 ? "status dropped"
					       : "removed from the plan");
				fmt_time(it->decided, t);
				t[10] = '\0';
				md_text(md_cell(d), it->decided ? t : "");
			} else {
				md_text(md_cell(d), v->anchor);
				fmt_day(v->date, day);
				md_text(md_cell(d), day);
			}
		}
	md_table_end(d);
}

static void
notes(md_doc *d, const strat_history *h)
{
	size_t i;
	char id[41], t[32];

	if (!h->truncated && h->nwarnings == 0)
		return;
	md_heading(d, 2, "Notes");
	md_list(d);
	if (h->truncated) {
		md_block *b = md_item(d);

		strat_oid_fmt(&h->oldest.id, id);
		fmt_time(h->oldest.time, t);
		md_textf(b, "%s: history read stops at commit %.12s (%.10s); "
			    "older commits are not measured.",
			 h->shallow ? "Shallow clone" : "--max-commits", id, t);
	}
	for (i = 0; i < h->nwarnings; i++) {
		const strat_hwarning *w = &h->warnings[i];
		md_block *b = md_item(d);

		strat_oid_fmt(&h->commits[w->commit].id, id);
		md_textf(b, "Commit %.12s: ", id);
		md_code(b, w->file);
		if (w->line)
			md_textf(b, " line %u", w->line);
		md_textf(b, " did not parse (%s); its previous version stands.",
			 w->message);
	}
	md_list_end(d);
}

static md_doc *
build(const strat_history *h, const strat_measures *m,
      const strat_report_options *o)
{
	md_doc *d = md_new();
	md_block *b;
	char id[41], t[32];

	if (d == NULL)
		return NULL;
	md_heading(d, 1, "Execution report");
	b = md_para(d);
	strat_oid_fmt(&h->newest.id, id);
	fmt_time(h->newest.time, t);
	md_text(b, "Planned versus shipped, from the git history of ");
	md_code(b, o->revision ? o->revision : "HEAD");
	md_textf(b, " (%.12s, %.10s): %zu commits read, %zu changed the "
		    "plan. Measured by %s",
		 id, t, h->walked, h->plan_versions, kind_names[m->kind]);
	if (m->nperiods)
		md_textf(b, ", %s to %s.", m->periods[0].label,
			 m->periods[m->nperiods - 1].label);
	else
		md_text(b, ".");
	headline(d, m);
	(void)kind_plural;
	return d;
}

static void
body(md_doc *d, const strat_history *h, const strat_measures *m,
     const strat_report_options *o)
{
	periods_table(d, h, m);
	if (!o->by_set || o->by == STRAT_BY_ANCHOR)
		group_table(d, m, STRAT_BY_ANCHOR);
	if (!o->by_set || o->by == STRAT_BY_OWNER)
		group_table(d, m, STRAT_BY_OWNER);
	if (o->by_set && o->by == STRAT_BY_CHANNEL)
		group_table(d, m, STRAT_BY_CHANNEL);
	slips_table(d, h, m);
	cat_table(d, h, m, STRAT_CAT_DROPPED);
	cat_table(d, h, m, STRAT_CAT_UNPLANNED);
	notes(d, h);
}

static void
period_col(chart_col *c, const strat_period *p, size_t committed,
	   size_t shipped, char *title, size_t tsize)
{
	char r[16];

	rate_str(shipped, committed, r);
	c->label = p->label;
	c->state = p->partial    ? CHART_PROGRESS
		   : p->baseline ? CHART_PARTIAL
				 : CHART_FULL;
	c->bar[0] = (double)committed;
	c->bar[1] = (double)shipped;
	/* no rate point for a period in progress: not a result yet */
	c->line = committed && !p->partial
			  ? (double)shipped / (double)committed
			  : NAN;
	snprintf(title, tsize, "%s%s: %zu committed, %zu shipped, rate %s",
		 p->label,
		 p->partial    ? " (in progress, so far)"
		 : p->baseline ? " (history begins inside it)"
			       : "",
		 committed, shipped, r);
	c->title = title;
}

/* Committed and shipped bars and the rate line, per period; then the
 * same per anchor, as small multiples on one scale. */
static char *
charts(const strat_measures *m)
{
	sbuf b = {0};
	chart_col *c = calloc(m->nperiods + 1, sizeof(*c));
	char (*t)[96] = calloc(m->nperiods + 1, sizeof(*t));
	chart_spec s = {"ch-periods",
			"committed and shipped items and execution rate per "
			"period",
			{"committed", "shipped"},
			"execution rate",
			1, 0, 0, 0, 1};
	strat_group *keys = NULL, *g = NULL;
	size_t i, j, k, nk = 0, ng, max = 0;

	if (c == NULL || t == NULL)
		goto fail;
	for (i = 0; i < m->nperiods; i++)
		period_col(&c[i], &m->periods[i], m->periods[i].committed,
			   m->periods[i].n[STRAT_CAT_SHIPPED], t[i],
			   sizeof(t[i]));
	chart_html(&b, &s, c, m->nperiods);
	if (strat_measure_group(&keys, &nk, m, STRAT_BY_ANCHOR) < 0)
		goto fail;
	/* one scale for every anchor: the most any had in a period */
	for (i = 0; i < m->nperiods; i++) {
		if (strat_measure_group_period(&g, &ng, m, i,
					       STRAT_BY_ANCHOR) < 0)
			goto fail;
		for (j = 0; j < ng; j++) {
			if (g[j].committed > max)
				max = g[j].committed;
			if (g[j].n[STRAT_CAT_SHIPPED] > max)
				max = g[j].n[STRAT_CAT_SHIPPED];
		}
		free(g);
		g = NULL;
	}
	if (nk)
		sb_puts(&b, "<h2>By anchor, per period</h2>\n"
			    "<div class=\"ch-multi\">\n");
	for (k = 0; k < nk; k++) {
		char id[32];
		chart_spec ks = {id, NULL, {"committed", "shipped"},
				 "execution rate", 1, 1, 0, 0, 1};

		ks.max = (double)(max < 4 ? 4 : (max + 3) / 4 * 4);
		snprintf(id, sizeof(id), "ch-anchor-%zu", k);
		for (i = 0; i < m->nperiods; i++) {
			size_t cm = 0, sh = 0;

			if (strat_measure_group_period(&g, &ng, m, i,
						       STRAT_BY_ANCHOR) < 0)
				goto fail;
			for (j = 0; j < ng; j++)
				if (strcmp(g[j].key, keys[k].key) == 0) {
					cm = g[j].committed;
					sh = g[j].n[STRAT_CAT_SHIPPED];
				}
			free(g);
			g = NULL;
			period_col(&c[i], &m->periods[i], cm, sh, t[i],
				   sizeof(t[i]));
		}
		ks.label = keys[k].key[0] ? keys[k].key : "(no anchor)";
		sb_puts(&b, "<div class=\"ch-cell\"><h3><code>");
		sb_html(&b, ks.label);
		sb_puts(&b, "</code></h3>\n");
		chart_html(&b, &ks, c, m->nperiods);
		sb_puts(&b, "</div>\n");
	}
	if (nk)
		sb_puts(&b, "</div>\n");
	free(keys);
	free(c);
	free(t);
	return sb_finish(&b);
fail:
	free(g);
	free(keys);
	free(c);
	free(t);
	free(sb_finish(&b));
	return NULL;
}

/* The page: system fonts, light and dark; tables scroll inside
 * themselves on a narrow screen rather than widen the page; cells do not
 * wrap (dates stay on one line): a wide table scrolls. */
static const char style[] =
	"body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;"
	"max-width:60rem;margin:2rem auto;padding:0 1rem;"
	"color:var(--ch-fg);background:var(--ch-bg)}"
	":root{color-scheme:light dark;--line:#d0d7de;--head:#f6f8fa}"
	"@media (prefers-color-scheme:dark){:root{--line:#30363d;"
	"--head:#161b22}}"
	"table{border-collapse:collapse;margin:1rem 0;display:block;"
	"max-width:100%;overflow-x:auto;width:max-content}"
	"th,td{border:1px solid var(--line);padding:.3rem .6rem;"
	"white-space:nowrap}"
	"th{background:var(--head)}td[align=right]{font-variant-numeric:"
	"tabular-nums}code{background:var(--head);padding:0 .2rem;"
	"border-radius:3px}h1{font-size:1.6rem}h2{font-size:1.2rem;"
	"margin-top:2rem}h3{font-size:1rem;margin:.5rem 0 0}"
	"p,li{overflow-wrap:anywhere}"
	".ch-multi{display:grid;gap:0 1.5rem;"
	"grid-template-columns:repeat(auto-fill,minmax(15rem,1fr))}"
	".ch-cell{min-width:0}";

char *
strat_report_render(const strat_history *h, const strat_measures *m,
		    const strat_report_options *o)
{
	md_doc *d;
	char *out = NULL, *svg = NULL, *html;
	sbuf b = {0};

	if (o->format == STRAT_REPORT_JSON)
		return report_json(h, m, o);
	if (o->format == STRAT_REPORT_CSV)
		return report_csv(h, m, o);
	if ((d = build(h, m, o)) == NULL)
		return NULL;
	if (o->format == STRAT_REPORT_HTML) {
		if ((svg = charts(m)) == NULL) {
			md_free(d);
			return NULL;
		}
		md_html_block(d, svg);
		free(svg);
	}
	body(d, h, m, o);
	if (o->format != STRAT_REPORT_HTML) {
		out = md_render(d, MD_GFM);
		md_free(d);
		return out;
	}
	html = md_render(d, MD_HTML);
	md_free(d);
	if (html == NULL)
		return NULL;
	sb_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
		    "charset=\"utf-8\">\n<meta name=\"viewport\" "
		    "content=\"width=device-width, initial-scale=1\">\n"
		    "<title>Execution report</title>\n<style>");
	sb_puts(&b, chart_css());
	sb_puts(&b, style);
	sb_puts(&b, "</style>\n</head>\n<body>\n");
	sb_html_nowrap_dates(&b, html);
	sb_puts(&b, "</body>\n</html>\n");
	free(html);
	return sb_finish(&b);
}
