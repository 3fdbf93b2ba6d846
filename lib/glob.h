/* glob.h - path globs.  (internal) */
#ifndef STRAT_GLOB_H
#define STRAT_GLOB_H

/* 1 when path s matches glob p: '*' and '?' stay within a directory,
 * '**' spans directories, '[...]' classes, '\' escapes.  Time and memory
 * O(|p| * |s|); a pattern or path longer than GLOB_MAX bytes matches
 * nothing. */
#define GLOB_MAX 4096
int glob_match(const char *p, const char *s);
/* 1 when the relative path p cannot leave the repository. */
int path_inside(const char *p);

#endif
