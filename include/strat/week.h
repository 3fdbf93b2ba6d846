/*
 * strat/week.h - the weekly check-in as data, and its Markdown rendering.
 *
 * strat_week_build() sorts the items of a loaded plan into the sections of
 * a check-in for the week containing a date:
 *
 *   shipped last week   status shipped, shipped date in the previous week
 *   overdue             dated before the check-in date, neither shipped
 *                       nor dropped
 *   due this week       dated in this week, not dropped, not overdue
 *   due next week       dated in the following week, not dropped
 *
 * and summarises them per owner and per anchor (each anchor of the
 * week's quarter with its progress: shipped of planned, counting the
 * anchor's items in the plan now that are not dropped).  Given the plan
 * of the previous check-in (the caller finds it in git history: the plan
 * as committed before the day seven days earlier, spec/SPEC.md "The
 * weekly check-in"), it also lists what changed in the plan since then,
 * using strat_plan_compare (compare.h).
 *
 * Ownership: a strat_week borrows from the plans it was built from (both
 * must outlive it) and owns its arrays and its change list; free it with
 * strat_week_free (NULL is ok).  Nothing here prints.
 */
#ifndef STRAT_WEEK_H
#define STRAT_WEEK_H

#include "compare.h"
#include "metrics.h"
#include "plan.h"
#include "render.h"

#ifdef __cplusplus
extern "C" {
#endif

struct strat_history;  /* history.h */
struct strat_measures; /* history.h */

typedef enum {
	STRAT_WEEK_SHIPPED = 0, /* shipped last week */
	STRAT_WEEK_OVERDUE,
	STRAT_WEEK_THIS, /* due this week */
	STRAT_WEEK_NEXT, /* due next week */
	STRAT_WEEK__NSECTIONS
} strat_week_section;

typedef struct {
	const strat_anchor *anchor;
	size_t shipped, planned; /* planned: items not dropped */
	size_t overdue;
} strat_week_anchor;

/* A KPI in the check-in (the Metrics section): the KPIs the anchors of
 * the week's quarter name (through their outcomes or done-when) and those
 * items of the quarter name, in strategy order. */
typedef struct {
	const strat_kpi *kpi;         /* borrowed from the plan */
	const strat_kpoint *latest;   /* last reading on or before the
				       * check-in date; NULL: none */
	const strat_kpoint *previous; /* last reading before the week's
				       * start; NULL: none */
	int has_change;               /* latest is of this week and there
				       * is a previous reading */
	double change;                /* latest - previous */
	int trend;                    /* 1 better, -1 worse, 0 level (with
				       * has_change) */
	int has_target, has_progress;
	double target, progress; /* progress: baseline 0 to target 1 */
	strat_day target_date;   /* STRAT_NO_DATE: none */
	int32_t days;            /* since latest; -1 without one */
	int stale;               /* days > kpi-stale-days or none */
} strat_week_kpi;

typedef struct {
	const char *id;   /* person id, borrowed */
	const char *name; /* from the team file, or NULL */
	size_t count[STRAT_WEEK__NSECTIONS];
} strat_week_owner;

typedef struct {
	strat_day date;             /* the check-in date */
	strat_day start, end;       /* this week, inclusive */
	int label_year, label_week; /* ISO 8601 label, e.g. 2026-W38 */
	int week_starts;            /* 1 = monday, 0 = sunday */
	const char *owner;          /* the owner filter, or NULL */
	/* Items per section, sorted by date then id. */
	const strat_item **items[STRAT_WEEK__NSECTIONS];
	size_t nitems[STRAT_WEEK__NSECTIONS];
	/* Anchors whose quarter overlaps this week, in strategy order. */
	strat_week_anchor *anchors;
	size_t nanchors;
	/* Owners of the listed items, sorted by id. */
	strat_week_owner *owners;
	size_t nowners;
	/* Changes since base (NULL when no base plan was given): only those
	 * a check-in discusses, i.e. anchors and items added, removed,
	 * re-dated, re-owned, re-anchored, dropped, moved, retitled. */
	int has_changes;
	const strat_change **changes;
	size_t nchanges;
	strat_changes *all_changes; /* owned */
	/* Where the changes were compared from (strat_week_options). */
	const char *note;     /* borrowed; NULL when none */
	char base_commit[41]; /* "" when unknown */
	strat_day base_date;
	/* Metrics: shown when the plan has metrics files (has_metrics). */
	int has_metrics;
	int stale_days; /* kpi-stale-days of the plan */
	strat_week_kpi *kpis;
	size_t nkpis;
	struct strat_kpiset *kpiset; /* owned */
	/* The commit the plan was read from, e.g. "1a2b3c4 (2026-11-25)",
	 * for a past check-in; NULL for the working tree.  Borrowed. */
	const char *source;
	/* Staleness (strat_week_options), borrowed; NULL without history. */
	const struct strat_history *history;
	const struct strat_measures *measures;
} strat_week;

typedef struct {
	unsigned version;
	strat_day date;         /* required: the check-in date */
	const char *owner;      /* only this owner's items, or NULL */
	const strat_plan *base; /* the plan of the previous check-in, or
				 * NULL when unknown (no git history) */
	/* Shown with the changes: a trusted sentence saying where they
	 * come from or why there are none (e.g. "not a git repository"),
	 * and the commit the base plan was read from, if any.  Borrowed. */
	const char *note;
	const char *base_commit; /* 40 hex digits, or NULL */
	strat_day base_date;
	const char *source; /* strat_week.source, or NULL */
	/* Staleness (spec/SPEC.md section 14, Staleness): the plan's history
	 * up to the check-in date and its measures with today the check-in
	 * date (strat_measure), or both NULL when there is no history.
	 * Borrowed: both must outlive the check-in.  Every format then shows
	 * the stale items (of the owner, with one) and a stale plan. */
	const struct strat_history *history;
	const struct strat_measures *measures;
} strat_week_options;
#define STRAT_WEEK_OPTIONS_VERSION 1
#define STRAT_WEEK_OPTIONS_INIT                                                \
	{                                                                      \
		STRAT_WEEK_OPTIONS_VERSION, STRAT_NO_DATE, NULL, NULL, NULL,   \
		    NULL, STRAT_NO_DATE, NULL, NULL, NULL                      \
	}

/* First day of the week containing day; week_starts as in strat_config. */
strat_day strat_week_start(strat_day day, int week_starts);
/* The ISO 8601 week (year and number) of the Monday of the week that
 * starts on start (spec section 8: a sunday week is labelled by its
 * Monday). */
void strat_week_label(strat_day start, int week_starts, int *year, int *week);

/* "Shipped last week", "Overdue", "Due this week", "Due next week". */
const char *strat_week_section_title(strat_week_section s);

/* One line describing a change for a check-in, e.g. "re-dated 2026-09-10
 * → 2026-09-24 (+14 days)" (UTF-8); written to buf (always NUL-terminated). */
void strat_week_describe(char *buf, size_t size, const strat_change *c);

/* Build the check-in of the week containing opts->date from plan.
 * Returns 0 with *out set, STRAT_EUSAGE without a date, STRAT_ENOMEM. */
int strat_week_build(strat_week **out, const strat_plan *plan,
		     const strat_week_options *opts);
void strat_week_free(strat_week *w);

/*
 * Render the check-in (render.h): text (a terminal, 80 columns), md
 * (GitHub-flavoured Markdown), html or json (spec/SPEC.md, section 13).
 */
int strat_week_render(char **out, const strat_week *w,
		      const strat_render_options *o);

#ifdef __cplusplus
}
#endif

#endif
