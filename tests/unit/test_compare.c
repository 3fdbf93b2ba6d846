/* test_compare.c - lib/compare.c: the changes between two plans (kind,
 * id, place, before and after, days and flags, ownership moved, in the
 * documented order), the kind registry, and which findings of HEAD are new
 * since BASE, with and without the plans. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "memplan.h"

#include "strat/compare.h"

/* One line per change: "kind id file:line [before -> after] days flags
 * +gained -lost". */
static char *
changes_text(const strat_changes *c)
{
	static char buf[8192];
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < strat_changes_count(c); i++) {
		const strat_change *ch = strat_changes_get(c, i);
		int n = snprintf(buf + len, sizeof(buf) - len,
				 "%s %s %s:%u [%s -> %s] %d %u +%s -%s\n",
				 strat_change_kind_id(ch->kind), ch->id,
				 ch->file ? ch->file : "-", (unsigned)ch->line,
				 ch->before ? ch->before : "-",
				 ch->after ? ch->after : "-", (int)ch->days,
				 ch->flags, ch->gained_by ? ch->gained_by : "",
				 ch->lost_by ? ch->lost_by : "");

		assert_true(n > 0 && (size_t)n < sizeof(buf) - len);
		len += (size_t)n;
	}
	return buf;
}

static void
test_compare_plans(void **state)
{
	strat_compare_options co = STRAT_COMPARE_OPTIONS_INIT;
	strat_changes *c;
	const strat_change *ch;
	memplan b, h;
	size_t i;

	(void)state;
	memplan_load_change(&b, &h);
	assert_int_equal(strat_plan_compare(&c, b.plan, h.plan, &co), 0);
	assert_string_equal(
	    changes_text(c),
	    "anchor-retitled q3-events strategy.yaml:23 [Events -> Events "
	    "and fairs] 0 0 + -\n"
	    "anchor-reowned q3-email strategy.yaml:29 [dana -> sam] 0 0 +sam "
	    "-dana\n"
	    "anchor-moved q3-email strategy.yaml:29 [2026-Q3 -> 2026-Q4] 0 0 "
	    "+ -\n"
	    "kpi-changed mqls strategy.yaml:12 [target: 400 -> target: 450] 0 "
	    "0 + -\n"
	    "item-redated webinar calendar/q3.yaml:12 [2026-08-20 -> "
	    "2026-08-27] 7 2 + -\n"
	    "item-reowned webinar calendar/q3.yaml:12 [sam -> alex] 0 0 +alex "
	    "-sam\n"
	    "item-added launch calendar/q3.yaml:19 [- -> -] 0 0 +dana -\n"
	    "item-reanchored nurture calendar/q3b.yaml:4 [q3-email -> "
	    "q3-organic] 0 0 + -\n"
	    "item-moved nurture calendar/q3b.yaml:4 [calendar/q3.yaml -> "
	    "calendar/q3b.yaml] 0 0 + -\n"
	    "item-shipped nurture calendar/q3b.yaml:4 [planned -> shipped] -2 "
	    "0 + -\n"
	    "item-removed podcast calendar/q3.yaml:26 [planned -> -] 0 1 + "
	    "-alex\n"
	    "person-added kim team.yaml:7 [- -> -] 0 0 + -\n");
	/* the objects themselves, from their plans */
	for (i = 0; i < strat_changes_count(c); i++) {
		ch = strat_changes_get(c, i);
		assert_int_equal(ch->area, strat_change_kind_area(ch->kind));
		if (ch->kind == STRAT_CHANGE_ITEM_REDATED) {
			assert_ptr_equal(ch->head_item, strat_plan_find_item(
							    h.plan, "webinar"));
			assert_ptr_equal(ch->base_item, strat_plan_find_item(
							    b.plan, "webinar"));
			assert_true(ch->flags & STRAT_CHANGE_SLIP);
		}
		if (ch->kind == STRAT_CHANGE_ITEM_REMOVED) {
			assert_null(ch->head_item);
			assert_true(ch->flags & STRAT_CHANGE_SILENT);
		}
	}
	assert_null(strat_changes_get(c, strat_changes_count(c)));
	assert_int_equal(strat_changes_count_kind(c, STRAT_CHANGE_ITEM_REOWNED),
			 1);
	assert_int_equal(
	    strat_changes_count_kind(c, STRAT_CHANGE_ANCHOR_REOWNED), 1);
	assert_int_equal(strat_changes_count_kind(c, STRAT_CHANGE_ITEM_ADDED),
			 1);
	assert_int_equal(strat_changes_count_kind(c, STRAT_CHANGE_ITEM_DROPPED),
			 0);
	strat_changes_free(c);

	/* the other way round: a pull-in, an item dropped from sight, no
	 * silent flag for the shipped one removed */
	assert_int_equal(strat_plan_compare(&c, h.plan, b.plan, NULL), 0);
	assert_int_equal(strat_changes_count_kind(c, STRAT_CHANGE_ITEM_REMOVED),
			 1);
	for (i = 0; i < strat_changes_count(c); i++) {
		ch = strat_changes_get(c, i);
		if (ch->kind == STRAT_CHANGE_ITEM_REDATED) {
			assert_int_equal(ch->days, -7);
			assert_int_equal(ch->flags, STRAT_CHANGE_PULL_IN);
		}
		if (ch->kind == STRAT_CHANGE_ITEM_REMOVED) {
			assert_string_equal(ch->id, "launch");
			assert_int_equal(ch->flags, STRAT_CHANGE_SILENT);
		}
		if (ch->kind == STRAT_CHANGE_ITEM_STATUS) {
			assert_string_equal(ch->id, "nurture");
			assert_string_equal(ch->before, "shipped");
			assert_string_equal(ch->after, "planned");
		}
	}
	assert_int_equal(
	    strat_changes_count_kind(c, STRAT_CHANGE_PERSON_REMOVED), 1);
	strat_changes_free(c);

	/* a plan created: everything added; identical plans: nothing */
	assert_int_equal(strat_plan_compare(&c, NULL, b.plan, NULL), 0);
	assert_int_equal(strat_changes_count_kind(c, STRAT_CHANGE_ITEM_ADDED),
			 4);
	assert_int_equal(strat_changes_count_kind(c, STRAT_CHANGE_ANCHOR_ADDED),
			 3);
	assert_int_equal(strat_changes_count_kind(c, STRAT_CHANGE_PERSON_ADDED),
			 3);
	strat_changes_free(c);
	assert_int_equal(strat_plan_compare(&c, b.plan, b.plan, NULL), 0);
	assert_int_equal(strat_changes_count(c), 0);
	strat_changes_free(c);
	assert_int_equal(strat_plan_compare(&c, NULL, NULL, NULL), 0);
	assert_int_equal(strat_changes_count(c), 0);
	strat_changes_free(c);
	strat_changes_free(NULL);
	memplan_free(&b);
	memplan_free(&h);
}

/* The registry of kinds: ids, areas and lookups agree. */
static void
test_kinds(void **state)
{
	int k;

	(void)state;
	for (k = 0; k < STRAT_CHANGE__COUNT; k++) {
		assert_int_equal(strat_change_kind_lookup(strat_change_kind_id(
				     (strat_change_kind)k)),
				 k);
		assert_true(strlen(strat_change_kind_summary(
				(strat_change_kind)k)) > 0);
	}
	assert_int_equal(strat_change_kind_lookup("item-shipped"),
			 STRAT_CHANGE_ITEM_SHIPPED);
	assert_int_equal(strat_change_kind_lookup("item-moved"),
			 STRAT_CHANGE_ITEM_MOVED);
	assert_int_equal(strat_change_kind_lookup("item-ship"), -1);
	assert_int_equal(strat_change_kind_area(STRAT_CHANGE_ANCHOR_MOVED),
			 STRAT_AREA_STRATEGY);
	assert_int_equal(strat_change_kind_area(STRAT_CHANGE_ITEM_MOVED),
			 STRAT_AREA_CALENDAR);
	assert_int_equal(strat_change_kind_area(STRAT_CHANGE_PERSON_ADDED),
			 STRAT_AREA_TEAM);
	assert_int_equal(strat_change_kind_area(STRAT_CHANGE_READING_ADDED),
			 STRAT_AREA_METRICS);
	assert_string_equal(strat_change_kind_id(STRAT_CHANGE__COUNT), "");
	assert_string_equal(strat_change_area_name(STRAT_AREA_TEAM), "team");
	assert_string_equal(strat_change_area_name(STRAT_AREA_METRICS),
			    "metrics");
	assert_string_equal(strat_status_name(STRAT_STATUS_IN_PROGRESS),
			    "in-progress");
	assert_string_equal(strat_status_name(STRAT_STATUS_NONE), "none");
}

/* Findings new since BASE: an item with an unknown owner moved to another
 * file (and other lines) is not new with the plans, but is by rule, file
 * and message alone; a second finding of the same kind is new. */
static void
test_new_findings(void **state)
{
	static const char one[] = "kind: calendar\n"
				  "version: 1\n"
				  "items:\n"
				  "  - id: webinar\n"
				  "    title: Webinar\n"
				  "    anchor: q3-events\n"
				  "    owner: zed\n"
				  "    channel: webinar\n"
				  "    date: 2026-08-20\n"
				  "    status: planned\n";
	static const char two[] = "kind: calendar\n"
				  "version: 1\n"
				  "items:\n"
				  "  - id: other\n"
				  "    title: Other\n"
				  "    anchor: q3-events\n"
				  "    owner: sam\n"
				  "    channel: webinar\n"
				  "    date: 2026-08-21\n"
				  "    status: planned\n"
				  "  - id: webinar\n"
				  "    title: Webinar\n"
				  "    anchor: q3-events\n"
				  "    owner: zed\n"
				  "    channel: webinar\n"
				  "    date: 2026-08-20\n"
				  "    status: planned\n"
				  "  - id: again\n"
				  "    title: Again\n"
				  "    anchor: q3-events\n"
				  "    owner: zed\n"
				  "    channel: webinar\n"
				  "    date: 2026-08-22\n"
				  "    status: planned\n";
	const char *bo[] = {"calendar/q3.yaml", one, NULL};
	const char *ho[] = {"calendar/q3.yaml", NULL, "calendar/events.yaml",
			    two, NULL};
	strat_diags *n;
	memplan b, h;

	(void)state;
	memplan_load(&b, bo, "2026-09-15", 1);
	memplan_load(&h, ho, "2026-09-15", 1);
	assert_int_equal(
	    strat_diags_new_since_plans(&n, b.plan, b.diags, h.plan, h.diags),
	    0);
	memplan_assert_diags(
	    &(memplan){.diags = n},
	    "owner-unknown calendar/events.yaml:21:12 owner 'zed' of item "
	    "'again' is not in team.yaml\n");
	strat_diags_free(n);
	assert_int_equal(strat_diags_new_since(&n, b.diags, h.diags), 0);
	assert_int_equal(strat_diags_count(n), 2);
	strat_diags_free(n);
	/* nothing is new since itself */
	assert_int_equal(
	    strat_diags_new_since_plans(&n, h.plan, h.diags, h.plan, h.diags),
	    0);
	assert_int_equal(strat_diags_count(n), 0);
	strat_diags_free(n);
	memplan_free(&b);
	memplan_free(&h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_compare_plans),
	    cmocka_unit_test(test_kinds),
	    cmocka_unit_test(test_new_findings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
