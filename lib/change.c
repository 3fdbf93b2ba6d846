/*
 * change.c - which commit of a history made a slip or a drop
 * (strat/history.h, strat_history_change).  With strat_commit_reason
 * (git.c) it answers "who changed this, and why" for strat diff and
 * strat report.
 */
#include "strat/history.h"

long
strat_history_change(const strat_history *h, const strat_htrack *t,
		     int cat, uint32_t from, uint32_t upto)
{
	const strat_hitem *prev = NULL, *v;
	long found = -1;
	size_t i;

	if (h == NULL || t == NULL)
		return -1;
	for (i = 0; i < t->nversions; i++) {
		v = t->versions[i].v;
		if (t->versions[i].commit > upto)
			break;
		if (v != NULL && prev != NULL && t->versions[i].commit >= from) {
			if (cat == STRAT_CAT_SLIPPED && v->date != STRAT_NO_DATE &&
			    prev->date != STRAT_NO_DATE && v->date > prev->date)
				found = (long)t->versions[i].commit;
			if (cat == STRAT_CAT_DROPPED &&
			    v->status == STRAT_STATUS_DROPPED &&
			    prev->status != STRAT_STATUS_DROPPED)
				found = (long)t->versions[i].commit;
		}
		if (v != NULL)
			prev = v;
	}
	return found;
}
