/* test_diag.c - the diagnostics list: adding, overrides, sorting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "strat/diag.h"

static void
add_and_count(void **state)
{
	strat_diags *d;
	const strat_diag *g;
	char msg[] = "will change";

	(void)state;
	assert_int_equal(strat_diags_new(&d), 0);
	assert_int_equal(strat_diags_add(d, STRAT_RULE_UNKNOWN_KEY, "a.yaml", 3,
					 5, "did you mean 'title'?",
					 "unknown key '%s'", "titel"),
			 0);
	assert_int_equal(strat_diags_add(d, STRAT_RULE_DUPLICATE_ID, "b.yaml",
					 0, 7, NULL, "%s", msg),
			 0);
	memcpy(msg, "overwritten", 11); /* the list keeps copies */
	assert_int_equal(strat_diags_count(d), 2);
	assert_int_equal(strat_diags_errors(d), 1);
	assert_int_equal(strat_diags_warnings(d), 1);
	g = strat_diags_get(d, 0);
	assert_int_equal(g->rule, STRAT_RULE_UNKNOWN_KEY);
	assert_int_equal(g->severity, STRAT_SEV_WARNING);
	assert_string_equal(g->file, "a.yaml");
	assert_int_equal(g->line, 3);
	assert_int_equal(g->column, 5);
	assert_string_equal(g->message, "unknown key 'titel'");
	assert_string_equal(g->hint, "did you mean 'title'?");
	g = strat_diags_get(d, 1);
	assert_string_equal(g->message, "will change");
	assert_null(g->hint);
	assert_int_equal(g->column, 0); /* no column without a line */
	assert_null(strat_diags_get(d, 2));
	strat_diags_free(d);
	strat_diags_free(NULL);
	assert_int_equal(strat_diags_count(NULL), 0);
}

static void
sorting(void **state)
{
	strat_diags *d;
	static const struct {
		const char *file;
		uint32_t line, col;
		strat_rule rule;
		const char *msg;
	} in[] = {
	    {"strategy.yaml", 2, 1, STRAT_RULE_UNKNOWN_KEY, "e"},
	    {"calendar/q2.yaml", 10, 3, STRAT_RULE_INVALID_DATE, "c"},
	    {"calendar/q2.yaml", 9, 30, STRAT_RULE_INVALID_DATE, "b"},
	    {"calendar/q2.yaml", 10, 3, STRAT_RULE_DUPLICATE_KEY, "c0"},
	    {"calendar/q1.yaml", 100, 1, STRAT_RULE_WRONG_TYPE, "a"},
	    {"calendar/q2.yaml", 10, 3, STRAT_RULE_INVALID_DATE, "d"},
	    {"", 0, 0, STRAT_RULE_CALENDAR_GLOB_EMPTY, "0"},
	};
	static const char *const want[] = {"0", "a", "b", "c0", "c", "d", "e"};
	size_t i;

	(void)state;
	assert_int_equal(strat_diags_new(&d), 0);
	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++)
		strat_diags_add(d, in[i].rule, in[i].file, in[i].line,
				in[i].col, NULL, "%s", in[i].msg);
	strat_diags_sort(d);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		assert_string_equal(strat_diags_get(d, i)->message, want[i]);
	strat_diags_free(d);
}

static void
overrides(void **state)
{
	strat_diags *d;

	(void)state;
	assert_int_equal(strat_diags_new(&d), 0);
	assert_int_equal(strat_diags_severity(d, STRAT_RULE_UNKNOWN_KEY),
			 STRAT_SEV_WARNING);
	strat_diags_set_severity(d, STRAT_RULE_UNKNOWN_KEY, STRAT_SEV_ERROR);
	strat_diags_set_severity(d, STRAT_RULE_DUPLICATE_ID, STRAT_SEV_OFF);
	strat_diags_set_severity(d, STRAT_RULE_INVALID_DATE, STRAT_SEV_WARNING);
	strat_diags_add(d, STRAT_RULE_UNKNOWN_KEY, "f", 1, 1, NULL, "k");
	strat_diags_add(d, STRAT_RULE_DUPLICATE_ID, "f", 1, 1, NULL, "dropped");
	strat_diags_add(d, STRAT_RULE_INVALID_DATE, "f", 1, 1, NULL, "date");
	assert_int_equal(strat_diags_count(d), 2);
	assert_int_equal(strat_diags_errors(d), 1);
	assert_int_equal(strat_diags_warnings(d), 1);
	assert_int_equal(strat_diags_get(d, 0)->severity, STRAT_SEV_ERROR);
	assert_int_equal(strat_diags_get(d, 1)->severity, STRAT_SEV_WARNING);
	/* out of range rules are ignored, not written past the table */
	strat_diags_set_severity(d, STRAT_RULE__COUNT, STRAT_SEV_OFF);
	strat_diags_set_severity(d, (strat_rule)-1, STRAT_SEV_OFF);
	assert_int_equal(
	    strat_diags_add(d, STRAT_RULE__COUNT, "f", 1, 1, NULL, "x"), 0);
	assert_int_equal(strat_diags_count(d), 2);
	strat_diags_free(d);
}

static void
overrides_apply_to_earlier_findings(void **state)
{
	strat_diags *d;

	(void)state;
	assert_int_equal(strat_diags_new(&d), 0);
	strat_diags_add(d, STRAT_RULE_UNKNOWN_KEY, "strat.yaml", 2, 1, NULL,
			"first");
	strat_diags_add(d, STRAT_RULE_WRONG_TYPE, "strat.yaml", 3, 1, NULL,
			"kept");
	strat_diags_add(d, STRAT_RULE_UNKNOWN_KEY, "strat.yaml", 4, 1, NULL,
			"second");
	strat_diags_add(d, STRAT_RULE_INVALID_ID, "strat.yaml", 5, 1, NULL,
			"id");
	assert_int_equal(strat_diags_warnings(d), 3);
	strat_diags_set_severity(d, STRAT_RULE_UNKNOWN_KEY, STRAT_SEV_OFF);
	strat_diags_set_severity(d, STRAT_RULE_INVALID_ID, STRAT_SEV_ERROR);
	assert_int_equal(strat_diags_count(d), 2);
	assert_int_equal(strat_diags_errors(d), 2);
	assert_int_equal(strat_diags_warnings(d), 0);
	assert_string_equal(strat_diags_get(d, 0)->message, "kept");
	assert_string_equal(strat_diags_get(d, 1)->message, "id");
	assert_int_equal(strat_diags_get(d, 1)->severity, STRAT_SEV_ERROR);
	strat_diags_free(d);
}

static int calls;

static void
count_cb(const strat_diag *g, void *payload)
{
	(void)g;
	*(int *)payload += 1;
	calls++;
}

static void
callback(void **state)
{
	strat_diags *d;
	int n = 0;

	(void)state;
	assert_int_equal(strat_diags_new(&d), 0);
	strat_diags_set_callback(d, count_cb, &n);
	strat_diags_set_severity(d, STRAT_RULE_UNKNOWN_KEY, STRAT_SEV_OFF);
	strat_diags_add(d, STRAT_RULE_UNKNOWN_KEY, "f", 1, 1, NULL, "off");
	strat_diags_add(d, STRAT_RULE_WRONG_TYPE, "f", 1, 1, NULL, "on");
	assert_int_equal(n, 1);
	strat_diags_free(d);
}

static void
long_message_truncated(void **state)
{
	strat_diags *d;
	char big[3000];

	(void)state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(strat_diags_new(&d), 0);
	strat_diags_add(d, STRAT_RULE_WRONG_TYPE, "f", 1, 1, NULL, "%s", big);
	assert_int_equal(strlen(strat_diags_get(d, 0)->message), 1023);
	strat_diags_free(d);
}

static void
registry(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < STRAT_RULE__COUNT; i++) {
		assert_int_equal(strat_rule_lookup(strat_rule_id(i)), i);
		assert_true(strlen(strat_rule_summary(i)) > 0);
	}
	assert_int_equal(strat_rule_lookup("no-such-rule"), -1);
	assert_string_equal(strat_rule_id(STRAT_RULE_DUPLICATE_ID),
			    "duplicate-id");
	assert_int_equal(strat_rule_default_severity(STRAT_RULE_UNKNOWN_KEY),
			 STRAT_SEV_WARNING);
	assert_string_equal(strat_rule_id(STRAT_RULE__COUNT), "?");
	assert_string_equal(strat_severity_name(STRAT_SEV_OFF), "off");
	assert_string_equal(strat_severity_name(STRAT_SEV_ERROR), "error");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(add_and_count),
	    cmocka_unit_test(sorting),
	    cmocka_unit_test(overrides),
	    cmocka_unit_test(overrides_apply_to_earlier_findings),
	    cmocka_unit_test(callback),
	    cmocka_unit_test(long_message_truncated),
	    cmocka_unit_test(registry),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
