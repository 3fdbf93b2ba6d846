/* sh.h - for unit tests that build git repositories with the git command:
 * sh(fmt, ...) runs a shell command and fails the test when it fails.
 * Include after <cmocka.h>. */
#ifndef STRAT_TEST_SH_H
#define STRAT_TEST_SH_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static inline void
sh(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	assert_true(n > 0 && (size_t)n < sizeof(cmd));
	if (system(cmd) != 0)
		fail_msg("command failed: %s", cmd);
}

#endif
