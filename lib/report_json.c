/*
 * report_json.c - the execution report as JSON and CSV (shapes in
 * spec/SPEC.md, section 14).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
json_date(sbuf *b, strat_day d)
{
	char s[11];

	if (d == STRAT_NO_DATE) {
		sb_puts(b, "null");
		return;
	}
	strat_date_format(d, s);
	sb_json_u(b, s);
}

void
json_rate(sbuf *b, size_t shipped, size_t committed)
{
	if (committed == 0)
		sb_puts(b, "null");
	else
		sb_printf(b, "%.4f", (double)shipped / (double)committed);
}

static void
json_commit(sbuf *b, const strat_hcommit *c)
{
	char id[41], t[32];

	strat_oid_fmt(&c->id, id);
	fmt_time(c->time, t);
	sb_puts(b, "{\"commit\": ");
	sb_json_u(b, id);
	sb_puts(b, ", \"time\": ");
	sb_json_u(b, t);
	sb_puts(b, ", \"author\": ");
	sb_json_u(b, c->author);
	sb_puts(b, "}");
}

static void
json_counts(sbuf *b, size_t committed, const size_t *n)
{
	int c;

	sb_printf(b, "\"committed\": %zu", committed);
	for (c = 0; c < STRAT_CAT__COUNT; c++)
		sb_printf(b, ", \"%s\": %zu", strat_category_name(c), n[c]);
	sb_puts(b, ", \"rate\": ");
	json_rate(b, n[STRAT_CAT_SHIPPED], committed);
}

static void
json_item_ref(sbuf *b, const strat_history *h, const strat_pitem *it)
{
	const strat_hitem *v = it->v1 ? it->v1 : it->v0;

	sb_puts(b, "{\"id\": ");
	sb_json_u(b, h->tracks[it->track].id);
	sb_printf(b, ", \"category\": \"%s\", \"title\": ",
		  strat_category_name(it->cat));
	sb_json_u(b, v->title);
	sb_puts(b, ", \"anchor\": ");
	sb_json_u(b, v->anchor);
	sb_puts(b, ", \"owner\": ");
	sb_json_u(b, v->owner);
	sb_puts(b, ", \"planned\": ");
	json_date(b, it->v0 ? it->v0->date : STRAT_NO_DATE);
	sb_puts(b, ", \"date\": ");
	json_date(b, it->v1 ? it->v1->date : STRAT_NO_DATE);
	sb_puts(b, "}");
}

static void
json_events(sbuf *b, const strat_history *h, const strat_htrack *t)
{
	size_t j;
	int first = 1;

	sb_puts(b, "[");
	for (j = 0; j < t->nversions; j++) {
		const strat_hversion *pv = j ? &t->versions[j - 1] : NULL;
		const strat_hversion *v = &t->versions[j];
		const strat_hcommit *c = &h->commits[v->commit];
		const strat_hitem *a = pv ? pv->v : NULL, *z = v->v;
		char id[41], tm[32];

		strat_oid_fmt(&c->id, id);
		fmt_time(c->time, tm);
#define EV(kind)                                                            \
	do {                                                                \
		sb_puts(b, first ? "\n      " : ",\n      ");               \
		first = 0;                                                  \
		sb_printf(b, "{\"event\": \"%s\", \"commit\": \"%s\", "     \
			     "\"time\": \"%s\", \"author\": ",              \
			  kind, id, tm);                                    \
		sb_json_u(b, c->author);                                      \
	} while (0)
		if (z == NULL) {
			EV("removed");
			sb_puts(b, "}");
			continue;
		}
		if (a == NULL) {
			EV(pv ? "restored" : "planned");
			sb_puts(b, ", \"date\": ");
			json_date(b, z->date);
			sb_printf(b, ", \"status\": \"%s\", \"file\": ",
				  status_name(z->status));
			sb_json_u(b, v->file);
			sb_puts(b, "}");
			continue;
		}
		if (a->date != z->date) {
			EV("date");
			sb_puts(b, ", \"from\": ");
			json_date(b, a->date);
			sb_puts(b, ", \"to\": ");
			json_date(b, z->date);
			if (a->date != STRAT_NO_DATE &&
			    z->date != STRAT_NO_DATE)
				sb_printf(b, ", \"days\": %ld",
					  (long)(z->date - a->date));
			sb_puts(b, "}");
		}
		if (a->status != z->status) {
			EV("status");
			sb_printf(b, ", \"from\": \"%s\", \"to\": \"%s\"}",
				  status_name(a->status),
				  status_name(z->status));
		}
		if (pv->file != v->file) {
			EV("moved");
			sb_puts(b, ", \"from\": ");
			sb_json_u(b, pv->file);
			sb_puts(b, ", \"to\": ");
			sb_json_u(b, v->file);
			sb_puts(b, "}");
		}
#undef EV
	}
	sb_puts(b, first ? "]" : "\n    ]");
}

char *
report_json(const strat_history *h, const strat_measures *m,
	    const strat_report_options *o)
{
	sbuf b = {0};
	size_t i, j, ng;
	char s[32];
	static const char *const bys[] = {"anchor", "owner", "channel"};
	static const char *const kinds[] = {"quarter", "month", "week"};

	sb_puts(&b, "{\n  \"version\": 1,\n  \"revision\": ");
	sb_json_u(&b, o->revision);
	sb_printf(&b, ",\n  \"period\": \"%s\",\n  \"today\": ",
		  kinds[m->kind]);
	json_date(&b, o->today);
	sb_printf(&b, ",\n  \"history\": {\"commits\": %zu, "
		      "\"plan_commits\": %zu, \"truncated\": %s, "
		      "\"shallow\": %s, \"oldest\": ",
		  h->walked, h->plan_versions, h->truncated ? "true" : "false",
		  h->shallow ? "true" : "false");
	json_commit(&b, &h->oldest);
	sb_puts(&b, ", \"newest\": ");
	json_commit(&b, &h->newest);
	sb_puts(&b, ", \"baseline\": ");
	if (h->ncommits)
		json_commit(&b, &h->commits[h->first_plan]);
	else
		sb_puts(&b, "null");
	sb_puts(&b, "},\n  \"warnings\": [");
	for (i = 0; i < h->nwarnings; i++) {
		const strat_hwarning *w = &h->warnings[i];
		char id[41];

		strat_oid_fmt(&h->commits[w->commit].id, id);
		sb_puts(&b, i ? ",\n    " : "\n    ");
		sb_printf(&b, "{\"commit\": \"%s\", \"file\": ", id);
		sb_json_u(&b, w->file);
		sb_printf(&b, ", \"line\": %u, \"column\": %u, \"message\": ",
			  w->line, w->column);
		sb_json_u(&b, w->message);
		sb_puts(&b, "}");
	}
	sb_puts(&b, i ? "\n  ],\n  \"periods\": [" : "],\n  \"periods\": [");
	for (i = 0; i < m->nperiods; i++) {
		const strat_period *p = &m->periods[i];

		sb_puts(&b, i ? ",\n    {" : "\n    {");
		sb_printf(&b, "\"period\": \"%s\", \"start\": ", p->label);
		json_date(&b, p->first);
		sb_puts(&b, ", \"end\": ");
		json_date(&b, p->last);
		sb_printf(&b, ", \"partial\": %s, \"baseline\": \"%s\", ",
			  p->partial ? "true" : "false",
			  p->baseline ? "first-commit" : "start");
		json_counts(&b, p->committed, p->n);
		sb_puts(&b, ",\n     \"items\": [");
		for (j = 0; j < p->nitems; j++) {
			sb_puts(&b, j ? ",\n       " : "\n       ");
			json_item_ref(&b, h, &p->items[j]);
		}
		sb_puts(&b, j ? "]}" : "]}");
	}
	sb_puts(&b, m->nperiods ? "\n  ],\n  \"by\": {" : "],\n  \"by\": {");
	for (i = 0; i < 3; i++) {
		strat_group *g = NULL;

		if (o->by_set && (strat_by)i != o->by)
			continue;
		if (strat_measure_group(&g, &ng, m, (strat_by)i) < 0) {
			b.failed = 1;
			break;
		}
		sb_printf(&b, "%s\n    \"%s\": [",
			  (o->by_set || i == 0) ? "" : ",", bys[i]);
		for (j = 0; j < ng; j++) {
			sb_puts(&b, j ? ",\n      {\"key\": " : "\n      {\"key\": ");
			sb_json_u(&b, g[j].key);
			sb_puts(&b, ", ");
			json_counts(&b, g[j].committed, g[j].n);
			sb_puts(&b, "}");
		}
		sb_puts(&b, ng ? "\n    ]" : "]");
		free(g);
	}
	sb_puts(&b, "\n  },\n  \"slips\": [");
	for (i = 0; i < m->nslips; i++) {
		const strat_slip *sl = &m->slips[i];

		sb_puts(&b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
		sb_json_u(&b, sl->id);
		sb_printf(&b, ", \"slips\": %u, \"days\": %ld, \"from\": ",
			  sl->slips, (long)sl->days);
		json_date(&b, sl->from);
		sb_puts(&b, ", \"to\": ");
		json_date(&b, sl->to);
		sb_puts(&b, "}");
	}
	sb_puts(&b, i ? "\n  ],\n  \"items\": [" : "],\n  \"items\": [");
	for (i = 0; i < h->ntracks; i++) {
		const strat_htrack *t = &h->tracks[i];
		const strat_hversion *last = &t->versions[t->nversions - 1];
		const strat_hitem *v = NULL;

		for (j = t->nversions; j-- > 0;)
			if ((v = t->versions[j].v) != NULL)
				break;
		sb_puts(&b, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
		sb_json_u(&b, t->id);
		sb_puts(&b, ", \"title\": ");
		sb_json_u(&b, v->title);
		sb_puts(&b, ", \"anchor\": ");
		sb_json_u(&b, v->anchor);
		sb_puts(&b, ", \"owner\": ");
		sb_json_u(&b, v->owner);
		sb_puts(&b, ", \"channel\": ");
		sb_json_u(&b, v->channel);
		sb_puts(&b, ", \"date\": ");
		json_date(&b, v->date);
		sb_printf(&b, ", \"status\": \"%s\", \"in_plan\": %s, "
			      "\"file\": ",
			  status_name(v->status), last->v ? "true" : "false");
		sb_json_u(&b, last->v ? last->file : NULL);
		sb_puts(&b, ",\n     \"events\": ");
		json_events(&b, h, t);
		sb_puts(&b, "}");
	}
	sb_puts(&b, i ? "\n  ]" : "]");
	report_json_kpis(&b, h, m, o);
	sb_puts(&b, "\n}\n");
	(void)s;
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
	   const strat_report_options *o)
{
	sbuf b = {0};
	size_t i, j;
	char d1[11], d2[11];
	static const char *const bys[] = {"anchor", "owner", "channel"};

	if (o->by_set && (o->by == STRAT_BY_KPI || o->by == STRAT_BY_OUTCOME))
		return report_csv_kpis(h, m, o);
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
	sb_printf(&b, "period,start,end,partial,%s,committed,shipped,slipped,"
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
