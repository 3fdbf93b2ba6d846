/*
 * strat/diag.h - diagnostics are data.
 *
 * Every finding is a strat_diag: the rule that fired, its severity, where
 * (file, 1-based line and column in code points; 0 when it concerns the
 * whole file), a message and an optional hint.  The library never prints;
 * callers walk a strat_diags list or pass a callback.
 */
#ifndef STRAT_DIAG_H
#define STRAT_DIAG_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	STRAT_SEV_OFF = 0,
	STRAT_SEV_WARNING = 1,
	STRAT_SEV_ERROR = 2
} strat_severity;

/* The rule registry: one X-macro list generates ids and defaults. */
typedef enum {
#define STRAT_RULE(sym, id, sev, stage, summary) STRAT_RULE_##sym,
#include "rules.def"
#undef STRAT_RULE
	STRAT_RULE__COUNT
} strat_rule;

typedef struct {
	strat_rule rule;
	strat_severity severity;
	const char *file;    /* repository-relative path, "" if none */
	uint32_t line;       /* 1-based; 0 = whole file */
	uint32_t column;     /* 1-based, Unicode code points; 0 = whole line */
	const char *message; /* lower case, no final period */
	const char *hint;    /* NULL when there is none */
} strat_diag;

typedef struct strat_diags strat_diags;

/* Called for every diagnostic as it is added (optional). */
typedef void (*strat_diag_cb)(const strat_diag *d, void *payload);

/* Create an empty list; *out is freed with strat_diags_free. */
int strat_diags_new(strat_diags **out);
void strat_diags_free(strat_diags *d);

/*
 * Severity overrides: STRAT_SEV_OFF drops the rule's findings.  Findings
 * already in the list take the new severity (or are dropped); the callback
 * is not called again for them.
 */
void strat_diags_set_severity(strat_diags *d, strat_rule rule,
			      strat_severity sev);
strat_severity strat_diags_severity(const strat_diags *d, strat_rule rule);
void strat_diags_set_callback(strat_diags *d, strat_diag_cb cb, void *payload);

/*
 * Add a finding.  file, message and hint are copied.  Returns 0, or
 * STRAT_ENOMEM.  Findings of rules set to off are silently dropped.
 */
int strat_diags_add(strat_diags *d, strat_rule rule, const char *file,
		    uint32_t line, uint32_t column, const char *hint,
		    const char *fmt, ...) __attribute__((format(printf, 7, 8)));

size_t strat_diags_count(const strat_diags *d);
/* Borrowed; valid until the list changes or is freed. */
const strat_diag *strat_diags_get(const strat_diags *d, size_t i);
size_t strat_diags_errors(const strat_diags *d);
size_t strat_diags_warnings(const strat_diags *d);

/* Sort by file, line, column, rule (stable). */
void strat_diags_sort(strat_diags *d);

/* Rule registry lookups. */
const char *strat_rule_id(strat_rule rule);
const char *strat_rule_summary(strat_rule rule);
strat_severity strat_rule_default_severity(strat_rule rule);
/* Returns the rule, or -1 if the id is unknown. */
int strat_rule_lookup(const char *id);
const char *strat_severity_name(strat_severity sev);

#ifdef __cplusplus
}
#endif

#endif
