/* strat/strat.h - the umbrella header of libstrat. */
#ifndef STRAT_H
#define STRAT_H

#include "common.h"
#include "date.h"
#include "diag.h"
#include "plan.h"
#include "render.h"
#include "lint.h"
#include "git.h"
#include "history.h"
#include "planat.h"
#include "compare.h"
#include "week.h"
#include "review.h"
#include "text.h"
#include "file.h"
#include "metrics.h"
#include "edit.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif
