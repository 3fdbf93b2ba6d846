/* util.c - terminal, JSON and repository helpers for the subcommands. */
#define _GNU_SOURCE /* fopencookie */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <git2.h>

#include "cmd.h"

void
die_msg(const char *fmt, ...)
{
	va_list ap;
	char *msg = NULL;
	int n;

	/* Messages name files, refs and authors from the repository: they
	 * reach the terminal as safe text (control characters and bytes
	 * that are not UTF-8 escaped, as in every output format). */
	va_start(ap, fmt);
	n = vasprintf(&msg, fmt, ap);
	va_end(ap);
	fputs("strat: ", stderr);
	if (n >= 0)
		term_puts(stderr, msg);
	else
		fputs("out of memory", stderr);
	free(msg);
	fputc('\n', stderr);
}

static int
has_dir(const char *dir, const char *name)
{
	char p[PATH_MAX];
	struct stat st;

	if ((size_t)snprintf(p, sizeof(p), "%s/%s", dir, name) >= sizeof(p))
		return 0;
	return stat(p, &st) == 0;
}

/* The plan directory by strat_plan_locate, in the working tree: the top is
 * the work tree's (the nearest directory upwards holding .git; the root of
 * the file system outside a repository). */
char *
find_plan_root(const char *start, int *found)
{
	char *dir = realpath(start, NULL), *top, *slash, *rel = NULL, *out;
	strat_source src;
	size_t nt;
	int rc;

	if (dir == NULL)
		return NULL;
	if ((top = strdup(dir)) == NULL) {
		free(dir);
		return NULL;
	}
	while (!has_dir(top, ".git") && (slash = strrchr(top, '/')) != NULL &&
	       slash != top)
		*slash = '\0';
	if (!has_dir(top, ".git"))
		strcpy(top, "/");
	nt = strcmp(top, "/") == 0 ? 1 : strlen(top) + 1;
	if (strat_source_fs(&src, top) < 0) {
		free(dir);
		free(top);
		return NULL;
	}
	rc = strat_plan_locate(&rel, &src, strlen(dir) > nt ? dir + nt : "");
	strat_source_fs_free(&src);
	if (rc < 0) {
		free(dir);
		free(top);
		return NULL;
	}
	if (found != NULL)
		*found = rc == 1;
	if (rc == 0) { /* none: the top of the work tree, else start */
		free(rel);
		if (strcmp(top, "/") == 0) {
			free(top);
			return dir;
		}
		free(dir);
		return top;
	}
	free(dir);
	if ((out = malloc(strlen(top) + strlen(rel) + 2)) != NULL)
		sprintf(out, "%s%s%s", strcmp(top, "/") == 0 ? "" : top,
			rel[0] || strcmp(top, "/") == 0 ? "/" : "", rel);
	free(top);
	free(rel);
	return out;
}

/* Lexically normalise an absolute path in place ("." and ".." removed). */
static void
normalise(char *p)
{
	char *out = p, *seg = p;
	size_t n;

	while (*seg) {
		while (*seg == '/')
			seg++;
		if (*seg == '\0')
			break;
		n = strcspn(seg, "/");
		if (n == 1 && seg[0] == '.') {
			/* skip */
		} else if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			while (out > p && *--out != '/')
				;
		} else {
			*out++ = '/';
			memmove(out, seg, n);
			out += n;
		}
		seg += n;
	}
	if (out == p)
		*out++ = '/';
	*out = '\0';
}

int
path_below(char **out, const char *top, const char *path)
{
	char cwd[PATH_MAX], *abs = realpath(path, NULL);
	size_t n = strlen(top);
	int rc = 0;

	*out = NULL;
	if (abs == NULL && path[0] == '/')
		abs = strdup(path);
	else if (abs == NULL) { /* not there: as written, from here */
		if (getcwd(cwd, sizeof(cwd)) == NULL)
			return strat_error_set(STRAT_EIO,
					       "cannot find the current "
					       "directory: %s",
					       strerror(errno));
		if ((abs = malloc(strlen(cwd) + strlen(path) + 2)) != NULL)
			sprintf(abs, "%s/%s", cwd, path);
	}
	if (abs == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	normalise(abs);
	while (n > 0 && top[n - 1] == '/') /* "/" and libgit2's "top/" */
		n--;
	if (strncmp(abs, top, n) != 0 || (abs[n] != '/' && abs[n] != '\0'))
		rc = strat_error_set(STRAT_EOUTSIDE, "'%s' is outside '%s'",
				     path, top);
	else if ((*out = strdup(abs[n] == '/' ? abs + n + 1 : "")) == NULL)
		rc = strat_error_set(STRAT_ENOMEM, "out of memory");
	free(abs);
	return rc;
}

strat_day
cmd_today(void)
{
	const char *env = getenv("STRAT_TODAY");
	strat_day d;

	if (env == NULL || env[0] == '\0')
		return strat_date_today();
	if (strat_date_parse(env, &d) < 0) {
		die_msg("STRAT_TODAY wants YYYY-MM-DD, not '%s'", env);
		return STRAT_NO_DATE;
	}
	return d;
}

/*
 * libgit2's process-wide options, set once by the command (the library
 * sets none: a program using libstrat chooses its own), when it first
 * opens a repository: libgit2's initialisation (OpenSSL's with it) adds
 * 3.3 MB to the resident set of a command that reads no repository, such
 * as lint of a working tree (4.3 MB against 7.6 MB for a program that
 * only links libgit2; 'make bench' holds lint to 3x its file).
 *
 * Long history walks (strat report) read each commit and tree once: a
 * large object cache and whole-pack mappings only grow the resident set (a
 * 100,000-commit walk kept 300 MB; an object cache capped at 8 MB thrashed
 * its hash table).  So no object cache, and small recycled pack windows:
 * listings are cached by tree id (lib/git.c, strat_tree_list), reads move
 * through the pack in order and windows are rarely remapped (1 MB windows,
 * 4 MB mapped cost no time: 66 MB peak on 113,000 commits, against 94 MB
 * with 8/32).  Like git, objects are not hashed again on every read (packs
 * carry their own checksums): rehashing every calendar version took a
 * third of a report's time.
 */
/* Pack files libgit2 may hold open: a quarter of RLIMIT_NOFILE, from 2
 * to 512 (git's core.packedGitLimit counts bytes; its open packs follow
 * the descriptor limit the same way). */
static size_t
pack_file_limit(void)
{
	struct rlimit rl;
	rlim_t n = 512;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		n = rl.rlim_cur / 4;
	return (size_t)(n < 2 ? 2 : n > 512 ? 512 : n);
}

static void
git_options(void)
{
	if (git_libgit2_init() < 0)
		return; /* the library reports it when it opens a repository */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0);
	git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, (size_t)1024 * 1024);
	git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT,
			 (size_t)4 * 1024 * 1024);
	/* libgit2 keeps every pack it has read open: with more packs than
	 * descriptors a pack that cannot be opened reads as "not found"
	 * (300 packs under 'ulimit -n 300': a tree "missing").  Like git,
	 * keep open at most a share of what the process may open, closing
	 * the least recently used. */
	git_libgit2_opts(GIT_OPT_SET_MWINDOW_FILE_LIMIT, pack_file_limit());
}

int
cmd_repo_open(strat_repo **out, const char *path)
{
	static int options_set;
	strat_repo_options o = STRAT_REPO_OPTIONS_INIT;

	if (!options_set) {
		git_options();
		options_set = 1;
	}

	o.git_dir = getenv("GIT_DIR");
	o.work_tree = getenv("GIT_WORK_TREE");
	o.index_file = getenv("GIT_INDEX_FILE");
	return strat_repo_open_ext(out, path, &o);
}

void
warn_rewritten(strat_repo *repo)
{
	int w = strat_repo_rewritten(repo);

	if (w)
		die_msg(
		    "warning: the repository %s%s%s: strat reads the "
		    "commits as written, not the history 'git log' "
		    "shows",
		    w & STRAT_REPO_REPLACED ? "replaces objects "
					      "(refs/replace)"
					    : "",
		    w == (STRAT_REPO_REPLACED | STRAT_REPO_GRAFTED) ? " and "
								    : "",
		    w & STRAT_REPO_GRAFTED ? "has grafts (info/grafts)" : "");
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
	return isatty(f == stdout ? STDOUT_FILENO : fileno(f));
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

/*
 * Standard output through a stdio cookie that writes to descriptor 1
 * itself, so that the reason of a failed write is kept: glibc forgets it
 * when a write fails while its buffer is full, and fflush at the end then
 * fails without errno (git says "unknown write failure" there).
 */
static int out_errno;

static ssize_t
out_write(void *cookie, const char *buf, size_t n)
{
	size_t done = 0;
	ssize_t k;

	(void)cookie;
	while (done < n) {
		k = write(STDOUT_FILENO, buf + done, n - done);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			if (out_errno == 0)
				out_errno = k < 0 ? errno : EIO;
			/* fopencookie(3): the bytes written, 0 on error,
			 * never negative (glibc counts -1 as written and
			 * then reads and writes outside its buffer) */
			return (ssize_t)done;
		}
		done += (size_t)k;
	}
	return (ssize_t)n;
}

void
checked_stdout(void)
{
	cookie_io_functions_t io = {NULL, out_write, NULL, NULL};
	FILE *f = fopencookie(NULL, "w", io);

	if (f == NULL)
		return; /* stdio's own stdout: errors are still seen */
	setvbuf(f, NULL, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF, BUFSIZ);
	stdout = f;
}

int
finish_stdout(int rc)
{
	int err = 0;

	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout))
		err = out_errno ? out_errno : errno ? errno : EIO;
	if (err == 0)
		return rc;
	if (err == EPIPE) {
		/* The reader went away (| head): quiet, as git is. */
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
		return rc;
	}
	die_msg("cannot write the standard output: %s", strerror(err));
	return EXIT_TROUBLE;
}

/* text from column 30, wrapped at spaces to end by column 79 */
static void
help_text(const char *t)
{
	size_t len;

	while (*t) {
		len = strlen(t);
		if (len > 49) {
			len = 49;
			while (len > 0 && t[len] != ' ')
				len--;
			if (len == 0)
				len = strcspn(t, " ");
		}
		printf("%.*s\n", (int)len, t);
		t += len;
		t += strspn(t, " ");
		if (*t)
			printf("%30s", "");
	}
}

void
show_help(const char *usage, const opt_doc *opts)
{
	size_t i;

	fputs(usage, stdout);
	if (opts == NULL || opts[0].opt == NULL)
		return;
	fputc('\n', stdout);
	for (i = 0; opts[i].opt != NULL; i++) {
		if (strlen(opts[i].opt) > 24)
			printf("    %s\n%30s", opts[i].opt, "");
		else
			printf("    %-24s  ", opts[i].opt);
		help_text(opts[i].text);
	}
}

void
bad_option(const char *usage, char **argv, const struct option *longopts)
{
	const char *arg = optind > 0 ? argv[optind - 1] : NULL, *best;
	const char *names[64];
	char word[64];
	size_t n = 0, len;

	/* an unknown long option: getopt has named it; say what was meant */
	if (optopt == 0 && arg != NULL && strncmp(arg, "--", 2) == 0) {
		len = strcspn(arg + 2, "=");
		if (len < sizeof(word)) {
			memcpy(word, arg + 2, len);
			word[len] = '\0';
			for (; longopts[n].name != NULL && n < 64; n++)
				names[n] = longopts[n].name;
			if ((best = strat_text_suggest(word, names, n)) != NULL)
				fprintf(stderr, "hint: did you mean '--%s'?\n",
					best);
		}
	}
	fputs(usage, stderr);
}

const char *
suggest_command(const char *word)
{
	const char *names[64];
	const command *c;
	size_t n = 0;

	for (c = commands; c->name != NULL && n < 64; c++)
		names[n++] = c->name;
	return strat_text_suggest(word, names, n);
}

int
step_summary(const char *md)
{
	const char *path = getenv("GITHUB_STEP_SUMMARY");
	FILE *f;
	int err = 0;

	if (path == NULL || path[0] == '\0') {
		die_msg("--summary: GITHUB_STEP_SUMMARY is not set (GitHub "
			"Actions sets it in every step)");
		return -1;
	}
	/* appended: other steps write their part of the summary too */
	if ((f = fopen(path, "a")) == NULL) {
		die_msg("cannot write '%s': %s", path, strerror(errno));
		return -1;
	}
	if (fputs(md, f) == EOF || fputs("\n", f) == EOF)
		err = errno ? errno : EIO;
	if (fclose(f) != 0 && err == 0)
		err = errno ? errno : EIO;
	if (err) {
		die_msg("cannot write '%s': %s", path, strerror(err));
		return -1;
	}
	return 0;
}

int
run_program(char *const argv[], int quiet)
{
	pid_t pid;
	int st;

	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		int null = quiet ? open("/dev/null", O_WRONLY) : -1;

		if (null >= 0) {
			dup2(null, 1);
			dup2(null, 2);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "strat: cannot run %s: %s\n", argv[0],
			strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}
