/* test_reason.c - strat_history_slipped_at and strat_history_decided_at
 * find the commit that slipped or dropped an item; with the reasons read
 * (strat_history_read_reasons) strat_hcommit_reason gives its Why: trailer
 * (as git reads trailers), else its summary.  The commits are made as
 * strat slip/drop --why --commit make them. */
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
#define ITEM(id, date, status)                                                 \
	"  - id: " id "\\n    title: T\\n    anchor: q\\n    owner: o\\n"      \
	"    channel: blog\\n    date: " date "\\n    status: " status "\\n"

static void
commit(const char *day, const char *items, const char *author, const char *msg)
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
	if (sh_tmpdir(state, dir, sizeof(dir), "reason") < 0)
		return -1;
	sh("cd %s && git init -q && mkdir calendar && "
	   "git config user.email t@example.com && git config user.name T",
	   dir);
	commit("2026-07-01",
	       ITEM("a", "2026-07-10", "planned")
		   ITEM("b", "2026-07-20", "planned"),
	       "Ann", "plan for Q3");
	commit("2026-07-05",
	       ITEM("a", "2026-07-24", "planned")
		   ITEM("b", "2026-07-20", "planned"),
	       "Ben", "plan: slip a to 2026-07-24\n\nWhy: waiting for legal");
	commit("2026-07-06",
	       ITEM("a", "2026-07-24", "planned")
		   ITEM("b", "2026-07-20", "dropped"),
	       "Cy", "plan: drop b");
	commit("2026-07-07",
	       ITEM("a", "2026-07-31", "planned")
		   ITEM("b", "2026-07-20", "dropped"),
	       "Di",
	       "plan: slip a again\n\nThe body says more.\n\n"
	       "Why: the speaker moved\nSigned-off-by: Di <d@example.com>");
	commit("2026-07-08",
	       ITEM("a", "2026-07-15", "planned")
		   ITEM("b", "2026-07-20", "dropped"),
	       "Ed", "plan: pull a in\n\nWhy: ready early");
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

static const strat_hversion *
newest(const strat_htrack *t)
{
	return &t->versions[t->nversions - 1];
}

static const strat_hversion *
at_commit(const strat_htrack *t, uint32_t c)
{
	size_t i;

	for (i = t->nversions; i-- > 0;)
		if (t->versions[i].commit <= c)
			return &t->versions[i];
	fail_msg("no version at %u", (unsigned)c);
	return NULL;
}

static void
reason_of(const strat_history *h, uint32_t c, const char *author,
	  const char *reason)
{
	assert_true(c < h->ncommits);
	assert_string_equal(h->commits[c].author, author);
	assert_string_equal(strat_hcommit_reason(&h->commits[c]), reason);
}

static void
slips_and_drops(void **state)
{
	strat_history_options ho = STRAT_HISTORY_OPTIONS_INIT;
	strat_repo *repo = NULL;
	strat_history *h = NULL;
	const strat_htrack *a, *b;
	strat_oid head;
	strat_day d;
	int64_t when;

	(void)state;
	assert_int_equal(strat_repo_open(&repo, dir), 0);
	assert_int_equal(strat_repo_resolve(repo, "HEAD", &head), 0);
	assert_int_equal(strat_history_build(&h, repo, &head, &ho), 0);
	assert_int_equal(strat_history_read_reasons(h, repo, NULL), 0);
	assert_int_equal(h->ncommits, 5);
	a = track(h, "a");
	b = track(h, "b");
	/* a has been dated after 2026-07-20 since the second commit: the
	 * first slip made it so */
	assert_int_equal(strat_date_parse("2026-07-20", &d), 0);
	reason_of(h, strat_history_slipped_at(h, a, at_commit(a, 3), d, &when),
		  "Ben", "waiting for legal");
	/* after 2026-07-24: the second slip, with a trailer among others */
	assert_int_equal(strat_date_parse("2026-07-24", &d), 0);
	reason_of(h, strat_history_slipped_at(h, a, at_commit(a, 3), d, &when),
		  "Di", "the speaker moved");
	/* no Why: trailer: the summary */
	reason_of(h, strat_history_decided_at(h, b, newest(b), 0, &when), "Cy",
		  "plan: drop b");
	assert_int_equal(when, h->commits[2].time);
	strat_history_free(h);
	strat_repo_free(repo);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(slips_and_drops),
	};

	return cmocka_run_group_tests(tests, setup, sh_teardown);
}
