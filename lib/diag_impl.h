/* diag_impl.h - internal operations on a findings list.  (internal) */
#ifndef STRAT_DIAG_IMPL_H
#define STRAT_DIAG_IMPL_H

#include "strat/diag.h"

/*
 * Withdraw the findings added since index `from` for which keep() returns 0
 * (SPEC.md, "Cascades": a file that cannot be used reports only what makes
 * it unusable).  A callback set with strat_diags_set_callback() has already
 * seen them; the list and the counts no longer hold them.
 */
void diags_withdraw(strat_diags *d, size_t from,
		    int (*keep)(const strat_diag *g, void *arg), void *arg);

#endif
