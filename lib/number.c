/* number.c - the numbers of a plan: KPI readings, targets, baselines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strat/plan.h"

static size_t
digits(const char *s)
{
	return strspn(s, "0123456789");
}

int
strat_number_parse(const char *s, int percent_ok, double *out, int *percent)
{
	const char *p = s;
	char buf[64];
	size_t n, len;
	double v;

	if (percent)
		*percent = 0;
	if (s == NULL)
		return -1;
	if (*p == '+' || *p == '-')
		p++;
	if ((n = digits(p)) == 0)
		return -1;
	p += n;
	if (*p == '.') {
		if ((n = digits(p + 1)) == 0)
			return -1;
		p += 1 + n;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if ((n = digits(p)) == 0 || n > 4)
			return -1;
		p += n;
	}
	len = (size_t)(p - s);
	if (*p == '%' && percent_ok) {
		if (percent)
			*percent = 1;
		p++;
	}
	if (*p != '\0' || len >= sizeof(buf))
		return len >= sizeof(buf) && *p == '\0' ? -2 : -1;
	/* strtod over a copy of the digits alone: the grammar above
	 * already excluded what strtod would read differently (hex,
	 * inf, nan, leading spaces). */
	memcpy(buf, s, len);
	buf[len] = '\0';
	v = strtod(buf, NULL);
	if (!(v <= STRAT_MAX_NUMBER && v >= -STRAT_MAX_NUMBER))
		return -2;
	*out = v;
	return 0;
}

void
strat_number_format(double v, char out[32])
{
	int prec;

	if (v == 0)
		v = 0; /* no "-0" */
	for (prec = 1; prec <= 17; prec++) {
		snprintf(out, 32, "%.*g", prec, v);
		if (strtod(out, NULL) == v)
			break;
	}
	/* 1e+06 reads badly in a report: plain digits up to the limit */
	if (strchr(out, 'e') != NULL && v < 1e16 && v > -1e16) {
		for (prec = 0; prec <= 6; prec++) {
			snprintf(out, 32, "%.*f", prec, v);
			if (strtod(out, NULL) == v)
				break;
		}
	}
}
