/* glob.h - path globs.  (internal) */
#ifndef STRAT_GLOB_H
#define STRAT_GLOB_H

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

#endif
