/*
 * rule_help.c - what each rule checks, why, and how to fix a finding: the
 * rule catalogue of spec/SPEC.md (section 11), turned into C by
 * tools/rule-help.sh at build time, so the help SARIF carries and the
 * specification are one text.
 */
#include <string.h>

#include "lint_render.h"

static const struct {
	const char *id, *checks, *why, *fix;
} help[] = {
#define RULE_HELP(id, checks, why, fix) {id, checks, why, fix},
#include "rule_help.inc"
#undef RULE_HELP
};

int
rule_help(strat_rule rule, const char **checks, const char **why,
	  const char **fix)
{
	const char *id = strat_rule_id(rule);
	size_t i;

	for (i = 0; i < sizeof(help) / sizeof(help[0]); i++)
		if (strcmp(help[i].id, id) == 0) {
			*checks = help[i].checks;
			*why = help[i].why;
			*fix = help[i].fix;
			return 0;
		}
	*checks = *why = *fix = "";
	return -1;
}
