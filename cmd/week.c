/* week.c - 'strat week': the weekly check-in. */
#include "cmd.h"

int
cmd_week(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return EXIT_TROUBLE;
}
