/* error.c - the thread's last error message. */
#include <stdarg.h>
#include <stdio.h>

#include "strat/common.h"

static _Thread_local char last[1024];

const char *
strat_error_last(void)
{
	return last;
}

int
strat_error_set(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last, sizeof(last), fmt, ap);
	va_end(ap);
	return code;
}

void
strat_error_clear(void)
{
	last[0] = '\0';
}
