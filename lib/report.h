/* report.h - shared by the report renderers (lib/report_*.c). (internal) */
#ifndef STRAT_REPORT_H
#define STRAT_REPORT_H

#include "strat/history.h"
#include "sbuf.h"

void fmt_day(strat_day d, char out[11]);  /* "" for no date */
void fmt_time(int64_t t, char out[32]);   /* YYYY-MM-DDTHH:MM:SSZ */
const char *status_name(strat_status s);

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
