/*
 * fuzz_git.c - the git side: repositories whose objects, trees, commits
 * and packs the input builds byte by byte, then strat's history walk and
 * 'lint --rev' over them.
 *
 * Every input starts from a valid repository of two commits (a plan with
 * calendar/a.yaml, planned then shipped) whose objects are a stack:
 *   0 strat.yaml  1 strategy.yaml  2 team.yaml  3 a.yaml (planned)
 *   4 a.yaml (shipped)  5 calendar tree 1  6 calendar tree 2
 *   7 root tree 1  8 root tree 2  9 commit 1  10 commit 2 (HEAD)
 * Then each byte is an operation (its value mod 8), reading its operands
 * from the bytes after it; R below is a byte naming a stack entry (mod the
 * stack's size):
 *   0 T L B...     a raw loose object of type T (commit tree blob tag,
 *                  mod 4) and L bytes B (not checked: any garbage)
 *   1 N (M X R)... a tree of N (mod 6) entries in the order given: mode M
 *                  (100644 40000 120000 160000 100755 4000, mod 6), name X
 *                  (calendar a.yaml b.yaml strat.yaml strategy.yaml
 *                  team.yaml sub .git, mod 8), object R
 *   2 R P R... C E L B...  a commit of tree R with P (mod 3) parents R,
 *                  committer time C (one of a list: normal, 23 digits,
 *                  negative, zero, trailing garbage, mod 6), encoding E
 *                  (none, ISO-8859-1, an unknown one, mod 3), and an
 *                  author name of L (mod 16) bytes B; it becomes HEAD
 *   3 K (D R)... S a pack of K (mod 4, plus 1) entries: object R stored as
 *                  D (mod 4): 0 whole, 1 a REF_DELTA against the next
 *                  entry's object (the last against the first: a cycle
 *                  when all are), 2 an OFS_DELTA against the entry before,
 *                  3 a REF_DELTA whose delta is garbage; S odd removes the
 *                  loose copies of the packed objects
 *   4 R            the loose copy of R removed
 *   5 R O V        byte O of R's loose file set to V
 *   6 D            calendar/ nested D*8 (+1) directories deep, a.yaml at
 *                  the bottom, in a new root tree and commit (HEAD); once
 *                  per input (the writes are the harness's time)
 *   7 R            HEAD set to R (a commit, or anything)
 * Oracles: no crash, leak, undefined behaviour or hang (libFuzzer's
 * -timeout); every failure is an error with a message, never a crash.
 */
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "fuzz.h"
#include "strat/git.h"
#include "strat/history.h"
#include "strat/lint.h"

#define MAXSTACK 256
#define MAXOPS   64

typedef struct {
	git_oid id;
	git_object_t type;
	unsigned char *data;
	size_t len;
} obj;

typedef struct {
	char dir[64];
	obj v[MAXSTACK];
	size_t n;
	git_oid head;
	const uint8_t *p, *end;
	int deep; /* op 6 done */
} world;

static unsigned
next(world *w)
{
	return w->p < w->end ? *w->p++ : 0;
}

static obj *
ref(world *w)
{
	return &w->v[next(w) % w->n];
}

static void
loose_path(const world *w, const git_oid *id, char *out, size_t n)
{
	char hex[GIT_OID_HEXSZ + 1];

	git_oid_tostr(hex, sizeof(hex), id);
	snprintf(out, n, "%s/objects/%.2s/%s", w->dir, hex, hex + 2);
}

/* Write a loose object as git does (zlib of "type len\0data"); push it. */
static obj *
put(world *w, git_object_t type, const void *data, size_t len)
{
	char path[256], hdr[64];
	unsigned char *raw, *z;
	uLongf zl;
	size_t hl;
	obj *o;
	int fd;

	if (w->n == MAXSTACK)
		return &w->v[w->n - 1];
	o = &w->v[w->n];
	if (git_odb_hash(&o->id, data, len, type) < 0)
		abort();
	hl = (size_t)snprintf(hdr, sizeof(hdr), "%s %zu",
			      git_object_type2string(type), len) +
	     1;
	if ((raw = malloc(hl + len + 1)) == NULL ||
	    (o->data = malloc(len + 1)) == NULL)
		abort();
	memcpy(raw, hdr, hl);
	memcpy(raw + hl, data, len);
	memcpy(o->data, data, len);
	o->len = len;
	o->type = type;
	zl = compressBound(hl + len);
	if ((z = malloc(zl)) == NULL ||
	    compress2(z, &zl, raw, hl + len, 1) != Z_OK)
		abort();
	loose_path(w, &o->id, path, sizeof(path));
	path[strlen(path) - 39] = '\0';
	mkdir(path, 0777);
	path[strlen(path)] = '/';
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0444)) >= 0) {
		if (write(fd, z, zl) != (ssize_t)zl)
			abort();
		close(fd);
	}
	free(raw);
	free(z);
	w->n++;
	return o;
}

/* A tree entry: "mode name\0" and the 20-byte id. */
static size_t
tree_entry(unsigned char *out, const char *mode, const char *name,
	   const git_oid *id)
{
	size_t n = (size_t)sprintf((char *)out, "%s %s", mode, name) + 1;

	memcpy(out + n, id->id, 20);
	return n + 20;
}

static void
write_head(world *w)
{
	char path[128], hex[GIT_OID_HEXSZ + 1];
	FILE *f;

	snprintf(path, sizeof(path), "%s/refs/heads/main", w->dir);
	git_oid_tostr(hex, sizeof(hex), &w->head);
	if ((f = fopen(path, "w")) == NULL)
		abort();
	fprintf(f, "%s\n", hex);
	fclose(f);
}

static const char *const times[] = {"1783944000",  "99999999999999999999999",
				    "-5",          "0",
				    "1783944000x", "18446744073709551616"};
static const char *const encs[] = {NULL, "ISO-8859-1", "X-NO-SUCH"};

static obj *
commit(world *w, const git_oid *tree, const git_oid *parents, size_t np,
       unsigned t, unsigned e, const char *name, size_t nl)
{
	char buf[1024], hex[GIT_OID_HEXSZ + 1];
	size_t n, i;

	git_oid_tostr(hex, sizeof(hex), tree);
	n = (size_t)snprintf(buf, sizeof(buf), "tree %s\n", hex);
	for (i = 0; i < np; i++) {
		git_oid_tostr(hex, sizeof(hex), &parents[i]);
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "parent %s\n",
				      hex);
	}
	n += (size_t)snprintf(buf + n, sizeof(buf) - n, "author ");
	memcpy(buf + n, name, nl);
	n += nl;
	n += (size_t)snprintf(buf + n, sizeof(buf) - n,
			      " <a@example.com> %s +0000\ncommitter C "
			      "<c@example.com> %s +0000\n",
			      times[t % 6], times[t % 6]);
	if (encs[e % 3])
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "encoding %s\n",
				      encs[e % 3]);
	n += (size_t)snprintf(buf + n, sizeof(buf) - n, "\nplan\n");
	return put(w, GIT_OBJECT_COMMIT, buf, n);
}

static void
base(world *w)
{
	static const char cal1[] =
	    "kind: calendar\nversion: 1\nitems:\n  - id: a\n    title: A\n"
	    "    anchor: q3-a\n    owner: ann\n    channel: blog\n"
	    "    date: 2026-07-10\n    status: planned\n";
	static const char cal2[] =
	    "kind: calendar\nversion: 1\nitems:\n  - id: a\n    title: A\n"
	    "    anchor: q3-a\n    owner: ann\n    channel: blog\n"
	    "    date: 2026-07-10\n    status: shipped\n"
	    "    shipped: 2026-07-10\n";
	static const char strategy[] =
	    "kind: strategy\nversion: 1\ntitle: T\nowner: ann\n"
	    "thesis: t\noutcomes:\n  - id: o1\n    title: O\n"
	    "    owner: ann\nanchors:\n  - id: q3-a\n    title: A\n"
	    "    quarter: 2026-Q3\n    owner: ann\n    outcomes: [o1]\n"
	    "    done: d\n";
	static const char team[] =
	    "kind: team\nversion: 1\npeople:\n  - id: ann\n    name: Ann\n";
	unsigned char t[512];
	size_t n, k;
	git_oid par;

	put(w, GIT_OBJECT_BLOB, "strat: 1\n", 9);
	put(w, GIT_OBJECT_BLOB, strategy, sizeof(strategy) - 1);
	put(w, GIT_OBJECT_BLOB, team, sizeof(team) - 1);
	put(w, GIT_OBJECT_BLOB, cal1, sizeof(cal1) - 1);
	put(w, GIT_OBJECT_BLOB, cal2, sizeof(cal2) - 1);
	for (k = 0; k < 2; k++) {
		n = tree_entry(t, "100644", "a.yaml", &w->v[3 + k].id);
		put(w, GIT_OBJECT_TREE, t, n);
	}
	for (k = 0; k < 2; k++) {
		n = tree_entry(t, "40000", "calendar", &w->v[5 + k].id);
		n += tree_entry(t + n, "100644", "strat.yaml", &w->v[0].id);
		n += tree_entry(t + n, "100644", "strategy.yaml", &w->v[1].id);
		n += tree_entry(t + n, "100644", "team.yaml", &w->v[2].id);
		put(w, GIT_OBJECT_TREE, t, n);
	}
	commit(w, &w->v[7].id, NULL, 0, 0, 0, "Ann", 3);
	par = w->v[9].id;
	commit(w, &w->v[8].id, &par, 1, 0, 0, "Ann", 3);
	w->head = w->v[10].id;
}

static void
op_tree(world *w)
{
	static const char *const modes[] = {"100644", "40000",  "120000",
					    "160000", "100755", "4000"};
	static const char *const names[] = {
	    "calendar",      "a.yaml",    "b.yaml", "strat.yaml",
	    "strategy.yaml", "team.yaml", "sub",    ".git"};
	unsigned char t[6 * 64];
	size_t n = 0, k, cnt = next(w) % 6;

	for (k = 0; k < cnt; k++) {
		const char *m = modes[next(w) % 6], *nm = names[next(w) % 8];

		n += tree_entry(t + n, m, nm, &ref(w)->id);
	}
	put(w, GIT_OBJECT_TREE, t, n);
}

static void
op_commit(world *w)
{
	git_oid tree = ref(w)->id, par[2];
	size_t np = next(w) % 3, k, nl;
	unsigned t, e;
	char name[16];

	for (k = 0; k < np; k++)
		par[k] = ref(w)->id;
	t = next(w);
	e = next(w);
	nl = next(w) % 16;
	for (k = 0; k < nl; k++) {
		name[k] = (char)next(w);
		if (name[k] == '\0' || name[k] == '\n' || name[k] == '<' ||
		    name[k] == '>')
			name[k] = 'x';
	}
	w->head = commit(w, &tree, par, np, t, e, name, nl)->id;
}

/* The header of a pack entry: type and size as git writes them. */
static size_t
entry_header(unsigned char *out, unsigned type, size_t size)
{
	size_t n = 0;

	out[n] = (unsigned char)(type << 4 | (size & 15));
	size >>= 4;
	while (size) {
		out[n++] |= 0x80;
		out[n] = size & 0x7f;
		size >>= 7;
	}
	return n + 1;
}

static size_t
varint(unsigned char *out, size_t v)
{
	size_t n = 0;

	do {
		out[n] = (unsigned char)(v & 0x7f);
		v >>= 7;
		if (v)
			out[n] |= 0x80;
		n++;
	} while (v);
	return n;
}

static unsigned
pack_type(git_object_t t)
{
	return t == GIT_OBJECT_COMMIT ? 1
	       : t == GIT_OBJECT_TREE ? 2
	       : t == GIT_OBJECT_BLOB ? 3
				      : 4;
}

static int
cmp_oid(const void *a, const void *b)
{
	return git_oid_cmp(&(*(obj *const *)a)->id, &(*(obj *const *)b)->id);
}

static void
op_pack(world *w)
{
	size_t k = next(w) % 4 + 1, i, j, n, len = 12, cap = 4096;
	obj *o[4], *s[4];
	unsigned kind[4];
	uint32_t off[4], crc[4];
	unsigned char *pk = malloc(cap), *d, hdr[32], sha[20];
	unsigned char *idx;
	git_oid sum;
	char path[128], hex[GIT_OID_HEXSZ + 1];
	FILE *f;

	if (pk == NULL)
		abort();
	for (i = 0; i < k; i++) {
		kind[i] = next(w) % 4;
		o[i] = ref(w);
		for (j = 0; j < i; j++)
			if (git_oid_equal(&o[j]->id, &o[i]->id))
				break;
		if (j < i) { /* an id once per pack */
			k = i;
			break;
		}
	}
	memcpy(pk, "PACK\0\0\0\2\0\0\0", 11);
	pk[11] = (unsigned char)k;
	for (i = 0; i < k; i++) {
		size_t dl, zl, hl;
		unsigned type = pack_type(o[i]->type);

		/* the delta: "insert everything", valid against any base
		 * of the size it declares (0: the base's real size) */
		if ((d = malloc(o[i]->len + 64)) == NULL)
			abort();
		if (kind[i] == 0) {
			memcpy(d, o[i]->data, o[i]->len);
			dl = o[i]->len;
		} else {
			const obj *b =
			    kind[i] == 2 && i > 0 ? o[i - 1] : o[(i + 1) % k];
			size_t q;

			dl = varint(d, b->len);
			dl += varint(d + dl, o[i]->len);
			for (q = 0; q < o[i]->len; q += 127) {
				size_t c =
				    o[i]->len - q < 127 ? o[i]->len - q : 127;

				d[dl++] = (unsigned char)c;
				memcpy(d + dl, o[i]->data + q, c);
				dl += c;
			}
			if (kind[i] == 3)
				for (q = 0; q < dl; q++)
					d[q] ^= (unsigned char)next(w);
			if (kind[i] == 2 && i == 0)
				kind[i] = 1;
			type = kind[i] == 2 ? 6 : 7;
		}
		hl = entry_header(hdr, type, dl);
		if (type == 6) { /* the offset back to the entry before */
			size_t rel = len - off[i - 1];
			unsigned char t[16];
			size_t tn = 0;

			t[15] = rel & 0x7f;
			tn = 1;
			while (rel >>= 7) {
				rel--;
				t[15 - tn++] =
				    (unsigned char)(0x80 | (rel & 0x7f));
			}
			memcpy(hdr + hl, t + 16 - tn, tn);
			hl += tn;
		} else if (type == 7) {
			memcpy(hdr + hl, o[(i + 1) % k]->id.id, 20);
			hl += 20;
		}
		zl = compressBound(dl);
		while (len + hl + zl + 20 > cap)
			if ((pk = realloc(pk, cap *= 2)) == NULL)
				abort();
		off[i] = (uint32_t)len;
		memcpy(pk + len, hdr, hl);
		{
			uLongf z = zl;

			if (compress2(pk + len + hl, &z, d, dl, 1) != Z_OK)
				abort();
			zl = z;
		}
		crc[i] = (uint32_t)crc32(0, pk + len, (uInt)(hl + zl));
		len += hl + zl;
		free(d);
	}
	git_odb_hash(&sum, pk, len, GIT_OBJECT_BLOB); /* any 20 bytes */
	memcpy(sha, sum.id, 20);
	memcpy(pk + len, sha, 20);
	len += 20;
	/* the index: version 2, fanout, ids, crcs, offsets, checksums */
	n = 8 + 1024 + k * 28 + 40;
	if ((idx = calloc(1, n)) == NULL)
		abort();
	memcpy(idx, "\377tOc\0\0\0\2", 8);
	for (i = 0; i < k; i++)
		s[i] = o[i];
	qsort(s, k, sizeof(*s), cmp_oid);
	for (i = 0; i < 256; i++) {
		uint32_t c = 0;

		for (j = 0; j < k; j++)
			c += s[j]->id.id[0] <= i;
		idx[8 + 4 * i] = (unsigned char)(c >> 24);
		idx[8 + 4 * i + 3] = (unsigned char)c;
	}
	for (i = 0; i < k; i++) {
		for (j = 0; j < k; j++)
			if (o[j] == s[i])
				break;
		memcpy(idx + 1032 + 20 * i, s[i]->id.id, 20);
		idx[1032 + 20 * k + 4 * i] = (unsigned char)(crc[j] >> 24);
		idx[1032 + 20 * k + 4 * i + 1] = (unsigned char)(crc[j] >> 16);
		idx[1032 + 20 * k + 4 * i + 2] = (unsigned char)(crc[j] >> 8);
		idx[1032 + 20 * k + 4 * i + 3] = (unsigned char)crc[j];
		idx[1032 + 24 * k + 4 * i] = (unsigned char)(off[j] >> 24);
		idx[1032 + 24 * k + 4 * i + 1] = (unsigned char)(off[j] >> 16);
		idx[1032 + 24 * k + 4 * i + 2] = (unsigned char)(off[j] >> 8);
		idx[1032 + 24 * k + 4 * i + 3] = (unsigned char)off[j];
	}
	memcpy(idx + n - 40, sha, 20);
	git_odb_hash(&sum, idx, n - 20, GIT_OBJECT_BLOB);
	memcpy(idx + n - 20, sum.id, 20);
	git_oid_tostr(hex, sizeof(hex), &sum);
	snprintf(path, sizeof(path), "%s/objects/pack/pack-%s.pack", w->dir,
		 hex);
	if ((f = fopen(path, "wb")) != NULL) {
		fwrite(pk, 1, len, f);
		fclose(f);
	}
	memcpy(path + strlen(path) - 4, "idx", 4);
	if ((f = fopen(path, "wb")) != NULL) {
		fwrite(idx, 1, n, f);
		fclose(f);
	}
	if (next(w) & 1)
		for (i = 0; i < k; i++) {
			loose_path(w, &o[i]->id, path, sizeof(path));
			unlink(path);
		}
	free(pk);
	free(idx);
}

static void
op_corrupt(world *w)
{
	char path[256];
	obj *o = ref(w);
	unsigned at = next(w), v = next(w);
	int fd;

	loose_path(w, &o->id, path, sizeof(path));
	if ((fd = open(path, O_RDWR)) < 0) {
		chmod(path, 0644);
		if ((fd = open(path, O_RDWR)) < 0)
			return;
	}
	if (pwrite(fd, &v, 1, at) < 0)
		(void)0; /* a hole past the end is damage too */
	close(fd);
}

static void
op_deep(world *w)
{
	size_t depth = (next(w) % 256) * 8 + 1, i, n;
	unsigned char t[512];
	git_oid cur = w->v[4].id, par = w->head;

	n = tree_entry(t, "100644", "a.yaml", &cur);
	cur = put(w, GIT_OBJECT_TREE, t, n)->id;
	for (i = 0; i < depth && w->n < MAXSTACK - 3; i++) {
		/* intermediate trees are written but not kept on the stack */
		n = tree_entry(t, "40000", "x", &cur);
		cur = put(w, GIT_OBJECT_TREE, t, n)->id;
		free(w->v[--w->n].data);
	}
	n = tree_entry(t, "40000", "calendar", &cur);
	n += tree_entry(t + n, "100644", "strat.yaml", &w->v[0].id);
	n += tree_entry(t + n, "100644", "strategy.yaml", &w->v[1].id);
	n += tree_entry(t + n, "100644", "team.yaml", &w->v[2].id);
	cur = put(w, GIT_OBJECT_TREE, t, n)->id;
	w->head = commit(w, &cur, &par, 1, 0, 0, "Deep", 4)->id;
}

static void
build(world *w)
{
	size_t ops = 0;

	base(w);
	while (w->p < w->end && ops++ < MAXOPS) {
		switch (next(w) % 8) {
		case 0: {
			static const git_object_t types[] = {
			    GIT_OBJECT_COMMIT, GIT_OBJECT_TREE, GIT_OBJECT_BLOB,
			    GIT_OBJECT_TAG};
			git_object_t t = types[next(w) % 4];
			size_t l = next(w);

			if (l > (size_t)(w->end - w->p))
				l = (size_t)(w->end - w->p);
			put(w, t, w->p, l);
			w->p += l;
			break;
		}
		case 1:
			op_tree(w);
			break;
		case 2:
			op_commit(w);
			break;
		case 3:
			op_pack(w);
			break;
		case 4: {
			char path[256];

			loose_path(w, &ref(w)->id, path, sizeof(path));
			unlink(path);
			break;
		}
		case 5:
			op_corrupt(w);
			break;
		case 6:
			/* once per input: each writes up to 2,050 objects */
			if (!w->deep)
				op_deep(w);
			w->deep = 1;
			break;
		default:
			w->head = ref(w)->id;
		}
	}
	write_head(w);
}

/* ---- the code under test ---- */

static void
lint_rev(strat_repo *repo, const strat_oid *tip)
{
	strat_source src;
	strat_plan *plan = NULL;
	strat_diags *d = NULL;

	if (strat_source_commit(&src, repo, tip) < 0)
		return;
	if (strat_diags_new(&d) == 0 &&
	    strat_plan_load(&plan, &src, NULL, d) == 0)
		strat_lint(plan, NULL, d);
	strat_plan_free(plan);
	strat_diags_free(d);
	strat_source_git_free(&src);
}

static void
history(strat_repo *repo, const strat_oid *tip)
{
	strat_history_options ho = STRAT_HISTORY_OPTIONS_INIT;
	strat_measure_options mo = STRAT_MEASURE_OPTIONS_INIT;
	strat_history *h = NULL;
	strat_measures *m = NULL;

	ho.max_commits = 64;
	if (strat_history_build(&h, repo, tip, &ho) == 0) {
		mo.today = strat_date_from_ymd(2026, 9, 15);
		if (strat_measure(&m, h, &mo) == 0) {
			strat_report rp = STRAT_REPORT_INIT;
			strat_render_options ro = STRAT_RENDER_OPTIONS_INIT;
			char *text = NULL;

			rp.history = h;
			rp.measures = m;
			rp.revision = "HEAD";
			rp.today = mo.today;
			ro.format = STRAT_FORMAT_JSON;
			if (strat_report_render(&text, &rp, &ro) < 0)
				fuzz_fail("render returned NULL", NULL, 0);
			free(text);
		}
	} else if (strat_error_last()[0] == '\0') {
		fuzz_fail("history failed without a message", NULL, 0);
	}
	if (getenv("FUZZ_GIT_DUMP")) /* to look at what a seed does */
		fprintf(stderr, "history: %s\n",
			h ? "built" : strat_error_last());
	strat_measures_free(m);
	strat_history_free(h);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int inited;
	static world w;
	strat_repo *repo = NULL;
	strat_oid tip;
	size_t i;

	if (!inited) {
		git_libgit2_init();
		unsetenv("GIT_DIR");
		unsetenv("GIT_WORK_TREE");
		unsetenv("GIT_INDEX_FILE");
		inited = 1;
	}
	if (size > 64 * 1024)
		return 0;
	memset(&w, 0, sizeof(w));
	w.p = data;
	w.end = data + size;
	snprintf(w.dir, sizeof(w.dir), "%s/strat-fuzz-git-XXXXXX",
		 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (mkdtemp(w.dir) == NULL)
		abort();
	{
		git_repository *r;

		if (git_repository_init(&r, w.dir, 1) < 0)
			abort();
		git_repository_free(r);
	}
	build(&w);
	if (strat_repo_open(&repo, w.dir) < 0)
		fuzz_fail("cannot open the repository", strat_error_last(),
			  strlen(strat_error_last()));
	memcpy(tip.id, w.head.id, sizeof(tip.id));
	history(repo, &tip);
	lint_rev(repo, &tip);
	strat_repo_free(repo);
	for (i = 0; i < w.n; i++)
		free(w.v[i].data);
	if (getenv("FUZZ_GIT_KEEP")) /* the repository, to look at */
		fprintf(stderr, "kept %s\n", w.dir);
	else
		fuzz_rmtree(w.dir);
	return 0;
}
