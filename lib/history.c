/*
 * history.c - the plan through git history: walk the first-parent chain,
 * read the plan of each commit that changed a plan path, and keep per item
 * the versions it went through (spec/SPEC.md, section 14).
 *
 * Speed: a commit is looked at only when the id of strat.yaml or of the
 * directory a calendar glob starts from changed; a calendar file is read
 * only when its blob changed; and a changed file is split into per-item
 * chunks where the parse of its previous version saw them: each item of a
 * calendar records its line, and the dash that starts it gives the
 * column of the list (two-space "  - ", four-space, column-0 "- " under
 * "items:", whatever the file uses).  The new version's unchanged start
 * and end are matched piece by piece, the lines between cut where a dash
 * stands at that column; each new chunk is parsed once and then found
 * again by its text.  Whenever the split is not certain, or a piece does
 * not parse, the whole file is parsed instead (and its items' places
 * recorded again).  no_reuse (strat report --no-reuse) parses every
 * changed file version in full; the test suite compares both.
 *
 * Item versions are interned (hitem_of): the history holds one copy of
 * each distinct version, so its memory grows with what changed, not with
 * the number of versions parsed.
 */
#include <stdlib.h>
#include <string.h>

#include "glob.h"
#include "plan_impl.h"
#include "strat/history.h"

#define FULL_PARSE_ABOVE (4u * 1024 * 1024)

typedef struct {
	strat_oid id, tree;
	int64_t time;
} walkent;

/* A parsed piece of a calendar file, found again by its text.  Pieces live
 * as long as the walk, one per distinct header or item text: they grow
 * with the history's item changes, as its item versions do (13,017
 * pieces, 3.1 MB, for the 13,000 changes of bench/report.sh busy), while
 * each version's parse is released before the next (scratch_parse). */
typedef struct piece {
	struct piece *next;
	uint64_t hash;
	size_t len;
	char *text;
	int ok;                  /* parses alone: 1, 0, or -1 not tried */
	const strat_hitem *item; /* chunk: the item, NULL if none */
} piece;

/* A calendar file as it stands in the current plan. */
typedef struct {
	const char *path; /* interned */
	strat_oid blob;
	strat_oid bad; /* last blob that did not parse */
	const strat_hitem **items;
	size_t nitems;
	piece **pcs; /* its chunks when split (NULL: parsed whole) */
	size_t npcs;
	piece *hdr; /* what comes before the first chunk */
	int ind;    /* column of the items' dashes */
	int seen;
} calfile;

/* Where an id occurs now: a file and its version there. */
typedef struct {
	const char *file;
	const strat_hitem *v;
} occ;

typedef struct {
	occ *occ;
	size_t nocc, capocc;
	size_t cap; /* of versions */
	uint32_t touched;
} trackx;

typedef struct {
	const char *path; /* interned */
	strat_oid blob;
	int link; /* a symbolic link: never followed, never read */
} listed;

/* list_cb's verdicts on a path that is not a calendar file: one where a
 * glob could look for a directory (its entry's type is checked), and
 * any other */
static const char not_calendar[] = "", not_calendar_held[] = "";

typedef struct {
	size_t off, len;
	piece *known; /* the old version's piece with this very text */
} span;

typedef struct {
	strat_history *h;
	strat_repo *repo;
	const strat_history_options *o;
	arena mem;
	strset strings; /* interned strings */
	strset ids;     /* id -> track index + 1 */
	trackx *tx;
	size_t captracks;
	piece **ptab;
	size_t pcap, pn;
	strat_plan *scratch;
	char *cbuf;
	size_t cbufcap;
	span *chunks;
	size_t chunkcap;
	/* configuration */
	char **globs;
	size_t nglobs;
	char *strategy, *team;
	char **prefixes;
	size_t nprefixes;
	strat_oid cfgblob;
	int cfg_loaded;
	/* current plan */
	calfile *files;
	size_t nfiles;
	listed *list;
	size_t nlist, caplist;
	strset paths; /* path -> itself interned when a calendar file of the
		       * configuration, else not_calendar: each path is
		       * judged once, not at every plan version */
	uint32_t cur_commit;
	int commit_pushed;
	int touch_epoch;
	size_t *touched;
	size_t ntouched, captouched;
	/* interned item versions (hitem_of) */
	const strat_hitem **hset;
	size_t hcap, hn;
	/* dedupe's pointer set */
	const char **dkeys;
	uint32_t *dstamp;
	size_t dcap;
	uint32_t depoch;
} hist;

static int
oom(void)
{
	return strat_error_set(STRAT_ENOMEM, "out of memory");
}

static const char *
intern(hist *x, const char *s)
{
	char *copy;

	if (s == NULL)
		s = "";
	if ((copy = strset_get(&x->strings, s)) != NULL)
		return copy;
	if ((copy = arena_strdup(&x->mem, s)) == NULL)
		return NULL;
	if (strset_put(&x->strings, copy, copy, NULL) < 0)
		return NULL;
	return copy;
}

/* ---- pieces ---- */

static piece *
piece_find(hist *x, const char *s, size_t n, uint64_t h)
{
	piece *p;

	if (x->pcap == 0)
		return NULL;
	for (p = x->ptab[h & (x->pcap - 1)]; p; p = p->next)
		if (p->hash == h && p->len == n && memcmp(p->text, s, n) == 0)
			return p;
	return NULL;
}

static piece *
piece_add(hist *x, const char *s, size_t n, uint64_t h)
{
	piece *p, **t, *q, *next;
	size_t i, cap;

	if (x->pn * 2 >= x->pcap) {
		cap = x->pcap ? x->pcap * 2 : 1024;
		if ((t = calloc(cap, sizeof(*t))) == NULL)
			return NULL;
		for (i = 0; i < x->pcap; i++)
			for (q = x->ptab[i]; q; q = next) {
				next = q->next;
				q->next = t[q->hash & (cap - 1)];
				t[q->hash & (cap - 1)] = q;
			}
		free(x->ptab);
		x->ptab = t;
		x->pcap = cap;
	}
	if ((p = arena_alloc(&x->mem, sizeof(*p))) == NULL ||
	    (p->text = arena_strndup(&x->mem, s, n)) == NULL)
		return NULL;
	p->hash = h;
	p->len = n;
	p->ok = 0;
	p->item = NULL;
	p->next = x->ptab[h & (x->pcap - 1)];
	x->ptab[h & (x->pcap - 1)] = p;
	x->pn++;
	return p;
}

/* ---- parsing ---- */

static int
scratch_parse(hist *x, const char *file, const char *buf, size_t len,
	      strat_diags **diags, int *loaded)
{
	int rc;

	/* one scratch plan for the walk: each parse releases the last */
	if (x->scratch == NULL && (x->scratch = plan_new_scratch()) == NULL)
		return oom();
	if ((rc = strat_diags_new(diags)) < 0)
		return rc;
	return plan_scratch_calendar(x->scratch, file, buf, len, *diags,
				     loaded);
}

static int
hitem_equal(const strat_hitem *a, const strat_hitem *b)
{
	if (a == b)
		return 1;
	if (a == NULL || b == NULL)
		return 0;
	/* interned strings compare by pointer */
	return a->id == b->id && a->title == b->title &&
	       a->anchor == b->anchor && a->owner == b->owner &&
	       a->channel == b->channel && a->date == b->date &&
	       a->shipped == b->shipped && a->status == b->status;
}

static size_t
hitem_hash(const strat_hitem *v)
{
	uint64_t h = (uint64_t)(uintptr_t)v->id;

	h = h * 31 + (uint64_t)(uintptr_t)v->title;
	h = h * 31 + (uint64_t)(uintptr_t)v->anchor;
	h = h * 31 + (uint64_t)(uintptr_t)v->owner;
	h = h * 31 + (uint64_t)(uintptr_t)v->channel;
	h = h * 31 + (uint64_t)(uint32_t)v->date;
	h = h * 31 + (uint64_t)(uint32_t)v->shipped;
	h = h * 31 + (uint64_t)v->status;
	return (size_t)((h * 0x9E3779B97F4A7C15ULL) >> 20);
}

/* The one copy of the version of it: an item parsed again and again
 * (every version of its file) is kept once. */
static const strat_hitem *
hitem_of(hist *x, const strat_item *it)
{
	strat_hitem k, *v;
	size_t i, j, cap;
	const strat_hitem **t;

	if ((k.id = intern(x, it->id.s)) == NULL ||
	    (k.title = intern(x, it->title.s)) == NULL ||
	    (k.anchor = intern(x, it->anchor.s)) == NULL ||
	    (k.owner = intern(x, it->owner.s)) == NULL ||
	    (k.channel = intern(x, it->channel.s)) == NULL)
		return NULL;
	k.date = it->date;
	k.shipped = it->shipped;
	k.status = it->status;
	if ((x->hn + 1) * 2 > x->hcap) {
		cap = x->hcap ? x->hcap * 2 : 1024;
		if ((t = calloc(cap, sizeof(*t))) == NULL)
			return NULL;
		for (i = 0; i < x->hcap; i++) {
			if (x->hset[i] == NULL)
				continue;
			for (j = hitem_hash(x->hset[i]) & (cap - 1); t[j];
			     j = (j + 1) & (cap - 1))
				;
			t[j] = x->hset[i];
		}
		free(x->hset);
		x->hset = t;
		x->hcap = cap;
	}
	for (i = hitem_hash(&k) & (x->hcap - 1); x->hset[i];
	     i = (i + 1) & (x->hcap - 1))
		if (hitem_equal(x->hset[i], &k))
			return x->hset[i];
	if ((v = arena_alloc(&x->mem, sizeof(*v))) == NULL)
		return NULL;
	*v = k;
	x->hset[i] = v;
	x->hn++;
	return v;
}

/* Does the line at p start an item of a list at column ind: ind spaces,
 * "-", then a space or the line's end? */
static int
chunk_start(const char *p, const char *end, int ind)
{
	const char *q = p + ind;
	int i;

	if (end - p < ind + 1 || *q != '-')
		return 0;
	for (i = 0; i < ind; i++)
		if (p[i] != ' ')
			return 0;
	return q + 1 == end || q[1] == ' ' || q[1] == '\n' || q[1] == '\r';
}

static int
add_chunk(span **chunks, size_t *n, size_t *cap, size_t off, piece *known)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 256;
		span *v = realloc(*chunks, c * sizeof(*v));

		if (v == NULL)
			return -1;
		*chunks = v;
		*cap = c;
	}
	(*chunks)[*n].off = off;
	(*chunks)[*n].len = 0;
	(*chunks)[*n].known = known;
	(*n)++;
	return 0;
}

/* The lines of buf[from, to) (from at a line start): items (a dash at
 * column ind) start chunks, the rest must be blank, comments or (inside an
 * item, *k) indented deeper than ind.  1, 0 when not certain, -1 out of
 * memory. */
static int
scan(const char *buf, size_t from, size_t to, int ind, span **chunks, size_t *n,
     size_t *cap, int *k)
{
	const char *p, *end = buf + to, *eol, *q;

	for (p = buf + from; p < end; p = eol) {
		eol = memchr(p, '\n', (size_t)(end - p));
		eol = eol ? eol + 1 : end;
		if (chunk_start(p, end, ind)) {
			if (add_chunk(chunks, n, cap, (size_t)(p - buf), NULL) <
			    0)
				return -1;
			*k = 1;
			continue;
		}
		for (q = p; q < eol && *q == ' '; q++)
			;
		if (q == eol || *q == '\n' || *q == '\r')
			continue;
		if (*q == '#' || (q - p > ind && *k))
			continue;
		return 0;
	}
	return 1;
}

/* Split a new version of a calendar file by the pieces of its previous
 * version (old): the same header (what came before the first item), then
 * per-item chunks, each starting at a dash in the column of the old
 * version's.  0 when the split is not certain.
 *
 * The lines of the unchanged start and end are not scanned again: an old
 * piece whose text comes next, followed by the start of an item or the
 * end of the file, is a chunk the scan would find (its lines were judged
 * in the same context before); only what lies between is scanned.  A
 * history commit usually changes one item of a file. */
static int
split(const char *buf, size_t len, const calfile *old, span **chunks, size_t *n,
      size_t *cap)
{
	const char *end = buf + len;
	piece *const *pcs;
	size_t pos, tail, i = 0, j, nsuf, a, b, nold, hl;
	int k = 0, rc, ind;

	*n = 0;
	if (old == NULL || old->hdr == NULL || old->ind < 0)
		return 0;
	pcs = old->pcs;
	nold = old->npcs;
	ind = old->ind;
	hl = old->hdr->len;
	if (hl > len || memcmp(buf, old->hdr->text, hl) != 0 ||
	    (hl < len && !chunk_start(buf + hl, end, ind)))
		return 0;
	pos = hl;
	tail = len;
	/* the unchanged start */
	for (; i < nold; i++) {
		size_t l = pcs[i]->len;

		if (l == 0 || l > len - pos ||
		    memcmp(buf + pos, pcs[i]->text, l) != 0 ||
		    (pos + l < len && (buf[pos + l - 1] != '\n' ||
				       !chunk_start(buf + pos + l, end, ind))))
			break;
		if (add_chunk(chunks, n, cap, pos, pcs[i]) < 0)
			return -1;
		pos += l;
		k = 1;
	}
	/* the unchanged end, found backwards, kept aside */
	for (j = nold, nsuf = 0; j > i; j--, nsuf++) {
		size_t l = pcs[j - 1]->len;

		if (l == 0 || l > tail - pos ||
		    memcmp(buf + tail - l, pcs[j - 1]->text, l) != 0 ||
		    (tail - l > pos && buf[tail - l - 1] != '\n') ||
		    (tail < len && buf[tail - 1] != '\n'))
			break;
		tail -= l;
	}
	/* between them, line by line */
	if ((rc = scan(buf, pos, tail, ind, chunks, n, cap, &k)) <= 0)
		return rc;
	for (a = tail, b = nold - nsuf; b < nold; b++) {
		if (add_chunk(chunks, n, cap, a, pcs[b]) < 0)
			return -1;
		a += pcs[b]->len;
	}
	for (i = 0; i < *n; i++)
		(*chunks)[i].len = (i + 1 < *n ? (*chunks)[i + 1].off : len) -
				   (*chunks)[i].off;
	return 1;
}

/* Keep the first item of each id.  Ids are interned, so they compare by
 * pointer: a set of pointers stamped with the call's epoch is reused
 * from call to call, with nothing to clear or hash but the pointer. */
static int
dedupe(hist *x, const strat_hitem **v, size_t *n)
{
	size_t i, k = 0, j, mask;

	if (*n < 2)
		return 0;
	if (x->dcap < *n * 2) {
		size_t cap = x->dcap ? x->dcap : 64;

		while (cap < *n * 2)
			cap *= 2;
		free(x->dkeys);
		free(x->dstamp);
		x->dkeys = malloc(cap * sizeof(*x->dkeys));
		x->dstamp = calloc(cap, sizeof(*x->dstamp));
		x->dcap = x->dkeys && x->dstamp ? cap : 0;
		x->depoch = 0;
		if (x->dcap == 0)
			return oom();
	}
	if (++x->depoch == 0) {
		memset(x->dstamp, 0, x->dcap * sizeof(*x->dstamp));
		x->depoch = 1;
	}
	mask = x->dcap - 1;
	for (i = 0; i < *n; i++) {
		const char *id = v[i]->id;
		uint64_t hp = (uint64_t)(uintptr_t)id * 0x9E3779B97F4A7C15ULL;

		for (j = (size_t)(hp >> 32) & mask;
		     x->dstamp[j] == x->depoch && x->dkeys[j] != id;
		     j = (j + 1) & mask)
			;
		if (x->dstamp[j] == x->depoch)
			continue; /* seen */
		x->dstamp[j] = x->depoch;
		x->dkeys[j] = id;
		v[k++] = v[i];
	}
	*n = k;
	return 0;
}

static int
take_items(hist *x, const strat_hitem ***out, size_t *nout)
{
	strat_plan *pl = x->scratch;
	size_t i, k = 0;
	const strat_hitem **v;

	*out = NULL;
	*nout = 0;
	if (pl->nitems == 0)
		return 0;
	if ((v = malloc(pl->nitems * sizeof(*v))) == NULL)
		return oom();
	for (i = 0; i < pl->nitems; i++) {
		const strat_item *it = strat_plan_item(pl, i);

		if (it->id.s == NULL)
			continue;
		if ((v[k] = hitem_of(x, it)) == NULL) {
			free(v);
			return oom();
		}
		k++;
	}
	*out = v;
	*nout = k;
	return dedupe(x, v, nout);
}

static int
full_parse(hist *x, const char *path, const char *buf, size_t len,
	   const strat_hitem ***items, size_t *n, int *ok, strat_diags **diags)
{
	int rc;

	x->h->parsed_full++;
	if ((rc = scratch_parse(x, path, buf, len, diags, ok)) < 0)
		return rc;
	if (!*ok)
		return 0;
	return take_items(x, items, n);
}

/* A chunk parsed on its own, after a minimal header (a calendar without
 * its kind is unusable, SPEC.md "Cascades"). */
static int
parse_piece(hist *x, piece *p, int header)
{
	static const char pre[] = "kind: calendar\nversion: 1\nitems:\n";
	strat_diags *d = NULL;
	size_t need = p->len + sizeof(pre);
	int rc, loaded;

	if (header) {
		rc = scratch_parse(x, "chunk", p->text, p->len, &d, &loaded);
	} else {
		if (need > x->cbufcap) {
			char *b = realloc(x->cbuf, need * 2);

			if (b == NULL)
				return oom();
			x->cbuf = b;
			x->cbufcap = need * 2;
		}
		memcpy(x->cbuf, pre, sizeof(pre) - 1);
		memcpy(x->cbuf + sizeof(pre) - 1, p->text, p->len);
		rc = scratch_parse(x, "chunk", x->cbuf,
				   p->len + sizeof(pre) - 1, &d, &loaded);
	}
	if (rc < 0)
		goto out;
	p->ok = loaded;
	if (header && loaded) {
		size_t i;

		/* a duplicate root key makes the split unsafe */
		for (i = 0; i < strat_diags_count(d); i++)
			if (strat_diags_get(d, i)->rule ==
				STRAT_RULE_DUPLICATE_KEY ||
			    strat_diags_get(d, i)->rule ==
				STRAT_RULE_MULTIPLE_DOCUMENTS)
				p->ok = 0;
	}
	if (!header && loaded && x->scratch->nitems > 0) {
		const strat_item *it = strat_plan_item(x->scratch, 0);

		if (x->scratch->nitems > 1)
			p->ok = 0;
		else if (it->id.s != NULL &&
			 (p->item = hitem_of(x, it)) == NULL)
			rc = oom();
	}
out:
	strat_diags_free(d);
	return rc;
}

/* Chunk i of the new version: the old version's piece at the same place
 * counted from the start or from the end when its text is the same (the
 * piece table would return that very piece), else found by hash. */
static piece *
same_piece(const calfile *old, size_t i, size_t nch, const char *s, size_t cl)
{
	piece *p;

	if (old == NULL || old->pcs == NULL)
		return NULL;
	if (i < old->npcs) {
		p = old->pcs[i];
		if (p->len == cl && memcmp(p->text, s, cl) == 0)
			return p;
	}
	if (nch - i <= old->npcs) {
		p = old->pcs[old->npcs - (nch - i)];
		if (p->len == cl && memcmp(p->text, s, cl) == 0)
			return p;
	}
	return NULL;
}

/* The piece with text s[0, n), added (not parsed: ok -1) when new. */
static piece *
piece_get(hist *x, const char *s, size_t n, uint64_t seed, int *added)
{
	uint64_t h = strat_hash(s, n, seed);
	piece *p = piece_find(x, s, n, h);

	*added = p == NULL;
	if (p == NULL && (p = piece_add(x, s, n, h)) != NULL)
		p->ok = -1;
	return p;
}

/*
 * After a whole parse of buf (x->scratch holds its items): where its items
 * start, as the parser saw them, cut into a header and per-item chunks for
 * the next version (nw).  Each item records its line; the first non-blank
 * of that line must be the dash of a block list, in the same column for
 * every item, else (a flow list, an item whose mapping starts on the line
 * after its dash) nothing is recorded and the next version is parsed whole
 * too.  When the parse reported nothing, every list element was an item
 * and each chunk gets its item without parsing it again.
 */
static int
record_split(hist *x, const char *buf, size_t len, int clean, calfile *nw)
{
	strat_plan *pl = x->scratch;
	size_t nit = pl->nitems, i, line = 1, off = 0, cl;
	size_t *offs;
	const char *q;
	piece *p;
	int ind = -1, added;

	if (nit == 0 || len > FULL_PARSE_ABOVE)
		return 0;
	if ((offs = malloc((nit + 1) * sizeof(*offs))) == NULL)
		return oom();
	for (i = 0; i < nit; i++) {
		const strat_item *it = strat_plan_item(pl, i);

		if (it->line <= line && i > 0)
			goto none; /* two items on a line: a flow list */
		while (line < it->line && off < len) {
			q = memchr(buf + off, '\n', len - off);
			off = q ? (size_t)(q - buf) + 1 : len;
			line++;
		}
		if (line != it->line || off == len)
			goto none;
		for (q = buf + off; q < buf + len && *q == ' '; q++)
			;
		if (ind < 0)
			ind = (int)(q - (buf + off));
		if (!chunk_start(buf + off, buf + len, ind))
			goto none;
		offs[i] = off;
	}
	offs[nit] = len;
	if ((nw->pcs = malloc(nit * sizeof(*nw->pcs))) == NULL) {
		free(offs);
		return oom();
	}
	if ((nw->hdr = piece_get(x, buf, offs[0], 1, &added)) == NULL)
		goto oom;
	if (added && clean)
		nw->hdr->ok = 1;
	for (i = 0; i < nit; i++) {
		const strat_item *it = strat_plan_item(pl, i);

		cl = offs[i + 1] - offs[i];
		if ((p = piece_get(x, buf + offs[i], cl, 2, &added)) == NULL)
			goto oom;
		if (added && clean) {
			p->ok = 1;
			if (it->id.s != NULL &&
			    (p->item = hitem_of(x, it)) == NULL)
				goto oom;
		}
		nw->pcs[i] = p;
	}
	nw->npcs = nit;
	nw->ind = ind;
	free(offs);
	return 0;
oom:
	free(offs);
	free(nw->pcs);
	nw->pcs = NULL;
	nw->hdr = NULL;
	return oom();
none:
	free(offs);
	return 0;
}

/* full_parse, then record_split on success. */
static int
full_parse_rec(hist *x, const char *path, const char *buf, size_t len,
	       calfile *nw, const strat_hitem ***items, size_t *n, int *ok,
	       strat_diags **diags)
{
	int rc = full_parse(x, path, buf, len, items, n, ok, diags);

	if (rc < 0 || !*ok)
		return rc;
	return record_split(x, buf, len, strat_diags_count(*diags) == 0, nw);
}

/* Parse buf by the pieces of its previous version (old, may be NULL) into
 * items; its own pieces in nw (pcs, npcs, hdr, ind). */
static int
reuse_parse(hist *x, const char *path, const char *buf, size_t len,
	    const calfile *old, calfile *nw, const strat_hitem ***items,
	    size_t *n, int *ok, strat_diags **diags)
{
	size_t nch, i, k;
	piece *p;
	const strat_hitem **v;
	piece **pv;
	int rc, added;

	nw->pcs = NULL;
	nw->npcs = 0;
	nw->hdr = NULL;
	nw->ind = -1;
	if (len > FULL_PARSE_ABOVE)
		return full_parse(x, path, buf, len, items, n, ok, diags);
	rc = split(buf, len, old, &x->chunks, &nch, &x->chunkcap);
	if (rc < 0)
		return oom();
	if (rc == 0)
		return full_parse_rec(x, path, buf, len, nw, items, n, ok,
				      diags);
	p = old->hdr;
	if (p->ok < 0) {
		if ((rc = parse_piece(x, p, 1)) < 0)
			return rc;
		x->h->parsed_chunks++;
	}
	if (!p->ok)
		return full_parse_rec(x, path, buf, len, nw, items, n, ok,
				      diags);
	v = malloc((nch + 1) * sizeof(*v));
	pv = malloc((nch + 1) * sizeof(*pv));
	if (v == NULL || pv == NULL) {
		free(v);
		free(pv);
		return oom();
	}
	for (i = k = 0; i < nch; i++) {
		const char *s = buf + x->chunks[i].off;
		size_t cl = x->chunks[i].len;

		added = 0;
		if ((p = x->chunks[i].known) == NULL &&
		    (p = same_piece(old, i, nch, s, cl)) == NULL &&
		    (p = piece_get(x, s, cl, 2, &added)) == NULL) {
			free(v);
			free(pv);
			return oom();
		}
		if (p->ok < 0) {
			if ((rc = parse_piece(x, p, 0)) < 0) {
				free(v);
				free(pv);
				return rc;
			}
			x->h->parsed_chunks++;
		} else {
			x->h->reused_chunks++;
		}
		if (!p->ok) {
			free(v);
			free(pv);
			return full_parse_rec(x, path, buf, len, nw, items, n,
					      ok, diags);
		}
		pv[i] = p;
		if (p->item != NULL)
			v[k++] = p->item;
	}
	*items = v;
	*n = k;
	*ok = 1;
	nw->pcs = pv;
	nw->npcs = nch;
	nw->hdr = old->hdr;
	nw->ind = old->ind;
	return dedupe(x, v, n);
}

/* ---- item state ---- */

static int
track_of(hist *x, const char *id, size_t *out)
{
	void *v = strset_get(&x->ids, id);
	strat_history *h = x->h;

	if (v != NULL) {
		*out = (size_t)(uintptr_t)v - 1;
		return 0;
	}
	if (h->ntracks == x->captracks) {
		size_t cap = x->captracks ? x->captracks * 2 : 256;
		strat_htrack *t = realloc(h->tracks, cap * sizeof(*t));
		trackx *tx;

		if (t == NULL)
			return oom();
		h->tracks = t;
		if ((tx = realloc(x->tx, cap * sizeof(*tx))) == NULL)
			return oom();
		x->tx = tx;
		x->captracks = cap;
	}
	memset(&h->tracks[h->ntracks], 0, sizeof(h->tracks[0]));
	memset(&x->tx[h->ntracks], 0, sizeof(x->tx[0]));
	h->tracks[h->ntracks].id = id;
	if (strset_put(&x->ids, id, (void *)(uintptr_t)(h->ntracks + 1), NULL) <
	    0)
		return oom();
	*out = h->ntracks++;
	return 0;
}

static int
touch(hist *x, size_t t)
{
	if (x->tx[t].touched == (uint32_t)x->touch_epoch)
		return 0;
	x->tx[t].touched = (uint32_t)x->touch_epoch;
	if (x->ntouched == x->captouched) {
		size_t cap = x->captouched ? x->captouched * 2 : 256;
		size_t *v = realloc(x->touched, cap * sizeof(*v));

		if (v == NULL)
			return oom();
		x->touched = v;
		x->captouched = cap;
	}
	x->touched[x->ntouched++] = t;
	return 0;
}

static int
occ_set(hist *x, const char *id, const char *file, const strat_hitem *v)
{
	size_t t = 0, i;
	trackx *tx;
	int rc;

	if ((rc = track_of(x, id, &t)) < 0 || (rc = touch(x, t)) < 0)
		return rc;
	tx = &x->tx[t];
	for (i = 0; i < tx->nocc; i++)
		if (tx->occ[i].file == file)
			break;
	if (v == NULL) {
		if (i < tx->nocc)
			tx->occ[i] = tx->occ[--tx->nocc];
		return 0;
	}
	if (i == tx->nocc) {
		if (tx->nocc == tx->capocc) {
			size_t cap = tx->capocc ? tx->capocc * 2 : 1;
			occ *o = realloc(tx->occ, cap * sizeof(*o));

			if (o == NULL)
				return oom();
			tx->occ = o;
			tx->capocc = cap;
		}
		tx->nocc++;
	}
	tx->occ[i].file = file;
	tx->occ[i].v = v;
	return 0;
}

static int
push_commit(hist *x, uint32_t *idx)
{
	strat_history *h = x->h;
	strat_hcommit *c;

	if (!x->commit_pushed) {
		c = realloc(h->commits, (h->ncommits + 1) * sizeof(*c));
		if (c == NULL)
			return oom();
		h->commits = c;
		h->commits[h->ncommits] = h->newest; /* filled by caller */
		h->ncommits++;
		x->commit_pushed = 1;
	}
	*idx = (uint32_t)(h->ncommits - 1);
	return 0;
}

/* After a commit's files were applied: new versions for touched ids. */
static int
settle(hist *x, const strat_hcommit *commit)
{
	strat_history *h = x->h;
	size_t i, j;
	int rc;

	for (i = 0; i < x->ntouched; i++) {
		size_t t = x->touched[i];
		trackx *tx = &x->tx[t];
		strat_htrack *tr = &h->tracks[t];
		const occ *best = NULL;
		const strat_hversion *last =
		    tr->nversions ? &tr->versions[tr->nversions - 1] : NULL;
		const strat_hitem *v;
		const char *file;
		uint32_t ci;

		for (j = 0; j < tx->nocc; j++)
			if (best == NULL ||
			    strcmp(tx->occ[j].file, best->file) < 0)
				best = &tx->occ[j];
		v = best ? best->v : NULL;
		file = best ? best->file : NULL;
		if (last == NULL && v == NULL)
			continue;
		if (last != NULL && hitem_equal(last->v, v) &&
		    (v == NULL || last->file == file))
			continue;
		if ((rc = push_commit(x, &ci)) < 0)
			return rc;
		h->commits[ci] = *commit;
		if (tr->nversions == tx->cap) {
			size_t cap = tx->cap ? tx->cap * 2 : 4;
			strat_hversion *nv =
			    realloc(tr->versions, cap * sizeof(*nv));

			if (nv == NULL)
				return oom();
			tr->versions = nv;
			tx->cap = cap;
		}
		tr->versions[tr->nversions].commit = ci;
		tr->versions[tr->nversions].v = v;
		tr->versions[tr->nversions].file = file;
		tr->nversions++;
	}
	x->ntouched = 0;
	x->touch_epoch++;
	return 0;
}

static int
apply_file(hist *x, const char *file, const strat_hitem **old, size_t nold,
	   const strat_hitem **nw, size_t nnew)
{
	size_t i;
	int rc;

	/* An item version kept at the same place would be removed and set
	 * again to itself: skip the common head and tail (items are
	 * interned, one per id in a file, so this is exact). */
	while (nold > 0 && nnew > 0 && old[0] == nw[0]) {
		old++, nw++;
		nold--, nnew--;
	}
	while (nold > 0 && nnew > 0 && old[nold - 1] == nw[nnew - 1])
		nold--, nnew--;
	for (i = 0; i < nold; i++)
		if ((rc = occ_set(x, old[i]->id, file, NULL)) < 0)
			return rc;
	for (i = 0; i < nnew; i++)
		if ((rc = occ_set(x, nw[i]->id, file, nw[i])) < 0)
			return rc;
	return 0;
}

/* ---- configuration ---- */

typedef struct {
	strat_repo *repo;
	strat_oid blob;
	int have;
} cfgsrc;

static int
cfg_list(void *ctx, int (*add)(void *, const char *), void *arg)
{
	(void)ctx;
	(void)add;
	(void)arg;
	return 0;
}

static int
cfg_read(void *ctx, const char *path, char **buf, size_t *len)
{
	cfgsrc *s = ctx;

	if (strcmp(path, "strat.yaml") != 0 || !s->have)
		return STRAT_ENOTFOUND;
	return strat_blob_read(s->repo, &s->blob, path, buf, len);
}

static void
free_strv(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static char *
glob_prefix(const char *g)
{
	return strndup(g, glob_dir_len(g));
}

static int
add_warning(hist *x, uint32_t commit, const char *file, const strat_diag *d,
	    const char *msg)
{
	strat_history *h = x->h;
	strat_hwarning *w =
	    realloc(h->warnings, (h->nwarnings + 1) * sizeof(*w));

	if (w == NULL)
		return oom();
	h->warnings = w;
	w = &h->warnings[h->nwarnings++];
	w->commit = commit;
	w->file = intern(x, file);
	w->line = d ? d->line : 0;
	w->column = d ? d->column : 0;
	w->message = intern(x, d ? d->message : msg);
	return w->file && w->message ? 0 : oom();
}

static const strat_diag *
fatal_diag(const strat_diags *d, const char *file)
{
	size_t i;
	const strat_diag *last = NULL;

	for (i = 0; i < strat_diags_count(d); i++) {
		const strat_diag *g = strat_diags_get(d, i);

		if (file && strcmp(g->file, file) != 0)
			continue;
		if (g->rule == STRAT_RULE_YAML_SYNTAX ||
		    g->rule == STRAT_RULE_MULTIPLE_DOCUMENTS ||
		    g->rule == STRAT_RULE_LIMIT_EXCEEDED)
			return g;
		if (g->severity == STRAT_SEV_ERROR)
			last = g;
	}
	return file ? NULL : last;
}

static int
load_config(hist *x, const strat_oid *blob, int have,
	    const strat_hcommit *commit)
{
	cfgsrc cs = {x->repo, *blob, have};
	strat_source src = {cfg_list, cfg_read, &cs, NULL, NULL};
	strat_plan *plan = NULL;
	strat_diags *d = NULL;
	const strat_config *cfg;
	const strat_diag *bad;
	size_t i;
	int rc;

	if ((rc = strat_diags_new(&d)) < 0 ||
	    (rc = strat_plan_load(&plan, &src, NULL, d)) < 0)
		goto out;
	if (have && (bad = fatal_diag(d, "strat.yaml")) != NULL) {
		uint32_t ci;

		/* the previous configuration stands */
		if ((rc = push_commit(x, &ci)) < 0)
			goto out;
		x->h->commits[ci] = *commit;
		rc = add_warning(x, ci, "strat.yaml", bad, NULL);
		if (x->cfg_loaded)
			goto out;
	}
	cfg = strat_plan_config(plan);
	free_strv(x->globs, x->nglobs);
	free_strv(x->prefixes, x->nprefixes);
	free(x->strategy);
	free(x->team);
	strset_free(&x->paths); /* the verdicts were the old globs' */
	strset_init(&x->paths);
	x->globs = calloc(cfg->ncalendars + 1, sizeof(char *));
	x->prefixes = calloc(cfg->ncalendars + 1, sizeof(char *));
	x->nglobs = x->nprefixes = 0;
	x->strategy = strdup(cfg->strategy.s);
	x->team = strdup(cfg->team.s);
	if (!x->globs || !x->prefixes || !x->strategy || !x->team) {
		rc = oom();
		goto out;
	}
	for (i = 0; i < cfg->ncalendars; i++) {
		if (cfg->calendars[i].s == NULL)
			continue;
		if ((x->globs[x->nglobs++] = strdup(cfg->calendars[i].s)) ==
			NULL ||
		    (x->prefixes[x->nprefixes++] =
			 glob_prefix(cfg->calendars[i].s)) == NULL) {
			rc = oom();
			goto out;
		}
	}
	x->h->week_starts = cfg->week_starts;
	x->h->grace_days = (unsigned)cfg->grace_days;
	x->h->stale_days = (unsigned)cfg->item_stale_days;
	x->cfg_loaded = 1;
out:
	strat_plan_free(plan);
	strat_diags_free(d);
	return rc;
}

/* ---- listing ---- */

/* A file of a calendar directory: listed when a glob matches it; 1 (its
 * blob not read, its type to check) where a glob could look for a
 * directory (glob_may_hold); 0 otherwise. */
static int
list_cb(void *arg, const char *path, const strat_oid *blob, unsigned mode)
{
	hist *x = arg;
	const char *p = strset_get(&x->paths, path), *key;
	size_t g;

	if (p == NULL) {
		for (g = 0; g < x->nglobs; g++)
			if (glob_match(x->globs[g], path))
				break;
		if ((key = intern(x, path)) == NULL)
			return oom();
		p = g == x->nglobs || strcmp(path, "strat.yaml") == 0 ||
			    strcmp(path, x->strategy) == 0 ||
			    strcmp(path, x->team) == 0 ||
			    strlen(path) > STRAT_MAX_PATH
			? not_calendar
			: key;
		for (g = 0; g < x->nglobs && p == not_calendar; g++)
			if (glob_may_hold(x->globs[g], path))
				p = not_calendar_held;
		if (strset_put(&x->paths, key, (void *)(uintptr_t)p, NULL) < 0)
			return oom();
	}
	if (p == not_calendar || p == not_calendar_held)
		return p == not_calendar_held;
	if (x->nlist == x->caplist) {
		size_t cap = x->caplist ? x->caplist * 2 : 64;
		listed *v = realloc(x->list, cap * sizeof(*v));

		if (v == NULL)
			return oom();
		x->list = v;
		x->caplist = cap;
	}
	x->list[x->nlist].path = p;
	x->list[x->nlist].blob = *blob;
	x->list[x->nlist].link = mode == 0120000;
	x->nlist++;
	return 0;
}

static int
cmp_listed(const void *a, const void *b)
{
	return strcmp(((const listed *)a)->path, ((const listed *)b)->path);
}

static int
cmp_calfile(const void *a, const void *b)
{
	return strcmp(((const calfile *)a)->path, ((const calfile *)b)->path);
}

static void
clear_list(hist *x)
{
	x->nlist = 0;
}

static int
parse_file(hist *x, const char *path, const listed *l, const calfile *old,
	   calfile *nw, const strat_hitem ***items, size_t *n, int *ok,
	   strat_diags **d)
{
	const strat_oid *blob = &l->blob;
	char *buf = NULL;
	size_t len = 0;
	int rc;

	*items = NULL;
	*n = 0;
	*ok = 0;
	*d = NULL;
	nw->pcs = NULL;
	nw->npcs = 0;
	nw->hdr = NULL;
	nw->ind = -1;
	if (l->link) {
		/* as 'lint --rev' says of it: the version does not count,
		 * the previous one stands */
		strat_diags_new(d);
		if (*d)
			strat_diags_add(*d, STRAT_RULE_FILE_UNREADABLE, path, 0,
					0, NULL,
					"'%s' is a symbolic link; plan files "
					"are read only as regular files",
					path);
		return *d ? 0 : oom();
	}
	rc = strat_blob_read(x->repo, blob, path, &buf, &len);
	if (rc == STRAT_ELIMIT) {
		strat_diags_new(d);
		if (*d)
			strat_diags_add(*d, STRAT_RULE_LIMIT_EXCEEDED, path, 0,
					0, NULL, "file is larger than %u bytes",
					STRAT_MAX_FILE_SIZE);
		return 0;
	}
	if (rc < 0)
		return rc;
	if (x->o->no_reuse)
		rc = full_parse(x, path, buf, len, items, n, ok, d);
	else
		rc = reuse_parse(x, path, buf, len, old, nw, items, n, ok, d);
	if (rc == 0 && !*ok && *d == NULL) {
		/* a piece did not parse but the whole did not either:
		 * get the diagnostics of the whole */
		const strat_hitem **i2;
		size_t n2;

		rc = full_parse(x, path, buf, len, &i2, &n2, ok, d);
		if (*ok) {
			*items = i2;
			*n = n2;
		}
	}
	free(buf);
	return rc;
}

/* Read the calendar files of the commit and apply the changes. */
static int
load_calendars(hist *x, const strat_oid *commit, const strat_oid *prefix_ids,
	       const strat_hcommit *hc)
{
	calfile *nf;
	size_t i, j, k, nn;
	int rc = 0;

	clear_list(x);
	for (i = 0; i < x->nprefixes; i++) {
		static const strat_oid zero;

		if (memcmp(&prefix_ids[i], &zero, sizeof(zero)) == 0)
			continue;
		for (j = 0; j < i; j++)
			if (strcmp(x->prefixes[j], x->prefixes[i]) == 0)
				break;
		if (j < i)
			continue;
		if ((rc = strat_tree_list(x->repo, &prefix_ids[i],
					  x->prefixes[i], list_cb, x)) < 0)
			return rc;
	}
	(void)commit;
	/* in order already, as a tree lists its entries, unless a
	 * directory's name is a prefix of a file's or prefixes overlap */
	for (i = 1;
	     i < x->nlist && strcmp(x->list[i - 1].path, x->list[i].path) < 0;
	     i++)
		;
	if (i < x->nlist)
		qsort(x->list, x->nlist, sizeof(*x->list), cmp_listed);
	/* dedupe (overlapping prefixes); paths are interned */
	for (i = j = 0; i < x->nlist; i++) {
		if (j > 0 && x->list[j - 1].path == x->list[i].path)
			continue;
		x->list[j++] = x->list[i];
	}
	x->nlist = j;
	if (x->nlist > STRAT_MAX_FILES)
		x->nlist = STRAT_MAX_FILES;
	if (x->nlist > 0)
		x->h->has_plan = 1;
	nf = calloc(x->nlist + 1, sizeof(*nf));
	if (nf == NULL)
		return oom();
	/* merge the old file list (sorted) with the new one */
	for (i = j = nn = 0; i < x->nlist || j < x->nfiles;) {
		int c = i == x->nlist    ? 1
			: j == x->nfiles ? -1
			: x->list[i].path == x->files[j].path
			    ? 0
			    : strcmp(x->list[i].path, x->files[j].path);

		if (c > 0) { /* file gone */
			calfile *f = &x->files[j++];

			rc = apply_file(x, f->path, f->items, f->nitems, NULL,
					0);
			free(f->items);
			free(f->pcs);
			f->items = NULL;
			f->pcs = NULL;
			if (rc < 0)
				goto out;
			continue;
		}
		if (c == 0 &&
		    (strat_oid_equal(&x->files[j].blob, &x->list[i].blob) ||
		     strat_oid_equal(&x->files[j].bad, &x->list[i].blob))) {
			x->h->reused_files++;
			nf[nn++] = x->files[j++];
			i++;
			continue;
		}
		{
			const strat_hitem **items;
			size_t n;
			calfile sp; /* the new version's pieces */
			int ok;
			strat_diags *d = NULL;
			calfile f;
			const char *path = x->list[i].path;

			if (c == 0) {
				f = x->files[j];
			} else {
				memset(&f, 0, sizeof(f));
				f.ind = -1;
			}
			f.path = path;
			rc =
			    parse_file(x, path, &x->list[i], c == 0 ? &f : NULL,
				       &sp, &items, &n, &ok, &d);
			if (rc < 0) {
				strat_diags_free(d);
				free(sp.pcs);
				goto out;
			}
			if (ok) {
				rc = apply_file(x, path, f.items, f.nitems,
						items, n);
				free(f.items);
				free(f.pcs);
				f.items = items;
				f.nitems = n;
				f.pcs = sp.pcs;
				f.npcs = sp.npcs;
				f.hdr = sp.hdr;
				f.ind = sp.ind;
				f.blob = x->list[i].blob;
			} else if (!strat_oid_equal(&f.bad, &x->list[i].blob)) {
				uint32_t ci;

				f.bad = x->list[i].blob;
				if ((rc = push_commit(x, &ci)) == 0) {
					x->h->commits[ci] = *hc;
					rc = add_warning(x, ci, path,
							 fatal_diag(d, NULL),
							 "file does not parse");
				}
			}
			strat_diags_free(d);
			if (!ok) {
				free(items);
				free(sp.pcs);
			}
			nf[nn++] = f;
			if (c == 0) {
				x->files[j].items = NULL;
				x->files[j].pcs = NULL;
			}
			if (rc < 0) {
				i++;
				if (c == 0)
					j++;
				goto out;
			}
			i++;
			if (c == 0)
				j++;
		}
	}
	free(x->files);
	x->files = nf;
	x->nfiles = nn;
	nf = NULL;
	if (x->nfiles > 1)
		qsort(x->files, x->nfiles, sizeof(*x->files), cmp_calfile);
	rc = settle(x, hc);
out:
	if (nf != NULL) {
		/* error: keep ownership simple, release everything */
		for (k = 0; k < nn; k++) {
			free(nf[k].items);
			free(nf[k].pcs);
		}
		for (; j < x->nfiles; j++) {
			free(x->files[j].items);
			free(x->files[j].pcs);
		}
		x->nfiles = 0;
		free(nf);
	}
	return rc;
}

/* ---- the walk ---- */

/* A path of the plan as a path of the commit's tree (arena). */
static const char *
rooted(hist *x, const char *p)
{
	const char *r = x->o->root;
	size_t nr, np = strlen(p);
	char *s;

	if (r == NULL || r[0] == '\0')
		return p;
	nr = strlen(r);
	if ((s = arena_alloc(&x->mem, nr + np + 2)) == NULL)
		return NULL;
	memcpy(s, r, nr);
	s[nr] = '/';
	memcpy(s + nr + 1, p, np + 1);
	if (np == 0)
		s[nr] = '\0';
	return s;
}

/* rooted(), with a '/' at the end when not empty: strat_pathids then
 * finds a directory only (a file of the name is no directory). */
static const char *
rooted_dir(hist *x, const char *p)
{
	const char *r = rooted(x, p);
	size_t n;
	char *s;

	if (r == NULL || r[0] == '\0')
		return r;
	n = strlen(r);
	if ((s = arena_alloc(&x->mem, n + 2)) == NULL)
		return NULL;
	memcpy(s, r, n);
	memcpy(s + n, "/", 2);
	return s;
}

static int
fill_hcommit(hist *x, const strat_oid *id, int64_t eff, strat_hcommit *out)
{
	strat_commit c;
	int rc;

	if ((rc = strat_commit_lookup(x->repo, id, &c)) < 0)
		return rc;
	out->id = *id;
	out->time = eff;
	out->raw_time = c.time;
	out->why = NULL;
	if ((out->author = intern(x, c.author)) == NULL ||
	    (out->email = intern(x, c.email)) == NULL ||
	    (out->summary = intern(x, c.summary)) == NULL)
		return oom();
	return 0;
}

static int
walk(hist *x, const strat_oid *tip)
{
	strat_history *h = x->h;
	strat_walk *w = NULL;
	walkent *v = NULL, *nv;
	size_t n = 0, cap = 0, i, k, np = 0;
	strat_oid *ids = NULL, *prev = NULL, cfgid;
	const char **paths = NULL;
	strat_pathids *pid = NULL;
	int64_t eff = INT64_MIN;
	int rc, force;

	if ((rc = strat_walk_new(&w, x->repo, tip, x->o->max_commits)) < 0)
		return rc;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL) {
				rc = oom();
				goto out;
			}
			v = nv;
		}
		rc = strat_walk_next_tree(w, &v[n].id, &v[n].tree, &v[n].time);
		if (rc < 0)
			goto out;
		if (rc == 0)
			break;
		n++;
		if (x->o->progress && n % 4096 == 0)
			x->o->progress("walking history", n, 0, x->o->payload);
	}
	h->walked = n;
	h->truncated = strat_walk_truncated(w);
	h->shallow = h->truncated && strat_repo_is_shallow(x->repo) &&
		     (x->o->max_commits == 0 || n < x->o->max_commits);
	if (n == 0) {
		rc = strat_error_set(STRAT_ENOTFOUND,
				     "the repository has no commits yet");
		goto out;
	}
	/* oldest first */
	for (i = n; i-- > 0;) {
		strat_hcommit hc;
		int changed = 0;

		if (v[i].time > eff)
			eff = v[i].time;
		if (x->o->progress && (n - i) % 1024 == 0)
			x->o->progress("reading plans", n - i, n,
				       x->o->payload);
		/* one commit is both the oldest and the newest */
		if (i == n - 1 &&
		    (rc = fill_hcommit(x, &v[i].id, eff, &h->oldest)) < 0)
			goto out;
		if (i == 0 &&
		    (rc = fill_hcommit(x, &v[i].id, eff, &h->newest)) < 0)
			goto out;
		/* strat.yaml decides the other paths */
		x->commit_pushed = 0;
		force = 0;
		if (paths == NULL) {
			if ((paths = calloc(1, sizeof(*paths))) == NULL ||
			    (ids = calloc(1, sizeof(*ids))) == NULL ||
			    (prev = calloc(1, sizeof(*prev))) == NULL) {
				rc = oom();
				goto out;
			}
			if ((paths[0] = rooted(x, "strat.yaml")) == NULL) {
				rc = oom();
				goto out;
			}
			if ((rc = strat_pathids_new(&pid, x->repo, paths, 1)) <
			    0)
				goto out;
		}
		if ((rc = strat_pathids_get(pid, &v[i].tree, ids)) < 0)
			goto out;
		if (!x->cfg_loaded || !strat_oid_equal(&ids[0], &x->cfgblob)) {
			static const strat_oid zero;

			cfgid = ids[0];
			if ((rc = fill_hcommit(x, &v[i].id, eff, &hc)) < 0)
				goto out;
			if ((rc = load_config(
				 x, &cfgid,
				 memcmp(&cfgid, &zero, sizeof(zero)) != 0,
				 &hc)) < 0)
				goto out;
			x->cfgblob = cfgid;
			force = 1;
			free(ids);
			free(prev);
			free(paths);
			np = x->nprefixes;
			ids = calloc(np + 1, sizeof(*ids));
			prev = calloc(np + 1, sizeof(*prev));
			paths = calloc(np + 1, sizeof(*paths));
			if (!ids || !prev || !paths) {
				rc = oom();
				goto out;
			}
			for (k = 0; k <= np; k++)
				if ((paths[k] =
					 k ? rooted_dir(x, x->prefixes[k - 1])
					   : rooted(x, "strat.yaml")) == NULL) {
					rc = oom();
					goto out;
				}
			strat_pathids_free(pid);
			if ((rc = strat_pathids_new(&pid, x->repo, paths,
						    np + 1)) < 0 ||
			    (rc = strat_pathids_get(pid, &v[i].tree, ids)) < 0)
				goto out;
		}
		for (k = 1; k <= np; k++)
			if (!strat_oid_equal(&ids[k], &prev[k]))
				changed = 1;
		if (!changed && !force)
			continue;
		memcpy(prev, ids, (np + 1) * sizeof(*ids));
		h->plan_versions++;
		if (!force && (rc = fill_hcommit(x, &v[i].id, eff, &hc)) < 0)
			goto out;
		if ((rc = load_calendars(x, &v[i].id, ids + 1, &hc)) < 0)
			goto out;
	}
	for (k = 0; k < h->ntracks; k++)
		if (h->tracks[k].nversions &&
		    h->tracks[k].versions[0].commit < h->first_plan)
			h->first_plan = h->tracks[k].versions[0].commit;
	if (!h->has_plan) {
		rc = strat_error_set(STRAT_ENOTFOUND,
				     "no plan files in the history (%zu "
				     "commit%s read): no commit has a "
				     "calendar file",
				     n, n == 1 ? "" : "s");
		goto out;
	}
	rc = 0;
out:
	free(ids);
	free(prev);
	free(paths);
	free(v);
	strat_pathids_free(pid);
	strat_walk_free(w);
	return rc;
}

int
strat_history_build(strat_history **out, strat_repo *repo, const strat_oid *tip,
		    const strat_history_options *opts)
{
	strat_history_options defaults = STRAT_HISTORY_OPTIONS_INIT;
	hist x;
	size_t i;
	int rc;

	*out = NULL;
	if (opts == NULL)
		opts = &defaults;
	memset(&x, 0, sizeof(x));
	x.o = opts;
	x.repo = repo;
	arena_init(&x.mem);
	if ((x.h = calloc(1, sizeof(*x.h))) == NULL)
		return oom();
	x.h->first_plan = UINT32_MAX;
	x.h->week_starts = 1;
	x.h->stale_days = STRAT_STALE_DAYS;
	x.touch_epoch = 1;
	rc = walk(&x, tip);
	if (rc == 0 && x.h->first_plan == UINT32_MAX)
		x.h->first_plan = 0;
	/* the history keeps the arena: stash it in a block at the end */
	for (i = 0; i < x.h->ntracks; i++)
		free(x.tx[i].occ);
	free(x.tx);
	free(x.ptab);
	free(x.hset);
	free(x.cbuf);
	free(x.touched);
	free(x.list);
	strset_free(&x.paths);
	for (i = 0; i < x.nfiles; i++) {
		free(x.files[i].items);
		free(x.files[i].pcs);
	}
	free(x.files);
	free(x.chunks);
	free(x.dkeys);
	free(x.dstamp);
	strat_plan_free(x.scratch);
	free_strv(x.globs, x.nglobs);
	free_strv(x.prefixes, x.nprefixes);
	free(x.strategy);
	free(x.team);
	strset_free(&x.strings);
	strset_free(&x.ids);
	if (rc < 0) {
		strat_history_free(x.h);
		arena_free(&x.mem);
		return rc;
	}
	{
		arena *keep = malloc(sizeof(*keep));

		if (keep == NULL) {
			strat_history_free(x.h);
			arena_free(&x.mem);
			return oom();
		}
		*keep = x.mem;
		x.h->priv = keep;
	}
	*out = x.h;
	return 0;
}

void
strat_history_free(strat_history *h)
{
	size_t i;

	if (h == NULL)
		return;
	for (i = 0; i < h->ntracks; i++)
		free(h->tracks[i].versions);
	free(h->tracks);
	free(h->commits);
	free(h->warnings);
	if (h->priv) {
		arena_free(h->priv);
		free(h->priv);
	}
	free(h);
}

const strat_hversion *
strat_history_at(const strat_history *h, const strat_htrack *t, int64_t when)
{
	size_t lo = 0, hi = t->nversions, mid;

	/* the last version whose commit time is < when */
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (h->commits[t->versions[mid].commit].time < when)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? &t->versions[lo - 1] : NULL;
}

int
strat_history_read_reasons(strat_history *h, strat_repo *repo,
			   const unsigned char *want)
{
	size_t i;
	char *why;
	int rc;

	for (i = 0; i < h->ncommits; i++) {
		if (want != NULL && !want[i])
			continue;
		if ((rc = strat_commit_why(repo, &h->commits[i].id, &why)) < 0)
			return rc;
		if (why == NULL)
			continue;
		h->commits[i].why = arena_strdup(h->priv, why);
		free(why);
		if (h->commits[i].why == NULL)
			return strat_error_set(STRAT_ENOMEM, "out of memory");
	}
	return 0;
}

const char *
strat_hcommit_reason(const strat_hcommit *c)
{
	return c->why ? c->why : c->summary ? c->summary : "";
}
