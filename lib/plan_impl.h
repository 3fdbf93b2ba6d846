/* plan_impl.h - the inside of a strat_plan.  (internal) */
#ifndef STRAT_PLAN_IMPL_H
#define STRAT_PLAN_IMPL_H

#include "arena.h"
#include "strset.h"
#include "yaml.h"
#include "strat/plan.h"

/* Items are kept in zeroed chunks of 2 MB: calloc maps their pages as
 * they are touched, so a small plan touches only the pages it fills. */
#define ITEM_CHUNK_BYTES ((size_t)2 << 20)
#define ITEM_CHUNK       (ITEM_CHUNK_BYTES / sizeof(strat_item))

typedef struct {
	const char *path;
	char *buf; /* NULL: not kept (yet) */
	size_t len;
	uint64_t hash;      /* STRAT_SOURCES_LATER: of the bytes loaded */
	int read;           /* ... strat_plan_read_sources tried it */
	const char **lines; /* start of each line, built on demand */
	size_t nlines;
} plan_source;

struct strat_plan {
	arena mem;
	strat_config config;
	strat_strategy strategy;
	strat_team team;
	strat_item **chunks; /* items in chunks of ITEM_CHUNK */
	size_t nitems, nchunks;
	size_t items_used; /* slots handed out so far: the rest are zero */
	strat_calendar *cals;
	size_t ncals, capcals;
	/* Item ids: open addressing over item numbers, 8 bytes a slot and
	 * sized once, so 100,000 items index in 1 MB. */
	struct item_slot {
		uint32_t item; /* index + 1; 0 = empty */
		uint32_t hash;
	} * item_ids;
	size_t item_ids_cap;
	uint32_t *dup_items; /* items whose id an earlier item has */
	size_t ndup_items;
	strset anchor_ids, people_ids;
	plan_source *sources;
	size_t nsources;
	size_t nfiles; /* files found, usable or not */
	strat_reading *readings;
	size_t nreadings, capreadings;
	strat_metrics_file *metrics_files;
	size_t nmetrics, capmetrics;
	strset kpi_ids;
	int limit_hit; /* STRAT_MAX_ITEMS reached */
};

/* A new zeroed item at the end of the plan; NULL on out-of-memory. */
strat_item *plan_item_new(strat_plan *plan);
/* Drop the last item (used when an element was not a mapping). */
void plan_item_pop(strat_plan *plan);
/* A new zeroed reading at the end of the plan; NULL on out-of-memory. */
strat_reading *plan_reading_new(strat_plan *plan);
/* Per-kind readers (lib/model.c).  Each reads one file's text into the
 * plan and reports findings; 0, 1 when the file is not usable (it then
 * added nothing to the plan: SPEC.md, "Cascades"), or a negative code on
 * out-of-memory. */
int model_read_config(strat_plan *plan, const char *file, const ytext *in,
		      strat_diags *diags);
int model_read_strategy(strat_plan *plan, const char *file, const ytext *in,
			strat_diags *diags);
int model_read_team(strat_plan *plan, const char *file, const ytext *in,
		    strat_diags *diags);
int model_read_calendar(strat_plan *plan, const char *file, const ytext *in,
			strat_diags *diags);
int model_read_metrics(strat_plan *plan, const char *file, const ytext *in,
		       strat_diags *diags);

/*
 * History support: an empty plan to parse calendar bytes into, again and
 * again.  plan_scratch_calendar releases everything the previous call
 * read (its items and their strings: copy what must outlive the next
 * call), reads buf as the calendar file `file`, and sets *loaded to 0
 * when it did not parse.  The plan's memory is bounded by the largest
 * version read, not by the number of calls.
 */
strat_plan *plan_new_scratch(void);
int plan_scratch_calendar(strat_plan *plan, const char *file, const char *buf,
			  size_t len, strat_diags *diags, int *loaded);

/* The same for a metrics file: its readings replace the previous call's
 * (plan->readings, plan->nreadings), whose strings are released. */
int plan_scratch_metrics(strat_plan *plan, const char *file, const char *buf,
			 size_t len, strat_diags *diags, int *loaded);

/* The closest of n candidates to s, or NULL when none is close. */
const char *suggest(const char *s, const char *const *cands, size_t n);

#endif
