/*
 * compare.c - the changes between two loaded plans (strat/compare.h), and
 * findings new since a base.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strat/compare.h"
#include "arena.h"
#include "strset.h"

static const struct {
	const char *id;
	strat_change_area area;
	const char *summary;
} kinds[] = {
#define KIND_(sym, id, area, summary) {id, STRAT_AREA_##area, summary},
    STRAT_CHANGE_KINDS(KIND_)
#undef KIND_
};

struct strat_changes {
	strat_change *v;
	size_t n, cap;
	arena mem;
	int failed;
};

const char *
strat_change_kind_id(strat_change_kind k)
{
	return (unsigned)k < STRAT_CHANGE__COUNT ? kinds[k].id : "";
}

const char *
strat_change_kind_summary(strat_change_kind k)
{
	return (unsigned)k < STRAT_CHANGE__COUNT ? kinds[k].summary : "";
}

strat_change_area
strat_change_kind_area(strat_change_kind k)
{
	return (unsigned)k < STRAT_CHANGE__COUNT ? kinds[k].area
						 : STRAT_AREA_STRATEGY;
}

int
strat_change_kind_lookup(const char *id)
{
	size_t i;

	for (i = 0; i < STRAT_CHANGE__COUNT; i++)
		if (strcmp(kinds[i].id, id) == 0)
			return (int)i;
	return -1;
}

const char *
strat_change_area_name(strat_change_area a)
{
	switch (a) {
	case STRAT_AREA_CALENDAR:
		return "calendar";
	case STRAT_AREA_TEAM:
		return "team";
	case STRAT_AREA_METRICS:
		return "metrics";
	default:
		return "strategy";
	}
}

const char *
strat_status_name(strat_status s)
{
	switch (s) {
	case STRAT_STATUS_PLANNED:
		return "planned";
	case STRAT_STATUS_IN_PROGRESS:
		return "in-progress";
	case STRAT_STATUS_SHIPPED:
		return "shipped";
	case STRAT_STATUS_DROPPED:
		return "dropped";
	default:
		return "none";
	}
}

void
strat_changes_free(strat_changes *c)
{
	if (c == NULL)
		return;
	arena_free(&c->mem);
	free(c->v);
	free(c);
}

size_t
strat_changes_count(const strat_changes *c)
{
	return c ? c->n : 0;
}

const strat_change *
strat_changes_get(const strat_changes *c, size_t i)
{
	return c && i < c->n ? &c->v[i] : NULL;
}

size_t
strat_changes_count_kind(const strat_changes *c, strat_change_kind k)
{
	size_t i, n = 0;

	for (i = 0; c && i < c->n; i++)
		n += c->v[i].kind == k;
	return n;
}

/* A new change of kind k about id; NULL (and c->failed) on ENOMEM. */
static strat_change *
add(strat_changes *c, strat_change_kind k, const char *id, const char *title,
    const char *file, uint32_t line)
{
	strat_change *ch;

	if (c->failed)
		return NULL;
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 32;
		strat_change *v = realloc(c->v, cap * sizeof(*v));

		if (v == NULL) {
			c->failed = 1;
			return NULL;
		}
		c->v = v;
		c->cap = cap;
	}
	ch = &c->v[c->n++];
	memset(ch, 0, sizeof(*ch));
	ch->kind = k;
	ch->area = kinds[k].area;
	ch->id = id;
	ch->title = title;
	ch->file = file;
	ch->line = line;
	return ch;
}

static const char *
dup(strat_changes *c, const char *s)
{
	char *d;

	if (s == NULL)
		return NULL;
	if ((d = arena_strdup(&c->mem, s)) == NULL)
		c->failed = 1;
	return d;
}

/* Equal strings, NULL equal only to NULL. */
static int
same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* A growing "field: value; field: value" description. */
typedef struct {
	char buf[2048];
	size_t n;
} desc;

static void
desc_add(desc *d, const char *field, const char *value)
{
	int w;

	if (d->n >= sizeof(d->buf) - 1)
		return;
	w = snprintf(d->buf + d->n, sizeof(d->buf) - d->n, "%s%s: %s",
		     d->n ? "; " : "", field, value ? value : "(none)");
	if (w > 0)
		d->n += (size_t)w;
	if (d->n >= sizeof(d->buf))
		d->n = sizeof(d->buf) - 1;
}

/* Compare one field; record it in both descriptions when it differs. */
static int
field(desc *b, desc *h, const char *name, const strat_str *x,
      const strat_str *y)
{
	if (same(x->s, y->s))
		return 0;
	desc_add(b, name, x->s);
	desc_add(h, name, y->s);
	return 1;
}

static void
set_values(strat_changes *c, strat_change *ch, const char *before,
	   const char *after)
{
	if (ch == NULL)
		return;
	ch->before = dup(c, before);
	ch->after = dup(c, after);
}

static const char *
owner_of(const strat_str *s)
{
	return s->s;
}

/* ---------------------------------------------------------------- */
/* Strategy */

static const strat_strategy empty_strategy;
static const strat_team empty_team;

static void
quarter_text(const strat_anchor *a, char *buf, size_t n)
{
	snprintf(buf, n, "%s", a->quarter.s ? a->quarter.s : "(none)");
}

static void
join_outcomes(const strat_anchor *a, desc *d)
{
	size_t i;
	int w;

	d->n = 0;
	d->buf[0] = '\0';
	for (i = 0; i < a->noutcomes; i++) {
		if (d->n >= sizeof(d->buf) - 1)
			break;
		w = snprintf(d->buf + d->n, sizeof(d->buf) - d->n, "%s%s",
			     i ? ", " : "",
			     a->outcomes[i].s ? a->outcomes[i].s : "?");
		if (w > 0)
			d->n += (size_t)w;
		if (d->n >= sizeof(d->buf))
			d->n = sizeof(d->buf) - 1;
	}
}

static void
compare_anchor(strat_changes *c, const char *file, const strat_anchor *x,
	       const strat_anchor *y)
{
	const char *id = y->id.s, *title = y->title.s;
	strat_change *ch;
	char qb[64], qh[64];
	desc ob, oh;

	if (!same(x->title.s, y->title.s) &&
	    (ch = add(c, STRAT_CHANGE_ANCHOR_RETITLED, id, title, file,
		      y->line)) != NULL)
		set_values(c, ch, x->title.s, y->title.s);
	if (!same(x->owner.s, y->owner.s) &&
	    (ch = add(c, STRAT_CHANGE_ANCHOR_REOWNED, id, title, file,
		      y->line)) != NULL) {
		set_values(c, ch, x->owner.s, y->owner.s);
		ch->lost_by = x->owner.s;
		ch->gained_by = y->owner.s;
	}
	if (!same(x->quarter.s, y->quarter.s) &&
	    (ch = add(c, STRAT_CHANGE_ANCHOR_MOVED, id, title, file,
		      y->line)) != NULL) {
		quarter_text(x, qb, sizeof(qb));
		quarter_text(y, qh, sizeof(qh));
		set_values(c, ch, qb, qh);
	}
	join_outcomes(x, &ob);
	join_outcomes(y, &oh);
	if (strcmp(ob.buf, oh.buf) != 0 &&
	    (ch = add(c, STRAT_CHANGE_ANCHOR_OUTCOMES, id, title, file,
		      y->line)) != NULL)
		set_values(c, ch, ob.buf, oh.buf);
	if (!same(x->done.s, y->done.s) &&
	    (ch = add(c, STRAT_CHANGE_ANCHOR_DONE, id, title, file, y->line)) !=
		NULL)
		set_values(c, ch, x->done.s, y->done.s);
}

static void
compare_anchors(strat_changes *c, const strat_plan *bp, const strat_plan *hp,
		const strat_strategy *b, const strat_strategy *h)
{
	const strat_anchor *a, *x;
	strat_change *ch;
	size_t i;

	for (i = 0; i < h->nanchors; i++) {
		a = &h->anchors[i];
		if (a->id.s == NULL || strat_plan_find_anchor(hp, a->id.s) != a)
			continue;
		x = bp ? strat_plan_find_anchor(bp, a->id.s) : NULL;
		if (x == NULL) {
			ch = add(c, STRAT_CHANGE_ANCHOR_ADDED, a->id.s,
				 a->title.s, h->file, a->line);
			if (ch) {
				ch->gained_by = owner_of(&a->owner);
				ch->head_anchor = a;
			}
			continue;
		}
		{
			size_t before = c->n, j;

			compare_anchor(c, h->file, x, a);
			for (j = before; j < c->n; j++) {
				c->v[j].base_anchor = x;
				c->v[j].head_anchor = a;
			}
		}
	}
	for (i = 0; i < b->nanchors; i++) {
		a = &b->anchors[i];
		if (a->id.s == NULL || strat_plan_find_anchor(bp, a->id.s) != a)
			continue;
		if (hp && strat_plan_find_anchor(hp, a->id.s) != NULL)
			continue;
		ch = add(c, STRAT_CHANGE_ANCHOR_REMOVED, a->id.s, a->title.s,
			 b->file, a->line);
		if (ch) {
			ch->lost_by = owner_of(&a->owner);
			ch->base_anchor = a;
		}
	}
}

/* Outcomes and KPIs: small lists, matched through a local map. */
static int
index_by_id(strset *s, const void *base, size_t n, size_t size, size_t idoff)
{
	size_t i;
	const char *p = base;

	strset_init(s);
	for (i = 0; i < n; i++) {
		const strat_str *id = (const strat_str *)(p + i * size + idoff);

		if (id->s &&
		    strset_put(s, id->s, (void *)(p + i * size), NULL) < 0)
			return -1;
	}
	return 0;
}

static void
compare_outcomes(strat_changes *c, const strat_strategy *b,
		 const strat_strategy *h)
{
	strset bs, hs;
	const strat_outcome *o, *x;
	strat_change *ch;
	size_t i;

	if (index_by_id(&bs, b->outcomes, b->noutcomes, sizeof(*o),
			offsetof(strat_outcome, id)) < 0 ||
	    index_by_id(&hs, h->outcomes, h->noutcomes, sizeof(*o),
			offsetof(strat_outcome, id)) < 0) {
		c->failed = 1;
		goto out;
	}
	for (i = 0; i < h->noutcomes; i++) {
		desc db = {{0}, 0}, dh = {{0}, 0};
		int owner;

		o = &h->outcomes[i];
		if (o->id.s == NULL || strset_get(&hs, o->id.s) != o)
			continue;
		if ((x = strset_get(&bs, o->id.s)) == NULL) {
			if ((ch = add(c, STRAT_CHANGE_OUTCOME_ADDED, o->id.s,
				      o->title.s, h->file, o->line)))
				ch->gained_by = o->owner.s;
			continue;
		}
		field(&db, &dh, "title", &x->title, &o->title);
		owner = field(&db, &dh, "owner", &x->owner, &o->owner);
		field(&db, &dh, "kpi", &x->kpi, &o->kpi);
		if (db.n == 0 && dh.n == 0)
			continue;
		if ((ch = add(c, STRAT_CHANGE_OUTCOME_CHANGED, o->id.s,
			      o->title.s, h->file, o->line)) == NULL)
			continue;
		set_values(c, ch, db.buf, dh.buf);
		if (owner) {
			ch->lost_by = x->owner.s;
			ch->gained_by = o->owner.s;
		}
	}
	for (i = 0; i < b->noutcomes; i++) {
		o = &b->outcomes[i];
		if (o->id.s == NULL || strset_get(&bs, o->id.s) != o ||
		    strset_get(&hs, o->id.s) != NULL)
			continue;
		if ((ch = add(c, STRAT_CHANGE_OUTCOME_REMOVED, o->id.s,
			      o->title.s, b->file, o->line)))
			ch->lost_by = o->owner.s;
	}
out:
	strset_free(&bs);
	strset_free(&hs);
}

static void
compare_kpis(strat_changes *c, const strat_strategy *b, const strat_strategy *h)
{
	strset bs, hs;
	const strat_kpi *k, *x;
	strat_change *ch;
	size_t i;

	if (index_by_id(&bs, b->kpis, b->nkpis, sizeof(*k),
			offsetof(strat_kpi, id)) < 0 ||
	    index_by_id(&hs, h->kpis, h->nkpis, sizeof(*k),
			offsetof(strat_kpi, id)) < 0) {
		c->failed = 1;
		goto out;
	}
	for (i = 0; i < h->nkpis; i++) {
		desc db = {{0}, 0}, dh = {{0}, 0};
		int owner;

		k = &h->kpis[i];
		if (k->id.s == NULL || strset_get(&hs, k->id.s) != k)
			continue;
		if ((x = strset_get(&bs, k->id.s)) == NULL) {
			if ((ch = add(c, STRAT_CHANGE_KPI_ADDED, k->id.s,
				      k->title.s, h->file, k->line)))
				ch->gained_by = k->owner.s;
			continue;
		}
		field(&db, &dh, "title", &x->title, &k->title);
		owner = field(&db, &dh, "owner", &x->owner, &k->owner);
		field(&db, &dh, "target", &x->target, &k->target);
		field(&db, &dh, "unit", &x->unit, &k->unit);
		field(&db, &dh, "direction", &x->direction, &k->direction);
		field(&db, &dh, "baseline", &x->baseline.text,
		      &k->baseline.text);
		field(&db, &dh, "target-date", &x->target_date_text,
		      &k->target_date_text);
		if (db.n == 0 && dh.n == 0)
			continue;
		if ((ch = add(c, STRAT_CHANGE_KPI_CHANGED, k->id.s, k->title.s,
			      h->file, k->line)) == NULL)
			continue;
		set_values(c, ch, db.buf, dh.buf);
		if (owner) {
			ch->lost_by = x->owner.s;
			ch->gained_by = k->owner.s;
		}
	}
	for (i = 0; i < b->nkpis; i++) {
		k = &b->kpis[i];
		if (k->id.s == NULL || strset_get(&bs, k->id.s) != k ||
		    strset_get(&hs, k->id.s) != NULL)
			continue;
		if ((ch = add(c, STRAT_CHANGE_KPI_REMOVED, k->id.s, k->title.s,
			      b->file, k->line)))
			ch->lost_by = k->owner.s;
	}
out:
	strset_free(&bs);
	strset_free(&hs);
}

static void
compare_thesis(strat_changes *c, const strat_strategy *b,
	       const strat_strategy *h)
{
	desc db = {{0}, 0}, dh = {{0}, 0};
	strat_change *ch;
	int owner;

	field(&db, &dh, "title", &b->title, &h->title);
	owner = field(&db, &dh, "owner", &b->owner, &h->owner);
	field(&db, &dh, "thesis", &b->thesis, &h->thesis);
	if (db.n == 0 && dh.n == 0)
		return;
	if ((ch = add(c, STRAT_CHANGE_THESIS_CHANGED, "strategy",
		      h->title.s ? h->title.s : b->title.s,
		      h->file ? h->file : b->file, h->title.line)) == NULL)
		return;
	set_values(c, ch, db.buf, dh.buf);
	if (owner) {
		ch->lost_by = b->owner.s;
		ch->gained_by = h->owner.s;
	}
}

/* ---------------------------------------------------------------- */
/* Calendar */

static void
date_text(strat_day d, const strat_str *text, char out[64])
{
	if (d != STRAT_NO_DATE)
		strat_date_format(d, out);
	else
		snprintf(out, 64, "%s", text->s ? text->s : "(none)");
}

static void
compare_item(strat_changes *c, const strat_item *x, const strat_item *y)
{
	const char *id = y->id.s, *title = y->title.s;
	strat_change *ch;
	size_t before = c->n, j;

	if (!same(x->title.s, y->title.s) &&
	    (ch = add(c, STRAT_CHANGE_ITEM_RETITLED, id, title, y->file,
		      y->line)))
		set_values(c, ch, x->title.s, y->title.s);
	if ((x->date != y->date || (x->date == STRAT_NO_DATE &&
				    !same(x->date_text.s, y->date_text.s))) &&
	    (ch = add(c, STRAT_CHANGE_ITEM_REDATED, id, title, y->file,
		      y->line))) {
		char b[64], h[64];

		date_text(x->date, &x->date_text, b);
		date_text(y->date, &y->date_text, h);
		set_values(c, ch, b, h);
		if (x->date != STRAT_NO_DATE && y->date != STRAT_NO_DATE) {
			ch->days = y->date - x->date;
			ch->flags |= ch->days > 0 ? STRAT_CHANGE_SLIP
						  : STRAT_CHANGE_PULL_IN;
		}
	}
	if (!same(x->owner.s, y->owner.s) &&
	    (ch = add(c, STRAT_CHANGE_ITEM_REOWNED, id, title, y->file,
		      y->line))) {
		set_values(c, ch, x->owner.s, y->owner.s);
		ch->lost_by = x->owner.s;
		ch->gained_by = y->owner.s;
	}
	if (!same(x->anchor.s, y->anchor.s) &&
	    (ch = add(c, STRAT_CHANGE_ITEM_REANCHORED, id, title, y->file,
		      y->line)))
		set_values(c, ch, x->anchor.s, y->anchor.s);
	if (!same(x->file, y->file) &&
	    (ch = add(c, STRAT_CHANGE_ITEM_MOVED, id, title, y->file, y->line)))
		set_values(c, ch, x->file, y->file);
	if (x->status != y->status ||
	    (x->status == STRAT_STATUS_NONE &&
	     !same(x->status_text.s, y->status_text.s))) {
		strat_change_kind k = STRAT_CHANGE_ITEM_STATUS;

		if (y->status == STRAT_STATUS_SHIPPED)
			k = STRAT_CHANGE_ITEM_SHIPPED;
		else if (y->status == STRAT_STATUS_DROPPED)
			k = STRAT_CHANGE_ITEM_DROPPED;
		if ((ch = add(c, k, id, title, y->file, y->line))) {
			set_values(c, ch, strat_status_name(x->status),
				   strat_status_name(y->status));
			if (k == STRAT_CHANGE_ITEM_SHIPPED &&
			    y->shipped != STRAT_NO_DATE &&
			    y->date != STRAT_NO_DATE)
				ch->days = y->shipped - y->date;
		}
	}
	for (j = before; j < c->n; j++) {
		c->v[j].base_item = x;
		c->v[j].head_item = y;
	}
}

static void
compare_items(strat_changes *c, const strat_plan *bp, const strat_plan *hp)
{
	size_t i, n;
	const strat_item *it, *x;
	strat_change *ch;

	n = hp ? strat_plan_item_count(hp) : 0;
	for (i = 0; i < n; i++) {
		it = strat_plan_item(hp, i);
		if (it->id.s == NULL ||
		    strat_plan_find_item(hp, it->id.s) != it)
			continue;
		x = bp ? strat_plan_find_item(bp, it->id.s) : NULL;
		if (x == NULL) {
			if ((ch = add(c, STRAT_CHANGE_ITEM_ADDED, it->id.s,
				      it->title.s, it->file, it->line))) {
				ch->gained_by = it->owner.s;
				ch->head_item = it;
			}
			continue;
		}
		compare_item(c, x, it);
	}
	n = bp ? strat_plan_item_count(bp) : 0;
	for (i = 0; i < n; i++) {
		it = strat_plan_item(bp, i);
		if (it->id.s == NULL ||
		    strat_plan_find_item(bp, it->id.s) != it)
			continue;
		if (hp && strat_plan_find_item(hp, it->id.s) != NULL)
			continue;
		if ((ch = add(c, STRAT_CHANGE_ITEM_REMOVED, it->id.s,
			      it->title.s, it->file, it->line)) == NULL)
			continue;
		ch->lost_by = it->owner.s;
		ch->base_item = it;
		if (it->status != STRAT_STATUS_SHIPPED &&
		    it->status != STRAT_STATUS_DROPPED)
			ch->flags |= STRAT_CHANGE_SILENT;
		ch->before = dup(c, strat_status_name(it->status));
	}
}

/* ---------------------------------------------------------------- */
/* Team */

static void
compare_team(strat_changes *c, const strat_plan *bp, const strat_plan *hp,
	     const strat_team *b, const strat_team *h)
{
	const strat_person *p;
	size_t i;

	for (i = 0; i < h->npeople; i++) {
		p = &h->people[i];
		if (p->id.s == NULL || strat_plan_find_person(hp, p->id.s) != p)
			continue;
		if (bp == NULL || strat_plan_find_person(bp, p->id.s) == NULL)
			add(c, STRAT_CHANGE_PERSON_ADDED, p->id.s, p->name.s,
			    h->file, p->line);
	}
	for (i = 0; i < b->npeople; i++) {
		p = &b->people[i];
		if (p->id.s == NULL || strat_plan_find_person(bp, p->id.s) != p)
			continue;
		if (hp == NULL || strat_plan_find_person(hp, p->id.s) == NULL)
			add(c, STRAT_CHANGE_PERSON_REMOVED, p->id.s, p->name.s,
			    b->file, p->line);
	}
}

/* ---------------------------------------------------------------- */
/* Metrics: readings matched by KPI and day */

/* "mql 2026-09-14": a reading's key and the id of its change. */
static const char *
reading_key(strat_changes *c, const strat_reading *r)
{
	char buf[STRAT_MAX_SCALAR / 1024 + 32];

	if (r->kpi.s == NULL || r->date == STRAT_NO_DATE ||
	    strlen(r->kpi.s) > sizeof(buf) - 16)
		return NULL;
	snprintf(buf, sizeof(buf), "%s %s", r->kpi.s, r->date_text.s);
	return dup(c, buf);
}

/* The title of the KPI a reading names, in plan p; NULL when unknown. */
static const char *
kpi_title(const strat_plan *p, const strat_reading *r)
{
	const strat_kpi *k = strat_plan_find_kpi(p, r->kpi.s);

	return k ? k->title.s : NULL;
}

/* The first reading of each key of plan p, indexed in s; keys[i] is
 * reading i's key or NULL (no key, or not the first of its key). */
static int
index_readings(strat_changes *c, const strat_plan *p, strset *s,
	       const char ***keys)
{
	size_t i, n = p ? strat_plan_reading_count(p) : 0;

	strset_init(s);
	*keys = n ? calloc(n, sizeof(**keys)) : NULL;
	if (n && *keys == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		const strat_reading *r = strat_plan_reading(p, i);
		const char *k = reading_key(c, r);

		if (k == NULL || strset_get(s, k) != NULL)
			continue;
		if (strset_put(s, k, (void *)r, NULL) < 0)
			return -1;
		(*keys)[i] = k;
	}
	return 0;
}

static void
compare_readings(strat_changes *c, const strat_plan *bp, const strat_plan *hp)
{
	strset bs, hs;
	const char **bk = NULL, **hk = NULL;
	const strat_reading *r, *x;
	strat_change *ch;
	size_t i;

	if (index_readings(c, bp, &bs, &bk) < 0 ||
	    index_readings(c, hp, &hs, &hk) < 0) {
		c->failed = 1;
		goto out;
	}
	for (i = 0; hp && i < strat_plan_reading_count(hp); i++) {
		if (hk[i] == NULL)
			continue;
		r = strat_plan_reading(hp, i);
		x = strset_get(&bs, hk[i]);
		if (x && same(x->value.text.s, r->value.text.s))
			continue;
		ch = add(c,
			 x ? STRAT_CHANGE_READING_CHANGED
			   : STRAT_CHANGE_READING_ADDED,
			 hk[i], kpi_title(hp, r), r->file, r->line);
		set_values(c, ch, x ? x->value.text.s : NULL, r->value.text.s);
	}
	for (i = 0; bp && i < strat_plan_reading_count(bp); i++) {
		if (bk[i] == NULL || strset_get(&hs, bk[i]) != NULL)
			continue;
		r = strat_plan_reading(bp, i);
		ch = add(c, STRAT_CHANGE_READING_REMOVED, bk[i],
			 kpi_title(bp, r), r->file, r->line);
		set_values(c, ch, r->value.text.s, NULL);
	}
out:
	free(bk);
	free(hk);
	strset_free(&bs);
	strset_free(&hs);
}

int
strat_plan_compare(strat_changes **out, const strat_plan *base,
		   const strat_plan *head, const strat_compare_options *opts)
{
	strat_changes *c;
	const strat_strategy *bs, *hs;
	const strat_team *bt, *ht;

	(void)opts;
	*out = NULL;
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	arena_init(&c->mem);
	bs = base ? strat_plan_strategy(base) : &empty_strategy;
	hs = head ? strat_plan_strategy(head) : &empty_strategy;
	bt = base ? strat_plan_team(base) : &empty_team;
	ht = head ? strat_plan_team(head) : &empty_team;

	compare_anchors(c, base, head, bs, hs);
	compare_outcomes(c, bs, hs);
	compare_kpis(c, bs, hs);
	compare_thesis(c, bs, hs);
	compare_items(c, base, head);
	compare_team(c, base, head, bt, ht);
	compare_readings(c, base, head);
	if (c->failed) {
		strat_changes_free(c);
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	}
	*out = c;
	return 0;
}

/* ---------------------------------------------------------------- */
/* Findings new since a base */

/*
 * What a finding is about, for matching findings across versions: the
 * item, anchor, outcome, KPI or person whose entry holds its position,
 * and the field on that line ("" when none).  A finding outside every
 * such entry has no subject (kind NULL).
 */
typedef struct {
	const char *kind, *id, *field;
} subject;

/* The field of v[0..n) (named names[]) on line, or "". */
static const char *
field_on(const strat_str *const *v, const char *const *names, size_t n,
	 uint32_t line)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i]->s != NULL && v[i]->line == line)
			return names[i];
	return "";
}

/* Keep the entry starting nearest before line (ties: the later one). */
static void
nearer(subject *s, uint32_t *best, uint32_t start, uint32_t line,
       const char *kind, const strat_str *id)
{
	if (start == 0 || start > line || start < *best || id->s == NULL)
		return;
	*best = start;
	s->kind = kind;
	s->id = id->s;
	s->field = "";
}

static void
subject_of(const strat_plan *plan, const strat_diag *d, subject *s)
{
	const strat_strategy *st;
	const strat_team *tm;
	const strat_item *hit = NULL;
	const strat_anchor *ha = NULL;
	const strat_person *hp = NULL;
	uint32_t best = 0;
	size_t i, j;

	s->kind = s->id = s->field = NULL;
	if (plan == NULL || d->line == 0)
		return;
	for (i = 0; i < strat_plan_calendar_count(plan); i++) {
		const strat_calendar *c = strat_plan_calendar(plan, i);

		if (strcmp(c->path, d->file) != 0)
			continue;
		for (j = 0; j < c->nitems; j++) {
			const strat_item *it =
			    strat_plan_item(plan, c->first_item + j);

			if (it->line <= d->line && it->line >= best) {
				best = it->line;
				hit = it;
			}
		}
	}
	if (hit != NULL && hit->id.s != NULL) {
		const strat_str *v[] = {
		    &hit->id,          &hit->title,        &hit->anchor,
		    &hit->owner,       &hit->channel,      &hit->date_text,
		    &hit->status_text, &hit->shipped_text, &hit->kpi,
		    &hit->link,        &hit->notes};
		static const char *const names[] = {
		    "id",     "title",   "anchor", "owner", "channel", "date",
		    "status", "shipped", "kpi",    "link",  "notes"};

		s->kind = "item";
		s->id = hit->id.s;
		s->field = field_on(v, names, 11, d->line);
		return;
	}
	best = 0;
	st = strat_plan_strategy(plan);
	if (st->file != NULL && strcmp(st->file, d->file) == 0) {
		for (i = 0; i < st->nanchors; i++) {
			const strat_anchor *a = &st->anchors[i];

			nearer(s, &best, a->line, d->line, "anchor", &a->id);
			if (best == a->line && s->id == a->id.s)
				ha = a;
		}
		for (i = 0; i < st->noutcomes; i++)
			nearer(s, &best, st->outcomes[i].line, d->line,
			       "outcome", &st->outcomes[i].id);
		for (i = 0; i < st->nkpis; i++)
			nearer(s, &best, st->kpis[i].line, d->line, "kpi",
			       &st->kpis[i].id);
		if (ha != NULL && s->id == ha->id.s) {
			const strat_str *v[] = {&ha->id, &ha->title,
						&ha->quarter, &ha->owner,
						&ha->done};
			static const char *const names[] = {
			    "id", "title", "quarter", "owner", "done"};

			s->field = field_on(v, names, 5, d->line);
		}
		return;
	}
	tm = strat_plan_team(plan);
	if (tm->file != NULL && strcmp(tm->file, d->file) == 0) {
		for (i = 0; i < tm->npeople; i++) {
			const strat_person *p = &tm->people[i];

			nearer(s, &best, p->line, d->line, "person", &p->id);
			if (best == p->line && s->id == p->id.s)
				hp = p;
		}
		if (hp != NULL && s->id == hp->id.s) {
			const strat_str *v[] = {&hp->id, &hp->name, &hp->email,
						&hp->role};
			static const char *const names[] = {"id", "name",
							    "email", "role"};

			s->field = field_on(v, names, 4, d->line);
		}
	}
}

/* A finding as matched across versions: by rule and subject when it has
 * one (the message too when no field is known), else by rule, file and
 * message. */
typedef struct {
	const strat_diag *d;
	subject s;
} dkey;

static int
key_eq(const dkey *a, const dkey *b)
{
	if (a->d->rule != b->d->rule || !a->s.kind != !b->s.kind)
		return 0;
	if (a->s.kind == NULL)
		return strcmp(a->d->file, b->d->file) == 0 &&
		       strcmp(a->d->message, b->d->message) == 0;
	return strcmp(a->s.kind, b->s.kind) == 0 &&
	       strcmp(a->s.id, b->s.id) == 0 &&
	       strcmp(a->s.field, b->s.field) == 0 &&
	       (a->s.field[0] != '\0' ||
		strcmp(a->d->message, b->d->message) == 0);
}

static uint64_t
key_hash(const dkey *k)
{
	uint64_t h = (uint64_t)k->d->rule;

	if (k->s.kind == NULL) {
		h = strat_hash(k->d->file, strlen(k->d->file), h);
		return strat_hash(k->d->message, strlen(k->d->message), h);
	}
	h = strat_hash(k->s.kind, strlen(k->s.kind), h);
	h = strat_hash(k->s.id, strlen(k->s.id), h);
	return strat_hash(k->s.field, strlen(k->s.field), h);
}

int
strat_diags_new_since(strat_diags **out, const strat_diags *base,
		      const strat_diags *head)
{
	return strat_diags_new_since_plans(out, NULL, base, NULL, head);
}

int
strat_diags_new_since_plans(strat_diags **out, const strat_plan *base_plan,
			    const strat_diags *base,
			    const strat_plan *head_plan,
			    const strat_diags *head)
{
	dkey *bk = NULL, g;
	size_t nb = strat_diags_count(base), nh = strat_diags_count(head);
	size_t cap, i, j, *slot = NULL;
	unsigned char *used = NULL;
	strat_diags *d = NULL;
	int rc;

	*out = NULL;
	if ((rc = strat_diags_new(&d)) < 0)
		return rc;
	for (i = 0; i < STRAT_RULE__COUNT; i++)
		if (head)
			strat_diags_set_severity(
			    d, (strat_rule)i,
			    strat_diags_severity(head, (strat_rule)i));
	/* Open addressing over base's findings; each matches once. */
	for (cap = 16; cap < nb * 2; cap *= 2)
		;
	slot = malloc(cap * sizeof(*slot));
	used = calloc(nb ? nb : 1, 1);
	bk = calloc(nb ? nb : 1, sizeof(*bk));
	if (slot == NULL || used == NULL || bk == NULL) {
		rc = strat_error_set(STRAT_ENOMEM, "out of memory");
		goto fail;
	}
	for (i = 0; i < cap; i++)
		slot[i] = (size_t)-1;
	for (i = 0; i < nb; i++) {
		bk[i].d = strat_diags_get(base, i);
		subject_of(base_plan, bk[i].d, &bk[i].s);
		j = key_hash(&bk[i]) & (cap - 1);
		while (slot[j] != (size_t)-1)
			j = (j + 1) & (cap - 1);
		slot[j] = i;
	}
	for (i = 0; i < nh; i++) {
		int found = 0;

		g.d = strat_diags_get(head, i);
		subject_of(head_plan, g.d, &g.s);
		j = key_hash(&g) & (cap - 1);
		for (; slot[j] != (size_t)-1; j = (j + 1) & (cap - 1)) {
			size_t k = slot[j];

			if (!used[k] && key_eq(&bk[k], &g)) {
				used[k] = 1;
				found = 1;
				break;
			}
		}
		if (found)
			continue;
		/* Keep head's severity even if its rule was overridden. */
		strat_diags_set_severity(d, g.d->rule, g.d->severity);
		if ((rc = strat_diags_add(d, g.d->rule, g.d->file, g.d->line,
					  g.d->column, g.d->hint, "%s",
					  g.d->message)) < 0)
			goto fail;
	}
	free(slot);
	free(used);
	free(bk);
	*out = d;
	return 0;
fail:
	free(slot);
	free(used);
	free(bk);
	strat_diags_free(d);
	return rc;
}
