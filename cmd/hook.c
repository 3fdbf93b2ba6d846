/* hook.c - 'strat hook': install or remove the pre-commit hook. */
#include "cmd.h"

int
cmd_hook(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return EXIT_TROUBLE;
}
