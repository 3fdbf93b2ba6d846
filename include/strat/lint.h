/*
 * strat/lint.h - run the rule registry over a loaded plan.
 */
#ifndef STRAT_LINT_H
#define STRAT_LINT_H

#include "plan.h"

/*
 * Run every PLAN-stage rule over plan (LOAD-stage findings were added when
 * it was loaded) and add findings to diags.  Returns 0 or STRAT_ENOMEM.
 */
int strat_lint(const strat_plan *plan, const strat_load_options *opts,
	       strat_diags *diags);

#endif
