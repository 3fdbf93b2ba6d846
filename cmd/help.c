/* help.c - 'strat help [COMMAND|TOPIC]': the man page, or a summary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "cmd.h"

static void
rules(void)
{
	size_t i;

	printf("Rules (override in strat.yaml: rules: {<id>: "
	       "error|warning|off}):\n\n");
	for (i = 0; i < STRAT_RULE__COUNT; i++)
		printf("  %-28s %-8s %s\n", strat_rule_id((strat_rule)i),
		       strat_severity_name(
			   strat_rule_default_severity((strat_rule)i)),
		       strat_rule_summary((strat_rule)i));
	printf("\nEach rule is described, with examples, in strat(5) and "
	       "spec/SPEC.md.\n");
}

/* Built-in summaries, shown when man(1) or the page is missing. */
static const char format_text[] =
    "strat(5) - the plan format (summary; the manual page or "
    "spec/SPEC.md has it all)\n\n"
    "  strat.yaml      optional: strat: 1, strategy, team, calendars "
    "(globs),\n"
    "                  week-starts (monday|sunday), channels, rules,\n"
    "                  grace-days, stale-days\n"
    "  strategy.yaml   kind: strategy, version: 1, title, owner, thesis,\n"
    "                  outcomes, kpis, anchors (id, title, quarter "
    "YYYY-Qn,\n"
    "                  owner, outcomes, done, milestones)\n"
    "  team.yaml       kind: team, version: 1, people (id, name, email, "
    "role)\n"
    "  calendar/**/*.yaml\n"
    "                  kind: calendar, version: 1, items (id, title, "
    "anchor,\n"
    "                  owner, channel, date, status planned|in-progress|\n"
    "                  shipped|dropped, shipped date, link, notes, kpi)\n\n"
    "Every item traces to an anchor; every owner is ONE person of "
    "team.yaml;\n"
    "dates are YYYY-MM-DD; no YAML aliases; values are text unless the "
    "format\nsays otherwise.  'strat help rules' lists the checks.\n";

static const char measures_text[] =
    "strat-measures(7) - planned versus shipped (summary)\n\n"
    "  committed   items in the plan at the start of a period, dated in "
    "it,\n"
    "              not dropped\n"
    "  shipped     committed and shipped by the end of the period\n"
    "  slipped     committed, not shipped, re-dated after the period\n"
    "  dropped     committed, then dropped or removed from the plan\n"
    "  missed      committed, still dated in the period, not shipped\n"
    "  unplanned   shipped in the period without having been committed\n"
    "  execution rate = shipped / committed\n"
    "  overdue     open in the period in progress, dated before today\n"
    "  flow        lead time first committed to shipped, slips, days "
    "slipped\n"
    "              (median, 80th percentile); shipped per week\n"
    "  stale       in progress and unchanged for stale-days (14)\n\n"
    "The plan at a date is the plan of the newest commit before it.\n";

/*
 * Run argv with output to our stdout; 1 when it ran and succeeded.  When
 * stdout is not a terminal the output passes through this process, so
 * that a failed write is seen and reported like any other (main.c).
 */
static int
run_ok(char *const argv[], int quiet)
{
	int fd[2] = {-1, -1}, st, piped = !isatty(STDOUT_FILENO);
	char buf[4096];
	ssize_t n;
	pid_t pid;

	fflush(stdout);
	if (piped && pipe(fd) < 0)
		return 0;
	pid = fork();
	if (pid == 0) {
		if (quiet && freopen("/dev/null", "w", stderr) == NULL)
			_exit(127);
		if (piped && (dup2(fd[1], STDOUT_FILENO) < 0 ||
			      close(fd[0]) < 0 || close(fd[1]) < 0))
			_exit(127);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (piped) {
		close(fd[1]);
		while (pid > 0 && (n = read(fd[0], buf, sizeof(buf))) > 0)
			fwrite(buf, 1, (size_t)n, stdout);
		close(fd[0]);
	}
	return pid > 0 && waitpid(pid, &st, 0) >= 0 && WIFEXITED(st) &&
	       WEXITSTATUS(st) == 0;
}

/*
 * The page from the source tree strat runs from (man -l), else the
 * installed one (man SECTION PAGE); 0 when neither could be shown.
 */
static int
show_page(const char *sect, const char *name)
{
	char a[96], b[96], c[96], file[64], *path;
	const char *cands[] = {a, b, c, NULL};
	int ok = 0;

	snprintf(file, sizeof(file), "%s.%s", name, sect);
	snprintf(a, sizeof(a), "man/%s", file);
	snprintf(b, sizeof(b), "../man/%s", file);
	snprintf(c, sizeof(c), "../../man/%s", file);
	if ((path = find_beside_exe(cands)) != NULL) {
		char *argv[] = {"man", "-l", path, NULL};

		ok = run_ok(argv, 1);
		free(path);
		if (ok)
			return 1;
	}
	{
		char *argv[] = {"man", (char *)sect, (char *)name, NULL};

		return run_ok(argv, 1);
	}
}

/* The commands that change the plan share one page, strat-edit(1). */
static const char *
manual_of(const command *c)
{
	if (c->fn == cmd_ship || c->fn == cmd_start || c->fn == cmd_slip ||
	    c->fn == cmd_drop || c->fn == cmd_add || c->fn == cmd_owner)
		return "edit";
	return c->name;
}

int
cmd_help(int argc, char **argv)
{
	const command *c;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		printf("usage: strat help <command>|format|rules|measures\n\n");
		for (c = commands; c->name; c++)
			printf("   %-10s %s\n", c->name, c->summary);
		return EXIT_CLEAN;
	}
	if (strcmp(argv[1], "rules") == 0) {
		rules();
		return EXIT_CLEAN;
	}
	if (strcmp(argv[1], "format") == 0) {
		if (!show_page("5", "strat"))
			fputs(format_text, stdout);
		return EXIT_CLEAN;
	}
	if (strcmp(argv[1], "measures") == 0) {
		if (!show_page("7", "strat-measures"))
			fputs(measures_text, stdout);
		return EXIT_CLEAN;
	}
	for (c = commands; c->name; c++)
		if (strcmp(c->name, argv[1]) == 0)
			break;
	if (c->name == NULL) {
		const char *best = suggest_command(argv[1]);

		die_msg("no help for '%s'; try 'strat help'", argv[1]);
		if (best != NULL)
			fprintf(stderr, "hint: did you mean 'strat help %s'?\n",
				best);
		return EXIT_TROUBLE;
	}
	{
		char page[64];
		char *hargv[] = {(char *)c->name, "--help", NULL};

		snprintf(page, sizeof(page), "strat-%s", manual_of(c));
		if (show_page("1", page))
			return EXIT_CLEAN;
		/* No manual page: the summary and the usage. */
		printf("strat %s - %s\n\n", c->name, c->summary);
		if (strcmp(c->name, "help") == 0 ||
		    strcmp(c->name, "version") == 0)
			return EXIT_CLEAN;
		optind = 1;
		c->fn(2, hargv);
		printf("\nThe manual page strat-%s(1) has the details "
		       "('make install' installs it).\n",
		       manual_of(c));
	}
	return EXIT_CLEAN;
}
