/* test_packguard.c - lib/packguard.c: a delta chain is walked once per
 * guard (a second read of the object, or of an object whose base was met
 * before, reads one entry header), a chain that does not end is refused at
 * every read, an object is refused when any pack holding it loops, the
 * bound on a chain's length holds across remembered chains, with version 1
 * and 2 indexes, REF_DELTA entries (tests/mkpack.py) and OFS_DELTA ones
 * (git repack). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "sh.h"

#include "packguard.h"

static char dir[64], objs[96];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/strat-test-packguard.XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	sh("rm -rf %s", dir);
	return 0;
}

/* A fresh objects directory, dir/N/objects. */
static void
fresh(const char *n)
{
	snprintf(objs, sizeof(objs), "%s/%s/objects", dir, n);
	sh("mkdir -p %s/pack", objs);
}

/* The id numbered i: i big-endian in 20 bytes (as "%040x"). */
static void
num(unsigned i, unsigned char id[20])
{
	memset(id, 0, 20);
	id[16] = (unsigned char)(i >> 24);
	id[17] = (unsigned char)(i >> 16);
	id[18] = (unsigned char)(i >> 8);
	id[19] = (unsigned char)i;
}

/* A pack in objs of the objects from to to - 1 (mkpack.py: each a
 * REF_DELTA against the next, the last against the first, or with
 * "--end" a whole blob). */
static void
pack(const char *opts, unsigned from, unsigned to)
{
	sh("python3 -c 'import sys\nfor i in range(%u, %u): print(\"%%040x\" "
	   "%% i)' | python3 tests/mkpack.py %s %s/.. - >/dev/null",
	   from, to, opts, objs);
}

static int
check(packguard *g, unsigned i, char *why, size_t n)
{
	unsigned char id[20];

	num(i, id);
	return packguard_check(g, id, 1, why, n);
}

/* 1 -> 2 -> ... -> 6 (a blob): 5 links walked once. */
static void
chain_walked_once(void **state)
{
	static const char *const opts[] = {"--end", "--end --idx1"};
	char why[256];
	size_t k;

	(void)state;
	for (k = 0; k < 2; k++) {
		packguard *g;

		fresh(k ? "once-idx1" : "once");
		pack(opts[k], 1, 7);
		assert_non_null(g = packguard_new(objs));
		assert_int_equal(check(g, 1, why, sizeof(why)), 0);
		assert_int_equal(packguard_headers(g), 6);
		/* again: its own header, its base remembered */
		assert_int_equal(check(g, 1, why, sizeof(why)), 0);
		assert_int_equal(packguard_headers(g), 7);
		/* a link further down: the same */
		assert_int_equal(check(g, 3, why, sizeof(why)), 0);
		assert_int_equal(packguard_headers(g), 8);
		/* the blob that ends it: its header */
		assert_int_equal(check(g, 6, why, sizeof(why)), 0);
		assert_int_equal(packguard_headers(g), 9);
		/* not in the pack: no header read */
		assert_int_equal(check(g, 99, why, sizeof(why)), 0);
		assert_int_equal(packguard_headers(g), 9);
		packguard_free(g);
	}
}

/* 1 -> 2 -> 3 -> 1: refused at every read, never remembered. */
static void
cycle_refused_twice(void **state)
{
	char why[256];
	packguard *g;
	int i;

	(void)state;
	fresh("cycle");
	pack("", 1, 4);
	assert_non_null(g = packguard_new(objs));
	for (i = 0; i < 3; i++) {
		why[0] = '\0';
		assert_int_equal(check(g, 1 + (unsigned)i, why, sizeof(why)),
				 -1);
		assert_non_null(strstr(why, "delta chain does not end"));
	}
	assert_int_equal(check(g, 1, why, sizeof(why)), -1);
	packguard_free(g);
}

/* 1 ends in one pack (1 -> 2 -> 3, remembered first) and loops in
 * another (1 -> 7 -> 1): every pack holding it is checked, each with its
 * own memory of chains (7 is where 2 is in the first pack: a memory
 * shared by offset would take the loop for a chain that ends). */
static void
second_pack_loops(void **state)
{
	char why[256];
	packguard *g;

	(void)state;
	fresh("two");
	pack("--end", 1, 4);
	assert_non_null(g = packguard_new(objs));
	assert_int_equal(check(g, 1, why, sizeof(why)), 0);
	packguard_free(g);
	sh("printf '%%040x\\n%%040x\\n' 1 7 | python3 tests/mkpack.py %s/.. - "
	   ">/dev/null",
	   objs);
	assert_non_null(g = packguard_new(objs));
	assert_int_equal(check(g, 2, why, sizeof(why)), 0);
	assert_int_equal(check(g, 1, why, sizeof(why)), -1);
	assert_int_equal(check(g, 7, why, sizeof(why)), -1);
	assert_int_equal(check(g, 2, why, sizeof(why)), 0);
	packguard_free(g);
}

/* 1 -> ... -> MAX + 2: MAX + 1 links are refused, MAX taken, also when
 * the longer chain is read after the shorter one was remembered. */
static void
bound_holds(void **state)
{
	char why[256];
	packguard *g;

	(void)state;
	fresh("long");
	pack("--end", 1, PACKGUARD_MAX_DEPTH + 3);
	assert_non_null(g = packguard_new(objs));
	assert_int_equal(check(g, 2, why, sizeof(why)), 0);
	assert_int_equal(check(g, 1, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "or it is longer than"));
	assert_int_equal(check(g, 3, why, sizeof(why)), 0);
	packguard_free(g);
	/* and from the top first */
	assert_non_null(g = packguard_new(objs));
	assert_int_equal(check(g, 1, why, sizeof(why)), -1);
	assert_int_equal(check(g, 2, why, sizeof(why)), 0);
	assert_int_equal(check(g, 1, why, sizeof(why)), -1);
	packguard_free(g);
}

/* A pack git wrote (OFS_DELTA chains): every object passes; read again,
 * each costs one header. */
static void
git_pack_read_twice(void **state)
{
	unsigned char ids[128][20];
	char path[160], line[64], why[256];
	size_t n = 0, i, first;
	packguard *g;
	FILE *f;

	(void)state;
	fresh("git");
	sh("cd %s/git && git init -q . && for i in $(seq 1 30); do "
	   "seq 1 400 | sed \"s/^$i\\$/changed $i/\" > f && git add f && "
	   "GIT_AUTHOR_DATE=2026-01-01T00:00:00Z "
	   "GIT_COMMITTER_DATE=2026-01-01T00:00:00Z git -c user.name=t "
	   "-c user.email=t@t commit -q -m $i; done && "
	   "git repack -q -adf --depth=50 --window=50 && "
	   "git cat-file --batch-all-objects --batch-check='%%(objectname)' "
	   "> ids && rm -rf objects && mv .git/objects objects",
	   dir);
	snprintf(path, sizeof(path), "%s/git/ids", dir);
	assert_non_null(f = fopen(path, "r"));
	while (n < 128 && fgets(line, sizeof(line), f) != NULL) {
		for (i = 0; i < 20; i++)
			assert_int_equal(
			    sscanf(line + 2 * i, "%2hhx", &ids[n][i]), 1);
		n++;
	}
	fclose(f);
	assert_int_equal(n, 90); /* 30 commits, 30 trees, 30 blobs */
	assert_non_null(g = packguard_new(objs));
	for (i = 0; i < n; i++)
		assert_int_equal(
		    packguard_check(g, ids[i], 1, why, sizeof(why)), 0);
	first = packguard_headers(g);
	assert_true(first > n); /* some delta's base was read */
	for (i = 0; i < n; i++)
		assert_int_equal(
		    packguard_check(g, ids[i], 1, why, sizeof(why)), 0);
	assert_int_equal(packguard_headers(g) - first, n);
	packguard_free(g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(chain_walked_once),
	    cmocka_unit_test(cycle_refused_twice),
	    cmocka_unit_test(second_pack_loops),
	    cmocka_unit_test(bound_holds),
	    cmocka_unit_test(git_pack_read_twice),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
