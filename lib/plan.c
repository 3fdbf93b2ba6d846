/*
 * plan.c - load a plan repository through a source: strat.yaml, then the
 * strategy, the team and every calendar file the globs match.
 */
#include <stdlib.h>
#include <string.h>

#include "glob.h"
#include "plan_impl.h"

static const char *const default_globs[] = {"calendar/**/*.yaml"};
static const char *const default_metrics_globs[] = {"metrics/*.yaml"};

strat_reading *
plan_reading_new(strat_plan *plan)
{
	strat_reading *v;

	if (plan->nreadings == plan->capreadings) {
		size_t cap = plan->capreadings ? plan->capreadings * 2 : 64;

		if ((v = realloc(plan->readings, cap * sizeof(*v))) == NULL)
			return NULL;
		plan->readings = v;
		plan->capreadings = cap;
	}
	v = &plan->readings[plan->nreadings++];
	memset(v, 0, sizeof(*v));
	return v;
}

strat_item *
plan_item_new(strat_plan *plan)
{
	size_t c = plan->nitems / ITEM_CHUNK, i = plan->nitems % ITEM_CHUNK;
	strat_item **v;

	if (plan->nitems >= STRAT_MAX_ITEMS) {
		if (!plan->limit_hit)
			plan->limit_hit = 1;
		return NULL;
	}
	if (i == 0 && c == plan->nchunks) {
		v = realloc(plan->chunks, (c + 1) * sizeof(*v));
		if (v == NULL)
			return NULL;
		plan->chunks = v;
		if ((v[c] = calloc(1, ITEM_CHUNK_BYTES)) == NULL)
			return NULL;
		plan->nchunks++;
	}
	/* Slots never handed out are still zero: only reused ones (after a
	 * file is discarded, or for the next version) are cleared. */
	if (plan->nitems < plan->items_used)
		memset(&plan->chunks[c][i], 0, sizeof(strat_item));
	else
		plan->items_used = plan->nitems + 1;
	plan->nitems++;
	return &plan->chunks[c][i];
}

void
strat_plan_free(strat_plan *plan)
{
	size_t i;

	if (plan == NULL)
		return;
	for (i = 0; i < plan->nchunks; i++)
		free(plan->chunks[i]);
	free(plan->chunks);
	free(plan->cals);
	free(plan->readings);
	free(plan->metrics_files);
	strset_free(&plan->kpi_ids);
	for (i = 0; i < plan->nsources; i++) {
		free(plan->sources[i].buf);
		free(plan->sources[i].lines);
	}
	free(plan->sources);
	free(plan->item_ids);
	free(plan->dup_items);
	strset_free(&plan->anchor_ids);
	strset_free(&plan->people_ids);
	arena_free(&plan->mem);
	free(plan);
}

const strat_config *
strat_plan_config(const strat_plan *plan)
{
	return &plan->config;
}

const strat_strategy *
strat_plan_strategy(const strat_plan *plan)
{
	return &plan->strategy;
}

const strat_team *
strat_plan_team(const strat_plan *plan)
{
	return &plan->team;
}

size_t
strat_plan_item_count(const strat_plan *plan)
{
	return plan->nitems;
}

const strat_item *
strat_plan_item(const strat_plan *plan, size_t i)
{
	if (i >= plan->nitems)
		return NULL;
	return &plan->chunks[i / ITEM_CHUNK][i % ITEM_CHUNK];
}

size_t
strat_plan_file_count(const strat_plan *plan)
{
	return plan ? plan->nfiles : 0;
}

size_t
strat_plan_calendar_count(const strat_plan *plan)
{
	return plan->ncals;
}

const strat_calendar *
strat_plan_calendar(const strat_plan *plan, size_t i)
{
	return i < plan->ncals ? &plan->cals[i] : NULL;
}

size_t
strat_plan_reading_count(const strat_plan *plan)
{
	return plan ? plan->nreadings : 0;
}

const strat_reading *
strat_plan_reading(const strat_plan *plan, size_t i)
{
	return i < plan->nreadings ? &plan->readings[i] : NULL;
}

size_t
strat_plan_metrics_count(const strat_plan *plan)
{
	return plan ? plan->nmetrics : 0;
}

const strat_metrics_file *
strat_plan_metrics(const strat_plan *plan, size_t i)
{
	return i < plan->nmetrics ? &plan->metrics_files[i] : NULL;
}

const strat_kpi *
strat_plan_find_kpi(const strat_plan *plan, const char *id)
{
	return id ? strset_get(&plan->kpi_ids, id) : NULL;
}

const strat_item *
strat_plan_find_item(const strat_plan *plan, const char *id)
{
	size_t mask = plan->item_ids_cap - 1, i;
	uint32_t h;
	const strat_item *it;

	if (plan->item_ids_cap == 0 || id == NULL)
		return NULL;
	h = (uint32_t)strat_hash(id, strlen(id), 0);
	for (i = h & mask; plan->item_ids[i].item != 0; i = (i + 1) & mask) {
		if (plan->item_ids[i].hash != h)
			continue;
		it = strat_plan_item(plan, plan->item_ids[i].item - 1);
		if (strcmp(it->id.s, id) == 0)
			return it;
	}
	return NULL;
}

const strat_anchor *
strat_plan_find_anchor(const strat_plan *plan, const char *id)
{
	return strset_get(&plan->anchor_ids, id);
}

const strat_person *
strat_plan_find_person(const strat_plan *plan, const char *id)
{
	return strset_get(&plan->people_ids, id);
}

const char *
strat_plan_source_line(const strat_plan *plan, const char *file, uint32_t line,
		       size_t *len)
{
	plan_source *src = NULL;
	size_t i, n;
	const char *p, *end;

	for (i = 0; i < plan->nsources; i++)
		if (strcmp(plan->sources[i].path, file) == 0)
			src = &plan->sources[i];
	if (src == NULL || src->buf == NULL || line == 0)
		return NULL;
	if (src->lines == NULL) {
		for (n = 1, p = src->buf;
		     (p = memchr(p, '\n', src->buf + src->len - p)) != NULL;
		     p++)
			n++;
		src->lines = malloc(n * sizeof(*src->lines));
		if (src->lines == NULL)
			return NULL;
		src->lines[0] = src->buf;
		for (n = 1, p = src->buf;
		     (p = memchr(p, '\n', src->buf + src->len - p)) != NULL;
		     p++)
			src->lines[n++] = p + 1;
		src->nlines = n;
	}
	if (line > src->nlines)
		return NULL;
	p = src->lines[line - 1];
	end = line < src->nlines ? src->lines[line] - 1 : src->buf + src->len;
	if (end > p && end[-1] == '\r')
		end--;
	*len = (size_t)(end - p);
	return p;
}

/* Texts are read and hashed in pieces of PIECE bytes. */
#define PIECE ((size_t)64 << 10)

/* The hash of a text kept for STRAT_SOURCES_LATER: of each PIECE in
 * turn, so a streamed text hashes alike. */
static uint64_t
text_hash(const char *buf, size_t len)
{
	uint64_t h = 0;
	size_t off, n;

	for (off = 0; off < len; off += n) {
		n = len - off < PIECE ? len - off : PIECE;
		h = strat_hash(buf + off, n, h);
	}
	return h;
}

int
strat_plan_read_sources(strat_plan *plan, const strat_source *src,
			const strat_diags *diags)
{
	size_t i, k, len;
	plan_source *s;
	char *buf;
	int rc;

	for (i = 0; i < strat_diags_count(diags); i++) {
		const char *file = strat_diags_get(diags, i)->file;

		for (k = 0, s = NULL; k < plan->nsources && s == NULL; k++)
			if (strcmp(plan->sources[k].path, file) == 0)
				s = &plan->sources[k];
		if (s == NULL || s->read)
			continue;
		s->read = 1;
		buf = NULL;
		len = 0;
		rc = src->read(src->ctx, s->path, &buf, &len);
		if (rc == STRAT_ENOMEM)
			return strat_error_set(rc, "out of memory");
		if (rc == 0 && len == s->len &&
		    text_hash(buf, len) == s->hash) {
			s->buf = buf;
			continue;
		}
		free(buf); /* gone, or changed since: no excerpt */
	}
	return 0;
}

/* ---- loading ---- */

typedef struct {
	char **v;
	size_t n, cap;
	int failed;
} pathlist;

static int
add_path(void *arg, const char *path)
{
	pathlist *l = arg;
	char **v;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;

		if ((v = realloc(l->v, cap * sizeof(*v))) == NULL)
			return STRAT_ENOMEM;
		l->v = v;
		l->cap = cap;
	}
	if ((l->v[l->n] = strdup(path)) == NULL)
		return STRAT_ENOMEM;
	l->n++;
	return 0;
}

static void
pathlist_free(pathlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef int (*reader_fn)(strat_plan *, const char *, const ytext *,
			 strat_diags *);

/*
 * A file the source reads in pieces (strat_source.open), handed to the
 * YAML reader piece by piece: the plan's memory at the end of a calendar
 * of megabytes is what was kept of it, not that and its whole text.  The
 * text is read ahead PIECE bytes at a time and hashed piece by piece, as
 * text_hash does over a whole text.
 */
typedef struct {
	const strat_source *src;
	const char *path;
	strat_stream st;
	char *piece;
	size_t have, at; /* bytes in piece, of them handed out */
	size_t total;    /* bytes read */
	uint64_t hash;   /* text_hash of them */
	int eof, err;    /* err: a read's negative code */
	char *whole;     /* the whole text, read again for a syntax error */
	size_t wlen;
} streamed;

/* The next piece into t->piece; 0 or a negative code. */
static int
streamed_fill(streamed *t)
{
	size_t n;
	int rc;

	t->have = t->at = 0;
	while (t->have < PIECE) {
		n = 0;
		rc = t->st.read(t->st.s, t->piece + t->have, PIECE - t->have,
				&n);
		if (rc < 0)
			return rc;
		if (n == 0) {
			t->eof = 1;
			break;
		}
		t->have += n;
	}
	if (t->total + t->have > STRAT_MAX_FILE_SIZE) /* it grew */
		return strat_error_set(STRAT_ELIMIT, "file is too large");
	if (t->have > 0)
		t->hash = strat_hash(t->piece, t->have, t->hash);
	t->total += t->have;
	return 0;
}

static int
streamed_read(void *arg, unsigned char *out, size_t cap, size_t *got)
{
	streamed *t = arg;
	size_t k;
	int rc;

	*got = 0;
	while (*got < cap) {
		if (t->at == t->have) {
			if (t->eof)
				break;
			if ((rc = streamed_fill(t)) < 0) {
				t->err = rc;
				return -1;
			}
			if (t->have == 0)
				break;
		}
		k = cap - *got < t->have - t->at ? cap - *got : t->have - t->at;
		memcpy(out + *got, t->piece + t->at, k);
		*got += k;
		t->at += k;
	}
	return 0;
}

static int
streamed_whole(void *arg, const char **buf, size_t *len)
{
	streamed *t = arg;

	if (t->whole == NULL &&
	    t->src->read(t->src->ctx, t->path, &t->whole, &t->wlen) < 0)
		return -1;
	*buf = t->whole;
	*len = t->wlen;
	return 0;
}

/* The source's answer rc about path: 0 when the file is there to read,
 * else what load_one returns (a finding added to diags, or rc). */
static int
read_failed(strat_diags *diags, const char *file, int rc)
{
	if (rc == STRAT_ELIMIT) {
		strat_diags_add(diags, STRAT_RULE_LIMIT_EXCEEDED, file, 0, 0,
				"split the file; plan files are small text",
				"file is larger than %u bytes",
				STRAT_MAX_FILE_SIZE);
		return 1;
	}
	if (rc == STRAT_ECONFLICT) {
		strat_diags_add(diags, STRAT_RULE_FILE_UNREADABLE, file, 0, 0,
				"resolve the conflict, then 'git add' the file",
				"file has unresolved merge conflicts");
		return 1;
	}
	if (rc == STRAT_ENOMEM || rc == STRAT_EGIT)
		return rc; /* out of memory, or a damaged repository */
	if (rc == STRAT_EOUTSIDE) {
		strat_diags_add(diags, STRAT_RULE_PATH_OUTSIDE_REPO, file, 0, 0,
				"plan files must live inside the repository",
				"%s", strat_error_last());
		return 0;
	}
	if (rc < 0) {
		strat_diags_add(diags, STRAT_RULE_FILE_UNREADABLE, file, 0, 0,
				NULL, "cannot read file: %s",
				strat_error_last());
		return 1;
	}
	return 0;
}

/* Keep what keep_sources asks of file's text: its size and hash (LATER),
 * or the text itself (KEEP: buf is taken over). */
static int
keep_source(strat_plan *plan, const strat_load_options *opts, const char *file,
	    char **buf, size_t len, uint64_t hash)
{
	plan_source *s;

	if (opts->keep_sources != STRAT_SOURCES_KEEP &&
	    opts->keep_sources != STRAT_SOURCES_LATER)
		return 0;
	s = realloc(plan->sources,
		    (plan->nsources + 1) * sizeof(*plan->sources));
	if (s == NULL)
		return STRAT_ENOMEM;
	plan->sources = s;
	s += plan->nsources++;
	memset(s, 0, sizeof(*s));
	s->path = file;
	s->len = len;
	s->hash = hash;
	if (opts->keep_sources == STRAT_SOURCES_KEEP) {
		s->buf = *buf;
		s->read = 1;
		*buf = NULL;
	}
	return 0;
}

/* load_one for a source that reads in pieces. */
static int
load_streamed(strat_plan *plan, const strat_source *src,
	      const strat_load_options *opts, strat_diags *diags,
	      const char *path, const char *file, reader_fn fn, int *found)
{
	streamed t;
	ytext in;
	int rc, kept;

	memset(&t, 0, sizeof(t));
	rc = src->open(src->ctx, path, &t.st);
	if (rc == STRAT_ENOTFOUND)
		return 0;
	*found = 1;
	plan->nfiles++;
	if (rc < 0)
		return read_failed(diags, file, rc);
	if (t.st.size > STRAT_MAX_FILE_SIZE)
		rc = read_failed(diags, file, STRAT_ELIMIT);
	else if ((t.piece = malloc(PIECE)) == NULL)
		rc = STRAT_ENOMEM;
	if (rc != 0) {
		t.st.close(t.st.s);
		return rc;
	}
	t.src = src;
	t.path = path;
	in.buf = NULL;
	in.len = t.st.size;
	in.read = streamed_read;
	in.whole = streamed_whole;
	in.arg = &t;
	rc = fn(plan, file, &in, diags);
	/* the parse may stop early (a syntax error, a limit): the size and
	 * hash kept are the whole file's */
	while (rc >= 0 && t.err == 0 && !t.eof)
		t.err = streamed_fill(&t);
	t.st.close(t.st.s);
	free(t.piece);
	free(t.whole);
	if (rc >= 0 && t.err != 0) {
		/* the parse stopped where the read failed: the file added
		 * nothing (model.c discarded it) */
		rc = read_failed(diags, file, t.err);
	}
	if (rc < 0)
		return rc;
	kept = keep_source(plan, opts, file, NULL, t.total, t.hash);
	return kept < 0 ? kept : rc;
}

/* Read one file through the source and hand it to fn.  Missing files are
 * reported by the caller when they matter; *found tells.  Returns 0, 1 when
 * the file was found but cannot be used, or a negative code. */
static int
load_one(strat_plan *plan, const strat_source *src,
	 const strat_load_options *opts, strat_diags *diags, const char *path,
	 reader_fn fn, int *found)
{
	char *buf = NULL;
	size_t len = 0;
	const char *file;
	ytext in;
	int rc, kept;

	*found = 0;
	if ((file = arena_strdup(&plan->mem, path)) == NULL)
		return STRAT_ENOMEM;
	if (src->open != NULL && opts->keep_sources != STRAT_SOURCES_KEEP)
		return load_streamed(plan, src, opts, diags, path, file, fn,
				     found);
	rc = src->read(src->ctx, path, &buf, &len);
	if (rc == STRAT_ENOTFOUND)
		return 0;
	*found = 1;
	plan->nfiles++;
	if (rc < 0)
		return read_failed(diags, file, rc);
	if (len > STRAT_MAX_FILE_SIZE) {
		free(buf);
		return read_failed(diags, file, STRAT_ELIMIT);
	}
	in.buf = buf;
	in.len = len;
	in.read = NULL;
	in.whole = NULL;
	in.arg = NULL;
	rc = fn(plan, file, &in, diags);
	kept = keep_source(plan, opts, file, &buf, len,
			   opts->keep_sources == STRAT_SOURCES_LATER
			       ? text_hash(buf, len)
			       : 0);
	free(buf);
	return kept < 0 ? kept : rc;
}

static int
new_calendar(strat_plan *plan, const char *path)
{
	strat_calendar *v;

	if (plan->ncals == plan->capcals) {
		size_t cap = plan->capcals ? plan->capcals * 2 : 16;

		if ((v = realloc(plan->cals, cap * sizeof(*v))) == NULL)
			return STRAT_ENOMEM;
		plan->cals = v;
		plan->capcals = cap;
	}
	v = &plan->cals[plan->ncals++];
	memset(v, 0, sizeof(*v));
	v->path = arena_strdup(&plan->mem, path);
	v->first_item = plan->nitems;
	return v->path ? 0 : STRAT_ENOMEM;
}

static int
read_calendar(strat_plan *plan, const char *file, const ytext *in,
	      strat_diags *diags)
{
	int rc;

	/* A calendar of megabytes: its strings go straight to one chunk
	 * (a third of the text is about what its strings take). */
	if (in->len >= ITEM_CHUNK_BYTES)
		arena_expect(&plan->mem, in->len / 3);
	rc = model_read_calendar(plan, file, in, diags);

	plan->cals[plan->ncals - 1].nitems =
	    plan->nitems - plan->cals[plan->ncals - 1].first_item;
	return rc;
}

static int
new_metrics(strat_plan *plan, const char *path)
{
	strat_metrics_file *v;

	if (plan->nmetrics == plan->capmetrics) {
		size_t cap = plan->capmetrics ? plan->capmetrics * 2 : 8;

		if ((v = realloc(plan->metrics_files, cap * sizeof(*v))) ==
		    NULL)
			return STRAT_ENOMEM;
		plan->metrics_files = v;
		plan->capmetrics = cap;
	}
	v = &plan->metrics_files[plan->nmetrics++];
	memset(v, 0, sizeof(*v));
	v->path = arena_strdup(&plan->mem, path);
	v->first = plan->nreadings;
	return v->path ? 0 : STRAT_ENOMEM;
}

static int
read_metrics(strat_plan *plan, const char *file, const ytext *in,
	     strat_diags *diags)
{
	strat_metrics_file *m = &plan->metrics_files[plan->nmetrics - 1];
	int rc;

	rc = model_read_metrics(plan, file, in, diags);
	m->n = plan->nreadings - m->first;
	m->loaded = rc == 0;
	return rc;
}

static int
add_dup(strat_plan *plan, size_t i)
{
	uint32_t *v;
	size_t n = plan->ndup_items;

	if ((n & (n - 1)) == 0) { /* 0, 1, 2, 4...: grow at powers of 2 */
		v = realloc(plan->dup_items, (n ? 2 * n : 1) * sizeof(*v));
		if (v == NULL)
			return -1;
		plan->dup_items = v;
	}
	plan->dup_items[plan->ndup_items++] = (uint32_t)i;
	return 0;
}

static int
index_items(strat_plan *plan)
{
	size_t cap = 16, mask, i, j;
	uint32_t h;
	const strat_item *it, *o;
	struct item_slot *v;

	while (cap - cap / 4 <= plan->nitems)
		cap *= 2;
	if ((v = calloc(cap, sizeof(*v))) == NULL)
		return STRAT_ENOMEM;
	mask = cap - 1;
	for (i = 0; i < plan->nitems; i++) {
		it = strat_plan_item(plan, i);
		if (it->id.s == NULL)
			continue;
		h = (uint32_t)strat_hash(it->id.s, strlen(it->id.s), 0);
		for (j = h & mask; v[j].item != 0; j = (j + 1) & mask) {
			if (v[j].hash != h)
				continue;
			o = strat_plan_item(plan, v[j].item - 1);
			if (strcmp(o->id.s, it->id.s) == 0)
				break;
		}
		if (v[j].item == 0) {
			v[j].item = (uint32_t)i + 1;
			v[j].hash = h;
		} else if (add_dup(plan, i) < 0) {
			free(v);
			return STRAT_ENOMEM;
		}
	}
	plan->item_ids = v;
	plan->item_ids_cap = cap;
	return 0;
}

static int
index_ids(strat_plan *plan)
{
	size_t i;
	int rc;
	const strat_strategy *s = &plan->strategy;
	const strat_team *t = &plan->team;

	/* First definition wins; duplicates are reported by lint. */
	if ((rc = index_items(plan)) < 0)
		return rc;
	for (i = 0; i < s->nanchors; i++)
		if (s->anchors[i].id.s &&
		    strset_put(&plan->anchor_ids, s->anchors[i].id.s,
			       &s->anchors[i], NULL) < 0)
			return STRAT_ENOMEM;
	for (i = 0; i < s->nkpis; i++)
		if (s->kpis[i].id.s &&
		    strset_put(&plan->kpi_ids, s->kpis[i].id.s, &s->kpis[i],
			       NULL) < 0)
			return STRAT_ENOMEM;
	for (i = 0; i < t->npeople; i++)
		if (t->people[i].id.s &&
		    strset_put(&plan->people_ids, t->people[i].id.s,
			       &t->people[i], NULL) < 0)
			return STRAT_ENOMEM;
	return 0;
}

/* A file no calendar glob matched, standing where a directory of
 * calendar files could be (a file 'calendar' where the default glob
 * looks for a directory): a git source checks that its entry is what its
 * mode says, as the history walk does (a file entry naming a tree must
 * not hide a calendar directory in silence).  Only the source's errors
 * of the repository stop the load. */
static int
held_check(const strat_source *src, const strat_config *cfg, const char *path)
{
	uint64_t hash;
	size_t g;
	int rc;

	if (src->stat == NULL)
		return 0;
	for (g = 0; g < cfg->ncalendars; g++)
		if (cfg->calendars[g].s &&
		    glob_may_hold(cfg->calendars[g].s, path))
			break;
	if (g == cfg->ncalendars)
		return 0;
	rc = src->stat(src->ctx, path, &hash);
	return rc == STRAT_EGIT || rc == STRAT_ENOMEM ? rc : 0;
}

/* A file no calendar glob matched: read it as a metrics file when a
 * metrics glob matches it. */
static int
load_metrics(strat_plan *plan, const strat_source *src,
	     const strat_load_options *opts, strat_diags *diags,
	     const char *path)
{
	strat_config *cfg = &plan->config;
	size_t g;
	int match = 0, found, rc;

	for (g = 0; g < cfg->nmetrics; g++)
		if (cfg->metrics[g].s && glob_match(cfg->metrics[g].s, path)) {
			cfg->metrics_matches[g]++;
			match = 1;
		}
	if (!match)
		return 0;
	if (plan->nmetrics >= STRAT_MAX_FILES) {
		strat_diags_add(diags, STRAT_RULE_LIMIT_EXCEEDED, path, 0, 0,
				"narrow the metrics globs",
				"more than %u metrics files; the rest are not "
				"read",
				STRAT_MAX_FILES);
		return 0;
	}
	if ((rc = new_metrics(plan, path)) < 0)
		return rc;
	rc = load_one(plan, src, opts, diags, path, read_metrics, &found);
	return rc < 0 ? rc : 0;
}

static int
check_path(strat_diags *diags, const strat_str *p, const char *what)
{
	if (path_inside(p->s) && !path_in_dotgit(p->s))
		return 1;
	if (path_inside(p->s)) {
		strat_diags_add(diags, STRAT_RULE_PATH_OUTSIDE_REPO,
				"strat.yaml", p->line, p->column,
				"plan files live in the work tree, not in "
				"git's own directory",
				"%s '%s' is inside .git", what, p->s);
		return 0;
	}
	strat_diags_add(diags, STRAT_RULE_PATH_OUTSIDE_REPO, "strat.yaml",
			p->line, p->column,
			"paths are relative to the repository root and may "
			"not contain '..'",
			"%s '%s' leaves the repository", what, p->s);
	return 0;
}

/* Whether dir (relative to src's top) holds name: read, not listed (a
 * conflicted or unreadable file is there too). */
static int
holds(const strat_source *src, const char *dir, const char *name)
{
	size_t nd = strlen(dir), nn = strlen(name), len = 0;
	char *path, *buf = NULL;
	int rc;

	if ((path = malloc(nd + nn + 2)) == NULL)
		return STRAT_ENOMEM;
	memcpy(path, dir, nd);
	if (nd > 0)
		path[nd++] = '/';
	memcpy(path + nd, name, nn + 1);
	rc = src->read(src->ctx, path, &buf, &len);
	free(buf);
	free(path);
	if (rc == STRAT_ENOMEM)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	return rc != STRAT_ENOTFOUND;
}

int
strat_plan_locate(char **out, const strat_source *src, const char *start)
{
	char *cand, *slash;
	int rc;

	*out = NULL;
	if ((cand = strdup(start)) == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	for (;;) {
		if ((rc = holds(src, cand, "strat.yaml")) == 0)
			rc = holds(src, cand, "strategy.yaml");
		if (rc != 0)
			break;
		if (cand[0] == '\0')
			break;
		slash = strrchr(cand, '/');
		if (slash)
			*slash = '\0';
		else
			cand[0] = '\0';
	}
	if (rc < 0) {
		free(cand);
		return rc;
	}
	if (rc == 0)
		cand[0] = '\0';
	*out = cand;
	return rc;
}

int
strat_plan_load(strat_plan **out, const strat_source *src,
		const strat_load_options *opts, strat_diags *diags)
{
	strat_load_options defaults = STRAT_LOAD_OPTIONS_INIT;
	strat_plan *plan;
	pathlist files = {0};
	strat_config *cfg;
	size_t i, g;
	int rc, found;
	strat_str *globs;

	*out = NULL;
	if (opts == NULL)
		opts = &defaults;
	if ((plan = calloc(1, sizeof(*plan))) == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	arena_init(&plan->mem);
	cfg = &plan->config;
	cfg->week_starts = 1;
	cfg->item_stale_days = STRAT_STALE_DAYS;

	if ((rc = load_one(plan, src, opts, diags, "strat.yaml",
			   model_read_config, &found)) < 0)
		goto fail;
	cfg->file = found ? "strat.yaml" : NULL;
	if (cfg->strategy.s == NULL)
		cfg->strategy.s = "strategy.yaml";
	if (cfg->team.s == NULL)
		cfg->team.s = "team.yaml";
	if (cfg->ncalendars == 0 && cfg->calendars == NULL) {
		globs = arena_zalloc(&plan->mem, sizeof(*globs));
		if (globs == NULL)
			goto nomem;
		globs[0].s = default_globs[0];
		cfg->calendars = globs;
		cfg->ncalendars = 1;
	}
	cfg->glob_matches =
	    arena_zalloc(&plan->mem, (cfg->ncalendars + 1) * sizeof(size_t));
	if (cfg->glob_matches == NULL)
		goto nomem;
	if (cfg->nmetrics == 0 && cfg->metrics == NULL) {
		globs = arena_zalloc(&plan->mem, sizeof(*globs));
		if (globs == NULL)
			goto nomem;
		globs[0].s = default_metrics_globs[0];
		cfg->metrics = globs;
		cfg->nmetrics = 1;
	}
	cfg->metrics_matches =
	    arena_zalloc(&plan->mem, (cfg->nmetrics + 1) * sizeof(size_t));
	if (cfg->metrics_matches == NULL)
		goto nomem;
	if (cfg->stale_days == 0)
		cfg->stale_days = 14;

	if (check_path(diags, &cfg->strategy, "strategy path")) {
		if ((rc = load_one(plan, src, opts, diags, cfg->strategy.s,
				   model_read_strategy, &found)) < 0)
			goto fail;
		if (found && rc == 0)
			plan->strategy.file = cfg->strategy.s;
		else if (!found)
			strat_diags_add(diags, STRAT_RULE_FILE_UNREADABLE,
					cfg->strategy.s, 0, 0,
					"create it ('strat init' writes a "
					"starting point) or set 'strategy:' "
					"in strat.yaml",
					"strategy file '%s' not found",
					cfg->strategy.s);
	}
	if (check_path(diags, &cfg->team, "team path")) {
		if ((rc = load_one(plan, src, opts, diags, cfg->team.s,
				   model_read_team, &found)) < 0)
			goto fail;
		if (found && rc == 0)
			plan->team.file = cfg->team.s;
		else if (!found && cfg->team.line != 0)
			strat_diags_add(
			    diags, STRAT_RULE_FILE_UNREADABLE, "strat.yaml",
			    cfg->team.line, cfg->team.column, NULL,
			    "team file '%s' not found", cfg->team.s);
	}

	if ((rc = src->list(src->ctx, add_path, &files)) < 0)
		goto fail;
	if (files.n > 1)
		qsort(files.v, files.n, sizeof(*files.v), cmpstr);
	for (g = 0; g < cfg->ncalendars; g++)
		if (!check_path(diags, &cfg->calendars[g], "calendar glob"))
			cfg->calendars[g].s = NULL;
	for (g = 0; g < cfg->nmetrics; g++)
		if (!check_path(diags, &cfg->metrics[g], "metrics glob"))
			cfg->metrics[g].s = NULL;
	for (i = 0; i < files.n; i++) {
		int match = 0;
		size_t fl = strlen(files.v[i]);

		if (fl > 0 && files.v[i][fl - 1] == '/') {
			/* a directory the source could not read */
			strat_diags_add(diags, STRAT_RULE_LIMIT_EXCEEDED,
					files.v[i], 0, 0,
					"calendar files in it are not counted: "
					"move them up, or make it readable",
					"directory not read: deeper than %d "
					"levels below the plan, or unreadable",
					STRAT_MAX_DIR_DEPTH);
			continue;
		}
		for (g = 0; g < cfg->ncalendars; g++)
			if (cfg->calendars[g].s &&
			    glob_match(cfg->calendars[g].s, files.v[i])) {
				cfg->glob_matches[g]++;
				match = 1;
			}
		if (strcmp(files.v[i], cfg->strategy.s) == 0 ||
		    strcmp(files.v[i], cfg->team.s) == 0 ||
		    strcmp(files.v[i], "strat.yaml") == 0)
			continue;
		if (!match) {
			if ((rc = held_check(src, cfg, files.v[i])) < 0 ||
			    (rc = load_metrics(plan, src, opts, diags,
					       files.v[i])) < 0)
				goto fail;
			continue;
		}
		if (plan->ncals >= STRAT_MAX_FILES) {
			strat_diags_add(diags, STRAT_RULE_LIMIT_EXCEEDED,
					files.v[i], 0, 0,
					"narrow the calendar globs",
					"more than %u calendar files; the rest "
					"are not read",
					STRAT_MAX_FILES);
			break;
		}
		if (strlen(files.v[i]) > STRAT_MAX_PATH) {
			strat_diags_add(diags, STRAT_RULE_LIMIT_EXCEEDED,
					files.v[i], 0, 0,
					"use shorter directory and file names",
					"path longer than %d bytes is skipped",
					STRAT_MAX_PATH);
			continue;
		}
		if ((rc = new_calendar(plan, files.v[i])) < 0)
			goto fail;
		if ((rc = load_one(plan, src, opts, diags, files.v[i],
				   read_calendar, &found)) < 0)
			goto fail;
	}
	if ((rc = index_ids(plan)) < 0)
		goto fail;
	pathlist_free(&files);
	*out = plan;
	return 0;
nomem:
	rc = strat_error_set(STRAT_ENOMEM, "out of memory");
fail:
	pathlist_free(&files);
	strat_plan_free(plan);
	return rc;
}

/* ---- history support (lib/history.c) ---- */

strat_plan *
plan_new_scratch(void)
{
	strat_plan *plan = calloc(1, sizeof(*plan));

	if (plan == NULL)
		return NULL;
	arena_init(&plan->mem);
	plan->config.week_starts = 1;
	plan->config.item_stale_days = STRAT_STALE_DAYS;
	return plan;
}

/* Forget the previous version read into a scratch plan: its items, its
 * file and every string of it.  What stays is room: the item chunks, the
 * tables and one arena chunk, each as large as the largest version read
 * needed, so a history walk's memory does not grow with its versions. */
static void
scratch_reset(strat_plan *plan)
{
	static const arena_mark empty = {NULL, 0};

	plan->nitems = 0;
	plan->ncals = 0;
	plan->nreadings = 0;
	plan->nmetrics = 0;
	plan->limit_hit = 0;
	arena_reset(&plan->mem, empty);
}

int
plan_scratch_calendar(strat_plan *plan, const char *file, const char *buf,
		      size_t len, strat_diags *diags, int *loaded)
{
	ytext in = {buf, len, NULL, NULL, NULL};
	int rc;

	scratch_reset(plan);
	*loaded = 0;
	if ((rc = new_calendar(plan, file)) < 0)
		return rc;
	if ((rc = read_calendar(plan, plan->cals[0].path, &in, diags)) < 0)
		return rc;
	*loaded = plan->cals[0].loaded;
	return 0;
}

int
plan_scratch_metrics(strat_plan *plan, const char *file, const char *buf,
		     size_t len, strat_diags *diags, int *loaded)
{
	ytext in = {buf, len, NULL, NULL, NULL};
	int rc;

	scratch_reset(plan);
	*loaded = 0;
	if ((rc = new_metrics(plan, file)) < 0)
		return rc;
	rc = read_metrics(plan, plan->metrics_files[0].path, &in, diags);
	if (rc < 0)
		return rc;
	*loaded = plan->metrics_files[0].loaded;
	return 0;
}
