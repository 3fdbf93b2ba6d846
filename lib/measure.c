/*
 * measure.c - periods, and what became of the items committed to each:
 * shipped, slipped, dropped, missed (or, while the period is not over,
 * open); and the unplanned work shipped
 * (spec/SPEC.md, section 14).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strset.h"
#include "strat/history.h"

#define DAY 86400

static const char *const cat_names[] = {"shipped", "slipped", "dropped",
					"missed",  "open",    "unplanned"};

const char *
strat_category_name(strat_category c)
{
	return c < STRAT_CAT__COUNT ? cat_names[c] : "?";
}

static int
oom(void)
{
	return strat_error_set(STRAT_ENOMEM, "out of memory");
}

static strat_day
floor_div_day(int64_t t)
{
	return (strat_day)(t >= 0 ? t / DAY : -((-t + DAY - 1) / DAY));
}

void
strat_period_of(strat_period_kind k, int week_starts, strat_day day,
		char label[16], strat_day *first, strat_day *last)
{
	int y, m, d, q;

	strat_date_to_ymd(day, &y, &m, &d);
	switch (k) {
	case STRAT_PERIOD_MONTH:
		*first = strat_date_from_ymd(y, m, 1);
		*last = (m == 12 ? strat_date_from_ymd(y + 1, 1, 1)
				 : strat_date_from_ymd(y, m + 1, 1)) -
			1;
		snprintf(label, 16, "%04u-%02u", (unsigned)y % 10000,
			 (unsigned)m % 100);
		break;
	case STRAT_PERIOD_WEEK: {
		/* 1970-01-01 was a Thursday; dow 0 = Monday */
		int dow = (int)(((int64_t)day % 7 + 7 + 3) % 7);
		strat_day monday, thursday;
		int ty, tm, td;

		*first = week_starts ? day - dow : day - (dow + 1) % 7;
		*last = *first + 6;
		monday = week_starts ? *first : *first + 1;
		thursday = monday + 3;
		strat_date_to_ymd(thursday, &ty, &tm, &td);
		snprintf(
		    label, 16, "%04d-W%02u", (unsigned)ty % 10000,
		    (unsigned)((thursday - strat_date_from_ymd(ty, 1, 1)) / 7 +
			       1) %
			100);
		break;
	}
	default:
		q = (m - 1) / 3 + 1;
		*first = strat_quarter_start(y, q);
		*last = strat_quarter_end(y, q);
		snprintf(label, 16, "%04u-Q%u", (unsigned)y % 10000,
			 (unsigned)q % 10);
	}
}

static int
in(strat_day d, strat_day a, strat_day b)
{
	return d != STRAT_NO_DATE && d >= a && d <= b;
}

uint32_t
strat_history_decided_at(const strat_history *h, const strat_htrack *t,
			 const strat_hversion *v1, int64_t from, int64_t *when)
{
	size_t i = (size_t)(v1 - t->versions);
	strat_status st = v1->v ? v1->v->status : STRAT_STATUS_DROPPED;

	while (i > 0) {
		const strat_hversion *p = &t->versions[i - 1];
		strat_status ps = p->v ? p->v->status : STRAT_STATUS_DROPPED;

		if (h->commits[t->versions[i].commit].time < from)
			break;
		if (ps != st && !(st == STRAT_STATUS_DROPPED &&
				  (p->v == NULL || ps == STRAT_STATUS_DROPPED)))
			break;
		i--;
	}
	*when = h->commits[t->versions[i].commit].time;
	return t->versions[i].commit;
}

uint32_t
strat_history_slipped_at(const strat_history *h, const strat_htrack *t,
			 const strat_hversion *v1, strat_day last,
			 int64_t *when)
{
	size_t i = (size_t)(v1 - t->versions);

	while (i > 0) {
		const strat_hitem *p = t->versions[i - 1].v;

		if (p == NULL || p->date == STRAT_NO_DATE || p->date <= last)
			break;
		i--;
	}
	*when = h->commits[t->versions[i].commit].time;
	return t->versions[i].commit;
}

static int
cmp_pitem(const void *a, const void *b)
{
	const strat_pitem *x = a, *y = b;
	const strat_hitem *vx = x->v0 ? x->v0 : x->v1;
	const strat_hitem *vy = y->v0 ? y->v0 : y->v1;
	int ux = x->cat == STRAT_CAT_UNPLANNED,
	    uy = y->cat == STRAT_CAT_UNPLANNED;

	if (ux != uy)
		return ux - uy;
	if (vx->date != vy->date)
		return vx->date < vy->date ? -1 : 1;
	return strcmp(vx->id, vy->id);
}

/* Within the grace window after the period's end: the version that
 * shipped the item with a shipped: date inside the period, or NULL. */
static const strat_hversion *
graced(const strat_history *h, const strat_htrack *t, const strat_period *p,
       int64_t E, unsigned grace_days)
{
	const strat_hversion *g;

	if (grace_days == 0 || p->partial)
		return NULL;
	g = strat_history_at(h, t, E + (int64_t)grace_days * DAY);
	if (g == NULL || g->v == NULL || g->v->status != STRAT_STATUS_SHIPPED ||
	    !in(g->v->shipped, p->first, p->last))
		return NULL;
	return g;
}

/*
 * What became of each item in period p.  The items are gathered in
 * scratch (room for every track, shared by all periods: a period takes
 * a few of them) and p->items gets a copy of just those.
 */
static int
measure_period(const strat_history *h, strat_period *p, strat_day today,
	       unsigned grace_days, strat_pitem *scratch)
{
	int64_t S = (int64_t)p->first * DAY, E = ((int64_t)p->last + 1) * DAY;
	size_t i, n = 0;
	strat_pitem *items = scratch;

	for (i = 0; i < h->ntracks; i++) {
		const strat_htrack *t = &h->tracks[i];
		const strat_hversion *a, *b, *g = NULL;
		const strat_hitem *v0 = NULL, *v1;
		strat_pitem it;

		if (p->baseline)
			a = t->nversions &&
				    t->versions[0].commit == h->first_plan
				? &t->versions[0]
				: NULL;
		else
			a = strat_history_at(h, t, S);
		b = strat_history_at(h, t, E);
		v0 = a ? a->v : NULL;
		v1 = b ? b->v : NULL;
		memset(&it, 0, sizeof(it));
		it.track = i;
		it.v0 = v0;
		it.v1 = v1;
		if (v0 && in(v0->date, p->first, p->last) &&
		    v0->status != STRAT_STATUS_DROPPED) {
			p->committed++;
			if (v1 == NULL || v1->status == STRAT_STATUS_DROPPED)
				it.cat = STRAT_CAT_DROPPED;
			else if (v1->status == STRAT_STATUS_SHIPPED)
				it.cat = STRAT_CAT_SHIPPED;
			else if (v1->date != STRAT_NO_DATE &&
				 v1->date > p->last)
				it.cat = STRAT_CAT_SLIPPED;
			else if ((g = graced(h, t, p, E, grace_days)) != NULL)
				it.cat = STRAT_CAT_SHIPPED;
			else if (p->partial && in(v1->date, p->first, p->last))
				it.cat = STRAT_CAT_OPEN; /* not missed yet */
			else
				it.cat = STRAT_CAT_MISSED;
		} else if (v1 && v1->status == STRAT_STATUS_SHIPPED &&
			   in(v1->date, p->first, p->last)) {
			it.cat = STRAT_CAT_UNPLANNED;
		} else if ((v1 == NULL || (v1->status != STRAT_STATUS_SHIPPED &&
					   (v1->date == STRAT_NO_DATE ||
					    v1->date <= p->last))) &&
			   (g = graced(h, t, p, E, grace_days)) != NULL &&
			   in(g->v->date, p->first, p->last)) {
			it.cat = STRAT_CAT_UNPLANNED;
		} else {
			continue;
		}
		if (g != NULL) {
			/* shipped in the grace window: the version then */
			it.v1 = g->v;
			it.graced = 1;
			p->graced += it.cat == STRAT_CAT_SHIPPED;
			it.commit =
			    strat_history_decided_at(h, t, g, 0, &it.decided);
		} else if (b && it.cat == STRAT_CAT_SLIPPED) {
			it.commit = strat_history_slipped_at(h, t, b, p->last,
							     &it.decided);
		} else if (b && it.cat != STRAT_CAT_MISSED &&
			   it.cat != STRAT_CAT_OPEN) {
			it.commit =
			    strat_history_decided_at(h, t, b, 0, &it.decided);
		}
		if (it.cat == STRAT_CAT_OPEN && v1->date < today) {
			it.overdue = 1;
			p->overdue++;
		}
		p->n[it.cat]++;
		items[n++] = it;
	}
	/* never NULL, as before: one slot at least */
	if ((p->items = malloc((n ? n : 1) * sizeof(*items))) == NULL)
		return oom();
	if (n > 0) {
		qsort(items, n, sizeof(*items), cmp_pitem);
		memcpy(p->items, items, n * sizeof(*items));
	}
	p->nitems = n;
	return 0;
}

static int
cmp_slip(const void *a, const void *b)
{
	const strat_slip *x = a, *y = b;

	if (x->days != y->days)
		return x->days > y->days ? -1 : 1;
	if (x->slips != y->slips)
		return x->slips > y->slips ? -1 : 1;
	return strcmp(x->id, y->id);
}

static int
find_slips(strat_measures *m, const strat_history *h, int64_t from, int64_t to)
{
	size_t i, j, n = 0;
	strat_slip *s = malloc((h->ntracks + 1) * sizeof(*s));

	if (s == NULL)
		return oom();
	for (i = 0; i < h->ntracks; i++) {
		const strat_htrack *t = &h->tracks[i];
		strat_slip x = {i, t->id, 0, 0, STRAT_NO_DATE, STRAT_NO_DATE,
				0};
		const strat_hitem *prev = NULL;

		for (j = 0; j < t->nversions; j++) {
			const strat_hitem *v = t->versions[j].v;
			int64_t when = h->commits[t->versions[j].commit].time;

			if (v == NULL)
				continue;
			if (prev && prev->date != STRAT_NO_DATE &&
			    v->date != STRAT_NO_DATE && v->date > prev->date &&
			    when >= from && when < to) {
				if (x.slips == 0)
					x.from = prev->date;
				x.slips++;
				x.days += v->date - prev->date;
				x.to = v->date;
				x.commit = t->versions[j].commit;
			}
			prev = v;
		}
		if (x.slips)
			s[n++] = x;
	}
	qsort(s, n, sizeof(*s), cmp_slip);
	m->slips = s;
	m->nslips = n;
	return 0;
}

/* ---- flow ---- */

/* What flow measures of each item, over the whole history read. */
static int
item_flow(strat_measures *m, const strat_history *h)
{
	size_t i, j;

	m->iflow = calloc(h->ntracks + 1, sizeof(*m->iflow));
	if (m->iflow == NULL)
		return oom();
	for (i = 0; i < h->ntracks; i++) {
		const strat_htrack *t = &h->tracks[i];
		strat_iflow *f = &m->iflow[i];
		const strat_hitem *prev = NULL;
		int64_t planned = 0;

		f->ship_day = STRAT_NO_DATE;
		for (j = 0; j < t->nversions && !f->shipped; j++) {
			const strat_hitem *v = t->versions[j].v;
			int64_t when = h->commits[t->versions[j].commit].time;

			if (v == NULL)
				continue;
			if (f->planned && prev && prev->date != STRAT_NO_DATE &&
			    v->date != STRAT_NO_DATE && v->date > prev->date) {
				f->slips++;
				f->days += v->date - prev->date;
			}
			if (v->status == STRAT_STATUS_SHIPPED) {
				f->shipped = 1;
				f->ship_day = v->shipped != STRAT_NO_DATE
						  ? v->shipped
						  : floor_div_day(when);
			} else if (!f->planned &&
				   v->status != STRAT_STATUS_DROPPED) {
				f->planned = 1;
				planned = when;
			}
			prev = v;
		}
		if (f->planned && f->shipped) {
			f->lead = f->ship_day - floor_div_day(planned);
			if (f->lead < 0)
				f->lead = 0;
		}
	}
	return 0;
}

static int
cmp_i32(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return (x > y) - (x < y);
}

/* Median (mean of the middle two) and 80th percentile (nearest rank) of
 * n values, sorting them. */
static void
stats(int32_t *x, size_t n, double *median, int32_t *p80)
{
	if (n == 0) {
		*median = 0;
		*p80 = 0;
		return;
	}
	qsort(x, n, sizeof(*x), cmp_i32);
	*median = ((double)x[(n - 1) / 2] + (double)x[n / 2]) / 2;
	*p80 = x[(n * 4 + 4) / 5 - 1]; /* rank ceil(0.8 n) */
}

/* Flow of the shipped items among tracks[0..n) (indexes into m->iflow). */
static void
flow_of(const strat_measures *m, const size_t *tracks, size_t n,
	strat_flow *out)
{
	int32_t *v = malloc((3 * n + 1) * sizeof(*v));
	size_t i, k = 0;

	memset(out, 0, sizeof(*out));
	out->shipped = n;
	if (v == NULL)
		return; /* counts only; the figures stay 0 */
	for (i = 0; i < n; i++) {
		const strat_iflow *f = &m->iflow[tracks[i]];

		if (!f->planned || !f->shipped)
			continue;
		v[k] = f->lead;
		v[n + k] = f->slips;
		v[2 * n + k] = f->days;
		k++;
	}
	out->n = k;
	stats(v, k, &out->lead_median, &out->lead_p80);
	stats(v + n, k, &out->slips_median, &out->slips_p80);
	stats(v + 2 * n, k, &out->days_median, &out->days_p80);
	free(v);
}

static void
period_flow(const strat_measures *m, strat_period *p)
{
	size_t *tr = malloc((p->nitems + 1) * sizeof(*tr)), i, n = 0;
	strat_day end = p->last < m->today ? p->last : m->today;

	if (tr == NULL)
		return;
	for (i = 0; i < p->nitems; i++)
		if (p->items[i].cat == STRAT_CAT_SHIPPED ||
		    p->items[i].cat == STRAT_CAT_UNPLANNED)
			tr[n++] = p->items[i].track;
	flow_of(m, tr, n, &p->flow);
	if (end >= p->first)
		p->flow.per_week = (double)n * 7 / (double)(end - p->first + 1);
	free(tr);
}

/* ---- staleness ---- */

static int
cmp_stale(const void *a, const void *b)
{
	const strat_stale *x = a, *y = b;

	if (x->since != y->since)
		return x->since < y->since ? -1 : 1;
	return strcmp(x->v->id, y->v->id);
}

static int
find_stale(strat_measures *m, const strat_history *h)
{
	strat_day qf, ql;
	char label[16];
	size_t i;
	int live = 0;

	m->stale = malloc((h->ntracks + 1) * sizeof(*m->stale));
	if (m->stale == NULL)
		return oom();
	m->plan_updated = h->ncommits
			      ? floor_div_day(h->commits[h->ncommits - 1].time)
			      : STRAT_NO_DATE;
	strat_period_of(STRAT_PERIOD_QUARTER, 1, m->today, label, &qf, &ql);
	for (i = 0; i < h->ntracks; i++) {
		const strat_htrack *t = &h->tracks[i];
		const strat_hversion *last = &t->versions[t->nversions - 1];
		strat_day since;

		if (last->v == NULL)
			continue;
		if (in(last->v->date, qf, ql) &&
		    last->v->status != STRAT_STATUS_SHIPPED &&
		    last->v->status != STRAT_STATUS_DROPPED)
			live = 1;
		since = floor_div_day(h->commits[last->commit].time);
		if (last->v->status != STRAT_STATUS_IN_PROGRESS ||
		    m->today - since < (strat_day)m->stale_days)
			continue;
		m->stale[m->nstale].track = i;
		m->stale[m->nstale].v = last->v;
		m->stale[m->nstale].since = since;
		m->stale[m->nstale].days = m->today - since;
		m->nstale++;
	}
	qsort(m->stale, m->nstale, sizeof(*m->stale), cmp_stale);
	m->plan_stale = live && m->plan_updated != STRAT_NO_DATE &&
			m->today - m->plan_updated >= (strat_day)m->stale_days;
	return 0;
}

int
strat_measure(strat_measures **out, const strat_history *h,
	      const strat_measure_options *opts)
{
	strat_measure_options defaults = STRAT_MEASURE_OPTIONS_INIT;
	strat_measures *m;
	strat_day today, from, to, d, f, l;
	char label[16];
	size_t cap = 0;
	strat_pitem *scratch;
	int64_t first_time;
	int rc;
	const strat_day day_max = strat_date_from_ymd(9999, 12, 31);

	*out = NULL;
	if (opts == NULL)
		opts = &defaults;
	today = opts->today != STRAT_NO_DATE ? opts->today : strat_date_today();
	if ((m = calloc(1, sizeof(*m))) == NULL)
		return oom();
	m->kind = opts->kind;
	m->today = today;
	m->grace_days =
	    opts->grace_days >= 0 ? (unsigned)opts->grace_days : h->grace_days;
	m->stale_days =
	    opts->stale_days >= 0 ? (unsigned)opts->stale_days : h->stale_days;
	if ((rc = item_flow(m, h)) < 0 || (rc = find_stale(m, h)) < 0) {
		strat_measures_free(m);
		return rc;
	}
	first_time =
	    h->ncommits ? h->commits[h->first_plan].time : h->newest.time;
	from = floor_div_day(first_time);
	if (opts->since != STRAT_NO_DATE && opts->since > from)
		from = opts->since;
	to = opts->until != STRAT_NO_DATE ? opts->until : today;
	if (to < from) {
		*out = m;
		return find_slips(m, h, 0, 0);
	}
	if ((scratch = malloc((h->ntracks + 1) * sizeof(*scratch))) == NULL) {
		strat_measures_free(m);
		return oom();
	}
	for (d = from; d <= to; d = l + 1) {
		strat_period *p;

		strat_period_of(m->kind, h->week_starts, d, label, &f, &l);
		/* the last week of 9999 ends in 10000: stop at the last day
		 * a date can name (SPEC section 8) */
		if (l > day_max)
			l = day_max;
		if (m->nperiods == cap) {
			cap = cap ? cap * 2 : 16;
			p = realloc(m->periods, cap * sizeof(*p));
			if (p == NULL) {
				free(scratch);
				strat_measures_free(m);
				return oom();
			}
			m->periods = p;
		}
		p = &m->periods[m->nperiods++];
		memset(p, 0, sizeof(*p));
		memcpy(p->label, label, 16);
		p->first = f;
		p->last = l;
		p->partial = today <= l;
		p->baseline = h->ncommits > 0 &&
			      first_time >= (int64_t)f * DAY &&
			      first_time < ((int64_t)l + 1) * DAY;
		if ((rc = measure_period(h, p, today, m->grace_days, scratch)) <
		    0) {
			free(scratch);
			strat_measures_free(m);
			return rc;
		}
	}
	free(scratch);
	for (d = 0; d < (strat_day)m->nperiods; d++)
		period_flow(m, &m->periods[d]);
	if ((rc = find_slips(m, h, (int64_t)m->periods[0].first * DAY,
			     ((int64_t)m->periods[m->nperiods - 1].last + 1) *
				 DAY)) < 0) {
		strat_measures_free(m);
		return rc;
	}
	*out = m;
	return 0;
}

void
strat_measures_free(strat_measures *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->nperiods; i++)
		free(m->periods[i].items);
	free(m->periods);
	free(m->slips);
	free(m->iflow);
	free(m->stale);
	free(m);
}

static const char *
key_of(const strat_hitem *v, strat_by by)
{
	switch (by) {
	case STRAT_BY_OWNER:
		return v->owner;
	case STRAT_BY_CHANNEL:
		return v->channel;
	default:
		return v->anchor;
	}
}

static int
cmp_group(const void *a, const void *b)
{
	return strcmp(((const strat_group *)a)->key,
		      ((const strat_group *)b)->key);
}

static int
group_range(strat_group **out, size_t *nout, const strat_measures *m,
	    size_t from, size_t to, strat_by by)
{
	strset idx;
	strat_group *g = NULL, *ng;
	size_t n = 0, cap = 0, i, j;
	int rc = 0;

	*out = NULL;
	*nout = 0;
	strset_init(&idx);
	for (i = from; i < to; i++)
		for (j = 0; j < m->periods[i].nitems; j++) {
			const strat_pitem *it = &m->periods[i].items[j];
			const char *k = key_of(it->v0 ? it->v0 : it->v1, by);
			void *v = strset_get(&idx, k);
			size_t gi;

			if (v == NULL) {
				if (n == cap) {
					cap = cap ? cap * 2 : 16;
					ng = realloc(g, cap * sizeof(*g));
					if (ng == NULL) {
						rc = oom();
						goto out;
					}
					g = ng;
				}
				memset(&g[n], 0, sizeof(g[n]));
				g[n].key = k;
				if (strset_put(&idx, k,
					       (void *)(uintptr_t)(n + 1),
					       NULL) < 0) {
					rc = oom();
					goto out;
				}
				gi = n++;
			} else {
				gi = (size_t)(uintptr_t)v - 1;
			}
			if (it->cat != STRAT_CAT_UNPLANNED)
				g[gi].committed++;
			g[gi].n[it->cat]++;
		}
	if (n)
		qsort(g, n, sizeof(*g), cmp_group);
	*out = g;
	*nout = n;
	g = NULL;
out:
	free(g);
	strset_free(&idx);
	return rc;
}

int
strat_measure_group(strat_group **out, size_t *nout, const strat_measures *m,
		    strat_by by)
{
	return group_range(out, nout, m, 0, m->nperiods, by);
}

int
strat_measure_group_period(strat_group **out, size_t *nout,
			   const strat_measures *m, size_t i, strat_by by)
{
	*out = NULL;
	*nout = 0;
	if (i >= m->nperiods)
		return 0;
	return group_range(out, nout, m, i, i + 1, by);
}

static int
cmp_flow_group(const void *a, const void *b)
{
	return strcmp(((const strat_flow_group *)a)->key,
		      ((const strat_flow_group *)b)->key);
}

int
strat_measure_flow_group(strat_flow_group **out, size_t *nout,
			 const strat_measures *m, size_t from, size_t to,
			 strat_by by)
{
	strset idx, seen;
	strat_flow_group *g = NULL;
	const char **keys = NULL;
	size_t *tr = NULL, n = 0, nt = 0, cap = 0, i, j, k;
	int rc = 0;

	*out = NULL;
	*nout = 0;
	strset_init(&idx);
	strset_init(&seen);
	for (i = from; i < to && i < m->nperiods; i++)
		cap += m->periods[i].nitems;
	tr = malloc((cap + 1) * sizeof(*tr));
	keys = malloc((cap + 1) * sizeof(*keys));
	g = calloc(cap + 1, sizeof(*g));
	if (tr == NULL || keys == NULL || g == NULL) {
		rc = oom();
		goto out;
	}
	/* each shipped item once, keyed by its version at shipping */
	for (i = from; i < to && i < m->nperiods; i++)
		for (j = 0; j < m->periods[i].nitems; j++) {
			const strat_pitem *it = &m->periods[i].items[j];
			const strat_hitem *v = it->v1 ? it->v1 : it->v0;
			int fresh;

			if (it->cat != STRAT_CAT_SHIPPED &&
			    it->cat != STRAT_CAT_UNPLANNED)
				continue;
			if ((fresh = strset_put(&seen, v->id, (void *)1,
						NULL)) < 0) {
				rc = oom();
				goto out;
			}
			if (fresh == 0)
				continue;
			tr[nt] = it->track;
			keys[nt++] = key_of(v, by);
			if (strset_get(&idx, key_of(v, by)) == NULL) {
				g[n].key = key_of(v, by);
				if (strset_put(&idx, g[n].key,
					       (void *)(uintptr_t)(n + 1),
					       NULL) < 0) {
					rc = oom();
					goto out;
				}
				n++;
			}
		}
	for (k = 0; k < n; k++) {
		size_t *sel = malloc((nt + 1) * sizeof(*sel)), ns = 0;

		if (sel == NULL) {
			rc = oom();
			goto out;
		}
		for (j = 0; j < nt; j++)
			if (strcmp(keys[j], g[k].key) == 0)
				sel[ns++] = tr[j];
		flow_of(m, sel, ns, &g[k].flow);
		free(sel);
	}
	if (n)
		qsort(g, n, sizeof(*g), cmp_flow_group);
	*out = g;
	*nout = n;
	g = NULL;
out:
	free(g);
	free(tr);
	free(keys);
	strset_free(&idx);
	strset_free(&seen);
	return rc;
}
