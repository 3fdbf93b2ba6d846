/*
 * gitplan.c - load the plan as staged or as committed, for 'strat lint
 * --staged/--rev/--new-since' and 'strat diff'.
 *
 * The plan may live in a subdirectory of the repository.  Its directory
 * (the prefix) is found by the rule of the working tree (strat_plan_locate),
 * in the version being read (for 'strat report', the revision reported
 * on): the nearest directory from the current one upwards holding
 * strat.yaml or strategy.yaml in that version (else the top of the
 * repository).  A directory named on the command line is taken as is.
 * The plan is then read through a prefix-stripping source, so paths in
 * findings are relative to the plan directory, as in the working tree.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

/* Lexically normalise an absolute path in place ("." and ".." removed). */
static void
normalise(char *p)
{
	char *out = p, *seg = p;
	size_t n;

	while (*seg) {
		while (*seg == '/')
			seg++;
		if (*seg == '\0')
			break;
		n = strcspn(seg, "/");
		if (n == 1 && seg[0] == '.') {
			/* skip */
		} else if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			while (out > p && *--out != '/')
				;
		} else {
			*out++ = '/';
			memmove(out, seg, n);
			out += n;
		}
		seg += n;
	}
	if (out == p)
		*out++ = '/';
	*out = '\0';
}

int
gitplan_open(gitplan *g, const char *dir)
{
	const char *wd;
	char cwd[PATH_MAX], abs[PATH_MAX * 2], *real;
	size_t n;
	int rc;

	memset(g, 0, sizeof(*g));
	if ((rc = cmd_repo_open(&g->repo, dir ? dir : ".")) < 0 && dir != NULL)
		rc = cmd_repo_open(&g->repo, ".");
	if (rc < 0) {
		die_msg("%s", strat_error_last());
		return -1;
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
		return -1;
	}
	if (getcwd(cwd, sizeof(cwd)) == NULL) {
		die_msg("cannot find the current directory: %s",
			strerror(errno));
		return -1;
	}
	if (dir == NULL)
		snprintf(abs, sizeof(abs), "%s", cwd);
	else if ((real = realpath(dir, NULL)) != NULL) {
		snprintf(abs, sizeof(abs), "%s", real);
		free(real);
	} else if (dir[0] == '/')
		snprintf(abs, sizeof(abs), "%s", dir);
	else
		snprintf(abs, sizeof(abs), "%s/%s", cwd, dir);
	normalise(abs);
	n = strlen(g->top);
	if (strcmp(abs, g->top) == 0)
		g->start = strdup("");
	else if (strncmp(abs, g->top, n) == 0 && abs[n] == '/')
		g->start = strdup(abs + n + 1);
	else if (dir == NULL)
		g->start = strdup(""); /* GIT_DIR/GIT_WORK_TREE elsewhere */
	else {
		die_msg("'%s' is outside the repository '%s'", dir, g->top);
		return -1;
	}
trim:
	if (g->start == NULL) {
		die_msg("out of memory");
		return -1;
	}
	n = strlen(g->start);
	while (n > 0 && g->start[n - 1] == '/')
		g->start[--n] = '\0';
	return 0;
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
	return gitplan_load_mended(g, commit, lo, diags, NULL, out, NULL);
}

int
gitplan_load_mended(gitplan *g, const strat_oid *commit,
		    const strat_load_options *lo, strat_diags *diags,
		    strat_diags *mended_diags, strat_plan **out,
		    strat_mends **mends)
{
	strat_source inner, src;
	int rc;

	*out = NULL;
	memset(&src, 0, sizeof(src));
	rc = commit ? strat_source_commit(&inner, g->repo, commit)
		    : strat_source_index(&inner, g->repo);
	if (rc < 0)
		goto out;
	if (g->prefix == NULL && (rc = find_prefix(g, &inner)) < 0) {
		if (rc == STRAT_ENOMEM)
			strat_error_set(rc, "out of memory");
		goto out_inner;
	}
	if ((rc = strat_source_prefix(&src, &inner, g->prefix)) < 0)
		goto out_inner;
	if (mends != NULL)
		rc = strat_plan_load_mended(out, mends, &src, g->repo, commit,
					    g->prefix, lo, diags, mended_diags);
	else
		rc = strat_plan_load(out, &src, lo, diags);
	strat_source_prefix_free(&src);
out_inner:
	strat_source_git_free(&inner);
out:
	if (rc < 0)
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
