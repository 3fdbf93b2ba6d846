/* test_sources.c - file text for excerpts, kept at the load or read
 * again once the findings are known (STRAT_SOURCES_LATER). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "strat/lint.h"
#include "strat/plan.h"

/* One calendar whose text the test changes between load and read. */
static const char *calendar;
static int reads;

static int
one_list(void *ctx, int (*add)(void *, const char *), void *arg)
{
	(void)ctx;
	return add(arg, "calendar/a.yaml");
}

static int
one_read(void *ctx, const char *path, char **buf, size_t *len)
{
	(void)ctx;
	if (strcmp(path, "calendar/a.yaml") != 0)
		return STRAT_ENOTFOUND;
	reads++;
	*len = strlen(calendar);
	*buf = malloc(*len + 1);
	assert_non_null(*buf);
	memcpy(*buf, calendar, *len + 1);
	return 0;
}

static const char bad[] = "kind: calendar\nversion: 1\nitems:\n"
			  "  - id: Not_An_Id\n    title: t\n";

/* Load with mode, lint; the excerpt of the invalid id's line. */
static const char *
excerpt(int mode, const char *later, strat_plan **plan, strat_diags **d)
{
	strat_source src = {one_list, one_read, NULL, NULL};
	strat_load_options lo = STRAT_LOAD_OPTIONS_INIT;
	size_t i, len;

	calendar = bad;
	reads = 0;
	lo.keep_sources = mode;
	assert_int_equal(strat_diags_new(d), 0);
	assert_int_equal(strat_plan_load(plan, &src, &lo, *d), 0);
	assert_int_equal(strat_lint(*plan, &lo, *d), 0);
	assert_int_equal(reads, 1);
	if (later != NULL) {
		calendar = later;
		assert_int_equal(strat_plan_read_sources(*plan, &src, *d), 0);
		/* once: the file is read again for its findings, not per
		 * finding */
		assert_int_equal(
		    strat_plan_read_sources(*plan, &src, *d) == 0 && reads == 2,
		    1);
	}
	for (i = 0; i < strat_diags_count(*d); i++)
		if (strat_diags_get(*d, i)->rule == STRAT_RULE_INVALID_ID)
			return strat_plan_source_line(
			    *plan, "calendar/a.yaml",
			    strat_diags_get(*d, i)->line, &len);
	fail_msg("no invalid-id finding");
	return NULL;
}

static void
kept_at_load(void **state)
{
	strat_plan *plan = NULL;
	strat_diags *d = NULL;
	const char *s;

	(void)state;
	s = excerpt(STRAT_SOURCES_KEEP, NULL, &plan, &d);
	assert_non_null(s);
	assert_memory_equal(s, "  - id: Not_An_Id", 17);
	strat_plan_free(plan);
	strat_diags_free(d);
}

static void
read_later_when_unchanged(void **state)
{
	strat_plan *plan = NULL;
	strat_diags *d = NULL;
	const char *s;

	(void)state;
	s = excerpt(STRAT_SOURCES_LATER, bad, &plan, &d);
	assert_non_null(s);
	assert_memory_equal(s, "  - id: Not_An_Id", 17);
	strat_plan_free(plan);
	strat_diags_free(d);
}

static void
none_when_changed_since(void **state)
{
	/* same length, other bytes: the excerpt would show another text */
	static const char changed[] = "kind: calendar\nversion: 1\nitems:\n"
				      "  - id: not-an-id\n    title: t\n";
	strat_plan *plan = NULL;
	strat_diags *d = NULL;

	(void)state;
	assert_int_equal(strlen(changed), strlen(bad));
	assert_null(excerpt(STRAT_SOURCES_LATER, changed, &plan, &d));
	strat_plan_free(plan);
	strat_diags_free(d);
}

static void
none_before_read(void **state)
{
	strat_plan *plan = NULL;
	strat_diags *d = NULL;

	(void)state;
	assert_null(excerpt(STRAT_SOURCES_LATER, NULL, &plan, &d));
	strat_plan_free(plan);
	strat_diags_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(kept_at_load),
	    cmocka_unit_test(read_later_when_unchanged),
	    cmocka_unit_test(none_when_changed_since),
	    cmocka_unit_test(none_before_read),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
