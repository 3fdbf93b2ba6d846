/*
 * hook.c - 'strat hook install|uninstall': the pre-commit hook that runs
 * 'strat lint --staged'.
 *
 * The hook goes where git looks for hooks (core.hooksPath, else the
 * hooks directory of the common git directory, shared by worktrees).  A
 * hook strat did not write is never overwritten: install refuses, or with
 * --chain renames it to pre-commit.strat-chained (bytes and mode kept) and
 * runs it first; uninstall puts it back.  strat recognises its own hook by
 * the marker line below.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "strat/file.h"

#define MARKER  "# strat-hook: written by 'strat hook install'"
#define CHAINED "pre-commit.strat-chained"

static const char hook_usage[] =
    "usage: strat hook install [--chain] [--force] [PLAN-DIR]\n"
    "       strat hook uninstall\n";

static const opt_doc hook_optdoc[] = {
    {"install [PLAN-DIR]", "install the pre-commit hook (strat lint "
			   "--staged)"},
    {"uninstall", "remove it, putting back a chained hook"},
    {"--chain", "keep an existing hook and run it first"},
    {"--force", "install even where no plan is found"},
    {"-h, --help", "this help"},
    {NULL, NULL}};

/* 1 if path is a hook strat wrote, 0 if not (a symbolic link, even one
 * to nothing, is someone else's), -1 if absent. */
static int
ours(const char *path)
{
	char buf[4096];
	ssize_t n;
	struct stat st;
	int fd;

	if (lstat(path, &st) < 0)
		return errno == ENOENT ? -1 : 0;
	if (!S_ISREG(st.st_mode))
		return 0;
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW)) < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0)
		return 0;
	buf[n] = '\0';
	return strstr(buf, MARKER) != NULL;
}

static int
exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

/* Single-quote s for sh. */
static void
shquote(FILE *f, const char *s)
{
	fputc('\'', f);
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", f);
		else
			fputc(*s, f);
	}
	fputc('\'', f);
}

/* Write the hook to path in the hooks directory as git writes a file
 * (strat/file.h): a temporary beside it created O_EXCL|O_NOFOLLOW, fsync,
 * rename; a symbolic link in the way is refused, nothing is written
 * outside the hooks directory. */
static int
write_hook(const char *hooks, const char *path, const char *prefix, int chain)
{
	strat_file_opts fo = STRAT_FILE_OPTS_INIT;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	int rc, fd;

	if ((f = open_memstream(&buf, &len)) == NULL) {
		die_msg("out of memory");
		return -1;
	}
	fputs("#!/bin/sh\n" MARKER "; 'strat hook uninstall' removes it.\n"
	      "# Lints the plan as it will be committed (the index), not "
	      "the working tree.\n",
	      f);
	if (chain)
		fputs("# The hook that was here before runs first:\n"
		      "hooks=$(dirname \"$0\")\n"
		      "if [ -x \"$hooks/" CHAINED "\" ]; then\n"
		      "\t\"$hooks/" CHAINED "\" \"$@\" || exit $?\n"
		      "fi\n",
		      f);
	fputs("if ! command -v strat >/dev/null 2>&1; then\n"
	      "\techo \"pre-commit: 'strat' is not on PATH; install it, or "
	      "run 'strat hook uninstall'\" >&2\n"
	      "\texit 1\n"
	      "fi\n"
	      "exec strat lint --staged",
	      f);
	if (prefix[0]) {
		fputc(' ', f);
		shquote(f, prefix);
	}
	fputc('\n', f);
	if (fclose(f) != 0) {
		free(buf);
		die_msg("out of memory");
		return -1;
	}
	fo.flags = STRAT_FILE_NOFOLLOW;
	fo.mode = 0755;
	rc = strat_file_write(NULL, hooks, path, buf, len, &fo);
	free(buf);
	if (rc < 0) {
		die_msg("cannot install '%s': %s", path, strat_error_last());
		return -1;
	}
	/* executable whatever the umask, as before (never through a link) */
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW)) < 0 ||
	    fchmod(fd, 0755) < 0) {
		die_msg("cannot make '%s' executable: %s", path,
			strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

static int
install(strat_repo *repo, const char *hooks, int chain, int force,
	const char *dir)
{
	char hook[PATH_MAX], old[PATH_MAX], *top = NULL, *root = NULL;
	char *prefix = NULL;
	const char *wd = strat_repo_workdir(repo);
	int mine, ret = EXIT_TROUBLE, chained, found = 0;

	snprintf(hook, sizeof(hook), "%s/pre-commit", hooks);
	snprintf(old, sizeof(old), "%s/" CHAINED, hooks);
	if (wd == NULL) {
		die_msg("a bare repository has no commits to check; run "
			"this in a work tree");
		return EXIT_TROUBLE;
	}
	/* the plan directory (and whether it holds a plan) from dir, as
	 * the hook's 'strat lint --staged' names it: from the top */
	if ((top = realpath(wd, NULL)) == NULL ||
	    (root = find_plan_root(dir ? dir : ".", &found)) == NULL ||
	    path_below(&prefix, top, root) < 0) {
		die_msg("the plan directory '%s' is not inside the work tree "
			"'%s'",
			dir ? dir : ".", wd);
		goto out;
	}
	if (!force && !found) {
		/* The hook would refuse every commit ("strategy.yaml not
		 * found"). */
		die_msg("no plan found: no strat.yaml or strategy.yaml in "
			"'%s%s%s' (looked from '%s' up to the top of the "
			"work tree)",
			top, prefix[0] ? "/" : "", prefix, dir ? dir : ".");
		fprintf(stderr, "  hint: 'strat init' creates a plan; "
				"'strat hook install --force' installs the "
				"hook anyway\n");
		goto out;
	}
	if (mkdir(hooks, 0777) < 0 && errno != EEXIST) {
		die_msg("cannot create the hooks directory '%s': %s", hooks,
			strerror(errno));
		goto out;
	}
	mine = ours(hook);
	chained = exists(old);
	if (mine == 0) {
		if (!chain) {
			die_msg("'%s' exists and was not written by strat; "
				"it is left alone",
				hook);
			fprintf(stderr,
				"  hint: 'strat hook install --chain' keeps "
				"it and runs both, or add\n"
				"        'strat lint --staged' to it "
				"yourself\n");
			ret = EXIT_FINDINGS;
			goto out;
		}
		if (chained) {
			die_msg("'%s' already exists; move it away first", old);
			ret = EXIT_FINDINGS;
			goto out;
		}
		if (rename(hook, old) < 0) {
			die_msg("cannot move '%s' to '%s': %s", hook, old,
				strerror(errno));
			goto out;
		}
		chained = 1;
	}
	if (write_hook(hooks, hook, prefix, chained) < 0) {
		if (mine == 0)
			rename(old, hook); /* put the old hook back */
		goto out;
	}
	printf("%s pre-commit hook in %s", mine == 1 ? "updated" : "installed",
	       hook);
	if (chained)
		printf(" (runs %s first)", CHAINED);
	fputc('\n', stdout);
	if (prefix[0])
		printf("it lints the plan in '%s'\n", prefix);
	ret = EXIT_CLEAN;
out:
	free(top);
	free(root);
	free(prefix);
	return ret;
}

static int
uninstall(const char *hooks)
{
	char hook[PATH_MAX], old[PATH_MAX];
	int mine;

	snprintf(hook, sizeof(hook), "%s/pre-commit", hooks);
	snprintf(old, sizeof(old), "%s/" CHAINED, hooks);
	mine = ours(hook);
	if (mine == 0) {
		die_msg("'%s' was not written by strat; it is left alone",
			hook);
		return EXIT_FINDINGS;
	}
	if (mine < 0 && !exists(old)) {
		printf("no strat pre-commit hook in %s\n", hooks);
		return EXIT_CLEAN;
	}
	if (exists(old)) {
		if (rename(old, hook) < 0) {
			die_msg("cannot restore '%s': %s", hook,
				strerror(errno));
			return EXIT_TROUBLE;
		}
		printf("removed the strat pre-commit hook; restored the "
		       "previous hook %s\n",
		       hook);
		return EXIT_CLEAN;
	}
	if (unlink(hook) < 0) {
		die_msg("cannot remove '%s': %s", hook, strerror(errno));
		return EXIT_TROUBLE;
	}
	printf("removed the strat pre-commit hook %s\n", hook);
	return EXIT_CLEAN;
}

int
cmd_hook(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"chain", no_argument, NULL, 'c'},
	    {"force", no_argument, NULL, 'f'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	strat_repo *repo = NULL;
	char *hooks = NULL;
	int ch, chain = 0, force = 0, configured, ret = EXIT_TROUBLE, inst;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			chain = 1;
			break;
		case 'f':
			force = 1;
			break;
		case 'h':
			show_help(hook_usage, hook_optdoc);
			return EXIT_CLEAN;
		default:
			bad_option(hook_usage, argv, longopts);
			return EXIT_TROUBLE;
		}
	}
	if (optind >= argc || (strcmp(argv[optind], "install") != 0 &&
			       strcmp(argv[optind], "uninstall") != 0)) {
		fputs(hook_usage, stderr);
		return EXIT_TROUBLE;
	}
	inst = strcmp(argv[optind], "install") == 0;
	/* Options may follow the action too. */
	for (ch = optind + 1; ch < argc; ch++)
		if (strcmp(argv[ch], "--chain") == 0 ||
		    strcmp(argv[ch], "--force") == 0) {
			if (argv[ch][2] == 'c')
				chain = 1;
			else
				force = 1;
			memmove(argv + ch, argv + ch + 1,
				(size_t)(argc - ch - 1) * sizeof(*argv));
			argc--;
			ch--;
		}
	if (argc - optind > (inst ? 2 : 1) || (!inst && (chain || force))) {
		fputs(hook_usage, stderr);
		return EXIT_TROUBLE;
	}
	if (cmd_repo_open(&repo, ".") < 0 ||
	    strat_repo_hooks_dir(repo, &hooks, &configured) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	if (configured)
		printf("core.hooksPath is set: using %s\n", hooks);
	ret = inst ? install(repo, hooks, chain, force,
			     argc - optind == 2 ? argv[optind + 1] : NULL)
		   : uninstall(hooks);
out:
	free(hooks);
	strat_repo_free(repo);
	return ret;
}
