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

/* Entry headers are read through a few windows of a pack, mapped in turn
 * as libgit2 reads packs, never by mapping the whole pack: with the pack
 * mapped whole, the pages its headers touched counted in strat's peak RSS
 * beside libgit2's own windows (154.6 MB against 66.7 MB without the
 * guard, bench/report.sh mono); read with pread (4 KB at a time), 46,000
 * system calls took 3% of mono's time.  Walks move through a pack in
 * order: mono's 299,000 headers are read through 316 mappings of 4
 * windows of 1 MB (4 MB of RSS at most). */
#define NWIN     4
#define WIN_SIZE (1024 * 1024)
/* windows start at a multiple of it (a page size: up to 64 KB) */
#define WIN_ALIGN 65536
/* The longest entry header read: the type and size (a varint libgit2
 * takes up to 64 bits), then an OFS_DELTA's varint or a REF_DELTA's id. */
#define HDR_MAX 64

/* Entries whose chain ends are remembered as (offset + 1) << LINK_BITS |
 * links: a chain is walked once per run, and a delta stops at the first
 * base met before (mono: trees in chains of up to 50, each walk was
 * repeated for every tree of the chain). */
#define LINK_BITS 14
#if PACKGUARD_MAX_DEPTH >= (1 << LINK_BITS)
#error "PACKGUARD_MAX_DEPTH does not fit the cache's link count"
#endif

typedef struct {
	char *name;               /* pack-X (without .idx/.pack) */
	const unsigned char *idx; /* mapped .idx */
	size_t idxlen;
	uint32_t n;       /* objects */
	uint64_t packlen; /* the .pack's size, once known */
	uint64_t *ok;     /* entries whose chain ends (LINK_BITS), 0 free */
	size_t okcap, okn;
	size_t dir; /* its objects directory: 0 the repository's own */
	int v1;     /* a version 1 index (no header, offsets beside ids) */
	int bad;    /* unusable: not checked (libgit2 cannot read it either) */
} gpack;

typedef struct {
	size_t pack; /* which g->v */
	uint64_t start;
	size_t len; /* 0: none */
	const unsigned char *map;
} gwin;

struct packguard {
	char *root;  /* the repository's objects directory */
	char **dirs; /* it, then its alternates, once loaded */
	dev_t *dev;  /* and their inodes: each directory once */
	ino_t *ino;
	size_t ndirs;
	gpack *v;
	size_t n;
	int loaded;
	gwin win[NWIN];
	size_t nextwin; /* the window mapped next, round robin */
	uint64_t trail[PACKGUARD_MAX_DEPTH + 1]; /* the chain being walked */
	size_t headers; /* entry headers read (packguard_headers) */
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
		free(g->v[i].ok);
		free(g->v[i].name);
	}
	for (i = 0; i < NWIN; i++)
		if (g->win[i].len != 0)
			munmap((void *)g->win[i].map, g->win[i].len);
	for (i = 0; i < g->ndirs; i++)
		free(g->dirs[i]);
	free(g->dirs);
	free(g->root);
	free(g->dev);
	free(g->ino);
	free(g->v);
	free(g);
}

size_t
packguard_headers(const packguard *g)
{
	return g->headers;
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

/* The offset of id in p, or 0 when p does not hold it: the search
 * libgit2 runs (pack.c, git_pack__lookup_id), probe for probe, so that a
 * damaged index whose ids are out of order gives both the same entry. */
static uint64_t
find(const gpack *p, const unsigned char *id)
{
	const unsigned char *fan = p->idx + (p->v1 ? 0 : 8);
	const unsigned char *ids = fan + 1024, *offs = ids + (size_t)p->n * 24;
	size_t stride = p->v1 ? 24 : 20, skip = p->v1 ? 4 : 0;
	uint32_t lo = id[0] ? be32(fan + 4 * (id[0] - 1)) : 0;
	uint32_t hi = be32(fan + 4 * id[0]), mid, o;
	size_t big;
	int c;

	if (hi > p->n || lo > hi)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = memcmp(ids + (size_t)mid * stride + skip, id, 20);
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

/* g->v[pi]'s .pack, opened; -1 when it cannot be.  Its size is known
 * after. */
static int
open_pack(packguard *g, size_t pi)
{
	gpack *p = &g->v[pi];
	char path[4096];
	struct stat st;
	int fd;

	snprintf(path, sizeof(path), "%s.pack", p->name);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1; /* perhaps no descriptor left: tried again later */
	if (fstat(fd, &st) < 0 || st.st_size < 32) {
		close(fd);
		p->bad = 1;
		return -1;
	}
	p->packlen = (uint64_t)st.st_size;
	return fd;
}

/* The bytes of g->v[pi]'s pack from off, at most HDR_MAX and none of its
 * trailer, in *len; NULL when they cannot be read. */
static const unsigned char *
entry_at(packguard *g, size_t pi, uint64_t off, size_t *len)
{
	uint64_t end = g->v[pi].packlen - 20, start;
	size_t i, want = end - off < HDR_MAX ? (size_t)(end - off) : HDR_MAX;
	gwin *w;
	void *m;
	int fd;

	g->headers++;
	for (i = 0; i < NWIN; i++) {
		w = &g->win[i];
		if (w->len != 0 && w->pack == pi && off >= w->start &&
		    off - w->start + want <= w->len) {
			*len = want;
			return w->map + (off - w->start);
		}
	}
	w = &g->win[g->nextwin++ % NWIN];
	if (w->len != 0)
		munmap((void *)w->map, w->len);
	w->len = 0;
	start = off - off % WIN_SIZE;
	if (off - start + want > WIN_SIZE)
		start = off - off % WIN_ALIGN;
	if ((fd = open_pack(g, pi)) < 0)
		return NULL;
	w->len = g->v[pi].packlen - start < WIN_SIZE
		     ? (size_t)(g->v[pi].packlen - start)
		     : WIN_SIZE;
	m = mmap(NULL, w->len, PROT_READ, MAP_PRIVATE, fd, (off_t)start);
	close(fd); /* the mapping stays; no descriptor is kept */
	if (m == MAP_FAILED || off - start + want > w->len) {
		if (m != MAP_FAILED)
			munmap(m, w->len);
		w->len = 0;
		return NULL;
	}
	w->map = m;
	w->pack = pi;
	w->start = start;
	*len = want;
	return w->map + (off - start);
}

/* Where the entry at off is in p->ok, or the free slot it would take. */
static size_t
ok_slot(const gpack *p, uint64_t off)
{
	size_t i = (size_t)(off * 0x9e3779b97f4a7c15u >> 32) & (p->okcap - 1);

	while (p->ok[i] != 0 && p->ok[i] >> LINK_BITS != off + 1)
		i = (i + 1) & (p->okcap - 1);
	return i;
}

/* 1 with the links from the entry at off in p to its chain's end, when
 * its chain was checked before; 0. */
static int
ok_get(const gpack *p, uint64_t off, size_t *links)
{
	uint64_t v = p->okcap ? p->ok[ok_slot(p, off)] : 0;

	*links = (size_t)(v & ((1u << LINK_BITS) - 1));
	return v != 0;
}

/* Remember that the chain of the entry at off ends after links links
 * (nothing when out of memory: it is walked again). */
static void
ok_put(gpack *p, uint64_t off, size_t links)
{
	uint64_t *old = p->ok;
	size_t i, cap = p->okcap;

	if (off >= (uint64_t)1 << (63 - LINK_BITS))
		return;
	if (2 * (p->okn + 1) > cap) {
		if ((p->ok = calloc(cap ? 2 * cap : 1024, sizeof(*old))) ==
		    NULL) {
			p->ok = old;
			return;
		}
		p->okcap = cap ? 2 * cap : 1024;
		for (i = 0; i < cap; i++)
			if (old[i] != 0)
				p->ok[ok_slot(p, (old[i] >> LINK_BITS) - 1)] =
				    old[i];
		free(old);
	}
	i = ok_slot(p, off);
	p->okn += p->ok[i] == 0;
	p->ok[i] = (off + 1) << LINK_BITS | links;
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

/* The base of the entry at off in g->v[pi]: 1 with *off moved to it,
 * 0 where the chain ends (in an object, or where libgit2 stops with an
 * error of its own).  A REF_DELTA's base is looked up in the same pack
 * only, as libgit2 does ("base entry delta is not in the same pack"); its
 * id is left in last. */
static int
base(packguard *g, size_t pi, uint64_t *off, unsigned char last[20])
{
	const unsigned char *e, *end;
	uint64_t rel;
	size_t len;
	unsigned type;

	if (*off < 12 || *off >= g->v[pi].packlen - 20 ||
	    (e = entry_at(g, pi, *off, &len)) == NULL)
		return 0; /* libgit2 reports a bad offset */
	end = e + len;
	type = (*e >> 4) & 7;
	while (e < end && (*e & 0x80)) /* the size's varint */
		e++;
	if (++e > end)
		return 0;
	if (type == 7) { /* REF_DELTA: a base by id */
		if (e + 20 > end)
			return 0;
		memcpy(last, e, 20);
		return (*off = find(&g->v[pi], last)) != 0;
	}
	if (type != 6 || e >= end)
		return 0; /* an object: the chain ends */
	/* OFS_DELTA: a base before the entry */
	rel = *e & 0x7f;
	while (*e & 0x80) {
		if (++e >= end || rel > (UINT64_MAX >> 8))
			return 0;
		rel = ((rel + 1) << 7) | (*e & 0x7f);
	}
	if (rel == 0 || rel > *off)
		return 0; /* libgit2 reports it */
	*off -= rel;
	return 1;
}

/*
 * The chain from the entry at off in g->v[pi]: 0 when it ends, -1 when it
 * runs past PACKGUARD_MAX_DEPTH links.  Each delta walked is remembered
 * with its links to the end, and a walk stops at a base remembered, so no
 * chain is walked twice; a chain that does not end is never remembered,
 * and is walked (and refused) at every read.  An entry that is no delta is
 * remembered only as a base: read again, its header ends the walk at once
 * (remembering every commit too cost a tenth more of the guard's time in
 * mono).
 */
static int
chain(packguard *g, size_t pi, uint64_t off, unsigned char last[20])
{
	size_t n = 0, links, total;

	for (;;) {
		if (n > PACKGUARD_MAX_DEPTH)
			return -1;
		g->trail[n] = off;
		if (!base(g, pi, &off, last)) {
			total = n; /* trail[n] ends it: remembered as a base */
			n += n > 0;
			break;
		}
		if (ok_get(&g->v[pi], off, &links)) {
			total = ++n + links;
			break;
		}
		n++;
	}
	if (total > PACKGUARD_MAX_DEPTH)
		return -1;
	while (n-- > 0) /* trail[i] is total - i links long */
		ok_put(&g->v[pi], g->trail[n], total - n);
	return 0;
}

int
packguard_check(packguard *g, const unsigned char id[20], int full, char *why,
		size_t n)
{
	unsigned char last[20];
	uint64_t off;
	size_t i;
	int own = 0, fd;
	char h[41];

	if (!g->loaded) {
		g->loaded = 1;
		add_dir(g, g->root, 0);
	}
	/* every pack that holds id: which one libgit2 reads changes with
	 * its pack order (newest first) and its last hit */
	for (i = 0; i < g->n; i++) {
		gpack *p = &g->v[i];

		if (p->bad || (off = find(p, id)) == 0)
			continue;
		if (p->packlen == 0) { /* its size, for the bounds */
			if ((fd = open_pack(g, i)) < 0)
				continue;
			close(fd);
		}
		own |= p->dir == 0;
		memcpy(last, id, 20);
		if (chain(g, i, off, last) < 0) {
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
