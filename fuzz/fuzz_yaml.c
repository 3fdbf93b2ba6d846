/*
 * fuzz_yaml.c - the YAML loader and the model builder: the input is loaded
 * as strat.yaml, as the strategy, as the team file and as a calendar file
 * in turn, through an in-memory source.  Oracle: no crash, leak or UB; every
 * diagnostic is well-formed and points inside the file; every string the
 * model hands out is readable.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "strat/strat.h"

static void
check_str(const strat_str *s)
{
	if (s->s != NULL && strlen(s->s) > STRAT_MAX_SCALAR)
		fuzz_fail("model string longer than the scalar limit", NULL, 0);
}

static void
check_diags(const strat_diags *diags, const char *data, size_t size)
{
	size_t i, lines = 1;
	const strat_diag *d;

	/* libyaml breaks lines at LF, CR, CR LF, NEL, LS and PS */
	for (i = 0; i < size; i++)
		lines += data[i] == '\n' || data[i] == '\r' ||
			 (data[i] == '\xc2' && i + 1 < size &&
			  data[i + 1] == '\x85') ||
			 (data[i] == '\xe2' && i + 2 < size &&
			  data[i + 1] == '\x80' &&
			  (data[i + 2] == '\xa8' || data[i + 2] == '\xa9'));
	for (i = 0; i < strat_diags_count(diags); i++) {
		d = strat_diags_get(diags, i);
		if (d->file == NULL || d->message == NULL ||
		    d->message[0] == '\0')
			fuzz_fail("diagnostic without file or message", NULL,
				  0);
		if (strcmp(d->file, "fuzz.yaml") != 0 &&
		    strcmp(d->file, "calendar/fuzz.yaml") != 0 &&
		    strcmp(d->file, "strat.yaml") != 0 &&
		    strcmp(d->file, "strategy.yaml") != 0 &&
		    strcmp(d->file, "team.yaml") != 0)
			continue; /* e.g. a configured path */
		if (d->line > lines + 1)
			fuzz_fail("diagnostic line past the end of the file",
				  d->message, strlen(d->message));
		if (d->line == 0 && d->column != 0)
			fuzz_fail("column without line", d->message,
				  strlen(d->message));
	}
}

static void
walk_model(const strat_plan *plan)
{
	const strat_strategy *s = strat_plan_strategy(plan);
	const strat_team *t = strat_plan_team(plan);
	const strat_config *c = strat_plan_config(plan);
	size_t i, j;

	for (i = 0; i < strat_plan_item_count(plan); i++) {
		const strat_item *it = strat_plan_item(plan, i);

		check_str(&it->id);
		check_str(&it->title);
		check_str(&it->anchor);
		check_str(&it->owner);
		check_str(&it->channel);
		check_str(&it->notes);
		check_str(&it->date_text);
		if (it->id.s)
			(void)strat_plan_find_item(plan, it->id.s);
	}
	for (i = 0; i < s->nanchors; i++) {
		check_str(&s->anchors[i].id);
		check_str(&s->anchors[i].owner);
		for (j = 0; j < s->anchors[i].noutcomes; j++)
			check_str(&s->anchors[i].outcomes[j]);
		for (j = 0; j < s->anchors[i].nmilestones; j++)
			check_str(&s->anchors[i].milestones[j].title);
	}
	for (i = 0; i < s->noutcomes; i++)
		check_str(&s->outcomes[i].id);
	for (i = 0; i < s->nkpis; i++)
		check_str(&s->kpis[i].id);
	for (i = 0; i < t->npeople; i++)
		check_str(&t->people[i].id);
	for (i = 0; i < c->ncalendars; i++)
		check_str(&c->calendars[i]);
	for (i = 0; i < c->nchannels; i++)
		check_str(&c->channels[i]);
}

static void
load_as(const char *path, const uint8_t *data, size_t size)
{
	strat_mem_file f = {path, (const char *)data, size};
	strat_source src;
	strat_load_options lo = STRAT_LOAD_OPTIONS_INIT;
	strat_diags *diags = NULL;
	strat_plan *plan = NULL;

	lo.keep_sources = 1;
	lo.today = strat_date_from_ymd(2026, 9, 15);
	if (strat_source_mem(&src, &f, 1) < 0)
		abort();
	if (strat_diags_new(&diags) < 0)
		abort();
	if (strat_plan_load(&plan, &src, &lo, diags) == 0) {
		walk_model(plan);
		check_diags(diags, (const char *)data, size);
	}
	strat_plan_free(plan);
	strat_diags_free(diags);
	strat_source_mem_free(&src);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	load_as("strat.yaml", data, size);
	load_as("strategy.yaml", data, size);
	load_as("team.yaml", data, size);
	load_as("calendar/fuzz.yaml", data, size);
	return 0;
}
