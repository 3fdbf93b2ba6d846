/* diff.c - 'strat diff': what a change does to the plan, for review. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static const char diff_usage[] =
	"usage: strat diff [--format text|md|json] [--plan DIR] [--no-lint] "
	"[--check]\n"
	"                  [--max-rows N] [--today YYYY-MM-DD] [--summary] "
	"BASE [HEAD]\n"
	"       strat diff [options] BASE...HEAD | BASE..HEAD\n";

typedef struct {
	const char *rev;
	strat_oid oid;
	char label[300];
	strat_plan *plan;
	strat_diags *diags;
} side;

static int
load_side(gitplan *g, side *s, const strat_load_options *lo, int lint)
{
	if (strat_diags_new(&s->diags) < 0 ||
	    gitplan_load(g, &s->oid, lo, s->diags, &s->plan) < 0)
		return -1;
	if (lint && strat_lint(s->plan, lo, s->diags) < 0) {
		die_msg("%s", strat_error_last());
		return -1;
	}
	strat_diags_sort(s->diags);
	return 0;
}

static void
set_label(side *s, const char *rev)
{
	char hex[41];

	strat_oid_fmt(&s->oid, hex);
	hex[7] = '\0';
	if (strncmp(rev, hex, 7) == 0)
		snprintf(s->label, sizeof(s->label), "%s", hex);
	else
		snprintf(s->label, sizeof(s->label), "%.256s (%s)", rev, hex);
}

int
cmd_diff(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"plan", required_argument, NULL, 'p'},
		{"no-lint", no_argument, NULL, 'L'},
		{"check", no_argument, NULL, 'k'},
		{"max-rows", required_argument, NULL, 'm'},
		{"today", required_argument, NULL, 't'},
		{"summary", no_argument, NULL, 'S'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	strat_load_options lo = STRAT_LOAD_OPTIONS_INIT;
	strat_review rv = STRAT_REVIEW_INIT;
	strat_changes *changes = NULL;
	strat_diags *fresh = NULL;
	side base, head;
	gitplan g;
	const char *plan_dir = NULL, *b = NULL, *h = "HEAD";
	char *spec = NULL, *dots;
	strat_render_options ro = STRAT_RENDER_OPTIONS_INIT;
	int ch, lint = 1, check = 0, mb = 0;
	int ret = EXIT_TROUBLE, opened = 0, summary = 0, rc;
	char *out = NULL;
	long rows = 0;

	memset(&base, 0, sizeof(base));
	memset(&head, 0, sizeof(head));
	lo.today = STRAT_NO_DATE;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
		switch (ch) {
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
		case 'p':
			plan_dir = optarg;
			break;
		case 'L':
			lint = 0;
			break;
		case 'k':
			check = 1;
			break;
		case 'm':
			rows = strtol(optarg, &dots, 10);
			if (*optarg == '\0' || *dots != '\0' || rows < 1 ||
			    rows > 100000) {
				die_msg("--max-rows wants a number from 1 to "
					"100000, not '%s'",
					optarg);
				return EXIT_TROUBLE;
			}
			break;
		case 'S':
			summary = 1;
			break;
		case 't':
			if (strat_date_parse(optarg, &lo.today) < 0) {
				die_msg("--today wants YYYY-MM-DD, not '%s'",
					optarg);
				return EXIT_TROUBLE;
			}
			break;
		case 'h':
			fputs(diff_usage, stdout);
			return EXIT_CLEAN;
		default:
			fputs(diff_usage, stderr);
			return EXIT_TROUBLE;
		}
	}
	if (lo.today == STRAT_NO_DATE &&
	    (lo.today = cmd_today()) == STRAT_NO_DATE)
		return EXIT_TROUBLE;
	if (argc - optind < 1 || argc - optind > 2) {
		fputs(diff_usage, stderr);
		return EXIT_TROUBLE;
	}
	if ((spec = strdup(argv[optind])) == NULL) {
		die_msg("out of memory");
		return EXIT_TROUBLE;
	}
	b = spec;
	if ((dots = strstr(spec, "...")) != NULL) {
		*dots = '\0';
		mb = 1;
		if (dots[3])
			h = dots + 3;
	} else if ((dots = strstr(spec, "..")) != NULL) {
		*dots = '\0';
		if (dots[2])
			h = dots + 2;
	}
	if (dots != NULL && argc - optind == 2) {
		die_msg("give either 'BASE HEAD' or 'BASE...HEAD', not both");
		goto out;
	}
	if (argc - optind == 2)
		h = argv[optind + 1];
	if (*b == '\0')
		b = "HEAD";
	if (gitplan_open(&g, plan_dir) < 0)
		goto out;
	opened = 1;
	if (gitplan_resolve(&g, b, &base.oid) < 0 ||
	    gitplan_resolve(&g, h, &head.oid) < 0)
		goto out;
	if (mb) {
		strat_oid m;

		if (strat_repo_merge_base(g.repo, &base.oid, &head.oid, &m) <
		    0) {
			die_msg("%s", strat_error_last());
			goto out;
		}
		base.oid = m;
	}
	set_label(&base, mb ? "merge-base" : b);
	set_label(&head, h);
	/* HEAD first: it decides where the plan lives. */
	if (load_side(&g, &head, &lo, lint) < 0 ||
	    load_side(&g, &base, &lo, lint) < 0)
		goto out;
	if (strat_plan_compare(&changes, base.plan, head.plan, NULL) < 0 ||
	    (lint && strat_diags_new_since(&fresh, base.diags, head.diags) <
			     0)) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	rv.base_label = base.label;
	rv.head_label = head.label;
	rv.plan_dir = g.prefix;
	rv.changes = changes;
	rv.new_findings = fresh;
	rv.max_rows = (size_t)rows;
	if (strat_review_render(&out, &rv, &ro) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	fputs(out, stdout);
	if (summary) { /* the Markdown review, whatever --format says */
		strat_render_options sro = ro;
		char *md = NULL;

		sro.format = STRAT_FORMAT_MD;
		if (strat_review_render(&md, &rv, &sro) < 0) {
			die_msg("%s", strat_error_last());
			goto out;
		}
		rc = step_summary(md);
		free(md);
		if (rc < 0)
			goto out;
	}
	ret = check && strat_review_attention(&rv) ? EXIT_FINDINGS
						    : EXIT_CLEAN;
out:
	free(out);
	strat_changes_free(changes);
	strat_diags_free(fresh);
	strat_plan_free(base.plan);
	strat_plan_free(head.plan);
	strat_diags_free(base.diags);
	strat_diags_free(head.diags);
	if (opened)
		gitplan_close(&g);
	free(spec);
	return ret;
}
