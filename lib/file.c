/*
 * file.c - writing a file of the user's repository as git does
 * (strat/file.h): a temporary file beside the target, O_EXCL|O_NOFOLLOW,
 * fsync, rename; the mode kept; never outside the boundary directory.
 *
 * The checks resolve the target's directory once, open it, and do every
 * later step relative to that descriptor (openat, fstatat, renameat), so
 * a directory swapped for a link after the check is not followed.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "strat/common.h"
#include "strat/file.h"

/* Nonzero when the resolved path p is root or below it. */
static int
below(const char *root, const char *p)
{
	size_t n = strlen(root);

	if (strcmp(root, "/") == 0)
		return 1;
	return strncmp(p, root, n) == 0 && (p[n] == '/' || p[n] == '\0');
}

/* Split path into a malloc'd directory ("." when none) and its last name
 * (borrowed from path).  NULL dir when out of memory. */
static char *
split(const char *path, const char **base)
{
	const char *slash = strrchr(path, '/');
	char *dir;

	if (slash == NULL) {
		*base = path;
		return strdup(".");
	}
	*base = slash + 1;
	if (slash == path)
		return strdup("/");
	if ((dir = malloc((size_t)(slash - path) + 1)) == NULL)
		return NULL;
	memcpy(dir, path, (size_t)(slash - path));
	dir[slash - path] = '\0';
	return dir;
}

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/*
 * Resolve where path is to be written: *out_dir (resolved, malloc'd) and
 * *out_base (malloc'd).  Applies every refusal of the header.
 */
static int
resolve(const char *real_root, const char *path, unsigned flags, char **out_dir,
	char **out_base)
{
	struct stat st;
	const char *base;
	char *dir = NULL, *rdir = NULL, *target = NULL;
	int rc = 0;

	*out_dir = *out_base = NULL;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		if (flags & STRAT_FILE_NOFOLLOW)
			return strat_error_set(
			    STRAT_EEXISTS,
			    "'%s' is a symbolic link; not writing through "
			    "it",
			    path);
		if ((target = realpath(path, NULL)) == NULL) {
			if (errno == ENOMEM)
				return strat_error_set(STRAT_ENOMEM,
						       "out of memory");
			return strat_error_set(
			    STRAT_EEXISTS,
			    "'%s' is a symbolic link to nothing; not "
			    "creating a file through it",
			    path);
		}
		if (!below(real_root, target)) {
			rc = strat_error_set(
			    STRAT_EOUTSIDE,
			    "'%s' is a symbolic link to '%s', outside the "
			    "repository; not writing through it",
			    path, target);
			goto out;
		}
		path = target;
	}
	if ((dir = split(path, &base)) == NULL) {
		rc = strat_error_set(STRAT_ENOMEM, "out of memory");
		goto out;
	}
	if (*base == '\0' || strcmp(base, ".") == 0 ||
	    strcmp(base, "..") == 0) {
		rc = strat_error_set(STRAT_EUSAGE, "'%s' is not a file name",
				     path);
		goto out;
	}
	if ((rdir = realpath(dir, NULL)) == NULL) {
		rc = errno == ENOMEM
			 ? strat_error_set(STRAT_ENOMEM, "out of memory")
			 : strat_error_set(
			       STRAT_ENOTFOUND,
			       "cannot write '%s': directory '%s': %s", path,
			       dir, strerror(errno));
		goto out;
	}
	if (!below(real_root, rdir)) {
		rc = strat_error_set(
		    STRAT_EOUTSIDE,
		    "'%s' is outside the repository ('%s'); not writing "
		    "it",
		    path, real_root);
		goto out;
	}
	if ((*out_base = strdup(base)) == NULL) {
		rc = strat_error_set(STRAT_ENOMEM, "out of memory");
		goto out;
	}
	*out_dir = rdir;
	rdir = NULL;
out:
	free(target);
	free(dir);
	free(rdir);
	return rc;
}

/* Create the temporary file in dfd: ".BASE.strat-PID-N", O_EXCL and
 * O_NOFOLLOW so that nothing already there (a planted link) is used. */
static int
make_temp(int dfd, const char *base, unsigned mode, char *name, size_t size)
{
	int n, fd;

	for (n = 0; n < 1000; n++) {
		/* Names are at most NAME_MAX: a long base is cut. */
		snprintf(name, size, ".%.200s.strat-%ld-%d", base,
			 (long)getpid(), n);
		fd =
		    openat(dfd, name,
			   O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			   (mode_t)mode);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

int
strat_file_write(char **out_written, const char *root, const char *path,
		 const void *buf, size_t len, const strat_file_opts *opts)
{
	strat_file_opts def = STRAT_FILE_OPTS_INIT;
	char *real_root = NULL, *dir = NULL, *base = NULL;
	char tmp[NAME_MAX + 1];
	struct stat st;
	int dfd = -1, fd = -1, rc = 0, exists, made = 0;

	if (out_written)
		*out_written = NULL;
	if (opts == NULL)
		opts = &def;
	if (root == NULL || path == NULL || (buf == NULL && len > 0))
		return strat_error_set(STRAT_EUSAGE,
				       "strat_file_write: missing argument");
	if ((real_root = realpath(root, NULL)) == NULL)
		return strat_error_set(STRAT_ENOTFOUND,
				       "cannot resolve '%s': "
				       "%s",
				       root, strerror(errno));
	if ((rc = resolve(real_root, path, opts->flags, &dir, &base)) < 0)
		goto out;
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		rc = strat_error_set(STRAT_EIO,
				     "cannot open directory '%s': "
				     "%s",
				     dir, strerror(errno));
		goto out;
	}
	exists = fstatat(dfd, base, &st, AT_SYMLINK_NOFOLLOW) == 0;
	if (exists && S_ISLNK(st.st_mode)) {
		/* A link appeared after resolve() (or a link to a link). */
		rc = strat_error_set(STRAT_EEXISTS,
				     "'%s/%s' is a symbolic "
				     "link; not writing through it",
				     dir, base);
		goto out;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		rc = strat_error_set(STRAT_EIO,
				     "'%s/%s' is not a regular "
				     "file; not writing it",
				     dir, base);
		goto out;
	}
	if (exists && (opts->flags & STRAT_FILE_CREATE)) {
		rc = strat_error_set(STRAT_EEXISTS,
				     "'%s' exists; not "
				     "overwriting it",
				     path);
		goto out;
	}
	if ((fd = make_temp(dfd, base, exists ? 0600 : opts->mode, tmp,
			    sizeof(tmp))) < 0) {
		rc = strat_error_set(STRAT_EIO,
				     "cannot create a temporary "
				     "file in '%s': %s",
				     dir, strerror(errno));
		goto out;
	}
	made = 1;
	if (write_all(fd, buf, len) < 0 ||
	    (exists && fchmod(fd, st.st_mode & 07777) < 0) || fsync(fd) < 0) {
		rc = strat_error_set(STRAT_EIO, "cannot write '%s/%s': %s", dir,
				     tmp, strerror(errno));
		goto out;
	}
	if (close(fd) < 0) {
		fd = -1;
		rc = strat_error_set(STRAT_EIO, "cannot write '%s/%s': %s", dir,
				     tmp, strerror(errno));
		goto out;
	}
	fd = -1;
	if (exists) {
		if (renameat(dfd, tmp, dfd, base) < 0) {
			rc = strat_error_set(STRAT_EIO,
					     "cannot replace "
					     "'%s/%s': %s",
					     dir, base, strerror(errno));
			goto out;
		}
		made = 0;
	} else if (linkat(dfd, tmp, dfd, base, 0) < 0) {
		/* A new name must not appear under us: link() refuses
		 * what rename() would replace. */
		rc = errno == EEXIST
			 ? strat_error_set(STRAT_EEXISTS,
					   "'%s' appeared while "
					   "it was written; not overwriting it",
					   path)
			 : strat_error_set(STRAT_EIO,
					   "cannot create '%s/%s': "
					   "%s",
					   dir, base, strerror(errno));
		goto out;
	}
	fsync(dfd); /* the new name is durable; not all file systems can */
	if (out_written) {
		size_t n = strlen(dir) + strlen(base) + 2;

		if ((*out_written = malloc(n)) != NULL)
			snprintf(*out_written, n, "%s%s%s", dir,
				 strcmp(dir, "/") == 0 ? "" : "/", base);
	}
out:
	if (fd >= 0)
		close(fd);
	if (made)
		unlinkat(dfd, tmp, 0);
	if (dfd >= 0)
		close(dfd);
	free(real_root);
	free(dir);
	free(base);
	return rc;
}
