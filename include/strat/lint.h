/*
 * strat/lint.h - run the rule registry over a loaded plan.
 */
#ifndef STRAT_LINT_H
#define STRAT_LINT_H

#include "plan.h"
#include "render.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Run every PLAN-stage rule over plan (LOAD-stage findings were added when
 * it was loaded) and add findings to diags.  Returns 0 or STRAT_ENOMEM.
 */
int strat_lint(const strat_plan *plan, const strat_load_options *opts,
	       strat_diags *diags);

/*
 * What strat_lint_render shows: the findings, the plan they were found in
 * (text excerpts its source lines; may be NULL), how many files were
 * checked, and where the plan is.  Everything is borrowed.
 */
typedef struct {
	unsigned version;
	const strat_diags *diags;
	const strat_plan *plan;
	size_t files;
	const char *root;     /* sarif: the plan directory, absolute */
	const char *plan_dir; /* github: the plan directory relative to the
			       * top of the repository ("" or NULL at the top
			       * or outside a repository) */
} strat_lint_result;
#define STRAT_LINT_RESULT_VERSION 1
#define STRAT_LINT_RESULT_INIT                                                 \
	{                                                                      \
		STRAT_LINT_RESULT_VERSION, NULL, NULL, 0, NULL, NULL           \
	}

/*
 * Render findings (render.h) as text (gcc-style, with the source line and
 * a caret; no summary line), md, json, sarif, github, rdjson, checkstyle,
 * junit or codeclimate; STRAT_EUSAGE for html and csv.
 */
int strat_lint_render(char **out, const strat_lint_result *r,
		      const strat_render_options *o);

#ifdef __cplusplus
}
#endif

#endif
