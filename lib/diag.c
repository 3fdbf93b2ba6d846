/* diag.c - the diagnostics list and the rule registry tables. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strat/diag.h"
#include "arena.h"
#include "diag_impl.h"
#include "strset.h"

static const struct {
	const char *id;
	strat_severity sev;
	const char *summary;
} registry[] = {
#define STRAT_RULE(sym, id, sev, stage, summary) {id, STRAT_SEV_##sev, summary},
#include "strat/rules.def"
#undef STRAT_RULE
};

struct strat_diags {
	strat_diag *v;
	size_t n, cap;
	size_t errors, warnings;
	strat_severity sev[STRAT_RULE__COUNT];
	strat_diag_cb cb;
	void *payload;
	arena mem;
	strset perfile; /* file -> size_t count of its findings */
};

const char *
strat_rule_id(strat_rule rule)
{
	return (unsigned)rule < STRAT_RULE__COUNT ? registry[rule].id : "?";
}

const char *
strat_rule_summary(strat_rule rule)
{
	return (unsigned)rule < STRAT_RULE__COUNT ? registry[rule].summary : "";
}

strat_severity
strat_rule_default_severity(strat_rule rule)
{
	return (unsigned)rule < STRAT_RULE__COUNT ? registry[rule].sev
						  : STRAT_SEV_ERROR;
}

int
strat_rule_lookup(const char *id)
{
	size_t i;

	for (i = 0; i < STRAT_RULE__COUNT; i++)
		if (strcmp(registry[i].id, id) == 0)
			return (int)i;
	return -1;
}

const char *
strat_severity_name(strat_severity sev)
{
	switch (sev) {
	case STRAT_SEV_ERROR:
		return "error";
	case STRAT_SEV_WARNING:
		return "warning";
	default:
		return "off";
	}
}

int
strat_diags_new(strat_diags **out)
{
	strat_diags *d = calloc(1, sizeof(*d));
	size_t i;

	*out = NULL;
	if (d == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	for (i = 0; i < STRAT_RULE__COUNT; i++)
		d->sev[i] = registry[i].sev;
	arena_init(&d->mem);
	strset_init(&d->perfile);
	*out = d;
	return 0;
}

void
strat_diags_free(strat_diags *d)
{
	if (d == NULL)
		return;
	strset_free(&d->perfile);
	arena_free(&d->mem);
	free(d->v);
	free(d);
}

void
strat_diags_set_severity(strat_diags *d, strat_rule rule, strat_severity sev)
{
	size_t i, j;

	if ((unsigned)rule >= STRAT_RULE__COUNT)
		return;
	d->sev[rule] = sev;
	/* Findings added before the override (strat.yaml's keys above its
	 * 'rules:') take the new severity too, or go when it is off. */
	for (i = j = 0; i < d->n; i++) {
		strat_diag *g = &d->v[i];

		if (g->rule == rule && g->severity != sev) {
			if (g->severity == STRAT_SEV_ERROR)
				d->errors--;
			else
				d->warnings--;
			if (sev == STRAT_SEV_OFF)
				continue;
			g->severity = sev;
			if (sev == STRAT_SEV_ERROR)
				d->errors++;
			else
				d->warnings++;
		}
		d->v[j++] = *g;
	}
	d->n = j;
}

strat_severity
strat_diags_severity(const strat_diags *d, strat_rule rule)
{
	return (unsigned)rule < STRAT_RULE__COUNT ? d->sev[rule]
						  : STRAT_SEV_ERROR;
}

void
strat_diags_set_callback(strat_diags *d, strat_diag_cb cb, void *payload)
{
	d->cb = cb;
	d->payload = payload;
}

static int
push(strat_diags *d, strat_rule rule, const char *file, uint32_t line,
     uint32_t column, const char *hint, const char *msg)
{
	strat_diag *g;

	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 32;
		strat_diag *v = realloc(d->v, cap * sizeof(*v));

		if (v == NULL)
			return strat_error_set(STRAT_ENOMEM, "out of memory");
		d->v = v;
		d->cap = cap;
	}
	g = &d->v[d->n];
	g->rule = rule;
	g->severity =
	    d->sev[rule] == STRAT_SEV_OFF ? STRAT_SEV_ERROR : d->sev[rule];
	g->file = arena_strdup(&d->mem, file ? file : "");
	g->line = line;
	g->column = line ? column : 0;
	g->message = arena_strdup(&d->mem, msg);
	g->hint = hint ? arena_strdup(&d->mem, hint) : NULL;
	if (g->file == NULL || g->message == NULL || (hint && !g->hint))
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	d->n++;
	if (g->severity == STRAT_SEV_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (d->cb)
		d->cb(g, d->payload);
	return 0;
}

int
strat_diags_add(strat_diags *d, strat_rule rule, const char *file,
		uint32_t line, uint32_t column, const char *hint,
		const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	const char *key = file ? file : "";
	size_t *count;

	if (d == NULL || (unsigned)rule >= STRAT_RULE__COUNT ||
	    d->sev[rule] == STRAT_SEV_OFF)
		return 0;
	/* At most STRAT_MAX_FINDINGS per file, then one finding saying so:
	 * a generated or hostile file must not flood the output. */
	if (rule == STRAT_RULE_LIMIT_EXCEEDED)
		goto add; /* a few at most: each stops the reading */
	if ((count = strset_get(&d->perfile, key)) == NULL) {
		char *k = arena_strdup(&d->mem, key);

		count = arena_zalloc(&d->mem, sizeof(*count));
		if (k == NULL || count == NULL ||
		    strset_put(&d->perfile, k, count, NULL) < 0)
			return strat_error_set(STRAT_ENOMEM, "out of memory");
	}
	if (*count > STRAT_MAX_FINDINGS)
		return 0;
	if (++*count > STRAT_MAX_FINDINGS) {
		snprintf(buf, sizeof(buf),
			 "more than %u findings in this file; the rest are "
			 "not reported",
			 STRAT_MAX_FINDINGS);
		return push(d, STRAT_RULE_LIMIT_EXCEEDED, file, 0, 0,
			    "fix these first, then run strat again", buf);
	}
add:
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return push(d, rule, file, line, column, hint, buf);
}

void
diags_withdraw(strat_diags *d, size_t from,
	       int (*keep)(const strat_diag *g, void *arg), void *arg)
{
	size_t i, j;

	if (d == NULL)
		return;
	for (i = j = from; i < d->n; i++) {
		if (!keep(&d->v[i], arg)) {
			size_t *count = strset_get(&d->perfile, d->v[i].file);

			if (count != NULL && *count > 0 &&
			    d->v[i].rule != STRAT_RULE_LIMIT_EXCEEDED)
				--*count;
			if (d->v[i].severity == STRAT_SEV_ERROR)
				d->errors--;
			else
				d->warnings--;
			continue;
		}
		d->v[j++] = d->v[i];
	}
	d->n = j;
}

size_t
strat_diags_count(const strat_diags *d)
{
	return d ? d->n : 0;
}

const strat_diag *
strat_diags_get(const strat_diags *d, size_t i)
{
	return d && i < d->n ? &d->v[i] : NULL;
}

size_t
strat_diags_errors(const strat_diags *d)
{
	return d ? d->errors : 0;
}

size_t
strat_diags_warnings(const strat_diags *d)
{
	return d ? d->warnings : 0;
}

static int
cmp(const void *a, const void *b)
{
	const strat_diag *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	return strcmp(x->message, y->message);
}

void
strat_diags_sort(strat_diags *d)
{
	/* A total order on what is printed, so output is deterministic. */
	if (d && d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), cmp);
}
