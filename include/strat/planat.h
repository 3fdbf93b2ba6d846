/*
 * strat/planat.h - the plan as committed at a moment, with plan files that
 * do not parse replaced by their last version that did.
 *
 * A check-in, a review and a comparison of findings all read the plan of
 * some commit (or of the working tree) and compare it with another.  A
 * calendar file that does not parse in one of them would otherwise lose
 * all its items there, and every one would look removed.  These calls do
 * as 'strat report' does (spec/SPEC.md, section 14): the findings of the
 * version read are reported as they are, but the items of a file that did
 * not parse come from the last version of that file, on the first-parent
 * chain, that did.
 *
 * Ownership: a strat_mends list owns its strings; free it with
 * strat_mends_free (NULL is ok).  Nothing here prints.
 */
#ifndef STRAT_PLANAT_H
#define STRAT_PLANAT_H

#include "git.h"
#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A calendar file of the version read that did not parse. */
typedef struct {
	char *file;            /* plan-relative path */
	uint32_t line, column; /* of the reason; 0 when unknown */
	char *message;         /* why it did not parse */
	int found;             /* 1: a version that parsed stands in */
	strat_oid commit;      /* ... of this commit (when found) */
	int64_t time;          /* ... committed then */
} strat_mend;

typedef struct {
	strat_mend *files;
	size_t nfiles;
} strat_mends;

void strat_mends_free(strat_mends *m);

/*
 * Load the plan through src, like strat_plan_load, with findings going to
 * diags.  Every calendar file that did not parse is listed in *mends; when
 * repo and from are given, its last version that parsed in the
 * first-parent chain from `from` (at most STRAT_MEND_LOOKBACK commits
 * back; the file's path is root/file in each tree, root "" or NULL being
 * the top) is loaded in its place, and the findings of that version go to
 * mended_diags when not NULL (else nowhere).  Returns 0 with *out and
 * *mends set, or a negative code.
 */
#define STRAT_MEND_LOOKBACK 10000
int strat_plan_load_mended(strat_plan **out, strat_mends **mends,
			   const strat_source *src, strat_repo *repo,
			   const strat_oid *from, const char *root,
			   const strat_load_options *lo, strat_diags *diags,
			   strat_diags *mended_diags);

/*
 * The plan of commit, read from the directory root of its tree ("" or
 * NULL: the top; paths in the plan and its findings are relative to
 * root), as strat_plan_load reads a plan, with findings going to diags.
 * With mends, every calendar file that did not parse is listed in *mends
 * and mended from commit back (strat_plan_load_mended; the findings of
 * the stand-ins go to mended_diags when not NULL); with mends NULL
 * nothing is mended and a file that does not parse has no items.
 * Returns 0 with *out (and *mends) set, or a negative code (the commit or
 * its tree cannot be read).
 */
int strat_plan_load_commit(strat_plan **out, strat_mends **mends,
			   strat_repo *repo, const strat_oid *commit,
			   const char *root, const strat_load_options *lo,
			   strat_diags *diags, strat_diags *mended_diags);

/*
 * The newest commit on the first-parent chain from tip whose time is
 * before `until` (seconds since the epoch, UTC), a commit's time being
 * its committer time made non-decreasing along the chain (spec/SPEC.md,
 * section 14, History: the plan at a moment).  Returns 1 with *out and
 * *time (that non-decreasing time) set, 0 when there is none (then
 * *shallow says whether the walk stopped at a shallow-clone boundary),
 * or a negative code.
 */
int strat_commit_before(strat_repo *repo, const strat_oid *tip, int64_t until,
			strat_oid *out, int64_t *time, int *shallow);

/*
 * The plan as of a moment: the plan of the newest commit before `until`
 * on the first-parent chain from tip (strat_commit_before), read from the
 * directory root of its tree and mended (strat_plan_load_commit).
 * Returns 1 with *out, *mends, *commit and *time set; 0 when no commit is
 * that old (*out NULL); or a negative code.
 */
int strat_plan_as_of(strat_plan **out, strat_mends **mends, strat_oid *commit,
		     int64_t *time, strat_repo *repo, const strat_oid *tip,
		     int64_t until, const char *root,
		     const strat_load_options *lo, strat_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
