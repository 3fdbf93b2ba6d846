/*
 * strat/history.h - what was planned when, from git history, and the
 * planned-versus-shipped measures per period (spec/SPEC.md, section 14).
 *
 * strat_history_build walks the first-parent chain of a commit, reads the
 * plan of every commit that changed it, and keeps per item the versions it
 * went through.  strat_measure turns that into periods with committed,
 * shipped, slipped, dropped, missed, open and unplanned items.  Both results own
 * all their memory: strat_history_free and strat_measures_free release
 * everything; every pointer reached from them is borrowed.  A measures
 * object borrows from the history it was computed from.
 */
#ifndef STRAT_HISTORY_H
#define STRAT_HISTORY_H

#include "git.h"
#include "render.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One version of an item (interned and immutable). */
typedef struct {
	const char *id, *title, *anchor, *owner, *channel; /* "" if absent */
	strat_day date, shipped; /* STRAT_NO_DATE when absent or invalid */
	strat_status status;
} strat_hitem;

/* A commit that changed the plan. */
typedef struct {
	strat_oid id;
	int64_t time;     /* committer time made non-decreasing (UTC) */
	int64_t raw_time; /* committer time as recorded */
	const char *author, *email, *summary;
	const char *why; /* its Why: trailer, or NULL (read by
			  * strat_history_read_reasons) */
} strat_hcommit;

/* From commit `commit` on the item is v (NULL: not in the plan) in file. */
typedef struct {
	uint32_t commit; /* index into strat_history.commits */
	const strat_hitem *v;
	const char *file;
} strat_hversion;

typedef struct {
	const char *id;
	strat_hversion *versions; /* oldest first; the first has v != NULL */
	size_t nversions;
} strat_htrack;

/* A file version that did not parse: the previous good one stood. */
typedef struct {
	uint32_t commit;
	const char *file;
	uint32_t line, column;
	const char *message;
} strat_hwarning;

typedef struct strat_history {
	strat_hcommit *commits; /* plan-changing commits, oldest first */
	size_t ncommits;
	strat_htrack *tracks; /* by id, in order of first appearance */
	size_t ntracks;
	strat_hwarning *warnings;
	size_t nwarnings;
	size_t walked;                /* commits on the chain that were read */
	size_t plan_versions;         /* commits whose plan files changed */
	int truncated;                /* the walk stopped early */
	int shallow;                  /* ... at a shallow-clone boundary */
	strat_hcommit oldest, newest; /* of the chain read */
	int has_plan;                 /* some commit had a calendar file */
	uint32_t first_plan;          /* first commit with items (baseline) */
	int week_starts;              /* of the newest configuration */
	unsigned grace_days;          /* ... its grace-days (default 0) */
	unsigned stale_days;          /* ... its stale-days (default 14) */
	/* reuse statistics */
	size_t parsed_full, parsed_chunks, reused_chunks, reused_files;
	void *priv;
} strat_history;

typedef void (*strat_progress_cb)(const char *phase, size_t done, size_t total,
				  void *payload);

typedef struct {
	unsigned version;
	size_t max_commits; /* 0 = the whole chain */
	int no_reuse;       /* parse every changed file version in full */
	strat_progress_cb progress; /* optional */
	void *payload;
	const char *root; /* the plan's directory in every commit's tree,
			   * '/'-separated ("" or NULL: the top); paths in
			   * the history are relative to it */
} strat_history_options;
#define STRAT_HISTORY_OPTIONS_VERSION 1
#define STRAT_HISTORY_OPTIONS_INIT                                             \
	{                                                                      \
		STRAT_HISTORY_OPTIONS_VERSION, 0, 0, NULL, NULL, NULL          \
	}

/*
 * Walk the first-parent chain of tip.  Returns 0 with *out set, or a
 * negative code (STRAT_ENOTFOUND with "no plan files" when no commit has
 * a calendar file).  Free *out with strat_history_free.
 */
int strat_history_build(strat_history **out, strat_repo *repo,
			const strat_oid *tip,
			const strat_history_options *opts);
void strat_history_free(strat_history *h);

/* Read the reason (the "Why:" trailer, strat_commit_why) of the commits
 * of h that changed the plan into their `why`: those with want[i] set, or
 * every one when want is NULL.  0 or a negative code. */
int strat_history_read_reasons(strat_history *h, strat_repo *repo,
			       const unsigned char *want);

/* Why the commit changed the plan: its Why: trailer where it has one,
 * else its summary (never NULL). */
const char *strat_hcommit_reason(const strat_hcommit *c);

/*
 * The commit that made a change, for showing its reason: the index (into
 * h->commits) of the commit at which track t last entered its status at
 * version v1 (a drop: status dropped or gone from the plan), not before
 * time `from`; and of the commit from which t, dated after `last` at v1,
 * has been so (the re-dating that slipped it).  *when gets its time.
 * strat report uses them per period, strat diff for BASE..HEAD.
 */
uint32_t strat_history_decided_at(const strat_history *h, const strat_htrack *t,
				  const strat_hversion *v1, int64_t from,
				  int64_t *when);
uint32_t strat_history_slipped_at(const strat_history *h, const strat_htrack *t,
				  const strat_hversion *v1, strat_day last,
				  int64_t *when);

/* The version of track t in the plan at moment `when` (seconds, UTC):
 * the newest commit with time < when; NULL when absent. */
const strat_hversion *strat_history_at(const strat_history *h,
				       const strat_htrack *t, int64_t when);

/* ---- periods and measures ---- */

typedef enum {
	STRAT_PERIOD_QUARTER,
	STRAT_PERIOD_MONTH,
	STRAT_PERIOD_WEEK
} strat_period_kind;

typedef enum {
	STRAT_CAT_SHIPPED,
	STRAT_CAT_SLIPPED,
	STRAT_CAT_DROPPED,
	STRAT_CAT_MISSED,
	STRAT_CAT_OPEN, /* a partial period's item still dated in it */
	STRAT_CAT_UNPLANNED,
	STRAT_CAT__COUNT
} strat_category;

const char *strat_category_name(strat_category c);

/* The period containing day: label ("2026-Q2", "2026-05", "2026-W19"),
 * first and last day.  week_starts: 1 monday, 0 sunday. */
void strat_period_of(strat_period_kind k, int week_starts, strat_day day,
		     char label[16], strat_day *first, strat_day *last);

typedef struct {
	size_t track; /* index into strat_history.tracks */
	strat_category cat;
	const strat_hitem *v0; /* at the period's start (NULL: unplanned) */
	const strat_hitem *v1; /* at its end (NULL: gone from the plan) */
	int64_t decided;       /* unplanned/dropped/shipped/slipped: when
				* the plan changed to it; 0 if unknown */
	uint32_t commit;       /* ... in that commit (index), if decided */
	unsigned overdue : 1;  /* open, dated before today */
	unsigned graced : 1;   /* shipped: its status committed in the
				* grace window after the period's end */
} strat_pitem;

/*
 * Flow of the work shipped in a period (shipped and unplanned items):
 * lead time in days from the first commit that planned an item (not
 * shipped, not dropped) to its shipping (the shipped: date, else the day
 * of the commit that set the status); slips and days slipped on the way.
 * Medians (mean of the two middle values for an even count) and 80th
 * percentiles (nearest rank); n = 0 leaves them 0.
 */
typedef struct {
	size_t shipped; /* shipped and unplanned items */
	size_t n;       /* ... of them planned before shipping (measured) */
	double lead_median, slips_median, days_median;
	int32_t lead_p80, slips_p80, days_p80;
	double per_week; /* shipped items per week of the period (so far) */
} strat_flow;

/* What flow measures for one item (strat_measures.iflow, per track). */
typedef struct {
	int planned;         /* 1: planned (not shipped) before it shipped */
	int shipped;         /* 1: shipped (in the history read) */
	strat_day ship_day;  /* STRAT_NO_DATE when not shipped */
	int32_t lead;        /* days, when planned and shipped */
	int32_t slips, days; /* re-datings later before shipping (or now) */
} strat_iflow;

typedef struct {
	char label[16];
	strat_day first, last;
	int partial;  /* the period is not over (today <= last) */
	int baseline; /* 1: the plan of the first commit stands in
				* for the plan at its start */
	size_t committed;
	size_t n[STRAT_CAT__COUNT];
	strat_pitem *items; /* committed items, then unplanned ones */
	size_t nitems;
	size_t overdue; /* of n[OPEN]: dated before today */
	size_t graced;  /* of n[SHIPPED]: by the grace window */
	strat_flow flow;
} strat_period;

typedef struct {
	const char *key; /* anchor, owner or channel ("" if none) */
	size_t committed;
	size_t n[STRAT_CAT__COUNT];
} strat_group;

/* An item that slipped: date changes to a later date in the range. */
typedef struct {
	size_t track;
	const char *id;
	unsigned slips;
	int32_t days;
	strat_day from, to; /* first and last planned date in the range */
	uint32_t commit;    /* the commit of the last of these slips */
} strat_slip;

/* An item in-progress whose entry has not changed for stale-days. */
typedef struct {
	size_t track;
	const strat_hitem *v; /* its current version */
	strat_day since;      /* the day of its last change */
	int32_t days;         /* today - since */
} strat_stale;

typedef struct strat_measures {
	strat_period *periods;
	size_t nperiods;
	strat_period_kind kind;
	strat_slip *slips; /* most days first */
	size_t nslips;
	strat_day today;
	unsigned grace_days, stale_days; /* as measured */
	strat_iflow *iflow;              /* per track of the history */
	strat_stale *stale;              /* oldest change first, then by id */
	size_t nstale;
	strat_day plan_updated; /* day of the newest plan commit */
	int plan_stale;         /* a quarter is in progress with committed
			     * items and the plan has had no commit for
			     * stale-days */
} strat_measures;

typedef struct {
	unsigned version;
	strat_period_kind kind;
	strat_day since, until; /* STRAT_NO_DATE: from the first plan, to
				 * today */
	strat_day today;
	int grace_days; /* -1: the history's grace-days */
	int stale_days; /* -1: the history's stale-days */
} strat_measure_options;
#define STRAT_MEASURE_OPTIONS_VERSION 1
#define STRAT_MEASURE_OPTIONS_INIT                                             \
	{                                                                      \
		STRAT_MEASURE_OPTIONS_VERSION, STRAT_PERIOD_QUARTER,           \
		    STRAT_NO_DATE, STRAT_NO_DATE, STRAT_NO_DATE, -1, -1        \
	}

int strat_measure(strat_measures **out, const strat_history *h,
		  const strat_measure_options *opts);
void strat_measures_free(strat_measures *m);

typedef enum {
	STRAT_BY_ANCHOR,
	STRAT_BY_OWNER,
	STRAT_BY_CHANNEL,
	STRAT_BY_KPI,    /* report only: KPI movement beside the items */
	STRAT_BY_OUTCOME /* serving each KPI or outcome; not a grouping of
			  * strat_measure_group */
} strat_by;

/* Totals over all periods grouped by a field (of the version at the
 * period's start for committed items, at its end for unplanned ones),
 * sorted by key.  *out is malloc'd (free()). */
int strat_measure_group(strat_group **out, size_t *n, const strat_measures *m,
			strat_by by);
/* The same for period i alone: its rows add up to the period's figures. */
int strat_measure_group_period(strat_group **out, size_t *n,
			       const strat_measures *m, size_t i, strat_by by);

/* Flow per key of the items shipped in the periods [from, to) (each item
 * once, keyed by its version when it shipped), sorted by key. */
typedef struct {
	const char *key;
	strat_flow flow;
} strat_flow_group;
int strat_measure_flow_group(strat_flow_group **out, size_t *n,
			     const strat_measures *m, size_t from, size_t to,
			     strat_by by);

/* The table --format csv writes. */
typedef enum {
	STRAT_TABLE_PERIODS = 0,
	STRAT_TABLE_FLOW,
	STRAT_TABLE_ITEMS,
	STRAT_TABLE_STALE
} strat_table;

/*
 * The report strat_report_render shows (render.h: md, html, json, csv):
 * the measures of a history, everything borrowed.
 */
typedef struct {
	unsigned version;
	const strat_history *history;
	const strat_measures *measures; /* computed from history */
	int by_set;                     /* 1: only the breakdown by `by` */
	strat_by by;
	const char *revision; /* as given, for the title */
	strat_day today;
	int all;           /* breakdowns for every period, not the last complete
		       * one and the one in progress */
	strat_table table; /* of --format csv */
	/* Optional: the plan at the revision and its KPI series (metrics.h),
	 * for the KPI movement sections; both borrowed.  Shown when the plan
	 * has metrics files. */
	const strat_plan *plan;
	const struct strat_kpiset *kpis;
} strat_report;
#define STRAT_REPORT_VERSION 1
#define STRAT_REPORT_INIT                                                      \
	{                                                                      \
		STRAT_REPORT_VERSION, NULL, NULL, 0, STRAT_BY_ANCHOR, NULL,    \
		    STRAT_NO_DATE, 0, STRAT_TABLE_PERIODS, NULL, NULL          \
	}

int strat_report_render(char **out, const strat_report *r,
			const strat_render_options *o);

#ifdef __cplusplus
}
#endif

#endif
