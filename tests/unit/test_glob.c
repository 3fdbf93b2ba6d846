/* test_glob.c - path globs and paths that stay inside the repository. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "glob.h"

#define YES(p, s)                                                              \
	do {                                                                   \
		if (!glob_match(p, s))                                         \
			fail_msg("'%s' should match '%s'", p, s);              \
	} while (0)
#define NO(p, s)                                                               \
	do {                                                                   \
		if (glob_match(p, s))                                          \
			fail_msg("'%s' should not match '%s'", p, s);          \
	} while (0)

static void
literal(void **state)
{
	(void)state;
	YES("strategy.yaml", "strategy.yaml");
	NO("strategy.yaml", "strategy.yml");
	NO("strategy.yaml", "strategy.yaml.bak");
	NO("strategy.yaml", "x/strategy.yaml");
	YES("", "");
	NO("", "a");
}

static void
star(void **state)
{
	(void)state;
	YES("calendar/*.yaml", "calendar/q1.yaml");
	YES("calendar/*.yaml", "calendar/.yaml");
	NO("calendar/*.yaml", "calendar/2026/q1.yaml");
	NO("calendar/*.yaml", "calendar/q1.yml");
	YES("*", "a");
	NO("*", "a/b");
	YES("*q*", "q");
	YES("a*b*c", "aXbYc");
	NO("a*b*c", "aXbY/c");
	YES("calendar/q*.yaml", "calendar/q10.yaml");
}

static void
double_star(void **state)
{
	(void)state;
	YES("calendar/**/*.yaml", "calendar/q1.yaml"); /* zero dirs */
	YES("calendar/**/*.yaml", "calendar/2026/q1.yaml");
	YES("calendar/**/*.yaml", "calendar/a/b/c/q1.yaml");
	NO("calendar/**/*.yaml", "other/q1.yaml");
	NO("calendar/**/*.yaml", "calendar/q1.yml");
	NO("calendar/**/*.yaml", "calendarx/q1.yaml");
	YES("**/*.yaml", "q1.yaml");
	YES("**/*.yaml", "a/b/q1.yaml");
	YES("calendar/**", "calendar/a/b");
	YES("**", "anything/at/all");
	YES("a/**/b/*.yaml", "a/b/x.yaml");
	YES("a/**/b/*.yaml", "a/x/y/b/x.yaml");
	NO("a/**/b/*.yaml", "a/x/y/c/x.yaml");
}

static void
question_and_classes(void **state)
{
	(void)state;
	YES("calendar/q?.yaml", "calendar/q1.yaml");
	NO("calendar/q?.yaml", "calendar/q10.yaml");
	NO("a?b", "a/b");
	NO("?", "");
	YES("calendar/q[1-4].yaml", "calendar/q3.yaml");
	NO("calendar/q[1-4].yaml", "calendar/q5.yaml");
	YES("q[!1-4].yaml", "q5.yaml");
	NO("q[!1-4].yaml", "q2.yaml");
	YES("q[^a].yaml", "qb.yaml");
	YES("[ab]c", "bc");
	NO("[ab]c", "cc");
	YES("[]]x", "]x");
	NO("a[/]b", "a/b");
	/* an unterminated class is a literal '[' */
	YES("a[b", "a[b");
	NO("a[b", "ab");
	/* escapes */
	YES("a\\*b", "a*b");
	NO("a\\*b", "axb");
	YES("a\\?", "a?");
}

static void
inside(void **state)
{
	(void)state;
	assert_true(path_inside("strategy.yaml"));
	assert_true(path_inside("plan/cal/q1.yaml"));
	assert_true(path_inside("calendar/**/*.yaml"));
	assert_true(path_inside("a..b/c"));
	assert_true(path_inside("..a/b"));
	assert_true(path_inside("./x.yaml"));
	assert_false(path_inside(""));
	assert_false(path_inside("/etc/passwd"));
	assert_false(path_inside(".."));
	assert_false(path_inside("../x.yaml"));
	assert_false(path_inside("a/../../x.yaml"));
	assert_false(path_inside("a/.."));
	assert_false(path_inside("a/../b"));
	assert_false(path_inside("C:\\plans\\x.yaml"));
}

static void
inside_long(void **state)
{
	char p[1100];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(p) - 1; i++)
		p[i] = i % 2 ? '/' : 'a';
	p[sizeof(p) - 1] = '\0';
	assert_false(path_inside(p)); /* longer than 1024 bytes */
	p[1000] = '\0';
	assert_true(path_inside(p));
}

/* Where a file entry could stand for a directory a glob looks in (its
 * type is then checked in history): the glob's directory and its
 * parents, and below it only when a directory of the glob has a wildcard
 * and that directory is not the top of the repository. */
static void
may_hold(void **state)
{
	(void)state;
	assert_int_equal(glob_dir_len("calendar/**/*.yaml"), 8);
	assert_int_equal(glob_dir_len("plans/cal/*.yaml"), 9);
	assert_int_equal(glob_dir_len("**/*.yaml"), 0);
	assert_int_equal(glob_dir_len("q.yaml"), 0);
	assert_true(glob_may_hold("calendar/**/*.yaml", "calendar"));
	assert_true(glob_may_hold("calendar/**/*.yaml", "calendar/2026"));
	assert_true(glob_may_hold("calendar/**/*.yaml", "calendar/a/b"));
	assert_false(glob_may_hold("calendar/**/*.yaml", "calendars"));
	assert_false(glob_may_hold("calendar/**/*.yaml", "cal"));
	assert_false(glob_may_hold("calendar/**/*.yaml", "other/x"));
	assert_true(glob_may_hold("plans/cal/*.yaml", "plans"));
	assert_true(glob_may_hold("plans/cal/*.yaml", "plans/cal"));
	assert_false(glob_may_hold("plans/cal/*.yaml", "plans/cal/x"));
	assert_false(glob_may_hold("plans/cal/*.yaml", "plans/c"));
	assert_true(glob_may_hold("calendar/q3.yaml", "calendar"));
	assert_false(glob_may_hold("**/*.yaml", "calendar"));
	assert_false(glob_may_hold("*.yaml", "calendar"));
	assert_false(glob_may_hold("calendar/*/x.yaml", "other"));
	assert_true(glob_may_hold("calendar/*/x.yaml", "calendar/y"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(literal),
	    cmocka_unit_test(star),
	    cmocka_unit_test(double_star),
	    cmocka_unit_test(question_and_classes),
	    cmocka_unit_test(inside),
	    cmocka_unit_test(inside_long),
	    cmocka_unit_test(may_hold),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
