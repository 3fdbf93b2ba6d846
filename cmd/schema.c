/* schema.c - 'strat schema [NAME]': the JSON Schemas of the plan format. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"

/*
 * The files of spec/schema, built in (tools/schema-c.sh writes
 * schemas.inc at build time): an installed strat prints them without the
 * source tree, byte for byte, so a project can vendor them.
 */
static const struct {
	const char *name;
	const char *text;
	size_t len;
} schemas[] = {
#define SCHEMA(name, text) {name, text, sizeof(text) - 1},
#include "schemas.inc"
#undef SCHEMA
};
#define NSCHEMAS (sizeof(schemas) / sizeof(schemas[0]))

static const char schema_usage[] = "usage: strat schema [NAME]\n";

static const opt_doc schema_optdoc[] = {
    {"NAME", "the schema to print: calendar, strategy, team, strat, "
	     "metrics or lint-output (without NAME: the list)"},
    {"-h, --help", "this help"},
    {NULL, NULL}};

int
cmd_schema(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
	const char *names[NSCHEMAS], *name, *best;
	char base[64];
	size_t i, n;
	int ch;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			show_help(schema_usage, schema_optdoc);
			return EXIT_CLEAN;
		default:
			bad_option(schema_usage, argv, longopts);
			return EXIT_TROUBLE;
		}
	}
	if (argc - optind > 1) {
		fputs(schema_usage, stderr);
		die_msg("name one schema, or none for the list");
		return EXIT_TROUBLE;
	}
	if (optind == argc) {
		for (i = 0; i < NSCHEMAS; i++)
			printf("%s\n", schemas[i].name);
		return EXIT_CLEAN;
	}
	/* "calendar" or its file name "calendar.schema.json" */
	name = argv[optind];
	n = strlen(name);
	if (n > 12 && n - 12 < sizeof(base) &&
	    strcmp(name + n - 12, ".schema.json") == 0) {
		memcpy(base, name, n - 12);
		base[n - 12] = '\0';
		name = base;
	}
	for (i = 0; i < NSCHEMAS; i++)
		if (strcmp(schemas[i].name, name) == 0) {
			fwrite(schemas[i].text, 1, schemas[i].len, stdout);
			return EXIT_CLEAN;
		}
	for (i = 0; i < NSCHEMAS; i++)
		names[i] = schemas[i].name;
	die_msg("no schema named '%s'; 'strat schema' lists them",
		argv[optind]);
	if ((best = strat_text_suggest(name, names, NSCHEMAS)) != NULL)
		fprintf(stderr, "hint: did you mean 'strat schema %s'?\n",
			best);
	return EXIT_TROUBLE;
}
