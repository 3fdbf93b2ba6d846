/*
 * checks_metrics.c - the PLAN-stage rules over KPI readings (the metrics
 * files): rule_<SYMBOL> of include/strat/rules.def, run by lib/lint.c as
 * lib/checks.h says.  None of them looks at items: they only report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "plan_impl.h"

#define MAX_CANDS 256

static int
report_READING_KPI_UNKNOWN(check_ctx *c, const strat_item *const *fl,
			   size_t nfl)
{
	const strat_plan *plan = c->plan;
	const strat_strategy *s = &plan->strategy;
	const char *ids[MAX_CANDS], *sug;
	const strat_reading *r;
	char hint[200];
	size_t i, n = 0;

	(void)fl;
	(void)nfl;
	if (s->file == NULL)
		return 0; /* no strategy: every reading would be reported */
	for (i = 0; i < s->nkpis && n < MAX_CANDS; i++)
		if (s->kpis[i].id.s)
			ids[n++] = s->kpis[i].id.s;
	for (i = 0; i < plan->nreadings; i++) {
		r = &plan->readings[i];
		if (r->kpi.s == NULL || strat_plan_find_kpi(plan, r->kpi.s))
			continue;
		sug = suggest(r->kpi.s, ids, n);
		if (sug)
			snprintf(hint, sizeof(hint),
				 "did you mean '%s'? a renamed kpi keeps its "
				 "readings only when they are renamed too",
				 sug);
		strat_diags_add(c->diags, STRAT_RULE_READING_KPI_UNKNOWN,
				r->file, r->kpi.line, r->kpi.column,
				sug ? hint
				    : "define it under 'kpis:' in the strategy",
				"reading of unknown kpi '%s'", r->kpi.s);
	}
	return 0;
}

const check_rule rule_READING_KPI_UNKNOWN = {NULL, NULL,
					     report_READING_KPI_UNKNOWN};

/* A reading's key for sorting: no global context for qsort. */
typedef struct {
	const char *kpi;
	strat_day date;
	size_t index;
} rkey;

/* By kpi, then date, then reading order. */
static int
cmp_rkey(const void *a, const void *b)
{
	const rkey *x = a, *y = b;
	int k = strcmp(x->kpi, y->kpi);

	if (k)
		return k;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static int
cmp_index(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The readings of plan with a kpi and a valid date, sorted by kpi, date
 * and reading order; *n of them.  NULL with *n = 0 when there are none;
 * NULL with *n = 1 on out-of-memory.
 */
static rkey *
sorted_readings(const strat_plan *plan, size_t *n)
{
	rkey *v;
	size_t i, k = 0;

	*n = 0;
	if (plan->nreadings == 0)
		return NULL;
	if ((v = malloc(plan->nreadings * sizeof(*v))) == NULL) {
		*n = 1;
		return NULL;
	}
	for (i = 0; i < plan->nreadings; i++)
		if (plan->readings[i].kpi.s &&
		    plan->readings[i].date != STRAT_NO_DATE) {
			v[k].kpi = plan->readings[i].kpi.s;
			v[k].date = plan->readings[i].date;
			v[k++].index = i;
		}
	qsort(v, k, sizeof(*v), cmp_rkey);
	*n = k;
	return v;
}

static int
report_READING_DUPLICATE(check_ctx *c, const strat_item *const *fl, size_t nfl)
{
	const strat_plan *plan = c->plan;
	const strat_reading *r, *first;
	rkey *v;
	size_t *dups, n, i, j, nd = 0;
	char hint[STRAT_MAX_PATH + 100];

	(void)fl;
	(void)nfl;
	v = sorted_readings(plan, &n);
	if (v == NULL)
		return n ? STRAT_ENOMEM : 0;
	if ((dups = malloc(2 * n * sizeof(*dups))) == NULL) {
		free(v);
		return STRAT_ENOMEM;
	}
	/* a group of equal kpi and day starts with its first reading:
	 * dups holds pairs (duplicate, first) */
	for (i = 1, j = 0; i < n; i++) {
		if (v[i].date == v[j].date && strcmp(v[i].kpi, v[j].kpi) == 0) {
			dups[nd++] = v[i].index;
			dups[nd++] = v[j].index;
		} else {
			j = i;
		}
	}
	/* in reading order, each naming the first reading of its day */
	qsort(dups, nd / 2, 2 * sizeof(*dups), cmp_index);
	for (i = 0; i < nd; i += 2) {
		r = &plan->readings[dups[i]];
		first = &plan->readings[dups[i + 1]];
		snprintf(hint, sizeof(hint),
			 "the first is at %s:%u; a reading is the value as of "
			 "its day, keep one",
			 first->file, (unsigned)first->line);
		strat_diags_add(c->diags, STRAT_RULE_READING_DUPLICATE, r->file,
				r->date_text.line, r->date_text.column, hint,
				"second reading of kpi '%s' for %s", r->kpi.s,
				r->date_text.s);
	}
	free(dups);
	free(v);
	return 0;
}

const check_rule rule_READING_DUPLICATE = {NULL, NULL,
					   report_READING_DUPLICATE};

static int
report_READING_IN_FUTURE(check_ctx *c, const strat_item *const *fl, size_t nfl)
{
	const strat_plan *plan = c->plan;
	const strat_reading *r;
	strat_day today = c->opts->today;
	char t[11];
	size_t i;

	(void)fl;
	(void)nfl;
	if (today == STRAT_NO_DATE)
		return 0;
	strat_date_format(today, t);
	for (i = 0; i < plan->nreadings; i++) {
		r = &plan->readings[i];
		if (r->date == STRAT_NO_DATE || r->date <= today)
			continue;
		strat_diags_add(c->diags, STRAT_RULE_READING_IN_FUTURE, r->file,
				r->date_text.line, r->date_text.column,
				"a reading is a value already measured; record "
				"it on or after its day",
				"reading of kpi '%s' is dated %s, after today "
				"(%s)",
				r->kpi.s ? r->kpi.s : "?", r->date_text.s, t);
	}
	return 0;
}

const check_rule rule_READING_IN_FUTURE = {NULL, NULL,
					   report_READING_IN_FUTURE};

/* Does an anchor of quarter (year, q) name kpi k, through the KPI of one
 * of its outcomes or its done-when? */
static int
quarter_names_kpi(const strat_strategy *s, int year, int q, const char *k)
{
	const strat_anchor *a;
	size_t i, j, o;

	for (i = 0; i < s->nanchors; i++) {
		a = &s->anchors[i];
		if (a->year != year || a->q != q)
			continue;
		if (a->done_when.kpi.s && strcmp(a->done_when.kpi.s, k) == 0)
			return 1;
		for (j = 0; j < a->noutcomes; j++)
			for (o = 0; o < s->noutcomes; o++)
				if (s->outcomes[o].id.s &&
				    s->outcomes[o].kpi.s &&
				    strcmp(s->outcomes[o].id.s,
					   a->outcomes[j].s) == 0 &&
				    strcmp(s->outcomes[o].kpi.s, k) == 0)
					return 1;
	}
	return 0;
}

static int
report_KPI_STALE(check_ctx *c, const strat_item *const *fl, size_t nfl)
{
	const strat_plan *plan = c->plan;
	const strat_strategy *s = &plan->strategy;
	const strat_kpi *k;
	const strat_reading *r;
	strat_day today = c->opts->today, last;
	int y, m, d, days = plan->config.stale_days;
	char t[11], hint[200];
	size_t i, j;

	(void)fl;
	(void)nfl;
	/* only a plan that records readings is asked for them */
	if (today == STRAT_NO_DATE || s->file == NULL || plan->nmetrics == 0)
		return 0;
	strat_date_to_ymd(today, &y, &m, &d);
	for (i = 0; i < s->nkpis; i++) {
		k = &s->kpis[i];
		if (k->id.s == NULL ||
		    strat_plan_find_kpi(plan, k->id.s) != k ||
		    !quarter_names_kpi(s, y, (m + 2) / 3, k->id.s))
			continue;
		last = STRAT_NO_DATE;
		for (j = 0; j < plan->nreadings; j++) {
			r = &plan->readings[j];
			if (r->kpi.s && r->value.valid &&
			    r->date != STRAT_NO_DATE && r->date <= today &&
			    (last == STRAT_NO_DATE || r->date > last) &&
			    strcmp(r->kpi.s, k->id.s) == 0)
				last = r->date;
		}
		snprintf(hint, sizeof(hint),
			 "add a reading of '%s' to a metrics file; "
			 "'kpi-stale-days' in strat.yaml sets the limit (%d "
			 "days)",
			 k->id.s, days);
		if (last == STRAT_NO_DATE) {
			strat_diags_add(c->diags, STRAT_RULE_KPI_STALE, s->file,
					k->line, k->column, hint,
					"kpi '%s' of this quarter's anchors "
					"has no reading",
					k->id.s);
		} else if (today - last > days) {
			strat_date_format(last, t);
			strat_diags_add(c->diags, STRAT_RULE_KPI_STALE, s->file,
					k->line, k->column, hint,
					"kpi '%s' has no reading for %d days "
					"(last reading %s)",
					k->id.s, (int)(today - last), t);
		}
	}
	return 0;
}

const check_rule rule_KPI_STALE = {NULL, NULL, report_KPI_STALE};
