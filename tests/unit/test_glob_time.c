/* test_glob_time.c - lib/glob.c: semantics, agreement with the former recursive
 * matcher, and its work (counted) on patterns that made it exponential. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "glob.h"

/* The recursive matcher glob.c had before (exponential on '*a*a*a*b'):
 * the reference for the semantics. */
static int
ref_class(const char **pp, char c)
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
		return -1;
	*pp = p;
	return ok != neg;
}

static int
ref_match(const char *p, const char *s)
{
	const char *q;
	int r;

	for (; *p; p++, s++) {
		switch (*p) {
		case '*':
			if (p[1] == '*') {
				q = p + 2;
				if (*q == '/')
					q++;
				else if (*q == '\0')
					return 1;
				for (;;) {
					if (ref_match(q, s))
						return 1;
					s = strchr(s, '/');
					if (s == NULL)
						return 0;
					s++;
				}
			}
			for (;;) {
				if (ref_match(p + 1, s))
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
			r = ref_class(&q, *s);
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

static void
semantics(void **state)
{
	(void)state;
	assert_true(glob_match("calendar/**/*.yaml", "calendar/q2.yaml"));
	assert_true(glob_match("calendar/**/*.yaml", "calendar/2026/q2.yaml"));
	assert_true(glob_match("calendar/**/*.yaml", "calendar/a/b/c.yaml"));
	assert_false(glob_match("calendar/**/*.yaml", "calendar/q2.yml"));
	assert_false(glob_match("calendar/*.yaml", "calendar/a/q2.yaml"));
	assert_true(glob_match("**", "a/b/c"));
	assert_true(glob_match("**/x", "x"));
	assert_true(glob_match("a**/b", "ax/y/b"));
	assert_true(glob_match("c?l/[a-c]*.yaml", "cal/b1.yaml"));
	assert_false(glob_match("c?l/[!a-c]*.yaml", "cal/b1.yaml"));
	assert_true(glob_match("a\\*b", "a*b"));
	assert_false(glob_match("a\\*b", "axb"));
	assert_true(glob_match("a[b", "a[b"));
	assert_false(glob_match("?", "/"));
	assert_true(glob_match("", ""));
	assert_false(glob_match("", "a"));
}

/* Random patterns and paths: the new matcher agrees with the old one. */
static void
agrees(void **state)
{
	static const char *const ptok[] = {
	    "a", "b", "/", "*", "**", "**/", "?", "[ab]", "[!a]", "\\*", "["};
	static const char stok[] = "ab/*[";
	char p[64], s[32];
	unsigned seed = 12345;
	int i, j, n;

	(void)state;
	for (i = 0; i < 200000; i++) {
		p[0] = s[0] = '\0';
		seed = seed * 1103515245u + 12345u;
		n = (int)(seed >> 16) % 7;
		for (j = 0; j < n; j++) {
			seed = seed * 1103515245u + 12345u;
			strcat(p, ptok[(seed >> 16) % 11]);
		}
		seed = seed * 1103515245u + 12345u;
		n = (int)(seed >> 16) % 10;
		for (j = 0; j < n; j++) {
			seed = seed * 1103515245u + 12345u;
			s[j] = stok[(seed >> 16) % 5];
		}
		s[n] = '\0';
		if (glob_match(p, s) != ref_match(p, s))
			fail_msg("'%s' against '%s': %d, was %d", p, s,
				 glob_match(p, s), ref_match(p, s));
	}
}

/* The matcher's work on p and s, checked against its O(|p| * |s|) bound
 * (counted, not timed: the machine's speed does not enter). */
static void
within_bound(const char *p, const char *s, int want)
{
	unsigned long steps, bound;

	bound = 2ul * (strlen(p) + 1) * (strlen(s) + 1);
	assert_int_equal(glob_match_steps(p, s, &steps), want);
	assert_int_equal(glob_match(p, s), want);
	if (steps > bound)
		fail_msg("'%s' on %zu bytes: %lu steps, bound %lu", p,
			 strlen(s), steps, bound);
}

/* Patterns that took exponential time, against 1,000-byte paths; the
 * recursive matcher needed more than 10^12 steps for the first. */
static void
not_exponential(void **state)
{
	char s[1001], d[1001];
	int i;

	(void)state;
	memset(s, 'a', 1000);
	s[1000] = '\0';
	for (i = 0; i < 1000; i++)
		d[i] = i % 2 ? '/' : 'a';
	d[1000] = '\0';
	within_bound("*a*a*a*a*a*a*a*a*a*a*a*a*b", s, 0);
	within_bound("**/a**/a**/a**/a**/a**/a**/a**/b", d, 0);
	within_bound("**/*a*a*a*a*a*a*a*a*a*a/**/b", d, 0);
	within_bound("*a*a*a*a*a*a*a*a*a*a*a*a*a", s, 1);
	d[999] = '\0'; /* "a/a/.../a": ends with a name */
	within_bound("**/a/**/a/**/a", d, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(semantics),
	    cmocka_unit_test(agrees),
	    cmocka_unit_test(not_exponential),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
