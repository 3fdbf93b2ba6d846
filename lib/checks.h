/* checks.h - the PLAN-stage checks of the rule registry.  (internal) */
#ifndef STRAT_CHECKS_H
#define STRAT_CHECKS_H

#include "strat/plan.h"

typedef int (*check_fn)(const strat_plan *plan, const strat_load_options *o,
			strat_diags *d);

#define DECL_LOAD(sym)
#define DECL_PLAN(sym)                                                        \
	int check_##sym(const strat_plan *plan, const strat_load_options *o, \
			strat_diags *d);
#define STRAT_RULE(sym, id, sev, stage, summary) DECL_##stage(sym)
#include "strat/rules.def"
#undef STRAT_RULE
#undef DECL_LOAD
#undef DECL_PLAN

#endif
