/*
 * lint_render.h - the formats of strat_lint_render, one file each
 * (lib/lint_*.c).  (internal)
 */
#ifndef STRAT_LINT_RENDER_H
#define STRAT_LINT_RENDER_H

#include "strat/strat.h"
#include "json.h"
#include "sbuf.h"

/* Where each rule is described: its section of the specification. */
#define STRAT_SPEC_URL                                                         \
	"https://github.com/strat-dev/strat/blob/main/spec/SPEC.md"

void lint_json(sbuf *b, const strat_lint_result *r);
void lint_sarif(sbuf *b, const strat_lint_result *r);
void lint_github(sbuf *b, const strat_lint_result *r);
void lint_md(sbuf *b, const strat_lint_result *r);
void lint_rdjson(sbuf *b, const strat_lint_result *r);
void lint_codeclimate(sbuf *b, const strat_lint_result *r);
void lint_checkstyle(sbuf *b, const strat_lint_result *r);
void lint_junit(sbuf *b, const strat_lint_result *r);

/* Bytes of the first n code points of s[0..len). */
size_t cp_bytes(const char *s, size_t len, size_t n);
/* The column just past the token d points at (1-based, code points,
 * exclusive), from the plan's source; 0 when the source is not at hand. */
uint32_t lint_end_column(const strat_lint_result *r, const strat_diag *d);
/* Code-point column col of d's line as a 1-based byte column (formats
 * that count bytes); col itself when the source is not at hand. */
uint32_t lint_byte_column(const strat_lint_result *r, const strat_diag *d,
			  uint32_t col);
/* Stable across unrelated edits: rule, file and message, not line
 * (16 hex digits and a NUL). */
void lint_fingerprint(const strat_diag *d, char out[17]);
/* The rule's help from the specification's catalogue (Markdown
 * paragraphs starting "**Checks**", "**Why.**", "**Fix.**"); -1 and ""
 * when the specification has no section for it. */
int rule_help(strat_rule rule, const char **checks, const char **why,
	      const char **fix);
/* The findings as a Markdown list of at most max, the rest counted. */
struct md_doc;
void lint_md_list(struct md_doc *doc, const strat_diags *diags, size_t max);

/* diags as a JSON array of findings, one a line (lint and review JSON). */
void lint_json_findings(json_w *w, const strat_diags *diags);

#endif
