/* sh.h - for unit tests that build git repositories with the git command:
 * sh(fmt, ...) runs a shell command and fails the test when it fails;
 * sh_tmpdir and sh_teardown make and remove a group's scratch directory.
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

/* For a group setup: dir[size] becomes a new directory
 * /tmp/strat-test-NAME.XXXXXX, and the group state, for sh_teardown.
 * 0, or -1 when it cannot be made. */
static inline int
sh_tmpdir(void **state, char *dir, size_t size, const char *name)
{
	int n = snprintf(dir, size, "/tmp/strat-test-%s.XXXXXX", name);

	if (n < 0 || (size_t)n >= size || mkdtemp(dir) == NULL)
		return -1;
	*state = dir;
	return 0;
}

/* The group teardown: remove the directory sh_tmpdir made. */
static inline int
sh_teardown(void **state)
{
	sh("rm -rf %s", (const char *)*state);
	return 0;
}

#endif
