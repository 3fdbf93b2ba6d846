/* lint.c - 'strat lint': check the plan repository. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"

static const char lint_usage[] =
    "usage: strat lint [--format FORMAT] [-q] [--color auto|always|never]\n"
    "                  [--today YYYY-MM-DD] [--new-since REV] [--stale]\n"
    "                  [PATH...]\n"
    "       strat lint [options] [--stdin-filename PATH] -\n"
    "       strat lint (--staged | --rev REV) [options] [DIR]\n"
    "FORMAT: text, json, sarif, github, md, rdjson, checkstyle, junit, "
    "codeclimate\n";

static const opt_doc lint_optdoc[] = {
    {"--format FORMAT", "text (default), json, sarif, github, md, rdjson, "
			"checkstyle, junit or codeclimate"},
    {"-q, --quiet", "errors only; no summary line"},
    {"--color auto|always|never",
     "colour in text output (auto: on a terminal)"},
    {"--today YYYY-MM-DD", "today for the date rules (default: STRAT_TODAY, "
			   "else the clock, UTC)"},
    {"--staged", "lint the plan as staged in the git index (pre-commit)"},
    {"--rev REV", "lint the plan as committed at REV"},
    {"--new-since REV", "only findings the plan at REV did not have"},
    {"--stale", "also items and a plan nobody updated for stale-days "
		"(rules stale-item, stale-plan; from git history)"},
    {"-h, --help", "this help"},
    {"--stdin-filename PATH",
     "with -, the path of the file read from standard input: positions and "
     "the rules that need the rest of the plan"},
    {"PATH...", "files whose findings to show, or the plan's directory"},
    {"-", "lint the plan file read from standard input"},
    {NULL, NULL}};

typedef struct {
	int format, quiet;
	const char *color;
	strat_day today;
	int staged;        /* --staged: the index */
	const char *rev;   /* --rev: a commit */
	const char *since; /* --new-since: only findings BASE did not have */
	int stale;         /* --stale: stale-item and stale-plan from history */
	const char *stdin_name; /* --stdin-filename: the path of '-' */
} lint_opts;

/* A plan file read from standard input (strat lint -): its bytes, shown
 * at path (relative to the plan root) in place of the file there. */
typedef struct {
	const char *path;
	const char *buf;
	size_t len;
} stdin_file;

/*
 * Keep only findings in the given files (PATH arguments that are files),
 * leaving out those of the nskip rules of skip; when as is not NULL, the
 * kept findings name the file as.
 */
static int
keep_only(strat_diags *all, strat_diags **out, char *const *files, size_t n,
	  const strat_rule *skip, size_t nskip, const char *as)
{
	size_t i, j, k;
	const strat_diag *d;
	int rc;

	if ((rc = strat_diags_new(out)) < 0)
		return rc;
	for (i = 0; i < strat_diags_count(all); i++) {
		d = strat_diags_get(all, i);
		for (j = 0; j < n; j++)
			if (strcmp(d->file, files[j]) == 0)
				break;
		for (k = 0; k < nskip; k++)
			if (d->rule == skip[k])
				break;
		if (j == n || k < nskip)
			continue;
		strat_diags_set_severity(*out, d->rule, d->severity);
		if ((rc = strat_diags_add(*out, d->rule, as ? as : d->file,
					  d->line, d->column, d->hint, "%s",
					  d->message)) < 0)
			return rc;
	}
	return 0;
}

/* Formats that read source lines: excerpts, spans, byte columns. */
static int
needs_sources(int format)
{
	return format == STRAT_FORMAT_TEXT || format == STRAT_FORMAT_SARIF ||
	       format == STRAT_FORMAT_RDJSON;
}

/* The summary line of text output, on stderr: stdout holds only the
 * findings. */
static void
summary(const strat_diags *diags, size_t files, int color)
{
	size_t e = strat_diags_errors(diags), w = strat_diags_warnings(diags);

	if (e == 0 && w == 0) {
		fprintf(stderr, "%sok: %zu file%s, no problems%s\n",
			color ? "\033[1;32m" : "", files, files == 1 ? "" : "s",
			color ? "\033[0m" : "");
		return;
	}
	fprintf(stderr, "%zu error%s, %zu warning%s in %zu file%s\n", e,
		e == 1 ? "" : "s", w, w == 1 ? "" : "s", files,
		files == 1 ? "" : "s");
}

/* Print the findings of plan and return the exit code. */
static int
report(const strat_plan *plan, strat_diags *diags, const char *root,
       const char *prefix, size_t nonly, const lint_opts *o)
{
	strat_lint_result r = STRAT_LINT_RESULT_INIT;
	strat_render_options ro = STRAT_RENDER_OPTIONS_INIT;
	char *out = NULL;

	strat_diags_sort(diags);
	r.diags = diags;
	r.plan = plan;
	/* Files checked: with PATH files, those the user asked about. */
	r.files = nonly ? nonly : strat_plan_file_count(plan);
	r.root = root;
	r.plan_dir = prefix ? prefix : "";
	ro.format = o->format;
	ro.quiet = o->quiet;
	if (o->format == STRAT_FORMAT_TEXT)
		ro.color = want_color(stdout, o->color);
	if (strat_lint_render(&out, &r, &ro) < 0) {
		die_msg("%s", strat_error_last());
		return EXIT_TROUBLE;
	}
	fputs(out, stdout);
	free(out);
	if (o->format == STRAT_FORMAT_TEXT && !o->quiet) {
		/* flushed first, so that 2>&1 reads in order */
		fflush(stdout);
		summary(diags, r.files, ro.color);
	}
	return strat_diags_errors(diags) ? EXIT_FINDINGS : EXIT_CLEAN;
}

/*
 * Replace *diags (the findings of the plan head) by the findings BASE
 * (o->since, read through g) did not have, matched by rule and subject
 * (strat_diags_new_since_plans).  The base plan is loaded and linted
 * with its own configuration.
 */
static int
keep_new(gitplan *g, const strat_plan *head, strat_diags **diags,
	 const lint_opts *o)
{
	strat_load_options lo = STRAT_LOAD_OPTIONS_INIT;
	strat_diags *base = NULL, *fresh = NULL;
	strat_plan *plan = NULL;
	strat_mends *mends = NULL;
	strat_oid oid;
	int rc;

	lo.today = o->today;
	if ((rc = gitplan_resolve(g, o->since, &oid)) < 0)
		return rc;
	/* A BASE file that did not parse counts with the findings of its
	 * last version that did (else all of them would look new). */
	if ((rc = strat_diags_new(&base)) < 0 ||
	    (rc = gitplan_load_mended(g, &oid, &lo, base, base, &plan,
				      &mends)) < 0)
		goto out;
	if ((rc = strat_lint(plan, &lo, base)) < 0 ||
	    (rc = strat_diags_new_since_plans(&fresh, plan, base, head,
					      *diags)) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	strat_diags_free(*diags);
	*diags = fresh;
out:
	strat_mends_free(mends);
	strat_plan_free(plan);
	strat_diags_free(base);
	return rc;
}

/*
 * The directory root relative to the top of the git work tree holding it,
 * "" at the top, NULL outside any repository (or on any doubt).  GitHub
 * resolves annotation paths from the top of the checkout.
 */
static char *
repo_prefix(const char *root)
{
	strat_repo *repo = NULL;
	const char *wd;
	char *top = NULL, *out = NULL;

	if (cmd_repo_open(&repo, root) < 0)
		return NULL;
	if ((wd = strat_repo_workdir(repo)) != NULL &&
	    (top = realpath(wd, NULL)) != NULL)
		path_below(&out, top, root);
	free(top);
	strat_repo_free(repo);
	return out;
}

/*
 * --stale: the findings of rules stale-item and stale-plan (SPEC section
 * 14, Staleness) for plan, from the history of tip in g (NULL: HEAD; for
 * --rev, the revision linted): an item in progress in the plan whose
 * entry has not changed (in the plan and in the history) for the plan's
 * stale-days, and a plan no commit has changed for stale-days while the
 * quarter has open work.  Outside a git repository, or without a plan in
 * the history, nothing is stale.
 */
static int
stale_findings(gitplan *g, const strat_oid *tip, const strat_plan *plan,
	       strat_day today, strat_diags *diags)
{
	strat_history_options ho = STRAT_HISTORY_OPTIONS_INIT;
	strat_measure_options mo = STRAT_MEASURE_OPTIONS_INIT;
	strat_history *h = NULL;
	strat_measures *m = NULL;
	strat_oid head;
	size_t i;
	int rc = 0;

	if (tip == NULL && (strat_repo_is_empty(g->repo) ||
			    strat_repo_resolve(g->repo, "HEAD", &head) < 0))
		return 0;
	if (tip == NULL)
		tip = &head;
	if (gitplan_find(g, tip) < 0)
		return 0;
	ho.root = g->prefix;
	if (strat_history_build(&h, g->repo, tip, &ho) < 0)
		return 0; /* no plan in the history */
	mo.since = mo.until = mo.today = today;
	mo.stale_days = strat_plan_config(plan)->item_stale_days;
	if ((rc = strat_measure(&m, h, &mo)) < 0)
		goto out;
	for (i = 0; i < m->nstale && rc >= 0; i++) {
		const strat_stale *st = &m->stale[i];
		const strat_item *it =
		    strat_plan_find_item(plan, h->tracks[st->track].id);
		char day[11], hint[128];

		/* changed since (uncommitted) is not stale */
		if (it == NULL || it->status != STRAT_STATUS_IN_PROGRESS ||
		    it->date != st->v->date ||
		    strcmp(it->owner.s ? it->owner.s : "", st->v->owner) != 0)
			continue;
		strat_date_format(st->since, day);
		snprintf(hint, sizeof(hint),
			 "record its progress (ship, slip or drop it); "
			 "'stale-days' in strat.yaml sets the limit (%u days)",
			 m->stale_days);
		rc = strat_diags_add(diags, STRAT_RULE_STALE_ITEM, it->file,
				     it->line, it->column, hint,
				     "item '%s' is in progress and has not "
				     "changed since %s (%ld days)",
				     it->id.s, day, (long)st->days);
	}
	if (rc >= 0 && m->plan_stale) {
		const strat_config *cfg = strat_plan_config(plan);
		const char *file = cfg->file ? cfg->file : NULL;
		char day[11], hint[160];

		if (file == NULL && strat_plan_item_count(plan) > 0)
			file = strat_plan_item(plan, 0)->file;
		strat_date_format(m->plan_updated, day);
		snprintf(hint, sizeof(hint),
			 "commit what shipped, slipped or was dropped; "
			 "'stale-days' in strat.yaml sets the limit (%u days)",
			 m->stale_days);
		if (file != NULL)
			rc = strat_diags_add(
			    diags, STRAT_RULE_STALE_PLAN, file, 1, 1, hint,
			    "no commit has changed the plan since %s (%ld "
			    "days) while this quarter has open items: "
			    "numbers after %s reflect a plan nobody "
			    "updated",
			    day, (long)(today - m->plan_updated), day);
	}
out:
	strat_measures_free(m);
	strat_history_free(h);
	return rc;
}

/* Whether path is a file of plan: strat.yaml, the strategy, the team, or
 * a file its calendars or metrics globs select. */
static int
plan_has_file(const strat_plan *plan, const char *path)
{
	const strat_config *cfg = strat_plan_config(plan);
	size_t i;

	if (strcmp(path, "strat.yaml") == 0 ||
	    (cfg->strategy.s && strcmp(path, cfg->strategy.s) == 0) ||
	    (cfg->team.s && strcmp(path, cfg->team.s) == 0))
		return 1;
	for (i = 0; i < strat_plan_calendar_count(plan); i++)
		if (strcmp(strat_plan_calendar(plan, i)->path, path) == 0)
			return 1;
	for (i = 0; i < strat_plan_metrics_count(plan); i++)
		if (strcmp(strat_plan_metrics(plan, i)->path, path) == 0)
			return 1;
	return 0;
}

/*
 * Lint the plan rooted at root; only != NULL limits output to files.  in:
 * a file read from standard input, linted in place of in->path.
 */
static int
lint_root(const char *root, char **only, size_t nonly, const lint_opts *o,
	  const stdin_file *in)
{
	strat_source src, ov;
	const strat_source *from = &src;
	strat_load_options lo = STRAT_LOAD_OPTIONS_INIT;
	strat_diags *diags = NULL, *shown = NULL;
	strat_plan *plan = NULL;
	gitplan g;
	char *prefix = NULL;
	int rc, ret = EXIT_TROUBLE, git = 0;

	memset(&ov, 0, sizeof(ov));
	if (strat_source_fs(&src, root) < 0) {
		die_msg("%s", strat_error_last());
		return EXIT_TROUBLE;
	}
	if (in != NULL) {
		if (strat_source_overlay(&ov, &src, in->path, in->buf,
					 in->len) < 0) {
			die_msg("%s", strat_error_last());
			goto out;
		}
		from = &ov;
	}
	lo.today = o->today;
	/* the text of files with findings is read again once they are
	 * known: a clean plan of megabytes is not held twice */
	if (needs_sources(o->format))
		lo.keep_sources = STRAT_SOURCES_LATER;
	if ((rc = strat_diags_new(&diags)) < 0 ||
	    (rc = strat_plan_load(&plan, from, &lo, diags)) < 0 ||
	    (rc = strat_lint(plan, &lo, diags)) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	if (in != NULL && !plan_has_file(plan, in->path)) {
		die_msg("--stdin-filename: '%s' is not a file of the plan",
			o->stdin_name);
		fprintf(stderr, "hint: a plan file is strat.yaml, the "
				"strategy or team file, or one that the "
				"calendars or metrics globs select\n");
		goto out;
	}
	if (o->since != NULL || o->stale) {
		if (gitplan_open(&g, root) < 0)
			goto out;
		git = 1;
	}
	if (o->stale && stale_findings(&g, NULL, plan, o->today, diags) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	if (o->since != NULL && keep_new(&g, plan, &diags, o) < 0)
		goto out;
	if (only != NULL &&
	    keep_only(diags, &shown, only, nonly, NULL, 0, NULL) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	if (lo.keep_sources == STRAT_SOURCES_LATER &&
	    strat_plan_read_sources(plan, from, shown ? shown : diags) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	if (o->format == STRAT_FORMAT_GITHUB ||
	    o->format == STRAT_FORMAT_SARIF ||
	    o->format == STRAT_FORMAT_CODECLIMATE)
		prefix = repo_prefix(root);
	ret = report(plan, shown ? shown : diags, root, prefix,
		     only ? nonly : 0, o);
out:
	free(prefix);
	if (git)
		gitplan_close(&g);
	strat_plan_free(plan);
	strat_diags_free(diags);
	strat_diags_free(shown);
	strat_source_overlay_free(&ov);
	strat_source_fs_free(&src);
	return ret;
}

/* Read all of standard input into *buf (malloc'd), at most one byte more
 * than a plan file may hold (the loader reports the excess).  Prints its
 * own error and returns -1 when it cannot be read. */
static int
read_stdin(char **buf, size_t *len)
{
	size_t cap = 65536, n = 0, got;
	char *b = malloc(cap), *nb;

	while (b != NULL) {
		if (n == cap) {
			if (cap > STRAT_MAX_FILE_SIZE)
				break;
			if ((nb = realloc(b, cap * 2)) == NULL) {
				free(b);
				b = NULL;
				break;
			}
			b = nb;
			cap *= 2;
		}
		got = fread(b + n, 1, cap - n, stdin);
		n += got;
		if (got == 0) {
			if (ferror(stdin)) {
				die_msg("cannot read the standard input: %s",
					strerror(errno));
				free(b);
				return -1;
			}
			break;
		}
	}
	if (b == NULL) {
		die_msg("out of memory");
		return -1;
	}
	*buf = b;
	*len = n;
	return 0;
}

/*
 * strat lint - with --stdin-filename NAME: the plan around NAME (found
 * from its directory, as for any PATH) with NAME's bytes read from
 * standard input, e.g. an editor's unsaved buffer.
 */
static int
lint_stdin_named(const char *buf, size_t len, const lint_opts *o)
{
	const char *name = o->stdin_name, *slash = strrchr(name, '/');
	const char *base = slash ? slash + 1 : name;
	char dir[PATH_MAX], *real = NULL, *root = NULL, *sub = NULL;
	char *rel = NULL;
	stdin_file in;
	int rc = EXIT_TROUBLE;

	if (*base == '\0' || strcmp(base, ".") == 0 ||
	    strcmp(base, "..") == 0) {
		die_msg("--stdin-filename wants the path of a file, not '%s'",
			name);
		return EXIT_TROUBLE;
	}
	snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - name) : 1,
		 slash ? (slash == name ? "/" : name) : ".");
	if ((real = realpath(dir, NULL)) == NULL) {
		die_msg("--stdin-filename: cannot use the directory '%s': %s",
			dir, strerror(errno));
		return EXIT_TROUBLE;
	}
	if ((root = find_plan_root(dir, NULL)) == NULL)
		goto out;
	if (path_below(&sub, root, real) == 0 &&
	    (rel = malloc(strlen(sub) + strlen(base) + 2)) != NULL)
		sprintf(rel, "%s%s%s", sub, sub[0] ? "/" : "", base);
	if (rel == NULL) {
		die_msg("--stdin-filename: '%s' is not inside a plan "
			"repository",
			name);
		goto out;
	}
	in.path = rel;
	in.buf = buf;
	in.len = len;
	rc = lint_root(root, &rel, 1, o, &in);
out:
	free(sub);
	free(rel);
	free(root);
	free(real);
	return rc;
}

/*
 * strat lint - alone: the file is linted by itself, as "<stdin>", in the
 * role its text gives it (strat.yaml, or its kind).  Rules that need the
 * rest of the plan cannot run; they are named on standard error.
 */
static int
lint_stdin_alone(const char *buf, size_t len, const lint_opts *o)
{
	static const struct {
		const char *kind, *config;
		strat_rule skip[5];
		size_t nskip;
	} roles[] = {
	    {"calendar",
	     "strat: 1\ncalendars: [\"<stdin>\"]\n",
	     {STRAT_RULE_ITEM_ANCHOR_UNKNOWN,
	      STRAT_RULE_ITEM_OUTSIDE_ANCHOR_QUARTER, STRAT_RULE_OWNER_UNKNOWN,
	      STRAT_RULE_OUTCOME_UNKNOWN, STRAT_RULE_CHANNEL_UNKNOWN},
	     5},
	    {"strategy",
	     "strat: 1\nstrategy: \"<stdin>\"\n",
	     {STRAT_RULE_OWNER_UNKNOWN, STRAT_RULE_ANCHOR_WITHOUT_ITEMS,
	      STRAT_RULE_KPI_STALE},
	     3},
	    {"team", "strat: 1\nteam: \"<stdin>\"\n", {0}, 0},
	    {"metrics",
	     "strat: 1\nmetrics: [\"<stdin>\"]\n",
	     {STRAT_RULE_READING_KPI_UNKNOWN, STRAT_RULE_KPI_STALE},
	     2},
	    {"strat",
	     NULL,
	     {STRAT_RULE_CALENDAR_GLOB_EMPTY, STRAT_RULE_FILE_UNREADABLE},
	     2}};
	strat_load_options lo = STRAT_LOAD_OPTIONS_INIT;
	strat_mem_file files[2];
	strat_source src;
	strat_diags *diags = NULL, *shown = NULL;
	strat_plan *plan = NULL;
	const char *kind, *file;
	char *only[1];
	size_t r, i;
	int ret = EXIT_TROUBLE;

	if (o->since != NULL || o->stale) {
		die_msg("--new-since and --stale read git history: with -, "
			"name the file with --stdin-filename");
		return EXIT_TROUBLE;
	}
	if (strat_plan_file_kind(buf, len, &kind) < 0) {
		die_msg("%s", strat_error_last());
		return EXIT_TROUBLE;
	}
	/* a file of no known role reads as a calendar: unknown-kind says
	 * what is wrong */
	for (r = 0; kind && strcmp(roles[r].kind, kind) != 0; r++)
		;
	if (roles[r].config != NULL) {
		files[0].path = "strat.yaml";
		files[0].data = roles[r].config;
		files[0].len = strlen(roles[r].config);
		files[1].path = file = "<stdin>";
	} else {
		files[1].path = file = "strat.yaml";
	}
	files[1].data = buf;
	files[1].len = len;
	if (strat_source_mem(&src, roles[r].config ? files : files + 1,
			     roles[r].config ? 2 : 1) < 0) {
		die_msg("%s", strat_error_last());
		return EXIT_TROUBLE;
	}
	lo.today = o->today;
	lo.keep_sources = needs_sources(o->format);
	only[0] = (char *)file;
	if (strat_diags_new(&diags) < 0 ||
	    strat_plan_load(&plan, &src, &lo, diags) < 0 ||
	    strat_lint(plan, &lo, diags) < 0 ||
	    keep_only(diags, &shown, only, 1, roles[r].skip, roles[r].nskip,
		      "<stdin>") < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	ret = report(plan, shown, ".", NULL, 1, o);
	if (roles[r].nskip > 0 && !o->quiet) {
		fprintf(stderr,
			"strat: note: <stdin> was linted alone, as %s%s%s; "
			"rules that need the rest of the plan did not run:",
			roles[r].config ? "a " : "",
			roles[r].config ? roles[r].kind : "strat.yaml",
			roles[r].config ? " file" : "");
		for (i = 0; i < roles[r].nskip; i++)
			fprintf(stderr, "%s %s", i ? "," : "",
				strat_rule_id(roles[r].skip[i]));
		fprintf(stderr, "\nhint: --stdin-filename PATH names the "
				"file, so that they run\n");
	}
out:
	strat_plan_free(plan);
	strat_diags_free(diags);
	strat_diags_free(shown);
	strat_source_mem_free(&src);
	return ret;
}

/* strat lint -: the plan file on standard input. */
static int
lint_stdin(const lint_opts *o)
{
	char *buf = NULL;
	size_t len = 0;
	int rc;

	if (read_stdin(&buf, &len) < 0)
		return EXIT_TROUBLE;
	rc = o->stdin_name ? lint_stdin_named(buf, len, o)
			   : lint_stdin_alone(buf, len, o);
	free(buf);
	return rc;
}

/* Lint the plan as staged (o->staged) or as committed at o->rev. */
static int
lint_git(const char *dir, const lint_opts *o)
{
	strat_load_options lo = STRAT_LOAD_OPTIONS_INIT;
	strat_diags *diags = NULL;
	strat_plan *plan = NULL;
	strat_oid oid;
	gitplan g;
	char *planroot = NULL;
	int ret = EXIT_TROUBLE;

	if (gitplan_open(&g, dir) < 0)
		return EXIT_TROUBLE;
	lo.today = o->today;
	if (needs_sources(o->format))
		lo.keep_sources = STRAT_SOURCES_KEEP;
	if (o->rev != NULL && gitplan_resolve(&g, o->rev, &oid) < 0)
		goto out;
	if (strat_diags_new(&diags) < 0 ||
	    gitplan_load(&g, o->rev ? &oid : NULL, &lo, diags, &plan) < 0)
		goto out;
	if (strat_lint(plan, &lo, diags) < 0 ||
	    (o->stale && stale_findings(&g, o->rev ? &oid : NULL, plan,
					o->today, diags) < 0)) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	if (o->since != NULL && keep_new(&g, plan, &diags, o) < 0)
		goto out;
	/* paths are relative to the plan directory, g.prefix in the tree */
	if (g.top != NULL && g.prefix != NULL && g.prefix[0] != '\0') {
		size_t n = strlen(g.top) + strlen(g.prefix) + 2;

		if ((planroot = malloc(n)) == NULL) {
			die_msg("out of memory");
			goto out;
		}
		snprintf(planroot, n, "%s/%s", g.top, g.prefix);
	}
	ret = report(plan, diags, planroot ? planroot : g.top, g.prefix, 0, o);
out:
	free(planroot);
	strat_plan_free(plan);
	strat_diags_free(diags);
	gitplan_close(&g);
	return ret;
}

int
cmd_lint(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"quiet", no_argument, NULL, 'q'},
	    {"color", required_argument, NULL, 'c'},
	    {"today", required_argument, NULL, 't'},
	    {"staged", no_argument, NULL, 'S'},
	    {"rev", required_argument, NULL, 'r'},
	    {"new-since", required_argument, NULL, 'n'},
	    {"stale", no_argument, NULL, 's'},
	    {"stdin-filename", required_argument, NULL, 'I'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	lint_opts o = {STRAT_FORMAT_TEXT,
		       0,
		       "auto",
		       STRAT_NO_DATE,
		       0,
		       NULL,
		       NULL,
		       0,
		       NULL};
	int ch, worst = EXIT_CLEAN, rc;
	struct stat st;
	char *root, **roots, **rels, **only;
	size_t n, k;

	o.today = STRAT_NO_DATE;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "f:qh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			o.format = strat_format_lookup(optarg);
			if (o.format < 0 || o.format == STRAT_FORMAT_HTML ||
			    o.format == STRAT_FORMAT_CSV) {
				die_msg(
				    "unknown format '%s'; use text, json, "
				    "sarif, github, md, rdjson, checkstyle, "
				    "junit or codeclimate",
				    optarg);
				return EXIT_TROUBLE;
			}
			break;
		case 'q':
			o.quiet = 1;
			break;
		case 'c':
			o.color = optarg;
			break;
		case 't':
			if (strat_date_parse(optarg, &o.today) < 0) {
				die_msg("--today wants YYYY-MM-DD, not '%s'",
					optarg);
				return EXIT_TROUBLE;
			}
			break;
		case 'S':
			o.staged = 1;
			break;
		case 'r':
			o.rev = optarg;
			break;
		case 'n':
			o.since = optarg;
			break;
		case 's':
			o.stale = 1;
			break;
		case 'I':
			o.stdin_name = optarg;
			break;
		case 'h':
			show_help(lint_usage, lint_optdoc);
			return EXIT_CLEAN;
		default:
			bad_option(lint_usage, argv, longopts);
			return EXIT_TROUBLE;
		}
	}
	if (o.today == STRAT_NO_DATE &&
	    (o.today = cmd_today()) == STRAT_NO_DATE)
		return EXIT_TROUBLE;
	if (o.staged && o.rev) {
		die_msg("--staged and --rev read different versions; give "
			"one of them");
		return EXIT_TROUBLE;
	}
	for (k = (size_t)optind; k < (size_t)argc; k++)
		if (strcmp(argv[k], "-") == 0)
			break;
	if (k < (size_t)argc) {
		if (argc - optind > 1 || o.staged || o.rev) {
			fputs(lint_usage, stderr);
			die_msg("'-' reads one plan file from standard input: "
				"give no other PATH, --staged or --rev");
			return EXIT_TROUBLE;
		}
		return lint_stdin(&o);
	}
	if (o.stdin_name != NULL) {
		fputs(lint_usage, stderr);
		die_msg("--stdin-filename names the file read from standard "
			"input: give '-' as the PATH");
		return EXIT_TROUBLE;
	}
	if (o.staged || o.rev) {
		if (argc - optind > 1) {
			fputs(lint_usage, stderr);
			die_msg("with --staged or --rev, name at most one plan "
				"directory");
			return EXIT_TROUBLE;
		}
		return lint_git(optind < argc ? argv[optind] : NULL, &o);
	}
	if (optind == argc) {
		if ((root = find_plan_root(".", NULL)) == NULL) {
			die_msg("cannot find the current directory");
			return EXIT_TROUBLE;
		}
		rc = lint_root(root, NULL, 0, &o, NULL);
		free(root);
		return rc;
	}
	/* Resolve every PATH first: a nonexistent one is a usage error
	 * before anything is printed.  Files of one plan are linted in one
	 * run (pre-commit passes many), a directory lints its whole plan. */
	n = (size_t)(argc - optind);
	roots = calloc(n, sizeof(*roots));
	rels = calloc(n, sizeof(*rels));
	only = calloc(n, sizeof(*only));
	if (roots == NULL || rels == NULL || only == NULL) {
		free(roots);
		free(rels);
		free(only);
		die_msg("out of memory");
		return EXIT_TROUBLE;
	}
	for (k = 0; k < n && worst == EXIT_CLEAN; k++) {
		const char *arg = argv[optind + (int)k];

		if (stat(arg, &st) < 0) {
			die_msg("cannot read '%s': no such file or directory",
				arg);
			worst = EXIT_TROUBLE;
		} else if (S_ISDIR(st.st_mode)) {
			if ((roots[k] = find_plan_root(arg, NULL)) == NULL)
				worst = EXIT_TROUBLE;
		} else {
			char dir[PATH_MAX], *slash;

			snprintf(dir, sizeof(dir), "%s", arg);
			slash = strrchr(dir, '/');
			if (slash)
				*slash = '\0';
			roots[k] = find_plan_root(slash ? dir : ".", NULL);
			if (roots[k] == NULL ||
			    path_below(&rels[k], roots[k], arg) < 0) {
				die_msg("cannot read '%s': not inside a plan "
					"repository",
					arg);
				worst = EXIT_TROUBLE;
			}
		}
	}
	for (k = 0; k < n && worst != EXIT_TROUBLE; k++) {
		size_t j, nonly = 0;
		int whole = 0;

		if (roots[k] == NULL)
			continue; /* linted with an earlier PATH */
		for (j = k; j < n; j++) {
			if (roots[j] == NULL || strcmp(roots[j], roots[k]))
				continue;
			if (rels[j] == NULL)
				whole = 1;
			else
				only[nonly++] = rels[j];
			if (j > k) {
				free(roots[j]);
				roots[j] = NULL;
			}
		}
		rc = lint_root(roots[k], whole ? NULL : only, nonly, &o, NULL);
		if (rc > worst)
			worst = rc;
	}
	for (k = 0; k < n; k++) {
		free(roots[k]);
		free(rels[k]);
	}
	free(roots);
	free(rels);
	free(only);
	return worst;
}
