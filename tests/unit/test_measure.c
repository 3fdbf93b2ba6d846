/* test_measure.c - lib/measure.c over the history of histrepo.h: period
 * labels and bounds, the figures of each month and of the quarter
 * (committed, shipped, slipped, dropped, unplanned, open), the items of a
 * period and when they were decided, slips, flow, staleness, groups by
 * owner and anchor, and a grace window. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "histrepo.h"

#include "strat/history.h"

static char dir[64];
static strat_repo *repo;
static strat_history *hist;

static int
setup(void **state)
{
	strat_oid tip;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/strat-test-measure.XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	histrepo_build(dir, "");
	assert_int_equal(strat_repo_open(&repo, dir), 0);
	assert_int_equal(strat_repo_resolve(repo, "HEAD", &tip), 0);
	assert_int_equal(strat_history_build(&hist, repo, &tip, NULL), 0);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	strat_history_free(hist);
	strat_repo_free(repo);
	sh("rm -rf %s", dir);
	return 0;
}

static strat_day
day(const char *s)
{
	strat_day d;

	assert_int_equal(strat_date_parse(s, &d), 0);
	return d;
}

static strat_measures *
measure(strat_period_kind k, const char *today, int grace)
{
	strat_measure_options o = STRAT_MEASURE_OPTIONS_INIT;
	strat_measures *m;

	o.kind = k;
	o.today = day(today);
	o.grace_days = grace;
	assert_int_equal(strat_measure(&m, hist, &o), 0);
	return m;
}

/* "LABEL first..last committed S/SL/D/M/O/U [partial] [baseline]:
 * id=cat ..." per period. */
static char *
periods_text(const strat_measures *m)
{
	static char buf[4096];
	size_t i, j, len = 0;

	buf[0] = '\0';
	for (i = 0; i < m->nperiods; i++) {
		const strat_period *p = &m->periods[i];
		char f[11], l[11];

		strat_date_format(p->first, f);
		strat_date_format(p->last, l);
		len += (size_t)snprintf(
		    buf + len, sizeof(buf) - len,
		    "%s %s..%s %zu %zu/%zu/%zu/%zu/%zu/%zu%s%s:", p->label, f,
		    l, p->committed, p->n[STRAT_CAT_SHIPPED],
		    p->n[STRAT_CAT_SLIPPED], p->n[STRAT_CAT_DROPPED],
		    p->n[STRAT_CAT_MISSED], p->n[STRAT_CAT_OPEN],
		    p->n[STRAT_CAT_UNPLANNED], p->partial ? " partial" : "",
		    p->baseline ? " baseline" : "");
		for (j = 0; j < p->nitems; j++)
			len += (size_t)snprintf(
			    buf + len, sizeof(buf) - len, " %s=%s",
			    hist->tracks[p->items[j].track].id,
			    strat_category_name(p->items[j].cat));
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "\n");
		assert_true(len < sizeof(buf));
	}
	return buf;
}

static void
test_period_of(void **state)
{
	char label[16];
	strat_day f, l;

	(void)state;
	strat_period_of(STRAT_PERIOD_QUARTER, 1, day("2026-08-15"), label, &f,
			&l);
	assert_string_equal(label, "2026-Q3");
	assert_int_equal(f, day("2026-07-01"));
	assert_int_equal(l, day("2026-09-30"));
	strat_period_of(STRAT_PERIOD_MONTH, 1, day("2028-02-10"), label, &f,
			&l);
	assert_string_equal(label, "2028-02");
	assert_int_equal(l, day("2028-02-29"));
	strat_period_of(STRAT_PERIOD_MONTH, 1, day("2026-12-31"), label, &f,
			&l);
	assert_string_equal(label, "2026-12");
	assert_int_equal(f, day("2026-12-01"));
	/* weeks: ISO on Mondays; a Sunday week is labelled by its Monday */
	strat_period_of(STRAT_PERIOD_WEEK, 1, day("2027-01-01"), label, &f, &l);
	assert_string_equal(label, "2026-W53");
	assert_int_equal(f, day("2026-12-28"));
	assert_int_equal(l, day("2027-01-03"));
	strat_period_of(STRAT_PERIOD_WEEK, 0, day("2026-05-03"), label, &f, &l);
	assert_string_equal(label, "2026-W19");
	assert_int_equal(f, day("2026-05-03"));
	assert_int_equal(l, day("2026-05-09"));
	assert_string_equal(strat_category_name(STRAT_CAT_UNPLANNED),
			    "unplanned");
	assert_string_equal(strat_category_name(STRAT_CAT_SLIPPED), "slipped");
}

static void
test_months(void **state)
{
	strat_measures *m;

	(void)state;
	m = measure(STRAT_PERIOD_MONTH, "2026-09-15", -1);
	assert_int_equal(m->kind, STRAT_PERIOD_MONTH);
	assert_int_equal(m->today, day("2026-09-15"));
	/* July: the first commit's plan stands for its start; b slipped
	 * out of it.  August: b shipped, c dropped, d added and shipped.
	 * September: e (added in August) still open. */
	assert_string_equal(
	    periods_text(m),
	    "2026-07 2026-07-01..2026-07-31 2 1/1/0/0/0/0 baseline: "
	    "a=shipped b=slipped\n"
	    "2026-08 2026-08-01..2026-08-31 2 1/0/1/0/0/1: b=shipped "
	    "c=dropped d=unplanned\n"
	    "2026-09 2026-09-01..2026-09-30 1 0/0/0/0/1/0 partial: e=open\n");
	assert_int_equal(m->periods[2].overdue, 0);
	strat_measures_free(m);

	/* since and until bound the periods */
	{
		strat_measure_options o = STRAT_MEASURE_OPTIONS_INIT;

		o.kind = STRAT_PERIOD_MONTH;
		o.today = day("2026-09-15");
		o.since = day("2026-08-10");
		o.until = day("2026-08-31");
		assert_int_equal(strat_measure(&m, hist, &o), 0);
		assert_int_equal(m->nperiods, 1);
		assert_string_equal(m->periods[0].label, "2026-08");
		assert_int_equal(m->periods[0].committed, 2);
		strat_measures_free(m);
	}
	/* e is overdue once its date has passed */
	m = measure(STRAT_PERIOD_MONTH, "2026-09-25", -1);
	assert_int_equal(m->periods[2].n[STRAT_CAT_OPEN], 1);
	assert_int_equal(m->periods[2].overdue, 1);
	assert_int_equal(m->periods[2].items[0].overdue, 1);
	strat_measures_free(m);
}

/* The quarter: when each item was decided, the slip, the flow of the
 * work shipped, staleness. */
static void
test_quarter(void **state)
{
	strat_measures *m;
	const strat_period *p;
	const char *ids[] = {"a", "b", "c", "d"};
	const uint32_t commits[] = {1, 3, 2, 3};
	const char *days[] = {"2026-07-12", "2026-08-20", "2026-08-01",
			      "2026-08-20"};
	size_t i;

	(void)state;
	m = measure(STRAT_PERIOD_QUARTER, "2026-09-15", -1);
	assert_string_equal(periods_text(m),
			    "2026-Q3 2026-07-01..2026-09-30 3 2/0/1/0/0/1 "
			    "partial baseline: a=shipped b=shipped c=dropped "
			    "d=unplanned\n");
	p = &m->periods[0];
	for (i = 0; i < 4; i++) {
		assert_string_equal(hist->tracks[p->items[i].track].id, ids[i]);
		assert_int_equal(p->items[i].commit, commits[i]);
		assert_int_equal(p->items[i].decided,
				 histrepo_time(days[i]) + 36000);
	}
	assert_null(p->items[3].v0);
	assert_int_equal(p->items[2].v1->status, STRAT_STATUS_DROPPED);

	assert_int_equal(m->nslips, 1);
	assert_string_equal(m->slips[0].id, "b");
	assert_int_equal(m->slips[0].slips, 1);
	assert_int_equal(m->slips[0].days, 16);
	assert_int_equal(m->slips[0].from, day("2026-07-20"));
	assert_int_equal(m->slips[0].to, day("2026-08-05"));
	assert_int_equal(m->slips[0].commit, 1);

	/* lead times 10, 17 and 36 days; b slipped once by 16 days */
	assert_int_equal(p->flow.shipped, 3);
	assert_int_equal(p->flow.n, 3);
	assert_true(p->flow.lead_median == 17.0);
	assert_true(p->flow.slips_median == 0.0);
	assert_int_equal(p->flow.lead_p80, 36);
	assert_int_equal(p->flow.slips_p80, 1);
	assert_int_equal(p->flow.days_p80, 16);
	/* 3 items in the 11 weeks from July 1st to September 15th */
	assert_true(p->flow.per_week > 3.0 / 11 - 1e-9 &&
		    p->flow.per_week < 3.0 / 11 + 1e-9);
	assert_int_equal(m->iflow[1].lead, 36);
	assert_int_equal(m->iflow[1].ship_day, day("2026-08-06"));
	assert_int_equal(m->iflow[2].shipped, 0);
	assert_int_equal(m->iflow[2].ship_day, STRAT_NO_DATE);

	/* e has been in progress untouched since August 20th, and so has
	 * the plan */
	assert_int_equal(m->nstale, 1);
	assert_string_equal(hist->tracks[m->stale[0].track].id, "e");
	assert_int_equal(m->stale[0].since, day("2026-08-20"));
	assert_int_equal(m->stale[0].days, 26);
	assert_int_equal(m->plan_updated, day("2026-08-20"));
	assert_int_equal(m->plan_stale, 1);
	strat_measures_free(m);

	/* three days after the last commit nothing is stale */
	m = measure(STRAT_PERIOD_QUARTER, "2026-08-23", -1);
	assert_int_equal(m->nstale, 0);
	assert_int_equal(m->plan_stale, 0);
	strat_measures_free(m);
}

/* Slip and decision lookups on a track. */
static void
test_decided_slipped(void **state)
{
	const strat_htrack *b = &hist->tracks[1];
	int64_t when;

	(void)state;
	assert_int_equal(
	    strat_history_decided_at(hist, b, &b->versions[2], 0, &when), 3);
	assert_int_equal(when, histrepo_time("2026-08-20") + 36000);
	/* dated after July 31st at its last version: since commit 1 */
	assert_int_equal(strat_history_slipped_at(hist, b, &b->versions[2],
						  day("2026-07-31"), &when),
			 1);
	assert_int_equal(when, histrepo_time("2026-07-12") + 36000);
}

/* Totals by owner and flow by anchor. */
static void
test_groups(void **state)
{
	strat_measures *m;
	strat_group *g;
	strat_flow_group *fg;
	size_t n;

	(void)state;
	m = measure(STRAT_PERIOD_QUARTER, "2026-09-15", -1);
	assert_int_equal(strat_measure_group(&g, &n, m, STRAT_BY_OWNER), 0);
	assert_int_equal(n, 3);
	assert_string_equal(g[0].key, "alex");
	assert_int_equal(g[0].committed, 1);
	assert_int_equal(g[0].n[STRAT_CAT_SHIPPED], 1);
	assert_int_equal(g[0].n[STRAT_CAT_UNPLANNED], 1);
	assert_string_equal(g[1].key, "dana");
	assert_int_equal(g[1].n[STRAT_CAT_DROPPED], 1);
	assert_string_equal(g[2].key, "sam");
	assert_int_equal(g[2].n[STRAT_CAT_SHIPPED], 1);
	free(g);
	assert_int_equal(
	    strat_measure_group_period(&g, &n, m, 0, STRAT_BY_CHANNEL), 0);
	assert_int_equal(n, 1);
	assert_string_equal(g[0].key, "blog");
	assert_int_equal(g[0].committed, 3);
	free(g);
	assert_int_equal(strat_measure_flow_group(&fg, &n, m, 0, m->nperiods,
						  STRAT_BY_ANCHOR),
			 0);
	assert_int_equal(n, 2);
	assert_string_equal(fg[0].key, "q3-events");
	assert_true(fg[0].flow.lead_median == 36.0);
	assert_string_equal(fg[1].key, "q3-organic");
	assert_int_equal(fg[1].flow.shipped, 2);
	assert_true(fg[1].flow.lead_median == 13.5);
	free(fg);
	strat_measures_free(m);
}

/* Weeks: b, dated in week 32 and recorded shipped on August 20th, is
 * missed there; a grace window of 14 days counts it shipped. */
static void
test_grace(void **state)
{
	strat_measures *m;
	size_t i;

	(void)state;
	m = measure(STRAT_PERIOD_WEEK, "2026-09-15", 0);
	assert_int_equal(m->nperiods, 12);
	assert_string_equal(m->periods[0].label, "2026-W27");
	for (i = 0; i < m->nperiods; i++)
		if (strcmp(m->periods[i].label, "2026-W32") == 0)
			break;
	assert_int_equal(m->periods[i].n[STRAT_CAT_MISSED], 1);
	assert_int_equal(m->periods[i].graced, 0);
	strat_measures_free(m);
	m = measure(STRAT_PERIOD_WEEK, "2026-09-15", 14);
	assert_int_equal(m->grace_days, 14);
	assert_int_equal(m->periods[i].n[STRAT_CAT_MISSED], 0);
	assert_int_equal(m->periods[i].n[STRAT_CAT_SHIPPED], 1);
	assert_int_equal(m->periods[i].graced, 1);
	assert_int_equal(m->periods[i].items[0].graced, 1);
	/* d, dated in week 33 and shipped in week 34, stays missed */
	assert_int_equal(m->periods[i + 1].n[STRAT_CAT_MISSED], 1);
	strat_measures_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_period_of),
	    cmocka_unit_test(test_months),
	    cmocka_unit_test(test_quarter),
	    cmocka_unit_test(test_decided_slipped),
	    cmocka_unit_test(test_groups),
	    cmocka_unit_test(test_grace),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
