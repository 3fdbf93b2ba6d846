/* test_reason.c - strat_history_change finds the commit that slipped or
 * dropped an item; strat_commit_reason gives its Why: trailer (as git
 * reads trailers), else its summary, with its author. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sh.h"
#include "strat/git.h"
#include "strat/history.h"

static char dir[64];

/* item ID DATE STATUS as a calendar line set */
#define ITEM(id, date, status)                                            \
	"  - id: " id "\\n    title: T\\n    anchor: q\\n    owner: o\\n" \
	"    channel: blog\\n    date: " date "\\n    status: " status "\\n"

static void
commit(const char *day, const char *items, const char *author,
       const char *msg)
{
	sh("cd %s && printf 'kind: calendar\\nversion: 1\\nitems:\\n%s' > "
	   "calendar/q3.yaml && git add -A && GIT_AUTHOR_NAME='%s' "
	   "GIT_AUTHOR_DATE=%sT12:00:00Z GIT_COMMITTER_DATE=%sT12:00:00Z "
	   "git commit -q -F - <<'EOF'\n%s\nEOF",
	   dir, items, author, day, day, msg);
}

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/strat-test-reason-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	sh("cd %s && git init -q && mkdir calendar && "
	   "git config user.email t@example.com && git config user.name T",
	   dir);
	commit("2026-07-01", ITEM("a", "2026-07-10", "planned")
		   ITEM("b", "2026-07-20", "planned"),
	       "Ann", "plan for Q3");
	commit("2026-07-05", ITEM("a", "2026-07-24", "planned")
		   ITEM("b", "2026-07-20", "planned"),
	       "Ben", "plan: slip a to 2026-07-24\n\nWhy: waiting for legal");
	commit("2026-07-06", ITEM("a", "2026-07-24", "planned")
		   ITEM("b", "2026-07-20", "dropped"),
	       "Cy", "plan: drop b");
	commit("2026-07-07", ITEM("a", "2026-07-31", "planned")
		   ITEM("b", "2026-07-20", "dropped"),
	       "Di",
	       "plan: slip a again\n\nThe body says more.\n\n"
	       "Why: the speaker moved\nSigned-off-by: Di <d@example.com>");
	commit("2026-07-08", ITEM("a", "2026-07-15", "planned")
		   ITEM("b", "2026-07-20", "dropped"),
	       "Ed", "plan: pull a in\n\nWhy: ready early");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	sh("rm -rf %s", dir);
	return 0;
}

static const strat_htrack *
track(const strat_history *h, const char *id)
{
	size_t i;

	for (i = 0; i < h->ntracks; i++)
		if (strcmp(h->tracks[i].id, id) == 0)
			return &h->tracks[i];
	fail_msg("no track '%s'", id);
	return NULL;
}

static void
reason_of(strat_repo *repo, const strat_history *h, long c,
	  const char *author, const char *reason, int trailer)
{
	strat_reason r;

	assert_true(c >= 0);
	assert_int_equal(strat_commit_reason(&r, repo, &h->commits[c].id), 0);
	assert_string_equal(r.commit.author, author);
	assert_string_equal(r.reason, reason);
	assert_int_equal(r.from_trailer, trailer);
	strat_reason_free(&r);
}

static void
slips_and_drops(void **state)
{
	strat_history_options ho = STRAT_HISTORY_OPTIONS_INIT;
	strat_repo *repo = NULL;
	strat_history *h = NULL;
	strat_oid head;
	uint32_t last;

	(void)state;
	assert_int_equal(strat_repo_open(&repo, dir), 0);
	assert_int_equal(strat_repo_resolve(repo, "HEAD", &head), 0);
	assert_int_equal(strat_history_build(&h, repo, &head, &ho), 0);
	assert_int_equal(h->ncommits, 5);
	last = (uint32_t)h->ncommits - 1;
	/* the newest slip of a is the second; pulling it in is no slip */
	reason_of(repo, h,
		  strat_history_change(h, track(h, "a"), STRAT_CAT_SLIPPED, 0,
				       last),
		  "Di", "the speaker moved", 1);
	/* up to the third commit: the first slip */
	reason_of(repo, h,
		  strat_history_change(h, track(h, "a"), STRAT_CAT_SLIPPED, 0,
				       2),
		  "Ben", "waiting for legal", 1);
	/* no Why: trailer: the summary */
	reason_of(repo, h,
		  strat_history_change(h, track(h, "b"), STRAT_CAT_DROPPED, 0,
				       last),
		  "Cy", "plan: drop b", 0);
	/* none in the range */
	assert_int_equal(strat_history_change(h, track(h, "b"),
					      STRAT_CAT_DROPPED, 3, last),
			 -1);
	assert_int_equal(strat_history_change(h, track(h, "b"),
					      STRAT_CAT_SLIPPED, 0, last),
			 -1);
	strat_history_free(h);
	strat_repo_free(repo);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(slips_and_drops),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
