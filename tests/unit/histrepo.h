/* histrepo.h - for unit tests of the history and its measures: a git
 * repository built in a temporary directory, with the plan of memplan.h
 * and a calendar committed at fixed dates:
 *
 *   2026-07-01 "Q3 plan"          a 07-10 (alex), b 07-20 (sam),
 *                                 c 08-10 (dana), all planned
 *   2026-07-12 "ship a, slip b"   a shipped 07-11; b to 08-05
 *   2026-07-20 "readme"           no plan file changed
 *   2026-08-01 "drop c, add d"    c dropped (Why: trailer); d 08-15 (alex)
 *   2026-08-20 "ship b and d"     b shipped 08-06, d shipped 08-18;
 *                                 e 09-20 (sam) in-progress
 *
 * with the plan at the top (root "") or below plan/ (root "plan").
 * Include after <cmocka.h>. */
#ifndef STRAT_TEST_HISTREPO_H
#define STRAT_TEST_HISTREPO_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memplan.h"
#include "sh.h"

#include "strat/compare.h"
#include "strat/git.h"

static inline void
histrepo_put(const char *dir, const char *path, const char *text)
{
	char p[1024];
	FILE *f;
	int n = snprintf(p, sizeof(p), "%s/%s", dir, path);

	assert_true(n > 0 && (size_t)n < sizeof(p));
	assert_non_null(f = fopen(p, "w"));
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

static inline void
histrepo_commit(const char *dir, const char *when, const char *msg)
{
	sh("cd %s && git add -A && GIT_AUTHOR_DATE=%s GIT_COMMITTER_DATE=%s "
	   "git -c user.name=Tester -c user.email=t@example.com commit -q "
	   "-m '%s'",
	   dir, when, when, msg);
}

/* The commits of the history above: when, message, and the calendar's
 * items one a line, "id anchor owner date status [shipped]", each
 * written "  - id: ID\n    title: Item ID\n..." (channel blog); no
 * items: a README alone. */
static const struct {
	const char *when, *msg, *items;
} histrepo_commits[] = {
    {"2026-07-01T10:00:00Z", "Q3 plan",
     "a q3-organic alex 2026-07-10 planned\n"
     "b q3-events sam 2026-07-20 planned\n"
     "c q3-email dana 2026-08-10 planned\n"},
    {"2026-07-12T10:00:00Z", "ship a, slip b",
     "a q3-organic alex 2026-07-10 shipped 2026-07-11\n"
     "b q3-events sam 2026-08-05 planned\n"
     "c q3-email dana 2026-08-10 planned\n"},
    {"2026-07-20T10:00:00Z", "readme", NULL},
    {"2026-08-01T10:00:00Z", "drop c, add d\n\nWhy: budget cut",
     "a q3-organic alex 2026-07-10 shipped 2026-07-11\n"
     "b q3-events sam 2026-08-05 planned\n"
     "c q3-email dana 2026-08-10 dropped\n"
     "d q3-organic alex 2026-08-15 planned\n"},
    {"2026-08-20T10:00:00Z", "ship b and d",
     "a q3-organic alex 2026-07-10 shipped 2026-07-11\n"
     "b q3-events sam 2026-08-05 shipped 2026-08-06\n"
     "c q3-email dana 2026-08-10 dropped\n"
     "d q3-organic alex 2026-08-15 shipped 2026-08-18\n"
     "e q3-events sam 2026-09-20 in-progress\n"},
};

/* The calendar of items (lines as in histrepo_commits) into cal. */
static inline void
histrepo_calendar(char *cal, size_t size, const char *items)
{
	const char *line;
	size_t n =
	    (size_t)snprintf(cal, size, "kind: calendar\nversion: 1\nitems:\n");

	for (line = items; *line; line = strchr(line, '\n') + 1) {
		char id[8], anchor[16], owner[8], date[11], status[12],
		    shipped[11] = "";

		assert_true(sscanf(line, "%7s %15s %7s %10s %11s %10[0-9-]", id,
				   anchor, owner, date, status, shipped) >= 5);
		n += (size_t)snprintf(
		    cal + n, size - n,
		    "  - id: %s\n    title: Item %s\n    anchor: %s\n"
		    "    owner: %s\n    channel: blog\n    date: %s\n"
		    "    status: %s\n",
		    id, id, anchor, owner, date, status);
		if (*shipped)
			n += (size_t)snprintf(cal + n, size - n,
					      "    shipped: %s\n", shipped);
		assert_true(n < size);
	}
}

/* Build the repository in dir (a fresh mkdtemp), the plan below root. */
static inline void
histrepo_build(const char *dir, const char *root)
{
	char plan[512], cal[4096];
	size_t c;

	snprintf(plan, sizeof(plan), "%s%s%s", dir, *root ? "/" : "", root);
	sh("cd %s && git init -q -b main . && mkdir -p %s/calendar", dir, plan);
	histrepo_put(plan, "strat.yaml", memplan_config);
	histrepo_put(plan, "strategy.yaml", memplan_strategy);
	histrepo_put(plan, "team.yaml", memplan_team);
	for (c = 0; c < sizeof(histrepo_commits) / sizeof(*histrepo_commits);
	     c++) {
		if (histrepo_commits[c].items == NULL) {
			histrepo_put(dir, "README", "not the plan\n");
		} else {
			histrepo_calendar(cal, sizeof(cal),
					  histrepo_commits[c].items);
			histrepo_put(plan, "calendar/q3.yaml", cal);
		}
		histrepo_commit(dir, histrepo_commits[c].when,
				histrepo_commits[c].msg);
	}
}

/* The seconds of a day at 00:00 UTC. */
static inline int64_t
histrepo_time(const char *date)
{
	strat_day d;

	assert_int_equal(strat_date_parse(date, &d), 0);
	return (int64_t)d * 86400;
}

#endif
