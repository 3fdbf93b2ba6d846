/* week_impl.h - shared by lib/week.c and lib/week_text.c. (internal) */
#ifndef STRAT_WEEK_IMPL_H
#define STRAT_WEEK_IMPL_H

#include "strat/week.h"

/* The check-in as GitHub-flavoured Markdown (html 0) or HTML (1). */
int week_markdown(char **out, const strat_week *w, int html);

#endif
