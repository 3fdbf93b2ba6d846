/*
 * checks.c - the rules over the whole plan, one check_rule per rule, named
 * rule_<SYMBOL> after the registry in include/strat/rules.def, with its
 * functions <phase>_<SYMBOL>.  lib/lint.c runs them in one walk over the
 * items; lib/checks.h says how.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "checks.h"
#include "plan_impl.h"
#include "yaml.h"

static const strat_str *
find_channel(const strat_plan *plan, const char *id)
{
	const strat_config *c = &plan->config;
	size_t j;

	for (j = 0; j < c->nchannels; j++)
		if (strcmp(c->channels[j].s, id) == 0)
			return &c->channels[j];
	return NULL;
}

/* The anchor an item names, or NULL (asked by three rules of the
 * walk). */
static const strat_anchor *
item_anchor(check_ctx *c, const strat_item *it)
{
	if (it->anchor.s == NULL)
		return NULL;
	return strat_plan_find_anchor(c->plan, it->anchor.s);
}

void
check_ctx_init(check_ctx *c, const strat_plan *plan,
	       const strat_load_options *opts, strat_diags *d)
{
	memset(c, 0, sizeof(*c));
	c->plan = plan;
	c->opts = opts;
	c->diags = d;
	strset_init(&c->outs);
	strset_init(&c->kpis);
}

void
check_ctx_free(check_ctx *c)
{
	strset_free(&c->outs);
	strset_free(&c->kpis);
	free(c->qstart);
	free(c->qend);
	free(c->used);
}

/* Where an id was first defined, for the hint of a duplicate. */
typedef struct {
	const char *file;
	uint32_t line, column;
} first_def;

static int
dup(strat_diags *d, strset *seen, first_def *defs, size_t *ndefs,
    const char *what, const char *file, const strat_str *id)
{
	void *old;
	first_def *f;
	char hint[256];
	int r;

	if (id->s == NULL)
		return 0;
	f = &defs[*ndefs];
	f->file = file;
	f->line = id->line;
	f->column = id->column;
	r = strset_put(seen, id->s, f, &old);
	if (r < 0)
		return STRAT_ENOMEM;
	if (r == 0) {
		f = old;
		snprintf(hint, sizeof(hint), "first defined at %s:%u:%u",
			 f->file, (unsigned)f->line, (unsigned)f->column);
		return strat_diags_add(d, STRAT_RULE_DUPLICATE_ID, file,
				       id->line, id->column, hint,
				       "duplicate %s id '%s'", what, id->s);
	}
	(*ndefs)++;
	return 0;
}

static int
report_DUPLICATE_ID(check_ctx *c, const strat_item *const *fl, size_t nfl)
{
	const strat_plan *plan = c->plan;
	strat_diags *d = c->diags;
	const strat_strategy *s = &plan->strategy;
	const strat_team *t = &plan->team;
	const strat_item *it, *first;
	strset seen;
	first_def *defs;
	size_t i, n, max;
	int rc = 0;
	char hint[256];

	(void)fl;
	(void)nfl;
	max = s->nanchors; /* items are checked through the plan's index */
	if (s->noutcomes > max)
		max = s->noutcomes;
	if (s->nkpis > max)
		max = s->nkpis;
	if (t->npeople > max)
		max = t->npeople;
	if ((defs = malloc((max + 1) * sizeof(*defs))) == NULL)
		return STRAT_ENOMEM;
	strset_init(&seen);
	/* Items: indexing the plan found them, in item order; the index
	 * holds the first item of each id. */
	for (i = 0; i < plan->ndup_items; i++) {
		it = strat_plan_item(plan, plan->dup_items[i]);
		if ((first = strat_plan_find_item(plan, it->id.s)) == NULL)
			continue;
		snprintf(hint, sizeof(hint), "first defined at %s:%u:%u",
			 first->file, (unsigned)first->id.line,
			 (unsigned)first->id.column);
		if ((rc = strat_diags_add(d, STRAT_RULE_DUPLICATE_ID, it->file,
					  it->id.line, it->id.column, hint,
					  "duplicate %s id '%s'", "item",
					  it->id.s)) < 0)
			goto out;
	}
	n = 0;
	for (i = 0; i < s->nanchors; i++)
		if ((rc = dup(d, &seen, defs, &n, "anchor", s->file,
			      &s->anchors[i].id)) < 0)
			goto out;
	strset_free(&seen);
	n = 0;
	for (i = 0; i < s->noutcomes; i++)
		if ((rc = dup(d, &seen, defs, &n, "outcome", s->file,
			      &s->outcomes[i].id)) < 0)
			goto out;
	strset_free(&seen);
	n = 0;
	for (i = 0; i < s->nkpis; i++)
		if ((rc = dup(d, &seen, defs, &n, "kpi", s->file,
			      &s->kpis[i].id)) < 0)
			goto out;
	strset_free(&seen);
	n = 0;
	for (i = 0; i < t->npeople; i++)
		if ((rc = dup(d, &seen, defs, &n, "person", t->file,
			      &t->people[i].id)) < 0)
			goto out;
out:
	strset_free(&seen);
	free(defs);
	return rc;
}

const check_rule rule_DUPLICATE_ID = {NULL, NULL, report_DUPLICATE_ID};

static void
anchor_ids(const strat_plan *plan, const char ***v, size_t *n)
{
	const strat_strategy *s = &plan->strategy;
	size_t i;

	*v = malloc((s->nanchors + 1) * sizeof(**v));
	*n = 0;
	if (*v == NULL)
		return;
	for (i = 0; i < s->nanchors; i++)
		(*v)[(*n)++] = s->anchors[i].id.s;
}

static int
begin_ITEM_ANCHOR_UNKNOWN(check_ctx *c)
{
	/* no strategy: reported as missing */
	return c->plan->strategy.file == NULL ? CHECK_SKIP : 0;
}

static int
item_ITEM_ANCHOR_UNKNOWN(check_ctx *c, const strat_item *it)
{
	return it->anchor.s != NULL && item_anchor(c, it) == NULL;
}

static int
report_ITEM_ANCHOR_UNKNOWN(check_ctx *c, const strat_item *const *fl,
			   size_t nfl)
{
	const strat_plan *plan = c->plan;
	const strat_item *it;
	const char **ids, *s;
	char hint[160];
	size_t i, n;

	if (nfl == 0)
		return 0;
	anchor_ids(plan, &ids, &n);
	if (ids == NULL)
		return STRAT_ENOMEM;
	for (i = 0; i < nfl; i++) {
		it = fl[i];
		s = suggest(it->anchor.s, ids, n);
		if (s)
			snprintf(hint, sizeof(hint), "did you mean '%s'?", s);
		else
			snprintf(hint, sizeof(hint),
				 "add the anchor to %s, or trace the item to "
				 "one that exists",
				 plan->strategy.file);
		strat_diags_add(c->diags, STRAT_RULE_ITEM_ANCHOR_UNKNOWN,
				it->file, it->anchor.line, it->anchor.column,
				hint,
				"item '%s' references unknown anchor '%s'",
				it->id.s ? it->id.s : "?", it->anchor.s);
	}
	free(ids);
	return 0;
}

const check_rule rule_ITEM_ANCHOR_UNKNOWN = {begin_ITEM_ANCHOR_UNKNOWN,
					     item_ITEM_ANCHOR_UNKNOWN,
					     report_ITEM_ANCHOR_UNKNOWN};

static void
owner_check(const strat_plan *plan, strat_diags *d, const char *file,
	    const strat_str *owner, const char *what, const char *id)
{
	const char *ids[256], *s;
	char hint[160];
	size_t i, n = 0;

	if (owner->s == NULL || strat_plan_find_person(plan, owner->s))
		return;
	/* a person's name or email written for the id: say whose id */
	for (i = 0, s = NULL; i < plan->team.npeople && s == NULL; i++) {
		const strat_person *p = &plan->team.people[i];

		if ((p->name.s && strcasecmp(p->name.s, owner->s) == 0) ||
		    (p->email.s && strcasecmp(p->email.s, owner->s) == 0))
			s = p->id.s;
	}
	if (s) {
		snprintf(hint, sizeof(hint),
			 "owners are person ids: did you mean '%s'?", s);
		goto add;
	}
	for (i = 0; i < plan->team.npeople && n < 256; i++)
		ids[n++] = plan->team.people[i].id.s;
	s = suggest(owner->s, ids, n);
	if (s)
		snprintf(hint, sizeof(hint), "did you mean '%s'?", s);
	else
		snprintf(hint, sizeof(hint), "add '%s' to %s", owner->s,
			 plan->team.file);
add:
	strat_diags_add(
	    d, STRAT_RULE_OWNER_UNKNOWN, file, owner->line, owner->column, hint,
	    "owner '%s' of %s%s%s%s is not in %s", owner->s, what,
	    id ? " '" : "", id ? id : "", id ? "'" : "", plan->team.file);
}

static int
begin_OWNER_UNKNOWN(check_ctx *c)
{
	return c->plan->team.file == NULL ? CHECK_SKIP : 0;
}

static int
item_OWNER_UNKNOWN(check_ctx *c, const strat_item *it)
{
	return it->owner.s != NULL &&
	       strat_plan_find_person(c->plan, it->owner.s) == NULL;
}

static int
report_OWNER_UNKNOWN(check_ctx *c, const strat_item *const *fl, size_t nfl)
{
	const strat_plan *plan = c->plan;
	const strat_strategy *s = &plan->strategy;
	strat_diags *d = c->diags;
	const strat_item *it;
	size_t i;

	owner_check(plan, d, s->file, &s->owner, "the strategy", NULL);
	for (i = 0; i < s->noutcomes; i++)
		owner_check(plan, d, s->file, &s->outcomes[i].owner, "outcome",
			    s->outcomes[i].id.s);
	for (i = 0; i < s->nkpis; i++)
		owner_check(plan, d, s->file, &s->kpis[i].owner, "kpi",
			    s->kpis[i].id.s);
	for (i = 0; i < s->nanchors; i++)
		owner_check(plan, d, s->file, &s->anchors[i].owner, "anchor",
			    s->anchors[i].id.s);
	for (i = 0; i < nfl; i++) {
		it = fl[i];
		owner_check(plan, d, it->file, &it->owner, "item", it->id.s);
	}
	return 0;
}

const check_rule rule_OWNER_UNKNOWN = {begin_OWNER_UNKNOWN, item_OWNER_UNKNOWN,
				       report_OWNER_UNKNOWN};

/* Report a reference to an undefined outcome or kpi, offering the closest
 * id.  what: "anchor 'x'"; noun: "outcome" or "kpi". */
static void
unknown_ref(strat_diags *d, const char *file, const strat_str *ref,
	    const char *owner_kind, const char *owner_id, const char *noun,
	    const char *const *ids, size_t n, const char *fallback)
{
	const char *sug;
	char hint[160];

	sug = suggest(ref->s, ids, n);
	if (sug)
		snprintf(hint, sizeof(hint), "did you mean '%s'?", sug);
	strat_diags_add(d, STRAT_RULE_OUTCOME_UNKNOWN, file, ref->line,
			ref->column, sug ? hint : fallback,
			"%s '%s' references unknown %s '%s'", owner_kind,
			owner_id ? owner_id : "?", noun, ref->s);
}

#define MAX_CANDS 256

static int
begin_OUTCOME_UNKNOWN(check_ctx *c)
{
	const strat_strategy *s = &c->plan->strategy;
	size_t i;

	if (s->file == NULL)
		return CHECK_SKIP;
	for (i = 0; i < s->noutcomes; i++)
		if (s->outcomes[i].id.s &&
		    strset_put(&c->outs, s->outcomes[i].id.s, (void *)s, NULL) <
			0)
			return STRAT_ENOMEM;
	for (i = 0; i < s->nkpis; i++)
		if (s->kpis[i].id.s &&
		    strset_put(&c->kpis, s->kpis[i].id.s, (void *)s, NULL) < 0)
			return STRAT_ENOMEM;
	return 0;
}

static int
item_OUTCOME_UNKNOWN(check_ctx *c, const strat_item *it)
{
	return it->kpi.s && !strset_get(&c->kpis, it->kpi.s);
}

static int
report_OUTCOME_UNKNOWN(check_ctx *c, const strat_item *const *fl, size_t nfl)
{
	const strat_strategy *s = &c->plan->strategy;
	strat_diags *d = c->diags;
	const strat_item *it;
	const char *oids[MAX_CANDS], *kids[MAX_CANDS];
	size_t i, j, no = 0, nk = 0;

	for (i = 0; i < s->noutcomes && no < MAX_CANDS; i++)
		if (s->outcomes[i].id.s)
			oids[no++] = s->outcomes[i].id.s;
	for (i = 0; i < s->nkpis && nk < MAX_CANDS; i++)
		if (s->kpis[i].id.s)
			kids[nk++] = s->kpis[i].id.s;
	for (i = 0; i < s->noutcomes; i++)
		if (s->outcomes[i].kpi.s &&
		    !strset_get(&c->kpis, s->outcomes[i].kpi.s))
			unknown_ref(d, s->file, &s->outcomes[i].kpi, "outcome",
				    s->outcomes[i].id.s, "kpi", kids, nk,
				    "define it under 'kpis:'");
	for (i = 0; i < s->nanchors; i++) {
		const strat_anchor *a = &s->anchors[i];

		for (j = 0; j < a->noutcomes; j++)
			if (!strset_get(&c->outs, a->outcomes[j].s))
				unknown_ref(d, s->file, &a->outcomes[j],
					    "anchor", a->id.s, "outcome", oids,
					    no, "define it under 'outcomes:'");
		if (a->done_when.kpi.s &&
		    !strset_get(&c->kpis, a->done_when.kpi.s))
			unknown_ref(d, s->file, &a->done_when.kpi, "anchor",
				    a->id.s, "kpi", kids, nk,
				    "define it under 'kpis:'");
	}
	for (i = 0; i < nfl; i++) {
		it = fl[i];
		unknown_ref(d, it->file, &it->kpi, "item", it->id.s, "kpi",
			    kids, nk,
			    "define it under 'kpis:' in the strategy");
	}
	return 0;
}

const check_rule rule_OUTCOME_UNKNOWN = {
    begin_OUTCOME_UNKNOWN, item_OUTCOME_UNKNOWN, report_OUTCOME_UNKNOWN};

static int
item_SHIPPED_WITHOUT_DATE(check_ctx *c, const strat_item *it)
{
	(void)c;
	return it->status == STRAT_STATUS_SHIPPED && !it->shipped_text.s;
}

static int
report_SHIPPED_WITHOUT_DATE(check_ctx *c, const strat_item *const *fl,
			    size_t nfl)
{
	const strat_item *it;
	size_t i;

	for (i = 0; i < nfl; i++) {
		it = fl[i];
		strat_diags_add(c->diags, STRAT_RULE_SHIPPED_WITHOUT_DATE,
				it->file, it->status_text.line,
				it->status_text.column,
				"add 'shipped: YYYY-MM-DD', the day it went "
				"out",
				"item '%s' is shipped but has no shipped date",
				it->id.s ? it->id.s : "?");
	}
	return 0;
}

const check_rule rule_SHIPPED_WITHOUT_DATE = {NULL, item_SHIPPED_WITHOUT_DATE,
					      report_SHIPPED_WITHOUT_DATE};

static int
item_SHIPPED_DATE_WITHOUT_STATUS(check_ctx *c, const strat_item *it)
{
	(void)c;
	/* an invalid shipped date has its own finding */
	return it->shipped != STRAT_NO_DATE &&
	       it->status != STRAT_STATUS_SHIPPED &&
	       it->status != STRAT_STATUS_NONE;
}

static int
report_SHIPPED_DATE_WITHOUT_STATUS(check_ctx *c, const strat_item *const *fl,
				   size_t nfl)
{
	const strat_item *it;
	size_t i;

	for (i = 0; i < nfl; i++) {
		it = fl[i];
		strat_diags_add(
		    c->diags, STRAT_RULE_SHIPPED_DATE_WITHOUT_STATUS, it->file,
		    it->shipped_text.line, it->shipped_text.column,
		    "set 'status: shipped', or remove the shipped "
		    "date",
		    "item '%s' has a shipped date but its status "
		    "is '%s'",
		    it->id.s ? it->id.s : "?", it->status_text.s);
	}
	return 0;
}

const check_rule rule_SHIPPED_DATE_WITHOUT_STATUS = {
    NULL, item_SHIPPED_DATE_WITHOUT_STATUS, report_SHIPPED_DATE_WITHOUT_STATUS};

static int
begin_SHIPPED_IN_FUTURE(check_ctx *c)
{
	return c->opts->today == STRAT_NO_DATE ? CHECK_SKIP : 0;
}

static int
item_SHIPPED_IN_FUTURE(check_ctx *c, const strat_item *it)
{
	return it->shipped != STRAT_NO_DATE && it->shipped > c->opts->today;
}

static int
report_SHIPPED_IN_FUTURE(check_ctx *c, const strat_item *const *fl, size_t nfl)
{
	const strat_item *it;
	char today[11];
	size_t i;

	strat_date_format(c->opts->today, today);
	for (i = 0; i < nfl; i++) {
		it = fl[i];
		strat_diags_add(
		    c->diags, STRAT_RULE_SHIPPED_IN_FUTURE, it->file,
		    it->shipped_text.line, it->shipped_text.column,
		    "an item cannot have shipped yet; fix the date "
		    "or set 'status: in-progress'",
		    "item '%s' shipped on %s, after today (%s)",
		    it->id.s ? it->id.s : "?", it->shipped_text.s, today);
	}
	return 0;
}

const check_rule rule_SHIPPED_IN_FUTURE = {
    begin_SHIPPED_IN_FUTURE, item_SHIPPED_IN_FUTURE, report_SHIPPED_IN_FUTURE};

static int
begin_ITEM_OUTSIDE_ANCHOR_QUARTER(check_ctx *c)
{
	const strat_strategy *s = &c->plan->strategy;
	const strat_anchor *a;
	size_t i;

	c->qstart = malloc((s->nanchors + 1) * sizeof(*c->qstart));
	c->qend = malloc((s->nanchors + 1) * sizeof(*c->qend));
	if (c->qstart == NULL || c->qend == NULL)
		return STRAT_ENOMEM;
	for (i = 0; i < s->nanchors; i++) {
		a = &s->anchors[i];
		if (a->year == 0)
			continue;
		c->qstart[i] = strat_quarter_start(a->year, a->q);
		c->qend[i] = strat_quarter_end(a->year, a->q);
	}
	return 0;
}

static int
item_ITEM_OUTSIDE_ANCHOR_QUARTER(check_ctx *c, const strat_item *it)
{
	const strat_anchor *a;
	size_t k;

	if (it->date == STRAT_NO_DATE || (a = item_anchor(c, it)) == NULL ||
	    a->year == 0)
		return 0;
	k = (size_t)(a - c->plan->strategy.anchors);
	return it->date < c->qstart[k] || it->date > c->qend[k];
}

static int
report_ITEM_OUTSIDE_ANCHOR_QUARTER(check_ctx *c, const strat_item *const *fl,
				   size_t nfl)
{
	const strat_item *it;
	const strat_anchor *a;
	char hint[160];
	size_t i;
	int q;

	for (i = 0; i < nfl; i++) {
		it = fl[i];
		a = item_anchor(c, it);
		/* a valid date: YYYY-MM-DD */
		q = ((it->date_text.s[5] - '0') * 10 +
		     (it->date_text.s[6] - '0') - 1) /
			3 +
		    1;
		snprintf(hint, sizeof(hint),
			 "move the item into %s, or trace it to an anchor of "
			 "%.4s-Q%d",
			 a->quarter.s, it->date_text.s, q);
		strat_diags_add(
		    c->diags, STRAT_RULE_ITEM_OUTSIDE_ANCHOR_QUARTER, it->file,
		    it->date_text.line, it->date_text.column, hint,
		    "item '%s' is dated %s, outside %s of anchor "
		    "'%s'",
		    it->id.s ? it->id.s : "?", it->date_text.s, a->quarter.s,
		    a->id.s);
	}
	return 0;
}

const check_rule rule_ITEM_OUTSIDE_ANCHOR_QUARTER = {
    begin_ITEM_OUTSIDE_ANCHOR_QUARTER, item_ITEM_OUTSIDE_ANCHOR_QUARTER,
    report_ITEM_OUTSIDE_ANCHOR_QUARTER};

/* 1 when file is one of the plan's calendar files. */
static int
is_calendar_file(const strat_plan *plan, const char *file)
{
	size_t i;

	for (i = 0; i < plan->ncals; i++)
		if (strcmp(plan->cals[i].path, file) == 0)
			return 1;
	return 0;
}

static int
begin_ANCHOR_WITHOUT_ITEMS(check_ctx *c)
{
	const strat_plan *plan = c->plan;
	size_t i;

	/* A calendar that did not parse may hold the items: no guessing.
	 * Nor when one has duplicate keys: an entry merged into the one
	 * before it (a missing '- ' line) hides its anchor. */
	for (i = 0; i < plan->ncals; i++)
		if (!plan->cals[i].loaded)
			return CHECK_SKIP;
	for (i = 0; i < strat_diags_count(c->diags); i++) {
		const strat_diag *d = strat_diags_get(c->diags, i);

		size_t n = strlen(d->message), k = sizeof(DUP_RUN) - 1;

		if (d->rule == STRAT_RULE_DUPLICATE_KEY && n > k &&
		    strcmp(d->message + n - k, DUP_RUN) == 0 &&
		    is_calendar_file(plan, d->file))
			return CHECK_SKIP;
	}
	/* used[i]: an item names the id of anchor i, which the plan's index
	 * maps to the first anchor of that id. */
	if ((c->used = calloc(plan->strategy.nanchors + 1, 1)) == NULL)
		return STRAT_ENOMEM;
	return 0;
}

static int
item_ANCHOR_WITHOUT_ITEMS(check_ctx *c, const strat_item *it)
{
	const strat_anchor *a = item_anchor(c, it);

	if (a != NULL)
		c->used[a - c->plan->strategy.anchors] = 1;
	return 0;
}

static int
report_ANCHOR_WITHOUT_ITEMS(check_ctx *c, const strat_item *const *fl,
			    size_t nfl)
{
	const strat_plan *plan = c->plan;
	const strat_strategy *s = &plan->strategy;
	const strat_anchor *a, *first;
	size_t i;

	(void)fl;
	(void)nfl;
	for (i = 0; i < s->nanchors; i++) {
		a = &s->anchors[i];
		if (a->id.s == NULL)
			continue;
		first = strat_plan_find_anchor(plan, a->id.s);
		if (first != NULL && c->used[first - s->anchors])
			continue;
		strat_diags_add(c->diags, STRAT_RULE_ANCHOR_WITHOUT_ITEMS,
				s->file, a->id.line, a->id.column,
				"plan work that serves it, or remove the "
				"anchor",
				"anchor '%s' has no calendar items", a->id.s);
	}
	return 0;
}

const check_rule rule_ANCHOR_WITHOUT_ITEMS = {begin_ANCHOR_WITHOUT_ITEMS,
					      item_ANCHOR_WITHOUT_ITEMS,
					      report_ANCHOR_WITHOUT_ITEMS};

static int
report_QUARTER_ANCHOR_COUNT(check_ctx *c, const strat_item *const *fl,
			    size_t nfl)
{
	const strat_plan *plan = c->plan;
	strat_diags *d = c->diags;
	const strat_strategy *s = &plan->strategy;
	const strat_anchor *a;
	strset quarters;
	size_t i, *count, *n;
	void *old;
	int r;

	(void)fl;
	(void)nfl;
	/* Counted only over a complete picture: every anchor with a valid
	 * quarter, every calendar file read (SPEC.md, "Cascades"). */
	for (i = 0; i < s->nanchors; i++)
		if (s->anchors[i].year == 0)
			return 0;
	for (i = 0; i < plan->ncals; i++)
		if (!plan->cals[i].loaded)
			return 0;
	if ((count = calloc(s->nanchors + 1, sizeof(*count))) == NULL)
		return STRAT_ENOMEM;
	strset_init(&quarters);
	/* A valid quarter is written one way (YYYY-Qn): count by text. */
	for (i = 0; i < s->nanchors; i++) {
		r = strset_put(&quarters, s->anchors[i].quarter.s, &count[i],
			       &old);
		if (r < 0) {
			strset_free(&quarters);
			free(count);
			return STRAT_ENOMEM;
		}
		n = r == 0 ? old : &count[i];
		(*n)++;
	}
	for (i = 0; i < s->nanchors; i++) {
		a = &s->anchors[i];
		if (count[i] == 0 || (count[i] >= 3 && count[i] <= 5))
			continue; /* not its quarter's first anchor, or fine */
		strat_diags_add(
		    d, STRAT_RULE_QUARTER_ANCHOR_COUNT, s->file,
		    a->quarter.line, a->quarter.column,
		    "keep 3 to 5 priorities per quarter",
		    "quarter '%s' has %zu anchor%s, expected 3 to 5",
		    a->quarter.s, count[i], count[i] == 1 ? "" : "s");
	}
	strset_free(&quarters);
	free(count);
	return 0;
}

const check_rule rule_QUARTER_ANCHOR_COUNT = {NULL, NULL,
					      report_QUARTER_ANCHOR_COUNT};

static int
begin_CHANNEL_UNKNOWN(check_ctx *c)
{
	return c->plan->config.nchannels == 0 ? CHECK_SKIP : 0;
}

static int
item_CHANNEL_UNKNOWN(check_ctx *c, const strat_item *it)
{
	return it->channel.s != NULL &&
	       find_channel(c->plan, it->channel.s) == NULL;
}

static int
report_CHANNEL_UNKNOWN(check_ctx *c, const strat_item *const *fl, size_t nfl)
{
	const strat_config *cf = &c->plan->config;
	const strat_item *it;
	const char *ids[128], *s;
	char hint[160];
	size_t i, n = 0;

	for (i = 0; i < cf->nchannels && n < 128; i++)
		ids[n++] = cf->channels[i].s;
	for (i = 0; i < nfl; i++) {
		it = fl[i];
		s = suggest(it->channel.s, ids, n);
		if (s)
			snprintf(hint, sizeof(hint), "did you mean '%s'?", s);
		else
			snprintf(hint, sizeof(hint),
				 "add it to 'channels:' in strat.yaml");
		strat_diags_add(c->diags, STRAT_RULE_CHANNEL_UNKNOWN, it->file,
				it->channel.line, it->channel.column, hint,
				"item '%s' uses unknown channel '%s'",
				it->id.s ? it->id.s : "?", it->channel.s);
	}
	return 0;
}

const check_rule rule_CHANNEL_UNKNOWN = {
    begin_CHANNEL_UNKNOWN, item_CHANNEL_UNKNOWN, report_CHANNEL_UNKNOWN};

static int
report_CALENDAR_GLOB_EMPTY(check_ctx *cx, const strat_item *const *fl,
			   size_t nfl)
{
	const strat_config *c = &cx->plan->config;
	strat_diags *d = cx->diags;
	size_t g;

	(void)fl;
	(void)nfl;
	for (g = 0; g < c->ncalendars; g++) {
		if (c->calendars[g].s == NULL || c->glob_matches[g] > 0)
			continue;
		/* line 0: the default glob, which strat.yaml does not
		 * spell out (or there is no strat.yaml) */
		strat_diags_add(
		    d, STRAT_RULE_CALENDAR_GLOB_EMPTY,
		    c->calendars[g].line ? c->file : "", c->calendars[g].line,
		    c->calendars[g].column,
		    c->calendars[g].line ? "check the pattern, or remove it"
					 : "add calendar files, or set "
					   "'calendars:' in strat.yaml",
		    "calendar glob '%s' matches no file", c->calendars[g].s);
	}
	/* metrics globs: only those strat.yaml writes (a plan need not
	 * record readings) */
	for (g = 0; g < c->nmetrics; g++)
		if (c->metrics[g].s && c->metrics[g].line &&
		    c->metrics_matches[g] == 0)
			strat_diags_add(d, STRAT_RULE_CALENDAR_GLOB_EMPTY,
					c->file, c->metrics[g].line,
					c->metrics[g].column,
					"check the pattern, or remove it",
					"metrics glob '%s' matches no file",
					c->metrics[g].s);
	return 0;
}

const check_rule rule_CALENDAR_GLOB_EMPTY = {NULL, NULL,
					     report_CALENDAR_GLOB_EMPTY};
