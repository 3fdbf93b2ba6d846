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

/* The index of the first complete period from i on; nperiods if none. */
static size_t
next_complete(const strat_measures *m, size_t i)
{
	while (i < m->nperiods && m->periods[i].partial)
		i++;
	return i;
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

/* The headline's sentence on a plan nobody updated. */
static void
stale_plan_line(md_block *b, const strat_measures *m)
{
	char day[11];

	fmt_day(m->plan_updated, day);
	md_textf(b,
		 "Numbers after %s reflect a plan nobody updated: no "
		 "commit changed it for %ld days.",
		 day, (long)(m->today - m->plan_updated));
}

/* Overdue items of a period, oldest first (by date, then id); *n set. */
static const strat_pitem **
overdue_items(const strat_period *p, size_t *n)
{
	const strat_pitem **v = malloc((p->nitems + 1) * sizeof(*v));
	size_t i;

	*n = 0;
	if (v == NULL)
		return NULL;
	/* items are sorted by planned date; order by the date now */
	for (i = 0; i < p->nitems; i++)
		if (p->items[i].overdue) {
			size_t j = (*n)++;

			while (j > 0 &&
			       (v[j - 1]->v1->date > p->items[i].v1->date ||
				(v[j - 1]->v1->date == p->items[i].v1->date &&
				 strcmp(v[j - 1]->v1->id, p->items[i].v1->id) >
				     0))) {
				v[j] = v[j - 1];
				j--;
			}
			v[j] = &p->items[i];
		}
	return v;
}

static void
overdue_line(md_block *b, const strat_history *h, const strat_period *p)
{
	const strat_pitem **v;
	size_t n, i;

	if ((v = overdue_items(p, &n)) == NULL)
		return;
	md_textf(b, "%zu of them overdue, oldest: ", n);
	for (i = 0; i < n && i < 3; i++) {
		char day[11];

		fmt_day(v[i]->v1->date, day);
		md_text(b, i ? "; " : "");
		md_code(b, h->tracks[v[i]->track].id);
		md_textf(b, " %s (due %s, %s)", v[i]->v1->title, day,
			 v[i]->v1->owner[0] ? v[i]->v1->owner : "no owner");
	}
	md_text(b, n > 3 ? "; and more (see Overdue). " : ". ");
	free(v);
}

static void
headline(md_doc *d, const strat_history *h, const strat_measures *m)
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
		md_textf(b,
			 "This %s, %s (in progress): %zu of %zu shipped so "
			 "far, %zu open (",
			 kind_names[m->kind], cur->label,
			 cur->n[STRAT_CAT_SHIPPED], cur->committed,
			 cur->n[STRAT_CAT_OPEN]);
		md_strong(b, r);
		md_text(b, "). ");
		if (cur->overdue)
			overdue_line(b, h, cur);
	}
	if (m->plan_stale) {
		stale_plan_line(b, m);
		md_text(b, " ");
	}
	lc = last_complete(m, &i);
	if (lc == NULL)
		return;
	if (i > 0)
		before = &m->periods[i - 1];
	rate_str(lc->n[STRAT_CAT_SHIPPED], lc->committed, r);
	/* Only the period containing today is "this" one, and it is
	 * partial; a range that ended before today ends in a past one. */
	md_textf(b, "%s %s: ", cur->partial ? "Last complete" : "Last reported",
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

static const char *const count_headers[] = {"committed", "shipped", "slipped",
					    "dropped",   "missed",  "open",
					    "unplanned", "rate"};

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
	if (m->grace_days) {
		size_t g = 0;

		for (i = 0; i < m->nperiods; i++)
			g += m->periods[i].graced;
		md_textf(md_para(d),
			 "Grace window %u days: an item whose shipped date "
			 "falls in a period and whose shipped status was "
			 "committed up to %u days after its end counts as "
			 "shipped in it (%zu item%s).",
			 m->grace_days, m->grace_days, g, g == 1 ? "" : "s");
	}
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

/* The periods the breakdowns show: every one with --all, else the last
 * complete one and the one in progress. */
static int
shown(const strat_measures *m, const strat_report *o, size_t i)
{
	if (o->all)
		return 1;
	if (i + 1 == m->nperiods && m->periods[i].partial)
		return 1;
	/* the last complete one: i is complete and no later one is.  Only
	 * complete periods scan, and a scan stops at the next complete one,
	 * so asking of every period is linear (a scan from the end for each
	 * took minutes for --until 9999-12-31 --period week). */
	return !m->periods[i].partial && next_complete(m, i + 1) == m->nperiods;
}

static const char *const by_names[] = {"anchor", "owner", "channel"};

/* The first cell of a breakdown's row: the key, or "(none)". */
static void
key_cell(md_doc *d, const char *key)
{
	if (key[0])
		md_code(md_cell(d), key);
	else
		md_text(md_cell(d), "(none)");
}

static void
group_table(md_doc *d, const strat_measures *m, const strat_report *o,
	    strat_by by)
{
	static const char *const titles[] = {"By anchor", "By owner",
					     "By channel"};
	const char *hd[9];
	strat_group *g = NULL;
	size_t n, i, k;

	md_heading(d, 2, titles[by]);
	hd[0] = by_names[by];
	memcpy(hd + 1, count_headers, sizeof(count_headers));
	for (k = 0; k < m->nperiods; k++) {
		const strat_period *p = &m->periods[k];
		char t[48];

		if (!shown(m, o, k))
			continue;
		if (strat_measure_group_period(&g, &n, m, k, by) < 0)
			return;
		snprintf(t, sizeof(t), "%s%s", p->label,
			 p->partial ? " (in progress)" : "");
		md_heading(d, 3, t);
		if (n == 0) {
			md_text(md_para(d),
				"Nothing was committed or shipped.");
			free(g);
			continue;
		}
		md_table(d, 9, hd, "lrrrrrrrr");
		for (i = 0; i < n; i++) {
			md_row(d);
			key_cell(d, g[i].key);
			count_cells(d, g[i].committed, g[i].n);
		}
		/* the period's row of the Periods table */
		md_row(d);
		md_strong(md_cell(d), "total");
		count_cells(d, p->committed, p->n);
		md_table_end(d);
		free(g);
	}
}

static void
flow_cells(md_doc *d, const strat_flow *f)
{
	md_textf(md_cell(d), "%zu", f->shipped);
	md_textf(md_cell(d), "%zu", f->n);
	if (f->n == 0) {
		md_text(md_cell(d), "");
		md_text(md_cell(d), "");
		md_text(md_cell(d), "");
		return;
	}
	md_textf(md_cell(d), "%g / %d", f->lead_median, f->lead_p80);
	md_textf(md_cell(d), "%g / %d", f->slips_median, f->slips_p80);
	md_textf(md_cell(d), "%g / %d", f->days_median, f->days_p80);
}

static void
flow_tables(md_doc *d, const strat_measures *m, const strat_report *o)
{
	static const char *const hd[] = {
	    "period", "shipped",      "measured", "lead time, days",
	    "slips",  "days slipped", "per week"};
	static const char *const hg[] = {"",         "shipped",
					 "measured", "lead time, days",
					 "slips",    "days slipped"};
	size_t i, from = m->nperiods, to = 0;
	int b;

	md_heading(d, 2, "Flow");
	md_text(md_para(d),
		"Work shipped in each period (shipped and unplanned items): "
		"lead time from the first commit that planned an item to "
		"its shipping, slips and days slipped on the way, as median "
		"/ 80th percentile of the items planned before they shipped "
		"(measured); shipped items per week.");
	md_table(d, 7, hd, "lrrrrrr");
	for (i = 0; i < m->nperiods; i++) {
		const strat_period *p = &m->periods[i];

		md_row(d);
		md_textf(md_cell(d), "%s%s", p->label,
			 p->partial ? " (partial)" : "");
		flow_cells(d, &p->flow);
		md_textf(md_cell(d), "%.1f", p->flow.per_week);
		if (shown(m, o, i)) {
			if (i < from)
				from = i;
			to = i + 1;
		}
	}
	md_table_end(d);
	for (b = 0; b < 2 && from < to; b++) {
		strat_flow_group *g = NULL;
		const char *h2[6];
		char t[64];
		size_t n;

		if (o->by_set && o->by != (strat_by)b)
			continue;
		if (strat_measure_flow_group(&g, &n, m, from, to, (strat_by)b) <
		    0)
			return;
		if (to - from == 1)
			snprintf(t, sizeof(t), "Flow by %s, %s", by_names[b],
				 m->periods[from].label);
		else
			snprintf(t, sizeof(t), "Flow by %s, %s to %s",
				 by_names[b], m->periods[from].label,
				 m->periods[to - 1].label);
		md_heading(d, 3, t);
		if (n == 0) {
			md_text(md_para(d), "Nothing shipped.");
			free(g);
			continue;
		}
		memcpy(h2, hg, sizeof(hg));
		h2[0] = by_names[b];
		md_table(d, 6, h2, "lrrrrr");
		for (i = 0; i < n; i++) {
			md_row(d);
			key_cell(d, g[i].key);
			flow_cells(d, &g[i].flow);
		}
		md_table_end(d);
		free(g);
	}
}

static void
overdue_table(md_doc *d, const strat_history *h, const strat_measures *m)
{
	static const char *const hd[] = {"item",   "title", "owner",
					 "anchor", "due",   "days overdue"};
	const strat_period *p;
	const strat_pitem **v;
	size_t n, i;

	if (m->nperiods == 0 || !(p = &m->periods[m->nperiods - 1])->partial ||
	    p->overdue == 0 || (v = overdue_items(p, &n)) == NULL)
		return;
	md_heading(d, 2, "Overdue");
	md_table(d, 6, hd, "llllrr");
	for (i = 0; i < n; i++) {
		char day[11];

		md_row(d);
		md_code(md_cell(d), h->tracks[v[i]->track].id);
		md_text(md_cell(d), v[i]->v1->title);
		md_text(md_cell(d), v[i]->v1->owner);
		md_text(md_cell(d), v[i]->v1->anchor);
		fmt_day(v[i]->v1->date, day);
		md_text(md_cell(d), day);
		md_textf(md_cell(d), "%ld", (long)(m->today - v[i]->v1->date));
	}
	md_table_end(d);
	free(v);
}

/* The stale items: a sentence and a table. */
static void
stale_items(md_doc *d, const strat_history *h, const strat_measures *m,
	    const char *owner)
{
	static const char *const hd[] = {"item", "title", "owner",
					 "last changed", "days"};
	size_t i;

	md_textf(md_para(d),
		 "In progress, and the entry has not changed for %u days or "
		 "more (stale-days):",
		 m->stale_days);
	md_table(d, 5, hd, "lllrr");
	for (i = 0; i < m->nstale; i++) {
		char day[11];

		if (owner && strcmp(m->stale[i].v->owner, owner) != 0)
			continue;
		md_row(d);
		md_code(md_cell(d), h->tracks[m->stale[i].track].id);
		md_text(md_cell(d), m->stale[i].v->title);
		md_text(md_cell(d), m->stale[i].v->owner);
		fmt_day(m->stale[i].since, day);
		md_text(md_cell(d), day);
		md_textf(md_cell(d), "%ld", (long)m->stale[i].days);
	}
	md_table_end(d);
}

static void
stale_table(md_doc *d, const strat_history *h, const strat_measures *m)
{
	if (m->nstale == 0)
		return;
	md_heading(d, 2, "Stale");
	stale_items(d, h, m, NULL);
}

void
stale_md(md_doc *d, const strat_history *h, const strat_measures *m,
	 const char *owner)
{
	size_t i, n = 0;

	for (i = 0; i < m->nstale; i++)
		n += owner == NULL || strcmp(m->stale[i].v->owner, owner) == 0;
	if (!m->plan_stale && n == 0)
		return;
	md_heading(d, 2, "Stale");
	if (m->plan_stale)
		stale_plan_line(md_para(d), m);
	if (n)
		stale_items(d, h, m, owner);
}

/* Why a change was made: the reason of the commit that made it, and its
 * author. */
static void
why_cell(md_doc *d, const strat_history *h, uint32_t commit)
{
	const strat_hcommit *c = &h->commits[commit];
	md_block *b = md_cell(d);

	md_text(b, strat_hcommit_reason(c));
	md_textf(b, " (%s)", c->author);
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
	static const char *const hd[] = {"item",  "title", "owner",
					 "slips", "days",  "first planned",
					 "now",   "why"};
	size_t i;
	char a[11], z[11];

	md_heading(d, 2, "Slipped most");
	if (m->nslips == 0) {
		md_text(md_para(d), "No item was re-dated later.");
		return;
	}
	md_table(d, 8, hd, "lllrrlll");
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
		why_cell(d, h, s->commit);
	}
	md_table_end(d);
	if (m->nslips > TOP)
		md_textf(md_para(d),
			 "%zu more items slipped (see --format "
			 "json).",
			 m->nslips - TOP);
}

static void
cat_table(md_doc *d, const strat_history *h, const strat_measures *m,
	  strat_category cat)
{
	static const char *const hdrop[] = {"period", "item", "title", "owner",
					    "how",    "when", "why"};
	static const char *const hunp[] = {"period", "item",   "title",
					   "owner",  "anchor", "date"};
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
	md_table(d, cat == STRAT_CAT_DROPPED ? 7 : 6,
		 cat == STRAT_CAT_DROPPED ? hdrop : hunp, "lllllll");
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
				if (it->decided)
					why_cell(d, h, it->commit);
				else
					md_text(md_cell(d), "");
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
		md_textf(b,
			 "%s: history read stops at commit %.12s (%.10s); "
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
build(const strat_history *h, const strat_measures *m, const strat_report *o)
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
	md_textf(b,
		 " (%.12s, %.10s): %zu commits read, %zu changed the "
		 "plan. Measured by %s",
		 id, t, h->walked, h->plan_versions, kind_names[m->kind]);
	if (m->nperiods)
		md_textf(b, ", %s to %s.", m->periods[0].label,
			 m->periods[m->nperiods - 1].label);
	else
		md_text(b, ".");
	headline(d, h, m);
	(void)kind_plural;
	return d;
}

static void
body(md_doc *d, const strat_history *h, const strat_measures *m,
     const strat_report *o, strat_format format)
{
	periods_table(d, h, m);
	overdue_table(d, h, m);
	if (!o->by_set || o->by == STRAT_BY_ANCHOR)
		group_table(d, m, o, STRAT_BY_ANCHOR);
	if (!o->by_set || o->by == STRAT_BY_OWNER)
		group_table(d, m, o, STRAT_BY_OWNER);
	if (o->by_set && o->by == STRAT_BY_CHANNEL)
		group_table(d, m, o, STRAT_BY_CHANNEL);
	flow_tables(d, m, o);
	report_md_kpis(d, h, m, o, format);
	slips_table(d, h, m);
	cat_table(d, h, m, STRAT_CAT_DROPPED);
	cat_table(d, h, m, STRAT_CAT_UNPLANNED);
	stale_table(d, h, m);
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
	c->line = committed && !p->partial ? (double)shipped / (double)committed
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
	char(*t)[96] = calloc(m->nperiods + 1, sizeof(*t));
	chart_spec s = {.id = "ch-periods",
			.label = "committed and shipped items and execution "
				 "rate per period",
			.bar_name = {"committed", "shipped"},
			.line_name = "execution rate",
			.line_right = 1,
			.integer = 1};
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
		if (strat_measure_group_period(&g, &ng, m, i, STRAT_BY_ANCHOR) <
		    0)
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
		chart_spec ks = {.id = id,
				 .bar_name = {"committed", "shipped"},
				 .line_name = "execution rate",
				 .line_right = 1,
				 .small = 1,
				 .integer = 1};

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

static char *
render(const strat_history *h, const strat_measures *m, const strat_report *o,
       strat_format format)
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
		if ((svg = charts(m)) == NULL) {
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
	sb_puts(&b, chart_css());
	sb_puts(&b, style);
	sb_puts(&b, "</style>\n</head>\n<body>\n");
	sb_html_nowrap_dates(&b, html);
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
		return strat_error_set(STRAT_EUSAGE, "report has no %s format",
				       strat_format_name(o->format));
	/* A document holds every period's rows in cmark-gfm's tree, about
	 * 30 bytes of memory per byte of output (--until 9999-12-31
	 * --period week made 416,000 periods: 11 GB, and cmark-gfm aborts
	 * the html past a 1 GiB buffer); csv and json stream, linear. */
	if ((o->format == STRAT_FORMAT_MD || o->format == STRAT_FORMAT_HTML) &&
	    r->measures->nperiods > STRAT_MAX_PERIODS_DOC)
		return strat_error_set(
		    STRAT_ELIMIT,
		    "the report has %zu periods; --format %s shows at "
		    "most %u: narrow --since and --until, take a longer "
		    "--period, or use --format csv or json",
		    r->measures->nperiods, strat_format_name(o->format),
		    STRAT_MAX_PERIODS_DOC);
	if ((*out = render(r->history, r->measures, r, o->format)) == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	return 0;
}
