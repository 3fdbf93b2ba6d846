/* test_sources.c - file text for excerpts, kept at the load or read
 * again once the findings are known (STRAT_SOURCES_LATER), and files read
 * in pieces (strat_source.open). */
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
	strat_source src = {one_list, one_read, NULL, NULL, NULL};
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

/* The same calendar read in pieces (strat_source.open): at most 1000
 * bytes a call, as a pipe or a slow disk may give them. */
static int opens, closes;

typedef struct {
	size_t at;
} onestream;

static int
one_stream_read(void *s, char *buf, size_t cap, size_t *got)
{
	onestream *o = s;
	size_t n = strlen(calendar) - o->at;

	if (n > cap)
		n = cap;
	if (n > 1000)
		n = 1000;
	memcpy(buf, calendar + o->at, n);
	o->at += n;
	*got = n;
	return 0;
}

static void
one_stream_close(void *s)
{
	closes++;
	free(s);
}

static int
one_open(void *ctx, const char *path, strat_stream *out)
{
	(void)ctx;
	if (strcmp(path, "calendar/a.yaml") != 0)
		return STRAT_ENOTFOUND;
	opens++;
	out->s = calloc(1, sizeof(onestream));
	assert_non_null(out->s);
	out->read = one_stream_read;
	out->close = one_stream_close;
	out->size = strlen(calendar);
	return 0;
}

/* A calendar of n items, the one at `bad_at` with an invalid id (or a
 * tab before its title, a syntax error, when tab is set). */
static char *
big_calendar(size_t n, size_t bad_at, int tab)
{
	size_t cap = 64 + n * 64, len = 0, i;
	char *b = malloc(cap);

	assert_non_null(b);
	len += (size_t)snprintf(b, cap, "kind: calendar\nversion: 1\nitems:\n");
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(
		    b + len, cap - len, "  - id: %s%06zu\n%s  title: t\n",
		    i == bad_at && !tab ? "Not_An_Id" : "item-", i,
		    i == bad_at && tab ? "\t" : "  ");
	return b;
}

/* Load a calendar read in pieces with STRAT_SOURCES_LATER and lint it:
 * its findings are those of the calendar read whole (KEEP), and the
 * excerpts read afterwards are there (the size and hash kept are the
 * whole file's), for a file of many pieces and for one whose parse
 * stopped early. */
static void
streamed_as_kept(void **state)
{
	static const struct {
		size_t n, bad_at;
		int tab;
	} cases[] = {{3, 1, 0}, {3000, 100, 0}, {3000, 10, 1}, {3000, 2990, 1}};
	size_t c, i, len, seen = 0;

	(void)state;
	for (c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		strat_source whole = {one_list, one_read, NULL, NULL, NULL};
		strat_source src = {one_list, one_read, NULL, NULL, one_open};
		strat_load_options keep = STRAT_LOAD_OPTIONS_INIT,
				   later = STRAT_LOAD_OPTIONS_INIT;
		strat_plan *pk = NULL, *pl = NULL;
		strat_diags *dk = NULL, *dl = NULL;
		char *text =
		    big_calendar(cases[c].n, cases[c].bad_at, cases[c].tab);

		calendar = text;
		reads = opens = closes = 0;
		keep.keep_sources = STRAT_SOURCES_KEEP;
		later.keep_sources = STRAT_SOURCES_LATER;
		assert_int_equal(strat_diags_new(&dk), 0);
		assert_int_equal(strat_diags_new(&dl), 0);
		assert_int_equal(strat_plan_load(&pk, &whole, &keep, dk), 0);
		assert_int_equal(strat_lint(pk, &keep, dk), 0);
		assert_int_equal(reads, 1);
		/* KEEP needs the text whole: read(), not open() */
		assert_int_equal(opens, 0);
		reads = 0;
		assert_int_equal(strat_plan_load(&pl, &src, &later, dl), 0);
		assert_int_equal(strat_lint(pl, &later, dl), 0);
		assert_int_equal(opens, 1);
		assert_int_equal(closes, 1);
		/* read whole again only to quote a syntax error */
		assert_int_equal(reads, cases[c].tab ? 1 : 0);
		assert_int_equal(strat_plan_item_count(pl),
				 strat_plan_item_count(pk));
		assert_int_equal(strat_plan_read_sources(pl, &src, dl), 0);
		assert_int_equal(strat_diags_count(dl), strat_diags_count(dk));
		assert_true(strat_diags_count(dl) > 0);
		for (i = 0; i < strat_diags_count(dk); i++) {
			const strat_diag *x = strat_diags_get(dk, i),
					 *y = strat_diags_get(dl, i);
			const char *ex, *ey;
			size_t lx = 0;

			assert_int_equal(x->rule, y->rule);
			assert_int_equal(x->line, y->line);
			assert_int_equal(x->column, y->column);
			assert_string_equal(x->message, y->message);
			if (strcmp(x->file, "calendar/a.yaml") != 0)
				continue; /* no strategy, no team */
			if (x->line == 0)
				continue; /* the findings cap */
			seen++;
			ex = strat_plan_source_line(pk, x->file, x->line, &lx);
			ey = strat_plan_source_line(pl, y->file, y->line, &len);
			assert_non_null(ex);
			assert_non_null(ey);
			assert_int_equal(lx, len);
			assert_memory_equal(ex, ey, len);
		}
		assert_true(seen > 0);
		strat_plan_free(pk);
		strat_plan_free(pl);
		strat_diags_free(dk);
		strat_diags_free(dl);
		free(text);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(kept_at_load),
	    cmocka_unit_test(read_later_when_unchanged),
	    cmocka_unit_test(none_when_changed_since),
	    cmocka_unit_test(none_before_read),
	    cmocka_unit_test(streamed_as_kept),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
