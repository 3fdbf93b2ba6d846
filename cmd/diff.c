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

static const opt_doc diff_optdoc[] = {
    {"BASE [HEAD]", "compare the plan at BASE with the plan at HEAD "
		    "(default HEAD)"},
    {"BASE...HEAD", "compare HEAD with its merge base with BASE (a pull "
		    "request)"},
    {"--format text|md|json", "the output (default text)"},
    {"--plan DIR", "the plan's directory in the repository"},
    {"--no-lint", "do not compare lint findings"},
    {"--check", "exit 1 when the change needs attention"},
    {"--max-rows N", "rows per section (default 40), needs-attention rows "
		     "first"},
    {"--today YYYY-MM-DD", "today for the date rules"},
    {"--summary", "also append the Markdown to the GitHub Actions job "
		  "summary (GITHUB_STEP_SUMMARY)"},
    {"-h, --help", "this help"},
    {NULL, NULL}};

typedef struct {
	const char *rev;
	strat_oid oid;
	char label[300];
	strat_plan *plan;
	strat_diags *diags;
	strat_mends *mends;
} side;

static int
load_side(gitplan *g, side *s, const strat_load_options *lo, int lint, int base)
{
	/* A file that does not parse keeps the items of its last version
	 * that did; on BASE that version's findings count too, so that
	 * they do not look new in HEAD. */
	if (strat_diags_new(&s->diags) < 0 ||
	    gitplan_load_mended(g, &s->oid, lo, s->diags,
				base ? s->diags : NULL, &s->plan,
				&s->mends) < 0)
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

/*
 * Why each slip and drop was made: the commit of the first-parent chain
 * BASE..HEAD that made it (strat_history_slipped_at / decided_at over the
 * history of those commits), its Why: trailer or summary, and its author.
 * *h holds the strings; no reasons when BASE is not on HEAD's chain.
 */
static int
find_reasons(gitplan *g, const strat_oid *base, const strat_oid *head,
	     const strat_changes *changes, strat_history **h,
	     strat_review_why **out, size_t *nout)
{
	strat_history_options ho = STRAT_HISTORY_OPTIONS_INIT;
	size_t i, j, n = 0, nc = strat_changes_count(changes);
	strat_walk *w = NULL;
	strat_commit cm;
	int rc, found = 0;

	*h = NULL;
	*out = NULL;
	*nout = 0;
	for (i = 0; i < nc; i++) {
		const strat_change *c = strat_changes_get(changes, i);

		n += (c->kind == STRAT_CHANGE_ITEM_REDATED &&
		      (c->flags & STRAT_CHANGE_SLIP)) ||
		     c->kind == STRAT_CHANGE_ITEM_DROPPED;
	}
	if (n == 0)
		return 0;
	if (strat_walk_new(&w, g->repo, head, 0) < 0)
		return -1;
	for (i = 0; (rc = strat_walk_next(w, &cm)) == 1; i++)
		if (strat_oid_equal(&cm.id, base)) {
			found = 1;
			break;
		}
	strat_walk_free(w);
	if (rc < 0)
		return -1;
	if (!found)
		return 0;
	ho.max_commits = i + 1;
	ho.root = g->prefix;
	if (strat_history_build(h, g->repo, head, &ho) < 0 ||
	    strat_history_read_reasons(*h, g->repo, NULL) < 0 ||
	    (*out = calloc(n, sizeof(**out))) == NULL)
		return -1;
	for (i = 0; i < nc; i++) {
		const strat_change *c = strat_changes_get(changes, i);
		const strat_htrack *t = NULL;
		const strat_hversion *v1;
		const strat_hcommit *hc;
		int slip = c->kind == STRAT_CHANGE_ITEM_REDATED &&
			   (c->flags & STRAT_CHANGE_SLIP);
		int64_t when;
		uint32_t k;

		if (!slip && c->kind != STRAT_CHANGE_ITEM_DROPPED)
			continue;
		for (j = 0; j < (*h)->ntracks && t == NULL; j++)
			if (strcmp((*h)->tracks[j].id, c->id) == 0)
				t = &(*h)->tracks[j];
		if (t == NULL || t->nversions == 0 ||
		    (v1 = &t->versions[t->nversions - 1])->v == NULL)
			continue;
		if (slip && c->base_item != NULL)
			k = strat_history_slipped_at(*h, t, v1,
						     c->base_item->date, &when);
		else if (!slip)
			k = strat_history_decided_at(*h, t, v1, 0, &when);
		else
			continue;
		hc = &(*h)->commits[k];
		if (strat_oid_equal(&hc->id, base))
			continue; /* made before BASE */
		(*out)[*nout].change = c;
		(*out)[*nout].reason = strat_hcommit_reason(hc);
		(*out)[*nout].author = hc->author;
		(*nout)++;
	}
	return 0;
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
	strat_history *hist = NULL;
	strat_review_why *why = NULL;
	size_t nwhy = 0;
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
			show_help(diff_usage, diff_optdoc);
			return EXIT_CLEAN;
		default:
			bad_option(diff_usage, argv, longopts);
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
	if (load_side(&g, &head, &lo, lint, 0) < 0 ||
	    load_side(&g, &base, &lo, lint, 1) < 0)
		goto out;
	if (strat_plan_compare(&changes, base.plan, head.plan, NULL) < 0 ||
	    (lint && strat_diags_new_since_plans(&fresh, base.plan, base.diags,
						 head.plan, head.diags) < 0)) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	if (find_reasons(&g, &base.oid, &head.oid, changes, &hist, &why,
			 &nwhy) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	rv.why = why;
	rv.nwhy = nwhy;
	rv.base_label = base.label;
	rv.head_label = head.label;
	rv.plan_dir = g.prefix;
	rv.changes = changes;
	rv.new_findings = fresh;
	rv.max_rows = (size_t)rows;
	rv.broken = head.mends;
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
	ret = check && strat_review_attention(&rv) ? EXIT_FINDINGS : EXIT_CLEAN;
out:
	free(out);
	free(why);
	strat_history_free(hist);
	strat_changes_free(changes);
	strat_diags_free(fresh);
	strat_plan_free(base.plan);
	strat_plan_free(head.plan);
	strat_diags_free(base.diags);
	strat_diags_free(head.diags);
	strat_mends_free(base.mends);
	strat_mends_free(head.mends);
	if (opened)
		gitplan_close(&g);
	free(spec);
	return ret;
}
