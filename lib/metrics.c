/*
 * metrics.c - KPI series from the readings of the metrics files, and the
 * last good version of a metrics file that does not parse at a revision
 * (spec/SPEC.md, section 14, "KPI movement").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan_impl.h"
#include "strat/metrics.h"

static int
oom(void)
{
	return strat_error_set(STRAT_ENOMEM, "out of memory");
}

typedef struct {
	size_t kpi; /* index into the strategy's kpis */
	strat_day date;
	double value;
	size_t order;
} kread;

typedef struct {
	kread *v;
	size_t n, cap;
} kreads;

static int
kreads_add(kreads *r, size_t kpi, strat_day date, double value)
{
	kread *v;

	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 256;

		if ((v = realloc(r->v, cap * sizeof(*v))) == NULL)
			return oom();
		r->v = v;
		r->cap = cap;
	}
	r->v[r->n].kpi = kpi;
	r->v[r->n].date = date;
	r->v[r->n].value = value;
	r->v[r->n].order = r->n;
	r->n++;
	return 0;
}

static int
cmp_kread(const void *a, const void *b)
{
	const kread *x = a, *y = b;

	if (x->kpi != y->kpi)
		return x->kpi < y->kpi ? -1 : 1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Add the usable readings of readings[0..n) that name a KPI of plan. */
static int
add_readings(kreads *r, const strat_plan *plan, const strat_reading *rd,
	     size_t n)
{
	const strat_strategy *s = strat_plan_strategy(plan);
	const strat_kpi *k;
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		if (rd[i].kpi.s == NULL || rd[i].date == STRAT_NO_DATE ||
		    !rd[i].value.valid)
			continue;
		if ((k = strat_plan_find_kpi(plan, rd[i].kpi.s)) == NULL)
			continue;
		if ((rc = kreads_add(r, (size_t)(k - s->kpis), rd[i].date,
				     rd[i].value.value)) < 0)
			return rc;
	}
	return 0;
}

static int
add_warning(strat_kpiset *k, const char *file)
{
	strat_kwarning *v;

	v = realloc(k->warnings, (k->nwarnings + 1) * sizeof(*v));
	if (v == NULL)
		return oom();
	k->warnings = v;
	v = &v[k->nwarnings++];
	memset(v, 0, sizeof(*v));
	if ((v->file = strdup(file)) == NULL)
		return oom();
	return 0;
}

/*
 * The metrics file `path` did not parse at tip: find its newest version
 * on the first-parent chain that does, and add its readings.
 */
static int
fallback(strat_kpiset *k, kreads *r, const strat_plan *plan, strat_repo *repo,
	 const strat_oid *tip, const char *root, const char *path)
{
	strat_walk *w = NULL;
	strat_commit c;
	strat_oid blob, last;
	strat_plan *scratch = NULL;
	strat_diags *diags = NULL;
	strat_kwarning *kw;
	char *full = NULL, *buf = NULL;
	size_t len, n;
	int rc, first = 1, loaded, have_last = 0;

	if ((rc = add_warning(k, path)) < 0)
		return rc;
	kw = &k->warnings[k->nwarnings - 1];
	n = strlen(path) + (root ? strlen(root) : 0) + 2;
	if ((full = malloc(n)) == NULL)
		return oom();
	if (root && root[0])
		snprintf(full, n, "%s/%s", root, path);
	else
		snprintf(full, n, "%s", path);
	if ((scratch = plan_new_scratch()) == NULL) {
		rc = oom();
		goto out;
	}
	if ((rc = strat_walk_new(&w, repo, tip, 0)) < 0)
		goto out;
	while ((rc = strat_walk_next(w, &c)) == 1) {
		rc = strat_commit_path_id(repo, &c.id, full, &blob);
		if (rc == STRAT_ENOTFOUND) {
			rc = 0;
			break; /* the file begins after this commit */
		}
		if (rc < 0)
			goto out;
		if (have_last && strat_oid_equal(&blob, &last))
			continue; /* unchanged: parsed already */
		last = blob;
		have_last = 1;
		if ((rc = strat_blob_read(repo, &blob, full, &buf, &len)) < 0) {
			if (rc != STRAT_ELIMIT)
				goto out;
			rc = 0;
			continue;
		}
		strat_diags_free(diags);
		if ((rc = strat_diags_new(&diags)) < 0)
			goto out;
		rc = plan_scratch_metrics(scratch, path, buf, len, diags,
					  &loaded);
		free(buf);
		buf = NULL;
		if (rc < 0)
			goto out;
		if (first) {
			size_t i;

			first = 0;
			for (i = 0; i < strat_diags_count(diags); i++) {
				const strat_diag *d = strat_diags_get(diags, i);

				if (d->severity != STRAT_SEV_ERROR)
					continue;
				kw->line = d->line;
				kw->column = d->column;
				kw->message = strdup(d->message);
				if (kw->message == NULL) {
					rc = oom();
					goto out;
				}
				break;
			}
		}
		if (!loaded)
			continue;
		strat_oid_fmt(&c.id, kw->commit);
		rc = add_readings(r, plan, scratch->readings,
				  scratch->nreadings);
		break;
	}
out:
	if (rc == 0 && kw->message == NULL &&
	    (kw->message = strdup("the file does not parse")) == NULL)
		rc = oom();
	strat_diags_free(diags);
	strat_walk_free(w);
	strat_plan_free(scratch);
	free(full);
	free(buf);
	return rc < 0 ? rc : 0;
}

/* Does anchor a name KPI id (an outcome's kpi, or its done-when)? */
static int
names_kpi(const strat_strategy *s, const strat_anchor *a, const char *id)
{
	size_t j, o;

	if (a->done_when.kpi.s && strcmp(a->done_when.kpi.s, id) == 0)
		return 1;
	for (j = 0; j < a->noutcomes; j++)
		for (o = 0; o < s->noutcomes; o++)
			if (s->outcomes[o].id.s && s->outcomes[o].kpi.s &&
			    a->outcomes[j].s &&
			    strcmp(s->outcomes[o].id.s, a->outcomes[j].s) ==
				0 &&
			    strcmp(s->outcomes[o].kpi.s, id) == 0)
				return 1;
	return 0;
}

static int
fill_series(strat_kseries *ks, const strat_strategy *s, const strat_kpi *kpi)
{
	size_t i, n = 0;
	strat_day end;

	ks->kpi = kpi;
	ks->target_date = kpi->target_date;
	if (kpi->baseline.valid) {
		ks->has_baseline = 1;
		ks->baseline = kpi->baseline.value;
	} else if (ks->npoints) {
		ks->has_baseline = 1;
		ks->baseline = ks->points[0].value;
	}
	if (kpi->target_num.valid) {
		ks->has_target = 1;
		ks->target = kpi->target_num.value;
	}
	for (i = 0; i < s->nanchors; i++)
		n += names_kpi(s, &s->anchors[i], kpi->id.s);
	if (n == 0)
		return 0;
	if ((ks->anchors = malloc(n * sizeof(*ks->anchors))) == NULL)
		return oom();
	for (i = 0; i < s->nanchors; i++) {
		const strat_anchor *a = &s->anchors[i];

		if (!names_kpi(s, a, kpi->id.s))
			continue;
		ks->anchors[ks->nanchors++] = a;
		if (kpi->target_date_text.s == NULL && a->year) {
			end = strat_quarter_end(a->year, a->q);
			if (ks->target_date == STRAT_NO_DATE ||
			    end > ks->target_date)
				ks->target_date = end;
		}
	}
	return 0;
}

int
strat_kpiset_build(strat_kpiset **out, const strat_plan *plan, strat_repo *repo,
		   const strat_oid *tip, const char *root)
{
	const strat_strategy *s = strat_plan_strategy(plan);
	strat_kpiset *k;
	kreads r = {0};
	size_t i, j, m;
	int rc = 0;

	*out = NULL;
	if ((k = calloc(1, sizeof(*k))) == NULL)
		return oom();
	k->nmetrics = strat_plan_metrics_count(plan);
	for (i = 0; i < k->nmetrics; i++) {
		const strat_metrics_file *f = strat_plan_metrics(plan, i);

		if (f->loaded) {
			rc = add_readings(&r, plan, plan->readings + f->first,
					  f->n);
		} else if (repo != NULL) {
			rc = fallback(k, &r, plan, repo, tip, root, f->path);
		}
		if (rc < 0)
			goto fail;
	}
	if (r.n > 1) /* r.v is NULL without readings: qsort's is nonnull */
		qsort(r.v, r.n, sizeof(*r.v), cmp_kread);
	if (s->nkpis &&
	    (k->series = calloc(s->nkpis, sizeof(*k->series))) == NULL) {
		rc = oom();
		goto fail;
	}
	for (i = 0, j = 0; i < s->nkpis; i++) {
		const strat_kpi *kpi = &s->kpis[i];
		strat_kseries *ks;

		/* readings of KPI i are r.v[j..m) */
		for (m = j; m < r.n && r.v[m].kpi == i; m++)
			;
		if (kpi->id.s == NULL ||
		    strat_plan_find_kpi(plan, kpi->id.s) != kpi) {
			j = m;
			continue; /* a duplicate KPI: its first stands */
		}
		ks = &k->series[k->n++];
		if (m > j && (ks->points = malloc(
				  (m - j) * sizeof(*ks->points))) == NULL) {
			rc = oom();
			goto fail;
		}
		for (; j < m; j++) {
			if (ks->npoints &&
			    ks->points[ks->npoints - 1].date == r.v[j].date)
				continue; /* a second reading of a day */
			ks->points[ks->npoints].date = r.v[j].date;
			ks->points[ks->npoints++].value = r.v[j].value;
		}
		if ((rc = fill_series(ks, s, kpi)) < 0)
			goto fail;
	}
	free(r.v);
	*out = k;
	return 0;
fail:
	free(r.v);
	strat_kpiset_free(k);
	return rc;
}

void
strat_kpiset_free(strat_kpiset *k)
{
	size_t i;

	if (k == NULL)
		return;
	for (i = 0; i < k->n; i++) {
		free(k->series[i].points);
		free(k->series[i].anchors);
	}
	for (i = 0; i < k->nwarnings; i++) {
		free(k->warnings[i].file);
		free(k->warnings[i].message);
	}
	free(k->warnings);
	free(k->series);
	free(k);
}

const strat_kseries *
strat_kpiset_find(const strat_kpiset *k, const char *id)
{
	size_t i;

	for (i = 0; k && id && i < k->n; i++)
		if (strcmp(k->series[i].kpi->id.s, id) == 0)
			return &k->series[i];
	return NULL;
}

const strat_kpoint *
strat_kseries_at(const strat_kseries *s, strat_day day)
{
	size_t lo = 0, hi = s->npoints, mid;

	/* the first point after day, by bisection */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s->points[mid].date <= day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? &s->points[lo - 1] : NULL;
}

int
strat_kseries_progress(const strat_kseries *s, double value, double *out)
{
	if (!s->has_baseline || !s->has_target || s->target == s->baseline)
		return -1;
	*out = (value - s->baseline) / (s->target - s->baseline);
	return 0;
}

int
strat_kseries_compare(const strat_kseries *s, double v, double w)
{
	int c = v > w ? 1 : v < w ? -1 : 0;

	return s->kpi->down ? -c : c;
}

int
strat_done_when_met(const strat_done_when *dw, double value)
{
	if (!dw->bound.valid)
		return 0;
	return dw->op == STRAT_DONE_AT_LEAST  ? value >= dw->bound.value
	       : dw->op == STRAT_DONE_AT_MOST ? value <= dw->bound.value
					      : 0;
}

double
strat_kpi_change(double to, double from)
{
	double v = to - from, x;

	if (v >= 1e6 || v <= -1e6)
		return v;
	x = v * 1e9;
	return (double)(long long)(x >= 0 ? x + 0.5 : x - 0.5) / 1e9;
}
