/*
 * fuzz_lint.c - the whole lint of one file: the input is a calendar file
 * (then the strategy) of a small valid plan, loaded and linted with every
 * rule; each diagnostic's source line is fetched as the text output does.
 * Oracle: no crash, leak or UB; findings well-formed.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "strat/strat.h"

static const char config[] = "strat: 1\n"
			     "calendars: [calendar/**/*.yaml]\n"
			     "channels: [blog, email, webinar]\n"
			     "rules:\n  quarter-anchor-count: error\n";
static const char strategy[] =
    "kind: strategy\nversion: 1\ntitle: T\nowner: dana\n"
    "outcomes:\n  - id: pipeline\n    title: P\n    owner: dana\n"
    "    kpi: mql\n"
    "kpis:\n  - id: mql\n    title: M\n    owner: sam\n"
    "anchors:\n"
    "  - id: q2-seo\n    title: S\n    quarter: 2026-Q2\n"
    "    owner: alex\n    outcomes: [pipeline]\n"
    "    done: d\n"
    "    milestones:\n      - title: m\n        date: 2026-05-01\n"
    "  - id: q3-web\n    title: W\n    quarter: 2026-Q3\n"
    "    owner: sam\n";
static const char team[] = "kind: team\nversion: 1\npeople:\n"
			   "  - id: dana\n    name: Dana\n"
			   "  - id: alex\n    name: Alex\n"
			   "  - id: sam\n    name: Sam\n";
static const char calendar[] =
    "kind: calendar\nversion: 1\nitems:\n"
    "  - id: a\n    title: A\n    anchor: q2-seo\n    owner: alex\n"
    "    channel: blog\n    date: 2026-05-02\n    status: shipped\n"
    "    shipped: 2026-05-03\n";

static void
lint(const strat_mem_file *files, size_t n)
{
	strat_source src;
	strat_load_options lo = STRAT_LOAD_OPTIONS_INIT;
	strat_diags *diags = NULL;
	strat_plan *plan = NULL;
	const strat_diag *d;
	size_t i, len;
	const char *line;

	lo.keep_sources = 1;
	lo.today = strat_date_from_ymd(2026, 9, 15);
	if (strat_source_mem(&src, files, n) < 0 || strat_diags_new(&diags) < 0)
		abort();
	if (strat_plan_load(&plan, &src, &lo, diags) == 0 &&
	    strat_lint(plan, &lo, diags) == 0) {
		strat_diags_sort(diags);
		for (i = 0; i < strat_diags_count(diags); i++) {
			d = strat_diags_get(diags, i);
			if (d->message == NULL || d->file == NULL ||
			    strat_rule_id(d->rule) == NULL)
				fuzz_fail("malformed diagnostic", NULL, 0);
			line = strat_plan_source_line(plan, d->file, d->line,
						      &len);
			if (line != NULL && memchr(line, '\n', len) != NULL)
				fuzz_fail("source line holds a newline", line,
					  len);
		}
	}
	strat_plan_free(plan);
	strat_diags_free(diags);
	strat_source_mem_free(&src);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	strat_mem_file f[5] = {
	    {"strat.yaml", config, sizeof(config) - 1},
	    {"strategy.yaml", strategy, sizeof(strategy) - 1},
	    {"team.yaml", team, sizeof(team) - 1},
	    {"calendar/a.yaml", calendar, sizeof(calendar) - 1},
	    {"calendar/fuzz.yaml", (const char *)data, size},
	};

	lint(f, 5);
	/* the input as the strategy, with the fixed calendar */
	f[1].data = (const char *)data;
	f[1].len = size;
	lint(f, 4);
	return 0;
}
