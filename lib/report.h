/* report.h - shared by the report renderers (lib/report_*.c). (internal) */
#ifndef STRAT_REPORT_H
#define STRAT_REPORT_H

#include "strat/history.h"
#include "json.h"
#include "sbuf.h"

void fmt_day(strat_day d, char out[11]); /* "" for no date */
void fmt_time(int64_t t, char out[32]);  /* YYYY-MM-DDTHH:MM:SSZ */
const char *status_name(strat_status s);

/* Shared by the JSON and CSV writers (lib/report_json.c). */
void json_date(json_w *w, const char *key, strat_day d); /* or null */
void csv_field(sbuf *b, const char *s);

/* KPI movement (lib/report_kpis.c): nothing unless o->kpis is set and the
 * plan has metrics files.  report_md_kpis adds the HTML charts when the
 * format is html; report_json_kpis adds members to the open root object;
 * report_csv_kpis is the CSV of --by kpi and --by outcome. */
struct md_doc;
void report_md_kpis(struct md_doc *d, const strat_history *h,
		    const strat_measures *m, const strat_report *o,
		    strat_format format);
void report_json_kpis(json_w *w, const strat_history *h,
		      const strat_measures *m, const strat_report *o);
char *report_csv_kpis(const strat_history *h, const strat_measures *m,
		      const strat_report *o);

/* Staleness (SPEC section 14): the stale items (owner's only, unless
 * NULL) and a stale plan of m, for the report and the check-in.
 * stale_md adds a "Stale" section (nothing when nothing is stale);
 * stale_json writes the members plan_updated, plan_stale and items into
 * the open object. */
void stale_md(struct md_doc *d, const strat_history *h, const strat_measures *m,
	      const char *owner);
void stale_json(json_w *w, const strat_history *h, const strat_measures *m,
		const char *owner);

char *report_json(const strat_history *h, const strat_measures *m,
		  const strat_report *o);
char *report_csv(const strat_history *h, const strat_measures *m,
		 const strat_report *o);
/* --table flow, items, stale (lib/report_tables.c) */
char *report_csv_table(const strat_history *h, const strat_measures *m,
		       const strat_report *o);
/* One CSV field: quoted when needed, a formula starter defused, user
 * text made inert (lib/report_json.c). */
void csv_field(sbuf *b, const char *s);

#endif
