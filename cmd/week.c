/* week.c - 'strat week': the weekly check-in. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static const char week_usage[] =
    "usage: strat week [--date YYYY-MM-DD] [--since DATE|REV] [--owner ID]\n"
    "                  [--format text|md|json] [--color auto|always|never] "
    "[-C DIR]\n";

static const opt_doc week_optdoc[] = {
    {"--date YYYY-MM-DD", "the check-in date (default today); a past date "
			  "reads the plan as committed by its end"},
    {"--since DATE|REV", "compare with the plan at DATE or REV (default: "
			 "as committed before the date less 7 days)"},
    {"--owner ID", "only this person's items, changes and anchors"},
    {"--format text|md|json", "the output (default text)"},
    {"--color auto|always|never",
     "colour in text output (auto: on a terminal)"},
    {"-C DIR", "run in DIR"},
    {"-h, --help", "this help"},
    {NULL, NULL}};

/* The plan's git context, the plan a check-in compares with, and why. */
typedef struct {
	strat_repo *repo;
	strat_oid head;
	int has_head;
	char *prefix; /* the plan directory relative to the top */
	strat_plan *base;
	strat_mends *base_mends;
	char note[320];
	char commit[41]; /* the base commit */
	strat_day commit_day;
	char source[64]; /* "1a2b3c4 (2026-11-25)": the commit read for a
			   * past check-in; "" for the working tree */
} history;

/* Open the repository holding root; a note says why when there is none. */
static int
open_history(history *h, const char *root)
{
	const char *wd;
	char *top;
	int rc;

	if ((rc = cmd_repo_open(&h->repo, root)) < 0) {
		if (rc != STRAT_ENOTFOUND)
			die_msg("warning: %s", strat_error_last());
		snprintf(h->note, sizeof(h->note),
			 "%s: what changed is not "
			 "shown.",
			 rc == STRAT_ENOTFOUND ? "Not in a git repository"
					       : "Git history unavailable");
		strat_repo_free(h->repo);
		h->repo = NULL;
		return 0;
	}
	warn_rewritten(h->repo);
	/* the plan directory in the tree; the top when the work tree is
	 * elsewhere (GIT_DIR, GIT_WORK_TREE) or there is none */
	wd = strat_repo_workdir(h->repo);
	top = wd ? realpath(wd, NULL) : NULL;
	rc = top ? path_below(&h->prefix, top, root) : STRAT_EOUTSIDE;
	free(top);
	if (rc == STRAT_EOUTSIDE)
		rc = (h->prefix = strdup("")) != NULL
			 ? 0
			 : strat_error_set(STRAT_ENOMEM, "out of memory");
	if (rc < 0)
		return rc;
	if (strat_repo_is_empty(h->repo)) {
		snprintf(h->note, sizeof(h->note),
			 "No commit yet: what changed is not shown.");
	} else if (strat_repo_resolve(h->repo, "HEAD", &h->head) < 0) {
		/* a damaged HEAD is not "no commit": said, as a warning */
		die_msg("warning: %s", strat_error_last());
		snprintf(h->note, sizeof(h->note),
			 "Git history unavailable: what changed is not "
			 "shown.");
	} else {
		h->has_head = 1;
	}
	return 0;
}

static void
commit_label(char *buf, size_t size, const strat_oid *id, int64_t time)
{
	char hex[41], day[11];

	strat_oid_fmt(id, hex);
	strat_date_format((strat_day)(time / 86400), day);
	snprintf(buf, size, "%.7s (%s)", hex, day);
}

/*
 * The plan to compare with (spec/SPEC.md, "The check-in window"): as
 * committed before the day since (the check-in date less seven days by
 * default), or at the revision since_rev.
 */
static int
find_base(history *h, strat_day since, const char *since_rev,
	  const strat_load_options *lo)
{
	strat_diags *diags = NULL;
	strat_oid id;
	int64_t time;
	char day[11], label[64];
	int rc;

	if (!h->has_head)
		return 0;
	if ((rc = strat_diags_new(&diags)) < 0)
		return rc;
	if (since_rev != NULL) {
		strat_commit c;

		if ((rc = strat_repo_resolve(h->repo, since_rev, &id)) < 0 ||
		    (rc = strat_commit_lookup(h->repo, &id, &c)) < 0)
			goto out;
		time = c.time;
		if ((rc = strat_plan_load_commit(&h->base, &h->base_mends,
						 h->repo, &id, h->prefix, lo,
						 diags, NULL)) < 0)
			goto out;
	} else if ((rc = strat_plan_as_of(
			&h->base, &h->base_mends, &id, &time, h->repo, &h->head,
			(int64_t)since * 86400, h->prefix, lo, diags)) <= 0) {
		strat_date_format(since, day);
		if (rc == 0)
			snprintf(h->note, sizeof(h->note),
				 "No commit before %s: what changed is not "
				 "shown.",
				 day);
		goto out;
	}
	strat_oid_fmt(&id, h->commit);
	h->commit_day = (strat_day)(time / 86400);
	commit_label(label, sizeof(label), &id, time);
	if (since_rev != NULL) {
		snprintf(h->note, sizeof(h->note), "Compared with %s, '%.64s'.",
			 label, since_rev);
	} else {
		strat_date_format(since, day);
		snprintf(h->note, sizeof(h->note),
			 "Compared with %s, the plan as committed before %s.",
			 label, day);
	}
	rc = 0;
out:
	strat_diags_free(diags);
	return rc;
}

/* Say which plan files did not parse and what stands in for them; the
 * number of such files. */
static size_t
tell_mends(const strat_mends *m, const char *where)
{
	size_t i;
	char label[64];

	for (i = 0; m != NULL && i < m->nfiles; i++) {
		const strat_mend *f = &m->files[i];

		if (f->found)
			commit_label(label, sizeof(label), &f->commit, f->time);
		fprintf(stderr, "%s%s:%u:%u: error: %s\n", where, f->file,
			(unsigned)f->line, (unsigned)f->column, f->message);
		if (f->found)
			fprintf(stderr,
				"  note: its items are taken from "
				"%s, the last version that parsed\n",
				label);
		else
			fputs("  note: no version of it parsed: its items "
			      "are left out\n",
			      stderr);
	}
	return m ? m->nfiles : 0;
}

/*
 * "the plan has 2 errors (in a.yaml, b.yaml); ..." counted as lint does;
 * rev names the commit the plan was read from ('strat lint --rev'), NULL
 * for the working tree.
 */
static void
tell_errors(const strat_diags *diags, const char *rev)
{
	size_t n = strat_diags_errors(diags), i, j, shown = 0;
	char files[200] = "";

	if (n == 0)
		return;
	for (i = 0; i < strat_diags_count(diags); i++) {
		const strat_diag *d = strat_diags_get(diags, i);
		size_t len = strlen(files);

		if (d->severity != STRAT_SEV_ERROR)
			continue;
		for (j = 0; j < i; j++) {
			const strat_diag *e = strat_diags_get(diags, j);

			if (e->severity == STRAT_SEV_ERROR &&
			    strcmp(e->file, d->file) == 0)
				break;
		}
		if (j < i)
			continue;
		if (shown++ == 3) {
			snprintf(files + len, sizeof(files) - len, ", ...");
			break;
		}
		snprintf(files + len, sizeof(files) - len, "%s%.60s",
			 len ? ", " : "", d->file[0] ? d->file : "strat.yaml");
	}
	die_msg("warning: the plan has %zu error%s (in %s); 'strat lint%s%.7s' "
		"shows %s",
		n, n == 1 ? "" : "s", files, rev ? " --rev " : "",
		rev ? rev : "", n == 1 ? "it" : "them");
}

/*
 * Staleness (SPEC section 14): the plan's history up to the end of the
 * check-in date (the first-parent chain of HEAD to its newest commit
 * before date + 1 day) and its measures as of that date with the
 * stale-days of the plan read, in *hist and *m; both NULL when there is
 * no history to say it from.  Kept apart
 * from the check-in itself: it needs the whole history, the check-in
 * only its week.
 */
static int
week_stale(strat_repo *repo, const char *prefix, strat_day date, int stale_days,
	   strat_history **hist, strat_measures **m)
{
	strat_history_options ho = STRAT_HISTORY_OPTIONS_INIT;
	strat_measure_options mo = STRAT_MEASURE_OPTIONS_INIT;
	strat_oid head, tip;
	int64_t time;
	int shallow;
	int rc = 0;

	*hist = NULL;
	*m = NULL;
	if (repo == NULL || strat_repo_is_empty(repo) ||
	    strat_repo_resolve(repo, "HEAD", &head) < 0)
		return 0;
	if ((rc = strat_commit_before(repo, &head, ((int64_t)date + 1) * 86400,
				      &tip, &time, &shallow)) <= 0)
		return rc; /* no commit by then: no history */
	ho.root = prefix;  /* the plan's directory in every commit */
	if (strat_history_build(hist, repo, &tip, &ho) < 0) {
		*hist = NULL;
		return 0; /* no plan in the history: nothing is stale */
	}
	mo.since = mo.until = mo.today = date;
	mo.stale_days = stale_days;
	if ((rc = strat_measure(m, *hist, &mo)) < 0) {
		strat_history_free(*hist);
		*hist = NULL;
	}
	return rc;
}

int
cmd_week(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"date", required_argument, NULL, 'd'},
	    {"owner", required_argument, NULL, 'o'},
	    {"format", required_argument, NULL, 'f'},
	    {"color", required_argument, NULL, 'c'},
	    {"since", required_argument, NULL, 's'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	int ch, rc, ret = EXIT_TROUBLE;
	const char *dir = ".", *color = "auto", *owner = NULL;
	strat_day today, date = STRAT_NO_DATE;
	strat_day since = STRAT_NO_DATE;
	const char *since_rev = NULL;
	strat_mends *mends = NULL;
	size_t broken = 0;
	char day[11];
	strat_source src;
	strat_load_options lo = STRAT_LOAD_OPTIONS_INIT;
	strat_week_options wo = STRAT_WEEK_OPTIONS_INIT;
	strat_render_options ro = STRAT_RENDER_OPTIONS_INIT;
	strat_diags *diags = NULL;
	strat_plan *plan = NULL;
	strat_week *w = NULL;
	history h;
	strat_history *hist = NULL;
	strat_measures *measures = NULL;
	char *root = NULL, *md = NULL;
	int have_src = 0;

	memset(&h, 0, sizeof(h));
	optind = 1;
	while ((ch = getopt_long(argc, argv, "C:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			if (strat_date_parse(optarg, &date) < 0) {
				die_msg("--date wants YYYY-MM-DD, not '%s'",
					optarg);
				return EXIT_TROUBLE;
			}
			break;
		case 'o':
			owner = optarg;
			break;
		case 's':
			/* a date, else a revision */
			if (strat_date_parse(optarg, &since) < 0) {
				since = STRAT_NO_DATE;
				since_rev = optarg;
			}
			break;
		case 'f':
			ro.format = strat_format_lookup(optarg);
			if (ro.format != STRAT_FORMAT_TEXT &&
			    ro.format != STRAT_FORMAT_MD &&
			    ro.format != STRAT_FORMAT_JSON) {
				die_msg("unknown format '%s'; use text, md or "
					"json",
					optarg);
				return EXIT_TROUBLE;
			}
			break;
		case 'c':
			if (strcmp(optarg, "auto") &&
			    strcmp(optarg, "always") &&
			    strcmp(optarg, "never")) {
				die_msg("--color wants auto, always or never");
				return EXIT_TROUBLE;
			}
			color = optarg;
			break;
		case 'C':
			dir = optarg;
			break;
		case 'h':
			show_help(week_usage, week_optdoc);
			return EXIT_CLEAN;
		default:
			bad_option(week_usage, argv, longopts);
			return EXIT_TROUBLE;
		}
	}
	if (optind < argc) {
		fputs(week_usage, stderr);
		return EXIT_TROUBLE;
	}
	if ((today = cmd_today()) == STRAT_NO_DATE)
		return EXIT_TROUBLE;
	if (date == STRAT_NO_DATE)
		date = today;
	if ((root = find_plan_root(dir, NULL)) == NULL) {
		die_msg("cannot open '%s'", dir);
		return EXIT_TROUBLE;
	}
	lo.today = today;
	if ((rc = strat_diags_new(&diags)) < 0 ||
	    (rc = open_history(&h, root)) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	if (date < today && h.has_head) {
		/* A past check-in: the plan as committed by the end of it. */
		strat_load_options past_lo;
		strat_oid id;
		int64_t time;
		char hex[41];

		if ((rc = strat_plan_as_of(&plan, &mends, &id, &time, h.repo,
					   &h.head, ((int64_t)date + 1) * 86400,
					   h.prefix, &lo, diags)) < 0) {
			die_msg("%s", strat_error_last());
			goto out;
		}
		if (rc == 0) {
			strat_date_format(date, day);
			die_msg("no commit of the plan by %s", day);
			goto out;
		}
		commit_label(h.source, sizeof(h.source), &id, time);
		/* As for today's plan: broken files first, else its errors
		 * (a directory too deep to read among them), linted as of
		 * the check-in date. */
		past_lo = lo;
		past_lo.today = date;
		if (strat_lint(plan, &past_lo, diags) < 0) {
			die_msg("%s", strat_error_last());
			goto out;
		}
		strat_oid_fmt(&id, hex);
		if ((broken = tell_mends(mends, "")) == 0)
			tell_errors(diags, hex);
	} else {
		if (strat_source_fs(&src, root) < 0) {
			die_msg("%s", strat_error_last());
			goto out;
		}
		have_src = 1;
		if ((rc = strat_plan_load_mended(&plan, &mends, &src, h.repo,
						 h.has_head ? &h.head : NULL,
						 h.prefix, &lo, diags, NULL)) <
			0 ||
		    (rc = strat_lint(plan, &lo, diags)) < 0) {
			die_msg("%s", strat_error_last());
			goto out;
		}
		/* A plan that does not parse is said first (exit 1). */
		if ((broken = tell_mends(mends, "")) == 0)
			tell_errors(diags, NULL);
	}
	if (owner != NULL && strat_plan_team(plan)->file != NULL &&
	    strat_plan_find_person(plan, owner) == NULL) {
		die_msg("'%s' is not a person in %s", owner,
			strat_plan_team(plan)->file);
		goto out;
	}
	if (since == STRAT_NO_DATE)
		since = date - 7;
	if (find_base(&h, since, since_rev, &lo) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	tell_mends(h.base_mends, "base: ");
	wo.date = date;
	wo.owner = owner;
	wo.base = h.base;
	wo.note = h.note;
	wo.source = h.source[0] ? h.source : NULL;
	wo.base_commit = h.commit;
	wo.base_date = h.commit_day;
	if (ro.format == STRAT_FORMAT_TEXT)
		ro.color = want_color(stdout, color);
	if (week_stale(h.repo, h.prefix, date,
		       strat_plan_config(plan)->item_stale_days, &hist,
		       &measures) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	wo.history = hist;
	wo.measures = measures;
	if (strat_week_build(&w, plan, &wo) < 0 ||
	    strat_week_render(&md, w, &ro) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	fputs(md, stdout);
	ret = broken ? EXIT_FINDINGS : EXIT_CLEAN;
out:
	free(md);
	strat_week_free(w);
	strat_measures_free(measures);
	strat_history_free(hist);
	strat_plan_free(h.base);
	strat_mends_free(h.base_mends);
	strat_mends_free(mends);
	free(h.prefix);
	strat_repo_free(h.repo);
	strat_plan_free(plan);
	strat_diags_free(diags);
	if (have_src)
		strat_source_fs_free(&src);
	free(root);
	return ret;
}
