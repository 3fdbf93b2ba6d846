/*
 * git.c - the only door to libgit2: repositories, revisions, first-parent
 * history, and plan sources over a commit's tree or the index.  libgit2's
 * error codes and messages are converted to STRAT_E* here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <git2.h>
#include <git2/sys/repository.h>

#include "pack.h"
#include "strat/git.h"
#include "strset.h"

struct strat_repo {
	git_repository *repo;
	git_mailmap *mailmap;
	git_odb *odb; /* raw reads for long walks; NULL until needed */
	packdb *packs; /* strat's own pack reader, opened with odb */
	strset tlcache; /* path -> tldir: strat_tree_list's last listings */
};

typedef struct tldir tldir;
static void tlcache_free(strat_repo *r);

struct strat_walk {
	strat_repo *repo;
	git_revwalk *walk;
	size_t n, max;
	int truncated;
	git_oid next;   /* strat_walk_next_id: the next commit to read */
	int has_next;
};

typedef struct {
	strat_repo *repo;
	git_tree *tree;   /* commit source */
	git_index *index; /* index source */
} gitsrc;

static int
fail(int code, const char *what)
{
	const git_error *e = git_error_last();
	const char *msg = e && e->message ? e->message : "unknown error";

	if (code == GIT_EOWNER)
		return strat_error_set(
			STRAT_EGIT,
			"%s: the repository is owned by another user; if you "
			"trust it, run 'git config --global --add "
			"safe.directory <path>'",
			what);
	if (code == GIT_ENOTFOUND)
		return strat_error_set(STRAT_ENOTFOUND, "%s: %s", what, msg);
	return strat_error_set(STRAT_EGIT, "%s: %s", what, msg);
}

static int
init(void)
{
	static int done;

	if (!done) {
		/* libgit2 keeps its own refcount; one init per process is
		 * enough, and shutdown at exit is not needed. */
		if (git_libgit2_init() < 0)
			return fail(-1, "cannot initialise libgit2");
		done = 1;
		/* Long history walks (strat report) read each commit and
		 * tree once: a large object cache and whole-pack mappings
		 * only grow the resident set (a 100,000-commit walk kept
		 * 300 MB; an object cache capped at 8 MB thrashed its hash
		 * table).  Objects are read raw, uncached, and pack windows
		 * are small and recycled (8 MB windows, 32 MB mapped: 70 MB
		 * peak on 113,000 commits; 32/64 saves 0.5 s of system time
		 * but peaks at 120 MB).  Since listings are cached by path
		 * (strat_tree_list) reads move through the pack in order and
		 * windows are rarely remapped: 1 MB windows, 4 MB mapped
		 * cost no time (66 MB peak; 8/32 then peaked at 94 MB).
		 * Like git, objects are not hashed again on every read (packs carry their own checksums):
		 * rehashing every calendar version took a third of a
		 * report's time. */
		git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
		git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0);
		git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE,
				 (size_t)1024 * 1024);
		git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT,
				 (size_t)4 * 1024 * 1024);
	}
	return 0;
}

/*
 * libgit2 1.5 reports a repository owned by another user not as GIT_EOWNER
 * but as GIT_ENOTFOUND ("config value 'safe.directory' was not found"):
 * tell the two apart by trying again without the ownership check.
 */
static int
owned_by_other(const char *path)
{
	git_repository *repo = NULL;
	int rc;

	if (git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0) < 0)
		return 0;
	rc = git_repository_open_ext(&repo, path ? path : ".",
				     GIT_REPOSITORY_OPEN_FROM_ENV, NULL);
	git_repository_free(repo);
	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 1);
	return rc == 0;
}

/*
 * Whether dir is already the work tree of repo.  libgit2 1.5's
 * git_repository_set_workdir leaks its copy of the path when it is (it
 * returns early without freeing it; found by valgrind in the hook suite,
 * GIT_DIR with GIT_WORK_TREE naming the usual work tree), so it is
 * called only for another directory.  Compared as libgit2 does: the real
 * path with a trailing '/'.
 */
static int
same_workdir(git_repository *repo, const char *dir)
{
	const char *cur = git_repository_workdir(repo);
	char *real;
	size_t n;
	int same;

	if (cur == NULL || (real = realpath(dir, NULL)) == NULL)
		return 0;
	n = strlen(real);
	same = strncmp(cur, real, n) == 0 &&
	       ((n > 0 && real[n - 1] == '/' && cur[n] == '\0') ||
		(cur[n] == '/' && cur[n + 1] == '\0'));
	free(real);
	return same;
}

int
strat_repo_open(strat_repo **out, const char *path)
{
	strat_repo *r;
	const char *gitdir = getenv("GIT_DIR"), *wt = getenv("GIT_WORK_TREE");
	const char *idx = getenv("GIT_INDEX_FILE");
	git_index *index = NULL;
	int rc;

	*out = NULL;
	if ((rc = init()) < 0)
		return rc;
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	if (gitdir != NULL && gitdir[0] != '\0') {
		rc = git_repository_open_ext(&r->repo, NULL,
					     GIT_REPOSITORY_OPEN_FROM_ENV, NULL);
		if (rc < 0 && rc != GIT_EOWNER) {
			/* FROM_ENV refuses GIT_WORK_TREE: open GIT_DIR and
			 * set the work tree and index by hand. */
			rc = git_repository_open(&r->repo, gitdir);
			if (rc == 0 && wt != NULL && wt[0] != '\0' &&
			    !same_workdir(r->repo, wt))
				rc = git_repository_set_workdir(r->repo, wt, 0);
		}
	} else {
		rc = git_repository_open_ext(&r->repo, path, 0, NULL);
	}
	if (rc == GIT_ENOTFOUND && owned_by_other(path)) {
		free(r);
		return fail(GIT_EOWNER, path ? path : ".");
	}
	if (rc < 0) {
		free(r);
		if (rc == GIT_ENOTFOUND)
			return strat_error_set(STRAT_ENOTFOUND,
					       "not a git repository (or any "
					       "parent up to the root): %s",
					       path ? path : ".");
		return fail(rc, "cannot open the repository");
	}
	if (idx != NULL && idx[0] != '\0') {
		if ((rc = git_index_open(&index, idx)) < 0) {
			strat_repo_free(r);
			return fail(rc, "cannot read GIT_INDEX_FILE");
		}
		git_repository_set_index(r->repo, index);
		git_index_free(index);
	}
	/* A broken .mailmap is not fatal: names stay as committed. */
	if (git_mailmap_from_repository(&r->mailmap, r->repo) < 0)
		r->mailmap = NULL;
	*out = r;
	return 0;
}

void
strat_repo_free(strat_repo *r)
{
	if (r == NULL)
		return;
	tlcache_free(r);
	packdb_free(r->packs);
	git_odb_free(r->odb);
	git_mailmap_free(r->mailmap);
	git_repository_free(r->repo);
	free(r);
}

const char *
strat_repo_workdir(const strat_repo *r)
{
	return git_repository_workdir(r->repo);
}

int
strat_repo_is_shallow(const strat_repo *r)
{
	return git_repository_is_shallow(r->repo) == 1;
}

int
strat_repo_is_empty(const strat_repo *r)
{
	return git_repository_head_unborn(r->repo) == 1 ||
	       git_repository_is_empty(r->repo) == 1;
}

int
strat_repo_head_detached(const strat_repo *r)
{
	return git_repository_head_detached(r->repo) == 1;
}

void
strat_oid_fmt(const strat_oid *oid, char out[41])
{
	git_oid_tostr(out, 41, (const git_oid *)oid->id);
}

int
strat_oid_equal(const strat_oid *a, const strat_oid *b)
{
	return memcmp(a->id, b->id, 20) == 0;
}

int
strat_repo_resolve(strat_repo *r, const char *rev, strat_oid *out)
{
	git_object *obj = NULL, *commit = NULL;
	int rc;

	if (strat_repo_is_empty(r) && strcmp(rev, "HEAD") == 0)
		return strat_error_set(STRAT_ENOTFOUND,
				       "the repository has no commits yet");
	if ((rc = git_revparse_single(&obj, r->repo, rev)) < 0) {
		if (rc == GIT_ENOTFOUND || rc == GIT_EAMBIGUOUS ||
		    rc == GIT_EINVALIDSPEC)
			return strat_error_set(STRAT_ENOTFOUND,
					       "unknown revision '%s'", rev);
		return fail(rc, rev);
	}
	rc = git_object_peel(&commit, obj, GIT_OBJECT_COMMIT);
	git_object_free(obj);
	if (rc < 0)
		return strat_error_set(STRAT_ENOTFOUND,
				       "'%s' does not name a commit", rev);
	memcpy(out->id, git_object_id(commit)->id, 20);
	git_object_free(commit);
	return 0;
}

int
strat_repo_merge_base(strat_repo *r, const strat_oid *a, const strat_oid *b,
		      strat_oid *out)
{
	git_oid o;
	int rc = git_merge_base(&o, r->repo, (const git_oid *)a->id,
				(const git_oid *)b->id);

	if (rc == GIT_ENOTFOUND)
		return strat_error_set(STRAT_ENOTFOUND,
				       "the revisions have no common ancestor");
	if (rc < 0)
		return fail(rc, "merge base");
	memcpy(out->id, o.id, 20);
	return 0;
}

static void
copy_str(char *dst, size_t n, const char *s)
{
	size_t i;

	if (s == NULL)
		s = "";
	for (i = 0; i + 1 < n && s[i] && s[i] != '\n'; i++)
		dst[i] = s[i];
	dst[i] = '\0';
}

static void
fill_commit(strat_repo *r, git_commit *c, strat_commit *out)
{
	const git_signature *a = git_commit_author(c);
	const char *name = a ? a->name : "", *email = a ? a->email : "";
	const char *rn = NULL, *re = NULL;

	memcpy(out->id.id, git_commit_id(c)->id, 20);
	out->time = (int64_t)git_commit_time(c);
	out->author_time = a ? (int64_t)a->when.time : out->time;
	if (r->mailmap &&
	    git_mailmap_resolve(&rn, &re, r->mailmap, name, email) == 0) {
		name = rn;
		email = re;
	}
	copy_str(out->author, sizeof(out->author), name);
	copy_str(out->email, sizeof(out->email), email);
	copy_str(out->summary, sizeof(out->summary), git_commit_summary(c));
	out->nparents = git_commit_parentcount(c);
}

int
strat_walk_new(strat_walk **out, strat_repo *r, const strat_oid *tip,
	       size_t max)
{
	strat_walk *w;
	int rc;

	*out = NULL;
	if ((w = calloc(1, sizeof(*w))) == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	w->repo = r;
	w->max = max;
	memcpy(w->next.id, tip->id, 20);
	w->has_next = 1;
	/* No sorting flag: sorting forces a whole-graph walk before the
	 * first result.  First parent only. */
	if ((rc = git_revwalk_new(&w->walk, r->repo)) < 0 ||
	    (rc = git_revwalk_simplify_first_parent(w->walk)) < 0 ||
	    (rc = git_revwalk_push(w->walk, (const git_oid *)tip->id)) < 0) {
		strat_walk_free(w);
		return fail(rc, "cannot walk history");
	}
	*out = w;
	return 0;
}

int
strat_walk_next(strat_walk *w, strat_commit *out)
{
	git_oid id;
	git_commit *c;
	int rc;

	if (w->max && w->n >= w->max) {
		w->truncated = 1;
		return 0;
	}
	rc = git_revwalk_next(&id, w->walk);
	if (rc == GIT_ITEROVER)
		return 0;
	if (rc < 0) {
		if (strat_repo_is_shallow(w->repo)) {
			w->truncated = 1;
			return 0;
		}
		return fail(rc, "history is incomplete or corrupt");
	}
	if ((rc = git_commit_lookup(&c, w->repo->repo, &id)) < 0) {
		if (strat_repo_is_shallow(w->repo)) {
			w->truncated = 1;
			return 0;
		}
		return fail(rc, "cannot read commit");
	}
	fill_commit(w->repo, c, out);
	git_commit_free(c);
	w->n++;
	return 1;
}

int
strat_walk_truncated(const strat_walk *w)
{
	return w->truncated;
}

void
strat_walk_free(strat_walk *w)
{
	if (w == NULL)
		return;
	git_revwalk_free(w->walk);
	free(w);
}

static int
commit_tree(strat_repo *r, const strat_oid *commit, git_tree **out)
{
	git_commit *c;
	int rc;

	if ((rc = git_commit_lookup(&c, r->repo,
				    (const git_oid *)commit->id)) < 0)
		return fail(rc, "cannot read commit");
	rc = git_commit_tree(out, c);
	git_commit_free(c);
	return rc < 0 ? fail(rc, "cannot read tree") : 0;
}

int
strat_commit_path_id(strat_repo *r, const strat_oid *commit, const char *path,
		     strat_oid *out)
{
	git_tree *t;
	git_tree_entry *e;
	int rc;

	if ((rc = commit_tree(r, commit, &t)) < 0)
		return rc;
	if (path[0] == '\0') {
		memcpy(out->id, git_tree_id(t)->id, 20);
		git_tree_free(t);
		return 0;
	}
	rc = git_tree_entry_bypath(&e, t, path);
	git_tree_free(t);
	if (rc == GIT_ENOTFOUND)
		return STRAT_ENOTFOUND;
	if (rc < 0)
		return fail(rc, path);
	memcpy(out->id, git_tree_entry_id(e)->id, 20);
	git_tree_entry_free(e);
	return 0;
}

/* ---- sources ---- */

typedef struct {
	int (*add)(void *, const char *);
	void *arg;
	int rc;
} listctx;

static int
tree_cb(const char *root, const git_tree_entry *e, void *payload)
{
	listctx *l = payload;
	char path[4096];
	git_filemode_t mode = git_tree_entry_filemode(e);

	if (git_tree_entry_type(e) == GIT_OBJECT_TREE) {
		const char *name = git_tree_entry_name(e);

		/* the working-tree source skips hidden directories too */
		return name[0] == '.' || strcmp(name, "node_modules") == 0
			       ? 1
			       : 0;
	}
	if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE &&
	    mode != GIT_FILEMODE_LINK)
		return 0;
	if ((size_t)snprintf(path, sizeof(path), "%s%s", root,
			     git_tree_entry_name(e)) >= sizeof(path))
		return 0;
	if ((l->rc = l->add(l->arg, path)) < 0)
		return -1;
	return 0;
}

static int
commit_list(void *ctx, int (*add)(void *, const char *), void *arg)
{
	gitsrc *s = ctx;
	listctx l = {add, arg, 0};
	int rc = git_tree_walk(s->tree, GIT_TREEWALK_PRE, tree_cb, &l);

	if (l.rc < 0)
		return l.rc;
	return rc < 0 ? fail(rc, "cannot list tree") : 0;
}

static int
odb_of(strat_repo *r, git_odb **out)
{
	const char *env, *objdir;
	git_buf path = GIT_BUF_INIT;
	int rc;

	if (r->odb != NULL) {
		*out = r->odb;
		return 0;
	}
	env = getenv("STRAT_PACK_READER");
	objdir = getenv("GIT_OBJECT_DIRECTORY");
	if ((rc = git_repository_odb(&r->odb, r->repo)) < 0)
		return fail(rc, "cannot open the object database");
	/* The pack reader (lib/pack.c) reads what it can; libgit2 the
	 * rest.  Not used where libgit2 was pointed elsewhere, nor when
	 * STRAT_PACK_READER=0 turns it off (tests compare both ways). */
	if ((env == NULL || strcmp(env, "0") != 0) &&
	    (objdir == NULL || objdir[0] == '\0') &&
	    git_repository_item_path(&path, r->repo,
				     GIT_REPOSITORY_ITEM_OBJECTS) == 0) {
		if ((r->packs = packdb_open(path.ptr)) == NULL) {
			git_buf_dispose(&path);
			return strat_error_set(STRAT_ENOMEM, "out of memory");
		}
	}
	git_buf_dispose(&path);
	*out = r->odb;
	return 0;
}

/* An object read raw: through the pack reader when it has the object,
 * else through libgit2. */
typedef struct {
	git_odb_object *o; /* libgit2's, or NULL */
	const char *data;  /* valid until the next raw_read */
	size_t len;
	git_object_t type;
} rawobj;

/* Commits and trees larger than this come from libgit2. */
#define OBJ_MAX ((size_t)64 << 20)

/* Returns 0, or libgit2's negative code (not converted: callers tell
 * GIT_ENOTFOUND apart).  Objects larger than max bytes come from
 * libgit2; with sized, libgit2 is asked for the size first, from the
 * object's header, and GIT_EBUFS says it is over max (a blob of gigabytes
 * compresses to megabytes and must not be inflated). */
static int
raw_read(strat_repo *r, const git_oid *id, size_t max, int sized,
	 rawobj *out)
{
	git_odb *odb = NULL;
	git_object_t type;
	size_t size;
	packobj po;
	int rc;

	out->o = NULL;
	out->data = NULL;
	if ((rc = odb_of(r, &odb)) < 0)
		return GIT_ERROR;
	if (r->packs != NULL && packdb_read(r->packs, id->id, max, &po)) {
		out->data = po.data;
		out->len = po.len;
		out->type = (git_object_t)po.type;
		return 0;
	}
	if (sized && git_odb_read_header(&size, &type, odb, id) == 0 &&
	    size > max)
		return GIT_EBUFS;
	if ((rc = git_odb_read(&out->o, odb, id)) < 0)
		return rc;
	out->data = git_odb_object_data(out->o);
	out->len = git_odb_object_size(out->o);
	out->type = git_odb_object_type(out->o);
	return 0;
}

static void
raw_free(rawobj *o)
{
	git_odb_object_free(o->o);
	o->o = NULL;
	o->data = NULL;
}

/* The data of o as a malloc'd buffer of len + 1 bytes, NUL-terminated;
 * o is freed. */
static char *
raw_take(strat_repo *r, rawobj *o)
{
	char *p;

	if (o->o == NULL) {
		p = packdb_take(r->packs);
	} else if ((p = malloc(o->len + 1)) != NULL) {
		memcpy(p, o->data, o->len);
		p[o->len] = '\0';
	}
	raw_free(o);
	return p;
}


static int
git_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' ||
	       c == '\v';
}

/* What libgit2 1.5 trims off both ends of a signature's name and email
 * (signature.c, is_crud). */
static int
crud(unsigned char c)
{
	return c <= 32 || c == '.' || c == ',' || c == ':' || c == ';' ||
	       c == '<' || c == '>' || c == '"' || c == '\\' || c == '\'';
}

/* s[0..n) trimmed as libgit2 trims, into out (size outn); -1 when it
 * does not fit. */
static int
trimmed(const char *s, size_t n, char *out, size_t outn)
{
	while (n > 0 && crud((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && crud((unsigned char)s[n - 1]))
		n--;
	if (n >= outn || memchr(s, '\0', n) != NULL)
		return -1;
	memcpy(out, s, n);
	out[n] = '\0';
	return 0;
}

/* libgit2 1.5's git_commit_summary: the first paragraph of the message,
 * runs of space holding a newline squashed to one space. */
static void
summary_of(const char *msg, char *out, size_t n)
{
	const char *space = NULL, *next;
	size_t w = 0;
	int nl = 0;

	while (*msg == '\n')
		msg++;
	for (; *msg && w + 1 < n; msg++) {
		if (*msg == '\n') {
			if (msg[1] == '\0' || msg[1] == '\n')
				break;
			for (next = msg + 1; *next && *next != '\n' &&
					     git_space(*next);
			     next++)
				;
			if (*next == '\0' || *next == '\n')
				break;
		}
		if (git_space(*msg)) {
			if (space == NULL) {
				space = msg;
				nl = 0;
			}
			nl |= *msg == '\n';
			continue;
		}
		if (space != NULL) {
			if (nl)
				out[w++] = ' ';
			else
				for (; space < msg && w + 1 < n; space++)
					out[w++] = *space;
			space = NULL;
		}
		if (w + 1 < n)
			out[w++] = *msg;
	}
	out[w] = '\0';
}

/* A commit parsed from its raw text as libgit2 parses it; -1 for
 * anything unusual, which libgit2 then reads (and reports) itself. */
static int
parse_commit_info(strat_repo *r, const char *p, size_t len,
		  strat_commit *out)
{
	const char *end = p + len, *nl, *lt, *gt, *q;
	char name[256], email[256];
	const char *rn = NULL, *re = NULL;
	/* libgit2's order: tree, parents, author, committer, then other
	 * headers it skips; state is the part read last */
	int state = 0;
	int64_t t;

	out->nparents = 0;
	while (p < end && *p != '\n') {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			return -1;
		if (state == 0) {
			if (nl - p <= 5 || memcmp(p, "tree ", 5) != 0)
				return -1;
			state = 1;
		} else if (state == 1 && nl - p > 7 &&
			   memcmp(p, "parent ", 7) == 0) {
			out->nparents++;
		} else if (state == 3) {
			; /* encoding, gpgsig, ...: not ours */
		} else if ((state == 1 && nl - p > 7 &&
			    memcmp(p, "author ", 7) == 0) ||
			   (state == 2 && nl - p > 10 &&
			    memcmp(p, "committer ", 10) == 0)) {
			int author = state == 1;

			q = p + (author ? 7 : 10);
			for (lt = nl; lt > q && lt[-1] != '<'; lt--)
				;
			for (gt = nl; gt > q && gt[-1] != '>'; gt--)
				;
			if (lt == q || gt == q || gt <= lt)
				return -1;
			/* lt, gt: just after the last '<' and '>'; the time
			 * after one space, plain digits (anything else is
			 * libgit2's to judge) */
			t = 0;
			if (gt + 1 < nl) {
				if (*gt != ' ' || gt[1] < '0' || gt[1] > '9')
					return -1;
				for (q = gt + 1; q < nl && *q >= '0' &&
						 *q <= '9';
				     q++) {
					if (q - gt > 18)
						return -1;
					t = t * 10 + (*q - '0');
				}
				if (q < nl && *q != ' ')
					return -1;
			}
			if (author) {
				if (trimmed(p + 7, (size_t)(lt - 1 - (p + 7)),
					    name, sizeof(name)) < 0 ||
				    trimmed(lt, (size_t)(gt - 1 - lt), email,
					    sizeof(email)) < 0)
					return -1;
				out->author_time = t;
				state = 2;
			} else {
				out->time = t;
				state = 3;
			}
		} else {
			/* out of order, a second author, ...: libgit2's */
			return -1;
		}
		p = nl + 1;
	}
	if (state != 3)
		return -1;
	if (r->mailmap &&
	    git_mailmap_resolve(&rn, &re, r->mailmap, name, email) == 0) {
		copy_str(out->author, sizeof(out->author), rn);
		copy_str(out->email, sizeof(out->email), re);
	} else {
		copy_str(out->author, sizeof(out->author), name);
		copy_str(out->email, sizeof(out->email), email);
	}
	summary_of(p < end ? p : "", out->summary, sizeof(out->summary));
	return 0;
}

int
strat_commit_lookup(strat_repo *r, const strat_oid *id, strat_commit *out)
{
	git_commit *c;
	rawobj o;
	int rc;

	/* Raw and parsed here: a history walk looks up thousands. */
	if (raw_read(r, (const git_oid *)id->id, 1 << 20, 0, &o) == 0) {
		rc = o.type == GIT_OBJECT_COMMIT
			     ? parse_commit_info(r, o.data, o.len, out)
			     : -1;
		raw_free(&o);
		if (rc == 0) {
			memcpy(out->id.id, id->id, 20);
			return 0;
		}
	}
	if ((rc = git_commit_lookup(&c, r->repo, (const git_oid *)id->id)) < 0)
		return fail(rc, "cannot read commit");
	fill_commit(r, c, out);
	git_commit_free(c);
	return 0;
}

static int
read_blob(strat_repo *r, const git_oid *id, const char *path, char **buf,
	  size_t *len)
{
	rawobj o;
	char hex[GIT_OID_HEXSZ + 1];
	int rc;

	/* The pack reader knows the size before inflating and gives up
	 * on anything over the limit; libgit2 is asked for it first. */
	rc = raw_read(r, id, STRAT_MAX_FILE_SIZE, 1, &o);
	if (rc == GIT_EBUFS)
		return STRAT_ELIMIT;
	if (rc < 0 || o.type != GIT_OBJECT_BLOB) {
		/* A blob a tree or the index names must exist: a missing
		 * one is damage, not an absent file. */
		const git_error *e = rc < 0 ? git_error_last() : NULL;

		raw_free(&o);
		git_oid_tostr(hex, sizeof(hex), id);
		return strat_error_set(STRAT_EGIT,
				       "cannot read object %s of '%s' (%s); "
				       "the repository is damaged: run "
				       "'git fsck'",
				       hex, path,
				       rc == 0 ? "not a blob"
				       : e && e->message ? e->message
							 : "unknown error");
	}
	if (o.len > STRAT_MAX_FILE_SIZE) {
		raw_free(&o);
		return STRAT_ELIMIT;
	}
	*len = o.len;
	if ((*buf = raw_take(r, &o)) == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	return 0;
}

static int
commit_read(void *ctx, const char *path, char **buf, size_t *len)
{
	gitsrc *s = ctx;
	git_tree_entry *e;
	int rc;

	*buf = NULL;
	*len = 0;
	rc = git_tree_entry_bypath(&e, s->tree, path);
	if (rc == GIT_ENOTFOUND)
		return STRAT_ENOTFOUND;
	if (rc < 0)
		return fail(rc, path);
	if (git_tree_entry_type(e) != GIT_OBJECT_BLOB) {
		git_tree_entry_free(e);
		return STRAT_ENOTFOUND;
	}
	if (git_tree_entry_filemode(e) == GIT_FILEMODE_LINK) {
		git_tree_entry_free(e);
		return strat_error_set(STRAT_EIO,
				       "'%s' is a symbolic link; plan files "
				       "are read only as regular files",
				       path);
	}
	rc = read_blob(s->repo, git_tree_entry_id(e), path, buf, len);
	git_tree_entry_free(e);
	return rc;
}

static uint64_t
oid_hash(const git_oid *id)
{
	uint64_t h;

	memcpy(&h, id->id, sizeof(h));
	return h;
}

static int
commit_stat(void *ctx, const char *path, uint64_t *hash)
{
	gitsrc *s = ctx;
	git_tree_entry *e;
	int rc = git_tree_entry_bypath(&e, s->tree, path);

	if (rc == GIT_ENOTFOUND)
		return STRAT_ENOTFOUND;
	if (rc < 0)
		return fail(rc, path);
	*hash = oid_hash(git_tree_entry_id(e));
	git_tree_entry_free(e);
	return 0;
}

int
strat_source_commit(strat_source *out, strat_repo *r, const strat_oid *commit)
{
	gitsrc *s;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	s->repo = r;
	if ((rc = commit_tree(r, commit, &s->tree)) < 0) {
		free(s);
		return rc;
	}
	out->list = commit_list;
	out->read = commit_read;
	out->stat = commit_stat;
	out->ctx = s;
	return 0;
}

static int
hidden(const char *path)
{
	const char *p;

	for (p = path; p; p = strchr(p, '/')) {
		if (*p == '/')
			p++;
		if (*p == '.' || strncmp(p, "node_modules/", 13) == 0)
			return strchr(p, '/') != NULL;
	}
	return 0;
}

static int
index_list(void *ctx, int (*add)(void *, const char *), void *arg)
{
	gitsrc *s = ctx;
	size_t i, n = git_index_entrycount(s->index);
	const git_index_entry *e, *prev = NULL;
	int rc;

	for (i = 0; i < n; i++) {
		e = git_index_get_byindex(s->index, i);
		if (e == NULL || (prev && strcmp(prev->path, e->path) == 0))
			continue; /* conflict stages of the same path */
		prev = e;
		if (hidden(e->path))
			continue;
		if ((rc = add(arg, e->path)) < 0)
			return rc;
	}
	return 0;
}

static int
index_read(void *ctx, const char *path, char **buf, size_t *len)
{
	gitsrc *s = ctx;
	const git_index_entry *e = git_index_get_bypath(s->index, path, 0);

	*buf = NULL;
	*len = 0;
	if (e == NULL) {
		if (git_index_get_bypath(s->index, path, 1) ||
		    git_index_get_bypath(s->index, path, 2) ||
		    git_index_get_bypath(s->index, path, 3))
			return strat_error_set(STRAT_ECONFLICT,
					       "'%s' has unresolved merge "
					       "conflicts",
					       path);
		return STRAT_ENOTFOUND;
	}
	if ((e->mode & 0170000) == 0120000)
		return strat_error_set(STRAT_EIO,
				       "'%s' is a symbolic link; plan files "
				       "are read only as regular files",
				       path);
	return read_blob(s->repo, &e->id, path, buf, len);
}

static int
index_stat(void *ctx, const char *path, uint64_t *hash)
{
	gitsrc *s = ctx;
	const git_index_entry *e = git_index_get_bypath(s->index, path, 0);

	if (e == NULL)
		return STRAT_ENOTFOUND;
	*hash = oid_hash(&e->id);
	return 0;
}

int
strat_source_index(strat_source *out, strat_repo *r)
{
	gitsrc *s;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	s->repo = r;
	if ((rc = git_repository_index(&s->index, r->repo)) < 0) {
		free(s);
		return fail(rc, "cannot read the index");
	}
	/* Re-read from disk: a hook sees the index git just wrote. */
	if ((rc = git_index_read(s->index, 1)) < 0) {
		git_index_free(s->index);
		free(s);
		return fail(rc, "cannot read the index");
	}
	out->list = index_list;
	out->read = index_read;
	out->stat = index_stat;
	out->ctx = s;
	return 0;
}

void
strat_source_git_free(strat_source *src)
{
	gitsrc *s;

	if (src == NULL || src->ctx == NULL)
		return;
	s = src->ctx;
	git_tree_free(s->tree);
	git_index_free(s->index);
	free(s);
	src->ctx = NULL;
}

int
strat_repo_hooks_dir(strat_repo *r, char **out, int *configured)
{
	git_config *cfg = NULL;
	git_buf buf = {0};
	const char *base;
	char *s;
	size_t nb, np;
	int rc;

	*out = NULL;
	if (configured)
		*configured = 0;
	if ((rc = git_repository_config_snapshot(&cfg, r->repo)) < 0)
		return fail(rc, "cannot read the git configuration");
	rc = git_config_get_path(&buf, cfg, "core.hooksPath");
	git_config_free(cfg);
	if (rc == 0 && buf.size > 0) {
		if (configured)
			*configured = 1;
		if (buf.ptr[0] == '/') {
			s = strdup(buf.ptr);
		} else {
			/* Relative to where hooks run: the top of the work
			 * tree, or the git directory when bare. */
			base = git_repository_workdir(r->repo);
			if (base == NULL)
				base = git_repository_path(r->repo);
			nb = strlen(base);
			np = buf.size;
			if ((s = malloc(nb + np + 2)) != NULL) {
				memcpy(s, base, nb);
				if (nb > 0 && base[nb - 1] != '/')
					s[nb++] = '/';
				memcpy(s + nb, buf.ptr, np + 1);
			}
		}
		git_buf_dispose(&buf);
		if (s == NULL)
			return strat_error_set(STRAT_ENOMEM, "out of memory");
		*out = s;
		return 0;
	}
	git_buf_dispose(&buf);
	if (rc < 0 && rc != GIT_ENOTFOUND)
		return fail(rc, "cannot read core.hooksPath");
	/* Hooks live in the common directory, shared by all worktrees. */
	base = git_repository_commondir(r->repo);
	nb = strlen(base);
	if ((s = malloc(nb + 7)) == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	memcpy(s, base, nb);
	if (nb > 0 && base[nb - 1] != '/')
		s[nb++] = '/';
	memcpy(s + nb, "hooks", 6);
	*out = s;
	return 0;
}

/* ---- cheap history access (strat report) ---- */

static int
hex_oid(const char *p, const char *end, git_oid *out)
{
	return end - p >= GIT_OID_HEXSZ && git_oid_fromstrn(out, p,
							    GIT_OID_HEXSZ) == 0
		       ? 0
		       : -1;
}

/* The tree, first parent and committer time of a raw commit object. */
static int
parse_commit(const char *p, size_t n, git_oid *tree, git_oid *parent,
	     int *has_parent, int64_t *time)
{
	const char *end = p + n, *nl, *q;
	int have_tree = 0;

	*has_parent = 0;
	*time = 0;
	while (p < end && *p != '\n') {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (nl - p > 5 && memcmp(p, "tree ", 5) == 0) {
			if (hex_oid(p + 5, nl, tree) < 0)
				return -1;
			have_tree = 1;
		} else if (nl - p > 7 && memcmp(p, "parent ", 7) == 0) {
			if (!*has_parent && hex_oid(p + 7, nl, parent) < 0)
				return -1;
			*has_parent = 1;
		} else if (nl - p > 10 && memcmp(p, "committer ", 10) == 0) {
			/* "... <email> TIME TZ": the time after the last '>' */
			for (q = nl; q > p && q[-1] != '>'; q--)
				;
			while (q < nl && *q == ' ')
				q++;
			*time = 0;
			while (q < nl && *q >= '0' && *q <= '9')
				*time = *time * 10 + (*q++ - '0');
		}
		p = nl + 1;
	}
	return have_tree ? 0 : -1;
}

/* Follows first parents by hand, reading raw commit objects: unlike a
 * revwalk, this returns the last commit of a shallow clone before stopping
 * at its missing parent, and parses nothing it does not need. */
int
strat_walk_next_tree(strat_walk *w, strat_oid *out, strat_oid *tree,
		     int64_t *time)
{
	rawobj o;
	git_oid t, parent;
	int rc, has_parent;

	if (!w->has_next)
		return 0;
	if (w->max && w->n >= w->max) {
		w->truncated = 1;
		return 0;
	}
	if ((rc = raw_read(w->repo, &w->next, OBJ_MAX, 0, &o)) < 0) {
		if (w->n > 0 && strat_repo_is_shallow(w->repo)) {
			w->truncated = 1;
			w->has_next = 0;
			return 0;
		}
		return fail(rc, "history is incomplete or corrupt");
	}
	if (o.type != GIT_OBJECT_COMMIT ||
	    parse_commit(o.data, o.len, &t, &parent, &has_parent, time) < 0) {
		raw_free(&o);
		return strat_error_set(STRAT_EGIT,
				       "history is corrupt: commit %s does "
				       "not parse",
				       git_oid_tostr_s(&w->next));
	}
	raw_free(&o);
	memcpy(out->id, w->next.id, 20);
	if (tree != NULL)
		memcpy(tree->id, t.id, 20);
	if (has_parent)
		git_oid_cpy(&w->next, &parent);
	else
		w->has_next = 0;
	w->n++;
	return 1;
}

int
strat_walk_next_id(strat_walk *w, strat_oid *out, int64_t *time)
{
	return strat_walk_next_tree(w, out, NULL, time);
}

int
strat_commit_path_ids(strat_repo *r, const strat_oid *commit,
		      const char *const *paths, size_t n, strat_oid *out)
{
	git_tree *t;
	git_tree_entry *e;
	size_t i;
	int rc = 0;

	if ((rc = commit_tree(r, commit, &t)) < 0)
		return rc;
	for (i = 0; i < n; i++) {
		memset(out[i].id, 0, 20);
		if (paths[i][0] == '\0') {
			memcpy(out[i].id, git_tree_id(t)->id, 20);
			continue;
		}
		rc = git_tree_entry_bypath(&e, t, paths[i]);
		if (rc == GIT_ENOTFOUND) {
			rc = 0;
			continue;
		}
		if (rc < 0) {
			rc = fail(rc, paths[i]);
			break;
		}
		memcpy(out[i].id, git_tree_entry_id(e)->id, 20);
		git_tree_entry_free(e);
	}
	git_tree_free(t);
	return rc;
}

/* ---- path ids through successive trees ---- */

#define PATH_DEPTH 32

typedef struct {
	char *alloc;            /* the components' storage */
	char *comp[PATH_DEPTH]; /* components */
	size_t ncomp;
	git_oid level[PATH_DEPTH]; /* tree read at each level last time */
	size_t nlevel;             /* levels valid in level[] */
	git_oid id;                /* the path's id last time */
} watched;

struct strat_pathids {
	strat_repo *repo;
	watched *w;
	size_t n;
	char *last; /* the tree read last (shared root), raw */
	size_t lastlen;
	git_oid lastid;
};

int
strat_pathids_new(strat_pathids **out, strat_repo *r,
		  const char *const *paths, size_t n)
{
	strat_pathids *p;
	size_t i;
	char *s, *c;

	*out = NULL;
	if ((p = calloc(1, sizeof(*p))) == NULL ||
	    (n && (p->w = calloc(n, sizeof(*p->w))) == NULL)) {
		free(p);
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	}
	p->repo = r;
	p->n = n;
	for (i = 0; i < n; i++) {
		if ((s = strdup(paths[i])) == NULL) {
			strat_pathids_free(p);
			return strat_error_set(STRAT_ENOMEM, "out of memory");
		}
		p->w[i].alloc = s;
		for (c = s; *c != '\0';) {
			char *slash = strchr(c, '/');

			if (slash != NULL)
				*slash = '\0';
			if (*c != '\0') {
				if (p->w[i].ncomp == PATH_DEPTH) {
					/* too deep: never found */
					p->w[i].ncomp = 0;
					break;
				}
				p->w[i].comp[p->w[i].ncomp++] = c;
			}
			if (slash == NULL)
				break;
			c = slash + 1;
		}
	}
	*out = p;
	return 0;
}

void
strat_pathids_free(strat_pathids *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->n; i++)
		free(p->w[i].alloc);
	free(p->w);
	free(p->last);
	free(p);
}

/* The entry `name` of raw tree data: its id and whether it is a tree. */
static int
raw_entry(const char *p, size_t n, const char *name, git_oid *out,
	  int *is_tree)
{
	const char *end = p + n, *sp, *nul;
	size_t len = strlen(name);

	while (p < end) {
		if ((sp = memchr(p, ' ', (size_t)(end - p))) == NULL ||
		    (nul = memchr(sp, '\0', (size_t)(end - sp))) == NULL ||
		    end - nul < 21)
			return -1;
		if ((size_t)(nul - sp - 1) == len &&
		    memcmp(sp + 1, name, len) == 0) {
			memcpy(out->id, nul + 1, 20);
			*is_tree = sp - p == 5 && memcmp(p, "40000", 5) == 0;
			return 1;
		}
		p = nul + 21;
	}
	return 0;
}

static int
read_tree_raw(strat_pathids *p, const git_oid *id, const char **data,
	      size_t *len)
{
	rawobj o;
	int rc;

	if (p->last == NULL || !git_oid_equal(&p->lastid, id)) {
		free(p->last);
		p->last = NULL;
		if ((rc = raw_read(p->repo, id, OBJ_MAX, 0, &o)) < 0)
			return fail(rc, "cannot read tree");
		if (o.type != GIT_OBJECT_TREE) {
			raw_free(&o);
			return 1;
		}
		p->lastlen = o.len;
		if ((p->last = raw_take(p->repo, &o)) == NULL)
			return strat_error_set(STRAT_ENOMEM, "out of memory");
		git_oid_cpy(&p->lastid, id);
	}
	*data = p->last;
	*len = p->lastlen;
	return 0;
}

int
strat_pathids_get(strat_pathids *p, const strat_oid *tree, strat_oid *out)
{
	size_t i, l;
	git_oid cur, next;
	const char *data = NULL;
	size_t len = 0;
	int rc, is_tree;

	for (i = 0; i < p->n; i++) {
		watched *w = &p->w[i];

		memcpy(cur.id, tree->id, 20);
		memset(out[i].id, 0, 20);
		if (w->ncomp == 0) {
			/* "" is the tree itself; a path too deep is absent */
			if (w->alloc[0] == '\0')
				memcpy(out[i].id, tree->id, 20);
			continue;
		}
		for (l = 0; l < w->ncomp; l++) {
			/* the same tree at a level: the same path id */
			if (l < w->nlevel && git_oid_equal(&w->level[l], &cur)) {
				memcpy(out[i].id, w->id.id, 20);
				break;
			}
			git_oid_cpy(&w->level[l], &cur);
			w->nlevel = l + 1;
			if ((rc = read_tree_raw(p, &cur, &data, &len)) < 0)
				return rc;
			if (rc > 0 ||
			    (rc = raw_entry(data, len, w->comp[l], &next,
					    &is_tree)) <= 0) {
				if (rc < 0)
					return strat_error_set(
						STRAT_EGIT,
						"tree %s is corrupt",
						git_oid_tostr_s(&cur));
				memset(w->id.id, 0, 20);
				break;
			}
			if (l + 1 == w->ncomp) {
				git_oid_cpy(&w->id, &next);
				memcpy(out[i].id, next.id, 20);
				break;
			}
			if (!is_tree) {
				memset(w->id.id, 0, 20);
				break;
			}
			cur = next;
		}
	}
	return 0;
}

/*
 * Listings of directories, cached by path: a history walk lists the same
 * calendar directories at every plan version, and most of their subtrees
 * have not changed since the last time.  Each directory keeps the id of the
 * tree it was last read from and its entries; a subtree whose id is the
 * same is not read again.  Entries are kept in tree order, so the callback
 * sees what git_tree_walk (pre-order) would show.
 */
typedef struct {
	const char *name; /* in the directory's names */
	git_oid id;
	int is_tree;
} tlent;

struct tldir {
	char *path; /* full path: the cache's key */
	git_oid id; /* the tree read last at this path */
	tlent *v;
	size_t n;
	char *names;
};

#define TL_PATH_MAX 4096

static void
tldir_free(tldir *d)
{
	if (d == NULL)
		return;
	free(d->path);
	free(d->v);
	free(d->names);
	free(d);
}

static void
tlcache_free(strat_repo *r)
{
	size_t i;

	for (i = 0; i < r->tlcache.cap; i++)
		if (r->tlcache.keys && r->tlcache.keys[i])
			tldir_free(r->tlcache.vals[i]);
	strset_free(&r->tlcache);
}

/* Parse raw tree data into d's entries: directories (not hidden) and
 * regular files only. */
static int
tl_parse(tldir *d, const char *p, size_t n)
{
	const char *end = p + n, *sp, *nul, *q;
	size_t cnt = 0, nb = 0, k = 0;
	char *w;
	unsigned mode;

	/* count, then fill */
	for (q = p; q < end; q = nul + 21) {
		if ((sp = memchr(q, ' ', (size_t)(end - q))) == NULL ||
		    (nul = memchr(sp, '\0', (size_t)(end - sp))) == NULL ||
		    end - nul < 21)
			return -1;
		cnt++;
		nb += (size_t)(nul - sp);
	}
	free(d->v);
	free(d->names);
	d->v = NULL;
	d->names = NULL;
	d->n = 0;
	if (cnt == 0)
		return 0;
	if ((d->v = malloc(cnt * sizeof(*d->v))) == NULL ||
	    (d->names = malloc(nb)) == NULL)
		return STRAT_ENOMEM;
	w = d->names;
	for (q = p; q < end; q = nul + 21) {
		sp = memchr(q, ' ', (size_t)(end - q));
		nul = memchr(sp, '\0', (size_t)(end - sp));
		for (mode = 0; q < sp && *q >= '0' && *q <= '7'; q++)
			mode = mode * 8 + (unsigned)(*q - '0');
		if (q != sp)
			return -1;
		if ((mode & 0170000) == 0040000) {
			if (sp[1] == '.' || strcmp(sp + 1, "node_modules") == 0)
				continue;
			d->v[k].is_tree = 1;
		} else if ((mode & 0170000) == 0100000) {
			d->v[k].is_tree = 0;
		} else {
			continue; /* links, submodules */
		}
		memcpy(w, sp + 1, (size_t)(nul - sp));
		d->v[k].name = w;
		w += nul - sp;
		memcpy(d->v[k].id.id, nul + 1, 20);
		k++;
	}
	d->n = k;
	return 0;
}

static int
tl_join(char *out, const char *dir, const char *name)
{
	int n = snprintf(out, TL_PATH_MAX, "%s%s%s", dir, dir[0] ? "/" : "",
			 name);

	return n >= 0 && n < TL_PATH_MAX ? 0 : -1;
}

/* The directory at path as of tree id, read when its id changed; *out is
 * NULL when id names no tree (top only: a subtree must exist). */
static int
tl_load(strat_repo *r, const char *path, const git_oid *id, int top,
	tldir **out)
{
	tldir *d = strset_get(&r->tlcache, path);
	rawobj o;
	int rc;

	*out = NULL;
	if (d != NULL && git_oid_equal(&d->id, id)) {
		*out = d;
		return 0;
	}
	rc = raw_read(r, id, OBJ_MAX, 0, &o);
	if (rc == GIT_ENOTFOUND && top)
		return 0;
	if (rc < 0)
		return fail(rc, "cannot list tree");
	if (o.type != GIT_OBJECT_TREE) {
		raw_free(&o);
		if (top)
			return 0;
		return strat_error_set(STRAT_EGIT, "cannot list tree: %s is "
				       "not a tree", git_oid_tostr_s(id));
	}
	if (d == NULL) {
		if ((d = calloc(1, sizeof(*d))) == NULL ||
		    (d->path = strdup(path)) == NULL ||
		    strset_put(&r->tlcache, d->path, d, NULL) < 0) {
			raw_free(&o);
			tldir_free(d);
			return strat_error_set(STRAT_ENOMEM, "out of memory");
		}
	}
	/* invalid until fully read */
	memset(d->id.id, 0, 20);
	rc = tl_parse(d, o.data, o.len);
	raw_free(&o);
	if (rc == STRAT_ENOMEM)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	if (rc < 0)
		return strat_error_set(STRAT_EGIT, "tree %s is corrupt",
				       git_oid_tostr_s(id));
	git_oid_cpy(&d->id, id);
	*out = d;
	return 0;
}

/* Calls cb for every file under the directory at path, as of tree id;
 * only directories whose id changed since the last time are read. */
static int
tl_emit(strat_repo *r, const char *path, const git_oid *id, int top,
	int (*cb)(void *, const char *, const strat_oid *), void *arg)
{
	char sub[TL_PATH_MAX];
	tldir *d;
	size_t i;
	int rc;

	if ((rc = tl_load(r, path, id, top, &d)) < 0 || d == NULL)
		return rc;
	for (i = 0; i < d->n; i++) {
		if (tl_join(sub, path, d->v[i].name) < 0)
			continue;
		/* d stays valid: only sub's own entry can be replaced */
		if (d->v[i].is_tree)
			rc = tl_emit(r, sub, &d->v[i].id, 0, cb, arg);
		else
			rc = cb(arg, sub, (const strat_oid *)d->v[i].id.id);
		if (rc < 0)
			return rc;
	}
	return 0;
}

int
strat_tree_list(strat_repo *r, const strat_oid *tree, const char *prefix,
		int (*cb)(void *arg, const char *path, const strat_oid *blob),
		void *arg)
{
	if (strlen(prefix) >= TL_PATH_MAX)
		return 0;
	return tl_emit(r, prefix, (const git_oid *)tree->id, 1, cb, arg);
}

int
strat_blob_read(strat_repo *r, const strat_oid *id, char **buf, size_t *len)
{
	return read_blob(r, (const git_oid *)id->id, "blob", buf, len);
}

int
strat_commit_why(strat_repo *r, const strat_oid *id, char **out)
{
	git_commit *c;
	git_message_trailer_array tr = {0};
	const char *msg;
	size_t i;
	int rc;

	*out = NULL;
	if ((rc = git_commit_lookup(&c, r->repo, (const git_oid *)id->id)) < 0)
		return fail(rc, "cannot read commit");
	msg = git_commit_message(c);
	/* git's trailer rules: key-value lines of the last paragraph */
	if (msg != NULL && git_message_trailers(&tr, msg) == 0) {
		for (i = 0; i < tr.count && *out == NULL; i++)
			if (strcasecmp(tr.trailers[i].key, "Why") == 0 &&
			    tr.trailers[i].value[0] != '\0' &&
			    (*out = strdup(tr.trailers[i].value)) == NULL)
				rc = strat_error_set(STRAT_ENOMEM,
						     "out of memory");
		git_message_trailer_array_free(&tr);
	}
	git_commit_free(c);
	return rc < 0 ? rc : 0;
}
