/*
 * source_fs.c - a plan source over a directory of the working tree.
 * Files are read only from inside the root: symbolic links that resolve
 * outside it are refused, as are paths with '..'.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "glob.h"
#include "strat/plan.h"

typedef struct {
	char *root; /* as given */
	char *real; /* resolved */
} fsctx;

/* 1 when full resolves inside the root, 0 when it leaves it, -3 when it
 * resolves into a .git directory, -1 when it does not exist, -2 (errno
 * kept) when it cannot be resolved (a symbolic link loop, a directory not
 * searchable). */
static int
inside(const fsctx *c, const char *full)
{
	char *r = realpath(full, NULL);
	size_t n = strlen(c->real);
	int ok;

	if (r == NULL)
		return errno == ENOENT ? -1 : -2;
	if (strcmp(c->real, "/") == 0)
		n = 0;
	ok = strncmp(r, c->real, n) == 0 && (r[n] == '/' || r[n] == '\0');
	if (ok && r[n] == '/' && path_in_dotgit(r + n + 1))
		ok = -3;
	free(r);
	return ok;
}

static int
walk(fsctx *c, char *path, size_t len, int depth,
     int (*add)(void *, const char *), void *arg)
{
	DIR *d;
	struct dirent *e;
	struct stat st;
	size_t n;
	int rc = 0;

	/* A directory not read is reported, as its path with a trailing
	 * '/': the loader says so instead of counting fewer files. */
	if (depth > STRAT_MAX_DIR_DEPTH || (d = opendir(path)) == NULL) {
		if (depth == 0 ||
		    (depth <= STRAT_MAX_DIR_DEPTH && errno == ENOENT))
			return 0;
		path[len] = '/';
		path[len + 1] = '\0';
		rc = add(arg, path + strlen(c->root) + 1);
		path[len] = '\0';
		return rc;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' ||
		    strcmp(e->d_name, "node_modules") == 0)
			continue;
		n = strlen(e->d_name);
		if (len + 1 + n >= PATH_MAX)
			continue;
		path[len] = '/';
		memcpy(path + len + 1, e->d_name, n + 1);
		if (lstat(path, &st) < 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			/* a directory with its own .git is another
			 * repository (a submodule): git does not see its
			 * files as the plan's, so neither does strat */
			if (len + n + 6 < PATH_MAX) {
				struct stat gs;

				memcpy(path + len + 1 + n, "/.git", 6);
				rc = lstat(path, &gs) == 0;
				path[len + 1 + n] = '\0';
				if (rc) {
					rc = 0;
					path[len] = '\0';
					continue;
				}
			}
			rc = walk(c, path, len + 1 + n, depth + 1, add, arg);
		} else if (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) {
			/* report symlinks too: read() refuses those that
			 * leave the repository, with a diagnostic */
			rc = add(arg, path + strlen(c->root) + 1);
		}
		path[len] = '\0';
		if (rc < 0)
			break;
	}
	closedir(d);
	return rc;
}

static int
fs_list(void *ctx, int (*add)(void *, const char *), void *arg)
{
	fsctx *c = ctx;
	char path[PATH_MAX];
	size_t n = strlen(c->root);

	if (n >= PATH_MAX)
		return strat_error_set(STRAT_EIO, "path too long");
	memcpy(path, c->root, n + 1);
	return walk(c, path, n, 0, add, arg);
}

/* Open rel for reading: *fd and its *size, or a negative code. */
static int
fs_open_fd(fsctx *c, const char *rel, int *fd, size_t *size)
{
	char full[PATH_MAX];
	struct stat st;
	int in;

	if (!path_inside(rel))
		return strat_error_set(STRAT_EOUTSIDE,
				       "'%s' leaves the repository", rel);
	if ((size_t)snprintf(full, sizeof(full), "%s/%s", c->root, rel) >=
	    sizeof(full))
		return strat_error_set(STRAT_EIO, "path too long");
	in = inside(c, full);
	if (in == -1)
		return STRAT_ENOTFOUND;
	if (in == -2 && errno == ELOOP)
		return strat_error_set(STRAT_EIO,
				       "'%s' is a symbolic link "
				       "loop",
				       rel);
	if (in == -2)
		return strat_error_set(STRAT_EIO, "%s", strerror(errno));
	if (in == -3)
		return strat_error_set(STRAT_EOUTSIDE,
				       "'%s' is a link into .git", rel);
	if (!in)
		return strat_error_set(STRAT_EOUTSIDE,
				       "'%s' is a link that leaves the "
				       "repository",
				       rel);
	/* O_NONBLOCK: a FIFO or device must not hang the reader; fstat
	 * then refuses everything but regular files. */
	if ((*fd = open(full, O_RDONLY | O_NONBLOCK | O_NOCTTY)) < 0)
		return errno == ENOENT
			   ? STRAT_ENOTFOUND
			   : strat_error_set(STRAT_EIO, "%s", strerror(errno));
	if (fstat(*fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(*fd);
		return strat_error_set(STRAT_EIO, "not a regular file");
	}
	if ((uint64_t)st.st_size > STRAT_MAX_FILE_SIZE) {
		close(*fd);
		return STRAT_ELIMIT;
	}
	*size = (size_t)st.st_size;
	return 0;
}

/* Read up to cap bytes (fewer only at the end of the file): 0 with *got,
 * or a negative code. */
static int
fs_read_fd(int fd, char *buf, size_t cap, size_t *got)
{
	ssize_t r;

	*got = 0;
	while (*got < cap && (r = read(fd, buf + *got, cap - *got)) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return strat_error_set(STRAT_EIO, "%s",
					       strerror(errno));
		}
		*got += (size_t)r;
	}
	return 0;
}

static int
fs_read(void *ctx, const char *rel, char **buf, size_t *len)
{
	char *b;
	size_t size, got;
	int fd, rc;

	*buf = NULL;
	*len = 0;
	if ((rc = fs_open_fd(ctx, rel, &fd, &size)) < 0)
		return rc;
	if ((b = malloc(size + 1)) == NULL) {
		close(fd);
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	}
	rc = fs_read_fd(fd, b, size, &got);
	close(fd);
	if (rc < 0) {
		free(b);
		return rc;
	}
	b[got] = '\0';
	*buf = b;
	*len = got;
	return 0;
}

/* A file read in pieces: at most the size it had when opened, as fs_read
 * reads. */
typedef struct {
	int fd;
	size_t left;
} fsstream;

static int
fs_stream_read(void *s, char *buf, size_t cap, size_t *got)
{
	fsstream *f = s;
	int rc;

	rc = fs_read_fd(f->fd, buf, cap < f->left ? cap : f->left, got);
	f->left -= *got;
	return rc;
}

static void
fs_stream_close(void *s)
{
	fsstream *f = s;

	close(f->fd);
	free(f);
}

static int
fs_open(void *ctx, const char *rel, strat_stream *out)
{
	fsstream *f;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((f = malloc(sizeof(*f))) == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	if ((rc = fs_open_fd(ctx, rel, &f->fd, &out->size)) < 0) {
		free(f);
		return rc;
	}
	f->left = out->size;
	out->read = fs_stream_read;
	out->close = fs_stream_close;
	out->s = f;
	return 0;
}

int
strat_source_fs(strat_source *out, const char *root)
{
	fsctx *c = calloc(1, sizeof(*c));

	memset(out, 0, sizeof(*out));
	if (c == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	c->root = strdup(root);
	c->real = realpath(root, NULL);
	if (c->root == NULL || c->real == NULL) {
		int e = errno;

		free(c->root);
		free(c->real);
		free(c);
		return strat_error_set(STRAT_EIO, "%s: %s", root, strerror(e));
	}
	out->list = fs_list;
	out->read = fs_read;
	out->open = fs_open;
	out->ctx = c;
	return 0;
}

void
strat_source_fs_free(strat_source *src)
{
	fsctx *c;

	if (src == NULL || src->ctx == NULL)
		return;
	c = src->ctx;
	free(c->root);
	free(c->real);
	free(c);
	src->ctx = NULL;
}
