/*
 * strat/file.h - writing a file of the user's repository as git does.
 *
 * The bytes go to a temporary file created with O_EXCL|O_NOFOLLOW in the
 * target's own directory, which is flushed with fsync and renamed over the
 * target (or linked to a new name that must not exist), then the directory
 * is synced.  A reader sees the old bytes or the new ones, never a mix, and
 * a crash leaves at worst a stray ".NAME.strat-PID-N" file.
 *
 * The target's mode is kept; a new file gets opts->mode less the umask.
 * Nothing is written outside the boundary directory `root` (the top of the
 * work tree, or the plan directory without git): a target whose directory
 * resolves outside it is refused, a symbolic link at the target is written
 * through to the file it names only when that file is inside `root` (and
 * not at all with STRAT_FILE_NOFOLLOW), and a symbolic link in the way of a
 * new file (a dangling one) is refused.
 */
#ifndef STRAT_FILE_H
#define STRAT_FILE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
	/* The file must not exist yet: never overwrite (STRAT_EEXISTS). */
	STRAT_FILE_CREATE = 1u << 0,
	/* Refuse a symbolic link at the target instead of writing through. */
	STRAT_FILE_NOFOLLOW = 1u << 1
};

typedef struct {
	unsigned flags; /* STRAT_FILE_* */
	unsigned mode;  /* of a new file, before the umask (default 0666) */
} strat_file_opts;

#define STRAT_FILE_OPTS_INIT                                                   \
	{                                                                      \
		0, 0666                                                        \
	}

/*
 * Write len bytes of buf to path, which is relative to the current
 * directory or absolute, and must be inside the directory root.  opts may
 * be NULL for the defaults.  When out_written is not NULL it receives the
 * resolved path of the file actually written (the target of a symbolic
 * link), malloc'd, to be freed by the caller; NULL on failure.
 *
 * Returns 0, or STRAT_EOUTSIDE (the file or a link leaves root),
 * STRAT_EEXISTS (STRAT_FILE_CREATE and the path exists, or a symbolic link
 * is in the way), STRAT_EIO (cannot write; not a regular file),
 * STRAT_ENOTFOUND (the directory does not exist) or STRAT_ENOMEM, with the
 * message in strat_error_last().  On failure the target is untouched and
 * no temporary file is left behind.
 */
int strat_file_write(char **out_written, const char *root, const char *path,
		     const void *buf, size_t len, const strat_file_opts *opts);

#ifdef __cplusplus
}
#endif

#endif
