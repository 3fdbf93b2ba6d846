/*
 * checks.h - the PLAN-stage checks of the rule registry.  (internal)
 *
 * lib/lint.c walks the items of a plan once and runs every enabled rule in
 * that walk.  Each rule SYM of stage PLAN in include/strat/rules.def is a
 * check_rule named rule_SYM in lib/checks.c, with up to three functions:
 *
 *	begin	before the walk: set up the rule's state in the check_ctx.
 *		Returns 0, CHECK_SKIP when the rule has nothing to check
 *		(then neither item nor report is called), or STRAT_ENOMEM.
 *	item	for each item, in order, during the walk.  Returns 1 when
 *		the item has a finding of this rule (it is handed to
 *		report), 0 when not.  Never adds findings itself.
 *	report	after the walk, rule by rule in registry order: add the
 *		rule's findings, those over plan-level objects (anchors,
 *		outcomes, kpis, people, globs) and those of the items the
 *		walk flagged, in the order the rule always emitted them.
 *		Returns 0 or STRAT_ENOMEM.
 *
 * Findings are added in the same order as a rule-by-rule run, so the
 * per-file cap (lib/diag.c) and a diagnostics callback see what they
 * always saw.
 */
#ifndef STRAT_CHECKS_H
#define STRAT_CHECKS_H

#include "strat/plan.h"
#include "strset.h"

#define CHECK_SKIP 1

/* What the rules share during one lint: the plan and the state of each
 * rule that keeps some across the walk. */
typedef struct {
	const strat_plan *plan;
	const strat_load_options *opts;
	strat_diags *diags;
	/* OUTCOME_UNKNOWN */
	strset outs, kpis;
	/* ITEM_OUTSIDE_ANCHOR_QUARTER: each anchor's first and last day */
	strat_day *qstart, *qend;
	/* ANCHOR_WITHOUT_ITEMS: used[i], an item names anchor i */
	unsigned char *used;
} check_ctx;

typedef struct {
	int (*begin)(check_ctx *c);
	int (*item)(check_ctx *c, const strat_item *it);
	int (*report)(check_ctx *c, const strat_item *const *flagged, size_t n);
} check_rule;

void check_ctx_init(check_ctx *c, const strat_plan *plan,
		    const strat_load_options *opts, strat_diags *d);
void check_ctx_free(check_ctx *c);

#define DECL_LOAD(sym)
#define DECL_HISTORY(sym)
#define DECL_PLAN(sym)                           extern const check_rule rule_##sym;
#define STRAT_RULE(sym, id, sev, stage, summary) DECL_##stage(sym)
#include "strat/rules.def"
#undef STRAT_RULE
#undef DECL_LOAD
#undef DECL_HISTORY
#undef DECL_PLAN

#endif
