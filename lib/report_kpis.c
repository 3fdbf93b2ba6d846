/*
 * report_kpis.c - the KPI movement sections of 'strat report' in every
 * format: per period and KPI the value at the period's start and end, the
 * change and the progress toward the target; whether the done-when of
 * each anchor was met at its quarter's end; with --by kpi or --by outcome
 * the execution rate of the items serving each KPI or outcome beside its
 * movement; and in HTML a line chart per KPI with its target and the
 * shipped items of its anchors (spec/SPEC.md, section 14, "KPI
 * movement").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "markdown.h"
#include "report.h"
#include "strat/metrics.h"

/* ---- what the formats share ---- */

/* The KPI sections are shown when the plan records readings. */
static int
shown(const strat_report *o)
{
	return o->kpis != NULL && o->plan != NULL && o->kpis->nmetrics > 0;
}

/* The last day of p that has happened. */
static strat_day
period_end(const strat_period *p, strat_day today)
{
	return p->partial && today != STRAT_NO_DATE && today < p->last
		   ? today
		   : p->last;
}

static void
num(double v, char out[32])
{
	strat_number_format(v, out);
}

/* "+12", "-3.5", "0" */
static void
signed_num(double v, char out[40])
{
	char t[32];

	strat_number_format(v, t);
	snprintf(out, 40, "%s%s", v > 0 ? "+" : "", t);
}

/* Progress in whole percent, rounded half away from zero. */
static long
pct(double f)
{
	double x = f * 100;

	return (long)(x >= 0 ? x + 0.5 : x - 0.5);
}

/* A fraction rounded to 4 decimals, for JSON and CSV. */
static double
round4(double f)
{
	double x = f * 10000;

	return (double)(long long)(x >= 0 ? x + 0.5 : x - 0.5) / 10000;
}

typedef struct {
	const strat_kpoint *start, *end;
	int has_change;
	double change;
	int has_progress;
	double progress;
} movement;

static void
move(const strat_kseries *s, strat_day first, strat_day last, movement *mv)
{
	memset(mv, 0, sizeof(*mv));
	mv->start = strat_kseries_at(s, first);
	mv->end = strat_kseries_at(s, last);
	/* no reading yet at the start: the first one inside the range */
	if (mv->start == NULL && mv->end != NULL) {
		mv->start = &s->points[0];
		if (mv->start->date > last)
			mv->start = NULL;
	}
	if (mv->start && mv->end) {
		mv->has_change = 1;
		mv->change = strat_kpi_change(mv->end->value, mv->start->value);
	}
	if (mv->end &&
	    strat_kseries_progress(s, mv->end->value, &mv->progress) == 0)
		mv->has_progress = 1;
}

/*
 * Which KPIs and outcomes each item of the periods serves, worked out once
 * per report: an item serves its `kpi` (as of the revision reported on)
 * or, when it names none, every KPI its anchor names; it serves the
 * outcomes its anchor lists.  Then the committed and shipped items per
 * period and KPI (or outcome) are tallied in one pass.
 */
typedef struct {
	const strat_report *o;
	const strat_measures *m;
	size_t nk, no;
	unsigned char *amap; /* [anchor * nk + kpi]: the anchor names it */
	unsigned char *omap; /* [anchor * no + outcome]: it lists it */
	size_t *first;       /* first flat index of each period's items */
	long *aidx, *kidx;   /* per item: anchor index, kpi series or -1 */
	size_t *kc, *ks;     /* committed, shipped [period * nk + kpi] */
	size_t *oc, *os;     /* committed, shipped [period * no + outcome] */
	int failed;
} tally;

static long
series_index(const strat_kpiset *k, const char *id)
{
	const strat_kseries *s = strat_kpiset_find(k, id);

	return s ? (long)(s - k->series) : -1;
}

static int
serves(const tally *t, size_t flat, size_t kpi)
{
	if (t->kidx[flat] >= 0)
		return (size_t)t->kidx[flat] == kpi;
	return t->aidx[flat] >= 0 &&
	       t->amap[(size_t)t->aidx[flat] * t->nk + kpi];
}

static void
tally_free(tally *t)
{
	free(t->amap);
	free(t->omap);
	free(t->first);
	free(t->aidx);
	free(t->kidx);
	free(t->kc);
	free(t->ks);
	free(t->oc);
	free(t->os);
}

static int
tally_init(tally *t, const strat_history *h, const strat_measures *m,
	   const strat_report *o)
{
	const strat_strategy *st = strat_plan_strategy(o->plan);
	const strat_kpiset *k = o->kpis;
	size_t i, j, n = 0, na = st->nanchors, np = m->nperiods, f;

	memset(t, 0, sizeof(*t));
	t->o = o;
	t->m = m;
	t->nk = k->n;
	t->no = st->noutcomes;
	for (i = 0; i < np; i++)
		n += m->periods[i].nitems;
	t->amap = calloc(na * t->nk + 1, 1);
	t->omap = calloc(na * t->no + 1, 1);
	t->first = calloc(np + 1, sizeof(*t->first));
	t->aidx = calloc(n + 1, sizeof(*t->aidx));
	t->kidx = calloc(n + 1, sizeof(*t->kidx));
	t->kc = calloc(np * t->nk + 1, sizeof(size_t));
	t->ks = calloc(np * t->nk + 1, sizeof(size_t));
	t->oc = calloc(np * t->no + 1, sizeof(size_t));
	t->os = calloc(np * t->no + 1, sizeof(size_t));
	if (!t->amap || !t->omap || !t->first || !t->aidx || !t->kidx ||
	    !t->kc || !t->ks || !t->oc || !t->os) {
		tally_free(t);
		memset(t, 0, sizeof(*t));
		return -1;
	}
	for (i = 0; i < t->nk; i++)
		for (j = 0; j < k->series[i].nanchors; j++)
			t->amap[(size_t)(k->series[i].anchors[j] -
					 st->anchors) *
				    t->nk +
				i] = 1;
	for (i = 0; i < na; i++)
		for (j = 0; j < st->anchors[i].noutcomes; j++) {
			size_t q;

			for (q = 0; q < t->no; q++)
				if (st->outcomes[q].id.s &&
				    st->anchors[i].outcomes[j].s &&
				    strcmp(st->outcomes[q].id.s,
					   st->anchors[i].outcomes[j].s) == 0)
					t->omap[i * t->no + q] = 1;
		}
	for (i = 0, f = 0; i < np; i++) {
		t->first[i] = f;
		for (j = 0; j < m->periods[i].nitems; j++, f++) {
			const strat_pitem *it = &m->periods[i].items[j];
			const strat_hitem *v = it->v0 ? it->v0 : it->v1;
			const strat_item *pi = strat_plan_find_item(
			    o->plan, h->tracks[it->track].id);
			const strat_anchor *a =
			    v && v->anchor[0]
				? strat_plan_find_anchor(o->plan, v->anchor)
				: NULL;
			size_t q;

			t->aidx[f] = a ? (long)(a - st->anchors) : -1;
			t->kidx[f] =
			    pi && pi->kpi.s ? series_index(k, pi->kpi.s) : -1;
			if (pi && pi->kpi.s && t->kidx[f] < 0)
				t->aidx[f] = -1; /* an unknown kpi: none */
			if (it->cat == STRAT_CAT_UNPLANNED)
				continue;
			for (q = 0; q < t->nk; q++)
				if (serves(t, f, q)) {
					t->kc[i * t->nk + q]++;
					t->ks[i * t->nk + q] +=
					    it->cat == STRAT_CAT_SHIPPED;
				}
			for (q = 0; a && q < t->no; q++)
				if (t->omap[(size_t)t->aidx[f] * t->no + q]) {
					t->oc[i * t->no + q]++;
					t->os[i * t->no + q] +=
					    it->cat == STRAT_CAT_SHIPPED;
				}
		}
	}
	return 0;
}

typedef struct {
	size_t committed, shipped;
} serving;

/* Committed and shipped items of periods [i0, i1) serving KPI series
 * index kpi, or, when kpi < 0, outcome index outcome. */
static void
count_serving(const tally *t, size_t i0, size_t i1, long kpi, size_t outcome,
	      serving *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = i0; i < i1; i++) {
		if (kpi >= 0) {
			out->committed += t->kc[i * t->nk + (size_t)kpi];
			out->shipped += t->ks[i * t->nk + (size_t)kpi];
		} else {
			out->committed += t->oc[i * t->no + outcome];
			out->shipped += t->os[i * t->no + outcome];
		}
	}
}

static void
rate_text(const serving *sv, char out[16])
{
	if (sv->committed == 0)
		snprintf(out, 16, "n/a");
	else
		snprintf(out, 16, "%zu%%",
			 (sv->shipped * 100 + sv->committed / 2) /
			     sv->committed);
}

/* Was an anchor's done-when met at its quarter's end? */
typedef enum { DW_MET, DW_NOT_MET, DW_OPEN, DW_NO_READING } dw_status;
static const char *const dw_names[] = {"met", "not met", "open", "no reading"};
static const char *const dw_json[] = {"met", "not-met", "open", "no-reading"};

static dw_status
done_when_status(const strat_kseries *s, const strat_anchor *a, strat_day today,
		 const strat_kpoint **at)
{
	strat_day end = strat_quarter_end(a->year, a->q);
	int over = today == STRAT_NO_DATE || today > end;

	*at = strat_kseries_at(s, over ? end : today);
	if (*at == NULL)
		return over ? DW_NO_READING : DW_OPEN;
	if (strat_done_when_met(&a->done_when, (*at)->value))
		return over ? DW_MET : DW_OPEN;
	return over ? DW_NOT_MET : DW_OPEN;
}

/* The anchors with a done-when on s, in strategy order. */
static int
dw_anchor(const strat_kseries *s, const strat_anchor *a)
{
	return a->done_when.op != STRAT_DONE_NONE && a->done_when.kpi.s &&
	       a->year && strcmp(a->done_when.kpi.s, s->kpi->id.s) == 0;
}

static char *report_kpi_charts(const strat_history *h, const strat_measures *m,
			       const strat_report *o);

/* ---- Markdown (and the HTML document) ---- */

static void
md_value(md_block *c, const strat_kpoint *p)
{
	char v[32], d[11];

	if (p == NULL) {
		md_text(c, "-");
		return;
	}
	num(p->value, v);
	fmt_day(p->date, d);
	md_textf(c, "%s (%s)", v, d);
}

static void
md_change(md_block *c, const strat_kseries *s, const movement *mv)
{
	char v[40];
	int cmp;

	if (!mv->has_change) {
		md_text(c, "-");
		return;
	}
	signed_num(mv->change, v);
	cmp = strat_kseries_compare(s, mv->change, 0);
	md_textf(c, "%s%s", v,
		 cmp > 0   ? " (better)"
		 : cmp < 0 ? " (worse)"
			   : "");
}

static void
md_target(md_block *c, const strat_kseries *s)
{
	char d[11];

	if (s->kpi->target.s == NULL) {
		md_text(c, "-");
		return;
	}
	md_text(c, s->kpi->target.s);
	if (s->kpi->down)
		md_text(c, " (down)");
	if (s->target_date != STRAT_NO_DATE) {
		fmt_day(s->target_date, d);
		md_textf(c, " by %s", d);
	}
}

static void
md_progress(md_block *c, const movement *mv)
{
	if (mv->has_progress)
		md_textf(c, "%ld%%", pct(mv->progress));
	else
		md_text(c, "-");
}

static void
md_movement_table(md_doc *d, const strat_measures *m, const strat_report *o)
{
	static const char *const hd[] = {"KPI",    "period", "start",   "end",
					 "change", "target", "progress"};
	const strat_kpiset *k = o->kpis;
	movement mv;
	size_t i, j;

	md_table(d, 7, hd, "llrrrlr");
	for (i = 0; i < k->n; i++) {
		const strat_kseries *s = &k->series[i];

		for (j = 0; j < m->nperiods; j++) {
			const strat_period *p = &m->periods[j];

			move(s, p->first, period_end(p, o->today), &mv);
			if (mv.start == NULL && mv.end == NULL)
				continue; /* before its first reading */
			md_row(d);
			md_code(md_cell(d), s->kpi->id.s);
			md_textf(md_cell(d), "%s%s", p->label,
				 p->partial ? " (partial)" : "");
			md_value(md_cell(d), mv.start);
			md_value(md_cell(d), mv.end);
			md_change(md_cell(d), s, &mv);
			md_target(md_cell(d), s);
			md_progress(md_cell(d), &mv);
		}
	}
	md_table_end(d);
}

static void
md_done_when(md_doc *d, const strat_report *o)
{
	static const char *const hd[] = {"anchor",    "quarter", "KPI",
					 "done when", "value",   "result"};
	const strat_kpiset *k = o->kpis;
	const strat_strategy *st = strat_plan_strategy(o->plan);
	const strat_kpoint *at;
	size_t i, j, n = 0;
	char b[32];

	for (i = 0; i < k->n; i++)
		for (j = 0; j < st->nanchors; j++)
			n += dw_anchor(&k->series[i], &st->anchors[j]);
	if (n == 0)
		return;
	md_heading(d, 3, "Definitions of done");
	md_table(d, 6, hd, "lllrrl");
	for (j = 0; j < st->nanchors; j++) {
		const strat_anchor *a = &st->anchors[j];
		const strat_kseries *s =
		    strat_kpiset_find(k, a->done_when.kpi.s);
		dw_status ds;

		if (s == NULL || !dw_anchor(s, a))
			continue;
		ds = done_when_status(s, a, o->today, &at);
		md_row(d);
		md_code(md_cell(d), a->id.s);
		md_text(md_cell(d), a->quarter.s);
		md_code(md_cell(d), s->kpi->id.s);
		num(a->done_when.bound.value, b);
		md_textf(md_cell(d), "%s %s",
			 a->done_when.op == STRAT_DONE_AT_LEAST ? "at least"
								: "at most",
			 b);
		md_value(md_cell(d), at);
		md_text(md_cell(d), dw_names[ds]);
	}
	md_table_end(d);
}

static void
md_by(md_doc *d, const tally *t, const strat_measures *m, const strat_report *o)
{
	static const char *const hk[] = {"KPI",       "start",   "end",
					 "change",    "target",  "progress",
					 "committed", "shipped", "rate"};
	static const char *const ho[] = {"outcome", "KPI",    "start",
					 "end",     "change", "committed",
					 "shipped", "rate"};
	const strat_kpiset *k = o->kpis;
	const strat_strategy *st = strat_plan_strategy(o->plan);
	strat_day first, last;
	movement mv;
	serving sv;
	char r[16];
	size_t i;

	if (m->nperiods == 0)
		return;
	first = m->periods[0].first;
	last = period_end(&m->periods[m->nperiods - 1], o->today);
	if (o->by == STRAT_BY_KPI) {
		md_heading(d, 2, "By KPI");
		md_table(d, 9, hk, "lrrrlrrrr");
		for (i = 0; i < k->n; i++) {
			const strat_kseries *s = &k->series[i];

			move(s, first, last, &mv);
			count_serving(t, 0, m->nperiods, (long)i, 0, &sv);
			md_row(d);
			md_code(md_cell(d), s->kpi->id.s);
			md_value(md_cell(d), mv.start);
			md_value(md_cell(d), mv.end);
			md_change(md_cell(d), s, &mv);
			md_target(md_cell(d), s);
			md_progress(md_cell(d), &mv);
			md_textf(md_cell(d), "%zu", sv.committed);
			md_textf(md_cell(d), "%zu", sv.shipped);
			rate_text(&sv, r);
			md_text(md_cell(d), r);
		}
		md_table_end(d);
		return;
	}
	md_heading(d, 2, "By outcome");
	md_table(d, 8, ho, "llrrrrrr");
	for (i = 0; i < st->noutcomes; i++) {
		const strat_outcome *oc = &st->outcomes[i];
		const strat_kseries *s = strat_kpiset_find(k, oc->kpi.s);

		if (oc->id.s == NULL)
			continue;
		count_serving(t, 0, m->nperiods, -1, i, &sv);
		md_row(d);
		md_code(md_cell(d), oc->id.s);
		if (s) {
			move(s, first, last, &mv);
			md_code(md_cell(d), s->kpi->id.s);
			md_value(md_cell(d), mv.start);
			md_value(md_cell(d), mv.end);
			md_change(md_cell(d), s, &mv);
		} else {
			md_text(md_cell(d), "(none)");
			md_text(md_cell(d), "-");
			md_text(md_cell(d), "-");
			md_text(md_cell(d), "-");
		}
		md_textf(md_cell(d), "%zu", sv.committed);
		md_textf(md_cell(d), "%zu", sv.shipped);
		rate_text(&sv, r);
		md_text(md_cell(d), r);
	}
	md_table_end(d);
}

void
report_md_kpis(md_doc *d, const strat_history *h, const strat_measures *m,
	       const strat_report *o, strat_format format)
{
	const strat_kpiset *k = o->kpis;
	size_t i;

	if (!shown(o))
		return;
	if (o->by_set && (o->by == STRAT_BY_KPI || o->by == STRAT_BY_OUTCOME)) {
		tally t;

		if (tally_init(&t, h, m, o) < 0)
			return;
		md_by(d, &t, m, o);
		tally_free(&t);
		return;
	}
	md_heading(d, 2, "KPIs");
	if (k->n == 0 || m->nperiods == 0) {
		md_text(md_para(d), "No KPI to show.");
		return;
	}
	md_text(md_para(d),
		"Each KPI's value at the start and end of each period (its "
		"last reading at or before that day), the change, and how far "
		"it has come from its baseline to its target.");
	if (format == STRAT_FORMAT_HTML) {
		char *svg = report_kpi_charts(h, m, o);

		if (svg)
			md_html_block(d, svg);
		free(svg);
	}
	md_movement_table(d, m, o);
	md_done_when(d, o);
	for (i = 0; i < k->nwarnings; i++) {
		const strat_kwarning *w = &k->warnings[i];
		md_block *b = md_para(d);

		md_code(b, w->file);
		md_textf(b, " does not parse (line %u: %s); ", w->line,
			 w->message);
		if (w->commit[0])
			md_textf(b,
				 "the readings of its version in commit "
				 "%.12s stand.",
				 w->commit);
		else
			md_text(b, "no version of it parses; its readings "
				   "are not shown.");
	}
}

/* ---- JSON ---- */

static void
json_num(json_w *w, const char *key, int has, double v)
{
	jw_key(w, key);
	if (has)
		jw_number(w, v);
	else
		jw_null(w);
}

static void
json_point(json_w *w, const char *key, const strat_kpoint *p)
{
	jw_key(w, key);
	if (p == NULL) {
		jw_null(w);
		return;
	}
	jw_obj(w, JW_ROW);
	json_date(w, "date", p->date);
	json_num(w, "value", 1, p->value);
	jw_end(w);
}

static void
json_serving(json_w *w, const serving *sv)
{
	jw_kuint(w, "committed", sv->committed);
	jw_kuint(w, "shipped", sv->shipped);
	jw_key(w, "rate");
	if (sv->committed == 0)
		jw_null(w);
	else
		jw_fixed(w, (double)sv->shipped / (double)sv->committed, 4);
}

void
report_json_kpis(json_w *w, const strat_history *h, const strat_measures *m,
		 const strat_report *o)
{
	const strat_kpiset *k = o->kpis;
	const strat_strategy *st;
	const strat_kpoint *at;
	movement mv;
	serving sv;
	tally t;
	size_t i, j;

	if (!shown(o))
		return;
	if (tally_init(&t, h, m, o) < 0) {
		w->b->failed = 1;
		return;
	}
	st = strat_plan_strategy(o->plan);
	jw_key(w, "kpis");
	jw_arr(w, JW_BLOCK);
	for (i = 0; i < k->n; i++) {
		const strat_kseries *s = &k->series[i];
		const strat_kpi *kp = s->kpi;

		jw_obj(w, JW_BLOCK);
		jw_kstr(w, "id", kp->id.s);
		jw_kstr(w, "title", kp->title.s);
		jw_kstr(w, "unit", kp->unit.s);
		jw_kstr(w, "direction", kp->down ? "down" : "up");
		json_num(w, "baseline", s->has_baseline, s->baseline);
		json_num(w, "target", s->has_target, s->target);
		json_date(w, "target_date", s->target_date);
		json_point(w, "latest",
			   s->npoints ? &s->points[s->npoints - 1] : NULL);
		jw_kuint(w, "readings", s->npoints);
		jw_key(w, "periods");
		jw_arr(w, JW_BLOCK);
		for (j = 0; j < m->nperiods; j++) {
			const strat_period *p = &m->periods[j];

			move(s, p->first, period_end(p, o->today), &mv);
			count_serving(&t, j, j + 1, (long)i, 0, &sv);
			jw_obj(w, JW_ROW);
			jw_kstr(w, "period", p->label);
			json_point(w, "start", mv.start);
			json_point(w, "end", mv.end);
			json_num(w, "change", mv.has_change, mv.change);
			json_num(w, "target", s->has_target, s->target);
			json_num(w, "progress", mv.has_progress,
				 round4(mv.progress));
			jw_key(w, "items");
			jw_obj(w, JW_ROW);
			json_serving(w, &sv);
			jw_end(w);
			jw_end(w);
		}
		jw_end(w);
		jw_key(w, "done_when");
		jw_arr(w, JW_BLOCK);
		for (j = 0; j < st->nanchors; j++) {
			const strat_anchor *a = &st->anchors[j];
			dw_status ds;

			if (!dw_anchor(s, a))
				continue;
			ds = done_when_status(s, a, o->today, &at);
			jw_obj(w, JW_ROW);
			jw_kstr(w, "anchor", a->id.s);
			jw_kstr(w, "quarter", a->quarter.s);
			json_num(w,
				 a->done_when.op == STRAT_DONE_AT_LEAST
				     ? "at_least"
				     : "at_most",
				 1, a->done_when.bound.value);
			json_point(w, "value", at);
			jw_kstr(w, "result", dw_json[ds]);
			jw_end(w);
		}
		jw_end(w);
		jw_end(w);
	}
	jw_end(w);
	jw_key(w, "by_outcome");
	jw_arr(w, JW_BLOCK);
	for (i = 0; o->by_set && o->by == STRAT_BY_OUTCOME && i < st->noutcomes;
	     i++) {
		const strat_outcome *oc = &st->outcomes[i];

		if (oc->id.s == NULL)
			continue;
		count_serving(&t, 0, m->nperiods, -1, i, &sv);
		jw_obj(w, JW_ROW);
		jw_kstr(w, "outcome", oc->id.s);
		jw_kstr(w, "kpi",
			strat_kpiset_find(k, oc->kpi.s) ? oc->kpi.s : NULL);
		json_serving(w, &sv);
		jw_end(w);
	}
	jw_end(w);
	jw_key(w, "metrics_warnings");
	jw_arr(w, JW_BLOCK);
	for (i = 0; i < k->nwarnings; i++) {
		const strat_kwarning *kw = &k->warnings[i];

		jw_obj(w, JW_ROW);
		jw_kstr(w, "file", kw->file);
		jw_kuint(w, "line", kw->line);
		jw_kuint(w, "column", kw->column);
		jw_kstr(w, "message", kw->message);
		jw_kstr(w, "commit", kw->commit[0] ? kw->commit : NULL);
		jw_end(w);
	}
	jw_end(w);
	tally_free(&t);
}

/* ---- CSV (--by kpi, --by outcome) ---- */

static void
csv_num(sbuf *b, int has, double v)
{
	char t[32];

	sb_puts(b, ",");
	if (has) {
		num(v, t);
		sb_puts(b, t);
	}
}

static void
csv_serving(sbuf *b, const serving *sv)
{
	char t[32];

	sb_printf(b, ",%zu,%zu,", sv->committed, sv->shipped);
	if (sv->committed) {
		snprintf(t, sizeof(t), "%.4f",
			 (double)sv->shipped / (double)sv->committed);
		sb_puts(b, t);
	}
	sb_puts(b, "\r\n");
}

char *
report_csv_kpis(const strat_history *h, const strat_measures *m,
		const strat_report *o)
{
	sbuf b = {0};
	const strat_kpiset *k = o->kpis;
	const strat_strategy *st =
	    o->plan ? strat_plan_strategy(o->plan) : NULL;
	movement mv;
	serving sv;
	tally t;
	size_t i, j, n;
	char d1[11], d2[11];

	if (!shown(o))
		return sb_finish(&b);
	if (tally_init(&t, h, m, o) < 0)
		return NULL;
	n = o->by == STRAT_BY_KPI ? (k ? k->n : 0) : (st ? st->noutcomes : 0);
	sb_printf(&b,
		  "period,start,end,partial,%s,kpi,value_start,"
		  "value_end,change,target,progress,committed,shipped,"
		  "rate\r\n",
		  o->by == STRAT_BY_KPI ? "key" : "outcome");
	for (j = 0; j < m->nperiods; j++) {
		const strat_period *p = &m->periods[j];

		fmt_day(p->first, d1);
		fmt_day(p->last, d2);
		for (i = 0; i < n; i++) {
			const strat_kseries *s;
			const char *key;

			if (o->by == STRAT_BY_KPI) {
				s = &k->series[i];
				key = s->kpi->id.s;
			} else {
				key = st->outcomes[i].id.s;
				if (key == NULL)
					continue;
				s = strat_kpiset_find(k, st->outcomes[i].kpi.s);
			}
			sb_printf(&b, "%s,%s,%s,%s,", p->label, d1, d2,
				  p->partial ? "true" : "false");
			csv_field(&b, key);
			sb_puts(&b, ",");
			if (s)
				csv_field(&b, s->kpi->id.s);
			memset(&mv, 0, sizeof(mv));
			if (s)
				move(s, p->first, period_end(p, o->today), &mv);
			csv_num(&b, mv.start != NULL,
				mv.start ? mv.start->value : 0);
			csv_num(&b, mv.end != NULL, mv.end ? mv.end->value : 0);
			csv_num(&b, mv.has_change, mv.change);
			csv_num(&b, s && s->has_target, s ? s->target : 0);
			csv_num(&b, mv.has_progress, round4(mv.progress));
			count_serving(&t, j, j + 1,
				      o->by == STRAT_BY_KPI ? (long)i : -1, i,
				      &sv);
			csv_serving(&b, &sv);
		}
	}
	tally_free(&t);
	return sb_finish(&b);
}

/* ---- HTML: a line chart per KPI, drawn by chart.c ---- */

/* Day d as x in column units (chart_pt) over the reported periods. */
static double
day_x(const strat_measures *m, strat_day d)
{
	size_t i;

	if (d < m->periods[0].first)
		return 0;
	for (i = 0; i < m->nperiods; i++) {
		const strat_period *p = &m->periods[i];

		if (d <= p->last)
			return (double)i + ((double)(d - p->first) + 0.5) /
					       (double)(p->last - p->first + 1);
	}
	return (double)m->nperiods;
}

/* The KPI's readings over the reported periods (the one in force at
 * their start first, at the left edge) as the line, its target as the
 * reference line, and a mark where an item serving it shipped; one
 * column per period, its movement as the tooltip. */
static int
chart_one(sbuf *b, const strat_history *h, const tally *ty, size_t kpi)
{
	const strat_measures *m = ty->m;
	const strat_report *o = ty->o;
	const strat_kseries *s = &o->kpis->series[kpi];
	strat_day d0 = m->periods[0].first;
	strat_day d1 = period_end(&m->periods[m->nperiods - 1], o->today);
	const strat_kpoint *before = strat_kseries_at(s, d0);
	size_t nitems = 0, i, j;
	chart_col *c = calloc(m->nperiods, sizeof(*c));
	chart_pt *pt = calloc(s->npoints + 1, sizeof(*pt));
	chart_pt *mk;
	char(*ct)[128] = calloc(m->nperiods, sizeof(*ct));
	char(*pl)[48] = calloc(s->npoints + 1, sizeof(*pl));
	char(*ml)[160];
	char id[32], ref[48], t[32], u[32], d[11];
	chart_spec cs = {.line_name = "reading",
			 .mark_name = "an item serving it shipped"};
	int rc = -1;

	for (i = 0; i < m->nperiods; i++)
		nitems += m->periods[i].nitems;
	mk = calloc(nitems + 1, sizeof(*mk));
	ml = calloc(nitems + 1, sizeof(*ml));
	if (!c || !pt || !mk || !ct || !pl || !ml)
		goto out;
	for (i = 0; i < m->nperiods; i++) {
		const strat_period *p = &m->periods[i];
		movement mv;

		move(s, p->first, period_end(p, o->today), &mv);
		c[i].label = p->label;
		c[i].state = p->partial    ? CHART_PROGRESS
			     : p->baseline ? CHART_PARTIAL
					   : CHART_FULL;
		c[i].bar[0] = c[i].bar[1] = c[i].line = NAN;
		if (mv.start && mv.end) {
			num(mv.start->value, t);
			num(mv.end->value, u);
			snprintf(ct[i], sizeof(ct[i]), "%s: %s to %s%s",
				 p->label, t, u,
				 p->partial ? " (in progress, so far)" : "");
		} else {
			snprintf(ct[i], sizeof(ct[i]), "%s: no reading",
				 p->label);
		}
		c[i].title = ct[i];
	}
	for (i = 0; i < s->npoints; i++) {
		const strat_kpoint *p = &s->points[i];

		if ((p->date < d0 && p != before) || p->date > d1)
			continue;
		num(p->value, t);
		fmt_day(p->date, d);
		snprintf(pl[cs.npts], sizeof(pl[0]), "%s: %s", d, t);
		pt[cs.npts].x = day_x(m, p->date);
		pt[cs.npts].y = p->value;
		pt[cs.npts].title = pl[cs.npts];
		cs.npts++;
	}
	for (i = 0; i < m->nperiods; i++)
		for (j = 0; j < m->periods[i].nitems; j++) {
			const strat_pitem *it = &m->periods[i].items[j];
			const strat_hitem *v = it->v1;
			strat_day day;

			if ((it->cat != STRAT_CAT_SHIPPED &&
			     it->cat != STRAT_CAT_UNPLANNED) ||
			    v == NULL || !serves(ty, ty->first[i] + j, kpi))
				continue;
			day =
			    v->shipped != STRAT_NO_DATE ? v->shipped : v->date;
			if (day == STRAT_NO_DATE || day < d0 || day > d1)
				continue;
			fmt_day(day, d);
			snprintf(ml[cs.nmarks], sizeof(ml[0]),
				 "%.120s shipped %s", h->tracks[it->track].id,
				 d);
			mk[cs.nmarks].x = day_x(m, day);
			mk[cs.nmarks].title = ml[cs.nmarks];
			cs.nmarks++;
		}
	if (s->has_target) {
		num(s->target, t);
		snprintf(ref, sizeof(ref), "target %s", t);
		cs.ref_name = ref;
		cs.ref = s->target;
	}
	snprintf(id, sizeof(id), "ch-kpi-%zu", kpi);
	cs.id = id;
	cs.label = s->kpi->id.s;
	cs.pts = pt;
	cs.marks = mk;
	sb_puts(b, "<h3><code>");
	sb_html(b, s->kpi->id.s);
	sb_puts(b, "</code> ");
	sb_html(b, s->kpi->title.s ? s->kpi->title.s : "");
	if (s->kpi->unit.s) {
		sb_puts(b, " (");
		sb_html(b, s->kpi->unit.s);
		sb_puts(b, ")");
	}
	sb_puts(b, "</h3>\n");
	chart_html(b, &cs, c, m->nperiods);
	rc = 0;
out:
	free(c);
	free(pt);
	free(mk);
	free(ct);
	free(pl);
	free(ml);
	return rc;
}

static char *
report_kpi_charts(const strat_history *h, const strat_measures *m,
		  const strat_report *o)
{
	sbuf b = {0};
	tally t;
	size_t i;

	if (!shown(o) || m->nperiods == 0 || o->kpis->n == 0)
		return sb_finish(&b);
	if (tally_init(&t, h, m, o) < 0)
		return NULL;
	for (i = 0; i < o->kpis->n; i++)
		if (chart_one(&b, h, &t, i) < 0)
			b.failed = 1;
	tally_free(&t);
	return sb_finish(&b);
}
