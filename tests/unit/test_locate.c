/* test_locate.c - strat_plan_locate, the one rule every command uses to
 * find the plan's directory: from the start directory upwards, the first
 * holding strat.yaml or strategy.yaml, else the top. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "strat/plan.h"

static const strat_mem_file files[] = {
    {"README", "x", 1},
    {"plans/strat.yaml", "strat: 1\n", 9},
    {"plans/team-a/strategy.yaml", "kind: strategy\n", 15},
    {"plans/team-a/calendar/q1.yaml", "kind: calendar\n", 15},
    {"docs/deep/er/notes.md", "x", 1},
};

/* locate from start: the return code, and the directory in *dir */
static int
locate(const char *start, const strat_mem_file *f, size_t n, char **dir)
{
	strat_source src;
	int rc;

	assert_int_equal(strat_source_mem(&src, f, n), 0);
	rc = strat_plan_locate(dir, &src, start);
	strat_source_mem_free(&src);
	return rc;
}

static void
upwards(void **state)
{
	static const struct {
		const char *start, *want;
		int rc;
	} cases[] = {
	    {"plans/team-a/calendar", "plans/team-a", 1}, /* strategy.yaml */
	    {"plans/team-a", "plans/team-a", 1},
	    {"plans/other", "plans", 1}, /* strat.yaml */
	    {"plans", "plans", 1},
	    {"docs/deep/er", "", 0}, /* none: the top */
	    {"", "", 0},
	};
	size_t i;
	char *dir;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		dir = NULL;
		assert_int_equal(locate(cases[i].start, files,
					sizeof(files) / sizeof(files[0]), &dir),
				 cases[i].rc);
		assert_non_null(dir);
		assert_string_equal(dir, cases[i].want);
		free(dir);
	}
}

static void
at_the_top(void **state)
{
	static const strat_mem_file top[] = {
	    {"strat.yaml", "strat: 1\n", 9},
	    {"a/b/c.txt", "x", 1},
	};
	char *dir = NULL;

	(void)state;
	assert_int_equal(locate("a/b", top, 2, &dir), 1);
	assert_string_equal(dir, "");
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(upwards),
	    cmocka_unit_test(at_the_top),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
