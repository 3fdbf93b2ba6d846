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
		snprintf(label, 16, "%04d-W%02u", (unsigned)ty % 10000,
			 (unsigned)((thursday - strat_date_from_ymd(ty, 1, 1)) /
					    7 +
				    1) % 100);
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

/* The commit at which the item last entered its state at `to` (by the
 * test same()), not before from. */
static uint32_t
decided_at(const strat_history *h, const strat_htrack *t,
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
				  (p->v == NULL ||
				   ps == STRAT_STATUS_DROPPED)))
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
	int ux = x->cat == STRAT_CAT_UNPLANNED, uy = y->cat == STRAT_CAT_UNPLANNED;

	if (ux != uy)
		return ux - uy;
	if (vx->date != vy->date)
		return vx->date < vy->date ? -1 : 1;
	return strcmp(vx->id, vy->id);
}

static int
measure_period(const strat_history *h, strat_period *p)
{
	int64_t S = (int64_t)p->first * DAY, E = ((int64_t)p->last + 1) * DAY;
	size_t i, n = 0;
	strat_pitem *items;

	items = malloc((h->ntracks + 1) * sizeof(*items));
	if (items == NULL)
		return oom();
	for (i = 0; i < h->ntracks; i++) {
		const strat_htrack *t = &h->tracks[i];
		const strat_hversion *a, *b;
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
			else if (p->partial && in(v1->date, p->first, p->last))
				it.cat = STRAT_CAT_OPEN; /* not missed yet */
			else
				it.cat = STRAT_CAT_MISSED;
		} else if (v1 && v1->status == STRAT_STATUS_SHIPPED &&
			   in(v1->date, p->first, p->last)) {
			it.cat = STRAT_CAT_UNPLANNED;
		} else {
			continue;
		}
		if (b && it.cat != STRAT_CAT_SLIPPED &&
		    it.cat != STRAT_CAT_MISSED && it.cat != STRAT_CAT_OPEN)
			it.commit = decided_at(h, t, b, 0, &it.decided);
		p->n[it.cat]++;
		items[n++] = it;
	}
	qsort(items, n, sizeof(*items), cmp_pitem);
	p->items = items;
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
find_slips(strat_measures *m, const strat_history *h, int64_t from,
	   int64_t to)
{
	size_t i, j, n = 0;
	strat_slip *s = malloc((h->ntracks + 1) * sizeof(*s));

	if (s == NULL)
		return oom();
	for (i = 0; i < h->ntracks; i++) {
		const strat_htrack *t = &h->tracks[i];
		strat_slip x = {i, t->id, 0, 0, STRAT_NO_DATE, STRAT_NO_DATE};
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

int
strat_measure(strat_measures **out, const strat_history *h,
	      const strat_measure_options *opts)
{
	strat_measure_options defaults = STRAT_MEASURE_OPTIONS_INIT;
	strat_measures *m;
	strat_day today, from, to, d, f, l;
	char label[16];
	size_t cap = 0;
	int64_t first_time;
	int rc;
	const strat_day day_max = strat_date_from_ymd(9999, 12, 31);

	*out = NULL;
	if (opts == NULL)
		opts = &defaults;
	today = opts->today != STRAT_NO_DATE ? opts->today
					     : strat_date_today();
	if ((m = calloc(1, sizeof(*m))) == NULL)
		return oom();
	m->kind = opts->kind;
	first_time = h->ncommits ? h->commits[h->first_plan].time
				 : h->newest.time;
	from = floor_div_day(first_time);
	if (opts->since != STRAT_NO_DATE && opts->since > from)
		from = opts->since;
	to = opts->until != STRAT_NO_DATE ? opts->until : today;
	if (to < from) {
		*out = m;
		return find_slips(m, h, 0, 0);
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
		if ((rc = measure_period(h, p)) < 0) {
			strat_measures_free(m);
			return rc;
		}
	}
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

int
strat_measure_group(strat_group **out, size_t *nout, const strat_measures *m,
		    strat_by by)
{
	strset idx;
	strat_group *g = NULL, *ng;
	size_t n = 0, cap = 0, i, j;
	int rc = 0;

	*out = NULL;
	*nout = 0;
	strset_init(&idx);
	for (i = 0; i < m->nperiods; i++)
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
				if (strset_put(&idx, k, (void *)(uintptr_t)(n + 1),
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
