/*
 * gitplan.c - load the plan as staged or as committed, for 'strat lint
 * --staged/--rev/--new-since' and 'strat diff'.
 *
 * The plan may live in a subdirectory of the repository.  Its directory
 * (the prefix) is found by the rule of the working tree (strat_plan_locate),
 * in the version being read (for 'strat report', the revision reported
 * on): the nearest directory from the current one upwards holding
 * strat.yaml or strategy.yaml in that version (else the top of the
 * repository).  A directory named on the command line is taken as is
 * (relative to the top of the work tree by path_below).  The plan is then
 * read below that directory (strat_plan_load_commit for a commit, a
 * prefix-stripping source for the index), so paths in findings are
 * relative to the plan directory, as in the working tree.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

int
gitplan_open(gitplan *g, const char *dir)
{
	const char *wd;
	size_t n;
	int rc;

	memset(g, 0, sizeof(*g));
	if ((rc = cmd_repo_open(&g->repo, dir ? dir : ".")) < 0 && dir != NULL)
		rc = cmd_repo_open(&g->repo, ".");
	if (rc < 0) {
		die_msg("%s", strat_error_last());
		goto fail;
	}
	g->explicit = dir != NULL;
	warn_rewritten(g->repo);
	wd = strat_repo_workdir(g->repo);
	if (wd == NULL) { /* bare: a directory is a path in the tree */
		g->start = strdup(dir ? dir : "");
		goto trim;
	}
	if ((g->top = realpath(wd, NULL)) == NULL) {
		die_msg("cannot resolve the work tree '%s': %s", wd,
			strerror(errno));
		goto fail;
	}
	rc = path_below(&g->start, g->top, dir ? dir : ".");
	if (rc == STRAT_EOUTSIDE && dir == NULL) {
		g->start = strdup(""); /* GIT_DIR/GIT_WORK_TREE elsewhere */
		goto trim;
	}
	if (rc == STRAT_EOUTSIDE) {
		die_msg("'%s' is outside the repository '%s'", dir, g->top);
		goto fail;
	}
	if (rc < 0) {
		die_msg("%s", strat_error_last());
		goto fail;
	}
trim:
	if (g->start == NULL) {
		die_msg("out of memory");
		goto fail;
	}
	n = strlen(g->start);
	while (n > 0 && g->start[n - 1] == '/')
		g->start[--n] = '\0';
	return 0;
fail:
	gitplan_close(g);
	return -1;
}

void
gitplan_close(gitplan *g)
{
	strat_repo_free(g->repo);
	free(g->top);
	free(g->start);
	free(g->prefix);
	memset(g, 0, sizeof(*g));
}

/* Decide the plan directory: the one in src (strat_plan_locate), unless
 * it was named. */
static int
find_prefix(gitplan *g, const strat_source *src)
{
	if (g->explicit)
		return (g->prefix = strdup(g->start)) ? 0 : STRAT_ENOMEM;
	return strat_plan_locate(&g->prefix, src, g->start) < 0 ? -1 : 0;
}

int
gitplan_load(gitplan *g, const strat_oid *commit, const strat_load_options *lo,
	     strat_diags *diags, strat_plan **out)
{
	strat_source inner, src;
	int rc;

	if (commit != NULL)
		return gitplan_load_mended(g, commit, lo, diags, NULL, out,
					   NULL);
	/* the index: staged files, nothing to mend them from */
	*out = NULL;
	if ((rc = strat_source_index(&inner, g->repo)) < 0)
		goto out;
	if (g->prefix == NULL && (rc = find_prefix(g, &inner)) < 0) {
		if (rc == STRAT_ENOMEM)
			strat_error_set(rc, "out of memory");
		goto out_inner;
	}
	if ((rc = strat_source_prefix(&src, &inner, g->prefix)) == 0) {
		rc = strat_plan_load(out, &src, lo, diags);
		strat_source_prefix_free(&src);
	}
out_inner:
	strat_source_git_free(&inner);
out:
	if (rc < 0)
		die_msg("%s", strat_error_last());
	return rc;
}

int
gitplan_load_mended(gitplan *g, const strat_oid *commit,
		    const strat_load_options *lo, strat_diags *diags,
		    strat_diags *mended_diags, strat_plan **out,
		    strat_mends **mends)
{
	int rc;

	*out = NULL;
	if ((rc = gitplan_find(g, commit)) < 0)
		return rc;
	if ((rc = strat_plan_load_commit(out, mends, g->repo, commit, g->prefix,
					 lo, diags, mended_diags)) < 0)
		die_msg("%s", strat_error_last());
	return rc;
}

int
gitplan_find(gitplan *g, const strat_oid *commit)
{
	strat_source src;
	int rc;

	if (g->prefix != NULL)
		return 0;
	if ((rc = strat_source_commit(&src, g->repo, commit)) < 0) {
		die_msg("%s", strat_error_last());
		return rc;
	}
	rc = find_prefix(g, &src);
	strat_source_git_free(&src);
	if (rc == STRAT_ENOMEM)
		die_msg("out of memory");
	else if (rc < 0)
		die_msg("%s", strat_error_last());
	return rc;
}

int
gitplan_resolve(gitplan *g, const char *rev, strat_oid *out)
{
	int rc = strat_repo_resolve(g->repo, rev, out);

	if (rc < 0)
		die_msg("%s", strat_error_last());
	return rc;
}
