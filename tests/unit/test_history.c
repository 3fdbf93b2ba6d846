/* test_history.c - lib/history.c over a repository built by the test
 * (histrepo.h): the plan-changing commits and their metadata, the
 * versions each item went through, the plan at a moment, reasons from
 * Why: trailers, a plan below the top, reuse on and off giving the same
 * history, and a walk cut short. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "histrepo.h"

#include "strat/history.h"

static char top[64], sub[64];

static int
setup(void **state)
{
	(void)state;
	snprintf(top, sizeof(top), "/tmp/strat-test-history.XXXXXX");
	snprintf(sub, sizeof(sub), "/tmp/strat-test-history.XXXXXX");
	if (mkdtemp(top) == NULL || mkdtemp(sub) == NULL)
		return -1;
	histrepo_build(top, "");
	histrepo_build(sub, "plan");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	sh("rm -rf %s %s", top, sub);
	return 0;
}

static strat_history *
build(const char *dir, const char *root, int no_reuse, size_t max,
      strat_repo **repo)
{
	strat_history_options o = STRAT_HISTORY_OPTIONS_INIT;
	strat_history *h;
	strat_oid tip;

	o.root = root;
	o.no_reuse = no_reuse;
	o.max_commits = max;
	assert_int_equal(strat_repo_open(repo, dir), 0);
	assert_int_equal(strat_repo_resolve(*repo, "HEAD", &tip), 0);
	assert_int_equal(strat_history_build(&h, *repo, &tip, &o), 0);
	return h;
}

/* "id: c0 date status, c1 ..." for every track, one line each. */
static char *
tracks_text(const strat_history *h)
{
	static char buf[4096];
	size_t i, j, len = 0;

	buf[0] = '\0';
	for (i = 0; i < h->ntracks; i++) {
		const strat_htrack *t = &h->tracks[i];

		len += (size_t)snprintf(buf + len, sizeof(buf) - len,
					"%s:", t->id);
		for (j = 0; j < t->nversions; j++) {
			const strat_hversion *v = &t->versions[j];
			char d[11] = "-";

			if (v->v && v->v->date != STRAT_NO_DATE)
				strat_date_format(v->v->date, d);
			len += (size_t)snprintf(
			    buf + len, sizeof(buf) - len, " c%u %s %s %s",
			    (unsigned)v->commit, v->v ? d : "gone",
			    v->v ? strat_status_name(v->v->status) : "",
			    v->file ? v->file : "-");
		}
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "\n");
		assert_true(len < sizeof(buf));
	}
	return buf;
}

static const char want_tracks[] =
    "a: c0 2026-07-10 planned calendar/q3.yaml c1 2026-07-10 shipped "
    "calendar/q3.yaml\n"
    "b: c0 2026-07-20 planned calendar/q3.yaml c1 2026-08-05 planned "
    "calendar/q3.yaml c3 2026-08-05 shipped calendar/q3.yaml\n"
    "c: c0 2026-08-10 planned calendar/q3.yaml c2 2026-08-10 dropped "
    "calendar/q3.yaml\n"
    "d: c2 2026-08-15 planned calendar/q3.yaml c3 2026-08-15 shipped "
    "calendar/q3.yaml\n"
    "e: c3 2026-09-20 in-progress calendar/q3.yaml\n";

static void
test_build(void **state)
{
	strat_repo *repo;
	strat_history *h;
	const char *summaries[] = {"Q3 plan", "ship a, slip b", "drop c, add d",
				   "ship b and d"};
	const char *times[] = {"2026-07-01", "2026-07-12", "2026-08-01",
			       "2026-08-20"};
	size_t i;

	(void)state;
	h = build(top, NULL, 0, 0, &repo);
	assert_int_equal(h->ncommits, 4);
	assert_int_equal(h->walked, 5);
	assert_int_equal(h->plan_versions, 4);
	assert_int_equal(h->truncated, 0);
	assert_int_equal(h->shallow, 0);
	assert_int_equal(h->has_plan, 1);
	assert_int_equal(h->first_plan, 0);
	assert_int_equal(h->week_starts, 1);
	assert_int_equal(h->stale_days, 14);
	assert_int_equal(h->grace_days, 0);
	assert_int_equal(h->nwarnings, 0);
	for (i = 0; i < 4; i++) {
		assert_string_equal(h->commits[i].summary, summaries[i]);
		assert_string_equal(h->commits[i].author, "Tester");
		assert_string_equal(h->commits[i].email, "t@example.com");
		assert_int_equal(h->commits[i].time,
				 histrepo_time(times[i]) + 36000);
		assert_null(h->commits[i].why);
	}
	assert_int_equal(h->newest.time, histrepo_time("2026-08-20") + 36000);
	assert_int_equal(h->oldest.time, histrepo_time("2026-07-01") + 36000);
	assert_string_equal(tracks_text(h), want_tracks);

	/* reasons: the Why: trailer where there is one, else the summary */
	assert_string_equal(strat_hcommit_reason(&h->commits[2]),
			    "drop c, add d");
	assert_int_equal(strat_history_read_reasons(h, repo, NULL), 0);
	assert_string_equal(h->commits[2].why, "budget cut");
	assert_string_equal(strat_hcommit_reason(&h->commits[2]), "budget cut");
	assert_null(h->commits[0].why);
	assert_string_equal(strat_hcommit_reason(&h->commits[0]), "Q3 plan");
	strat_history_free(h);
	strat_repo_free(repo);
}

/* The plan at a moment: the newest version committed before it. */
static void
test_at(void **state)
{
	strat_repo *repo;
	strat_history *h;
	const strat_hversion *v;
	const strat_htrack *b, *d;

	(void)state;
	h = build(top, "", 0, 0, &repo);
	b = &h->tracks[1];
	d = &h->tracks[3];
	assert_string_equal(b->id, "b");
	assert_null(strat_history_at(h, b, histrepo_time("2026-07-01")));
	v = strat_history_at(h, b, histrepo_time("2026-07-02"));
	assert_int_equal(v->commit, 0);
	assert_int_equal(v->v->date, histrepo_time("2026-07-20") / 86400);
	v = strat_history_at(h, b, histrepo_time("2026-08-01"));
	assert_int_equal(v->commit, 1);
	assert_int_equal(v->v->date, histrepo_time("2026-08-05") / 86400);
	assert_int_equal(v->v->status, STRAT_STATUS_PLANNED);
	v = strat_history_at(h, b, histrepo_time("2030-01-01"));
	assert_int_equal(v->v->status, STRAT_STATUS_SHIPPED);
	assert_int_equal(v->v->shipped, histrepo_time("2026-08-06") / 86400);
	assert_string_equal(v->v->owner, "sam");
	assert_string_equal(v->v->anchor, "q3-events");
	assert_string_equal(v->v->title, "Item b");
	assert_null(strat_history_at(h, d, histrepo_time("2026-08-01")));
	assert_non_null(strat_history_at(h, d, histrepo_time("2026-08-02")));
	strat_history_free(h);
	strat_repo_free(repo);
}

/* Reuse off, and the plan below the top: the same history. */
static void
test_same_history(void **state)
{
	strat_repo *repo;
	strat_history *h;

	(void)state;
	h = build(top, NULL, 1, 0, &repo);
	assert_int_equal(h->ncommits, 4);
	assert_int_equal(h->reused_files + h->reused_chunks, 0);
	assert_string_equal(tracks_text(h), want_tracks);
	strat_history_free(h);
	strat_repo_free(repo);

	h = build(sub, "plan", 0, 0, &repo);
	assert_int_equal(h->ncommits, 4);
	assert_int_equal(h->walked, 5);
	assert_string_equal(tracks_text(h), want_tracks);
	strat_history_free(h);
	strat_repo_free(repo);

	/* the top of that repository holds no plan */
	{
		strat_history_options o = STRAT_HISTORY_OPTIONS_INIT;
		strat_oid tip;

		assert_int_equal(strat_repo_open(&repo, sub), 0);
		assert_int_equal(strat_repo_resolve(repo, "HEAD", &tip), 0);
		assert_int_equal(strat_history_build(&h, repo, &tip, &o),
				 STRAT_ENOTFOUND);
		assert_null(h);
		strat_repo_free(repo);
	}
}

/* max_commits: the newest commits only, marked truncated; the plan of
 * the oldest one read is the baseline. */
static void
test_truncated(void **state)
{
	strat_repo *repo;
	strat_history *h;

	(void)state;
	h = build(top, NULL, 0, 3, &repo);
	assert_int_equal(h->walked, 3);
	assert_int_equal(h->truncated, 1);
	/* the oldest commit read stands for the plan before it */
	assert_int_equal(h->ncommits, 3);
	assert_string_equal(h->commits[0].summary, "readme");
	assert_string_equal(h->commits[1].summary, "drop c, add d");
	assert_string_equal(h->tracks[0].id, "a");
	assert_int_equal(h->ntracks, 5);
	strat_history_free(h);
	strat_repo_free(repo);
}

/* The repository's own calls: a path's id in a commit, a detached HEAD,
 * the last error and its clearing. */
static void
test_repo(void **state)
{
	strat_repo *repo;
	strat_oid tip, id, dir;
	char hex[41], want[128];
	FILE *f;

	(void)state;
	assert_int_equal(strat_repo_open(&repo, sub), 0);
	assert_int_equal(strat_repo_resolve(repo, "HEAD", &tip), 0);
	assert_int_equal(
	    strat_commit_path_id(repo, &tip, "plan/calendar/q3.yaml", &id), 0);
	strat_oid_fmt(&id, hex);
	sh("cd %s && git rev-parse HEAD:plan/calendar/q3.yaml > ../%s.id", sub,
	   strrchr(sub, '/') + 1);
	snprintf(want, sizeof(want), "%s.id", sub);
	assert_non_null(f = fopen(want, "r"));
	assert_non_null(fgets(want, sizeof(want), f));
	fclose(f);
	want[40] = '\0';
	assert_string_equal(hex, want);
	assert_int_equal(strat_commit_path_id(repo, &tip, "plan", &dir), 0);
	assert_false(strat_oid_equal(&dir, &id));
	assert_int_equal(strat_commit_path_id(repo, &tip, "plan/none", &id),
			 STRAT_ENOTFOUND);

	assert_int_equal(strat_repo_head_detached(repo), 0);
	assert_true(strat_repo_resolve(repo, "no-such-rev", &id) < 0);
	assert_true(strlen(strat_error_last()) > 0);
	strat_error_clear();
	assert_string_equal(strat_error_last(), "");
	strat_repo_free(repo);

	sh("cd %s && git checkout -q --detach HEAD~1", sub);
	assert_int_equal(strat_repo_open(&repo, sub), 0);
	assert_int_equal(strat_repo_head_detached(repo), 1);
	strat_repo_free(repo);
	sh("cd %s && git checkout -q main && rm -f %s.id", sub, sub);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_build),
	    cmocka_unit_test(test_at),
	    cmocka_unit_test(test_same_history),
	    cmocka_unit_test(test_truncated),
	    cmocka_unit_test(test_repo),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
