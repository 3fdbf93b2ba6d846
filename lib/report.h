/* report.h - shared by the report renderers (lib/report_*.c). (internal) */
#ifndef STRAT_REPORT_H
#define STRAT_REPORT_H

#include "strat/history.h"
#include "sbuf.h"

void fmt_day(strat_day d, char out[11]);  /* "" for no date */
void fmt_time(int64_t t, char out[32]);   /* YYYY-MM-DDTHH:MM:SSZ */
const char *status_name(strat_status s);

/* Shared by the JSON and CSV writers (lib/report_json.c). */
void json_date(sbuf *b, strat_day d); /* "YYYY-MM-DD" or null */
void json_rate(sbuf *b, size_t shipped, size_t committed);
void csv_field(sbuf *b, const char *s);

/* KPI movement (lib/report_kpis.c): nothing unless o->kpis is set and the
 * plan has metrics files.  report_md_kpis adds the HTML charts when
 * o->format is html. */
struct md_doc;
void report_md_kpis(struct md_doc *d, const strat_history *h,
		    const strat_measures *m, const strat_report_options *o);
void report_json_kpis(sbuf *b, const strat_history *h,
		      const strat_measures *m, const strat_report_options *o);
char *report_csv_kpis(const strat_history *h, const strat_measures *m,
		      const strat_report_options *o);
char *report_kpi_charts(const strat_history *h, const strat_measures *m,
			const strat_report_options *o);

char *report_json(const strat_history *h, const strat_measures *m,
		  const strat_report_options *o);
char *report_csv(const strat_history *h, const strat_measures *m,
		 const strat_report_options *o);

#endif
