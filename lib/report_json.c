/*
 * report_json.c - the execution report as JSON and CSV (shapes in
 * spec/SPEC.md, section 14).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "report.h"
#include "strat/compare.h"

void
fmt_day(strat_day d, char out[11])
{
	if (d == STRAT_NO_DATE)
		strcpy(out, "");
	else
		strat_date_format(d, out);
}

void
fmt_time(int64_t t, char out[32])
{
	strat_day d = (strat_day)(t >= 0 ? t / 86400 : -((-t + 86399) / 86400));
	int64_t s = t - (int64_t)d * 86400;
	char day[11];

	strat_date_format(d, day);
	snprintf(out, 32, "%sT%02d:%02d:%02dZ", day, (int)(s / 3600),
		 (int)(s / 60 % 60), (int)(s % 60));
}

/* As strat_status_name(), but "" for no status (the report's shape). */
const char *
status_name(strat_status s)
{
	return s == STRAT_STATUS_NONE ? "" : strat_status_name(s);
}

void
json_date(json_w *w, const char *key, strat_day d)
{
	char s[11];

	jw_key(w, key);
	if (d == STRAT_NO_DATE) {
		jw_null(w);
		return;
	}
	strat_date_format(d, s);
	jw_str(w, s);
}

static void
json_commit(json_w *w, const strat_hcommit *c)
{
	char id[41], t[32];

	strat_oid_fmt(&c->id, id);
	fmt_time(c->time, t);
	jw_obj(w, JW_ROW);
	jw_kstr(w, "commit", id);
	jw_kstr(w, "time", t);
	jw_kstr(w, "author", c->author);
	jw_end(w);
}

static void
json_counts(json_w *w, size_t committed, const size_t *n)
{
	int c;

	jw_kuint(w, "committed", committed);
	for (c = 0; c < STRAT_CAT__COUNT; c++)
		jw_kuint(w, strat_category_name(c), n[c]);
	jw_key(w, "rate");
	if (committed == 0)
		jw_null(w);
	else
		jw_fixed(w, (double)n[STRAT_CAT_SHIPPED] / (double)committed,
			 4);
}

static void
json_item_ref(json_w *w, const strat_history *h, const strat_pitem *it)
{
	const strat_hitem *v = it->v1 ? it->v1 : it->v0;

	jw_obj(w, JW_ROW);
	jw_kstr(w, "id", h->tracks[it->track].id);
	jw_kstr(w, "category", strat_category_name(it->cat));
	jw_kstr(w, "title", v->title);
	jw_kstr(w, "anchor", v->anchor);
	jw_kstr(w, "owner", v->owner);
	json_date(w, "planned", it->v0 ? it->v0->date : STRAT_NO_DATE);
	json_date(w, "date", it->v1 ? it->v1->date : STRAT_NO_DATE);
	jw_end(w);
}

/* An event of an item's history: its kind and the commit. */
static void
event(json_w *w, const char *kind, const strat_hcommit *c)
{
	char id[41], tm[32];

	strat_oid_fmt(&c->id, id);
	fmt_time(c->time, tm);
	jw_obj(w, JW_ROW);
	jw_kstr(w, "event", kind);
	jw_kstr(w, "commit", id);
	jw_kstr(w, "time", tm);
	jw_kstr(w, "author", c->author);
}

static void
json_events(json_w *w, const strat_history *h, const strat_htrack *t)
{
	size_t j;

	jw_arr(w, JW_BLOCK);
	for (j = 0; j < t->nversions; j++) {
		const strat_hversion *pv = j ? &t->versions[j - 1] : NULL;
		const strat_hversion *v = &t->versions[j];
		const strat_hcommit *c = &h->commits[v->commit];
		const strat_hitem *a = pv ? pv->v : NULL, *z = v->v;

		if (z == NULL) {
			event(w, "removed", c);
			jw_end(w);
			continue;
		}
		if (a == NULL) {
			event(w, pv ? "restored" : "planned", c);
			json_date(w, "date", z->date);
			jw_kstr(w, "status", status_name(z->status));
			jw_kstr(w, "file", v->file);
			jw_end(w);
			continue;
		}
		if (a->date != z->date) {
			event(w, "date", c);
			json_date(w, "from", a->date);
			json_date(w, "to", z->date);
			if (a->date != STRAT_NO_DATE &&
			    z->date != STRAT_NO_DATE)
				jw_kint(w, "days",
					(long long)(z->date - a->date));
			jw_end(w);
		}
		if (a->status != z->status) {
			event(w, "status", c);
			jw_kstr(w, "from", status_name(a->status));
			jw_kstr(w, "to", status_name(z->status));
			jw_end(w);
		}
		if (pv->file != v->file) {
			event(w, "moved", c);
			jw_kstr(w, "from", pv->file);
			jw_kstr(w, "to", v->file);
			jw_end(w);
		}
	}
	jw_end(w);
}

static void
json_stat(json_w *w, const char *key, double median, int32_t p80)
{
	jw_key(w, key);
	jw_obj(w, JW_ROW);
	jw_key(w, "median");
	jw_fixed(w, median, 1);
	jw_kint(w, "p80", p80);
	jw_end(w);
}

static void
json_flow(json_w *w, const strat_flow *f)
{
	jw_kuint(w, "shipped", f->shipped);
	jw_kuint(w, "measured", f->n);
	if (f->n == 0) {
		jw_key(w, "lead_days");
		jw_null(w);
		jw_key(w, "slips");
		jw_null(w);
		jw_key(w, "days_slipped");
		jw_null(w);
		return;
	}
	json_stat(w, "lead_days", f->lead_median, f->lead_p80);
	json_stat(w, "slips", f->slips_median, f->slips_p80);
	json_stat(w, "days_slipped", f->days_median, f->days_p80);
}

void
stale_json(json_w *w, const strat_history *h, const strat_measures *m,
	   const char *owner)
{
	size_t i;

	json_date(w, "plan_updated", m->plan_updated);
	jw_kbool(w, "plan_stale", m->plan_stale);
	jw_key(w, "items");
	jw_arr(w, JW_BLOCK);
	for (i = 0; i < m->nstale; i++) {
		if (owner && strcmp(m->stale[i].v->owner, owner) != 0)
			continue;
		jw_obj(w, JW_ROW);
		jw_kstr(w, "id", h->tracks[m->stale[i].track].id);
		jw_kstr(w, "title", m->stale[i].v->title);
		jw_kstr(w, "owner", m->stale[i].v->owner);
		json_date(w, "since", m->stale[i].since);
		jw_kint(w, "days", m->stale[i].days);
		jw_end(w);
	}
	jw_end(w);
}

/* The measures beside the contract's figures (SPEC section 14): per
 * period overdue, graced, flow, breakdowns of that period alone and why
 * each item ended as it did; the overdue and the stale items. */
static void
json_measures(json_w *w, const strat_history *h, const strat_measures *m,
	      const strat_report *o)
{
	static const char *const bys[] = {"anchor", "owner", "channel"};
	const strat_period *cur =
	    m->nperiods ? &m->periods[m->nperiods - 1] : NULL;
	size_t i, j, k, n;

	jw_key(w, "measures");
	jw_obj(w, JW_BLOCK);
	jw_kuint(w, "grace_days", m->grace_days);
	jw_kuint(w, "stale_days", m->stale_days);
	jw_key(w, "periods");
	jw_arr(w, JW_BLOCK);
	for (i = 0; i < m->nperiods; i++) {
		const strat_period *p = &m->periods[i];

		jw_obj(w, JW_ROW);
		jw_kstr(w, "period", p->label);
		jw_kuint(w, "overdue", p->overdue);
		jw_kuint(w, "graced", p->graced);
		jw_key(w, "flow");
		jw_obj(w, JW_ROW);
		json_flow(w, &p->flow);
		jw_key(w, "per_week");
		jw_fixed(w, p->flow.per_week, 2);
		jw_end(w);
		jw_key(w, "by");
		jw_obj(w, JW_BLOCK);
		for (k = 0; k < 3; k++) {
			strat_group *g = NULL;

			if (o->by_set && (strat_by)k != o->by)
				continue;
			if (strat_measure_group_period(&g, &n, m, i,
						       (strat_by)k) < 0) {
				w->b->failed = 1;
				return;
			}
			jw_key(w, bys[k]);
			jw_arr(w, JW_BLOCK);
			for (j = 0; j < n; j++) {
				jw_obj(w, JW_ROW);
				jw_kstr(w, "key", g[j].key);
				json_counts(w, g[j].committed, g[j].n);
				jw_end(w);
			}
			jw_end(w);
			free(g);
		}
		jw_end(w);
		jw_key(w, "flow_by");
		jw_obj(w, JW_BLOCK);
		for (k = 0; k < 3; k++) {
			strat_flow_group *g = NULL;

			if (o->by_set ? (strat_by)k != o->by
				      : k == STRAT_BY_CHANNEL)
				continue;
			if (strat_measure_flow_group(&g, &n, m, i, i + 1,
						     (strat_by)k) < 0) {
				w->b->failed = 1;
				return;
			}
			jw_key(w, bys[k]);
			jw_arr(w, JW_BLOCK);
			for (j = 0; j < n; j++) {
				jw_obj(w, JW_ROW);
				jw_kstr(w, "key", g[j].key);
				json_flow(w, &g[j].flow);
				jw_end(w);
			}
			jw_end(w);
			free(g);
		}
		jw_end(w);
		jw_key(w, "items");
		jw_arr(w, JW_BLOCK);
		for (j = 0; j < p->nitems; j++) {
			const strat_pitem *it = &p->items[j];
			const strat_iflow *f = &m->iflow[it->track];

			jw_obj(w, JW_ROW);
			jw_kstr(w, "id", h->tracks[it->track].id);
			jw_kstr(w, "category", strat_category_name(it->cat));
			jw_kbool(w, "overdue", it->overdue);
			jw_kbool(w, "graced", it->graced);
			jw_key(w, "lead_days");
			if (f->planned && f->shipped)
				jw_int(w, f->lead);
			else
				jw_null(w);
			jw_kint(w, "slips", f->slips);
			jw_kint(w, "days_slipped", f->days);
			jw_key(w, "change");
			if (it->decided) {
				const strat_hcommit *c =
				    &h->commits[it->commit];

				json_commit(w, c);
				jw_kstr(w, "why", strat_hcommit_reason(c));
			} else {
				jw_null(w);
				jw_key(w, "why");
				jw_null(w);
			}
			jw_end(w);
		}
		jw_end(w);
		jw_end(w);
	}
	jw_end(w);
	jw_key(w, "overdue");
	jw_arr(w, JW_BLOCK);
	for (j = 0; cur && cur->partial && j < cur->nitems; j++) {
		const strat_pitem *it = &cur->items[j];

		if (!it->overdue)
			continue;
		jw_obj(w, JW_ROW);
		jw_kstr(w, "id", h->tracks[it->track].id);
		jw_kstr(w, "title", it->v1->title);
		jw_kstr(w, "owner", it->v1->owner);
		jw_kstr(w, "anchor", it->v1->anchor);
		json_date(w, "date", it->v1->date);
		jw_kint(w, "days", m->today - it->v1->date);
		jw_end(w);
	}
	jw_end(w);
	jw_key(w, "stale");
	jw_obj(w, JW_BLOCK);
	stale_json(w, h, m, NULL);
	jw_end(w);
	jw_end(w);
}

char *
report_json(const strat_history *h, const strat_measures *m,
	    const strat_report *o)
{
	sbuf b = {0};
	json_w w;
	size_t i, j, ng;
	static const char *const bys[] = {"anchor", "owner", "channel"};
	static const char *const kinds[] = {"quarter", "month", "week"};

	jw_init(&w, &b);
	jw_obj(&w, JW_BLOCK);
	jw_kint(&w, "version", 1);
	jw_kstr(&w, "revision", o->revision);
	jw_kstr(&w, "period", kinds[m->kind]);
	json_date(&w, "today", o->today);
	jw_key(&w, "history");
	jw_obj(&w, JW_ROW);
	jw_kuint(&w, "commits", h->walked);
	jw_kuint(&w, "plan_commits", h->plan_versions);
	jw_kbool(&w, "truncated", h->truncated);
	jw_kbool(&w, "shallow", h->shallow);
	jw_key(&w, "oldest");
	json_commit(&w, &h->oldest);
	jw_key(&w, "newest");
	json_commit(&w, &h->newest);
	jw_key(&w, "baseline");
	if (h->ncommits)
		json_commit(&w, &h->commits[h->first_plan]);
	else
		jw_null(&w);
	jw_end(&w);
	jw_key(&w, "warnings");
	jw_arr(&w, JW_BLOCK);
	for (i = 0; i < h->nwarnings; i++) {
		const strat_hwarning *hw = &h->warnings[i];
		char id[41];

		strat_oid_fmt(&h->commits[hw->commit].id, id);
		jw_obj(&w, JW_ROW);
		jw_kstr(&w, "commit", id);
		jw_kstr(&w, "file", hw->file);
		jw_kuint(&w, "line", hw->line);
		jw_kuint(&w, "column", hw->column);
		jw_kstr(&w, "message", hw->message);
		jw_end(&w);
	}
	jw_end(&w);
	jw_key(&w, "periods");
	jw_arr(&w, JW_BLOCK);
	for (i = 0; i < m->nperiods; i++) {
		const strat_period *p = &m->periods[i];

		jw_obj(&w, JW_ROW);
		jw_kstr(&w, "period", p->label);
		json_date(&w, "start", p->first);
		json_date(&w, "end", p->last);
		jw_kbool(&w, "partial", p->partial);
		jw_kstr(&w, "baseline", p->baseline ? "first-commit" : "start");
		json_counts(&w, p->committed, p->n);
		jw_key(&w, "items");
		jw_arr(&w, JW_BLOCK);
		for (j = 0; j < p->nitems; j++)
			json_item_ref(&w, h, &p->items[j]);
		jw_end(&w);
		jw_end(&w);
	}
	jw_end(&w);
	jw_key(&w, "by");
	jw_obj(&w, JW_BLOCK);
	for (i = 0; i < 3; i++) {
		strat_group *g = NULL;

		if (o->by_set && (strat_by)i != o->by)
			continue;
		if (strat_measure_group(&g, &ng, m, (strat_by)i) < 0) {
			b.failed = 1;
			break;
		}
		jw_key(&w, bys[i]);
		jw_arr(&w, JW_BLOCK);
		for (j = 0; j < ng; j++) {
			jw_obj(&w, JW_ROW);
			jw_kstr(&w, "key", g[j].key);
			json_counts(&w, g[j].committed, g[j].n);
			jw_end(&w);
		}
		jw_end(&w);
		free(g);
	}
	jw_end(&w);
	jw_key(&w, "slips");
	jw_arr(&w, JW_BLOCK);
	for (i = 0; i < m->nslips; i++) {
		const strat_slip *sl = &m->slips[i];

		jw_obj(&w, JW_ROW);
		jw_kstr(&w, "id", sl->id);
		jw_kuint(&w, "slips", sl->slips);
		jw_kint(&w, "days", sl->days);
		json_date(&w, "from", sl->from);
		json_date(&w, "to", sl->to);
		jw_end(&w);
	}
	jw_end(&w);
	jw_key(&w, "items");
	jw_arr(&w, JW_BLOCK);
	for (i = 0; i < h->ntracks; i++) {
		const strat_htrack *t = &h->tracks[i];
		const strat_hversion *last = &t->versions[t->nversions - 1];
		const strat_hitem *v = NULL;

		for (j = t->nversions; j-- > 0;)
			if ((v = t->versions[j].v) != NULL)
				break;
		jw_obj(&w, JW_ROW);
		jw_kstr(&w, "id", t->id);
		jw_kstr(&w, "title", v->title);
		jw_kstr(&w, "anchor", v->anchor);
		jw_kstr(&w, "owner", v->owner);
		jw_kstr(&w, "channel", v->channel);
		json_date(&w, "date", v->date);
		jw_kstr(&w, "status", status_name(v->status));
		jw_kbool(&w, "in_plan", last->v != NULL);
		jw_kstr(&w, "file", last->v ? last->file : NULL);
		jw_key(&w, "events");
		json_events(&w, h, t);
		jw_end(&w);
	}
	jw_end(&w);
	report_json_kpis(&w, h, m, o);
	json_measures(&w, h, m, o);
	jw_finish(&w);
	return sb_finish(&b);
}

void
csv_field(sbuf *b, const char *s)
{
	sbuf t = {0};
	const char *p;
	/* OWASP's formula starters: = + - @, and tab and CR, which a
	 * spreadsheet skips before looking for one */
	int formula = s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;

	sb_inert(&t, s); /* no control character, bidi mark or non-UTF-8 */
	if (t.failed) {
		b->failed = 1;
		return;
	}
	s = t.s ? t.s : "";
	if (formula || strpbrk(s, ",\"") != NULL) {
		sb_puts(b, "\"");
		if (formula)
			sb_puts(b, "'");
		for (p = s; *p; p++)
			if (*p == '"')
				sb_puts(b, "\"\"");
			else
				sb_put(b, p, 1);
		sb_puts(b, "\"");
	} else {
		sb_puts(b, s);
	}
	free(t.s);
}

static void
csv_counts(sbuf *b, size_t committed, const size_t *n)
{
	int c;

	sb_printf(b, ",%zu", committed);
	for (c = 0; c < STRAT_CAT__COUNT; c++)
		sb_printf(b, ",%zu", n[c]);
	if (committed)
		sb_printf(b, ",%.4f\r\n",
			  (double)n[STRAT_CAT_SHIPPED] / (double)committed);
	else
		sb_puts(b, ",\r\n");
}

char *
report_csv(const strat_history *h, const strat_measures *m,
	   const strat_report *o)
{
	sbuf b = {0};
	size_t i, j;
	char d1[11], d2[11];
	static const char *const bys[] = {"anchor", "owner", "channel"};

	if (o->by_set && (o->by == STRAT_BY_KPI || o->by == STRAT_BY_OUTCOME))
		return report_csv_kpis(h, m, o);
	if (o->table != STRAT_TABLE_PERIODS)
		return report_csv_table(h, m, o);
	if (!o->by_set) {
		sb_puts(&b, "period,start,end,partial,committed,shipped,"
			    "slipped,dropped,missed,open,unplanned,rate\r\n");
		for (i = 0; i < m->nperiods; i++) {
			const strat_period *p = &m->periods[i];

			fmt_day(p->first, d1);
			fmt_day(p->last, d2);
			sb_printf(&b, "%s,%s,%s,%s", p->label, d1, d2,
				  p->partial ? "true" : "false");
			csv_counts(&b, p->committed, p->n);
		}
		return sb_finish(&b);
	}
	sb_printf(&b,
		  "period,start,end,partial,%s,committed,shipped,slipped,"
		  "dropped,missed,open,unplanned,rate\r\n",
		  bys[o->by]);
	for (i = 0; i < m->nperiods; i++) {
		strat_measures one = *m;
		strat_group *g = NULL;
		size_t ng;

		one.periods = &m->periods[i];
		one.nperiods = 1;
		if (strat_measure_group(&g, &ng, &one, o->by) < 0) {
			b.failed = 1;
			break;
		}
		fmt_day(m->periods[i].first, d1);
		fmt_day(m->periods[i].last, d2);
		for (j = 0; j < ng; j++) {
			sb_printf(&b, "%s,%s,%s,%s,", m->periods[i].label, d1,
				  d2, m->periods[i].partial ? "true" : "false");
			csv_field(&b, g[j].key);
			csv_counts(&b, g[j].committed, g[j].n);
		}
		free(g);
	}
	return sb_finish(&b);
}
