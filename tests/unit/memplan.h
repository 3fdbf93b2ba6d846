/* memplan.h - for unit tests that load a small plan held in memory:
 * memplan_load() loads the plan of the base files below, with some of them
 * replaced or added, through strat_source_mem; memplan_diags() writes the
 * findings one per line ("rule file:line:col message") for comparison
 * with an expected text.  Include after <cmocka.h>. */
#ifndef STRAT_TEST_MEMPLAN_H
#define STRAT_TEST_MEMPLAN_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strat/lint.h"
#include "strat/plan.h"

/* The plan of tests/fixtures/plan: three anchors of 2026-Q3, one item
 * for each, every reference resolving. */
static const char memplan_config[] = "strat: 1\n"
				     "channels: [blog, email, webinar]\n";
static const char memplan_strategy[] =
    "kind: strategy\n"
    "version: 1\n"
    "title: Acme 2026\n"
    "owner: dana\n"
    "thesis: Win mid-market through search.\n"
    "outcomes:\n"
    "  - id: pipeline\n"
    "    title: Grow pipeline\n"
    "    owner: dana\n"
    "    kpi: mqls\n"
    "kpis:\n"
    "  - id: mqls\n"
    "    title: Marketing-qualified leads\n"
    "    owner: dana\n"
    "    target: \"400\"\n"
    "anchors:\n"
    "  - id: q3-organic\n"
    "    title: Organic search\n"
    "    quarter: 2026-Q3\n"
    "    owner: alex\n"
    "    outcomes: [pipeline]\n"
    "    done: 30% of MQLs from organic\n"
    "  - id: q3-events\n"
    "    title: Events\n"
    "    quarter: 2026-Q3\n"
    "    owner: sam\n"
    "    outcomes: [pipeline]\n"
    "    done: 3 events\n"
    "  - id: q3-email\n"
    "    title: Email nurture\n"
    "    quarter: 2026-Q3\n"
    "    owner: dana\n"
    "    outcomes: [pipeline]\n"
    "    done: nurture live\n";
#define MEMPLAN_TEAM                                                           \
	"kind: team\n"                                                         \
	"version: 1\n"                                                         \
	"people:\n"                                                            \
	"  - {id: dana, name: Dana}\n"                                         \
	"  - {id: alex, name: Alex}\n"                                         \
	"  - {id: sam, name: Sam}\n"
static const char memplan_team[] = MEMPLAN_TEAM;
/* The calendar's parts, for the variants below and the tests' own. */
#define MEMPLAN_CAL_HEAD                                                       \
	"kind: calendar\n"                                                     \
	"version: 1\n"                                                         \
	"items:\n"
#define MEMPLAN_ITEM_SEO_GUIDE                                                 \
	"  - id: seo-guide\n"                                                  \
	"    title: SEO guide\n"                                               \
	"    anchor: q3-organic\n"                                             \
	"    owner: alex\n"                                                    \
	"    channel: blog\n"                                                  \
	"    date: 2026-07-14\n"                                               \
	"    status: shipped\n"                                                \
	"    shipped: 2026-07-15\n"
#define MEMPLAN_ITEM_WEBINAR                                                   \
	"  - id: webinar\n"                                                    \
	"    title: Webinar\n"                                                 \
	"    anchor: q3-events\n"                                              \
	"    owner: sam\n"                                                     \
	"    channel: webinar\n"                                               \
	"    date: 2026-08-20\n"                                               \
	"    status: in-progress\n"
#define MEMPLAN_ITEM_NURTURE                                                   \
	"  - id: nurture\n"                                                    \
	"    title: Nurture sequence\n"                                        \
	"    anchor: q3-email\n"                                               \
	"    owner: dana\n"                                                    \
	"    channel: email\n"                                                 \
	"    date: 2026-09-30\n"                                               \
	"    status: planned\n"
static const char memplan_calendar[] = MEMPLAN_CAL_HEAD MEMPLAN_ITEM_SEO_GUIDE
    MEMPLAN_ITEM_WEBINAR MEMPLAN_ITEM_NURTURE;

#define MEMPLAN_MAX 16

/* A loaded plan, its findings (load and lint) and its source. */
typedef struct {
	strat_mem_file files[MEMPLAN_MAX];
	size_t n;
	strat_source src;
	strat_plan *plan;
	strat_diags *diags;
} memplan;

/* Load the base plan with the files of `over` (path, text pairs ending
 * with NULL; a NULL text removes the file) replacing or added to it, on
 * day today (YYYY-MM-DD), and lint it when lint is set. */
static inline void
memplan_load(memplan *m, const char *const *over, const char *today, int lint)
{
	strat_load_options lo = STRAT_LOAD_OPTIONS_INIT;
	const char *base[] = {
	    "strat.yaml",       memplan_config,   "strategy.yaml",
	    memplan_strategy,   "team.yaml",      memplan_team,
	    "calendar/q3.yaml", memplan_calendar, NULL};
	size_t i, j;

	memset(m, 0, sizeof(*m));
	for (i = 0; base[i]; i += 2) {
		m->files[m->n].path = base[i];
		m->files[m->n].data = base[i + 1];
		m->files[m->n++].len = strlen(base[i + 1]);
	}
	for (i = 0; over && over[i]; i += 2) {
		for (j = 0; j < m->n; j++)
			if (strcmp(m->files[j].path, over[i]) == 0)
				break;
		if (j == m->n) {
			assert_true(m->n < MEMPLAN_MAX);
			m->n++;
		}
		m->files[j].path = over[i];
		m->files[j].data = over[i + 1];
		m->files[j].len = over[i + 1] ? strlen(over[i + 1]) : 0;
	}
	for (i = j = 0; i < m->n; i++)
		if (m->files[i].data)
			m->files[j++] = m->files[i];
	m->n = j;
	if (today)
		assert_int_equal(strat_date_parse(today, &lo.today), 0);
	assert_int_equal(strat_source_mem(&m->src, m->files, m->n), 0);
	assert_int_equal(strat_diags_new(&m->diags), 0);
	assert_int_equal(strat_plan_load(&m->plan, &m->src, &lo, m->diags), 0);
	if (lint)
		assert_int_equal(strat_lint(m->plan, &lo, m->diags), 0);
	strat_diags_sort(m->diags);
}

static inline void
memplan_free(memplan *m)
{
	strat_plan_free(m->plan);
	strat_diags_free(m->diags);
	strat_source_mem_free(&m->src);
}

/* The findings, one line each: "rule file:line:col message". */
static inline char *
memplan_diags(const strat_diags *d)
{
	size_t i, len = 0, cap = 4096;
	char *s = malloc(cap);

	assert_non_null(s);
	s[0] = '\0';
	for (i = 0; i < strat_diags_count(d); i++) {
		const strat_diag *g = strat_diags_get(d, i);
		int n;

		for (;;) {
			n = snprintf(s + len, cap - len, "%s %s:%u:%u %s\n",
				     strat_rule_id(g->rule), g->file,
				     (unsigned)g->line, (unsigned)g->column,
				     g->message);
			assert_true(n > 0);
			if ((size_t)n < cap - len)
				break;
			cap *= 2;
			assert_non_null(s = realloc(s, cap));
		}
		len += (size_t)n;
	}
	return s;
}

/* Assert that the findings of m are exactly `want`. */
#define memplan_assert_diags(m, want)                                          \
	do {                                                                   \
		char *got_ = memplan_diags((m)->diags);                        \
		assert_string_equal(got_, (want));                             \
		free(got_);                                                    \
	} while (0)

/* BASE: the memplan calendar and one more item, planned. */
static const char memplan_base_cal[] = MEMPLAN_CAL_HEAD MEMPLAN_ITEM_SEO_GUIDE
    MEMPLAN_ITEM_WEBINAR MEMPLAN_ITEM_NURTURE "  - id: podcast\n"
					      "    title: Podcast\n"
					      "    anchor: q3-organic\n"
					      "    owner: alex\n"
					      "    channel: blog\n"
					      "    date: 2026-09-01\n"
					      "    status: planned\n";

/* HEAD: webinar slipped a week and handed to alex, a new item, nurture
 * moved to another file and shipped two days early, podcast gone. */
static const char memplan_head_cal[] =
    MEMPLAN_CAL_HEAD MEMPLAN_ITEM_SEO_GUIDE "  - id: webinar\n"
					    "    title: Webinar\n"
					    "    anchor: q3-events\n"
					    "    owner: alex\n"
					    "    channel: webinar\n"
					    "    date: 2026-08-27\n"
					    "    status: in-progress\n"
					    "  - id: launch\n"
					    "    title: Launch mail\n"
					    "    anchor: q3-email\n"
					    "    owner: dana\n"
					    "    channel: email\n"
					    "    date: 2026-09-10\n"
					    "    status: planned\n";
static const char memplan_head_cal2[] =
    MEMPLAN_CAL_HEAD "  - id: nurture\n"
		     "    title: Nurture sequence\n"
		     "    anchor: q3-organic\n"
		     "    owner: dana\n"
		     "    channel: email\n"
		     "    date: 2026-09-30\n"
		     "    status: shipped\n"
		     "    shipped: 2026-09-28\n";
/* The strategy with an anchor retitled, one re-owned and moved to Q4,
 * and the KPI's target raised. */
static const char memplan_head_strategy[] =
    "kind: strategy\n"
    "version: 1\n"
    "title: Acme 2026\n"
    "owner: dana\n"
    "thesis: Win mid-market through search.\n"
    "outcomes:\n"
    "  - id: pipeline\n"
    "    title: Grow pipeline\n"
    "    owner: dana\n"
    "    kpi: mqls\n"
    "kpis:\n"
    "  - id: mqls\n"
    "    title: Marketing-qualified leads\n"
    "    owner: dana\n"
    "    target: \"450\"\n"
    "anchors:\n"
    "  - id: q3-organic\n"
    "    title: Organic search\n"
    "    quarter: 2026-Q3\n"
    "    owner: alex\n"
    "    outcomes: [pipeline]\n"
    "    done: 30% of MQLs from organic\n"
    "  - id: q3-events\n"
    "    title: Events and fairs\n"
    "    quarter: 2026-Q3\n"
    "    owner: sam\n"
    "    outcomes: [pipeline]\n"
    "    done: 3 events\n"
    "  - id: q3-email\n"
    "    title: Email nurture\n"
    "    quarter: 2026-Q4\n"
    "    owner: sam\n"
    "    outcomes: [pipeline]\n"
    "    done: nurture live\n";
static const char memplan_head_team[] =
    MEMPLAN_TEAM "  - {id: kim, name: Kim}\n";

/* The two plans of a change (BASE and HEAD above), loaded and not
 * linted. */
static inline void
memplan_load_change(memplan *b, memplan *h)
{
	const char *bo[] = {"calendar/q3.yaml", memplan_base_cal, NULL};
	const char *ho[] = {
	    "calendar/q3.yaml", memplan_head_cal,  "calendar/q3b.yaml",
	    memplan_head_cal2,  "strategy.yaml",   memplan_head_strategy,
	    "team.yaml",        memplan_head_team, NULL};

	memplan_load(b, bo, "2026-09-15", 0);
	memplan_load(h, ho, "2026-09-15", 0);
}

#endif
