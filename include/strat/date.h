/*
 * strat/date.h - calendar days and quarters (lib/date.c).
 *
 * A day is a count of days since 1970-01-01 in the proleptic Gregorian
 * calendar, UTC; strat reads and writes it as YYYY-MM-DD.  A quarter is a
 * year and 1 to 4, written YYYY-Qn.  Nothing here allocates.
 */
#ifndef STRAT_DATE_H
#define STRAT_DATE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Days since 1970-01-01; STRAT_NO_DATE when absent or invalid. */
typedef int32_t strat_day;
#define STRAT_NO_DATE INT32_MIN

/* YYYY-MM-DD (a day of the calendar, year 1900 or later): 0, else -1. */
int strat_date_parse(const char *s, strat_day *out);
/* d as YYYY-MM-DD, NUL-terminated. */
void strat_date_format(strat_day d, char out[11]);
/* The system clock's day, UTC.  (strat's commands take today from
 * --today or STRAT_TODAY first: cmd/util.c, cmd_today.) */
strat_day strat_date_today(void);
strat_day strat_date_from_ymd(int y, int m, int d);
void strat_date_to_ymd(strat_day day, int *y, int *m, int *d);
/* YYYY-Qn: 0 with *year and *q, else -1. */
int strat_quarter_parse(const char *s, int *year, int *q);
/* The first and the last day (inclusive) of quarter q of year. */
strat_day strat_quarter_start(int year, int q);
strat_day strat_quarter_end(int year, int q);

#ifdef __cplusplus
}
#endif

#endif
