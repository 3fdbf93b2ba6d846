/* report.h - shared by the report renderers (lib/report_*.c). (internal) */
#ifndef STRAT_REPORT_H
#define STRAT_REPORT_H

#include "strat/history.h"

/* A growing string; failed is set on out-of-memory. */
typedef struct {
	char *s;
	size_t len, cap;
	int failed;
} sbuf;

void sb_put(sbuf *b, const char *s, size_t n);
void sb_puts(sbuf *b, const char *s);
void sb_printf(sbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_json(sbuf *b, const char *s);
/* The string (the caller frees it), or NULL after a failure. */
char *sb_finish(sbuf *b);

void fmt_day(strat_day d, char out[11]);  /* "" for no date */
void fmt_time(int64_t t, char out[32]);   /* YYYY-MM-DDTHH:MM:SSZ */
const char *status_name(strat_status s);

char *report_json(const strat_history *h, const strat_measures *m,
		  const strat_report_options *o);
char *report_csv(const strat_history *h, const strat_measures *m,
		 const strat_report_options *o);

#endif
