/*
 * lint_render.h - the formats of strat_lint_render, one file each
 * (lib/lint_*.c).  (internal)
 */
#ifndef STRAT_LINT_RENDER_H
#define STRAT_LINT_RENDER_H

#include "strat/strat.h"
#include "json.h"
#include "sbuf.h"

void lint_json(sbuf *b, const strat_lint_result *r);
void lint_sarif(sbuf *b, const strat_lint_result *r);
void lint_github(sbuf *b, const strat_lint_result *r);

/* diags as a JSON array of findings, one a line (lint and review JSON). */
void lint_json_findings(json_w *w, const strat_diags *diags);

#endif
