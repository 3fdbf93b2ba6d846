/*
 * report_tables.c - the report's other CSV tables (--table flow, items,
 * stale; spec/SPEC.md, section 14): RFC 4180, CRLF, a header line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

static const char *const bys[] = {"anchor", "owner", "channel"};

static void
csv_period(sbuf *b, const strat_period *p)
{
	char d1[11], d2[11];

	fmt_day(p->first, d1);
	fmt_day(p->last, d2);
	sb_printf(b, "%s,%s,%s,%s", p->label, d1, d2,
		  p->partial ? "true" : "false");
}

static void
csv_flow(sbuf *b, const strat_flow *f)
{
	sb_printf(b, ",%zu,%zu", f->shipped, f->n);
	if (f->n == 0)
		sb_puts(b, ",,,,,,");
	else
		sb_printf(b, ",%.1f,%d,%.1f,%d,%.1f,%d", f->lead_median,
			  f->lead_p80, f->slips_median, f->slips_p80,
			  f->days_median, f->days_p80);
}

static const char flow_cols[] =
    "shipped,measured,lead_median,lead_p80,slips_median,slips_p80,"
    "days_slipped_median,days_slipped_p80";

static void
flow_table(sbuf *b, const strat_measures *m, const strat_report *o)
{
	size_t i, j, n;

	if (!o->by_set || o->by > STRAT_BY_CHANNEL) {
		sb_printf(b,
			  "period,start,end,partial,overdue,graced,%s,"
			  "per_week\r\n",
			  flow_cols);
		for (i = 0; i < m->nperiods; i++) {
			const strat_period *p = &m->periods[i];

			csv_period(b, p);
			sb_printf(b, ",%zu,%zu", p->overdue, p->graced);
			csv_flow(b, &p->flow);
			sb_printf(b, ",%.2f\r\n", p->flow.per_week);
		}
		return;
	}
	sb_printf(b, "period,start,end,partial,%s,%s\r\n", bys[o->by],
		  flow_cols);
	for (i = 0; i < m->nperiods; i++) {
		strat_flow_group *g = NULL;

		if (strat_measure_flow_group(&g, &n, m, i, i + 1, o->by) < 0) {
			b->failed = 1;
			return;
		}
		for (j = 0; j < n; j++) {
			csv_period(b, &m->periods[i]);
			sb_puts(b, ",");
			csv_field(b, g[j].key);
			csv_flow(b, &g[j].flow);
			sb_puts(b, "\r\n");
		}
		free(g);
	}
}

static void
items_table(sbuf *b, const strat_history *h, const strat_measures *m)
{
	size_t i, j;

	sb_puts(b, "period,id,category,overdue,graced,title,anchor,owner,"
		   "channel,planned,date,lead_days,slips,days_slipped,commit,"
		   "time,author,why\r\n");
	for (i = 0; i < m->nperiods; i++)
		for (j = 0; j < m->periods[i].nitems; j++) {
			const strat_pitem *it = &m->periods[i].items[j];
			const strat_hitem *v = it->v1 ? it->v1 : it->v0;
			const strat_iflow *f = &m->iflow[it->track];
			char d1[11], d2[11];

			sb_printf(b, "%s,", m->periods[i].label);
			csv_field(b, h->tracks[it->track].id);
			sb_printf(b, ",%s,%s,%s,", strat_category_name(it->cat),
				  it->overdue ? "true" : "false",
				  it->graced ? "true" : "false");
			csv_field(b, v->title);
			sb_puts(b, ",");
			csv_field(b, v->anchor);
			sb_puts(b, ",");
			csv_field(b, v->owner);
			sb_puts(b, ",");
			csv_field(b, v->channel);
			fmt_day(it->v0 ? it->v0->date : STRAT_NO_DATE, d1);
			fmt_day(it->v1 ? it->v1->date : STRAT_NO_DATE, d2);
			sb_printf(b, ",%s,%s,", d1, d2);
			if (f->planned && f->shipped)
				sb_printf(b, "%d", f->lead);
			sb_printf(b, ",%d,%d,", f->slips, f->days);
			if (it->decided) {
				const strat_hcommit *c =
				    &h->commits[it->commit];
				char id[41], t[32];

				strat_oid_fmt(&c->id, id);
				fmt_time(c->time, t);
				sb_printf(b, "%s,%s,", id, t);
				csv_field(b, c->author);
				sb_puts(b, ",");
				csv_field(b, strat_hcommit_reason(c));
			} else {
				sb_puts(b, ",,,");
			}
			sb_puts(b, "\r\n");
		}
}

static void
stale_table(sbuf *b, const strat_history *h, const strat_measures *m)
{
	size_t i;
	char d[11];

	sb_puts(b, "kind,id,title,owner,since,days\r\n");
	for (i = 0; i < m->nstale; i++) {
		const strat_stale *s = &m->stale[i];

		sb_puts(b, "item,");
		csv_field(b, h->tracks[s->track].id);
		sb_puts(b, ",");
		csv_field(b, s->v->title);
		sb_puts(b, ",");
		csv_field(b, s->v->owner);
		fmt_day(s->since, d);
		sb_printf(b, ",%s,%ld\r\n", d, (long)s->days);
	}
	if (m->plan_stale) {
		fmt_day(m->plan_updated, d);
		sb_printf(b, "plan,,,,%s,%ld\r\n", d,
			  (long)(m->today - m->plan_updated));
	}
}

char *
report_csv_table(const strat_history *h, const strat_measures *m,
		 const strat_report *o)
{
	sbuf b = {0};

	switch (o->table) {
	case STRAT_TABLE_FLOW:
		flow_table(&b, m, o);
		break;
	case STRAT_TABLE_ITEMS:
		items_table(&b, h, m);
		break;
	default:
		stale_table(&b, h, m);
	}
	return sb_finish(&b);
}
