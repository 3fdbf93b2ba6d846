/* plan_impl.h - the inside of a strat_plan.  (internal) */
#ifndef STRAT_PLAN_IMPL_H
#define STRAT_PLAN_IMPL_H

#include "arena.h"
#include "strset.h"
#include "strat/plan.h"

#define ITEM_CHUNK 4096

typedef struct {
	const char *path;
	char *buf;
	size_t len;
	const char **lines; /* start of each line, built on demand */
	size_t nlines;
} plan_source;

struct strat_plan {
	arena mem;
	strset interned;
	strat_config config;
	strat_strategy strategy;
	strat_team team;
	strat_item **chunks; /* items in chunks of ITEM_CHUNK */
	size_t nitems, nchunks;
	strat_calendar *cals;
	size_t ncals, capcals;
	strset item_ids, anchor_ids, people_ids;
	plan_source *sources;
	size_t nsources;
	int limit_hit; /* STRAT_MAX_ITEMS reached */
};

/* A new zeroed item at the end of the plan; NULL on out-of-memory. */
strat_item *plan_item_new(strat_plan *plan);
/* Drop the last item (used when an element was not a mapping). */
void plan_item_pop(strat_plan *plan);
/* Copy s into the plan; short repeated values are shared. */
const char *plan_intern(strat_plan *plan, const char *s, size_t n);

/* Per-kind readers (lib/model.c).  Each reads one file's bytes into the
 * plan and reports findings; 0, or a negative code on out-of-memory. */
int model_read_config(strat_plan *plan, const char *file, const char *buf,
		      size_t len, strat_diags *diags);
int model_read_strategy(strat_plan *plan, const char *file, const char *buf,
			size_t len, strat_diags *diags);
int model_read_team(strat_plan *plan, const char *file, const char *buf,
		    size_t len, strat_diags *diags);
int model_read_calendar(strat_plan *plan, const char *file, const char *buf,
			size_t len, strat_diags *diags);

/*
 * History support: an empty plan to parse calendar bytes into, again and
 * again.  plan_scratch_calendar forgets the items of the previous call
 * (their strings stay in the arena until strat_plan_free), reads buf as
 * the calendar file `file`, and sets *loaded to 0 when it did not parse.
 */
strat_plan *plan_new_scratch(void);
int plan_scratch_calendar(strat_plan *plan, const char *file, const char *buf,
			  size_t len, strat_diags *diags, int *loaded);

/* The closest of n candidates to s, or NULL when none is close. */
const char *suggest(const char *s, const char *const *cands, size_t n);

#endif
