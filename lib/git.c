/*
 * git.c - the only door to libgit2: repositories, revisions, first-parent
 * history, and plan sources over a commit's tree or the index.  libgit2's
 * error codes and messages are converted to STRAT_E* here.
 */
#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <git2.h>
#include <git2/sys/odb_backend.h>
#include <git2/sys/repository.h>

#include "packguard.h"
#include "strat/git.h"
#include "strat/text.h"
#include "strset.h"

/* The strings a strat_commit borrows: author, email and summary, each
 * NUL-terminated, one after the other; reused by the next commit. */
typedef struct {
	char *s;
	size_t cap;
} cstrings;

struct strat_repo {
	git_repository *repo;
	git_mailmap *mailmap;
	cstrings commit; /* of the last strat_commit_lookup */
	git_odb *odb;    /* blob reads; NULL until needed */
	strset tlcache;  /* path -> tldir: strat_tree_list's last listings */
};

typedef struct tldir tldir;
static void tlcache_free(strat_repo *r);
static int obj_missing(strat_repo *r, const char *kind, const char *path,
		       const git_oid *id, int code);

struct strat_walk {
	strat_repo *repo;
	git_revwalk *walk;
	size_t n, max;
	int truncated;
	git_oid next; /* strat_walk_next_id: the next commit to read */
	int has_next;
	cstrings commit; /* of the last strat_walk_next */
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

	/* libgit2 loses the reason when a pack cannot be opened */
	if ((e == NULL || e->message == NULL) &&
	    (errno == EMFILE || errno == ENFILE))
		msg = "too many open files: raise the limit ('ulimit -n') "
		      "or repack ('git gc')";
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

/* Whether libgit2's last error says an object is damaged (it does not
 * parse, inflate or match its id), not that the system failed. */
static int
damaged(void)
{
	const git_error *e = git_error_last();

	return e != NULL && e->message != NULL &&
	       (e->klass == GIT_ERROR_INVALID || e->klass == GIT_ERROR_OBJECT ||
		e->klass == GIT_ERROR_ODB || e->klass == GIT_ERROR_ZLIB);
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
		/* libgit2's process-wide options (object cache, pack
		 * windows, hash verification, ownership validation) are
		 * the command's to set: cmd/util.c, git_options. */
	}
	return 0;
}

/*
 * libgit2 1.5 reports a repository owned by another user not as GIT_EOWNER
 * but as GIT_ENOTFOUND ("config value 'safe.directory' was not found"):
 * tell the two apart by finding the repository without opening it
 * (git_repository_discover does not check its owner).  Searched for as
 * the open searched: with GIT_REPOSITORY_OPEN_NO_SEARCH only path itself
 * (the directory, or the .git inside it) counts.  libgit2's process-wide
 * ownership check stays as the command set it.
 */
static int
owned_by_other(const char *path, unsigned flags)
{
	git_buf found = {0};
	char *real;
	size_t n;
	int yes;

	if (path == NULL)
		path = ".";
	if (git_repository_discover(&found, path, 0, NULL) < 0)
		return 0;
	yes = 1;
	if (flags & GIT_REPOSITORY_OPEN_NO_SEARCH) {
		real = realpath(path, NULL);
		n = real ? strlen(real) : 0;
		yes = real != NULL && strncmp(found.ptr, real, n) == 0 &&
		      (strcmp(found.ptr + n, "/") == 0 ||
		       strcmp(found.ptr + n, "/.git/") == 0);
		free(real);
	}
	git_buf_dispose(&found);
	return yes;
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

static const char *
opt(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : NULL;
}

/*
 * The delta-chain guard (packguard.h) as an object database backend
 * consulted before the others: it holds no object; it checks the chain of
 * one libgit2 is about to read, then passes (GIT_PASSTHROUGH) to the
 * loose and pack backends, or fails the read naming the object where
 * libgit2 would loop forever.  Every read goes through it: strat's own,
 * and libgit2's inside revwalks, tree walks and path lookups.
 */
typedef struct {
	git_odb_backend parent;
	packguard *g;
} guard_backend;

static int
guard_check(git_odb_backend *b, const git_oid *id, int full)
{
	char why[256];

	if (packguard_check(((guard_backend *)b)->g, id->id, full, why,
			    sizeof(why)) == 0)
		return GIT_PASSTHROUGH;
	git_error_set_str(GIT_ERROR_ODB, why);
	return GIT_EINVALID;
}

static int
guard_read(void **data, size_t *len, git_object_t *type, git_odb_backend *b,
	   const git_oid *id)
{
	(void)data;
	(void)len;
	(void)type;
	return guard_check(b, id, 1);
}

static int
guard_read_header(size_t *len, git_object_t *type, git_odb_backend *b,
		  const git_oid *id)
{
	(void)len;
	(void)type;
	return guard_check(b, id, 0);
}

static void
guard_free(git_odb_backend *b)
{
	packguard_free(((guard_backend *)b)->g);
	free(b);
}

static int
add_guard(git_repository *repo)
{
	git_odb *odb = NULL;
	git_buf dir = {0};
	guard_backend *b;
	int rc;

	if ((rc = git_repository_odb(&odb, repo)) < 0 ||
	    (rc = git_repository_item_path(&dir, repo,
					   GIT_REPOSITORY_ITEM_OBJECTS)) < 0) {
		git_odb_free(odb);
		return rc;
	}
	rc = -1;
	if ((b = calloc(1, sizeof(*b))) != NULL &&
	    (b->g = packguard_new(dir.ptr)) != NULL &&
	    git_odb_init_backend(&b->parent, GIT_ODB_BACKEND_VERSION) == 0) {
		b->parent.read = guard_read;
		b->parent.read_header = guard_read_header;
		b->parent.free = guard_free;
		/* above the loose (1) and pack (2) backends */
		if ((rc = git_odb_add_backend(odb, &b->parent, 1000)) == 0)
			b = NULL; /* the odb owns it */
	}
	if (b != NULL) {
		packguard_free(b->g);
		free(b);
	}
	git_buf_dispose(&dir);
	git_odb_free(odb);
	return rc;
}

int
strat_repo_open(strat_repo **out, const char *path)
{
	return strat_repo_open_ext(out, path, NULL);
}

int
strat_repo_open_ext(strat_repo **out, const char *path,
		    const strat_repo_options *opts)
{
	strat_repo_options none = STRAT_REPO_OPTIONS_INIT;
	strat_repo *r;
	const char *gitdir, *wt, *idx;
	git_index *index = NULL;
	unsigned flags = 0;
	int rc;

	*out = NULL;
	if ((rc = init()) < 0)
		return rc;
	if (opts == NULL)
		opts = &none;
	gitdir = opt(opts->git_dir);
	wt = opt(opts->work_tree);
	idx = opt(opts->index_file);
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	if (gitdir != NULL) {
		/* As git (and libgit2's GIT_REPOSITORY_OPEN_FROM_ENV) open
		 * GIT_DIR: that directory, no search; the work tree and
		 * index set by hand (FROM_ENV refuses GIT_WORK_TREE). */
		path = gitdir;
		flags = GIT_REPOSITORY_OPEN_NO_SEARCH;
		rc = git_repository_open_ext(&r->repo, path, flags, NULL);
		if (rc == 0 && wt != NULL && !same_workdir(r->repo, wt))
			rc = git_repository_set_workdir(r->repo, wt, 0);
	} else {
		rc = git_repository_open_ext(&r->repo, path, 0, NULL);
	}
	if (rc == GIT_ENOTFOUND && owned_by_other(path, flags)) {
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
		if (git_error_last() && git_error_last()->message &&
		    strstr(git_error_last()->message,
			   "extensions.objectformat") != NULL)
			return strat_error_set(
			    STRAT_EGIT,
			    "cannot open the repository: it names objects "
			    "with SHA-256 (extensions.objectFormat), and "
			    "strat's git library (libgit2 1.5) reads "
			    "SHA-1 repositories only");
		return fail(rc, "cannot open the repository");
	}
	if (idx != NULL) {
		if ((rc = git_index_open(&index, idx)) < 0) {
			strat_repo_free(r);
			return fail(rc, "cannot read GIT_INDEX_FILE");
		}
		git_repository_set_index(r->repo, index);
		git_index_free(index);
	}
	if (add_guard(r->repo) < 0) {
		strat_repo_free(r);
		return strat_error_set(STRAT_ENOMEM, "out of memory");
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
	free(r->commit.s);
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
strat_repo_is_partial(const strat_repo *r)
{
	git_config *cfg = NULL;
	git_config_iterator *it = NULL;
	git_config_entry *e;
	size_t n;
	int yes = 0, b;

	/* git marks a partial clone with remote.<name>.promisor (and, before
	 * 2.35 or so, extensions.partialClone naming the remote).  No
	 * git_config_foreach_match: its regex leaks in libgit2 1.5 (pcre2) */
	if (git_repository_config_snapshot(&cfg, r->repo) < 0)
		return 0;
	if (git_config_iterator_new(&it, cfg) == 0) {
		while (!yes && git_config_next(&e, it) == 0) {
			n = strlen(e->name);
			if (strcasecmp(e->name, "extensions.partialclone") == 0)
				yes = e->value != NULL && e->value[0] != '\0';
			else if (strncasecmp(e->name, "remote.", 7) == 0 &&
				 n > 16 &&
				 strcasecmp(e->name + n - 9, ".promisor") == 0)
				yes =
				    git_config_parse_bool(&b, e->value) == 0 &&
				    b;
		}
		git_config_iterator_free(it);
	}
	git_config_free(cfg);
	return yes;
}

static int
replace_cb(const char *name, void *payload)
{
	(void)name;
	*(int *)payload = 1;
	return 1; /* one is enough */
}

int
strat_repo_rewritten(const strat_repo *r)
{
	git_buf dir = {0};
	char path[4096];
	int replaced = 0, out = 0;
	FILE *f;

	git_reference_foreach_glob(r->repo, "refs/replace/*", replace_cb,
				   &replaced);
	if (replaced)
		out |= STRAT_REPO_REPLACED;
	if (git_repository_item_path(&dir, r->repo, GIT_REPOSITORY_ITEM_INFO) ==
	    0) {
		snprintf(path, sizeof(path), "%sgrafts", dir.ptr);
		if ((f = fopen(path, "r")) != NULL) {
			out |= STRAT_REPO_GRAFTED;
			fclose(f);
		}
	}
	git_buf_dispose(&dir);
	git_error_clear();
	return out;
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

/* One parent step of a revision, on a commit: "~N" (N first parents) or
 * "^N" (the Nth parent, ^0 the commit itself); N is 1 when absent. */
static int
rev_step(git_object **obj, char op, unsigned long n)
{
	git_object *c = NULL;
	git_commit *p;
	int rc;

	if ((rc = git_object_peel(&c, *obj, GIT_OBJECT_COMMIT)) < 0)
		return rc;
	git_object_free(*obj);
	*obj = c;
	if (op == '^' && n > 0) {
		if (n > UINT_MAX)
			return GIT_ENOTFOUND;
		if ((rc = git_commit_parent(&p, (git_commit *)c,
					    (unsigned)(n - 1))) < 0)
			return rc;
		git_object_free(*obj);
		*obj = (git_object *)p;
		return 0;
	}
	for (; op == '~' && n > 0; n--) {
		if ((rc = git_commit_parent(&p, (git_commit *)*obj, 0)) < 0)
			return rc;
		git_object_free(*obj);
		*obj = (git_object *)p;
	}
	return 0;
}

/* git_revparse_single, but a reference name (HEAD, a branch, a tag) or a
 * full object id, each with any ~N, ^N suffixes, is resolved here with
 * reference and commit lookups: libgit2 1.5's revparse leaks the
 * reference when the object it names, or one on the way to the commit
 * asked for, cannot be read (HEAD~1 naming a damaged commit).  Other
 * revisions (abbreviated ids, ^{...}, @{...}, :/text) go to revparse. */
static int
lookup_rev(git_object **out, git_repository *repo, const char *rev)
{
	size_t len = strcspn(rev, "~^");
	git_reference *ref = NULL, *res = NULL;
	git_object *obj = NULL;
	const char *s;
	char *name;
	git_oid id;
	int rc;

	*out = NULL;
	if (strlen(rev) == GIT_OID_HEXSZ) /* revparse tries it as an id first */
		return git_revparse_single(out, repo, rev);
	for (s = rev + len; *s == '~' || *s == '^';)
		for (s++; *s >= '0' && *s <= '9'; s++)
			;
	if (len == 0 || *s != '\0' || (name = strndup(rev, len)) == NULL)
		return git_revparse_single(out, repo, rev);
	if (len == GIT_OID_HEXSZ && git_oid_fromstr(&id, name) == 0) {
		rc = git_object_lookup(&obj, repo, &id, GIT_OBJECT_ANY);
	} else if (git_reference_dwim(&ref, repo, name) < 0) {
		free(name);
		return git_revparse_single(out, repo, rev);
	} else {
		rc = git_reference_resolve(&res, ref);
		if (rc == 0)
			rc = git_object_lookup(&obj, repo,
					       git_reference_target(res),
					       GIT_OBJECT_ANY);
		git_reference_free(res);
		git_reference_free(ref);
	}
	free(name);
	for (s = rev + len; rc == 0 && *s != '\0';) {
		char op = *s++;
		unsigned long n = 1;

		if (*s >= '0' && *s <= '9') {
			errno = 0;
			n = strtoul(s, (char **)&s, 10);
			if (errno != 0)
				rc = GIT_EINVALIDSPEC;
		}
		if (rc == 0)
			rc = rev_step(&obj, op, n);
	}
	if (rc < 0) {
		git_object_free(obj);
		return rc;
	}
	*out = obj;
	return 0;
}

int
strat_repo_resolve(strat_repo *r, const char *rev, strat_oid *out)
{
	git_object *obj = NULL, *commit = NULL;
	int rc;

	if (strat_repo_is_empty(r) && strcmp(rev, "HEAD") == 0)
		return strat_error_set(STRAT_ENOTFOUND,
				       "the repository has no commits yet");
	if ((rc = lookup_rev(&obj, r->repo, rev)) < 0) {
		if (rc == GIT_ENOTFOUND || rc == GIT_EAMBIGUOUS ||
		    rc == GIT_EINVALIDSPEC)
			return strat_error_set(STRAT_ENOTFOUND,
					       "unknown revision '%s'", rev);
		if (damaged())
			return strat_error_set(
			    STRAT_EGIT,
			    "cannot read '%s' (%s); the repository is "
			    "damaged: run 'git fsck'",
			    rev, git_error_last()->message);
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

/* s (up to its first newline) into dst[n] as valid UTF-8: a byte that is
 * not part of a UTF-8 sequence becomes U+FFFD; cut at a character. */
static void
copy_utf8(char *dst, size_t n, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t i = 0, k, left = strcspn((const char *)p, "\n");
	uint32_t cp;

	for (; left > 0; p += k, left -= k) {
		const char *put = (const char *)p;
		size_t m;

		m = k = strat_text_utf8_seq(p, left, &cp);
		if (k == 0) {
			put = "\xef\xbf\xbd";
			m = 3;
			k = 1;
		}
		if (i + m + 1 > n)
			break;
		memcpy(dst + i, put, m);
		i += m;
	}
	dst[i] = '\0';
}

/* Room for need bytes in b; 0 or STRAT_ENOMEM. */
static int
cs_reserve(cstrings *b, size_t need)
{
	size_t cap = b->cap ? b->cap : 256;
	char *p;

	if (need <= b->cap)
		return 0;
	while (cap < need)
		cap *= 2;
	if ((p = realloc(b->s, cap)) == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	b->s = p;
	b->cap = cap;
	return 0;
}

/* s (up to its first newline) of a commit whose encoding header says enc
 * (NULL: UTF-8, git's default) appended whole to b at *len, as UTF-8 as
 * git log shows it; what cannot be converted is U+FFFD.  *len moves past
 * its NUL.  0 or STRAT_ENOMEM. */
static int
copy_str(cstrings *b, size_t *len, const char *s, const char *enc)
{
	char *tmp = NULL, *in, *out;
	size_t inl, outl, n;
	iconv_t cd = (iconv_t)-1;
	int rc;

	s = s ? s : "";
	if (enc != NULL && strcasecmp(enc, "UTF-8") != 0 &&
	    strcasecmp(enc, "UTF8") != 0)
		cd = iconv_open("UTF-8", enc);
	if (cd != (iconv_t)-1) {
		/* a byte of any encoding is at most 4 bytes of UTF-8 */
		in = (char *)s;
		inl = strcspn(s, "\n");
		outl = 4 * inl + 4;
		if ((tmp = out = malloc(outl + 1)) == NULL) {
			iconv_close(cd);
			return strat_error_set(STRAT_ENOMEM, "out of memory");
		}
		while (inl > 0 &&
		       iconv(cd, &in, &inl, &out, &outl) == (size_t)-1) {
			if (errno != EILSEQ && errno != EINVAL)
				break;
			if (outl < 3)
				break;
			memcpy(out, "\xef\xbf\xbd", 3); /* not of enc: U+FFFD */
			out += 3;
			outl -= 3;
			in++;
			inl--;
		}
		iconv_close(cd);
		*out = '\0';
		s = tmp;
	}
	/* each byte becomes at most U+FFFD, 3 bytes */
	n = 3 * strcspn(s, "\n") + 1;
	if ((rc = cs_reserve(b, *len + n)) == 0) {
		copy_utf8(b->s + *len, n, s);
		*len += strlen(b->s + *len) + 1;
	}
	free(tmp);
	return rc;
}

/* The error for a commit that cannot be read (missing, or damaged: a
 * signature libgit2 refuses, such as a time of 23 digits), naming it;
 * why is libgit2's message (NULL: its last error). */
static int
commit_fail(int code, const git_oid *id, const char *why)
{
	const git_error *e = git_error_last();
	char hex[GIT_OID_HEXSZ + 1];

	if (why == NULL)
		why = e && e->message ? e->message : "unknown error";
	git_oid_tostr(hex, sizeof(hex), id);
	return strat_error_set(code == GIT_ENOTFOUND ? STRAT_ENOTFOUND
						     : STRAT_EGIT,
			       "cannot read the commit %s (%s); the "
			       "repository is damaged: run 'git fsck'",
			       hex, why);
}

/*
 * The committer time of c, or an error naming the commit when it falls
 * outside the years 0001 to 9999: git and libgit2 take any 64-bit time,
 * and a commit dated in no period strat can name would be measured as
 * garbage (periods labelled by a wrapped year) or overflow the day
 * arithmetic (-9223372036854775808, under UBSan).
 */
#define TIME_MIN INT64_C(-62135596800) /* 0001-01-01T00:00:00Z */
#define TIME_MAX INT64_C(253402300799) /* 9999-12-31T23:59:59Z */

static int
commit_time(git_commit *c, int64_t *out)
{
	char id[GIT_OID_HEXSZ + 1];

	*out = (int64_t)git_commit_time(c);
	if (*out >= TIME_MIN && *out <= TIME_MAX)
		return 0;
	git_oid_tostr(id, sizeof(id), git_commit_id(c));
	return strat_error_set(STRAT_EGIT,
			       "the commit %s is dated %lld seconds from "
			       "1970, outside the years 0001 to 9999: strat "
			       "cannot place it in a period (report a revision "
			       "before it, or rewrite it)",
			       id, (long long)*out);
}

/* out for commit c, its strings in b (replacing the last commit's). */
static int
fill_commit(strat_repo *r, git_commit *c, strat_commit *out, cstrings *b)
{
	const git_signature *a = git_commit_author(c);
	const char *name = a ? a->name : "", *email = a ? a->email : "";
	const char *rn = NULL, *re = NULL;
	const char *enc = git_commit_message_encoding(c);
	size_t len = 0, e, m;
	int rc;

	memcpy(out->id.id, git_commit_id(c)->id, 20);
	if ((rc = commit_time(c, &out->time)) < 0)
		return rc;
	out->author_time = a ? (int64_t)a->when.time : out->time;
	if (r->mailmap &&
	    git_mailmap_resolve(&rn, &re, r->mailmap, name, email) == 0) {
		name = rn;
		email = re;
	}
	if ((rc = copy_str(b, &len, name, enc)) < 0)
		return rc;
	e = len;
	if ((rc = copy_str(b, &len, email, enc)) < 0)
		return rc;
	m = len;
	if ((rc = copy_str(b, &len, git_commit_summary(c), enc)) < 0)
		return rc;
	out->author = b->s;
	out->email = b->s + e;
	out->summary = b->s + m;
	out->nparents = git_commit_parentcount(c);
	return 0;
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
		const git_error *e = git_error_last();
		char why[256];

		/* libgit2's reason, before the shallow check's reads */
		snprintf(why, sizeof(why), "%s",
			 e && e->message ? e->message : "unknown error");
		if (strat_repo_is_shallow(w->repo)) {
			w->truncated = 1;
			return 0;
		}
		return commit_fail(rc, &id, why);
	}
	rc = fill_commit(w->repo, c, out, &w->commit);
	git_commit_free(c);
	if (rc < 0)
		return rc;
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
	free(w->commit.s);
	free(w);
}

static int
commit_tree(strat_repo *r, const strat_oid *commit, git_tree **out)
{
	git_commit *c;
	int rc;

	if ((rc = git_commit_lookup(&c, r->repo, (const git_oid *)commit->id)) <
	    0)
		return commit_fail(rc, (const git_oid *)commit->id, NULL);
	if ((rc = git_commit_tree(out, c)) < 0)
		rc = obj_missing(r, "tree", "", git_commit_tree_id(c), rc);
	git_commit_free(c);
	return rc;
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
	char dir[4096]; /* the tree entered last, to name it when it fails */
	git_oid dirid;
} listctx;

static int
tree_cb(const char *root, const git_tree_entry *e, void *payload)
{
	listctx *l = payload;
	char path[4096];
	git_filemode_t mode = git_tree_entry_filemode(e);

	if (git_tree_entry_type(e) == GIT_OBJECT_TREE) {
		const char *name = git_tree_entry_name(e), *c;
		int depth = 1;

		/* the working-tree source skips hidden directories too */
		if (name[0] == '.' || strcmp(name, "node_modules") == 0)
			return 1;
		/* and reports a directory deeper than it reads, as its path
		 * and a '/' (the loader's limit-exceeded finding) */
		for (c = root; *c; c++)
			depth += *c == '/';
		if (depth <= STRAT_MAX_DIR_DEPTH) {
			snprintf(l->dir, sizeof(l->dir), "%s%s", root, name);
			git_oid_cpy(&l->dirid, git_tree_entry_id(e));
			return 0;
		}
		if ((size_t)snprintf(path, sizeof(path), "%s%s/", root, name) <
			sizeof(path) &&
		    (l->rc = l->add(l->arg, path)) < 0)
			return -1;
		return 1;
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
	listctx l;
	int rc;

	memset(&l, 0, sizeof(l));
	l.add = add;
	l.arg = arg;
	rc = git_tree_walk(s->tree, GIT_TREEWALK_PRE, tree_cb, &l);
	if (l.rc < 0)
		return l.rc;
	/* the walk reads a subtree after its entry was seen: the one that
	 * failed is the last entered */
	if (rc < 0 && l.dir[0] != '\0')
		return obj_missing(s->repo, "tree", l.dir, &l.dirid, rc);
	return rc < 0 ? fail(rc, "cannot list the tree; the repository is "
				 "damaged ('git fsck' says more)")
		      : 0;
}

static int
odb_of(strat_repo *r, git_odb **out)
{
	int rc;

	if (r->odb == NULL && (rc = git_repository_odb(&r->odb, r->repo)) < 0)
		return rc;
	*out = r->odb;
	return 0;
}

int
strat_commit_lookup(strat_repo *r, const strat_oid *id, strat_commit *out)
{
	git_commit *c;
	int rc;

	if ((rc = git_commit_lookup(&c, r->repo, (const git_oid *)id->id)) < 0)
		return commit_fail(rc, (const git_oid *)id->id, NULL);
	rc = fill_commit(r, c, out, &r->commit);
	git_commit_free(c);
	return rc;
}

/* The error for an object (a tree or blob a tree entry or the index
 * names, kind "tree" or "blob") that cannot be read: the repository is
 * damaged, or (a partial clone) the object was never fetched.  Never an
 * empty directory or an absent file: that would be a wrong number.  code
 * is libgit2's error, or 0 when the object has another type. */
static int
obj_missing(strat_repo *r, const char *kind, const char *path,
	    const git_oid *id, int code)
{
	const git_error *e = git_error_last();
	char hex[GIT_OID_HEXSZ + 1], msg[256];

	/* libgit2's message, before the config read below replaces it */
	snprintf(msg, sizeof(msg), "%s",
		 code == 0         ? "an object of another type"
		 : e && e->message ? e->message
				   : "unknown error");
	git_oid_tostr(hex, sizeof(hex), id);
	if (code == GIT_ENOTFOUND && strat_repo_is_partial(r))
		return strat_error_set(
		    STRAT_EGIT,
		    "the %s %s of '%s' is not in this partial clone (its "
		    "filter left it on the remote, and strat does not "
		    "fetch); measure in a clone made without --filter, "
		    "or fetch the objects ('git fetch --refetch' with "
		    "the filter unset)",
		    kind, hex, path[0] ? path : ".");
	return strat_error_set(STRAT_EGIT,
			       "cannot read the %s %s of '%s' (%s); the "
			       "repository is damaged: run 'git fsck'",
			       kind, hex, path[0] ? path : ".", msg);
}

/* The blob id names, as a malloc'd buffer of *len + 1 bytes,
 * NUL-terminated.  Its size is asked first, from the object's header: a
 * blob of gigabytes compresses to megabytes and must not be inflated. */
static int
read_blob(strat_repo *r, const git_oid *id, const char *path, char **buf,
	  size_t *len)
{
	git_odb *odb = NULL;
	git_odb_object *o = NULL;
	git_object_t type = GIT_OBJECT_BLOB;
	size_t size = 0;
	int rc;

	if ((rc = odb_of(r, &odb)) == 0 &&
	    (rc = git_odb_read_header(&size, &type, odb, id)) == 0 &&
	    type == GIT_OBJECT_BLOB) {
		if (size > STRAT_MAX_FILE_SIZE)
			return STRAT_ELIMIT;
		rc = git_odb_read(&o, odb, id);
	}
	if (rc < 0 || type != GIT_OBJECT_BLOB)
		/* A blob a tree or the index names must exist: a missing
		 * one is damage, not an absent file. */
		return obj_missing(r, "blob", path, id, rc);
	size = git_odb_object_size(o);
	if (size > STRAT_MAX_FILE_SIZE) {
		git_odb_object_free(o);
		return STRAT_ELIMIT;
	}
	if ((*buf = malloc(size + 1)) == NULL) {
		git_odb_object_free(o);
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	}
	memcpy(*buf, git_odb_object_data(o), size);
	(*buf)[size] = '\0';
	*len = size;
	git_odb_object_free(o);
	return 0;
}

/* That id, named by a file or link entry at path that is not read, is
 * the blob its mode says: its header is read, not its content.  Another
 * kind of object is an error naming both (git fsck flags it), never an
 * absent file or directory. */
static int
blob_check(strat_repo *r, const git_oid *id, const char *path)
{
	git_odb *odb = NULL;
	git_object_t type = GIT_OBJECT_BLOB;
	size_t size;
	int rc;

	if ((rc = odb_of(r, &odb)) == 0)
		rc = git_odb_read_header(&size, &type, odb, id);
	if (rc < 0 || type != GIT_OBJECT_BLOB)
		return obj_missing(r, "blob", path, id, rc);
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
		/* not followed, not read; but a link naming a tree is
		 * damage, as in the history walk */
		rc = blob_check(s->repo, git_tree_entry_id(e), path);
		git_tree_entry_free(e);
		return rc < 0 ? rc
			      : strat_error_set(STRAT_EIO,
						"'%s' is a symbolic link; plan "
						"files are read only as "
						"regular files",
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
	/* a file or link entry: its object is the blob its mode says */
	rc = git_tree_entry_type(e) == GIT_OBJECT_BLOB
		 ? blob_check(s->repo, git_tree_entry_id(e), path)
		 : 0;
	git_tree_entry_free(e);
	return rc;
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

/* Whether e is content the next commit holds, as the commit source sees
 * files: a regular file or link.  A submodule (gitlink) is no file, and an
 * intent-to-add entry ('git add -N') has no content yet: git commits
 * neither as a file, so neither is linted (SPEC, repository states). */
static int
staged_file(const git_index_entry *e)
{
	unsigned type = e->mode & 0170000;

	if (e->flags_extended & GIT_INDEX_ENTRY_INTENT_TO_ADD)
		return 0;
	return type == 0100000 || type == 0120000;
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
		if (hidden(e->path) || !staged_file(e))
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
	if (!staged_file(e))
		return STRAT_ENOTFOUND; /* a submodule, or intent-to-add */
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

	if (e == NULL || !staged_file(e))
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

/*
 * The default hooks directory must be the git directory's own: a hooks
 * that is a symbolic link leading elsewhere would have strat write (and
 * uninstall remove) a file outside the repository, which it never does.
 * core.hooksPath is git's configuration for hooks kept elsewhere: git
 * runs them from there, and strat writes there, saying so.  A hooks that
 * does not exist yet is created inside the git directory.
 */
static int
hooks_inside(const char *gitdir, const char *hooks)
{
	char *rg, *rh;
	size_t n;
	int inside;

	if ((rh = realpath(hooks, NULL)) == NULL)
		return 0;
	if ((rg = realpath(gitdir, NULL)) == NULL) {
		free(rh);
		return 0;
	}
	n = strlen(rg);
	inside = strncmp(rh, rg, n) == 0 && rh[n] == '/';
	if (!inside)
		strat_error_set(STRAT_EOUTSIDE,
				"'%s' leads to '%s', outside the git directory "
				"'%s'; strat writes no hook there: if the "
				"hooks belong there, say so to git with 'git "
				"config core.hooksPath %s', or make '%s' a "
				"directory",
				hooks, rh, rg, rh, hooks);
	free(rg);
	free(rh);
	return inside ? 0 : STRAT_EOUTSIDE;
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
	if ((rc = hooks_inside(base, s)) < 0) {
		free(s);
		return rc;
	}
	*out = s;
	return 0;
}

/* ---- cheap history access (strat report) ---- */

/* Follows first parents by hand: unlike a revwalk, this returns the last
 * commit of a shallow clone before stopping at its missing parent. */
int
strat_walk_next_tree(strat_walk *w, strat_oid *out, strat_oid *tree,
		     int64_t *time)
{
	git_commit *c;
	int rc;

	if (!w->has_next)
		return 0;
	if (w->max && w->n >= w->max) {
		w->truncated = 1;
		return 0;
	}
	if ((rc = git_commit_lookup(&c, w->repo->repo, &w->next)) < 0) {
		const git_error *e = git_error_last();
		char why[256];

		snprintf(why, sizeof(why), "%s",
			 e && e->message ? e->message : "unknown error");
		if (w->n > 0 && strat_repo_is_shallow(w->repo)) {
			w->truncated = 1;
			w->has_next = 0;
			return 0;
		}
		return commit_fail(rc, &w->next, why);
	}
	if (commit_time(c, time) < 0) {
		git_commit_free(c);
		return STRAT_EGIT;
	}
	memcpy(out->id, w->next.id, 20);
	if (tree != NULL)
		memcpy(tree->id, git_commit_tree_id(c)->id, 20);
	if (git_commit_parentcount(c) > 0)
		git_oid_cpy(&w->next, git_commit_parent_id(c, 0));
	else
		w->has_next = 0;
	git_commit_free(c);
	w->n++;
	return 1;
}

int
strat_walk_next_id(strat_walk *w, strat_oid *out, int64_t *time)
{
	return strat_walk_next_tree(w, out, NULL, time);
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
	int dir;                   /* named with a trailing '/' */
} watched;

struct strat_pathids {
	strat_repo *repo;
	watched *w;
	size_t n;
	git_tree *last; /* the tree read last (shared root) */
};

int
strat_pathids_new(strat_pathids **out, strat_repo *r, const char *const *paths,
		  size_t n)
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
		p->w[i].dir = s[0] != '\0' && s[strlen(s) - 1] == '/';
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
	git_tree_free(p->last);
	free(p);
}

/* The directory of w's first l components, in path. */
static const char *
wpath(const watched *w, size_t l, char *path, size_t size)
{
	size_t i, n = 0;

	path[0] = '\0';
	for (i = 0; i < l && n < size; i++)
		n += (size_t)snprintf(path + n, size - n, "%s%s", i ? "/" : "",
				      w->comp[i]);
	return path;
}

/* The tree id names, kept until another is asked for.  The id comes from
 * the commit or from an entry whose mode says tree: another kind of
 * object there is damage, as in tl_load. */
static int
pid_tree(strat_pathids *p, const git_oid *id, const watched *w, size_t l,
	 const git_tree **out)
{
	git_object *o;
	char path[4096];
	int rc;

	if (p->last == NULL || !git_oid_equal(git_tree_id(p->last), id)) {
		git_tree_free(p->last);
		p->last = NULL;
		if ((rc = git_object_lookup(&o, p->repo->repo, id,
					    GIT_OBJECT_ANY)) < 0)
			return obj_missing(p->repo, "tree",
					   wpath(w, l, path, sizeof(path)), id,
					   rc);
		if (git_object_type(o) != GIT_OBJECT_TREE) {
			git_object_free(o);
			return obj_missing(p->repo, "tree",
					   wpath(w, l, path, sizeof(path)), id,
					   0);
		}
		p->last = (git_tree *)o;
	}
	*out = p->last;
	return 0;
}

/* An entry that is not a tree where a directory is asked for (its first
 * l + 1 components): no directory there, when it is what its mode says.
 * A file or link naming a tree, a commit or a tag is damage (git fsck:
 * the entry's mode and its object disagree), not an absent directory:
 * its header is read (only here, off the walk's usual path).  A gitlink
 * names a commit of another repository: nothing to check. */
static int
pid_not_dir(strat_pathids *p, const watched *w, size_t l,
	    const git_tree_entry *e)
{
	char path[4096];

	if (git_tree_entry_filemode(e) == GIT_FILEMODE_COMMIT)
		return 0;
	return blob_check(p->repo, git_tree_entry_id(e),
			  wpath(w, l + 1, path, sizeof(path)));
}

int
strat_pathids_get(strat_pathids *p, const strat_oid *tree, strat_oid *out)
{
	size_t i, l;
	git_oid cur, next;
	const git_tree *t = NULL;
	const git_tree_entry *e;
	int rc;

	for (i = 0; i < p->n; i++) {
		watched *w = &p->w[i];

		memcpy(cur.id, tree->id, 20);
		memset(out[i].id, 0, 20);
		if (w->ncomp == 0) {
			/* "" is the tree itself; a path too deep is absent */
			if (w->alloc[0] == '\0' || strcmp(w->alloc, "/") == 0)
				memcpy(out[i].id, tree->id, 20);
			continue;
		}
		for (l = 0; l < w->ncomp; l++) {
			/* the same tree at a level: the same path id */
			if (l < w->nlevel &&
			    git_oid_equal(&w->level[l], &cur)) {
				memcpy(out[i].id, w->id.id, 20);
				break;
			}
			git_oid_cpy(&w->level[l], &cur);
			w->nlevel = l + 1;
			if ((rc = pid_tree(p, &cur, w, l, &t)) < 0)
				return rc;
			if ((e = git_tree_entry_byname(t, w->comp[l])) ==
			    NULL) {
				memset(w->id.id, 0, 20);
				break;
			}
			git_oid_cpy(&next, git_tree_entry_id(e));
			if ((l + 1 < w->ncomp || w->dir) &&
			    git_tree_entry_type(e) != GIT_OBJECT_TREE) {
				/* a file where a directory is asked for:
				 * no directory there */
				if ((rc = pid_not_dir(p, w, l, e)) < 0)
					return rc;
				memset(w->id.id, 0, 20);
				break;
			}
			if (l + 1 == w->ncomp) {
				git_oid_cpy(&w->id, &next);
				memcpy(out[i].id, next.id, 20);
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
	const char *path; /* the entry's full path, in the directory's names */
	git_oid id;
	unsigned mode; /* git's: 040000, 0100644, 0100755 or 0120000 */
	int checked;   /* a file's object is known to be a blob */
} tlent;

struct tldir {
	char *path; /* full path: the cache's key */
	git_oid id; /* the tree read last at this path */
	tlent *v;
	size_t n;
	char *names; /* the entries' full paths, made once per tree read */
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

/* Tree t's entries into d's: directories (not hidden), regular files and
 * symbolic links, with their full paths (an entry whose path would not
 * fit TL_PATH_MAX is left out); submodules are another repository's.  A
 * file whose object was checked in the listing read before (the same
 * name and id) stays checked. */
static int
tl_fill(tldir *d, const git_tree *t)
{
	size_t cnt = git_tree_entrycount(t), nb = 0, i, j = 0, k = 0, len;
	size_t dl = strlen(d->path), sep = dl > 0;
	const git_tree_entry *e;
	const char *name;
	unsigned mode;
	tlent *old = d->v, *v = NULL;
	size_t nold = d->n;
	char *w, *names = NULL;
	int c = 1;

	for (i = 0; i < cnt; i++)
		nb +=
		    dl + sep +
		    strlen(git_tree_entry_name(git_tree_entry_byindex(t, i))) +
		    1;
	if (cnt > 0 && ((v = malloc(cnt * sizeof(*v))) == NULL ||
			(names = malloc(nb)) == NULL)) {
		free(v);
		return STRAT_ENOMEM;
	}
	w = names;
	for (i = 0; i < cnt; i++) {
		e = git_tree_entry_byindex(t, i);
		name = git_tree_entry_name(e);
		mode = (unsigned)git_tree_entry_filemode_raw(e);
		if ((mode & 0170000) == 0040000) {
			if (name[0] == '.' || strcmp(name, "node_modules") == 0)
				continue;
			mode = 0040000;
		} else if ((mode & 0170000) != 0100000 &&
			   (mode & 0170000) != 0120000) {
			continue; /* submodules */
		}
		len = strlen(name) + 1;
		if (dl + sep + len > TL_PATH_MAX)
			continue;
		memcpy(w, d->path, dl);
		if (sep)
			w[dl] = '/';
		memcpy(w + dl + sep, name, len);
		v[k].path = w;
		v[k].mode = mode;
		v[k].checked = 0;
		git_oid_cpy(&v[k].id, git_tree_entry_id(e));
		/* both listings are in tree order: a miss only means one
		 * check more */
		while (j < nold && (c = strcmp(old[j].path, w)) < 0)
			j++;
		if (j < nold && c == 0 && old[j].checked &&
		    git_oid_equal(&old[j].id, &v[k].id))
			v[k].checked = 1;
		w += dl + sep + len;
		k++;
	}
	free(old);
	free(d->names);
	d->v = v;
	d->names = names;
	d->n = k;
	return 0;
}

/* The directory at path as of tree id, read when its id changed.  The id
 * comes from a tree entry: the tree must exist and be a tree. */
static int
tl_load(strat_repo *r, const char *path, const git_oid *id, tldir **out)
{
	tldir *d = strset_get(&r->tlcache, path);
	git_object *o;
	int rc;

	*out = NULL;
	if (d != NULL && git_oid_equal(&d->id, id)) {
		*out = d;
		return 0;
	}
	rc = git_object_lookup(&o, r->repo, id, GIT_OBJECT_ANY);
	if (rc < 0)
		return obj_missing(r, "tree", path, id, rc);
	if (git_object_type(o) != GIT_OBJECT_TREE) {
		git_object_free(o);
		return obj_missing(r, "tree", path, id, 0);
	}
	if (d == NULL) {
		if ((d = calloc(1, sizeof(*d))) == NULL ||
		    (d->path = strdup(path)) == NULL ||
		    strset_put(&r->tlcache, d->path, d, NULL) < 0) {
			git_object_free(o);
			tldir_free(d);
			return strat_error_set(STRAT_ENOMEM, "out of memory");
		}
	}
	/* invalid until fully read */
	memset(d->id.id, 0, 20);
	rc = tl_fill(d, (const git_tree *)o);
	git_object_free(o);
	if (rc < 0)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	git_oid_cpy(&d->id, id);
	*out = d;
	return 0;
}

/* Calls cb for every file and link under the directory at path, as of
 * tree id; only directories whose id changed since the last time are
 * read.  A file cb does not read (it returns 1) or a link has its type
 * checked once (a file entry naming a tree must not hide a directory).
 * depth counts the directories below the listing's top: deeper than
 * STRAT_MAX_DIR_DEPTH (as the working-tree walk stops) is an error, not a
 * silent skip and not a stack overflow. */
static int
tl_emit(strat_repo *r, const char *path, const git_oid *id, int depth,
	int (*cb)(void *, const char *, const strat_oid *, unsigned), void *arg)
{
	tldir *d;
	tlent *e;
	size_t i;
	int rc;

	if (depth > STRAT_MAX_DIR_DEPTH)
		return strat_error_set(STRAT_ELIMIT,
				       "'%s' is nested more than %d "
				       "directories below the calendar "
				       "directory; strat reads %d levels",
				       path, STRAT_MAX_DIR_DEPTH,
				       STRAT_MAX_DIR_DEPTH);
	if ((rc = tl_load(r, path, id, &d)) < 0)
		return rc;
	for (i = 0; i < d->n; i++) {
		/* d stays valid: only the subdirectory's own listing can be
		 * read again */
		e = &d->v[i];
		if (e->mode == 0040000) {
			rc = tl_emit(r, e->path, &e->id, depth + 1, cb, arg);
		} else {
			rc = cb(arg, e->path, (const strat_oid *)e->id.id,
				e->mode);
			if (rc >= 0 && (rc == 1 || e->mode == 0120000) &&
			    !e->checked &&
			    (rc = blob_check(r, &e->id, e->path)) == 0)
				e->checked = 1;
		}
		if (rc < 0)
			return rc;
	}
	return 0;
}

int
strat_tree_list(strat_repo *r, const strat_oid *tree, const char *prefix,
		int (*cb)(void *arg, const char *path, const strat_oid *blob,
			  unsigned mode),
		void *arg)
{
	if (strlen(prefix) >= TL_PATH_MAX)
		return 0;
	return tl_emit(r, prefix, (const git_oid *)tree->id, 0, cb, arg);
}

int
strat_blob_read(strat_repo *r, const strat_oid *id, const char *path,
		char **buf, size_t *len)
{
	return read_blob(r, (const git_oid *)id->id, path, buf, len);
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
		return commit_fail(rc, (const git_oid *)id->id, NULL);
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
