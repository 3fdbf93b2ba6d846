/* cmd.h - shared by the strat subcommands. */
#ifndef STRAT_CMD_H
#define STRAT_CMD_H

#include <getopt.h>
#include <stdio.h>

#include "strat/strat.h"

/* Exit codes (strat(1), EXIT STATUS). */
#define EXIT_CLEAN    0
#define EXIT_FINDINGS 1
#define EXIT_TROUBLE  2

typedef struct {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
} command;

/* The subcommands, each in cmd/<name>.c. */
int cmd_lint(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_hook(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_version(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_week(int argc, char **argv);
int cmd_schema(int argc, char **argv);
/* cmd/edit.c: changing the plan */
int cmd_ship(int argc, char **argv);
int cmd_start(int argc, char **argv);
int cmd_slip(int argc, char **argv);
int cmd_drop(int argc, char **argv);
int cmd_add(int argc, char **argv);
int cmd_owner(int argc, char **argv);
int cmd_record(int argc, char **argv);

extern const command commands[];

/* "strat: message" on stderr, with the library's last error appended. */
void die_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * The plan repository containing start: the nearest directory upwards
 * holding strat.yaml or strategy.yaml (strat_plan_locate), else the top of
 * the git work tree, else start itself.  Returns a malloc'd path, or NULL;
 * *found (unless NULL) says whether a plan file was there.
 */
char *find_plan_root(const char *start, int *found);

/*
 * path relative to the directory top, '/'-separated: where a plan
 * directory lies in the git work tree (top: the work tree libgit2
 * reports, made real), or a file in the plan directory (top: the plan
 * directory, real).  path is made real first (realpath(3): symbolic links
 * followed); one that does not exist is taken as written, from the
 * current directory, "." and ".." removed.  Returns 0 with *out malloc'd
 * ("" for top itself); STRAT_EOUTSIDE when path lies outside top, or
 * another negative code, with *out NULL and strat_error_last() saying why.
 * The one place cmd/ compares paths with a directory: each caller says
 * in its own words what a path outside means to it.
 */
int path_below(char **out, const char *top, const char *path);

/*
 * The first of cands (paths relative to the directory of the running
 * binary) that exists, as a malloc'd absolute path; NULL when none does.
 * Finds data files both after 'make install' (../share/...) and in the
 * source tree (./strat, build/strat, build/san/strat).
 */
char *find_beside_exe(const char *const *cands);

/*
 * Today: STRAT_TODAY (YYYY-MM-DD) when set and not empty, else the system
 * clock in UTC.  The one place strat reads STRAT_TODAY.  An invalid value
 * is reported and gives STRAT_NO_DATE: the caller exits with EXIT_TROUBLE.
 */
strat_day cmd_today(void);

/* strat_repo_open_ext with git's environment (GIT_DIR, GIT_WORK_TREE,
 * GIT_INDEX_FILE: set by git for hooks) as options. */
int cmd_repo_open(strat_repo **out, const char *path);
/* A warning on stderr when the repository's history is rewritten by
 * replace refs or grafts (strat reads the commits as written). */
void warn_rewritten(strat_repo *repo);

/*
 * Flush standard output after a command and check every write to it
 * (strat(1), EXIT STATUS): a failed write is "cannot write the standard
 * output: <reason>" and exit 2; a closed pipe ends the process quietly
 * by SIGPIPE, as git does.  Returns rc otherwise.  main() calls it once
 * for every command.
 */
int finish_stdout(int rc);
/* Make stdout keep the reason of a failed write (main() calls it first). */
void checked_stdout(void);

/*
 * Command-line help, git style: 'strat CMD --help' prints the usage, then
 * every option with what it does (opts ends with {NULL, NULL}).  After
 * getopt_long has refused an option, bad_option says which known option
 * was meant, if one is close, and prints the usage on stderr.
 */
typedef struct {
	const char *opt;  /* "--format FORMAT" */
	const char *text; /* what it does, one line */
} opt_doc;

void show_help(const char *usage, const opt_doc *opts);
/* The command nearest to word, for a did-you-mean, or NULL. */
const char *suggest_command(const char *word);
void bad_option(const char *usage, char **argv, const struct option *longopts);

/*
 * Append md (Markdown) to the file GITHUB_STEP_SUMMARY names, the job
 * summary of a GitHub Actions step (--summary of diff and report).
 * Prints its own error and returns -1 when it is not set or not writable.
 */
int step_summary(const char *md);

/*
 * Run argv (a program found on PATH, such as git), its output discarded
 * when quiet: its exit status, 127 when it cannot be started (said on
 * stderr), or -1 when it cannot be run or ends by a signal.
 */
int run_program(char *const argv[], int quiet);

/* Colour on stdout: auto (terminal, no NO_COLOR), always, never. */
int want_color(FILE *f, const char *mode);

/* Write s to f with terminal control characters made harmless. */
void term_puts(FILE *f, const char *s);
void term_putn(FILE *f, const char *s, size_t n);

/*
 * The plan in a git repository, as staged or committed (cmd/gitplan.c).
 * gitplan_open finds the repository from dir (NULL: the current
 * directory); the plan directory inside it is decided on the first load.
 * Each function prints its own error and returns negative on failure
 * (gitplan_open then leaves nothing to close).
 */
typedef struct {
	strat_repo *repo;
	char *top;    /* real path of the work tree; NULL when bare */
	char *start;  /* where to look for strat.yaml, relative to top */
	char *prefix; /* the plan directory once decided ("" = top) */
	int explicit; /* dir was given: no upward search */
} gitplan;

int gitplan_open(gitplan *g, const char *dir);
/* commit NULL: the index (honouring GIT_INDEX_FILE). */
int gitplan_load(gitplan *g, const strat_oid *commit,
		 const strat_load_options *lo, strat_diags *diags,
		 strat_plan **out);
/* ... of a commit (not NULL), with calendar files that do not parse
 * replaced by their last version that did, from commit back
 * (strat_plan_load_commit). */
int gitplan_load_mended(gitplan *g, const strat_oid *commit,
			const strat_load_options *lo, strat_diags *diags,
			strat_diags *mended_diags, strat_plan **out,
			strat_mends **mends);
int gitplan_resolve(gitplan *g, const char *rev, strat_oid *out);
/* Decide the plan directory from the tree of commit, if not yet done. */
int gitplan_find(gitplan *g, const strat_oid *commit);
void gitplan_close(gitplan *g);

#endif
