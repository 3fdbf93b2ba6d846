/* glob.c - path globs with '**', and paths that stay inside the repo. */
#include <string.h>

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

int
glob_match(const char *p, const char *s)
{
	const char *q;
	int r;

	for (; *p; p++, s++) {
		switch (*p) {
		case '*':
			if (p[1] == '*') {
				/* "**" then a slash matches zero or more
				 * directories; a trailing "**" all. */
				q = p + 2;
				if (*q == '/')
					q++;
				else if (*q == '\0')
					return 1;
				for (;;) {
					if (glob_match(q, s))
						return 1;
					s = strchr(s, '/');
					if (s == NULL)
						return 0;
					s++;
				}
			}
			for (;;) {
				if (glob_match(p + 1, s))
					return 1;
				if (*s == '\0' || *s == '/')
					return 0;
				s++;
			}
		case '?':
			if (*s == '\0' || *s == '/')
				return 0;
			break;
		case '[':
			if (*s == '\0' || *s == '/')
				return 0;
			q = p;
			r = class_match(&q, *s);
			if (r < 0) {
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
	}
	return *s == '\0';
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
