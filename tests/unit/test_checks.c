/* test_checks.c - the PLAN-stage rules of lib/checks.c through strat_lint:
 * each rule fires where it should, at the value it is about (file, line,
 * column), with its message, and not on the clean plan; rules set off or
 * without their input stay silent; an id defined twice is reported at
 * every later definition with the first in its hint. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "memplan.h"

static void
test_clean(void **state)
{
	memplan m;

	(void)state;
	memplan_load(&m, NULL, "2026-09-15", 1);
	assert_int_equal(strat_diags_count(m.diags), 0);
	assert_int_equal(strat_plan_item_count(m.plan), 3);
	memplan_free(&m);
}

/* One calendar breaking the item rules, each on its own line. */
static const char bad_items[] =
    MEMPLAN_CAL_HEAD MEMPLAN_ITEM_SEO_GUIDE /* lines 1 to 11 */
    "  - id: seo-guide\n"                   /* 12 duplicate */
    "    title: Again\n"
    "    anchor: q3-organc\n" /* 14 unknown anchor */
    "    owner: Alex\n"       /* 15 a name */
    "    channel: blg\n"      /* 16 unknown channel */
    "    date: 2026-07-20\n"
    "    status: planned\n"
    "  - id: webinar\n"
    "    title: Webinar\n"
    "    anchor: q3-events\n"
    "    owner: sam\n"
    "    channel: webinar\n"
    "    date: 2026-10-20\n" /* 24 outside Q3 */
    "    status: shipped\n"  /* 25 no shipped date */
    "  - id: nurture\n"
    "    title: Nurture\n"
    "    anchor: q3-email\n"
    "    owner: dana\n"
    "    channel: email\n"
    "    date: 2026-09-30\n"
    "    status: planned\n"
    "    shipped: 2026-09-01\n" /* 33 not shipped */
    "  - id: late\n"
    "    title: Late\n"
    "    anchor: q3-email\n"
    "    owner: zed\n" /* 37 nobody like it */
    "    channel: email\n"
    "    date: 2026-09-01\n"
    "    status: shipped\n"
    "    shipped: 2026-09-16\n"; /* 41 future */

static void
test_item_rules(void **state)
{
	const char *over[] = {"calendar/q3.yaml", bad_items, NULL};
	const strat_diag *g;
	memplan m;
	size_t i;

	(void)state;
	memplan_load(&m, over, "2026-09-15", 1);
	memplan_assert_diags(
	    &m, "duplicate-id calendar/q3.yaml:12:9 duplicate item id "
		"'seo-guide'\n"
		"item-anchor-unknown calendar/q3.yaml:14:13 item 'seo-guide' "
		"references unknown anchor 'q3-organc'\n"
		"owner-unknown calendar/q3.yaml:15:12 owner 'Alex' of item "
		"'seo-guide' is not in team.yaml\n"
		"channel-unknown calendar/q3.yaml:16:14 item 'seo-guide' uses "
		"unknown channel 'blg'\n"
		"item-outside-anchor-quarter calendar/q3.yaml:24:11 item "
		"'webinar' is dated 2026-10-20, outside 2026-Q3 of anchor "
		"'q3-events'\n"
		"shipped-without-date calendar/q3.yaml:25:13 item 'webinar' is "
		"shipped but has no shipped date\n"
		"shipped-date-without-status calendar/q3.yaml:33:14 item "
		"'nurture' has a shipped date but its status is 'planned'\n"
		"owner-unknown calendar/q3.yaml:37:12 owner 'zed' of item "
		"'late' is not in team.yaml\n"
		"shipped-in-future calendar/q3.yaml:41:14 item 'late' shipped "
		"on 2026-09-16, after today (2026-09-15)\n");
	/* hints: the first definition, the person whose name was written,
	 * the closest anchor and channel */
	for (i = 0; i < strat_diags_count(m.diags); i++) {
		g = strat_diags_get(m.diags, i);
		if (g->rule == STRAT_RULE_DUPLICATE_ID)
			assert_string_equal(g->hint, "first defined at "
						     "calendar/q3.yaml:4:9");
		if (g->rule == STRAT_RULE_OWNER_UNKNOWN && g->line == 15)
			assert_string_equal(g->hint,
					    "owners are person ids: did you "
					    "mean 'alex'?");
		if (g->rule == STRAT_RULE_ITEM_ANCHOR_UNKNOWN)
			assert_string_equal(g->hint,
					    "did you mean 'q3-organic'?");
		if (g->rule == STRAT_RULE_CHANNEL_UNKNOWN)
			assert_string_equal(g->hint, "did you mean 'blog'?");
	}
	assert_int_equal(strat_diags_errors(m.diags), 6);
	assert_int_equal(strat_diags_warnings(m.diags), 3);
	memplan_free(&m);

	/* without a today, future dates are not checked */
	memplan_load(&m, over, NULL, 1);
	for (i = 0; i < strat_diags_count(m.diags); i++)
		assert_int_not_equal(strat_diags_get(m.diags, i)->rule,
				     STRAT_RULE_SHIPPED_IN_FUTURE);
	assert_int_equal(strat_diags_count(m.diags), 8);
	memplan_free(&m);
}

/* The strategy's own rules: ids twice, unknown outcomes and KPIs, owners,
 * an anchor no item serves, a quarter with too few anchors. */
static const char bad_strategy[] = "kind: strategy\n"
				   "version: 1\n"
				   "title: Acme 2026\n"
				   "owner: dana\n"
				   "thesis: t\n"
				   "outcomes:\n"
				   "  - id: pipeline\n"
				   "    title: Grow pipeline\n"
				   "    owner: dana\n"
				   "    kpi: mql\n" /* 10 unknown kpi */
				   "kpis:\n"
				   "  - id: mqls\n"
				   "    title: MQLs\n"
				   "    owner: kim\n" /* 14 unknown owner */
				   "    target: \"400\"\n"
				   "anchors:\n"
				   "  - id: q3-organic\n"
				   "    title: Organic search\n"
				   "    quarter: 2026-Q3\n"
				   "    owner: alex\n"
				   "    outcomes: [pipelin]\n" /* 21 unknown */
				   "    done: d\n"
				   "  - id: q3-events\n"
				   "    title: Events\n"
				   "    quarter: 2026-Q3\n"
				   "    owner: sam\n"
				   "    outcomes: [pipeline]\n"
				   "    done: d\n"
				   "  - id: q3-email\n"
				   "    title: Email nurture\n"
				   "    quarter: 2026-Q3\n"
				   "    owner: dana\n"
				   "    outcomes: [pipeline]\n"
				   "    done: d\n"
				   "  - id: q3-events\n" /* 35 duplicate */
				   "    title: Events again\n"
				   "    quarter: 2026-Q3\n"
				   "    owner: sam\n"
				   "    outcomes: [pipeline]\n"
				   "    done: d\n"
				   "  - id: q4-launch\n" /* 41 no items */
				   "    title: Launch\n"
				   "    quarter: 2026-Q4\n" /* 43 alone */
				   "    owner: sam\n"
				   "    outcomes: [pipeline]\n"
				   "    done: d\n";

static void
test_strategy_rules(void **state)
{
	const char *over[] = {"strategy.yaml", bad_strategy, NULL};
	memplan m;

	(void)state;
	memplan_load(&m, over, "2026-09-15", 1);
	memplan_assert_diags(
	    &m, "outcome-unknown strategy.yaml:10:10 outcome 'pipeline' "
		"references unknown kpi 'mql'\n"
		"owner-unknown strategy.yaml:14:12 owner 'kim' of kpi 'mqls' "
		"is not in team.yaml\n"
		"outcome-unknown strategy.yaml:21:16 anchor 'q3-organic' "
		"references "
		"unknown outcome 'pipelin'\n"
		"duplicate-id strategy.yaml:35:9 duplicate anchor id "
		"'q3-events'\n"
		"anchor-without-items strategy.yaml:41:9 anchor 'q4-launch' "
		"has no calendar items\n"
		"quarter-anchor-count strategy.yaml:43:14 quarter '2026-Q4' "
		"has 1 anchor, expected 3 to 5\n");
	memplan_free(&m);
}

/* A rule set off adds nothing; the others still run in the same walk. */
static void
test_severity_off(void **state)
{
	const char *over[] = {"calendar/q3.yaml", bad_items, "strat.yaml",
			      "strat: 1\n"
			      "channels: [blog, email, webinar]\n"
			      "rules:\n"
			      "  owner-unknown: off\n"
			      "  duplicate-id: off\n"
			      "  shipped-in-future: warning\n",
			      NULL};
	memplan m;
	size_t i;

	(void)state;
	memplan_load(&m, over, "2026-09-15", 1);
	assert_int_equal(strat_diags_count(m.diags), 6);
	for (i = 0; i < strat_diags_count(m.diags); i++) {
		const strat_diag *g = strat_diags_get(m.diags, i);

		assert_int_not_equal(g->rule, STRAT_RULE_OWNER_UNKNOWN);
		assert_int_not_equal(g->rule, STRAT_RULE_DUPLICATE_ID);
		if (g->rule == STRAT_RULE_SHIPPED_IN_FUTURE)
			assert_int_equal(g->severity, STRAT_SEV_WARNING);
	}
	memplan_free(&m);
}

/* Globs matching nothing; channels and owners not checked without their
 * lists; a team file that is absent. */
static void
test_globs_and_absent_lists(void **state)
{
	const char *over[] = {"strat.yaml",
			      "strat: 1\n"
			      "calendars: [calendar/*.yaml, plans/*.yaml]\n"
			      "metrics: [metrics/*.yaml]\n",
			      "team.yaml",
			      NULL,
			      "calendar/q3.yaml",
			      bad_items,
			      NULL};
	memplan m;
	size_t i, n = 0;

	(void)state;
	memplan_load(&m, over, "2026-09-15", 1);
	for (i = 0; i < strat_diags_count(m.diags); i++) {
		const strat_diag *g = strat_diags_get(m.diags, i);

		assert_int_not_equal(g->rule, STRAT_RULE_CHANNEL_UNKNOWN);
		assert_int_not_equal(g->rule, STRAT_RULE_OWNER_UNKNOWN);
		if (g->rule != STRAT_RULE_CALENDAR_GLOB_EMPTY)
			continue;
		n++;
		assert_string_equal(g->file, "strat.yaml");
		assert_int_equal(g->line, n == 1 ? 2 : 3);
		assert_string_equal(g->message,
				    n == 1 ? "calendar glob 'plans/*.yaml' "
					     "matches no file"
					   : "metrics glob 'metrics/*.yaml' "
					     "matches no file");
	}
	assert_int_equal(n, 2);
	memplan_free(&m);
}

/* A calendar that does not parse: no anchor is said to lack items and
 * no quarter is counted, since its items may be there. */
static void
test_broken_calendar_no_cascade(void **state)
{
	const char *over[] = {"strategy.yaml", bad_strategy, "calendar/q4.yaml",
			      "kind: calendar\nversion: 1\nitems: [\n", NULL};
	memplan m;
	size_t i;

	(void)state;
	memplan_load(&m, over, "2026-09-15", 1);
	for (i = 0; i < strat_diags_count(m.diags); i++) {
		const strat_diag *g = strat_diags_get(m.diags, i);

		assert_int_not_equal(g->rule, STRAT_RULE_ANCHOR_WITHOUT_ITEMS);
		assert_int_not_equal(g->rule, STRAT_RULE_QUARTER_ANCHOR_COUNT);
	}
	/* the strategy's own findings are still there */
	assert_true(strat_diags_errors(m.diags) >= 4);
	memplan_free(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_clean),
	    cmocka_unit_test(test_item_rules),
	    cmocka_unit_test(test_strategy_rules),
	    cmocka_unit_test(test_severity_off),
	    cmocka_unit_test(test_globs_and_absent_lists),
	    cmocka_unit_test(test_broken_calendar_no_cascade),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
