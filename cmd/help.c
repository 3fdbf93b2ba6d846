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

int
cmd_help(int argc, char **argv)
{
	char page[64];
	const command *c;

	if (argc < 2) {
		printf("usage: strat help <command>|format|rules|measures\n\n");
		for (c = commands; c->name; c++)
			printf("   %-10s %s\n", c->name, c->summary);
		return EXIT_CLEAN;
	}
	if (strcmp(argv[1], "rules") == 0) {
		rules();
		return EXIT_CLEAN;
	}
	if (strcmp(argv[1], "format") == 0)
		snprintf(page, sizeof(page), "5 strat");
	else if (strcmp(argv[1], "measures") == 0)
		snprintf(page, sizeof(page), "7 strat-measures");
	else {
		for (c = commands; c->name; c++)
			if (strcmp(c->name, argv[1]) == 0)
				break;
		if (c->name == NULL) {
			die_msg("no help for '%s'; try 'strat help'", argv[1]);
			return EXIT_TROUBLE;
		}
		snprintf(page, sizeof(page), "1 strat-%s", argv[1]);
	}
	{
		char *sp = strchr(page, ' ');
		pid_t pid;
		int st;

		*sp = '\0';
		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			execlp("man", "man", page, sp + 1, (char *)NULL);
			_exit(127);
		}
		if (pid < 0 || waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) ||
		    WEXITSTATUS(st) != 0) {
			die_msg("cannot show the manual page %s(%s); is strat "
				"installed ('make install')?",
				sp + 1, page);
			return EXIT_TROUBLE;
		}
	}
	return EXIT_CLEAN;
}
