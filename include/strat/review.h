/*
 * strat/review.h - a pull-request review of a plan change, rendered.
 *
 * Given the changes between two plans (compare.h) and the lint findings
 * HEAD has that BASE did not, strat_review_render() writes a report for
 * humans: GitHub-flavoured Markdown short enough for a pull-request
 * comment (a one-line verdict first), JSON, or plain text.  User text is
 * made inert in Markdown (no HTML, links, mentions or table breakage) and
 * escaped in JSON; text output is for a terminal and should still be
 * printed through a control-character filter.
 */
#ifndef STRAT_REVIEW_H
#define STRAT_REVIEW_H

#include "compare.h"
#include "planat.h"
#include "render.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Why a change was made (strat diff: a slip or a drop): the reason of the
 * commit of BASE..HEAD that made it (its Why: trailer, else its summary)
 * and that commit's author. */
typedef struct {
	const strat_change *change; /* one of strat_review.changes */
	const char *reason, *author;
} strat_review_why;

typedef struct {
	unsigned version;
	const char *base_label; /* how to name BASE, e.g. "main (1a2b3c4)" */
	const char *head_label;
	const char *plan_dir; /* the plan's directory in the repository;
				 * NULL or "" at the top */
	const strat_changes *changes;
	const strat_diags *new_findings; /* NULL: lint was not compared */
	size_t max_rows; /* rows per section in md and text; 0 = 40: needs-
			  * attention rows first, and the rows left out
			  * counted */
	const strat_review_why *why; /* nwhy reasons, shown beside their
				      * changes; NULL when none */
	size_t nwhy;
	/* HEAD's calendar files that did not parse (their items were
	 * compared from their last version that did); NULL: none. */
	const strat_mends *broken;
} strat_review;
#define STRAT_REVIEW_VERSION 1
#define STRAT_REVIEW_INIT                                                      \
	{                                                                      \
		STRAT_REVIEW_VERSION, "BASE", "HEAD", NULL, NULL, NULL, 0,     \
		    NULL, 0, NULL                                              \
	}

/*
 * Render the review (render.h) as md, json or text into *out, a
 * NUL-terminated malloc'd string (the caller frees it).
 */
int strat_review_render(char **out, const strat_review *review,
			const strat_render_options *o);

/*
 * 1 when the change needs a reviewer's attention: a calendar file that
 * does not parse, an item removed without being shipped or dropped (a
 * silent drop), or a new lint error.
 */
int strat_review_attention(const strat_review *review);

#ifdef __cplusplus
}
#endif

#endif
