/* test_model.c - typing by the schema, through an in-memory source. */
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

/* A source over a NULL-terminated list of {path, text} pairs. */
typedef struct {
	const char *const *files;
} mem;

static int
mem_list(void *ctx, int (*add)(void *, const char *), void *arg)
{
	const mem *m = ctx;
	size_t i;
	int rc;

	for (i = 0; m->files[i]; i += 2)
		if ((rc = add(arg, m->files[i])) < 0)
			return rc;
	return 0;
}

static int
mem_read(void *ctx, const char *path, char **buf, size_t *len)
{
	const mem *m = ctx;
	size_t i;

	for (i = 0; m->files[i]; i += 2) {
		if (strcmp(m->files[i], path) != 0)
			continue;
		*len = strlen(m->files[i + 1]);
		*buf = malloc(*len + 1);
		assert_non_null(*buf);
		memcpy(*buf, m->files[i + 1], *len + 1);
		return 0;
	}
	return STRAT_ENOTFOUND;
}

static const char strategy[] =
    "kind: strategy\nversion: 1\ntitle: no\nowner: dana\nthesis: on\n"
    "outcomes:\n  - {id: pipeline, title: P, owner: dana}\n"
    "anchors:\n"
    "  - id: q2-a\n    title: 1.30\n    quarter: 2026-Q2\n    owner: dana\n"
    "    outcomes: [pipeline]\n    done: 2026-04-01\n";
static const char team[] =
    "kind: team\nversion: 1\npeople:\n  - {id: dana, name: yes}\n";

typedef struct {
	strat_plan *plan;
	strat_diags *diags;
	mem m;
	strat_source src;
} loaded;

static void
load(loaded *l, const char *const *files)
{
	strat_load_options o = STRAT_LOAD_OPTIONS_INIT;

	memset(l, 0, sizeof(*l));
	l->m.files = files;
	l->src.list = mem_list;
	l->src.read = mem_read;
	l->src.ctx = &l->m;
	assert_int_equal(strat_diags_new(&l->diags), 0);
	/* the fixtures have one anchor a quarter */
	strat_diags_set_severity(l->diags, STRAT_RULE_QUARTER_ANCHOR_COUNT,
				 STRAT_SEV_OFF);
	o.today = strat_date_from_ymd(2026, 9, 15);
	assert_int_equal(strat_plan_load(&l->plan, &l->src, &o, l->diags), 0);
	assert_int_equal(strat_lint(l->plan, &o, l->diags), 0);
}

static void
unload(loaded *l)
{
	strat_plan_free(l->plan);
	strat_diags_free(l->diags);
}

static void
dump(const loaded *l)
{
	size_t i;

	for (i = 0; i < strat_diags_count(l->diags); i++) {
		const strat_diag *g = strat_diags_get(l->diags, i);

		print_message("%s:%u:%u: %s [%s]\n", g->file, g->line,
			      g->column, g->message, strat_rule_id(g->rule));
	}
}

static void
yaml11_lookalikes_stay_strings(void **state)
{
	static const char cal[] =
	    "kind: calendar\nversion: 1\ntitle: off\nitems:\n"
	    "  - id: 2026\n    title: no\n    anchor: q2-a\n"
	    "    owner: dana\n    channel: 1.30\n    date: 2026-04-01\n"
	    "    status: planned\n    notes: 1e3\n    link: ~x\n";
	const char *const files[] = {
	    "strategy.yaml",    strategy, "team.yaml", team,
	    "calendar/q2.yaml", cal,      NULL};
	const strat_item *it;
	const strat_strategy *s;
	loaded l;

	(void)state;
	load(&l, files);
	if (strat_diags_count(l.diags) != 0) {
		dump(&l);
		fail_msg("a clean plan has findings");
	}
	assert_int_equal(strat_plan_item_count(l.plan), 1);
	it = strat_plan_item(l.plan, 0);
	assert_string_equal(it->id.s, "2026");
	assert_string_equal(it->title.s, "no");
	assert_string_equal(it->channel.s, "1.30"); /* not 1.3 */
	assert_string_equal(it->date_text.s, "2026-04-01");
	assert_int_equal(it->date, strat_date_from_ymd(2026, 4, 1));
	assert_string_equal(it->notes.s, "1e3");
	assert_string_equal(it->link.s, "~x");
	assert_int_equal(it->status, STRAT_STATUS_PLANNED);
	assert_int_equal(it->line, 5);
	assert_int_equal(it->column, 5);
	assert_int_equal(it->channel.line, 9);
	assert_int_equal(it->channel.column, 14);
	assert_string_equal(strat_plan_calendar(l.plan, 0)->title.s, "off");
	s = strat_plan_strategy(l.plan);
	assert_string_equal(s->title.s, "no");
	assert_string_equal(s->thesis.s, "on");
	assert_string_equal(s->anchors[0].title.s, "1.30");
	assert_string_equal(s->anchors[0].done.s, "2026-04-01");
	assert_int_equal(s->anchors[0].year, 2026);
	assert_int_equal(s->anchors[0].q, 2);
	assert_string_equal(strat_plan_team(l.plan)->people[0].name.s, "yes");
	assert_non_null(strat_plan_find_anchor(l.plan, "q2-a"));
	assert_non_null(strat_plan_find_item(l.plan, "2026"));
	assert_non_null(strat_plan_find_person(l.plan, "dana"));
	assert_null(strat_plan_find_person(l.plan, "no"));
	unload(&l);
}

static void
version_is_typed_by_schema(void **state)
{
	static const char cal[] = "kind: calendar\nversion: \"1\"\nitems: []\n";
	static const char cal2[] = "kind: calendar\nversion: 1.0\nitems: []\n";
	const char *const f1[] = {
	    "strategy.yaml",   strategy, "team.yaml", team,
	    "calendar/a.yaml", cal,      NULL};
	const char *const f2[] = {
	    "strategy.yaml",   strategy, "team.yaml", team,
	    "calendar/a.yaml", cal2,     NULL};
	loaded l;

	(void)state;
	load(&l, f1);
	assert_int_equal(strat_diags_get(l.diags, 0)->rule,
			 STRAT_RULE_WRONG_TYPE);
	unload(&l);
	/* SPEC.md 6.5: an integer is plain decimal digits; 1.0 is not one */
	load(&l, f2);
	assert_int_equal(strat_diags_get(l.diags, 0)->rule,
			 STRAT_RULE_WRONG_TYPE);
	assert_string_equal(strat_diags_get(l.diags, 0)->message,
			    "'version' of calendar must be the integer 1, not "
			    "a string");
	unload(&l);
}

static void
overrides_from_strat_yaml(void **state)
{
	static const char cfg[] =
	    "strat: 1\nbogus: 1\nrules:\n  unknown-key: off\n"
	    "  anchor-without-items: error\n";
	static const char cal[] = "kind: calendar\nversion: 1\nitems: []\n";
	const char *const files[] = {
	    "strat.yaml",      cfg,         "strategy.yaml",
	    strategy,          "team.yaml", team,
	    "calendar/a.yaml", cal,         NULL};
	const strat_diag *g;
	loaded l;

	(void)state;
	load(&l, files);
	/* 'bogus' came before 'rules:' and is dropped all the same */
	if (strat_diags_count(l.diags) != 1) {
		dump(&l);
		fail_msg("want only anchor-without-items");
	}
	g = strat_diags_get(l.diags, 0);
	assert_int_equal(g->rule, STRAT_RULE_ANCHOR_WITHOUT_ITEMS);
	assert_int_equal(g->severity, STRAT_SEV_ERROR);
	unload(&l);
}

static void
duplicate_id_names_first_definition(void **state)
{
	static const char c1[] =
	    "kind: calendar\nversion: 1\nitems:\n"
	    "  - {id: x, title: t, anchor: q2-a, owner: dana, channel: c,"
	    " date: 2026-04-02, status: planned}\n";
	static const char c2[] =
	    "kind: calendar\nversion: 1\nitems:\n\n\n"
	    "  - {id: x, title: t, anchor: q2-a, owner: dana, channel: c,"
	    " date: 2026-04-03, status: planned}\n";
	const char *const files[] = {"strategy.yaml",
				     strategy,
				     "team.yaml",
				     team,
				     "calendar/q1.yaml",
				     c1,
				     "calendar/q2.yaml",
				     c2,
				     NULL};
	const strat_diag *g;
	loaded l;

	(void)state;
	load(&l, files);
	if (strat_diags_count(l.diags) != 1)
		dump(&l);
	assert_int_equal(strat_diags_count(l.diags), 1);
	g = strat_diags_get(l.diags, 0);
	assert_int_equal(g->rule, STRAT_RULE_DUPLICATE_ID);
	assert_string_equal(g->file, "calendar/q2.yaml");
	assert_int_equal(g->line, 6);
	assert_int_equal(g->column, 10);
	assert_string_equal(g->hint, "first defined at calendar/q1.yaml:4:10");
	unload(&l);
}

static void
duplicate_key_first_is_used(void **state)
{
	static const char cal[] =
	    "kind: calendar\nversion: 1\nitems:\n"
	    "  - {id: x, title: first, anchor: q2-a, owner: dana,"
	    " channel: c, date: 2026-04-02, status: planned,"
	    " title: second}\n";
	const char *const files[] = {
	    "strategy.yaml",    strategy, "team.yaml", team,
	    "calendar/q2.yaml", cal,      NULL};
	loaded l;

	(void)state;
	load(&l, files);
	assert_int_equal(strat_diags_count(l.diags), 1);
	assert_int_equal(strat_diags_get(l.diags, 0)->rule,
			 STRAT_RULE_DUPLICATE_KEY);
	assert_string_equal(strat_plan_item(l.plan, 0)->title.s, "first");
	unload(&l);
}

/* ids are checked eight bytes at a time: every position of ids of 1 to
 * 20 bytes, each kind of character, a NUL inside; and a value that passed
 * as one field's text is still checked as another field's id. */
static void
ids_checked_at_every_position(void **state)
{
	static const char ok_inside[] = "az09-._";
	static const char bad[] = "A/!~$:Z@";
	static const size_t lens[] = {1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 20, 0};
	const char *chars[2] = {ok_inside, bad};
	const char *tail = "    title: t\n    anchor: q2-a\n    owner: dana\n"
			   "    channel: c\n    date: 2026-04-02\n"
			   "    status: planned\n";
	char *cal, id[24];
	size_t cap = 1 << 20, n, len, p, k, j, want = 0, got = 0, i;
	loaded l;
	int set;

	(void)state;
	cal = malloc(cap);
	assert_non_null(cal);
	n = (size_t)snprintf(cal, cap, "kind: calendar\nversion: 1\nitems:\n");
	/* lengths about the word boundaries; under 1,000 findings, the
	 * most a rule reports */
	for (j = 0; (len = lens[j]) != 0; j++)
		for (set = 0; set < 2; set++)
			for (p = 0; p < len; p++)
				for (k = 0; chars[set][k]; k++) {
					memcpy(id, "abcdefghijklmnopqrst", len);
					id[len] = '\0';
					id[p] = chars[set][k];
					/* '-', '.', '_' may not start one */
					want += set == 1 || (p == 0 && k >= 4);
					n += (size_t)snprintf(
					    cal + n, cap - n,
					    "  - id: \"%s\"\n%s", id, tail);
				}
	/* a NUL ends what is checked, as it ends the text */
	n += (size_t)snprintf(cal + n, cap - n, "  - id: \"abcdefgh\\0XY\"\n%s",
			      tail);
	/* 'Q2-A' passes as a channel, not as an anchor */
	n += (size_t)snprintf(cal + n, cap - n,
			      "  - id: x1\n    title: t\n    anchor: q2-a\n"
			      "    owner: dana\n    channel: Q2-A\n"
			      "    date: 2026-04-02\n    status: planned\n"
			      "  - id: x2\n    title: t\n    anchor: Q2-A\n"
			      "    owner: dana\n    channel: c\n"
			      "    date: 2026-04-02\n    status: planned\n");
	want++;
	assert_true(n < cap);
	{
		const char *const files[] = {
		    "strategy.yaml",    strategy, "team.yaml", team,
		    "calendar/q2.yaml", cal,      NULL};

		load(&l, files);
	}
	for (i = 0; i < strat_diags_count(l.diags); i++)
		if (strat_diags_get(l.diags, i)->rule == STRAT_RULE_INVALID_ID)
			got++;
	if (got != want)
		dump(&l);
	assert_int_equal(got, want);
	unload(&l);
	free(cal);
}

/* strat_plan_file_kind: the role of a file from its text alone. */
static void
file_kind_from_text(void **state)
{
	static const struct {
		const char *text, *kind;
	} cases[] = {
	    {"kind: calendar\nversion: 1\nitems: []\n", "calendar"},
	    {"version: 1\nkind: strategy\n", "strategy"},
	    {"kind: team\n", "team"},
	    {"# readings\nkind: metrics\n", "metrics"},
	    {"strat: 1\nchannels: [blog]\n", "strat"},
	    {"channels: [blog]\nstrat: 1\n", "strat"},
	    {"kind: calender\n", NULL},
	    {"kind: [calendar]\n", NULL},
	    {"title: no kind\n", NULL},
	    {"- a list\n", NULL},
	    {"", NULL},
	    {"kind: calendar\n  bad: [\n", NULL},
	    {"a: [\nkind: calendar\n", NULL},
	};
	const char *kind;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(strat_plan_file_kind(cases[i].text,
						      strlen(cases[i].text),
						      &kind),
				 0);
		if (cases[i].kind == NULL)
			assert_null(kind);
		else
			assert_string_equal(kind, cases[i].kind);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(yaml11_lookalikes_stay_strings),
	    cmocka_unit_test(version_is_typed_by_schema),
	    cmocka_unit_test(overrides_from_strat_yaml),
	    cmocka_unit_test(duplicate_id_names_first_definition),
	    cmocka_unit_test(duplicate_key_first_is_used),
	    cmocka_unit_test(ids_checked_at_every_position),
	    cmocka_unit_test(file_kind_from_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
