/*
 * fuzz_history.c - the history walk over a repository built from the
 * input.  The input is a small program of commits:
 *
 *   TEXT                    the first commit's calendar/a.yaml
 *   @@SPEC MESSAGE          a further commit: SPEC says what changes,
 *   TEXT                    TEXT is the new content of the chosen file
 *   @@SPEC MESSAGE ...
 *
 * SPEC is a run of letters and a number, in any order:
 *   a b c d   the file TEXT is written to: calendar/a.yaml, calendar/b.yaml,
 *             calendar/sub/c.yaml, other/d.yaml (a calendar only with the
 *             second strat.yaml); default a
 *   [-]N      days since the previous commit (default 1; negative: a
 *             committer clock that went backwards); 'h' after it: hours
 *   S         strat.yaml becomes the next of: default, sunday weeks and
 *             two globs, a broken file, absent
 *   x         the file is deleted instead (TEXT ignored)
 *   k         the strategy becomes TEXT instead
 *   m         a merge commit: its second parent is a side commit with
 *             the same change and other/d.yaml
 *   z         the commit's time zone flips between +14:00 and -12:00
 * A first line "@@@ OPTS" sets: P (the plan lives in plan/), n<N>
 * (--max-commits N), s/u (--since 2026-03-01 / --until 2026-06-30).
 *
 * The repository is written with libgit2 directly (test code); the code
 * under test is reached only through include/strat/history.h: the history
 * is built with reuse on and with reuse off, measured by quarter, month
 * and week, grouped by anchor, owner and channel, and rendered in every
 * format.  Oracles: no crash, leak or UB; reuse on and off give the same
 * tracks, warnings and byte-identical reports.
 */
#define _XOPEN_SOURCE 700
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "strat/history.h"

#define MAXCOMMITS 48
#define T0         1767614400 /* 2026-01-05 12:00 UTC */

static const char *const configs[] = {
    "strat: 1\ncalendars: [calendar/**/*.yaml]\n",
    "strat: 1\nweek-starts: sunday\n"
    "calendars: [calendar/**/*.yaml, other/*.yaml]\n",
    "strat: 1\ncalendars: [calendar/**/*.yaml\nweek-starts: [\n",
    NULL,
};
static const char strategy[] =
    "kind: strategy\nversion: 1\ntitle: T\nowner: dana\n"
    "anchors:\n"
    "  - id: q1-a\n    title: A\n    quarter: 2026-Q1\n    owner: ann\n"
    "  - id: q2-b\n    title: B\n    quarter: 2026-Q2\n    owner: bo\n";
static const char team[] =
    "kind: team\nversion: 1\npeople:\n  - id: ann\n    name: Ann\n"
    "  - id: bo\n    name: Bo\n";
static const char *const files[] = {
    "calendar/a.yaml",
    "calendar/b.yaml",
    "calendar/sub/c.yaml",
    "other/d.yaml",
};

static void
check(int rc, const char *what)
{
	if (rc < 0) {
		const git_error *e = git_error_last();

		fprintf(stderr, "fuzz_history: %s: %s\n", what,
			e && e->message ? e->message : "?");
		abort();
	}
}

static void
put(git_index *ix, git_repository *repo, const char *root, const char *path,
    const char *data, size_t len)
{
	git_index_entry e;
	char full[64];

	snprintf(full, sizeof(full), "%s%s", root, path);
	if (data == NULL) {
		git_index_remove(ix, full, 0);
		return;
	}
	memset(&e, 0, sizeof(e));
	e.mode = GIT_FILEMODE_BLOB;
	e.path = full;
	check(git_blob_create_from_buffer(&e.id, repo, data, len), "blob");
	check(git_index_add(ix, &e), "index add");
}

static void
commit(git_repository *repo, git_index *ix, git_oid *out,
       const git_oid *parents, size_t np, int64_t t, int tz, const char *msg)
{
	git_oid tid;
	git_tree *tree;
	git_commit *p[2] = {NULL, NULL};
	git_signature *sig;
	size_t i;

	check(git_index_write_tree_to(&tid, ix, repo), "write tree");
	check(git_tree_lookup(&tree, repo, &tid), "tree lookup");
	for (i = 0; i < np; i++)
		check(git_commit_lookup(&p[i], repo, &parents[i]), "parent");
	check(git_signature_new(&sig, "Fuzz", "fuzz@example.com", t, tz),
	      "signature");
	check(git_commit_create(out, repo, NULL, sig, sig, NULL,
				msg[0] ? msg : "c", tree, np,
				(const git_commit **)p),
	      "commit");
	git_signature_free(sig);
	for (i = 0; i < np; i++)
		git_commit_free(p[i]);
	git_tree_free(tree);
}

typedef struct {
	int plan_dir;
	size_t max_commits;
	int since, until;
} gopts;

/* Build the repository in dir; the tip in *tip.  0, or -1: no commit. */
static int
build(const char *dir, const char *in, size_t size, gopts *g, git_oid *tip)
{
	git_repository *repo;
	git_index *ix;
	const char *p = in, *end = in + size, *nl, *text, *tend, *q;
	const char *root;
	char msg[128];
	int cfg = 0, tz = 0, have = 0, first = 1;
	int64_t t = T0;
	size_t n = 0, np;

	memset(g, 0, sizeof(*g));
	if (size >= 3 && memcmp(p, "@@@", 3) == 0) {
		nl = memchr(p, '\n', size);
		q = nl ? nl : end;
		for (p += 3; p < q; p++) {
			if (*p == 'P')
				g->plan_dir = 1;
			else if (*p == 's')
				g->since = 1;
			else if (*p == 'u')
				g->until = 1;
			else if (*p == 'n') {
				g->max_commits = 0;
				while (p + 1 < q && p[1] >= '0' &&
				       p[1] <= '9' && g->max_commits < 1000)
					g->max_commits = g->max_commits * 10 +
							 (size_t)(*++p - '0');
			}
		}
		p = nl ? nl + 1 : end;
	}
	root = g->plan_dir ? "plan/" : "";
	check(git_repository_init(&repo, dir, 1), "init");
	check(git_index_new(&ix), "index");
	put(ix, repo, root, "strategy.yaml", strategy, sizeof(strategy) - 1);
	put(ix, repo, root, "team.yaml", team, sizeof(team) - 1);
	put(ix, repo, root, "strat.yaml", configs[0], strlen(configs[0]));
	put(ix, repo, "", "README", "r\n", 2);
	while (p <= end && n < MAXCOMMITS) {
		int file = 0, del = 0, strat = 0, merge = 0, hours = 0;
		long delta = 1;
		git_oid parents[2];

		msg[0] = '\0';
		if (!first) {
			/* p is at "@@": the spec, then the message */
			nl = memchr(p, '\n', (size_t)(end - p));
			q = nl ? nl : end;
			for (p += 2; p < q && *p != ' '; p++) {
				if (*p >= 'a' && *p <= 'd')
					file = *p - 'a';
				else if (*p == 'x')
					del = 1;
				else if (*p == 'S')
					strat = 1;
				else if (*p == 'k')
					file = -1;
				else if (*p == 'm')
					merge = 1;
				else if (*p == 'z')
					tz = tz == 840 ? -720 : 840;
				else if (*p == 'h')
					hours = 1;
				else if (*p == '-' ||
					 (*p >= '0' && *p <= '9')) {
					char num[8];
					size_t k = 0;

					while (p < q && k < 7 &&
					       (*p == '-' ||
						(*p >= '0' && *p <= '9')))
						num[k++] = *p++;
					num[k] = '\0';
					delta = strtol(num, NULL, 10);
					p--;
				}
			}
			if (p < q) {
				size_t ml = (size_t)(q - p - 1);

				if (ml >= sizeof(msg))
					ml = sizeof(msg) - 1;
				memcpy(msg, p + 1, ml);
				msg[ml] = '\0';
			}
			p = nl ? nl + 1 : end;
		}
		first = 0;
		/* TEXT runs to the next line starting with "@@" */
		text = p;
		for (tend = p;; tend = nl + 1) {
			if (end - tend >= 2 && tend[0] == '@' && tend[1] == '@')
				break;
			nl = memchr(tend, '\n', (size_t)(end - tend));
			if (nl == NULL) {
				tend = end;
				break;
			}
		}
		if (strat) {
			cfg = (cfg + 1) % 4;
			put(ix, repo, root, "strat.yaml", configs[cfg],
			    configs[cfg] ? strlen(configs[cfg]) : 0);
		}
		if (file < 0)
			put(ix, repo, root, "strategy.yaml", del ? NULL : text,
			    (size_t)(tend - text));
		else
			put(ix, repo, root, files[file], del ? NULL : text,
			    (size_t)(tend - text));
		t += hours ? delta * 3600 : delta * 86400;
		np = 0;
		if (have)
			parents[np++] = *tip;
		if (merge && have) {
			git_oid side;

			put(ix, repo, root, "other/d.yaml", text,
			    (size_t)(tend - text));
			commit(repo, ix, &side, tip, 1, t, tz, "side");
			put(ix, repo, root, "other/d.yaml", NULL, 0);
			parents[np++] = side;
		}
		commit(repo, ix, tip, parents, np, t, tz, msg);
		have = 1;
		n++;
		if (tend >= end)
			break;
		p = tend;
	}
	git_index_free(ix);
	git_repository_free(repo);
	return have ? 0 : -1;
}

/* ---- the code under test ---- */

typedef struct {
	char *buf;
	size_t len, cap;
} sbuf;

static void
add(sbuf *b, const char *s)
{
	size_t n = strlen(s);

	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		if ((b->buf = realloc(b->buf, b->cap)) == NULL)
			abort();
	}
	memcpy(b->buf + b->len, s, n + 1);
	b->len += n;
}

static int
same(const char *a, const char *b)
{
	return strcmp(a ? a : "(null)", b ? b : "(null)") == 0;
}

static int
same_item(const strat_hitem *a, const strat_hitem *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return same(a->id, b->id) && same(a->title, b->title) &&
	       same(a->anchor, b->anchor) && same(a->owner, b->owner) &&
	       same(a->channel, b->channel) && a->date == b->date &&
	       a->shipped == b->shipped && a->status == b->status;
}

static void
compare(const strat_history *a, const strat_history *b)
{
	size_t i, j;

	if (a->ncommits != b->ncommits || a->ntracks != b->ntracks ||
	    a->nwarnings != b->nwarnings || a->walked != b->walked ||
	    a->truncated != b->truncated || a->has_plan != b->has_plan ||
	    a->first_plan != b->first_plan || a->week_starts != b->week_starts)
		fuzz_fail("reuse on/off: histories differ in counts", NULL, 0);
	for (i = 0; i < a->ntracks; i++) {
		const strat_htrack *x = &a->tracks[i], *y = &b->tracks[i];

		if (!same(x->id, y->id) || x->nversions != y->nversions)
			fuzz_fail("reuse on/off: tracks differ", x->id,
				  strlen(x->id));
		for (j = 0; j < x->nversions; j++)
			if (x->versions[j].commit != y->versions[j].commit ||
			    !same(x->versions[j].file, y->versions[j].file) ||
			    !same_item(x->versions[j].v, y->versions[j].v))
				fuzz_fail("reuse on/off: versions differ",
					  x->id, strlen(x->id));
	}
	for (i = 0; i < a->nwarnings; i++) {
		const strat_hwarning *x = &a->warnings[i], *y = &b->warnings[i];

		if (x->commit != y->commit || x->line != y->line ||
		    x->column != y->column || !same(x->file, y->file) ||
		    !same(x->message, y->message))
			fuzz_fail("reuse on/off: warnings differ", x->message,
				  strlen(x->message));
	}
}

/* Every measure and rendering of h, as one text. */
static void
render_all(const strat_history *h, const gopts *g, sbuf *out)
{
	static const strat_period_kind kinds[] = {
	    STRAT_PERIOD_QUARTER, STRAT_PERIOD_MONTH, STRAT_PERIOD_WEEK};
	static const strat_format fmts[] = {STRAT_FORMAT_MD, STRAT_FORMAT_HTML,
					    STRAT_FORMAT_JSON,
					    STRAT_FORMAT_CSV};
	size_t k, f, by, i, ng;
	char line[128];

	for (k = 0; k < 3; k++) {
		strat_measure_options mo = STRAT_MEASURE_OPTIONS_INIT;
		strat_measures *m = NULL;
		strat_group *gr;
		char *text;

		mo.kind = kinds[k];
		mo.today = strat_date_from_ymd(2026, 9, 15);
		if (g->since)
			mo.since = strat_date_from_ymd(2026, 3, 1);
		if (g->until)
			mo.until = strat_date_from_ymd(2026, 6, 30);
		if (strat_measure(&m, h, &mo) < 0) {
			add(out, "measure failed\n");
			continue;
		}
		for (f = 0; f < 4; f++) {
			strat_report rp = STRAT_REPORT_INIT;
			strat_render_options ro = STRAT_RENDER_OPTIONS_INIT;

			rp.history = h;
			rp.measures = m;
			rp.revision = "HEAD";
			rp.today = mo.today;
			ro.format = fmts[f];

			for (by = 0; by < 4; by++) {
				/* the breakdowns in one format only */
				if (by > 0 && fmts[f] != STRAT_FORMAT_CSV)
					break;
				rp.by_set = by > 0;
				rp.by = by > 0 ? (strat_by)(by - 1)
					       : STRAT_BY_ANCHOR;
				/* every CSV table, breakdowns of every period */
				rp.table = fmts[f] == STRAT_FORMAT_CSV
					       ? (strat_table)by
					       : STRAT_TABLE_PERIODS;
				rp.all = f & 1;
				if (strat_report_render(&text, &rp, &ro) < 0)
					fuzz_fail("render returned NULL", NULL,
						  0);
				add(out, text);
				free(text);
			}
		}
		for (by = 0; by < 3; by++) {
			if (strat_measure_group(&gr, &ng, m, (strat_by)by) < 0)
				fuzz_fail("group failed", NULL, 0);
			for (i = 0; i < ng; i++) {
				snprintf(line, sizeof(line), "%zu %zu\n",
					 gr[i].committed,
					 gr[i].n[STRAT_CAT_SHIPPED]);
				add(out, gr[i].key);
				add(out, line);
			}
			free(gr);
		}
		strat_measures_free(m);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int inited;
	/* on tmpfs when there is one: a repository per input */
	char dir[64];
	strat_history_options ho = STRAT_HISTORY_OPTIONS_INIT;
	strat_history *h[2] = {NULL, NULL};
	strat_repo *repo = NULL;
	strat_oid tip;
	git_oid gtip;
	gopts g;
	sbuf out[2] = {{NULL, 0, 0}, {NULL, 0, 0}};
	int rc[2], i;

	if (!inited) {
		git_libgit2_init();
		unsetenv("GIT_DIR");
		unsetenv("GIT_WORK_TREE");
		unsetenv("GIT_INDEX_FILE");
		inited = 1;
	}
	if (size > 256 * 1024)
		return 0;
	snprintf(dir, sizeof(dir), "%s/strat-fuzz-history-XXXXXX",
		 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (mkdtemp(dir) == NULL)
		abort();
	if (build(dir, (const char *)data, size, &g, &gtip) < 0)
		goto out;
	memcpy(tip.id, gtip.id, sizeof(tip.id));
	if (strat_repo_open(&repo, dir) < 0)
		fuzz_fail("cannot open the repository", strat_error_last(),
			  strlen(strat_error_last()));
	ho.max_commits = g.max_commits;
	ho.root = g.plan_dir ? "plan" : NULL;
	for (i = 0; i < 2; i++) {
		ho.no_reuse = i;
		rc[i] = strat_history_build(&h[i], repo, &tip, &ho);
		if (rc[i] == 0)
			render_all(h[i], &g, &out[i]);
	}
	if (rc[0] != rc[1])
		fuzz_fail("reuse on/off: one build failed", NULL, 0);
	if (getenv("FUZZ_HISTORY_DUMP")) /* to look at what a seed does */
		fprintf(stderr, "build %d, %zu commits\n%s", rc[0],
			rc[0] == 0 ? h[0]->ncommits : 0,
			out[0].buf ? out[0].buf : "");
	if (rc[0] == 0) {
		compare(h[0], h[1]);
		if (out[0].len != out[1].len ||
		    memcmp(out[0].buf, out[1].buf, out[0].len) != 0)
			fuzz_fail("reuse on/off: reports differ", out[0].buf,
				  out[0].len);
	}
out:
	for (i = 0; i < 2; i++) {
		strat_history_free(h[i]);
		free(out[i].buf);
	}
	strat_repo_free(repo);
	fuzz_rmtree(dir);
	return 0;
}
