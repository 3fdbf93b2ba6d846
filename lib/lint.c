/* lint.c - run every PLAN-stage rule of the registry over a plan. */
#include "checks.h"
#include "strat/lint.h"

#define FN_LOAD(sym) NULL
#define FN_PLAN(sym) check_##sym
static const check_fn checks[] = {
#define STRAT_RULE(sym, id, sev, stage, summary) FN_##stage(sym),
#include "strat/rules.def"
#undef STRAT_RULE
};

int
strat_lint(const strat_plan *plan, const strat_load_options *opts,
	   strat_diags *diags)
{
	strat_load_options defaults = STRAT_LOAD_OPTIONS_INIT;
	size_t i;
	int rc;

	if (opts == NULL)
		opts = &defaults;
	for (i = 0; i < STRAT_RULE__COUNT; i++) {
		if (checks[i] == NULL ||
		    strat_diags_severity(diags, (strat_rule)i) == STRAT_SEV_OFF)
			continue;
		if ((rc = checks[i](plan, opts, diags)) < 0)
			return rc;
	}
	return 0;
}
