/*
 * lint.c - run every PLAN-stage rule of the registry over a plan, in one
 * walk over the items (see lib/checks.h).
 */
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "plan_impl.h"
#include "strat/lint.h"

#define RULE_LOAD(sym)    NULL
#define RULE_HISTORY(sym) NULL
#define RULE_PLAN(sym)    &rule_##sym
static const check_rule *const rules[] = {
#define STRAT_RULE(sym, id, sev, stage, summary) RULE_##stage(sym),
#include "strat/rules.def"
#undef STRAT_RULE
};

/* The items one rule's item function flagged. */
typedef struct {
	const strat_item **v;
	size_t n, cap;
} flagged;

static int
flag(flagged *f, const strat_item *it)
{
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 16;
		const strat_item **v = realloc(f->v, cap * sizeof(*v));

		if (v == NULL)
			return STRAT_ENOMEM;
		f->v = v;
		f->cap = cap;
	}
	f->v[f->n++] = it;
	return 0;
}

int
strat_lint(const strat_plan *plan, const strat_load_options *opts,
	   strat_diags *diags)
{
	strat_load_options defaults = STRAT_LOAD_OPTIONS_INIT;
	unsigned char on[STRAT_RULE__COUNT];
	/* the rules with an item function, for the walk */
	size_t walk[STRAT_RULE__COUNT], nwalk = 0;
	flagged fl[STRAT_RULE__COUNT];
	check_ctx ctx;
	const strat_item *it, *end;
	size_t i, k;
	int rc = 0;

	if (opts == NULL)
		opts = &defaults;
	check_ctx_init(&ctx, plan, opts, diags);
	memset(fl, 0, sizeof(fl));
	for (i = 0; i < STRAT_RULE__COUNT; i++) {
		on[i] = 0;
		if (rules[i] == NULL ||
		    strat_diags_severity(diags, (strat_rule)i) == STRAT_SEV_OFF)
			continue;
		if (rules[i]->begin) {
			if ((rc = rules[i]->begin(&ctx)) < 0)
				goto out;
			if (rc == CHECK_SKIP)
				continue;
		}
		on[i] = 1;
		if (rules[i]->item)
			walk[nwalk++] = i;
	}
	rc = 0;
	/* The one walk: each item once, through every enabled rule. */
	for (i = 0; nwalk > 0 && i < plan->nitems; i += ITEM_CHUNK) {
		it = plan->chunks[i / ITEM_CHUNK];
		end = it + (plan->nitems - i < ITEM_CHUNK ? plan->nitems - i
							  : ITEM_CHUNK);
		for (; it < end; it++)
			for (k = 0; k < nwalk; k++)
				if (rules[walk[k]]->item(&ctx, it) &&
				    (rc = flag(&fl[walk[k]], it)) < 0)
					goto out;
	}
	/* Findings rule by rule, in the order of a rule-by-rule run. */
	for (i = 0; i < STRAT_RULE__COUNT; i++)
		if (on[i] &&
		    (rc = rules[i]->report(&ctx, fl[i].v, fl[i].n)) < 0)
			goto out;
out:
	for (i = 0; i < STRAT_RULE__COUNT; i++)
		free(fl[i].v);
	check_ctx_free(&ctx);
	return rc < 0 ? rc : 0;
}
