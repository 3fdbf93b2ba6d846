/*
 * strat/git.h - plan sources and history from a git repository.
 *
 * Everything here is implemented in lib/git.c, the only file that talks to
 * libgit2.  Errors are negative STRAT_E* codes with a message in
 * strat_error_last(): not a repository, a repository owned by another user
 * (safe.directory), unknown revision, corrupt or missing objects.
 *
 * The library sets none of libgit2's process-wide options (object cache,
 * pack windows, hash verification, ownership validation): the program
 * does, after git_libgit2_init() (strat's own choices and their figures:
 * cmd/util.c, git_options).
 */
#ifndef STRAT_GIT_H
#define STRAT_GIT_H

#include "plan.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct strat_repo strat_repo;

typedef struct {
	unsigned char id[20];
} strat_oid;

/*
 * Where the repository is when git says so: a command run by git (a hook)
 * passes GIT_DIR, GIT_WORK_TREE and GIT_INDEX_FILE here.  The library reads
 * no environment variable.  NULL or "" fields are unset.
 */
typedef struct {
	const char *git_dir;    /* the git directory: opened, no search */
	const char *work_tree;  /* the work tree, when not the usual one */
	const char *index_file; /* the index to read instead of git_dir's */
} strat_repo_options;

#define STRAT_REPO_OPTIONS_INIT                                                \
	{                                                                      \
		NULL, NULL, NULL                                               \
	}

/* Open the repository containing path (searching upwards), or the one
 * opts->git_dir names.  opts may be NULL. */
int strat_repo_open_ext(strat_repo **out, const char *path,
			const strat_repo_options *opts);
/* strat_repo_open_ext with no options. */
int strat_repo_open(strat_repo **out, const char *path);
void strat_repo_free(strat_repo *repo);

/* The work tree with a trailing '/', or NULL for a bare repository. */
const char *strat_repo_workdir(const strat_repo *repo);
/* 1 when the repository is a shallow clone. */
int strat_repo_is_shallow(const strat_repo *repo);
/* Nonzero for a partial clone (extensions.partialClone): objects the
 * filter left out are on the promisor remote, and strat does not fetch. */
int strat_repo_is_partial(const strat_repo *repo);
/* Whether 'git log' would show another history than the commits as
 * written: STRAT_REPO_REPLACED (refs/replace, 'git replace') and
 * STRAT_REPO_GRAFTED (.git/info/grafts).  strat reads the commits as
 * written (libgit2 1.5 applies neither), so a command says so. */
#define STRAT_REPO_REPLACED 1
#define STRAT_REPO_GRAFTED  2
int strat_repo_rewritten(const strat_repo *repo);
/* 1 when the repository has no commit yet (HEAD unborn). */
int strat_repo_is_empty(const strat_repo *repo);
/* 1 when HEAD is detached. */
int strat_repo_head_detached(const strat_repo *repo);

/*
 * The directory git runs hooks from, malloc'd (free()) in *out: the value
 * of core.hooksPath (a relative value taken from the top of the work
 * tree, as git does; *configured set to 1), else "hooks" in the common git
 * directory (shared by all worktrees).  The directory may not exist yet.
 * STRAT_EOUTSIDE when that "hooks" is a symbolic link (or under one)
 * leading outside the git directory: strat writes nothing through it.
 */
int strat_repo_hooks_dir(strat_repo *repo, char **out, int *configured);

/* Resolve rev (any git revision syntax) to a commit. */
int strat_repo_resolve(strat_repo *repo, const char *rev, strat_oid *out);
int strat_repo_merge_base(strat_repo *repo, const strat_oid *a,
			  const strat_oid *b, strat_oid *out);

void strat_oid_fmt(const strat_oid *oid, char out[41]);
int strat_oid_equal(const strat_oid *a, const strat_oid *b);

/*
 * A commit.  Its strings are UTF-8 (converted from the commit's encoding),
 * whole, and borrowed: from the repository for strat_commit_lookup, valid
 * until its next strat_commit_lookup or strat_repo_free; from the walk for
 * strat_walk_next, valid until its next strat_walk_next or
 * strat_walk_free.  Copy what must outlive that.
 */
typedef struct {
	strat_oid id;
	int64_t time; /* committer time, seconds since the epoch, UTC */
	int64_t author_time;
	const char *author;  /* author name, mailmap applied */
	const char *email;   /* author email, mailmap applied */
	const char *summary; /* git_commit_summary: the first paragraph of
			      * the message, its lines joined */
	unsigned nparents;
} strat_commit;

/* Look up one commit. */
int strat_commit_lookup(strat_repo *repo, const strat_oid *id,
			strat_commit *out);

/* The reason a commit gives for its change: the value of its "Why:"
 * trailer (git's trailer rules: the last paragraph of key: value lines;
 * the key in any case), malloc'd in *out (free()), or NULL without one.
 * strat's edit commands write it (strat ship --why TEXT --commit). */
int strat_commit_why(strat_repo *repo, const strat_oid *id, char **out);

/*
 * The first-parent chain from tip, newest first.  next() returns 1 with
 * *out filled, 0 at the end, or a negative code.  In a shallow clone the
 * walk ends at the boundary and strat_walk_truncated() says so.  max, when
 * non-zero, stops after that many commits (also marked truncated).
 */
typedef struct strat_walk strat_walk;
int strat_walk_new(strat_walk **out, strat_repo *repo, const strat_oid *tip,
		   size_t max);
int strat_walk_next(strat_walk *w, strat_commit *out);
int strat_walk_truncated(const strat_walk *w);
void strat_walk_free(strat_walk *w);

/*
 * The object id of path (a file or a directory) in commit's tree;
 * STRAT_ENOTFOUND when absent.  Comparing these between a commit and its
 * parent tells cheaply whether anything under path changed.
 */
int strat_commit_path_id(strat_repo *repo, const strat_oid *commit,
			 const char *path, strat_oid *out);

/*
 * Cheap access for long walks (strat report).  strat_walk_next_id is
 * strat_walk_next without names and messages: the commit id and its
 * committer time (the ids of paths in its trees: strat_pathids below).
 * strat_tree_list calls
 * cb for every regular file and symbolic link under the tree `tree`
 * (hidden directories and submodules skipped, like the commit source),
 * with the path prefixed by prefix/, the blob id and git's mode (0100644,
 * 0100755, 0120000 for a link); cb returns 0 when it reads the blob or
 * the file does not matter, 1 when it does not read it but the entry's
 * type matters (the object's type is then checked from its header, once
 * per id, as it is for every link), or a negative code that stops the
 * walk.  A
 * tree that cannot be read (missing, not a tree, not in a partial clone)
 * is an error naming its path, never an empty directory; so is a file or
 * link entry naming another kind of object than a blob.  A directory
 * nested deeper than STRAT_MAX_DIR_DEPTH below tree is STRAT_ELIMIT.
 * strat_blob_read reads the blob of path (named in errors; free *buf with
 * free(); STRAT_ELIMIT above STRAT_MAX_FILE_SIZE).
 */
int strat_walk_next_id(strat_walk *w, strat_oid *out, int64_t *time);
/* ... and the commit's root tree (tree may be NULL). */
int strat_walk_next_tree(strat_walk *w, strat_oid *out, strat_oid *tree,
			 int64_t *time);

/*
 * The ids of n paths in successive trees of a walk, cheaply: a path whose
 * tree at some level is the one seen last time keeps its id, without
 * reading further.  strat_pathids_get fills out[n] (all zero when a path
 * is absent, the tree itself for "").  A path ending in '/' names a
 * directory: a file of that name is absent (when its object is the blob
 * its mode says; another kind of object is an error, and so is a tree
 * entry naming something that is not a tree).
 */
typedef struct strat_pathids strat_pathids;
int strat_pathids_new(strat_pathids **out, strat_repo *repo,
		      const char *const *paths, size_t n);
int strat_pathids_get(strat_pathids *p, const strat_oid *tree, strat_oid *out);
void strat_pathids_free(strat_pathids *p);
int strat_tree_list(strat_repo *repo, const strat_oid *tree, const char *prefix,
		    int (*cb)(void *arg, const char *path,
			      const strat_oid *blob, unsigned mode),
		    void *arg);
int strat_blob_read(strat_repo *repo, const strat_oid *id, const char *path,
		    char **buf, size_t *len);

/*
 * Plan sources over a commit's tree or over the index (stage 0; a path
 * with conflict stages reads as STRAT_ECONFLICT).  The source's stat()
 * gives a hash of the blob id, so unchanged files can be recognised.
 * Free with strat_source_git_free.  The repository must outlive them.
 */
int strat_source_commit(strat_source *out, strat_repo *repo,
			const strat_oid *commit);
int strat_source_index(strat_source *out, strat_repo *repo);
void strat_source_git_free(strat_source *src);

#ifdef __cplusplus
}
#endif

#endif
