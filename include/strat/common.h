/*
 * strat/common.h - version, error codes and the last-error message.
 *
 * Functions return 0 on success or a negative STRAT_E* code.  Malformed
 * plan files are not failures: they load with diagnostics (see diag.h).
 * Negative returns are for I/O, out-of-memory, git and usage failures; the
 * message of the last one on this thread is in strat_error_last().
 */
#ifndef STRAT_COMMON_H
#define STRAT_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define STRAT_VERSION        "0.1.0"
#define STRAT_FORMAT_VERSION 1

enum {
	STRAT_OK = 0,
	STRAT_ERROR = -1,     /* generic failure */
	STRAT_ENOMEM = -2,    /* out of memory */
	STRAT_EIO = -3,       /* cannot read or write a file */
	STRAT_ENOTFOUND = -4, /* no such file, revision or object */
	STRAT_EGIT = -5,      /* libgit2 failure */
	STRAT_EUSAGE = -6,    /* invalid argument */
	STRAT_ELIMIT = -7,    /* a documented limit was exceeded */
	STRAT_ECONFLICT = -8, /* an index path has unresolved conflicts */
	STRAT_ESHALLOW = -9,  /* history ends at a shallow-clone boundary */
	STRAT_EOUTSIDE = -10, /* a path or link leaves the repository */
	STRAT_EEXISTS = -11   /* a file (or a link) is in the way */
};

/* Documented limits (spec/SPEC.md, "Limits"). */
#define STRAT_MAX_FILE_SIZE   (64u * 1024 * 1024)
#define STRAT_MAX_DEPTH       64
#define STRAT_MAX_NODES       4000000u
#define STRAT_MAX_SCALAR      (1024u * 1024)
#define STRAT_MAX_ITEMS       1000000u
#define STRAT_MAX_FILES       10000u
#define STRAT_MAX_PATH        1024
#define STRAT_MAX_DIR_DEPTH   32    /* directories below the plan root */
#define STRAT_MAX_FINDINGS    1000u /* reported per file; then one more says so */
#define STRAT_MAX_NUMBER      1e15  /* magnitude of a number of the plan */
#define STRAT_MAX_PERIODS_DOC 5000u /* periods of a md or html report */

/*
 * The message of the last failure on this thread, or "" if none.  The
 * string is owned by the library and valid until the next call that fails.
 */
const char *strat_error_last(void);

/* Set the thread's last error (used by the library and by cmd/). */
int strat_error_set(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void strat_error_clear(void);

#ifdef __cplusplus
}
#endif

#endif
