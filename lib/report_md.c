/*
 * report_md.c - the execution report as a cmark-gfm document, rendered to
 * Markdown, or to one self-contained HTML page with an SVG chart.  Item
 * titles, ids and names are user text: they go in as text nodes (see
 * markdown.h), never as markup.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
      const strat_report *o)
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
     const strat_report *o, strat_format format)
{
	periods_table(d, h, m);
	if (!o->by_set || o->by == STRAT_BY_ANCHOR)
		group_table(d, m, STRAT_BY_ANCHOR);
	if (!o->by_set || o->by == STRAT_BY_OWNER)
		group_table(d, m, STRAT_BY_OWNER);
	if (o->by_set && o->by == STRAT_BY_CHANNEL)
		group_table(d, m, STRAT_BY_CHANNEL);
	report_md_kpis(d, h, m, o, format);
	slips_table(d, h, m);
	cat_table(d, h, m, STRAT_CAT_DROPPED);
	cat_table(d, h, m, STRAT_CAT_UNPLANNED);
	notes(d, h);
}

/* Committed and shipped bars and the rate line, per period. */
static char *
chart(const strat_measures *m)
{
	sbuf b = {0};
	size_t i, max = 1;
	const int bw = 14, gap = 18, left = 40, top = 16, ht = 160;
	int w = left + (int)m->nperiods * (2 * bw + gap) + 40;
	int started = 0;

	for (i = 0; i < m->nperiods; i++) {
		size_t c = m->periods[i].committed;
		size_t s = m->periods[i].n[STRAT_CAT_SHIPPED] +
			   m->periods[i].n[STRAT_CAT_UNPLANNED];

		if (c > max)
			max = c;
		if (s > max)
			max = s;
	}
	sb_printf(&b, "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/"
		      "2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d "
		      "%d\" role=\"img\" aria-label=\"committed and shipped "
		      "items and execution rate per period\">\n",
		  w, ht + top + 40, w, ht + top + 40);
	sb_printf(&b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		      "class=\"axis\"/>\n",
		  left - 4, top + ht, w - 30, top + ht);
	sb_printf(&b, "<text x=\"%d\" y=\"%d\" class=\"lbl\" "
		      "text-anchor=\"end\">%zu</text>\n",
		  left - 8, top + 4, max);
	sb_printf(&b, "<text x=\"%d\" y=\"%d\" class=\"lbl\">100%%</text>\n",
		  w - 28, top + 4);
	for (i = 0; i < m->nperiods; i++) {
		const strat_period *p = &m->periods[i];
		int x = left + (int)i * (2 * bw + gap);
		int hc = (int)(p->committed * (size_t)ht / max);
		int hs = (int)(p->n[STRAT_CAT_SHIPPED] * (size_t)ht / max);

		sb_printf(&b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
			      "height=\"%d\" class=\"committed\"><title>%s: "
			      "%zu committed</title></rect>\n",
			  x, top + ht - hc, bw, hc, p->label, p->committed);
		sb_printf(&b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
			      "height=\"%d\" class=\"shipped\"><title>%s: "
			      "%zu shipped</title></rect>\n",
			  x + bw, top + ht - hs, bw, hs, p->label,
			  p->n[STRAT_CAT_SHIPPED]);
		sb_printf(&b, "<text x=\"%d\" y=\"%d\" class=\"lbl\" "
			      "text-anchor=\"middle\">%s</text>\n",
			  x + bw, top + ht + 16, p->label);
	}
	sb_puts(&b, "<polyline class=\"rate\" points=\"");
	for (i = 0; i < m->nperiods; i++) {
		const strat_period *p = &m->periods[i];
		int x = left + (int)i * (2 * bw + gap) + bw;

		if (p->committed == 0)
			continue;
		sb_printf(&b, "%s%d,%d", started ? " " : "", x,
			  top + ht -
				  (int)(p->n[STRAT_CAT_SHIPPED] * (size_t)ht /
					p->committed));
		started = 1;
	}
	sb_puts(&b, "\"/>\n");
	for (i = 0; i < m->nperiods; i++) {
		const strat_period *p = &m->periods[i];
		int x = left + (int)i * (2 * bw + gap) + bw;
		char r[16];

		if (p->committed == 0)
			continue;
		rate_str(p->n[STRAT_CAT_SHIPPED], p->committed, r);
		sb_printf(&b, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" "
			      "class=\"rate\"><title>%s: %s</title></circle>\n",
			  x,
			  top + ht -
				  (int)(p->n[STRAT_CAT_SHIPPED] * (size_t)ht /
					p->committed),
			  p->label, r);
	}
	sb_puts(&b, "</svg><figcaption><span class=\"k committed\"></span> "
		    "committed <span class=\"k shipped\"></span> shipped "
		    "<span class=\"k rate\"></span> execution rate (right "
		    "axis, 0 to 100%)</figcaption></figure>");
	return sb_finish(&b);
}

static const char style[] =
	"body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;"
	"max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}"
	"table{border-collapse:collapse;margin:1rem 0}"
	"th,td{border:1px solid #d0d7de;padding:.3rem .6rem}"
	"th{background:#f6f8fa}td[align=right]{font-variant-numeric:"
	"tabular-nums}code{background:#f6f8fa;padding:0 .2rem;"
	"border-radius:3px}h1{font-size:1.6rem}h2{font-size:1.2rem;"
	"margin-top:2rem}.chart svg{max-width:100%;height:auto}"
	".axis{stroke:#57606a}.lbl{font-size:11px;fill:#57606a}"
	"rect.committed,.k.committed{fill:#d0d7de;background:#d0d7de}"
	"rect.shipped,.k.shipped{fill:#1f883d;background:#1f883d}"
	"polyline.rate{fill:none;stroke:#8250df;stroke-width:2}"
	"circle.rate,.k.rate{fill:#8250df;background:#8250df}"
	".k{display:inline-block;width:.8rem;height:.8rem;margin:0 .2rem}"
	"figcaption{font-size:.85rem;color:#57606a}"
	"polyline.kpi{fill:none;stroke:#0969da;stroke-width:2}"
	"circle.kpi,.k.kpi{fill:#0969da;background:#0969da}"
	"line.target{stroke:#cf222e;stroke-dasharray:6 4}"
	".k.target{background:#cf222e}"
	"path.ship,.k.ship{fill:#1f883d;background:#1f883d}";

static char *
render(const strat_history *h, const strat_measures *m,
       const strat_report *o, strat_format format)
{
	md_doc *d;
	char *out = NULL, *svg = NULL, *html;
	sbuf b = {0};

	if (format == STRAT_FORMAT_JSON)
		return report_json(h, m, o);
	if (format == STRAT_FORMAT_CSV)
		return report_csv(h, m, o);
	if ((d = build(h, m, o)) == NULL)
		return NULL;
	if (format == STRAT_FORMAT_HTML) {
		if ((svg = chart(m)) == NULL) {
			md_free(d);
			return NULL;
		}
		md_html_block(d, svg);
		free(svg);
	}
	body(d, h, m, o, format);
	if (format != STRAT_FORMAT_HTML) {
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
	sb_puts(&b, style);
	sb_puts(&b, "</style>\n</head>\n<body>\n");
	sb_puts(&b, html);
	sb_puts(&b, "</body>\n</html>\n");
	free(html);
	return sb_finish(&b);
}

int
strat_report_render(char **out, const strat_report *r,
		    const strat_render_options *o)
{
	*out = NULL;
	if (o->format != STRAT_FORMAT_MD && o->format != STRAT_FORMAT_HTML &&
	    o->format != STRAT_FORMAT_JSON && o->format != STRAT_FORMAT_CSV)
		return strat_error_set(STRAT_EUSAGE,
				       "report has no %s format",
				       strat_format_name(o->format));
	if ((*out = render(r->history, r->measures, r, o->format)) == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	return 0;
}
