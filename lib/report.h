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

#endif
