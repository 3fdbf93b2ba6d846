/*
 * packguard.c - the guard libgit2 1.5 needs before it reads an object
 * (packguard.h).  Pack format: git's Documentation/gitformat-pack.txt.
 *
 * Why it exists: libgit2 1.5 (like git) follows a pack's delta chain with
 * no bound, so a chain that loops never returns, and it overflows its
 * buffer on a loose object holding more than its header says.  strat
 * promises never to hang or crash on a damaged repository, so each object
 * is checked here first.  This is a guard, not a second object reader: it
 * finds the object in the .idx files, walks the delta chain through the
 * entries' headers only (nothing of a pack is inflated), and inflates a
 * loose object only to compare its header with its length.  The object
 * itself is always read by libgit2.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "packguard.h"

/* libgit2's GIT_ALTERNATES_MAX_DEPTH: deeper alternates are not read */
#define MAX_ALTERNATES_DEPTH 5

typedef struct {
	char *name;               /* pack-X (without .idx/.pack) */
	const unsigned char *idx; /* mapped .idx */
	size_t idxlen;
	uint32_t n;                /* objects */
	const unsigned char *pack; /* mapped .pack, NULL until needed */
	size_t packlen;
	size_t dir; /* its objects directory: 0 the repository's own */
	int v1;     /* a version 1 index (no header, offsets beside ids) */
	int bad;    /* unusable: not checked (libgit2 cannot read it either) */
} gpack;

struct packguard {
	char *root;  /* the repository's objects directory */
	char **dirs; /* it, then its alternates, once loaded */
	dev_t *dev;  /* and their inodes: each directory once */
	ino_t *ino;
	size_t ndirs;
	gpack *v;
	size_t n;
	int loaded;
};

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static const unsigned char *
map(const char *path, size_t *len)
{
	struct stat st;
	void *m;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || st.st_size <= 0) {
		close(fd);
		return NULL;
	}
	m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd); /* the mapping stays; no descriptor is kept */
	if (m == MAP_FAILED)
		return NULL;
	*len = (size_t)st.st_size;
	return m;
}

packguard *
packguard_new(const char *dir)
{
	packguard *g = calloc(1, sizeof(*g));

	if (g == NULL || (g->root = strdup(dir)) == NULL) {
		free(g);
		return NULL;
	}
	return g;
}

void
packguard_free(packguard *g)
{
	size_t i;

	if (g == NULL)
		return;
	for (i = 0; i < g->n; i++) {
		if (g->v[i].idx)
			munmap((void *)g->v[i].idx, g->v[i].idxlen);
		if (g->v[i].pack)
			munmap((void *)g->v[i].pack, g->v[i].packlen);
		free(g->v[i].name);
	}
	for (i = 0; i < g->ndirs; i++)
		free(g->dirs[i]);
	free(g->dirs);
	free(g->root);
	free(g->dev);
	free(g->ino);
	free(g->v);
	free(g);
}

/* The .idx files of g->dirs[di]/pack, mapped and checked. */
static void
load_packs(packguard *g, size_t di)
{
	char path[4096];
	struct dirent *e;
	DIR *d;
	size_t len, min;

	snprintf(path, sizeof(path), "%s/pack", g->dirs[di]);
	if ((d = opendir(path)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		gpack *v, *p;

		if (l < 5 || strcmp(e->d_name + l - 4, ".idx") != 0)
			continue;
		if ((v = realloc(g->v, (g->n + 1) * sizeof(*v))) == NULL)
			break;
		g->v = v;
		p = &g->v[g->n];
		memset(p, 0, sizeof(*p));
		p->dir = di;
		if ((size_t)snprintf(path, sizeof(path), "%s/pack/%.*s.idx",
				     g->dirs[di], (int)(l - 4),
				     e->d_name) >= sizeof(path) ||
		    (p->name = strndup(path, strlen(path) - 4)) == NULL)
			continue;
		p->idx = map(path, &len);
		p->idxlen = p->idx ? len : 0;
		/* version 2: header, fanout, and per object id, crc, offset;
		 * version 1 (what libgit2 takes any other file for): fanout,
		 * and per object offset and id; both end in two checksums */
		p->v1 = p->idx && len >= 8 && memcmp(p->idx, "\377tOc", 4) != 0;
		min = p->v1 ? 1024 + 40 : 8 + 1024 + 40;
		if (p->idx == NULL || len < min ||
		    (!p->v1 && memcmp(p->idx, "\377tOc\0\0\0\2", 8) != 0) ||
		    (p->n = be32(p->idx + min - 44)) >
			(len - min) / (p->v1 ? 24 : 28))
			p->bad = 1;
		g->n++;
	}
	closedir(d);
}

/* Directory dir (from an alternates file at depth) added once, by inode,
 * as libgit2 adds it. */
static void add_dir(packguard *g, const char *dir, int depth);

/* The alternates of g->dirs[di] (its info/alternates, one directory a
 * line, '#' comments; relative only in the repository's own, as libgit2
 * 1.5 reads them). */
static void
load_alternates(packguard *g, size_t di, int depth)
{
	char line[4096], path[sizeof(line) + 4096];
	FILE *f;

	if (depth > MAX_ALTERNATES_DEPTH)
		return;
	snprintf(path, sizeof(path), "%s/info/alternates", g->dirs[di]);
	if ((f = fopen(path, "re")) == NULL)
		return;
	while (fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '\0' || line[0] == '#')
			continue;
		if (line[0] == '.' && depth == 0)
			snprintf(path, sizeof(path), "%s/%s", g->dirs[di],
				 line);
		else
			snprintf(path, sizeof(path), "%s", line);
		add_dir(g, path, depth + 1);
	}
	fclose(f);
}

static void
add_dir(packguard *g, const char *dir, int depth)
{
	struct stat st;
	size_t i, k = g->ndirs;
	char **d;
	dev_t *dv;
	ino_t *in;

	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
		return;
	for (i = 0; i < k; i++)
		if (g->dev[i] == st.st_dev && g->ino[i] == st.st_ino)
			return;
	if ((d = realloc(g->dirs, (k + 1) * sizeof(*d))) == NULL)
		return;
	g->dirs = d;
	if ((dv = realloc(g->dev, (k + 1) * sizeof(*dv))) == NULL)
		return;
	g->dev = dv;
	if ((in = realloc(g->ino, (k + 1) * sizeof(*in))) == NULL)
		return;
	g->ino = in;
	if ((g->dirs[k] = strdup(dir)) == NULL)
		return;
	g->dev[k] = st.st_dev;
	g->ino[k] = st.st_ino;
	g->ndirs++;
	load_packs(g, k);
	load_alternates(g, k, depth);
}

/* The offset of id in p, or 0 when p does not hold it. */
static uint64_t
find(const gpack *p, const unsigned char *id)
{
	const unsigned char *fan = p->idx + (p->v1 ? 0 : 8);
	const unsigned char *ids = fan + 1024, *offs = ids + (size_t)p->n * 24;
	uint32_t lo = id[0] ? be32(fan + 4 * (id[0] - 1)) : 0;
	uint32_t hi = be32(fan + 4 * id[0]), mid, o;
	size_t big;
	int c;

	if (hi > p->n || lo > hi)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = p->v1 ? memcmp(ids + (size_t)mid * 24 + 4, id, 20)
			  : memcmp(ids + (size_t)mid * 20, id, 20);
		if (c == 0 && p->v1)
			return be32(ids + (size_t)mid * 24);
		if (c == 0) {
			o = be32(offs + (size_t)mid * 4);
			if (!(o & 0x80000000u))
				return o;
			/* a 64-bit offset, in the table after the 32-bit */
			big = (size_t)(offs - p->idx) + (size_t)p->n * 4 +
			      (size_t)(o & 0x7fffffffu) * 8;
			if (big + 8 > p->idxlen - 40)
				return 0;
			return (uint64_t)be32(p->idx + big) << 32 |
			       be32(p->idx + big + 4);
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Map p's .pack when first needed; -1 when it cannot be. */
static int
map_pack(gpack *p)
{
	char path[4096];

	if (p->pack != NULL)
		return 0;
	snprintf(path, sizeof(path), "%s.pack", p->name);
	if ((p->pack = map(path, &p->packlen)) == NULL || p->packlen < 32) {
		p->bad = 1;
		return -1;
	}
	return 0;
}

/*
 * A loose object checked as git would before libgit2 reads it: the zlib
 * stream ends and checks, the header is "TYPE SIZE\0" exactly, and SIZE
 * bytes follow it.  libgit2 1.5 trusts the header's size and copies the
 * inflated bytes past it: a loose object "blob 10 n\0" with 147 bytes
 * after it overflowed its buffer (found by fuzz/fuzz_git.c).  With full 0
 * only the header is read (read_header reads no more).  -1 with why.
 */
static void
hex(const unsigned char *id, char out[41])
{
	int i;

	for (i = 0; i < 20; i++)
		snprintf(out + 2 * i, 3, "%02x", id[i]);
}

static int
check_loose(const char *dir, const unsigned char id[20], int full, char *why,
	    size_t n)
{
	static const char *const types[] = {"commit ", "tree ", "blob ",
					    "tag "};
	unsigned char in[16384], out[16384], hdr[64];
	char path[4096], h[41];
	size_t nh = 0, i, t, size = 0, body = 0;
	const char *bad = NULL;
	z_stream z;
	ssize_t r;
	int fd, zr = Z_OK, done = 0;

	hex(id, h);
	snprintf(path, sizeof(path), "%s/%.2s/%s", dir, h, h + 2);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return 0; /* not loose here */
	memset(&z, 0, sizeof(z));
	if (inflateInit(&z) != Z_OK) {
		close(fd);
		return 0;
	}
	while (!done && bad == NULL && zr != Z_STREAM_END) {
		if (z.avail_in == 0) {
			if ((r = read(fd, in, sizeof(in))) <= 0) {
				bad = "its zlib stream is cut short";
				break;
			}
			z.next_in = in;
			z.avail_in = (uInt)r;
		}
		z.next_out = out;
		z.avail_out = sizeof(out);
		zr = inflate(&z, Z_NO_FLUSH);
		if (zr != Z_OK && zr != Z_STREAM_END && zr != Z_BUF_ERROR) {
			bad = "its zlib stream does not inflate";
			break;
		}
		for (i = 0; i < sizeof(out) - z.avail_out; i++) {
			if (nh < sizeof(hdr) && (nh == 0 || hdr[nh - 1])) {
				hdr[nh++] = out[i];
				if (hdr[nh - 1] == '\0' && !full)
					done = 1;
			} else {
				body++;
			}
		}
	}
	inflateEnd(&z);
	close(fd);
	if (bad == NULL && (nh == 0 || hdr[nh - 1] != '\0'))
		bad = "its header does not end";
	for (t = 0; bad == NULL && t < 4; t++)
		if (strncmp((const char *)hdr, types[t], strlen(types[t])) == 0)
			break;
	if (bad == NULL && t == 4)
		bad = "its header names no object type";
	if (bad == NULL) {
		const unsigned char *d = hdr + strlen(types[t]);

		if (*d == '\0' || (*d == '0' && d[1] != '\0'))
			bad = "its header's size is not a number";
		for (; bad == NULL && *d; d++) {
			if (*d < '0' || *d > '9' || size > (SIZE_MAX - 9) / 10)
				bad = "its header's size is not a number";
			else
				size = size * 10 + (size_t)(*d - '0');
		}
	}
	if (bad == NULL && full && body != size)
		bad = "it holds another size than its header says";
	if (bad == NULL)
		return 0;
	snprintf(why, n, "the loose object is damaged: %s", bad);
	return -1;
}

/*
 * The chain from the entry at off in p: 0 when it ends (in an object, or
 * where libgit2 stops with an error of its own), -1 when it runs past
 * PACKGUARD_MAX_DEPTH links.  A REF_DELTA's base is looked up in the same
 * pack only, as libgit2 does ("base entry delta is not in the same pack").
 */
static int
chain(gpack *p, uint64_t off, unsigned char last[20])
{
	const unsigned char *e, *end = p->pack + p->packlen - 20;
	uint64_t rel;
	size_t depth;
	unsigned type;

	for (depth = 0; depth <= PACKGUARD_MAX_DEPTH; depth++) {
		if (off < 12 || off >= p->packlen - 20)
			return 0; /* libgit2 reports a bad offset */
		e = p->pack + off;
		type = (*e >> 4) & 7;
		while (e < end && (*e & 0x80)) /* the size's varint */
			e++;
		if (++e > end)
			return 0;
		if (type == 6) { /* OFS_DELTA: a base before the entry */
			if (e >= end)
				return 0;
			rel = *e & 0x7f;
			while (*e & 0x80) {
				if (++e >= end || rel > (UINT64_MAX >> 8))
					return 0;
				rel = ((rel + 1) << 7) | (*e & 0x7f);
			}
			if (rel == 0 || rel > off)
				return 0; /* libgit2 reports it */
			off -= rel;
		} else if (type == 7) { /* REF_DELTA: a base by id */
			if (e + 20 > end)
				return 0;
			memcpy(last, e, 20);
			if ((off = find(p, last)) == 0)
				return 0; /* libgit2: not in the same pack */
		} else {
			return 0; /* an object: the chain ends */
		}
	}
	return -1;
}

int
packguard_check(packguard *g, const unsigned char id[20], int full, char *why,
		size_t n)
{
	unsigned char last[20];
	uint64_t off;
	size_t i;
	int own = 0;
	char h[41];

	if (!g->loaded) {
		g->loaded = 1;
		add_dir(g, g->root, 0);
	}
	/* every pack that holds id: which one libgit2 reads changes with
	 * its pack order (newest first) and its last hit */
	for (i = 0; i < g->n; i++) {
		gpack *p = &g->v[i];

		if (p->bad || (off = find(p, id)) == 0 || map_pack(p) < 0)
			continue;
		own |= p->dir == 0;
		memcpy(last, id, 20);
		if (chain(p, off, last) < 0) {
			hex(last, h);
			snprintf(why, n,
				 "its delta chain does not end: pack entries "
				 "are each other's base (at %.12s), or it is "
				 "longer than %d",
				 h, PACKGUARD_MAX_DEPTH);
			return -1;
		}
	}
	/* libgit2 reads the repository's own packs first, then its loose
	 * objects, then the alternates' packs and loose objects */
	for (i = 0; !own && i < g->ndirs; i++)
		if (check_loose(g->dirs[i], id, full, why, n) < 0)
			return -1;
	return 0;
}
