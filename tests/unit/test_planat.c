/* test_planat.c - lib/planat.c over a repository built by the test
 * (histrepo.h, the plan below plan/), with a sixth commit on 2026-09-01
 * whose calendar does not parse: the plan of a commit read below a
 * directory of its tree, mended or not, a commit that cannot be read, and
 * the plan as of a moment. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "histrepo.h"

#include "strat/planat.h"

static char dir[64];

static int
setup(void **state)
{
	char plan[128];

	if (sh_tmpdir(state, dir, sizeof(dir), "planat") < 0)
		return -1;
	histrepo_build(dir, "plan");
	snprintf(plan, sizeof(plan), "%s/plan", dir);
	histrepo_put(plan, "calendar/q3.yaml",
		     "kind: calendar\nversion: 1\nitems: [\n");
	histrepo_commit(dir, "2026-09-01T10:00:00Z", "break the calendar");
	return 0;
}

static strat_repo *
open_at(const char *rev, strat_oid *id)
{
	strat_repo *repo;

	assert_int_equal(strat_repo_open(&repo, dir), 0);
	assert_int_equal(strat_repo_resolve(repo, rev, id), 0);
	return repo;
}

/* Whether diags has an error of rule on file. */
static int
has_error(const strat_diags *d, strat_rule rule, const char *file)
{
	size_t i;

	for (i = 0; i < strat_diags_count(d); i++) {
		const strat_diag *g = strat_diags_get(d, i);

		if (g->rule == rule && g->severity == STRAT_SEV_ERROR &&
		    strcmp(g->file, file) == 0)
			return 1;
	}
	return 0;
}

/* The plan of id read below root, mended when mends is not NULL (the
 * findings of stand-ins to md), its findings in a new *d. */
static strat_plan *
load(strat_repo *repo, const strat_oid *id, const char *root,
     strat_mends **mends, strat_diags **d, strat_diags *md)
{
	strat_plan *plan;

	assert_int_equal(strat_diags_new(d), 0);
	assert_int_equal(
	    strat_plan_load_commit(&plan, mends, repo, id, root, NULL, *d, md),
	    0);
	return plan;
}

/* The first commit's plan, read below plan/: paths relative to it; the
 * top of the same tree holds no plan. */
static void
test_load_commit(void **state)
{
	strat_repo *repo;
	strat_plan *plan;
	strat_diags *d;
	strat_oid id;
	const strat_item *b;

	(void)state;
	repo = open_at("HEAD~5", &id);
	plan = load(repo, &id, "plan", NULL, &d, NULL);
	assert_int_equal(strat_plan_item_count(plan), 3);
	assert_non_null(b = strat_plan_find_item(plan, "b"));
	assert_string_equal(b->file, "calendar/q3.yaml");
	assert_int_equal(b->date, histrepo_time("2026-07-20") / 86400);
	assert_int_equal(b->status, STRAT_STATUS_PLANNED);
	assert_int_equal(strat_diags_count(d), 0);
	strat_plan_free(plan);
	strat_diags_free(d);

	plan = load(repo, &id, NULL, NULL, &d, NULL);
	assert_int_equal(strat_plan_item_count(plan), 0);
	assert_true(has_error(d, STRAT_RULE_FILE_UNREADABLE, "strategy.yaml"));
	strat_plan_free(plan);
	strat_diags_free(d);
	strat_repo_free(repo);
}

/* The calendar of HEAD does not parse: with mends its items come from
 * HEAD~1, the findings of HEAD stay as they are; without, it has none. */
static void
test_mended(void **state)
{
	strat_repo *repo;
	strat_plan *plan;
	strat_mends *mends;
	strat_diags *d, *md;
	strat_oid id, prev;

	(void)state;
	repo = open_at("HEAD~1", &prev);
	assert_int_equal(strat_repo_resolve(repo, "HEAD", &id), 0);
	assert_int_equal(strat_diags_new(&md), 0);
	plan = load(repo, &id, "plan", &mends, &d, md);
	assert_int_equal(mends->nfiles, 1);
	assert_string_equal(mends->files[0].file, "calendar/q3.yaml");
	assert_int_equal(mends->files[0].found, 1);
	assert_true(strat_oid_equal(&mends->files[0].commit, &prev));
	assert_int_equal(strat_plan_item_count(plan), 5);
	assert_int_equal(strat_plan_find_item(plan, "e")->status,
			 STRAT_STATUS_IN_PROGRESS);
	assert_true(has_error(d, STRAT_RULE_YAML_SYNTAX, "calendar/q3.yaml"));
	assert_false(has_error(md, STRAT_RULE_YAML_SYNTAX, "calendar/q3.yaml"));
	strat_mends_free(mends);
	strat_plan_free(plan);
	strat_diags_free(d);
	strat_diags_free(md);

	plan = load(repo, &id, "plan", NULL, &d, NULL);
	assert_int_equal(strat_plan_item_count(plan), 0);
	assert_true(has_error(d, STRAT_RULE_YAML_SYNTAX, "calendar/q3.yaml"));
	strat_plan_free(plan);
	strat_diags_free(d);
	strat_repo_free(repo);
}

/* A commit that is not there is an error, with nothing to free. */
static void
test_missing_commit(void **state)
{
	strat_repo *repo;
	strat_plan *plan = (strat_plan *)&plan;
	strat_mends *mends = (strat_mends *)&mends;
	strat_diags *d;
	strat_oid id;

	(void)state;
	repo = open_at("HEAD", &id);
	memset(&id, 0x5a, sizeof(id));
	assert_int_equal(strat_diags_new(&d), 0);
	assert_true(strat_plan_load_commit(&plan, &mends, repo, &id, "plan",
					   NULL, d, NULL) < 0);
	assert_null(plan);
	assert_null(mends);
	assert_true(strat_error_last()[0] != '\0');
	strat_diags_free(d);
	strat_repo_free(repo);
}

/* The plan as of a moment reads the commit before it the same way. */
static void
test_as_of(void **state)
{
	strat_repo *repo;
	strat_plan *plan;
	strat_mends *mends;
	strat_diags *d;
	strat_oid head, id, want;
	int64_t time;

	(void)state;
	repo = open_at("HEAD~4", &want);
	assert_int_equal(strat_repo_resolve(repo, "HEAD", &head), 0);
	assert_int_equal(strat_diags_new(&d), 0);
	assert_int_equal(strat_plan_as_of(&plan, &mends, &id, &time, repo,
					  &head, histrepo_time("2026-07-13"),
					  "plan", NULL, d),
			 1);
	assert_true(strat_oid_equal(&id, &want));
	assert_int_equal(time, histrepo_time("2026-07-12") + 10 * 3600);
	assert_int_equal(mends->nfiles, 0);
	assert_int_equal(strat_plan_find_item(plan, "b")->date,
			 histrepo_time("2026-08-05") / 86400);
	strat_mends_free(mends);
	strat_plan_free(plan);
	assert_int_equal(strat_plan_as_of(&plan, &mends, &id, &time, repo,
					  &head, histrepo_time("2026-07-01"),
					  "plan", NULL, d),
			 0);
	assert_null(plan);
	strat_diags_free(d);
	strat_repo_free(repo);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_load_commit),
	    cmocka_unit_test(test_mended),
	    cmocka_unit_test(test_missing_commit),
	    cmocka_unit_test(test_as_of),
	};

	return cmocka_run_group_tests(tests, setup, sh_teardown);
}
