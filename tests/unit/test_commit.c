/* test_commit.c - strat_commit_lookup must say what libgit2 says: author
 * and email with the mailmap applied,
 * times, parent count and git_commit_summary's summary, on commits with
 * awkward messages and signatures written byte for byte; and opening a
 * repository leaves libgit2's options as the program set them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <git2.h>

#include "sh.h"

#include "strat/git.h"

static char dir[256];

#define LONG10 "Abcdefghi "
#define LONG100                                                                \
	LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10
/* 300 bytes, without a final space (git would trim it) */
#define LONG300                                                                \
	LONG100 LONG100 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10       \
	    LONG10 LONG10 "Abcdefghij"

/* Each message body (after the headers) and author line, as printf
 * formats; the commits are written raw with git hash-object. */
static const struct {
	const char *author, *message;
} cases[] = {
    {"A U Thor <a@example.com> 1700000000 +0000", "plain subject\n"},
    {"A U Thor <a@example.com> 1700000000 +0000",
     "\n\n\nleading blank lines\n\nbody\n"},
    {"A U Thor <a@example.com> 1700000000 +0000",
     "first line\nsecond line of the same paragraph\n\nbody\n"},
    {"A U Thor <a@example.com> 1700000000 +0000",
     "tabs\tand   spaces   kept  \n  next\t line\n \t \nbody\n"},
    {"A U Thor <a@example.com> 1700000000 +0000",
     "crlf subject\r\nmore\r\n\r\nbody\r\n"},
    {"A U Thor <a@example.com> 1700000000 +0000", ""},
    {"A U Thor <a@example.com> 1700000000 +0000", "   \n"},
    {"  Spaced   Name   <  spaced@example.com  > 1700000001 -0700",
     "spaced signature\n"},
    {"Old Name <old@example.com> 1700000002 +0100", "mailmapped\n"},
    {"Odd <Name> <odd@example.com> 1700000003 +0000", "two angles\n"},
    {"No Time <nt@example.com>", "no time at all\n"},
    {"Long Subject <l@example.com> 1700000004 +0000",
     "a very long subject line that goes on and on well past the "
     "hundred and sixty bytes strat once kept of a summary, where the "
     "cut fell somewhere in the middle of a word here\n"},
    /* 300 bytes of name and of subject: a char[128] or [160] would
	 * cut them (strat_commit borrows its strings) */
    {LONG300 " <long@example.com> 1700000009 +0000", LONG300 "\n"},
    {"Ünïcödé Nämé <u@example.com> 1700000005 +0000", "ünïcödé sübjéct\n"},
    {"A <b@c>x> 1700000006 +0000", "angle inside the email\n"},
    {"\"Quoted, Name.\" <'q@example.com'> 1700000007 +0000",
     "crud around name and email\n"},
    {"Before Epoch <b@example.com> -5 +0000", "negative time\n"},
    {"Glued <g@example.com>1700000008 +0000", "no space before time\n"},
};

static int
setup(void **state)
{
	size_t i;
	FILE *f;
	char path[512];

	if (sh_tmpdir(state, dir, sizeof(dir), "commit") < 0)
		return -1;
	sh("cd %s && git init -q r && cd r && "
	   "printf 'New Name <new@example.com> <old@example.com>\\n' "
	   "> .mailmap && git add .mailmap && "
	   "git -c user.name=t -c user.email=t@e commit -q -m base",
	   dir);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(path, sizeof(path), "%s/c%zu", dir, i);
		assert_non_null(f = fopen(path, "wb"));
		fprintf(f,
			"tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n"
			"parent %s\n"
			"author %s\n"
			"committer C O Mitter <c@example.com> %d +0000\n"
			"\n%s",
			"PARENT", cases[i].author, 1700001000 + (int)i,
			cases[i].message);
		fclose(f);
	}
	/* chain them: each commit's parent is the one before */
	sh("cd %s/r && p=$(git rev-parse HEAD) && i=0 && "
	   "while [ -f ../c$i ]; do "
	   "  sed \"1,2s/PARENT/$p/\" ../c$i > ../d$i && "
	   "  p=$(git hash-object -t commit -w --literally ../d$i) && "
	   "  i=$((i + 1)); done && git update-ref refs/heads/main $p && "
	   "git symbolic-ref HEAD refs/heads/main",
	   dir);
	return 0;
}

static void
copy_line(char *dst, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i + 1 < n && s[i] && s[i] != '\n'; i++)
		dst[i] = s[i];
	dst[i] = '\0';
}

static void
check_all(int packed)
{
	char path[512];
	git_repository *repo;
	git_mailmap *mm = NULL;
	git_revwalk *rw;
	git_oid id;
	strat_repo *sr;
	size_t n = 0;

	snprintf(path, sizeof(path), "%s/r", dir);
	if (packed)
		sh("cd %s && git repack -q -a -d", path);
	assert_int_equal(git_repository_open(&repo, path), 0);
	assert_int_equal(git_mailmap_from_repository(&mm, repo), 0);
	assert_int_equal(strat_repo_open(&sr, path), 0);
	assert_int_equal(git_revwalk_new(&rw, repo), 0);
	assert_int_equal(git_revwalk_push_head(rw), 0);
	while (git_revwalk_next(&id, rw) == 0) {
		git_commit *c;
		const git_signature *a;
		const char *rn, *re;
		char want[1024];
		strat_commit sc;
		strat_oid so;

		memcpy(so.id, id.id, 20);
		assert_int_equal(git_commit_lookup(&c, repo, &id), 0);
		assert_int_equal(strat_commit_lookup(sr, &so, &sc), 0);
		a = git_commit_author(c);
		assert_int_equal(
		    git_mailmap_resolve(&rn, &re, mm, a->name, a->email), 0);
		copy_line(want, sizeof(want), rn);
		assert_string_equal(sc.author, want);
		copy_line(want, sizeof(want), re);
		assert_string_equal(sc.email, want);
		copy_line(want, sizeof(want), git_commit_summary(c));
		assert_string_equal(sc.summary, want);
		assert_int_equal(sc.time, (int64_t)git_commit_time(c));
		assert_int_equal(sc.author_time, (int64_t)a->when.time);
		assert_int_equal(sc.nparents, git_commit_parentcount(c));
		assert_memory_equal(sc.id.id, id.id, 20);
		if (strncmp(sc.summary, LONG10, 10) == 0) {
			assert_int_equal(strlen(sc.author), 300);
			assert_int_equal(strlen(sc.summary), 300);
		}
		git_commit_free(c);
		n++;
	}
	assert_int_equal(n, sizeof(cases) / sizeof(cases[0]) + 1);
	git_revwalk_free(rw);
	/* the walk's commits too, each valid until the next */
	{
		strat_walk *w;
		strat_commit sc;
		strat_oid tip;
		size_t longs = 0;

		assert_int_equal(strat_repo_resolve(sr, "HEAD", &tip), 0);
		assert_int_equal(strat_walk_new(&w, sr, &tip, 0), 0);
		while (strat_walk_next(w, &sc) == 1)
			if (strcmp(sc.author, LONG300) == 0) {
				assert_string_equal(sc.summary, LONG300);
				assert_string_equal(sc.email,
						    "long@example.com");
				longs++;
			}
		strat_walk_free(w);
		assert_int_equal(longs, 1);
	}
	strat_repo_free(sr);
	git_mailmap_free(mm);
	git_repository_free(repo);
}

static void
loose(void **state)
{
	(void)state;
	check_all(0);
}

static void
packed(void **state)
{
	(void)state;
	check_all(1);
}

/* Headers out of libgit2's order (tree, parents, author, committer):
 * strat must answer as libgit2 does, or fail where it fails. */
static const char *const odd[] = {
    /* a parent after the committer: libgit2 counts none */
    "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n"
    "author A <a@example.com> 1700000000 +0000\n"
    "committer C <c@example.com> 1700000000 +0000\n"
    "parent 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\nlate parent\n",
    /* the committer before the author: libgit2 fails */
    "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n"
    "committer C <c@example.com> 1700000000 +0000\n"
    "author A <a@example.com> 1700000000 +0000\n\nswapped\n",
    /* two authors */
    "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n"
    "author A <a@example.com> 1700000000 +0000\n"
    "author B <b@example.com> 1700000001 +0000\n"
    "committer C <c@example.com> 1700000002 +0000\n\ntwo authors\n",
    /* a malformed second author */
    "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n"
    "author A <a@example.com> 1700000000 +0000\n"
    "author broken\n"
    "committer C <c@example.com> 1700000002 +0000\n\nbroken author\n",
    /* no tree first */
    "author A <a@example.com> 1700000000 +0000\n"
    "committer C <c@example.com> 1700000000 +0000\n\nno tree\n",
    /* headers after the committer */
    "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n"
    "author A <a@example.com> 1700000000 +0000\n"
    "committer C <c@example.com> 1700000000 +0000\n"
    "encoding ISO-8859-1\nmergetag object x\n continued\n\nextra\n",
    /* no committer */
    "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n"
    "author A <a@example.com> 1700000000 +0000\n\nno committer\n",
};

static void
odd_order(void **state)
{
	char path[512], hex[64];
	git_repository *repo;
	git_mailmap *mm = NULL;
	strat_repo *sr;
	size_t i;
	FILE *f;
	int packed;

	(void)state;
	for (packed = 0; packed < 2; packed++) {
		snprintf(path, sizeof(path), "%s/r", dir);
		if (packed)
			sh("cd %s && git repack -q -a -d", path);
		assert_int_equal(git_repository_open(&repo, path), 0);
		assert_int_equal(git_mailmap_from_repository(&mm, repo), 0);
		assert_int_equal(strat_repo_open(&sr, path), 0);
		for (i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
			git_commit *c;
			git_oid id;
			strat_commit sc;
			strat_oid so;
			int lg, st;

			snprintf(path, sizeof(path), "%s/odd%zu", dir, i);
			assert_non_null(f = fopen(path, "wb"));
			fputs(odd[i], f);
			fclose(f);
			/* written loose; the second round packs them too
			 * (they are unreachable: named to pack-objects) */
			sh("cd %s/r && git hash-object -t commit -w "
			   "--literally "
			   "../odd%zu > ../odd%zu.id",
			   dir, i, i);
			if (packed)
				sh("cd %s/r && git pack-objects -q "
				   ".git/objects/pack/pack < ../odd%zu.id "
				   ">/dev/null && git prune-packed",
				   dir, i);
			snprintf(path, sizeof(path), "%s/odd%zu.id", dir, i);
			assert_non_null(f = fopen(path, "r"));
			assert_non_null(fgets(hex, sizeof(hex), f));
			fclose(f);
			assert_int_equal(git_oid_fromstrn(&id, hex, 40), 0);
			memcpy(so.id, id.id, 20);
			lg = git_commit_lookup(&c, repo, &id);
			st = strat_commit_lookup(sr, &so, &sc);
			if (lg < 0) {
				if (st >= 0)
					fail_msg("odd%zu: libgit2 fails, strat "
						 "answers",
						 i);
				continue;
			}
			assert_int_equal(st, 0);
			assert_int_equal(sc.nparents,
					 git_commit_parentcount(c));
			assert_int_equal(sc.time, (int64_t)git_commit_time(c));
			assert_int_equal(
			    sc.author_time,
			    (int64_t)git_commit_author(c)->when.time);
			assert_string_equal(sc.author,
					    git_commit_author(c)->name);
			git_commit_free(c);
		}
		strat_repo_free(sr);
		git_mailmap_free(mm);
		git_repository_free(repo);
	}
}

/* libgit2's ownership validation is the program's to set: opening a
 * directory that is no repository (where strat looks for a repository
 * there again, to tell another owner's from none) leaves it as the
 * program set it, off or on. */
static void
owner_option_kept(void **state)
{
	char path[300];
	strat_repo *r = NULL;
	int want, got;

	(void)state;
	snprintf(path, sizeof(path), "%s/not-a-repo", dir);
	sh("mkdir -p '%s'", path);
	for (want = 0; want <= 1; want++) {
		git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, want);
		assert_int_equal(strat_repo_open(&r, path), STRAT_ENOTFOUND);
		assert_null(r);
		git_libgit2_opts(GIT_OPT_GET_OWNER_VALIDATION, &got);
		assert_int_equal(got, want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(loose),
	    cmocka_unit_test(packed),
	    cmocka_unit_test(odd_order),
	    cmocka_unit_test(owner_option_kept),
	};

	git_libgit2_init();
	return cmocka_run_group_tests(tests, setup, sh_teardown);
}
