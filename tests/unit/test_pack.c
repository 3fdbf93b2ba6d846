/* test_pack.c - lib/pack.c against libgit2, object by object, on packs git
 * writes in each of its ways: deep OFS_DELTA chains, REF_DELTA, 64-bit
 * offsets, a blob larger than a window, several packs at once; an index of
 * version 1 and damaged packs must make it step aside, never answer
 * wrongly or crash. */
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
#include <libdeflate.h>
#include <sys/stat.h>

#include "pack.h"

static char dir[256];

/* A history of 120 commits: a file rewritten a line at a time (long
 * delta chains of blobs and trees), a second directory, and a 3 MB
 * incompressible blob (larger than a pack window). */
static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/strat-test-pack.XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	sh("cd %s && git init -q r && cd r && "
	   "git config user.name t && git config user.email t@example.com && "
	   "mkdir -p cal src && "
	   "i=0; while [ $i -lt 120 ]; do "
	   "  seq 1 400 | sed \"s/^$((i * 3 + 1))\\$/changed $i/\" "
	   "    > cal/plan.yaml; "
	   "  echo $i > src/f$((i %% 7)); "
	   "  git add -A && GIT_COMMITTER_DATE=\"@$((1700000000 + i)) +0000\" "
	   "    git commit -q -m \"commit $i\" || exit 1; "
	   "  i=$((i + 1)); done && "
	   "head -c 3000000 /dev/urandom > big.bin && git add big.bin && "
	   "git commit -q -m big",
	   dir);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	sh("rm -rf %s", dir);
	return 0;
}

typedef struct {
	git_odb *odb;
	packdb *db;
	size_t n, found;
} walkstate;

static int
compare_one(const git_oid *id, void *payload)
{
	walkstate *w = payload;
	git_odb_object *o;
	packobj po;

	w->n++;
	assert_int_equal(git_odb_read(&o, w->odb, id), 0);
	if (packdb_read(w->db, id->id, SIZE_MAX, &po)) {
		w->found++;
		assert_int_equal(po.type, (int)git_odb_object_type(o));
		assert_int_equal(po.len, git_odb_object_size(o));
		assert_memory_equal(po.data, git_odb_object_data(o), po.len);
		assert_int_equal(po.data[po.len], '\0');
	}
	git_odb_object_free(o);
	return 0;
}

/* Compares every object of the repository; returns how many the pack
 * reader found, *total the number of objects. */
static size_t
compare_all(size_t *total)
{
	char path[512];
	git_repository *repo;
	walkstate w = {0};

	snprintf(path, sizeof(path), "%s/r", dir);
	assert_int_equal(git_repository_open(&repo, path), 0);
	assert_int_equal(git_repository_odb(&w.odb, repo), 0);
	snprintf(path, sizeof(path), "%s/r/.git/objects", dir);
	assert_non_null(w.db = packdb_open(path));
	assert_int_equal(git_odb_foreach(w.odb, compare_one, &w), 0);
	packdb_free(w.db);
	git_odb_free(w.odb);
	git_repository_free(repo);
	*total = w.n;
	return w.found;
}

static void
ofs_deltas(void **state)
{
	size_t n, found;

	(void)state;
	sh("cd %s/r && git repack -q -a -d -f --depth=100 --window=50", dir);
	found = compare_all(&n);
	assert_int_equal(found, n);
	assert_true(n > 300);
}

static void
ref_deltas(void **state)
{
	size_t n, found;

	(void)state;
	sh("cd %s/r && git -c repack.useDeltaBaseOffset=false repack -q -a -d "
	   "-f --depth=50 --window=50", dir);
	found = compare_all(&n);
	assert_int_equal(found, n);
}

static void
offsets_64(void **state)
{
	size_t n, found;

	(void)state;
	/* every object past offset 64 gets a 64-bit index entry */
	sh("cd %s/r && git repack -q -a -d -f && "
	   "rm -f .git/objects/pack/x.* && "
	   "p=$(ls .git/objects/pack/*.pack) && mv $p ../x.pack && "
	   "rm -f .git/objects/pack/* && "
	   "git index-pack --index-version=2,64 -o .git/objects/pack/x.idx "
	   "../x.pack >/dev/null && mv ../x.pack .git/objects/pack/x.pack", dir);
	found = compare_all(&n);
	assert_int_equal(found, n);
}

static void
fast_import_and_loose(void **state)
{
	size_t n, found;

	(void)state;
	/* objects spread over packs and loose files: the loose ones are
	 * libgit2's, every packed one the reader's */
	sh("cd %s/r && git repack -q -a -d -f && "
	   "rm -f .git/objects/pack/x.* && "
	   "git fast-export --all | (git init -q ../fi && cd ../fi && "
	   "git fast-import --quiet) && cd ../fi && "
	   "echo loose > loose.txt && git add loose.txt && "
	   "git -c user.name=t -c user.email=t@e commit -q -m loose && "
	   "cp .git/objects/pack/* ../r/.git/objects/pack/ 2>/dev/null; "
	   "cd ../r && echo more > more.txt && git add more.txt && "
	   "git commit -q -m more", dir);
	found = compare_all(&n);
	assert_true(found > 0);
	assert_true(found < n); /* the new commit, tree and blob are loose */
}

static void
index_v1_declined(void **state)
{
	size_t n, found;

	(void)state;
	sh("cd %s/r && git repack -q -a -d -f && "
	   "rm -f .git/objects/pack/x.* && "
	   "p=$(ls .git/objects/pack/*.pack) && mv $p ../x.pack && "
	   "rm -f .git/objects/pack/* && "
	   "git index-pack --index-version=1 -o .git/objects/pack/x.idx "
	   "../x.pack >/dev/null && mv ../x.pack .git/objects/pack/x.pack", dir);
	/* version 1 is libgit2's: nothing found, nothing wrong */
	found = compare_all(&n);
	assert_int_equal(found, 0);
	assert_true(n > 300);
}

/* Damaged packs: every answer the reader gives must be the object's true
 * content (its hash matches); most damage makes it step aside. */
static void
damaged(void **state)
{
	char path[512];
	git_repository *repo;
	git_odb *odb;
	packdb *db;
	FILE *f;
	long size, at;
	int round;

	(void)state;
	sh("cd %s/r && git repack -q -a -d -f --depth=50 && "
	   "rm -f .git/objects/pack/x.* && "
	   "cp .git/objects/pack/*.pack ../orig.pack", dir);
	snprintf(path, sizeof(path), "%s/r", dir);
	assert_int_equal(git_repository_open(&repo, path), 0);
	assert_int_equal(git_repository_odb(&odb, repo), 0);
	for (round = 0; round < 40; round++) {
		sh("cd %s/r && chmod u+w .git/objects/pack/*.pack && "
		   "cp ../orig.pack .git/objects/pack/$(cd "
		   ".git/objects/pack && ls *.pack)", dir);
		sh("cd %s/r/.git/objects/pack && ls *.pack > ../../name", dir);
		snprintf(path, sizeof(path), "%s/r/.git/name", dir);
		assert_non_null(f = fopen(path, "r"));
		{
			char name[256], full[800];
			size_t l;

			assert_non_null(fgets(name, sizeof(name), f));
			fclose(f);
			l = strlen(name);
			if (l && name[l - 1] == '\n')
				name[l - 1] = '\0';
			snprintf(full, sizeof(full),
				 "%s/r/.git/objects/pack/%s", dir, name);
			assert_non_null(f = fopen(full, "r+b"));
		}
		fseek(f, 0, SEEK_END);
		size = ftell(f);
		/* a burst of garbage somewhere past the header */
		srand((unsigned)round * 7919u + 1);
		at = 12 + (long)((unsigned long)rand() % (unsigned long)(size - 40));
		fseek(f, at, SEEK_SET);
		{
			int i;

			for (i = 0; i < 1 + round % 16; i++)
				fputc(rand() & 0xff, f);
		}
		fclose(f);
		snprintf(path, sizeof(path), "%s/r/.git/objects", dir);
		assert_non_null(db = packdb_open(path));
		{
			/* every id the index lists */
			git_odb_object *o;
			git_revwalk *rw;
			git_oid id, hashed;
			packobj po;

			assert_int_equal(git_revwalk_new(&rw, repo), 0);
			git_revwalk_push_head(rw);
			while (git_revwalk_next(&id, rw) == 0) {
				git_commit *c;
				git_tree *t;
				size_t i;

				if (packdb_read(db, id.id, SIZE_MAX, &po)) {
					git_odb_hash(&hashed, po.data, po.len,
						     (git_object_t)po.type);
					assert_true(git_oid_equal(&id,
								  &hashed));
				}
				if (git_commit_lookup(&c, repo, &id) < 0)
					continue;
				if (git_commit_tree(&t, c) == 0) {
					for (i = 0; i < git_tree_entrycount(t);
					     i++) {
						const git_oid *e = git_tree_entry_id(
							git_tree_entry_byindex(t, i));

						if (!packdb_read(db, e->id,
								 SIZE_MAX, &po))
							continue;
						git_odb_hash(&hashed, po.data,
							     po.len,
							     (git_object_t)po.type);
						assert_true(git_oid_equal(
							e, &hashed));
					}
					git_tree_free(t);
				}
				git_commit_free(c);
				(void)o;
			}
			git_revwalk_free(rw);
		}
		packdb_free(db);
	}
	git_odb_free(odb);
	git_repository_free(repo);
	sh("cd %s/r && cp ../orig.pack "
	   ".git/objects/pack/$(cd .git/objects/pack && ls *.pack) && "
	   "rm -f ../orig.pack .git/name", dir);
}

static void
no_packs(void **state)
{
	packdb *db;
	packobj po;
	unsigned char id[20] = {1, 2, 3};

	(void)state;
	assert_non_null(db = packdb_open("/nonexistent/objects"));
	assert_int_equal(packdb_read(db, id, SIZE_MAX, &po), 0);
	packdb_free(db);
}

/* ---- packs written by hand: what git never writes ---- */

static unsigned char hp[1 << 16];
static size_t hpl;
static uint32_t hoff[16];
static uint64_t hoff64[16];
static int hn;

static void
put32(unsigned char *q, uint32_t v)
{
	q[0] = (unsigned char)(v >> 24);
	q[1] = (unsigned char)(v >> 16);
	q[2] = (unsigned char)(v >> 8);
	q[3] = (unsigned char)v;
}

static void
hp_header(int type, size_t size)
{
	unsigned char c = (unsigned char)(type << 4 | (size & 15));

	size >>= 4;
	while (size) {
		hp[hpl++] = c | 0x80;
		c = size & 0x7f;
		size >>= 7;
	}
	hp[hpl++] = c;
}

static void
hp_zlib(const void *d, size_t n)
{
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(6);
	size_t r;

	assert_non_null(c);
	r = libdeflate_zlib_compress(c, d, n, hp + hpl, sizeof(hp) - hpl);
	assert_true(r > 0);
	hpl += r;
	libdeflate_free_compressor(c);
}

static void
hp_start(void)
{
	memcpy(hp, "PACK", 4);
	put32(hp + 4, 2);
	hpl = 12;
	hn = 0;
	memset(hoff64, 0, sizeof(hoff64));
}

static void
hp_blob(const char *text)
{
	hoff[hn++] = (uint32_t)hpl;
	hp_header(3, strlen(text));
	hp_zlib(text, strlen(text));
}

/* An OFS_DELTA on object `base`: the entry's header claims `size`, its
 * stream holds d (n bytes). */
static void
hp_delta(int base, size_t size, const unsigned char *d, size_t n)
{
	unsigned char o[16];
	size_t rel;
	int at = 15;

	hoff[hn] = (uint32_t)hpl;
	hp_header(6, size);
	rel = hoff[hn] - hoff[base];
	o[at] = rel & 127;
	while (rel >>= 7)
		o[--at] = (unsigned char)(128 | (--rel & 127));
	memcpy(hp + hpl, o + at, (size_t)(16 - at));
	hpl += (size_t)(16 - at);
	hn++;
	hp_zlib(d, n);
}

static void
hp_id(unsigned char *id, int i)
{
	memset(id, 0, 20);
	id[0] = (unsigned char)(0x10 * (i + 1));
	id[19] = 1;
}

/* Writes the pack and its index into dir/objects/pack; hoff64[i] set:
 * object i is listed in the table of 64-bit offsets with that value. */
static void
hp_write(const char *objects)
{
	char path[4200];
	unsigned char *ix;
	size_t il, n64 = 0;
	int i, b;
	FILE *f;

	put32(hp + 8, (uint32_t)hn);
	memset(hp + hpl, 0, 20);
	snprintf(path, sizeof(path), "mkdir -p '%s/pack'", objects);
	sh("%s", path);
	snprintf(path, sizeof(path), "%s/pack/pack-h.pack", objects);
	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(hp, 1, hpl + 20, f), hpl + 20);
	fclose(f);
	il = 8 + 1024 + (size_t)hn * 28 + 16 * 8 + 40;
	assert_non_null(ix = calloc(1, il));
	memcpy(ix, "\377tOc", 4);
	put32(ix + 4, 2);
	for (b = 0; b < 256; b++) {
		uint32_t c = 0;

		for (i = 0; i < hn; i++)
			c += 0x10 * (i + 1) <= b;
		put32(ix + 8 + b * 4, c);
	}
	for (i = 0; i < hn; i++) {
		hp_id(ix + 1032 + (size_t)i * 20, i);
		if (hoff64[i]) {
			unsigned char *t = ix + 1032 + (size_t)hn * 28 + n64 * 8;

			put32(t, (uint32_t)(hoff64[i] >> 32));
			put32(t + 4, (uint32_t)hoff64[i]);
			put32(ix + 1032 + (size_t)hn * 24 + (size_t)i * 4,
			      0x80000000u | (uint32_t)n64++);
		} else {
			put32(ix + 1032 + (size_t)hn * 24 + (size_t)i * 4,
			      hoff[i]);
		}
	}
	il = 8 + 1024 + (size_t)hn * 28 + n64 * 8 + 40;
	snprintf(path, sizeof(path), "%s/pack/pack-h.idx", objects);
	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(ix, 1, il, f), il);
	fclose(f);
	free(ix);
}

static int
hp_read(const char *objects, int i, size_t max, packobj *o)
{
	unsigned char id[20];
	packdb *db;
	int r;

	hp_id(id, i);
	assert_non_null(db = packdb_open(objects));
	r = packdb_read(db, id, max, o);
	if (r) {
		/* keep the data past packdb_free */
		static char keep[256];

		assert_true(o->len < sizeof(keep));
		memcpy(keep, o->data, o->len + 1);
		o->data = keep;
	}
	packdb_free(db);
	return r;
}

/* What git and libgit2 reject, the reader must not answer: a copy opcode
 * cut short, a 64-bit offset past 2^63, a delta of a target over the
 * limit (not even inflated), a REF cycle. */
static void
handmade(void **state)
{
	char objects[512];
	packobj o;
	size_t n, t;

	(void)state;
	snprintf(objects, sizeof(objects), "%s/hand/objects", dir);
	hp_start();
	hp_blob("hello world\n");                            /* 0 */
	{
		static const unsigned char ok[] = {12, 5, 0x90, 0x05};
		static const unsigned char cut[] = {12, 5, 0xB0, 0x05};

		hp_delta(0, sizeof(ok), ok, sizeof(ok));     /* 1: "hello" */
		hp_delta(0, sizeof(cut), cut, sizeof(cut));  /* 2: cut short */
	}
	/* 3: a delta whose header claims 17 MB (a 16 MB target written by
	 * inserts would be that long), read with a 1 MB limit: rejected by
	 * its size alone, before anything is inflated */
	t = (size_t)16 << 20;
	n = 1 + 4 + t + (t + 126) / 127;
	hp_delta(0, n, (const unsigned char *)"x", 1);
	hp_blob("far away\n");                               /* 4 */
	hoff64[4] = 0x8000000000000000ull | hoff[4];
	hp_write(objects);

	assert_int_equal(hp_read(objects, 1, SIZE_MAX, &o), 1);
	assert_int_equal(o.len, 5);
	assert_string_equal(o.data, "hello");
	assert_int_equal(hp_read(objects, 2, SIZE_MAX, &o), 0);
	assert_int_equal(hp_read(objects, 3, (size_t)1 << 20, &o), 0);
	assert_int_equal(hp_read(objects, 4, SIZE_MAX, &o), 0);
	assert_int_equal(hp_read(objects, 0, SIZE_MAX, &o), 1);
	assert_string_equal(o.data, "hello world\n");
}

/* An objects directory whose index path is exactly 4,095 bytes long (the
 * reader's path buffer is 4,096): no write past it (ASan watches). */
static void
long_path(void **state)
{
	char path[4200], objects[4200];
	size_t len;

	(void)state;
	snprintf(objects, sizeof(objects), "%s/long", dir);
	len = strlen(objects);
	for (;;) {
		/* the name's length if the directories stopped here */
		size_t room = 4095 - len - strlen("/objects/pack/") - 4, c;

		if (room <= 255)
			break;
		c = room - 200 > 200 ? 200 : room - 200;
		memset(path, 'd', c);
		path[c] = '\0';
		len += (size_t)snprintf(objects + len, sizeof(objects) - len,
					"/%s", path);
	}
	strcat(objects, "/objects");
	hp_start();
	hp_blob("x\n");
	hp_write(objects);
	/* rename the index so that its path is 4,095 bytes */
	{
		char from[4300], to[4300];
		size_t base = strlen(objects) + strlen("/pack/") + 4;

		assert_true(base < 4095);
		snprintf(from, sizeof(from), "%s/pack/pack-h.idx", objects);
		memset(path, 'n', 4095 - base);
		path[4095 - base] = '\0';
		assert_true(strlen(path) <= 255);
		snprintf(to, sizeof(to), "%s/pack/%s.idx", objects, path);
		assert_int_equal(strlen(to), 4095);
		assert_int_equal(rename(from, to), 0);
	}
	{
		packdb *db;
		packobj o;
		unsigned char id[20];

		assert_non_null(db = packdb_open(objects));
		hp_id(id, 0);
		/* its pack's path would not fit: not opened, not found */
		assert_int_equal(packdb_read(db, id, SIZE_MAX, &o), 0);
		packdb_free(db);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ofs_deltas),
		cmocka_unit_test(ref_deltas),
		cmocka_unit_test(offsets_64),
		cmocka_unit_test(index_v1_declined),
		cmocka_unit_test(damaged),
		cmocka_unit_test(fast_import_and_loose),
		cmocka_unit_test(no_packs),
		cmocka_unit_test(handmade),
		cmocka_unit_test(long_path),
	};

	git_libgit2_init();
	return cmocka_run_group_tests(tests, setup, teardown);
}
