/* test_edit.c - lib/edit.c: hostile values written and read back byte for
 * byte through the plan loader, quoting, appending to lists of entries
 * (a metrics file's readings), ids made from titles, the unified diff,
 * and byte offsets of node positions (yr_position_offset). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "strat/edit.h"
#include "strat/plan.h"
#include "yaml.h"

static const char *const hostile[] = {
    "Pillar guide: revenue reporting",
    "# not a comment",
    "C# and F# in one post",
    "- leading dash",
    "-",
    "* star",
    "& ampersand",
    "! bang",
    "| pipe",
    "> greater",
    "'single' quotes",
    "\"double\" quotes",
    "it's a \"mix\" of 'quotes'",
    "trailing space ",
    " leading space",
    "two  spaces",
    "tab\there",
    "line\nbreak",
    "crlf\r\nbreak",
    "null",
    "~",
    "yes",
    "no",
    "1.30",
    "0x1F",
    "2026-04-01",
    "caf\xC3\xA9 \xC3\xBCn\xC3\xAF\xC3\xA7\xC3\xB6"
    "d\xC3\xA9 "
    "\xE6\x97\xA5\xE6\x9C\xAC",
    "emoji \xF0\x9F\x8E\x89",
    "\xE2\x80\xAE"
    "bidi override",
    "\xEF\xBB\xBF"
    "byte order mark",
    "next\xC2\x85line",
    "line\xE2\x80\xA8separator",
    "back\\slash \\n",
    "[flow]",
    "{map}",
    "a, b",
    "key: value # comment",
    "%percent",
    "@at",
    "`tick`",
    "?question",
    ": colon",
    "trailing colon:",
    "---",
    "...",
    "bell\a and escape \x1B"
    "[31m",
    "del\x7F",
};
#define NHOSTILE (sizeof(hostile) / sizeof(hostile[0]))

static const char strat_yaml[] = "strat: 1\n";

/* Load cal as calendar/q3.yaml and return the title of item id, copied
 * into buf; fails the test when the plan cannot be read. */
static void
title_of(const char *cal, size_t len, const char *id, char *buf, size_t size)
{
	strat_mem_file files[] = {
	    {"strat.yaml", strat_yaml, sizeof(strat_yaml) - 1},
	    {"calendar/q3.yaml", cal, len}};
	strat_load_options lo = STRAT_LOAD_OPTIONS_INIT;
	strat_source src;
	strat_diags *d = NULL;
	strat_plan *plan = NULL;
	const strat_item *it;

	assert_int_equal(strat_source_mem(&src, files, 2), 0);
	assert_int_equal(strat_diags_new(&d), 0);
	assert_int_equal(strat_plan_load(&plan, &src, &lo, d), 0);
	it = strat_plan_find_item(plan, id);
	if (it == NULL || it->title.s == NULL)
		fail_msg("item '%s' not read back from:\n%.*s", id, (int)len,
			 cal);
	snprintf(buf, size, "%s", it->title.s);
	strat_plan_free(plan);
	strat_diags_free(d);
	strat_source_mem_free(&src);
}

static const char block[] = "kind: calendar\n"
			    "version: 1\n"
			    "items:\n"
			    "  - id: a\n"
			    "    title: Old\n"
			    "    status: planned\n";
static const char flow[] = "kind: calendar\n"
			   "version: 1\n"
			   "items:\n"
			   "  - {id: a, title: 'Old', status: planned}\n";
static const char dq[] = "kind: calendar\n"
			 "version: 1\n"
			 "items: [{id: a, title: \"Old\"}]\n";

static void
hostile_round_trip(void **state)
{
	const char *const bases[] = {block, flow, dq};
	char got[512], *out = NULL;
	size_t i, b, len;

	(void)state;
	for (i = 0; i < NHOSTILE; i++) {
		for (b = 0; b < 3; b++) {
			strat_edit_field add[] = {{"id", "new"},
						  {"title", hostile[i]}};
			strat_edit_field set[] = {{"title", hostile[i]}};

			/* strat add: a new entry */
			if (strat_edit_list_append(&out, &len, "c.yaml",
						   bases[b], strlen(bases[b]),
						   "items", add, 2) < 0)
				fail_msg("add '%s': %s", hostile[i],
					 strat_error_last());
			title_of(out, len, "new", got, sizeof(got));
			if (strcmp(got, hostile[i]) != 0)
				fail_msg("added '%s' read back as '%s' in:\n%s",
					 hostile[i], got, out);
			free(out);
			/* a title replaced in place */
			if (strat_edit_item_set(&out, &len, "c.yaml", bases[b],
						strlen(bases[b]), "a", set,
						1) < 0)
				fail_msg("set '%s': %s", hostile[i],
					 strat_error_last());
			title_of(out, len, "a", got, sizeof(got));
			if (strcmp(got, hostile[i]) != 0)
				fail_msg("set '%s' read back as '%s' in:\n%s",
					 hostile[i], got, out);
			free(out);
		}
	}
}

static void
invalid_utf8_refused(void **state)
{
	strat_edit_field f[] = {{"title", "bad \xC3 byte"}};
	char *out = (char *)1;
	size_t len;

	(void)state;
	assert_int_equal(strat_edit_item_set(&out, &len, "c.yaml", block,
					     strlen(block), "a", f, 1),
			 STRAT_EUSAGE);
	assert_null(out);
	assert_non_null(strstr(strat_error_last(), "UTF-8"));
}

static void
scalar_styles(void **state)
{
	static const struct {
		const char *v;
		int style, flow;
		const char *want;
	} t[] = {
	    {"2026-04-01", STRAT_EDIT_PLAIN, 0, "2026-04-01"},
	    {"q3-webinar-1", STRAT_EDIT_PLAIN, 1, "q3-webinar-1"},
	    {"null", STRAT_EDIT_PLAIN, 0, "\"null\""},
	    {"a: b", STRAT_EDIT_PLAIN, 0, "\"a: b\""},
	    {"a, b", STRAT_EDIT_PLAIN, 0, "a, b"},
	    {"a, b", STRAT_EDIT_PLAIN, 1, "\"a, b\""},
	    {"it's", STRAT_EDIT_SINGLE, 0, "'it''s'"},
	    {"2026-04-01", STRAT_EDIT_DOUBLE, 0, "\"2026-04-01\""},
	    {"tab\t", STRAT_EDIT_SINGLE, 0, "\"tab\\t\""},
	    {"\xE2\x80\xAE", STRAT_EDIT_PLAIN, 0, "\"\\u202E\""},
	    {"caf\xC3\xA9", STRAT_EDIT_PLAIN, 0, "caf\xC3\xA9"},
	};
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		s = strat_edit_scalar(t[i].v, t[i].style, t[i].flow);
		assert_non_null(s);
		if (strcmp(s, t[i].want) != 0)
			fail_msg("'%s': want %s, got %s", t[i].v, t[i].want, s);
		free(s);
	}
}

/* The operation strat record uses: a reading appended to a metrics file,
 * in the style of the readings before it. */
static void
append_reading(void **state)
{
	static const char flow_in[] =
	    "kind: metrics\r\n"
	    "version: 1\r\n"
	    "readings:\r\n"
	    "  - {kpi: mql, date: 2026-05-04, value: 310}  # week 19\r\n"
	    "# next\r\n";
	static const char flow_want[] =
	    "kind: metrics\r\n"
	    "version: 1\r\n"
	    "readings:\r\n"
	    "  - {kpi: mql, date: 2026-05-04, value: 310}  # week 19\r\n"
	    "  - {kpi: mql, date: 2026-05-11, value: 318}\r\n"
	    "# next\r\n";
	static const char block_in[] = "kind: metrics\n"
				       "version: 1\n"
				       "readings:\n"
				       "    -   kpi: mql\n"
				       "        date: 2026-05-04\n"
				       "        value: \"310\"";
	static const char block_want[] = "kind: metrics\n"
					 "version: 1\n"
					 "readings:\n"
					 "    -   kpi: mql\n"
					 "        date: 2026-05-04\n"
					 "        value: \"310\"\n"
					 "    -   kpi: mql\n"
					 "        date: 2026-05-11\n"
					 "        value: 318";
	strat_edit_field f[] = {
	    {"kpi", "mql"}, {"date", "2026-05-11"}, {"value", "318"}};
	char *out;
	size_t len;

	(void)state;
	assert_int_equal(strat_edit_list_append(&out, &len, "m.yaml", flow_in,
						strlen(flow_in), "readings", f,
						3),
			 0);
	assert_string_equal(out, flow_want);
	assert_int_equal(len, strlen(flow_want));
	free(out);
	assert_int_equal(strat_edit_list_append(&out, &len, "m.yaml", block_in,
						strlen(block_in), "readings", f,
						3),
			 0);
	assert_string_equal(out, block_want);
	free(out);
	assert_int_equal(strat_edit_list_append(&out, &len, "m.yaml", block_in,
						strlen(block_in), "nope", f, 3),
			 STRAT_ENOTFOUND);
}

static void
make_id(void **state)
{
	static const char cal[] = "kind: calendar\nversion: 1\nitems:\n"
				  "  - {id: launch-post, title: x}\n"
				  "  - {id: launch-post-2, title: x}\n";
	strat_mem_file files[] = {
	    {"strat.yaml", strat_yaml, sizeof(strat_yaml) - 1},
	    {"calendar/q3.yaml", cal, sizeof(cal) - 1}};
	strat_load_options lo = STRAT_LOAD_OPTIONS_INIT;
	strat_source src;
	strat_diags *d = NULL;
	strat_plan *plan = NULL;
	char *id;

	(void)state;
	assert_int_equal(strat_source_mem(&src, files, 2), 0);
	assert_int_equal(strat_diags_new(&d), 0);
	assert_int_equal(strat_plan_load(&plan, &src, &lo, d), 0);
	id = strat_edit_make_id(plan, "Launch post!");
	assert_string_equal(id, "launch-post-3");
	free(id);
	id = strat_edit_make_id(plan, "  Q&A: \"Why\" #2  ");
	assert_string_equal(id, "q-a-why-2");
	free(id);
	id = strat_edit_make_id(plan, "\xE6\x97\xA5\xE6\x9C\xAC");
	assert_string_equal(id, "item");
	free(id);
	id = strat_edit_make_id(plan, "Null");
	assert_string_equal(id, "null-2");
	free(id);
	assert_string_equal(strat_edit_suggest_item(plan, "launch-pots"),
			    "launch-post");
	strat_plan_free(plan);
	strat_diags_free(d);
	strat_source_mem_free(&src);
}

static void
unified_diff(void **state)
{
	/* as diff -u (GNU diffutils 3.8) prints it */
	static const char a[] = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13";
	static const char b[] = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n";
	static const char want[] = "--- a/f.yaml\n"
				   "+++ b/f.yaml\n"
				   "@@ -2,7 +2,7 @@\n"
				   " 2\n"
				   " 3\n"
				   " 4\n"
				   "-5\n"
				   "+five\n"
				   " 6\n"
				   " 7\n"
				   " 8\n"
				   "@@ -10,4 +10,3 @@\n"
				   " 10\n"
				   " 11\n"
				   " 12\n"
				   "-13\n"
				   "\\ No newline at end of file\n";
	char *d;

	(void)state;
	d = strat_edit_diff("f.yaml", a, strlen(a), b, strlen(b));
	assert_string_equal(d, want);
	free(d);
	d = strat_edit_diff("f.yaml", a, strlen(a), a, strlen(a));
	assert_string_equal(d, "");
	free(d);
}

static void
position_offsets(void **state)
{
	static const char s[] = "\xEF\xBB\xBF"
				"a: \xC3\xA9x\r\nb: y\n";

	(void)state;
	assert_int_equal(yr_position_offset(s, strlen(s), 1, 1), 3);
	assert_int_equal(yr_position_offset(s, strlen(s), 1, 4), 6);
	assert_int_equal(yr_position_offset(s, strlen(s), 1, 5), 8);
	assert_int_equal(yr_position_offset(s, strlen(s), 1, 9), 9);
	assert_int_equal(yr_position_offset(s, strlen(s), 2, 4), 14);
	assert_int_equal(yr_position_offset(s, strlen(s), 9, 1), strlen(s));
	assert_int_equal(yr_odd_breaks(s, strlen(s)), 0);
	assert_int_equal(yr_odd_breaks("a\rb", 3), 1);
	assert_int_equal(yr_odd_breaks("a\xE2\x80\xA9", 4), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(hostile_round_trip),
	    cmocka_unit_test(invalid_utf8_refused),
	    cmocka_unit_test(scalar_styles),
	    cmocka_unit_test(append_reading),
	    cmocka_unit_test(make_id),
	    cmocka_unit_test(unified_diff),
	    cmocka_unit_test(position_offsets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
