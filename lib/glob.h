/* glob.h - path globs.  (internal) */
#ifndef STRAT_GLOB_H
#define STRAT_GLOB_H

#include <stddef.h>

/* 1 when path s matches glob p: '*' and '?' stay within a directory,
 * '**' spans directories, '[...]' classes, '\' escapes.  Time and memory
 * O(|p| * |s|); a pattern or path longer than GLOB_MAX bytes matches
 * nothing. */
#define GLOB_MAX 4096
int glob_match(const char *p, const char *s);
/* glob_match, and in *steps the matcher's loop iterations: the work the
 * bound above speaks of, which tests check instead of timing it. */
int glob_match_steps(const char *p, const char *s, unsigned long *steps);
/* 1 when the relative path p cannot leave the repository. */
int path_inside(const char *p);
/* 1 when a component of the relative path p is '.git' (in any case):
 * git's own directory, never a plan file. */
int path_in_dotgit(const char *p);
/* The length of glob p's directory before its first special character
 * ("calendar" of the default calendar glob; 0 when there is none): where every
 * file p matches lies. */
size_t glob_dir_len(const char *p);
/* 1 when a file p matches could lie below the directory dir: dir is p's
 * directory (glob_dir_len) or one of its parents, or p has a special
 * character in a directory and dir lies below its directory (when that
 * is not the top of the repository).  A file named dir in a tree must
 * then be what its mode says. */
int glob_may_hold(const char *p, const char *dir);

#endif
