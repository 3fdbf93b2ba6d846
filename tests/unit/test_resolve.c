/* test_resolve.c - strat_repo_resolve names the commit git rev-parse
 * names, for references, full ids and their ~N, ^N suffixes (resolved
 * by strat itself, since libgit2 1.5's revparse leaks a reference when
 * it meets a damaged commit) and for the forms left to libgit2; a
 * revision git refuses is refused; a damaged commit on the way is an
 * error naming the revision and the damage, with nothing leaked (under
 * valgrind and LeakSanitizer). */
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

static char dir[64];

/* A history with a merge and an annotated tag:
 *   m1 - m2 -------- merge (main, HEAD)
 *          \       /
 *           f1 - f2 (feature)
 * v1 tags m2; m1 is the root. */
static int
setup(void **state)
{
	if (sh_tmpdir(state, dir, sizeof(dir), "resolve") < 0)
		return -1;
	sh("cd %s && git init -q -b main && git config user.name T && "
	   "git config user.email t@example.com && "
	   "export GIT_AUTHOR_DATE=2026-07-01T12:00:00Z "
	   "GIT_COMMITTER_DATE=2026-07-01T12:00:00Z && "
	   "echo 1 > a && git add a && git commit -qm m1 && "
	   "echo 2 > a && git commit -qam m2 && git tag -a -m v1 v1 && "
	   "git checkout -qb feature && echo 3 > b && git add b && "
	   "git commit -qm f1 && echo 4 > b && git commit -qam f2 && "
	   "git checkout -q main && echo 5 > a && git commit -qam m3 && "
	   "git merge -q --no-edit feature >/dev/null",
	   dir);
	return 0;
}

/* What git rev-parse says REV^{commit} is: 1 with hex, or 0. */
static int
git_says(const char *rev, char hex[41])
{
	char cmd[512];
	FILE *p;
	int ok;

	snprintf(cmd, sizeof(cmd),
		 "cd %s && git rev-parse -q --verify '%s^{commit}' 2>/dev/null",
		 dir, rev);
	assert_non_null(p = popen(cmd, "r"));
	ok = fscanf(p, "%40s", hex) == 1;
	return pclose(p) == 0 && ok;
}

static void
test_as_git(void **state)
{
	static const char *const revs[] = {
	    "HEAD",
	    "HEAD~0",
	    "HEAD~",
	    "HEAD~1",
	    "HEAD~2",
	    "HEAD~3",
	    "HEAD^",
	    "HEAD^1",
	    "HEAD^2",
	    "HEAD^2~1",
	    "HEAD^2^",
	    "HEAD~1^",
	    "HEAD^0",
	    "main~2",
	    "feature^",
	    "v1",
	    "v1~1",
	    "v1^0",
	    "v1^",
	    "HEAD^^^",
	    "HEAD~1~1",
	    "HEAD~4",
	    "HEAD~9",
	    "HEAD^3",
	    "nosuch~1",
	    "v1^2",
	    "HEAD^{commit}",
	    "HEAD~1^{tree}",
	    "main@{0}",
	    "HEAD~99999999999999999999",
	    "HEAD^4294967297",
	    "HEAD^4294967296",
	    "~1",
	    "HEAD~x",
	};
	strat_repo *r;
	char hex[41], id[41], full[64];
	size_t i;

	(void)state;
	assert_int_equal(strat_repo_open(&r, dir), 0);
	for (i = 0; i < sizeof(revs) / sizeof(*revs); i++) {
		strat_oid o;
		int rc = strat_repo_resolve(r, revs[i], &o);

		if (git_says(revs[i], hex)) {
			if (rc != 0)
				fail_msg("%s: %s", revs[i], strat_error_last());
			strat_oid_fmt(&o, id);
			if (strcmp(id, hex) != 0)
				fail_msg("%s: %s, git says %s", revs[i], id,
					 hex);
		} else if (rc == 0) {
			fail_msg("%s resolved; git refuses it", revs[i]);
		}
	}
	/* a full id, and a full id with suffixes */
	assert_true(git_says("HEAD", hex));
	snprintf(full, sizeof(full), "%s~1", hex);
	assert_true(git_says(full, hex));
	{
		strat_oid o;

		assert_int_equal(strat_repo_resolve(r, full, &o), 0);
		strat_oid_fmt(&o, id);
		assert_string_equal(id, hex);
	}
	strat_repo_free(r);
}

/* Damaged commits: HEAD~1 is garbage where the loose object was, and
 * the branch "broken" names a commit whose author line does not parse.
 * HEAD still resolves; every revision through a damaged commit is an
 * error naming it and saying the repository is damaged.  (libgit2 1.5's
 * revparse leaked a reference on broken~0 and broken^.) */
static void
test_damaged(void **state)
{
	static const char *const bad[] = {"HEAD~1",  "HEAD~2",   "main^1^",
					  "broken",  "broken~0", "broken^",
					  "broken~1"};
	char path[128];
	strat_repo *r;
	strat_oid o;
	size_t i;

	(void)state;
	sh("rm -rf %s/d && mkdir %s/d && cp -R %s/.git %s/d/.git && "
	   "cd %s/d && f=.git/objects/$(git rev-parse HEAD~1 | "
	   "sed 's|^..|&/|') && chmod u+w \"$f\" && printf garbage > \"$f\" && "
	   "c=$(printf 'tree %%s\\nauthor broken\\n\\nmsg\\n' "
	   "$(git rev-parse HEAD^{tree}) | "
	   "git hash-object -t commit --literally -w --stdin) && "
	   "git update-ref refs/heads/broken $c",
	   dir, dir, dir, dir, dir);
	snprintf(path, sizeof(path), "%s/d", dir);
	assert_int_equal(strat_repo_open(&r, path), 0);
	assert_int_equal(strat_repo_resolve(r, "HEAD", &o), 0);
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		if (strat_repo_resolve(r, bad[i], &o) == 0)
			fail_msg("%s resolved", bad[i]);
		if (strstr(strat_error_last(), bad[i]) == NULL ||
		    strstr(strat_error_last(), "damaged") == NULL)
			fail_msg("%s: %s", bad[i], strat_error_last());
	}
	strat_repo_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_as_git),
	    cmocka_unit_test(test_damaged),
	};

	return cmocka_run_group_tests(tests, setup, sh_teardown);
}
