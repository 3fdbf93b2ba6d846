/* glob.c - path globs with '**', and paths that stay inside the repo. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "glob.h"

static int
class_match(const char **pp, char c)
{
	const char *p = *pp + 1;
	int neg = 0, ok = 0;

	if (*p == '!' || *p == '^') {
		neg = 1;
		p++;
	}
	if (*p == ']') {
		ok = c == ']';
		p++;
	}
	for (; *p && *p != ']'; p++) {
		if (p[1] == '-' && p[2] && p[2] != ']') {
			if (c >= p[0] && c <= p[2])
				ok = 1;
			p += 2;
		} else if (*p == c) {
			ok = 1;
		}
	}
	if (*p != ']')
		return -1; /* unterminated: treat '[' literally */
	*pp = p;
	return ok != neg;
}

/* Match one pattern token (not a star) against *s; advance both on success. */
static int
step(const char **pp, const char **ss)
{
	const char *p = *pp, *s = *ss, *q;
	int r;

	switch (*p) {
	case '\0':
		return 0;
	case '?':
		if (*s == '\0' || *s == '/')
			return 0;
		break;
	case '[':
		if (*s == '\0' || *s == '/')
			return 0;
		q = p;
		r = class_match(&q, *s);
		if (r < 0) { /* unterminated: a literal '[' */
			if (*s != '[')
				return 0;
			break;
		}
		if (!r)
			return 0;
		p = q;
		break;
	case '\\':
		if (p[1])
			p++;
		/* fall through */
	default:
		if (*p != *s)
			return 0;
	}
	*pp = p + 1;
	*ss = s + 1;
	return 1;
}

typedef struct {
	const char *p, *s;
	size_t np, ns;       /* lengths */
	unsigned char *bad;  /* (i, j) already known not to match */
	unsigned long steps; /* work done, for tests of the bound */
} matcher;

static int
seen_bad(matcher *m, const char *p, const char *s)
{
	size_t k = (size_t)(p - m->p) * (m->ns + 1) + (size_t)(s - m->s);

	if (m->bad[k / 8] & (1u << (k % 8)))
		return 1;
	m->bad[k / 8] |= (unsigned char)(1u << (k % 8));
	return 0;
}

/*
 * Whether the pattern from p matches the path from s.  Each (p, s) pair is
 * tried at most once (a failure is remembered; a success ends the search)
 * and costs O(1) besides its recursive calls, so a match takes
 * O(|p| * |s|) time and bits, never exponential time (the former
 * backtracking matcher was exponential on '*a*a*a*a*a*a*b').
 */
static int
match(matcher *m, const char *p, const char *s)
{
	const char *q;

	for (;; m->steps++) {
		if (*p == '*') {
			if (seen_bad(m, p, s))
				return 0;
			if (p[1] == '*') {
				/* "**" then a slash matches zero or more
				 * directories; a trailing "**" all. */
				q = p + 2;
				if (*q == '/')
					q++;
				else if (*q == '\0')
					return 1;
				if (match(m, q, s))
					return 1;
				if ((s = strchr(s, '/')) == NULL)
					return 0;
				s++; /* one more directory, same "**" */
				continue;
			}
			if (match(m, p + 1, s))
				return 1;
			if (*s == '\0' || *s == '/')
				return 0;
			s++; /* one more character, same '*' */
			continue;
		}
		if (*p == '\0')
			return *s == '\0';
		if (!step(&p, &s))
			return 0;
	}
}

int
glob_match(const char *p, const char *s)
{
	return glob_match_steps(p, s, NULL);
}

int
glob_match_steps(const char *p, const char *s, unsigned long *steps)
{
	unsigned char small[1024];
	matcher m;
	size_t bytes;
	int r;

	m.p = p;
	m.s = s;
	m.np = strlen(p);
	m.ns = strlen(s);
	m.steps = 0;
	if (steps != NULL)
		*steps = 0;
	if (m.np > GLOB_MAX || m.ns > GLOB_MAX)
		return 0;
	bytes = ((m.np + 1) * (m.ns + 1) + 7) / 8;
	m.bad = bytes <= sizeof(small) ? small : malloc(bytes);
	if (m.bad == NULL)
		return 0;
	memset(m.bad, 0, bytes);
	r = match(&m, p, s);
	if (m.bad != small)
		free(m.bad);
	if (steps != NULL)
		*steps = m.steps;
	return r;
}

int
path_inside(const char *p)
{
	const char *s;

	if (p[0] == '/' || p[0] == '\0' || strlen(p) > 1024)
		return 0;
	if (strchr(p, '\\') != NULL && p[1] == ':')
		return 0;
	for (s = p; *s;) {
		size_t n = strcspn(s, "/");

		if (n == 2 && s[0] == '.' && s[1] == '.')
			return 0;
		s += n;
		if (*s == '/')
			s++;
	}
	return 1;
}

int
path_in_dotgit(const char *p)
{
	const char *s;

	for (s = p; *s;) {
		size_t n = strcspn(s, "/");

		/* git refuses '.git' in any case in a tree (case-folding
		 * file systems); so does strat */
		if (n == 4 && strncasecmp(s, ".git", 4) == 0)
			return 1;
		s += n;
		if (*s == '/')
			s++;
	}
	return 0;
}

size_t
glob_dir_len(const char *p)
{
	size_t i, slash = 0;

	for (i = 0; p[i] && !strchr("*?[\\{", p[i]); i++)
		if (p[i] == '/')
			slash = i;
	return slash;
}

int
glob_may_hold(const char *p, const char *dir)
{
	size_t n = glob_dir_len(p), d = strlen(dir);

	if (d <= n && strncmp(p, dir, d) == 0 && (d == n || p[d] == '/'))
		return d > 0; /* the directory or a parent */
	/* below it: only where a directory of p has a special character,
	 * and not below the top of the repository (a glob starting with
	 * '**' would have every file of every directory checked, the cost
	 * of reading all their headers) */
	if (n == 0 || strchr(p + n + 1, '/') == NULL)
		return 0;
	return d > n && strncmp(p, dir, n) == 0 && dir[n] == '/';
}
