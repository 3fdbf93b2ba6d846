/*
 * strat/metrics.h - KPI series from the readings of a plan's metrics files
 * (spec/SPEC.md, "Metrics files" and section 14, "KPI movement").
 *
 * A strat_kpiset holds, for every KPI of the strategy in strategy order,
 * its valid readings sorted by date (of two readings of one day the first
 * in reading order stands, as for rule reading-duplicate), its baseline,
 * target and target date, and the anchors that name it.  Readings that
 * name no KPI of the strategy, or whose date or value is invalid, are not
 * used: lint reports them.  The set owns its memory and borrows from the
 * plan it was built from (KPIs, anchors, ids): free the set first.
 */
#ifndef STRAT_METRICS_H
#define STRAT_METRICS_H

#include "git.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	strat_day date;
	double value;
} strat_kpoint;

typedef struct {
	const strat_kpi *kpi; /* borrowed from the plan */
	strat_kpoint *points; /* by date, one per day */
	size_t npoints;
	int has_baseline; /* baseline: the KPI's, else its first */
	double baseline;  /* reading */
	int has_target;
	double target;
	strat_day target_date;        /* the KPI's target-date, else the last
				      * day of the latest quarter of the
				      * anchors naming it; STRAT_NO_DATE */
	const strat_anchor **anchors; /* naming the KPI, strategy order */
	size_t nanchors;
} strat_kseries;

/* A metrics file that did not parse at the revision read: the readings
 * of its last good version (in commit `commit`) stand. */
typedef struct {
	char commit[41]; /* the good version's commit; "" none */
	char *file;
	uint32_t line, column; /* of the error in the newest version */
	char *message;
} strat_kwarning;

typedef struct strat_kpiset {
	strat_kseries *series;
	size_t n;
	strat_kwarning *warnings;
	size_t nwarnings;
	size_t nmetrics; /* metrics files of the plan */
} strat_kpiset;

/*
 * Build the KPI series of plan.  When repo is not NULL, plan is the plan
 * at commit tip (read below the directory root, "" or NULL for the top),
 * and a metrics file that did not parse there is replaced by its newest
 * version on the first-parent chain of tip that parses, with a warning
 * (a blob is read only when its id changes).  Returns 0 with *out set, or
 * a negative code.  Free with strat_kpiset_free.
 */
int strat_kpiset_build(strat_kpiset **out, const strat_plan *plan,
		       strat_repo *repo, const strat_oid *tip,
		       const char *root);
void strat_kpiset_free(strat_kpiset *k);

/* The series of KPI id, or NULL. */
const strat_kseries *strat_kpiset_find(const strat_kpiset *k, const char *id);

/* The last reading of s at or before day, or NULL when there is none. */
const strat_kpoint *strat_kseries_at(const strat_kseries *s, strat_day day);

/*
 * How far value has come from the baseline to the target, as a fraction
 * (0 at the baseline, 1 at the target; below 0 when it moved away, above
 * 1 past the target).  Returns 0 with *out set, or -1 when there is no
 * baseline or target, or they are equal.
 */
int strat_kseries_progress(const strat_kseries *s, double value, double *out);

/*
 * Whether v is better (1), worse (-1) or the same (0) as w for the KPI's
 * direction.
 */
int strat_kseries_compare(const strat_kseries *s, double v, double w);

/*
 * to - from without the binary noise of its digits (2.04 - 1.62 is
 * 0.41999999999999993 in binary): rounded to 9 decimals, far below what a
 * reading is written with, when that is exact (|to - from| < 1e6).
 */
double strat_kpi_change(double to, double from);

/* Whether an anchor's done-when is met by value (1) or not (0). */
int strat_done_when_met(const strat_done_when *dw, double value);

#ifdef __cplusplus
}
#endif

#endif
