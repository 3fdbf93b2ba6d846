/*
 * plan_at.c - the plan as it stood at a day of its history: the newest
 * commit of the first-parent chain made before that day, read from the
 * plan's directory in that commit (strat week's "changed since last
 * week").  Composed of the git sources and the loader; no libgit2 here.
 */
#include <stdlib.h>
#include <string.h>

#include "strat/git.h"

int
strat_plan_load_before(strat_plan **out, strat_commit *commit, int *truncated,
		       strat_repo *repo, const strat_oid *tip, strat_day before,
		       const char *dir, const strat_load_options *opts,
		       strat_diags *diags)
{
	strat_walk *walk = NULL;
	strat_source src, sub;
	int rc, found = 0;

	*out = NULL;
	if (truncated)
		*truncated = 0;
	if ((rc = strat_walk_new(&walk, repo, tip, 0)) < 0)
		return rc;
	while ((rc = strat_walk_next(walk, commit)) == 1)
		if (commit->time < (int64_t)before * 86400) {
			found = 1;
			break;
		}
	if (truncated)
		*truncated = strat_walk_truncated(walk);
	strat_walk_free(walk);
	if (rc < 0 && rc != STRAT_ESHALLOW)
		return rc;
	if (!found)
		return 0;
	if ((rc = strat_source_commit(&src, repo, &commit->id)) < 0)
		return rc;
	if ((rc = strat_source_prefix(&sub, &src, dir ? dir : "")) == 0) {
		rc = strat_plan_load(out, &sub, opts, diags);
		strat_source_prefix_free(&sub);
	}
	strat_source_git_free(&src);
	return rc < 0 ? rc : 1;
}
