/*
 * checks.c - rules over the whole plan, one function per rule, named
 * check_<SYMBOL> after the registry in include/strat/rules.def.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "plan_impl.h"

#define EACH_ITEM(plan, i, it)                                 \
	for (i = 0; i < (plan)->nitems &&                      \
		    ((it) = strat_plan_item((plan), i)) != NULL; \
	     i++)

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

int
check_DUPLICATE_ID(const strat_plan *plan, const strat_load_options *o,
		   strat_diags *d)
{
	const strat_strategy *s = &plan->strategy;
	const strat_team *t = &plan->team;
	const strat_item *it;
	strset seen;
	first_def *defs;
	size_t i, n, max;
	int rc = 0;

	(void)o;
	max = plan->nitems;
	if (s->nanchors > max)
		max = s->nanchors;
	if (s->noutcomes > max)
		max = s->noutcomes;
	if (s->nkpis > max)
		max = s->nkpis;
	if (t->npeople > max)
		max = t->npeople;
	if ((defs = malloc((max + 1) * sizeof(*defs))) == NULL)
		return STRAT_ENOMEM;
	strset_init(&seen);
	n = 0;
	EACH_ITEM(plan, i, it)
	if ((rc = dup(d, &seen, defs, &n, "item", it->file, &it->id)) < 0)
		goto out;
	strset_free(&seen);
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

int
check_ITEM_ANCHOR_UNKNOWN(const strat_plan *plan, const strat_load_options *o,
			  strat_diags *d)
{
	const strat_item *it;
	const char **ids, *s;
	char hint[160];
	size_t i, n;

	(void)o;
	if (plan->strategy.file == NULL)
		return 0; /* reported: the strategy is missing */
	anchor_ids(plan, &ids, &n);
	if (ids == NULL)
		return STRAT_ENOMEM;
	EACH_ITEM(plan, i, it)
	{
		if (it->anchor.s == NULL ||
		    strat_plan_find_anchor(plan, it->anchor.s))
			continue;
		s = suggest(it->anchor.s, ids, n);
		if (s)
			snprintf(hint, sizeof(hint), "did you mean '%s'?", s);
		else
			snprintf(hint, sizeof(hint),
				 "add the anchor to %s, or trace the item to "
				 "one that exists",
				 plan->strategy.file);
		strat_diags_add(d, STRAT_RULE_ITEM_ANCHOR_UNKNOWN, it->file,
				it->anchor.line, it->anchor.column, hint,
				"item '%s' references unknown anchor '%s'",
				it->id.s ? it->id.s : "?", it->anchor.s);
	}
	free(ids);
	return 0;
}

static void
owner_check(const strat_plan *plan, strat_diags *d, const char *file,
	    const strat_str *owner, const char *what, const char *id)
{
	const char *ids[256], *s;
	char hint[160];
	size_t i, n = 0;

	if (owner->s == NULL || strat_plan_find_person(plan, owner->s))
		return;
	for (i = 0; i < plan->team.npeople && n < 256; i++)
		ids[n++] = plan->team.people[i].id.s;
	s = suggest(owner->s, ids, n);
	if (s)
		snprintf(hint, sizeof(hint), "did you mean '%s'?", s);
	else
		snprintf(hint, sizeof(hint), "add '%s' to %s", owner->s,
			 plan->team.file);
	strat_diags_add(d, STRAT_RULE_OWNER_UNKNOWN, file, owner->line,
			owner->column, hint,
			"owner '%s' of %s%s%s%s is not in the team", owner->s,
			what, id ? " '" : "", id ? id : "", id ? "'" : "");
}

int
check_OWNER_UNKNOWN(const strat_plan *plan, const strat_load_options *o,
		    strat_diags *d)
{
	const strat_strategy *s = &plan->strategy;
	const strat_item *it;
	size_t i;

	(void)o;
	if (plan->team.file == NULL)
		return 0;
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
	EACH_ITEM(plan, i, it)
	owner_check(plan, d, it->file, &it->owner, "item", it->id.s);
	return 0;
}

static int
has_outcome(const strat_strategy *s, const char *id)
{
	size_t i;

	for (i = 0; i < s->noutcomes; i++)
		if (s->outcomes[i].id.s && strcmp(s->outcomes[i].id.s, id) == 0)
			return 1;
	return 0;
}

static int
has_kpi(const strat_strategy *s, const char *id)
{
	size_t i;

	for (i = 0; i < s->nkpis; i++)
		if (s->kpis[i].id.s && strcmp(s->kpis[i].id.s, id) == 0)
			return 1;
	return 0;
}

int
check_OUTCOME_UNKNOWN(const strat_plan *plan, const strat_load_options *o,
		      strat_diags *d)
{
	const strat_strategy *s = &plan->strategy;
	const strat_item *it;
	const char *ids[256], *sug;
	char hint[160];
	size_t i, j, n = 0;

	(void)o;
	if (s->file == NULL)
		return 0;
	for (i = 0; i < s->noutcomes && n < 256; i++)
		ids[n++] = s->outcomes[i].id.s;
	for (i = 0; i < s->nanchors; i++) {
		const strat_anchor *a = &s->anchors[i];

		for (j = 0; j < a->noutcomes; j++) {
			if (has_outcome(s, a->outcomes[j].s))
				continue;
			sug = suggest(a->outcomes[j].s, ids, n);
			if (sug)
				snprintf(hint, sizeof(hint),
					 "did you mean '%s'?", sug);
			else
				snprintf(hint, sizeof(hint),
					 "define it under 'outcomes:'");
			strat_diags_add(d, STRAT_RULE_OUTCOME_UNKNOWN, s->file,
					a->outcomes[j].line,
					a->outcomes[j].column, hint,
					"anchor '%s' serves unknown outcome "
					"'%s'",
					a->id.s ? a->id.s : "?",
					a->outcomes[j].s);
		}
	}
	for (i = 0; i < s->noutcomes; i++)
		if (s->outcomes[i].kpi.s && !has_kpi(s, s->outcomes[i].kpi.s))
			strat_diags_add(d, STRAT_RULE_OUTCOME_UNKNOWN, s->file,
					s->outcomes[i].kpi.line,
					s->outcomes[i].kpi.column,
					"define it under 'kpis:'",
					"outcome '%s' names unknown kpi '%s'",
					s->outcomes[i].id.s
						? s->outcomes[i].id.s
						: "?",
					s->outcomes[i].kpi.s);
	EACH_ITEM(plan, i, it)
	{
		if (it->kpi.s && !has_kpi(s, it->kpi.s))
			strat_diags_add(d, STRAT_RULE_OUTCOME_UNKNOWN, it->file,
					it->kpi.line, it->kpi.column,
					"define it under 'kpis:' in the "
					"strategy",
					"item '%s' names unknown kpi '%s'",
					it->id.s ? it->id.s : "?", it->kpi.s);
	}
	return 0;
}

int
check_SHIPPED_WITHOUT_DATE(const strat_plan *plan,
			   const strat_load_options *o, strat_diags *d)
{
	const strat_item *it;
	size_t i;

	(void)o;
	EACH_ITEM(plan, i, it)
	{
		if (it->status != STRAT_STATUS_SHIPPED || it->shipped_text.s)
			continue;
		strat_diags_add(d, STRAT_RULE_SHIPPED_WITHOUT_DATE, it->file,
				it->status_text.line, it->status_text.column,
				"add 'shipped: YYYY-MM-DD', the day it went "
				"out",
				"item '%s' is shipped but has no shipped date",
				it->id.s ? it->id.s : "?");
	}
	return 0;
}

int
check_SHIPPED_DATE_WITHOUT_STATUS(const strat_plan *plan,
				  const strat_load_options *o, strat_diags *d)
{
	const strat_item *it;
	size_t i;

	(void)o;
	EACH_ITEM(plan, i, it)
	{
		if (it->shipped_text.s == NULL ||
		    it->status == STRAT_STATUS_SHIPPED ||
		    it->status == STRAT_STATUS_NONE)
			continue;
		strat_diags_add(d, STRAT_RULE_SHIPPED_DATE_WITHOUT_STATUS,
				it->file, it->shipped_text.line,
				it->shipped_text.column,
				"set 'status: shipped', or remove the date",
				"item '%s' has a shipped date but its status "
				"is '%s'",
				it->id.s ? it->id.s : "?", it->status_text.s);
	}
	return 0;
}

int
check_SHIPPED_IN_FUTURE(const strat_plan *plan, const strat_load_options *o,
			strat_diags *d)
{
	const strat_item *it;
	char today[11];
	size_t i;

	if (o->today == STRAT_NO_DATE)
		return 0;
	strat_date_format(o->today, today);
	EACH_ITEM(plan, i, it)
	{
		if (it->shipped == STRAT_NO_DATE || it->shipped <= o->today)
			continue;
		strat_diags_add(d, STRAT_RULE_SHIPPED_IN_FUTURE, it->file,
				it->shipped_text.line, it->shipped_text.column,
				"record the day it actually went out",
				"item '%s' shipped on %s, after today (%s)",
				it->id.s ? it->id.s : "?", it->shipped_text.s,
				today);
	}
	return 0;
}

int
check_ITEM_OUTSIDE_ANCHOR_QUARTER(const strat_plan *plan,
				  const strat_load_options *o, strat_diags *d)
{
	const strat_item *it;
	const strat_anchor *a;
	size_t i;

	(void)o;
	EACH_ITEM(plan, i, it)
	{
		if (it->anchor.s == NULL || it->date == STRAT_NO_DATE ||
		    (a = strat_plan_find_anchor(plan, it->anchor.s)) == NULL ||
		    a->year == 0)
			continue;
		if (it->date >= strat_quarter_start(a->year, a->q) &&
		    it->date <= strat_quarter_end(a->year, a->q))
			continue;
		strat_diags_add(d, STRAT_RULE_ITEM_OUTSIDE_ANCHOR_QUARTER,
				it->file, it->date_text.line,
				it->date_text.column,
				"move the date into the quarter, or trace the "
				"item to an anchor of its own quarter",
				"item '%s' is dated %s, outside its anchor "
				"'%s' (%s)",
				it->id.s ? it->id.s : "?", it->date_text.s,
				a->id.s, a->quarter.s);
	}
	return 0;
}

int
check_ANCHOR_WITHOUT_ITEMS(const strat_plan *plan,
			   const strat_load_options *o, strat_diags *d)
{
	const strat_strategy *s = &plan->strategy;
	const strat_item *it;
	strset used;
	size_t i;

	(void)o;
	/* A calendar that did not parse may hold the items: no guessing. */
	for (i = 0; i < plan->ncals; i++)
		if (!plan->cals[i].loaded)
			return 0;
	strset_init(&used);
	EACH_ITEM(plan, i, it)
	{
		if (it->anchor.s &&
		    strset_put(&used, it->anchor.s, (void *)it, NULL) < 0) {
			strset_free(&used);
			return STRAT_ENOMEM;
		}
	}
	for (i = 0; i < s->nanchors; i++) {
		const strat_anchor *a = &s->anchors[i];

		if (a->id.s == NULL || strset_get(&used, a->id.s))
			continue;
		strat_diags_add(d, STRAT_RULE_ANCHOR_WITHOUT_ITEMS, s->file,
				a->id.line, a->id.column,
				"plan work that serves it, or remove the "
				"priority",
				"anchor '%s' has no calendar items", a->id.s);
	}
	strset_free(&used);
	return 0;
}

int
check_QUARTER_ANCHOR_COUNT(const strat_plan *plan,
			   const strat_load_options *o, strat_diags *d)
{
	const strat_strategy *s = &plan->strategy;
	size_t i, j, n;
	int first;

	(void)o;
	for (i = 0; i < s->nanchors; i++) {
		const strat_anchor *a = &s->anchors[i];

		if (a->year == 0)
			continue;
		first = 1;
		n = 0;
		for (j = 0; j < s->nanchors; j++) {
			if (s->anchors[j].year != a->year ||
			    s->anchors[j].q != a->q)
				continue;
			if (j < i)
				first = 0;
			n++;
		}
		if (!first || (n >= 3 && n <= 5))
			continue;
		strat_diags_add(d, STRAT_RULE_QUARTER_ANCHOR_COUNT, s->file,
				a->quarter.line, a->quarter.column,
				n < 3 ? "a quarter wants 3 to 5 focus areas; "
					"add anchors"
				      : "a quarter wants 3 to 5 focus areas; "
					"more fragments the team",
				"quarter '%s' has %zu anchor%s", a->quarter.s,
				n, n == 1 ? "" : "s");
	}
	return 0;
}

int
check_CHANNEL_UNKNOWN(const strat_plan *plan, const strat_load_options *o,
		      strat_diags *d)
{
	const strat_config *c = &plan->config;
	const strat_item *it;
	const char *ids[128], *s;
	char hint[160];
	size_t i, j, n = 0;

	(void)o;
	if (c->nchannels == 0)
		return 0;
	for (i = 0; i < c->nchannels && n < 128; i++)
		ids[n++] = c->channels[i].s;
	EACH_ITEM(plan, i, it)
	{
		if (it->channel.s == NULL)
			continue;
		for (j = 0; j < c->nchannels; j++)
			if (strcmp(c->channels[j].s, it->channel.s) == 0)
				break;
		if (j < c->nchannels)
			continue;
		s = suggest(it->channel.s, ids, n);
		if (s)
			snprintf(hint, sizeof(hint), "did you mean '%s'?", s);
		else
			snprintf(hint, sizeof(hint),
				 "add it to 'channels:' in strat.yaml");
		strat_diags_add(d, STRAT_RULE_CHANNEL_UNKNOWN, it->file,
				it->channel.line, it->channel.column, hint,
				"item '%s' uses unknown channel '%s'",
				it->id.s ? it->id.s : "?", it->channel.s);
	}
	return 0;
}

int
check_CALENDAR_GLOB_EMPTY(const strat_plan *plan,
			  const strat_load_options *o, strat_diags *d)
{
	const strat_config *c = &plan->config;
	size_t g;

	(void)o;
	for (g = 0; g < c->ncalendars; g++) {
		if (c->calendars[g].s == NULL || c->glob_matches[g] > 0)
			continue;
		/* line 0: the default glob, which strat.yaml does not
		 * spell out (or there is no strat.yaml) */
		strat_diags_add(d, STRAT_RULE_CALENDAR_GLOB_EMPTY,
				c->calendars[g].line ? c->file : "",
				c->calendars[g].line, c->calendars[g].column,
				c->calendars[g].line
					? "check the pattern, or remove it"
					: "add calendar files, or set "
					  "'calendars:' in strat.yaml",
				"calendar glob '%s' matches no file",
				c->calendars[g].s);
	}
	return 0;
}
