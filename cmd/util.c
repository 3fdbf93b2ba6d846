/* util.c - terminal, JSON and repository helpers for the subcommands. */
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

void
die_msg(const char *fmt, ...)
{
	va_list ap;

	fputs("strat: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int
has(const char *dir, const char *name, int want_dir)
{
	char p[PATH_MAX];
	struct stat st;

	if ((size_t)snprintf(p, sizeof(p), "%s/%s", dir, name) >= sizeof(p))
		return 0;
	if (stat(p, &st) < 0)
		return 0;
	return want_dir ? 1 : S_ISREG(st.st_mode);
}

char *
find_plan_root(const char *start)
{
	char *dir = realpath(start, NULL), *slash, *git = NULL;

	if (dir == NULL)
		return NULL;
	for (;;) {
		if (has(dir, "strat.yaml", 0) || has(dir, "strategy.yaml", 0)) {
			free(git);
			return dir;
		}
		if (git == NULL && has(dir, ".git", 1))
			git = strdup(dir);
		if (git != NULL)
			break; /* strat.yaml is never above the work tree */
		slash = strrchr(dir, '/');
		if (slash == NULL || slash == dir)
			break;
		*slash = '\0';
	}
	free(dir);
	return git ? git : realpath(start, NULL);
}

int
want_color(FILE *f, const char *mode)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

	if (mode && strcmp(mode, "always") == 0)
		return 1;
	if (mode && strcmp(mode, "never") == 0)
		return 0;
	if (nc != NULL && nc[0] != '\0')
		return 0;
	if (term != NULL && strcmp(term, "dumb") == 0)
		return 0;
	return isatty(fileno(f));
}

void
term_putn(FILE *f, const char *s, size_t n)
{
	char *safe = NULL;

	if (strat_text_safe(&safe, s, n) == 0)
		fputs(safe, f);
	free(safe);
}

void
term_puts(FILE *f, const char *s)
{
	term_putn(f, s, strlen(s));
}

char *
find_beside_exe(const char *const *cands)
{
	char exe[PATH_MAX], p[PATH_MAX], *slash, *real;
	ssize_t n;
	struct stat st;
	size_t i;

	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash == NULL)
		return NULL;
	*slash = '\0';
	for (i = 0; cands[i] != NULL; i++) {
		if ((size_t)snprintf(p, sizeof(p), "%s/%s", exe, cands[i]) >=
		    sizeof(p))
			continue;
		if (stat(p, &st) < 0)
			continue;
		if ((real = realpath(p, NULL)) != NULL)
			return real;
	}
	return NULL;
}
