/* date.c - civil dates as day numbers, quarters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "strat/date.h"

/* Howard Hinnant's days_from_civil. */
strat_day
strat_date_from_ymd(int y, int m, int d)
{
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (strat_day)(era * 146097 + doe - 719468);
}

void
strat_date_to_ymd(strat_day day, int *y, int *m, int *d)
{
	long z = (long)day + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

int
strat_date_parse(const char *s, strat_day *out)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 1900 || m < 1 || m > 12 || d < 1)
		return -1;
	if (d > mdays[m - 1] + (m == 2 && leap(y)))
		return -1;
	*out = strat_date_from_ymd(y, m, d);
	return 0;
}

void
strat_date_format(strat_day day, char out[11])
{
	int y, m, d;

	if (day == STRAT_NO_DATE) {
		strcpy(out, "-");
		return;
	}
	strat_date_to_ymd(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		strcpy(out, "?");
		return;
	}
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

strat_day
strat_date_today(void)
{
	return (strat_day)(time(NULL) / 86400);
}

int
strat_quarter_parse(const char *s, int *year, int *q)
{
	int y;

	if (strlen(s) != 7 || s[4] != '-' || s[5] != 'Q' || s[6] < '1' ||
	    s[6] > '4')
		return -1;
	if ((y = digits(s, 4)) < 1900)
		return -1;
	*year = y;
	*q = s[6] - '0';
	return 0;
}

strat_day
strat_quarter_start(int year, int q)
{
	return strat_date_from_ymd(year, (q - 1) * 3 + 1, 1);
}

strat_day
strat_quarter_end(int year, int q)
{
	return q == 4 ? strat_date_from_ymd(year + 1, 1, 1) - 1
		      : strat_quarter_start(year, q + 1) - 1;
}

/* A run of 1 to max digits at *p, its value in *v; the position after. */
static const char *
num(const char *p, int max, int *v)
{
	int n = 0;

	for (*v = 0; n < max && *p >= '0' && *p <= '9'; p++, n++)
		*v = *v * 10 + (*p - '0');
	return n ? p : NULL;
}

void
strat_date_hint(const char *s, char *buf, size_t size)
{
	static const char *const months[] = {"January", "February", "March",
					     "April",   "May",      "June",
					     "July",    "August",   "September",
					     "October", "November", "December"};
	const char *p = s;
	int y, m, d, len;

	snprintf(buf, size, "expected a calendar date written YYYY-MM-DD");
	if ((p = num(p, 4, &y)) == NULL || p - s != 4 || *p++ != '-' ||
	    (p = num(p, 2, &m)) == NULL || *p++ != '-' ||
	    (p = num(p, 2, &d)) == NULL || *p != '\0')
		return;
	if (y < 1900) {
		snprintf(buf, size, "strat counts from 1900-01-01");
		return;
	}
	if (m < 1 || m > 12) {
		snprintf(buf, size,
			 "a month is 01 to 12, written after the "
			 "year: YYYY-MM-DD");
		return;
	}
	len = mdays[m - 1] + (m == 2 && leap(y));
	if (d < 1 || d > len) {
		snprintf(buf, size, "%s %d has %d days", months[m - 1], y, len);
		return;
	}
	/* a day of the calendar, written without its zeros */
	snprintf(buf, size,
		 "write it with two-digit month and day: "
		 "'%04d-%02d-%02d'",
		 y, m, d);
}
