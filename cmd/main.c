/* main.c - the strat command: dispatch to a subcommand. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

const command commands[] = {
    {"lint", cmd_lint, "check that every item traces to an owned anchor"},
    {"report", cmd_report, "measure planned versus shipped from git history"},
    {"week", cmd_week, "the weekly check-in: shipped, due, overdue, changed"},
    {"init", cmd_init, "create a plan repository that lints clean"},
    {"ship", cmd_ship, "record that an item shipped"},
    {"start", cmd_start, "record that work on an item started"},
    {"slip", cmd_slip, "move an item to a new planned date"},
    {"drop", cmd_drop, "record that an item was dropped"},
    {"add", cmd_add, "add an item to the calendar"},
    {"owner", cmd_owner, "hand an item to someone else"},
    {"record", cmd_record, "record a KPI reading (or a CSV of them)"},
    {"diff", cmd_diff, "describe what a change does to the plan, for review"},
    {"hook", cmd_hook, "install or remove the pre-commit hook"},
    {"schema", cmd_schema, "print a JSON Schema of the plan format"},
    {"help", cmd_help, "show help for a command or a topic"},
    {"version", cmd_version, "print the version"},
    {NULL, NULL, NULL}};

static void
usage(FILE *f)
{
	const command *c;

	fputs("usage: strat [--version] [--help] [-C <dir>] <command> "
	      "[<args>]\n\n"
	      "strat keeps a team's strategy and execution calendar as YAML "
	      "in git,\nchecks that every planned item traces to an owned "
	      "anchor, and measures\nfrom git history how much of the plan "
	      "shipped.\n\ncommands:\n",
	      f);
	for (c = commands; c->name; c++)
		fprintf(f, "   %-10s %s\n", c->name, c->summary);
	fputs("\n'strat help <command>' shows a command's manual; "
	      "'strat help format',\n'strat help rules' and 'strat help "
	      "measures' explain the rest.\n",
	      f);
}

int
cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("strat %s (format version %d)\n", STRAT_VERSION,
	       STRAT_FORMAT_VERSION);
	return EXIT_CLEAN;
}

int
main(int argc, char **argv)
{
	const command *c;

	checked_stdout();
	/* 'strat -C DIR ...' runs as if started in DIR, like git -C. */
	while (argc >= 3 && strcmp(argv[1], "-C") == 0) {
		if (chdir(argv[2]) < 0) {
			die_msg("cannot change to '%s': %s", argv[2],
				strerror(errno));
			return EXIT_TROUBLE;
		}
		argc -= 2;
		argv += 2;
	}
	if (argc < 2) {
		usage(stderr);
		return EXIT_TROUBLE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return finish_stdout(EXIT_CLEAN);
	}
	if (strcmp(argv[1], "--version") == 0)
		return finish_stdout(cmd_version(argc - 1, argv + 1));
	for (c = commands; c->name; c++)
		if (strcmp(c->name, argv[1]) == 0) {
			/* getopt names the program by argv[0]: make its
			 * messages read "strat lint: ...", not "lint: ..." */
			char name[64];

			snprintf(name, sizeof(name), "strat %s", c->name);
			argv[1] = name;
			return finish_stdout(c->fn(argc - 1, argv + 1));
		}
	die_msg("'%s' is not a strat command; see 'strat --help'", argv[1]);
	if (suggest_command(argv[1]) != NULL)
		fprintf(stderr, "hint: did you mean 'strat %s'?\n",
			suggest_command(argv[1]));
	return EXIT_TROUBLE;
}
