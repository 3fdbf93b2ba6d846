/*
 * planat.c - the plan as committed at a moment, and calendar files that do
 * not parse replaced by their last version that did (strat/planat.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan_impl.h"
#include "strat/planat.h"

void
strat_mends_free(strat_mends *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->nfiles; i++) {
		free(m->files[i].file);
		free(m->files[i].message);
	}
	free(m->files);
	free(m);
}

/* The calendar files of plan that did not parse, with the first error
 * reported on each. */
static int
broken_files(strat_mends **out, const strat_plan *plan,
	     const strat_diags *diags)
{
	size_t n = strat_plan_calendar_count(plan), i, j;
	strat_mends *m = calloc(1, sizeof(*m));

	*out = m;
	if (m == NULL ||
	    (n && (m->files = calloc(n, sizeof(*m->files))) == NULL))
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	for (i = 0; i < n; i++) {
		const strat_calendar *c = strat_plan_calendar(plan, i);
		strat_mend *f;

		if (c->loaded)
			continue;
		f = &m->files[m->nfiles++];
		if ((f->file = strdup(c->path)) == NULL)
			return strat_error_set(STRAT_ENOMEM, "out of memory");
		for (j = 0; j < strat_diags_count(diags); j++) {
			const strat_diag *d = strat_diags_get(diags, j);

			if (d->severity != STRAT_SEV_ERROR ||
			    strcmp(d->file, c->path) != 0)
				continue;
			f->line = d->line;
			f->column = d->column;
			f->message = strdup(d->message);
			break;
		}
		if (f->message == NULL &&
		    (f->message = strdup("the file could not be read")) == NULL)
			return strat_error_set(STRAT_ENOMEM, "out of memory");
	}
	return 0;
}

/* The last version of f that parses, from `from` back: its bytes in *buf
 * (NULL when none), the commit in f. */
static int
last_good(strat_repo *repo, const strat_oid *from, const char *root,
	  strat_mend *f, strat_plan *scratch, char **buf, size_t *len)
{
	strat_walk *w = NULL;
	strat_oid id, blob, prev;
	strat_diags *d = NULL;
	char *path;
	size_t n = 0;
	int64_t time;
	int rc, loaded, have_prev = 0;

	*buf = NULL;
	if ((path = malloc(strlen(root) + strlen(f->file) + 2)) == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	sprintf(path, "%s%s%s", root, root[0] ? "/" : "", f->file);
	if ((rc = strat_walk_new(&w, repo, from, STRAT_MEND_LOOKBACK)) < 0)
		goto out;
	while ((rc = strat_walk_next_id(w, &id, &time)) == 1) {
		rc = strat_commit_path_id(repo, &id, path, &blob);
		if (rc == STRAT_ENOTFOUND) {
			rc = 0; /* the file did not exist before */
			break;
		}
		if (rc < 0)
			break;
		if (have_prev && strat_oid_equal(&blob, &prev))
			continue;
		prev = blob;
		have_prev = 1;
		if ((rc = strat_blob_read(repo, &blob, path, buf, &n)) < 0) {
			if (rc == STRAT_ENOMEM)
				break;
			rc = 0; /* unreadable (too big): not a stand-in */
			*buf = NULL;
			continue;
		}
		strat_diags_free(d);
		if ((rc = strat_diags_new(&d)) < 0 ||
		    (rc = plan_scratch_calendar(scratch, f->file, *buf, n, d,
						&loaded)) < 0)
			break;
		if (loaded) {
			f->found = 1;
			f->commit = id;
			f->time = time;
			*len = n;
			break;
		}
		free(*buf);
		*buf = NULL;
	}
	if (rc == STRAT_ESHALLOW)
		rc = 0;
out:
	if (rc < 0 || !f->found) {
		free(*buf);
		*buf = NULL;
	}
	strat_diags_free(d);
	strat_walk_free(w);
	free(path);
	return rc < 0 ? rc : 0;
}

int
strat_plan_load_mended(strat_plan **out, strat_mends **mends,
		       const strat_source *src, strat_repo *repo,
		       const strat_oid *from, const char *root,
		       const strat_load_options *lo, strat_diags *diags,
		       strat_diags *mended_diags)
{
	strat_plan *plan = NULL, *scratch = NULL;
	strat_diags *tmp = NULL;
	strat_mends *m = NULL;
	strat_source *ov = NULL; /* one overlay per stand-in, chained */
	const strat_source *top = src;
	char **bufs = NULL;
	size_t *lens = NULL, i, n = 0, nov = 0;
	int rc;

	*out = NULL;
	*mends = NULL;
	if ((rc = strat_plan_load(&plan, src, lo, diags)) < 0)
		return rc;
	if ((rc = broken_files(&m, plan, diags)) < 0)
		goto out;
	if (m->nfiles == 0 || repo == NULL || from == NULL)
		goto done;
	n = m->nfiles;
	bufs = calloc(n, sizeof(*bufs));
	lens = calloc(n, sizeof(*lens));
	ov = calloc(n, sizeof(*ov));
	if (bufs == NULL || lens == NULL || ov == NULL ||
	    (scratch = plan_new_scratch()) == NULL) {
		rc = strat_error_set(STRAT_ENOMEM, "out of memory");
		goto out;
	}
	for (i = 0; i < n; i++) {
		if ((rc = last_good(repo, from, root ? root : "", &m->files[i],
				    scratch, &bufs[i], &lens[i])) < 0)
			goto out;
		if (bufs[i] == NULL)
			continue;
		if ((rc = strat_source_overlay(&ov[nov], top, m->files[i].file,
					       bufs[i], lens[i])) < 0)
			goto out;
		top = &ov[nov++];
	}
	if (nov == 0)
		goto done;
	if (mended_diags == NULL && (rc = strat_diags_new(&tmp)) < 0)
		goto out;
	strat_plan_free(plan);
	plan = NULL;
	if ((rc = strat_plan_load(&plan, top, lo,
				  mended_diags ? mended_diags : tmp)) < 0)
		goto out;
done:
	*out = plan;
	*mends = m;
	plan = NULL;
	m = NULL;
	rc = 0;
out:
	while (nov > 0)
		strat_source_overlay_free(&ov[--nov]);
	for (i = 0; bufs != NULL && i < n; i++)
		free(bufs[i]);
	free(bufs);
	free(lens);
	free(ov);
	strat_plan_free(scratch);
	strat_plan_free(plan);
	strat_diags_free(tmp);
	strat_mends_free(m);
	return rc;
}

int
strat_commit_before(strat_repo *repo, const strat_oid *tip, int64_t until,
		    strat_oid *out, int64_t *time, int *shallow)
{
	strat_walk *w = NULL;
	strat_oid *ids = NULL, *n, id;
	int64_t *times = NULL, *nt, t, max;
	size_t len = 0, cap = 0, i;
	int rc, found = 0;

	*shallow = 0;
	if ((rc = strat_walk_new(&w, repo, tip, 0)) < 0)
		return rc;
	while ((rc = strat_walk_next_id(w, &id, &t)) > 0) {
		if (len == cap) {
			cap = cap ? cap * 2 : 256;
			if ((n = realloc(ids, cap * sizeof(*ids))) == NULL)
				goto oom;
			ids = n;
			if ((nt = realloc(times, cap * sizeof(*times))) == NULL)
				goto oom;
			times = nt;
		}
		ids[len] = id;
		times[len++] = t;
	}
	if (rc == STRAT_ESHALLOW)
		rc = 0;
	*shallow = rc == 0 && strat_walk_truncated(w);
	strat_walk_free(w);
	w = NULL;
	if (rc < 0)
		goto out;
	/* Oldest first: a commit's time is the running maximum (SPEC
	 * section 14, History), so the plan at a moment is that of the
	 * newest commit whose running maximum is before it. */
	for (i = len, max = INT64_MIN; i-- > 0;) {
		if (times[i] > max)
			max = times[i];
		if (max >= until)
			break;
		*out = ids[i];
		*time = max;
		found = 1;
	}
	rc = found;
	goto out;
oom:
	rc = strat_error_set(STRAT_ENOMEM, "out of memory");
out:
	strat_walk_free(w);
	free(ids);
	free(times);
	return rc;
}

int
strat_plan_load_commit(strat_plan **out, strat_mends **mends, strat_repo *repo,
		       const strat_oid *commit, const char *root,
		       const strat_load_options *lo, strat_diags *diags,
		       strat_diags *mended_diags)
{
	strat_source inner, src;
	int rc;

	*out = NULL;
	if (mends != NULL)
		*mends = NULL;
	if ((rc = strat_source_commit(&inner, repo, commit)) < 0)
		return rc;
	if ((rc = strat_source_prefix(&src, &inner, root ? root : "")) == 0) {
		if (mends != NULL)
			rc = strat_plan_load_mended(out, mends, &src, repo,
						    commit, root, lo, diags,
						    mended_diags);
		else
			rc = strat_plan_load(out, &src, lo, diags);
		strat_source_prefix_free(&src);
	}
	strat_source_git_free(&inner);
	return rc;
}

int
strat_plan_as_of(strat_plan **out, strat_mends **mends, strat_oid *commit,
		 int64_t *time, strat_repo *repo, const strat_oid *tip,
		 int64_t until, const char *root, const strat_load_options *lo,
		 strat_diags *diags)
{
	int rc, shallow;

	*out = NULL;
	*mends = NULL;
	if ((rc = strat_commit_before(repo, tip, until, commit, time,
				      &shallow)) <= 0)
		return rc;
	rc = strat_plan_load_commit(out, mends, repo, commit, root, lo, diags,
				    NULL);
	return rc < 0 ? rc : 1;
}
