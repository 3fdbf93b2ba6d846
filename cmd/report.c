/* report.c - 'strat report': planned versus shipped, from git history. */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "strat/history.h"
#include "strat/metrics.h"

static const char report_usage[] =
    "usage: strat report [REV] [--period quarter|month|week] "
    "[--since DATE]\n"
    "                    [--until DATE] [--as-of DATE] [--grace N] [--all]\n"
    "                    [--by anchor|owner|channel|kpi|outcome]\n"
    "                    [--format md|html|json|csv] [-o FILE] "
    "[--summary]\n"
    "                    [--table periods|flow|items|stale] "
    "[--max-commits N]\n";

static const opt_doc report_optdoc[] = {
    {"REV", "the revision whose history is read (default HEAD)"},
    {"--period quarter|month|week", "the length of a period (default quarter)"},
    {"--since DATE", "from the period containing DATE (default: the first "
		     "plan)"},
    {"--until DATE", "to the period containing DATE (default: today)"},
    {"--as-of DATE", "as the report read at the end of DATE: history up to "
		     "then, today = DATE"},
    {"--grace N", "shipped up to N days after a period still counts in it"},
    {"--by anchor|owner|channel|kpi|outcome",
     "only this breakdown (default: anchor and owner)"},
    {"--all", "breakdowns for every period, not only the last two"},
    {"--format md|html|json|csv", "the output (default md)"},
    {"--table periods|flow|items|stale", "only this table"},
    {"-o, --output FILE", "write to FILE instead of standard output"},
    {"--max-commits N", "read at most N commits of history"},
    {"--no-reuse", "parse every plan version in full (for testing)"},
    {"--summary", "also append the Markdown to the GitHub Actions job "
		  "summary (GITHUB_STEP_SUMMARY)"},
    {"-h, --help", "this help"},
    {NULL, NULL}};

static void
progress(const char *phase, size_t done, size_t total, void *payload)
{
	(void)payload;
	if (total)
		fprintf(stderr, "\rstrat report: %s %zu/%zu commits ", phase,
			done, total);
	else
		fprintf(stderr, "\rstrat report: %s %zu commits ", phase, done);
	fflush(stderr);
}

static int
read_reasons(strat_history *h, const strat_measures *m, strat_repo *repo)
{
	unsigned char *want = calloc(h->ncommits + 1, 1);
	size_t i, j;
	int rc;

	if (want == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	for (i = 0; i < m->nperiods; i++)
		for (j = 0; j < m->periods[i].nitems; j++)
			if (m->periods[i].items[j].decided)
				want[m->periods[i].items[j].commit] = 1;
	for (i = 0; i < m->nslips; i++)
		want[m->slips[i].commit] = 1;
	rc = strat_history_read_reasons(h, repo, want);
	free(want);
	return rc;
}

static int
parse_day(const char *opt, const char *s, strat_day *out)
{
	if (strat_date_parse(s, out) == 0)
		return 0;
	/* well-formed but out of range: say so, not that the form is wrong */
	if (strlen(s) == 10 && strspn(s, "0123456789") == 4 && s[4] == '-' &&
	    strspn(s + 5, "0123456789") == 2 && s[7] == '-' &&
	    strspn(s + 8, "0123456789") == 2 && strncmp(s, "1900", 4) < 0)
		die_msg("%s '%s' is before 1900-01-01, the first day strat "
			"measures",
			opt, s);
	else if (strlen(s) == 10 && s[4] == '-' && s[7] == '-')
		die_msg("%s '%s' is not a day of the calendar", opt, s);
	else
		die_msg("%s wants YYYY-MM-DD, not '%s'", opt, s);
	return -1;
}

/*
 * The plan at the revision reported on and its KPI series; a metrics file
 * that does not parse there is replaced by its last good version, with a
 * warning.  Findings of the plan are lint's business: not shown here.
 */
static int
load_kpis(gitplan *gp, const strat_oid *tip, strat_plan **plan,
	  strat_kpiset **kpis)
{
	strat_load_options lo = STRAT_LOAD_OPTIONS_INIT;
	strat_diags *diags = NULL;
	size_t i;
	int rc;

	if (strat_diags_new(&diags) < 0) {
		die_msg("out of memory");
		return -1;
	}
	rc = gitplan_load(gp, tip, &lo, diags, plan);
	strat_diags_free(diags);
	if (rc < 0)
		return -1;
	if (strat_kpiset_build(kpis, *plan, gp->repo, tip, gp->prefix) < 0) {
		die_msg("%s", strat_error_last());
		return -1;
	}
	for (i = 0; i < (*kpis)->nwarnings; i++) {
		const strat_kwarning *w = &(*kpis)->warnings[i];

		fputs("strat: warning: ", stderr);
		term_puts(stderr, w->file);
		if (w->line)
			fprintf(stderr, ":%u:%u", w->line, w->column);
		fputs(": ", stderr);
		term_puts(stderr, w->message);
		if (w->commit[0])
			fprintf(stderr,
				"; the readings of commit %.12s "
				"stand\n",
				w->commit);
		else
			fputs("; no version parses, its readings are not "
			      "used\n",
			      stderr);
	}
	return 0;
}

int
cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"period", required_argument, NULL, 'p'},
	    {"since", required_argument, NULL, 's'},
	    {"until", required_argument, NULL, 'u'},
	    {"by", required_argument, NULL, 'b'},
	    {"format", required_argument, NULL, 'f'},
	    {"output", required_argument, NULL, 'o'},
	    {"max-commits", required_argument, NULL, 'm'},
	    {"as-of", required_argument, NULL, 'A'},
	    {"grace", required_argument, NULL, 'g'},
	    {"all", no_argument, NULL, 'a'},
	    {"table", required_argument, NULL, 't'},
	    {"no-reuse", no_argument, NULL, 'R'},
	    {"summary", no_argument, NULL, 'S'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	strat_history_options ho = STRAT_HISTORY_OPTIONS_INIT;
	strat_measure_options mo = STRAT_MEASURE_OPTIONS_INIT;
	strat_report rp = STRAT_REPORT_INIT;
	strat_render_options ro = STRAT_RENDER_OPTIONS_INIT;
	const char *rev = "HEAD", *outpath = NULL;
	strat_repo *repo = NULL;
	gitplan gp = {NULL, NULL, NULL, NULL, 0};
	strat_history *h = NULL;
	strat_measures *m = NULL;
	strat_plan *plan = NULL;
	strat_kpiset *kpis = NULL;
	strat_oid tip;
	strat_day as_of = STRAT_NO_DATE;
	char *text = NULL, *end;
	int ch, ret = EXIT_TROUBLE, progress_shown = 0, werr = 0, summary = 0;
	size_t i;
	FILE *f;

	ro.format = STRAT_FORMAT_MD;
	if (mo.today == STRAT_NO_DATE &&
	    (mo.today = cmd_today()) == STRAT_NO_DATE)
		return EXIT_TROUBLE;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'p':
			if (strcmp(optarg, "quarter") == 0)
				mo.kind = STRAT_PERIOD_QUARTER;
			else if (strcmp(optarg, "month") == 0)
				mo.kind = STRAT_PERIOD_MONTH;
			else if (strcmp(optarg, "week") == 0)
				mo.kind = STRAT_PERIOD_WEEK;
			else {
				die_msg("unknown period '%s'; use quarter, "
					"month or week",
					optarg);
				return EXIT_TROUBLE;
			}
			break;
		case 's':
			if (parse_day("--since", optarg, &mo.since) < 0)
				return EXIT_TROUBLE;
			break;
		case 'u':
			if (parse_day("--until", optarg, &mo.until) < 0)
				return EXIT_TROUBLE;
			break;
		case 'b':
			rp.by_set = 1;
			if (strcmp(optarg, "anchor") == 0)
				rp.by = STRAT_BY_ANCHOR;
			else if (strcmp(optarg, "owner") == 0)
				rp.by = STRAT_BY_OWNER;
			else if (strcmp(optarg, "channel") == 0)
				rp.by = STRAT_BY_CHANNEL;
			else if (strcmp(optarg, "kpi") == 0)
				rp.by = STRAT_BY_KPI;
			else if (strcmp(optarg, "outcome") == 0)
				rp.by = STRAT_BY_OUTCOME;
			else {
				die_msg("unknown --by '%s'; use anchor, owner, "
					"channel, kpi or outcome",
					optarg);
				return EXIT_TROUBLE;
			}
			break;
		case 'f':
			if (strcmp(optarg, "md") == 0 ||
			    strcmp(optarg, "markdown") == 0)
				ro.format = STRAT_FORMAT_MD;
			else if (strcmp(optarg, "html") == 0)
				ro.format = STRAT_FORMAT_HTML;
			else if (strcmp(optarg, "json") == 0)
				ro.format = STRAT_FORMAT_JSON;
			else if (strcmp(optarg, "csv") == 0)
				ro.format = STRAT_FORMAT_CSV;
			else {
				die_msg("unknown format '%s'; use md, html, "
					"json or csv",
					optarg);
				return EXIT_TROUBLE;
			}
			break;
		case 'o':
			outpath = optarg;
			break;
		case 'm':
			errno = 0;
			ho.max_commits = strtoul(optarg, &end, 10);
			if (errno || *end || optarg[0] == '-' ||
			    ho.max_commits == 0) {
				die_msg("--max-commits wants a positive "
					"number, not '%s'",
					optarg);
				return EXIT_TROUBLE;
			}
			break;
		case 'R':
			ho.no_reuse = 1;
			break;
		case 'S':
			summary = 1;
			break;
		case 'A':
			if (parse_day("--as-of", optarg, &as_of) < 0)
				return EXIT_TROUBLE;
			break;
		case 'g': {
			unsigned long g;

			errno = 0;
			g = strtoul(optarg, &end, 10);
			if (errno || *end || optarg[0] == '-' ||
			    optarg[0] == '\0' || g > 3650) {
				die_msg("--grace wants a number of days from 0 "
					"to 3650, not '%s'",
					optarg);
				return EXIT_TROUBLE;
			}
			mo.grace_days = (int)g;
			break;
		}
		case 'a':
			rp.all = 1;
			break;
		case 't':
			if (strcmp(optarg, "periods") == 0)
				rp.table = STRAT_TABLE_PERIODS;
			else if (strcmp(optarg, "flow") == 0)
				rp.table = STRAT_TABLE_FLOW;
			else if (strcmp(optarg, "items") == 0)
				rp.table = STRAT_TABLE_ITEMS;
			else if (strcmp(optarg, "stale") == 0)
				rp.table = STRAT_TABLE_STALE;
			else {
				die_msg("unknown --table '%s'; use periods, "
					"flow, items or stale",
					optarg);
				return EXIT_TROUBLE;
			}
			break;
		case 'h':
			show_help(report_usage, report_optdoc);
			return EXIT_CLEAN;
		default:
			bad_option(report_usage, argv, longopts);
			return EXIT_TROUBLE;
		}
	}
	if (optind < argc)
		rev = argv[optind++];
	if (optind < argc) {
		die_msg("one revision at most; '%s' is one too many",
			argv[optind]);
		fputs(report_usage, stderr);
		return EXIT_TROUBLE;
	}
	if (rp.table != STRAT_TABLE_PERIODS && ro.format != STRAT_FORMAT_CSV) {
		die_msg("--table chooses the table of --format csv");
		return EXIT_TROUBLE;
	}
	if (rp.table != STRAT_TABLE_PERIODS && rp.by_set &&
	    rp.by > STRAT_BY_CHANNEL) {
		die_msg("--by kpi and --by outcome have their own table; "
			"leave out --table");
		return EXIT_TROUBLE;
	}
	if (as_of != STRAT_NO_DATE) {
		/* what was known at the end of that day: today is that day */
		if (as_of > mo.today) {
			die_msg("--as-of is after today");
			return EXIT_TROUBLE;
		}
		mo.today = as_of;
	}
	if (mo.since != STRAT_NO_DATE && mo.until != STRAT_NO_DATE &&
	    mo.until < mo.since) {
		die_msg("--until is before --since");
		return EXIT_TROUBLE;
	}
	if (mo.since != STRAT_NO_DATE && mo.until == STRAT_NO_DATE &&
	    mo.since > mo.today) {
		char d[11];

		strat_date_format(mo.today, d);
		die_msg("--since is after today (%s): there is nothing to "
			"measure",
			d);
		return EXIT_TROUBLE;
	}
	if (isatty(2)) {
		ho.progress = progress;
		progress_shown = 1;
	}
	/* the repository and the plan directory, as 'lint --staged' finds
	 * them: the nearest directory upwards with a strat.yaml */
	if (gitplan_open(&gp, NULL) < 0)
		return EXIT_TROUBLE;
	repo = gp.repo;
	if (strat_repo_is_empty(repo) && strcmp(rev, "HEAD") == 0) {
		die_msg("the repository is empty: it has no commits yet");
		goto out;
	}
	if (strat_repo_resolve(repo, rev, &tip) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	if (as_of != STRAT_NO_DATE) {
		int64_t when;
		int shallow;
		int rc = strat_commit_before(repo, &tip,
					     ((int64_t)as_of + 1) * 86400, &tip,
					     &when, &shallow);

		if (rc == 0) {
			char day[11];

			strat_date_format(as_of, day);
			die_msg("no commit of '%s' is dated on or before %s",
				rev, day);
			goto out;
		}
		if (rc == STRAT_ENOMEM) {
			die_msg("out of memory");
			goto out;
		}
		if (rc < 0) {
			die_msg("%s", strat_error_last());
			goto out;
		}
	}
	if (gitplan_find(&gp, &tip) < 0)
		goto out;
	ho.root = gp.prefix;
	if (strat_history_build(&h, repo, &tip, &ho) < 0) {
		if (progress_shown)
			fputs("\r\033[K", stderr);
		die_msg("%s", strat_error_last());
		goto out;
	}
	if (progress_shown)
		fputs("\r\033[K", stderr);
	if (getenv("STRAT_REPORT_STATS") != NULL) /* for the tests */
		fprintf(stderr,
			"strat: reuse: %zu files parsed whole, %zu chunks "
			"parsed, %zu chunks and %zu files reused\n",
			h->parsed_full, h->parsed_chunks, h->reused_chunks,
			h->reused_files);
	if (strat_measure(&m, h, &mo) < 0 || read_reasons(h, m, repo) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	if (h->truncated) {
		char id[41], t[11];

		strat_oid_fmt(&h->oldest.id, id);
		strat_date_format((strat_day)(h->oldest.time / 86400), t);
		fprintf(stderr,
			"strat: warning: %s: history read stops at commit "
			"%.12s (%s); older commits are not measured\n",
			h->shallow ? "shallow clone" : "--max-commits reached",
			id, t);
	}
	for (i = 0; i < h->nwarnings; i++) {
		const strat_hwarning *w = &h->warnings[i];
		char id[41];

		strat_oid_fmt(&h->commits[w->commit].id, id);
		fprintf(stderr, "strat: warning: commit %.12s: ", id);
		term_puts(stderr, w->file);
		if (w->line)
			fprintf(stderr, ":%u:%u", w->line, w->column);
		fputs(": ", stderr);
		term_puts(stderr, w->message);
		fputs("; the previous version stands\n", stderr);
	}
	if (load_kpis(&gp, &tip, &plan, &kpis) < 0)
		goto out;
	rp.plan = plan;
	rp.kpis = kpis;
	rp.history = h;
	rp.measures = m;
	rp.revision = rev;
	rp.today = mo.today;
	if (strat_report_render(&text, &rp, &ro) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	f = outpath ? fopen(outpath, "w") : stdout;
	if (f == NULL) {
		die_msg("cannot write '%s': %s", outpath, strerror(errno));
		goto out;
	}
	errno = 0;
	if (fputs(text, f) == EOF)
		werr = errno ? errno : EIO;
	/* Standard output is checked once for every command (main.c). */
	if (outpath && fclose(f) != 0 && werr == 0)
		werr = errno ? errno : EIO;
	if (outpath && werr) {
		die_msg("cannot write '%s': %s", outpath, strerror(werr));
		goto out;
	}
	if (summary) { /* the Markdown report, whatever --format says */
		strat_render_options sro = ro;
		char *md = NULL;
		int rc;

		sro.format = STRAT_FORMAT_MD;
		if (strat_report_render(&md, &rp, &sro) < 0) {
			die_msg("%s", strat_error_last());
			goto out;
		}
		rc = step_summary(md);
		free(md);
		if (rc < 0)
			goto out;
	}
	ret = EXIT_CLEAN;
out:
	free(text);
	strat_kpiset_free(kpis);
	strat_plan_free(plan);
	strat_measures_free(m);
	strat_history_free(h);
	gitplan_close(&gp);
	return ret;
}
