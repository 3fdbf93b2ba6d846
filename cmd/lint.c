/* lint.c - 'strat lint': check the plan repository. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"

static const char lint_usage[] =
	"usage: strat lint [--format text|json|sarif|github] [-q] "
	"[--color auto|always|never]\n"
	"                  [--today YYYY-MM-DD] [PATH...]\n";

enum { FMT_TEXT, FMT_JSON, FMT_SARIF, FMT_GITHUB };

typedef struct {
	int format, quiet;
	const char *color;
	strat_day today;
} lint_opts;

/* Keep only findings in the given files (PATH arguments that are files). */
static int
keep_only(strat_diags *all, strat_diags **out, char **files, size_t n)
{
	size_t i, j;
	const strat_diag *d;
	int rc;

	if ((rc = strat_diags_new(out)) < 0)
		return rc;
	for (i = 0; i < strat_diags_count(all); i++) {
		d = strat_diags_get(all, i);
		for (j = 0; j < n; j++)
			if (strcmp(d->file, files[j]) == 0)
				break;
		if (j == n)
			continue;
		strat_diags_set_severity(*out, d->rule, d->severity);
		if ((rc = strat_diags_add(*out, d->rule, d->file, d->line,
					  d->column, d->hint, "%s",
					  d->message)) < 0)
			return rc;
	}
	return 0;
}

/* Lint the plan rooted at root; only != NULL limits output to files. */
static int
lint_root(const char *root, char **only, size_t nonly, const lint_opts *o)
{
	strat_source src;
	strat_load_options lo = STRAT_LOAD_OPTIONS_INIT;
	strat_diags *diags = NULL, *shown = NULL;
	strat_plan *plan = NULL;
	report_ctx r;
	int rc, ret = EXIT_TROUBLE;

	if (strat_source_fs(&src, root) < 0) {
		die_msg("%s", strat_error_last());
		return EXIT_TROUBLE;
	}
	lo.today = o->today;
	lo.keep_sources = o->format == FMT_TEXT;
	if ((rc = strat_diags_new(&diags)) < 0 ||
	    (rc = strat_plan_load(&plan, &src, &lo, diags)) < 0 ||
	    (rc = strat_lint(plan, &lo, diags)) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	if (only != NULL && keep_only(diags, &shown, only, nonly) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	memset(&r, 0, sizeof(r));
	r.diags = shown ? shown : diags;
	strat_diags_sort((strat_diags *)r.diags);
	r.plan = plan;
	/* Files checked: with PATH files, those the user asked about. */
	r.files = only != NULL ? nonly
			       : strat_plan_calendar_count(plan) +
					 (strat_plan_strategy(plan)->file != NULL) +
					 (strat_plan_team(plan)->file != NULL) +
					 (strat_plan_config(plan)->file != NULL);
	r.quiet = o->quiet;
	r.root = root;
	switch (o->format) {
	case FMT_JSON:
		out_json(stdout, &r);
		break;
	case FMT_SARIF:
		out_sarif(stdout, &r);
		break;
	case FMT_GITHUB:
		out_github(stdout, &r);
		break;
	default:
		r.color = want_color(stdout, o->color);
		out_text(stdout, &r);
	}
	ret = strat_diags_errors(r.diags) ? EXIT_FINDINGS : EXIT_CLEAN;
out:
	strat_plan_free(plan);
	strat_diags_free(diags);
	strat_diags_free(shown);
	strat_source_fs_free(&src);
	return ret;
}

/* Path p relative to root, or NULL when it is outside. */
static char *
relative_to(const char *root, const char *p)
{
	char *real = realpath(p, NULL), *rel = NULL;
	size_t n = strlen(root);

	if (real == NULL)
		return NULL;
	if (strncmp(real, root, n) == 0 && real[n] == '/')
		rel = strdup(real + n + 1);
	free(real);
	return rel;
}

int
cmd_lint(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"quiet", no_argument, NULL, 'q'},
		{"color", required_argument, NULL, 'c'},
		{"today", required_argument, NULL, 't'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	lint_opts o = {FMT_TEXT, 0, "auto", STRAT_NO_DATE};
	int ch, worst = EXIT_CLEAN, rc;
	struct stat st;
	char *root, **roots, **rels, **only;
	size_t n, k;

	o.today = strat_date_today();
	optind = 1;
	while ((ch = getopt_long(argc, argv, "f:qh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (strcmp(optarg, "text") == 0)
				o.format = FMT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				o.format = FMT_JSON;
			else if (strcmp(optarg, "sarif") == 0)
				o.format = FMT_SARIF;
			else if (strcmp(optarg, "github") == 0)
				o.format = FMT_GITHUB;
			else {
				die_msg("unknown format '%s'; use text, json, "
					"sarif or github",
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
		case 'h':
			fputs(lint_usage, stdout);
			return EXIT_CLEAN;
		default:
			fputs(lint_usage, stderr);
			return EXIT_TROUBLE;
		}
	}
	if (optind == argc) {
		if ((root = find_plan_root(".")) == NULL) {
			die_msg("cannot find the current directory");
			return EXIT_TROUBLE;
		}
		rc = lint_root(root, NULL, 0, &o);
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
			if ((roots[k] = find_plan_root(arg)) == NULL)
				worst = EXIT_TROUBLE;
		} else {
			char dir[PATH_MAX], *slash;

			snprintf(dir, sizeof(dir), "%s", arg);
			slash = strrchr(dir, '/');
			if (slash)
				*slash = '\0';
			roots[k] = find_plan_root(slash ? dir : ".");
			if (roots[k] == NULL ||
			    (rels[k] = relative_to(roots[k], arg)) == NULL) {
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
		rc = lint_root(roots[k], whole ? NULL : only, nonly, &o);
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
