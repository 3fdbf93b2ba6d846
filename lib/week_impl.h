/* week_impl.h - shared by lib/week.c and lib/week_text.c. (internal) */
#ifndef STRAT_WEEK_IMPL_H
#define STRAT_WEEK_IMPL_H

#include "json.h"
#include "sbuf.h"
#include "strat/week.h"

/* The check-in as GitHub-flavoured Markdown (html 0) or HTML (1). */
int week_markdown(char **out, const strat_week *w, int html);

/* The Metrics section (lib/week_metrics.c): built from the plan's
 * readings; rendered in each format (nothing without metrics files). */
struct md_doc;
int week_metrics_build(strat_week *w, const strat_plan *plan);
void week_metrics_free(strat_week *w);
void week_metrics_md(struct md_doc *doc, const strat_week *w);
void week_metrics_text(sbuf *b, const strat_week *w, int color);
void week_metrics_json(json_w *j, const strat_week *w);

/* The text layout's helpers (lib/week_text.c): s fitted to width code
 * points and made safe for a terminal; a section heading. */
void week_text_fit(sbuf *b, const char *s, size_t width, int pad);
void week_text_heading(sbuf *b, int color, const char *text, const char *extra);

#endif
