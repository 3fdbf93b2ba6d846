/* test_review.c - lib/review.c: the verdict line, the sections of text,
 * Markdown and JSON, the reasons shown beside their changes, the rows
 * left out past max_rows, broken files, and when a change needs
 * attention. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "memplan.h"

#include "strat/review.h"

typedef struct {
	memplan b, h;
	strat_changes *changes;
	strat_diags *found;
} fixture;

static int
setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	memplan_load_change(&f->b, &f->h);
	assert_int_equal(
	    strat_plan_compare(&f->changes, f->b.plan, f->h.plan, NULL), 0);
	assert_int_equal(strat_diags_new(&f->found), 0);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	fixture *f = *state;

	strat_changes_free(f->changes);
	strat_diags_free(f->found);
	memplan_free(&f->b);
	memplan_free(&f->h);
	free(f);
	return 0;
}

static char *
render(const strat_review *r, strat_format fmt)
{
	strat_render_options o = STRAT_RENDER_OPTIONS_INIT;
	char *s;

	o.format = fmt;
	assert_int_equal(strat_review_render(&s, r, &o), 0);
	assert_non_null(s);
	return s;
}

static void
assert_contains(const char *s, const char *what)
{
	if (strstr(s, what) == NULL)
		fail_msg("'%s' not in:\n%s", what, s);
}

static void
test_text(void **state)
{
	fixture *f = *state;
	strat_review r = STRAT_REVIEW_INIT;
	char *s;

	r.changes = f->changes;
	r.base_label = "main (1a2b3c4)";
	r.head_label = "topic";
	s = render(&r, STRAT_FORMAT_TEXT);
	/* one silent drop: it needs attention; the rest counted by kind */
	assert_contains(s, "main (1a2b3c4)..topic: needs attention: 1 item "
			   "removed without being shipped or dropped, 4 "
			   "other strategy changes, 1 item added, 1 item "
			   "slipped (7 days in all), 1 shipped, 1 item moved "
			   "to another file, 2 other calendar changes, 1 team "
			   "change\n");
	assert_contains(s, "\nownership:\n");
	assert_contains(s, "  alex: +item webinar -item podcast\n");
	assert_contains(s, "  dana: +item launch -anchor q3-email\n");
	assert_contains(s, "  sam: +anchor q3-email -item webinar\n");
	assert_contains(
	    s, "\ncalendar:\n"
	       "  SILENT DROP       podcast 'Podcast': was planned; removed "
	       "without being shipped or dropped\n"
	       "  item slipped      webinar 'Webinar': 2026-08-20 -> "
	       "2026-08-27 (slipped 7 days)\n"
	       "  item re-owned     webinar 'Webinar': sam -> alex\n"
	       "  item added        launch 'Launch mail': 2026-09-10, owner "
	       "dana, anchor q3-email\n"
	       "  item re-anchored  nurture 'Nurture sequence': q3-email -> "
	       "q3-organic\n"
	       "  item moved        nurture 'Nurture sequence': "
	       "calendar/q3.yaml -> calendar/q3b.yaml\n"
	       "  item shipped      nurture 'Nurture sequence': on "
	       "2026-09-28, 2 days early\n\n");
	assert_contains(s, "\nteam:\n  person added      kim 'Kim'\n");
	assert_int_equal(strat_review_attention(&r), 1);
	free(s);

	/* lint compared: the new findings are listed and counted */
	assert_int_equal(strat_diags_add(f->found, STRAT_RULE_OWNER_UNKNOWN,
					 "calendar/q3.yaml", 7, 12, NULL,
					 "owner 'zed' of item 'x' is not in "
					 "team.yaml"),
			 0);
	r.new_findings = f->found;
	s = render(&r, STRAT_FORMAT_TEXT);
	assert_contains(s, "needs attention: 1 item removed without being "
			   "shipped or dropped, 1 new lint error, ");
	assert_contains(s, "\nlint: 1 new finding\n  calendar/q3.yaml:7:12: "
			   "error: owner 'zed' of item 'x' is not in "
			   "team.yaml [owner-unknown]\n");
	free(s);
}

/* Without the silent drop and without errors, nothing needs attention;
 * without changes, the verdict says so. */
static void
test_attention(void **state)
{
	fixture *f = *state;
	strat_review r = STRAT_REVIEW_INIT;
	strat_changes *none;
	char *s;

	(void)f;
	assert_int_equal(strat_plan_compare(&none, f->h.plan, f->h.plan, NULL),
			 0);
	r.changes = none;
	assert_int_equal(strat_review_attention(&r), 0);
	s = render(&r, STRAT_FORMAT_TEXT);
	assert_string_equal(s, "BASE..HEAD: no plan changes\n");
	free(s);
	/* a warning alone does not need attention */
	assert_int_equal(strat_diags_add(f->found, STRAT_RULE_CHANNEL_UNKNOWN,
					 "calendar/q3.yaml", 3, 5, NULL, "w"),
			 0);
	r.new_findings = f->found;
	assert_int_equal(strat_review_attention(&r), 0);
	s = render(&r, STRAT_FORMAT_TEXT);
	assert_contains(s, "BASE..HEAD: plan changes: 1 new lint warning\n");
	free(s);
	strat_changes_free(none);
}

/* Markdown: the verdict first, user text inert, rows past max_rows
 * counted, a reason beside the slip it explains. */
static void
test_md(void **state)
{
	fixture *f = *state;
	strat_review r = STRAT_REVIEW_INIT;
	strat_review_why why;
	size_t i;
	char *s;

	r.changes = f->changes;
	for (i = 0; i < strat_changes_count(f->changes); i++)
		if (strat_changes_get(f->changes, i)->kind ==
		    STRAT_CHANGE_ITEM_REDATED)
			why.change = strat_changes_get(f->changes, i);
	why.reason = "legal <b>review</b>";
	why.author = "Sam Owner";
	r.why = &why;
	r.nwhy = 1;
	s = render(&r, STRAT_FORMAT_MD);
	assert_true(strncmp(s,
			    "**strat diff** — needs attention: 1 item removed",
			    strlen("**strat diff** — needs attention: 1 item "
				   "removed")) == 0);
	assert_contains(s,
			"| item slipped | `webinar` | Webinar | 2026-08-20 → "
			"2026-08-27 (slipped 7 days); why: legal "
			"\\<b\\>review\\</b\\> (Sam Owner) |\n");
	assert_null(strstr(s, "<b>"));
	free(s);

	r.max_rows = 2;
	s = render(&r, STRAT_FORMAT_MD);
	/* 7 calendar rows: the silent drop first, 5 left out */
	assert_contains(s, "| **silent drop** | `podcast` | Podcast |");
	assert_contains(s, "... and 5 more changes; run `strat diff` locally");
	free(s);
}

/* JSON: every change with its kind, id and values, and the verdict's
 * figures. */
static void
test_json(void **state)
{
	fixture *f = *state;
	strat_review r = STRAT_REVIEW_INIT;
	char *s;

	r.changes = f->changes;
	s = render(&r, STRAT_FORMAT_JSON);
	assert_contains(s, "\"attention\": true");
	assert_contains(s, "\"kind\": \"item-redated\"");
	assert_contains(s, "\"before\": \"2026-08-20\"");
	assert_contains(s, "\"after\": \"2026-08-27\"");
	assert_contains(s, "\"days\": 7");
	assert_contains(s, "\"kind\": \"person-added\"");
	free(s);
}

/* A calendar file of HEAD that does not parse is named first, with the
 * version its items were compared from. */
static void
test_broken(void **state)
{
	fixture *f = *state;
	strat_review r = STRAT_REVIEW_INIT;
	strat_mend mend = {"calendar/q4.yaml",
			   3,
			   7,
			   "did not find expected "
			   "key",
			   1,
			   {{0xab, 0xcd, 0xef, 0x12}},
			   0};
	strat_mends mends = {&mend, 1};
	strat_render_options o = STRAT_RENDER_OPTIONS_INIT;
	char *s;

	r.changes = f->changes;
	r.broken = &mends;
	assert_int_equal(strat_review_attention(&r), 1);
	s = render(&r, STRAT_FORMAT_TEXT);
	assert_contains(s, ": needs attention: 1 calendar file does not "
			   "parse, 1 item removed");
	assert_contains(s, "\ndoes not parse:\n  calendar/q4.yaml:3:7: did "
			   "not find expected key\n    its items are compared "
			   "from abcdef1, the last version that parsed\n");
	free(s);
	o.format = STRAT_FORMAT_CSV;
	assert_int_equal(strat_review_render(&s, &r, &o), STRAT_EUSAGE);
	assert_null(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_text, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_attention, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_md, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_json, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_broken, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
