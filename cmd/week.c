/* week.c - 'strat week': the weekly check-in. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static const char week_usage[] =
	"usage: strat week [--date YYYY-MM-DD] [--owner ID] "
	"[--format text|md|json]\n"
	"                  [--color auto|always|never] [-C DIR]\n";

/* How the "changed" section was found (or why not). */
typedef struct {
	strat_repo *repo;
	strat_plan *base;
	char note[256];
	char commit[41];
	strat_day commit_day;
} history;

/*
 * The plan of the newest commit (first-parent from HEAD) made before the
 * week began, read from the plan's directory within the work tree.
 */
static int
find_base(history *h, const char *root, strat_day start)
{
	strat_oid head;
	strat_commit c;
	strat_diags *diags = NULL;
	strat_load_options lo = STRAT_LOAD_OPTIONS_INIT;
	const char *wd, *dir = "";
	char day[11];
	int rc, truncated = 0;

	strat_date_format(start, day);
	if ((rc = cmd_repo_open(&h->repo, root)) < 0) {
		if (rc == STRAT_ENOTFOUND)
			snprintf(h->note, sizeof(h->note),
				 "Not in a git repository: what changed since "
				 "last week is not shown.");
		else {
			die_msg("warning: %s", strat_error_last());
			snprintf(h->note, sizeof(h->note),
				 "Git history unavailable: what changed since "
				 "last week is not shown.");
		}
		return 0;
	}
	warn_rewritten(h->repo);
	if (strat_repo_is_empty(h->repo) ||
	    strat_repo_resolve(h->repo, "HEAD", &head) < 0) {
		snprintf(h->note, sizeof(h->note),
			 "No commit yet: what changed since last week is not "
			 "shown.");
		return 0;
	}
	/* the plan's directory within the work tree */
	wd = strat_repo_workdir(h->repo);
	if (wd != NULL && strncmp(root, wd, strlen(wd)) == 0)
		dir = root + strlen(wd);
	if ((rc = strat_diags_new(&diags)) == 0)
		rc = strat_plan_load_before(&h->base, &c, &truncated, h->repo,
					    &head, start, dir, &lo, diags);
	strat_diags_free(diags);
	if (rc < 0)
		return rc;
	if (rc == 0) {
		snprintf(h->note, sizeof(h->note),
			 "No commit before %s%s: what changed since last week "
			 "is not shown.",
			 day, truncated ? " (shallow clone)" : "");
		return 0;
	}
	strat_oid_fmt(&c.id, h->commit);
	h->commit_day = (strat_day)(c.time / 86400);
	strat_date_format(h->commit_day, day);
	snprintf(h->note, sizeof(h->note),
		 "Compared with %.7s (%s), the last commit before the week "
		 "began.",
		 h->commit, day);
	return 0;
}

/*
 * Staleness (SPEC section 14): the in-progress items of the plan's
 * history unchanged for stale-days, and a plan nobody updated, as of the
 * check-in date, rendered for fmt in *out ("" when there is nothing to
 * say, or no history to say it from).  Kept apart from the check-in
 * itself: it needs the whole history, the check-in only its week.  With
 * an owner, only that owner's items.
 */
static int
week_stale(strat_repo *repo, const char *root, strat_day date,
	   const char *owner, strat_format fmt, char **out)
{
	strat_history_options ho = STRAT_HISTORY_OPTIONS_INIT;
	strat_measure_options mo = STRAT_MEASURE_OPTIONS_INIT;
	strat_history *hist = NULL;
	strat_measures *m = NULL;
	strat_oid head;
	const char *wd = repo ? strat_repo_workdir(repo) : NULL;
	char *prefix = NULL;
	int rc = 0;

	*out = NULL;
	if (repo == NULL || strat_repo_is_empty(repo) ||
	    strat_repo_resolve(repo, "HEAD", &head) < 0 ||
	    (fmt != STRAT_FORMAT_TEXT && fmt != STRAT_FORMAT_MD))
		goto none;
	/* the plan's directory in every commit, relative to the top */
	if (wd != NULL && strncmp(root, wd, strlen(wd)) == 0 &&
	    root[strlen(wd)] != '\0') {
		if ((prefix = strdup(root + strlen(wd))) == NULL)
			return strat_error_set(STRAT_ENOMEM, "out of memory");
		if (prefix[strlen(prefix) - 1] == '/')
			prefix[strlen(prefix) - 1] = '\0';
	}
	ho.root = prefix;
	if (strat_history_build(&hist, repo, &head, &ho) < 0)
		goto none; /* no plan in the history: nothing is stale */
	mo.since = mo.until = mo.today = date;
	if ((rc = strat_measure(&m, hist, &mo)) == 0)
		rc = strat_stale_render(out, hist, m, owner, fmt);
	strat_measures_free(m);
	strat_history_free(hist);
	free(prefix);
	return rc;
none:
	free(prefix);
	*out = strdup("");
	return *out ? 0 : strat_error_set(STRAT_ENOMEM, "out of memory");
}

int
cmd_week(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"date", required_argument, NULL, 'd'},
		{"owner", required_argument, NULL, 'o'},
		{"format", required_argument, NULL, 'f'},
		{"color", required_argument, NULL, 'c'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	int ch, rc, ret = EXIT_TROUBLE;
	const char *dir = ".", *color = "auto", *owner = NULL;
	strat_day date = STRAT_NO_DATE;
	strat_source src;
	strat_load_options lo = STRAT_LOAD_OPTIONS_INIT;
	strat_week_options wo = STRAT_WEEK_OPTIONS_INIT;
	strat_render_options ro = STRAT_RENDER_OPTIONS_INIT;
	strat_diags *diags = NULL;
	strat_plan *plan = NULL;
	strat_week *w = NULL;
	history h;
	char *stale = NULL;
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
			if (strcmp(optarg, "auto") && strcmp(optarg, "always") &&
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
			fputs(week_usage, stdout);
			return EXIT_CLEAN;
		default:
			fputs(week_usage, stderr);
			return EXIT_TROUBLE;
		}
	}
	if (optind < argc) {
		fputs(week_usage, stderr);
		return EXIT_TROUBLE;
	}
	if (date == STRAT_NO_DATE && (date = cmd_today()) == STRAT_NO_DATE)
		return EXIT_TROUBLE;
	if ((root = find_plan_root(dir)) == NULL) {
		die_msg("cannot open '%s'", dir);
		return EXIT_TROUBLE;
	}
	if (strat_source_fs(&src, root) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	have_src = 1;
	if ((rc = strat_diags_new(&diags)) < 0 ||
	    (rc = strat_plan_load(&plan, &src, &lo, diags)) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	if (strat_diags_errors(diags))
		die_msg("warning: the plan has %zu error%s; 'strat lint' "
			"shows them",
			strat_diags_errors(diags),
			strat_diags_errors(diags) == 1 ? "" : "s");
	if (owner != NULL && strat_plan_team(plan)->file != NULL &&
	    strat_plan_find_person(plan, owner) == NULL) {
		die_msg("'%s' is not a person in %s", owner,
			strat_plan_team(plan)->file);
		goto out;
	}
	if ((rc = find_base(&h, root,
			    strat_week_start(date, strat_plan_config(plan)
							   ->week_starts))) <
	    0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	wo.date = date;
	wo.owner = owner;
	wo.base = h.base;
	wo.note = h.note;
	wo.base_commit = h.commit;
	wo.base_date = h.commit_day;
	if (ro.format == STRAT_FORMAT_TEXT)
		ro.color = want_color(stdout, color);
	if (strat_week_build(&w, plan, &wo) < 0 ||
	    strat_week_render(&md, w, &ro) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	fputs(md, stdout);
	if (week_stale(h.repo, root, date, owner, ro.format, &stale) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	if (stale[0])
		printf("\n%s", stale);
	ret = EXIT_CLEAN;
out:
	free(stale);
	free(md);
	strat_week_free(w);
	strat_plan_free(h.base);
	strat_repo_free(h.repo);
	strat_plan_free(plan);
	strat_diags_free(diags);
	if (have_src)
		strat_source_fs_free(&src);
	free(root);
	return ret;
}
