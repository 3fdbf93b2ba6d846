/*
 * week_text.c - strat_week_render and the check-in as text (80 columns)
 * and JSON (spec/SPEC.md, section 13); Markdown and HTML are in week.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "report.h"
#include "sbuf.h"
#include "week_impl.h"

#define C_BOLD  "\033[1m"
#define C_RED   "\033[31m"
#define C_GREEN "\033[32m"
#define C_OFF   "\033[0m"

/* s made safe for a terminal and fitted to width code points: cut with
 * an ellipsis, or padded with spaces when pad. */
static void
fit(sbuf *b, const char *s, size_t width, int pad)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t cps = 0, i, n = strlen((const char *)p), cut = n, used;

	for (i = 0; i < n; i++)
		if ((p[i] & 0xC0) != 0x80 && ++cps == width)
			cut = i; /* start of the width-th code point */
	if (cps > width) {
		sb_safe(b, (const char *)p, cut);
		sb_puts(b, "\xE2\x80\xA6"); /* U+2026 HORIZONTAL ELLIPSIS */
		used = width;
	} else {
		sb_safe(b, (const char *)p, n);
		used = cps;
	}
	for (; pad && used < width; used++)
		sb_puts(b, " ");
}

static void
heading(sbuf *b, int color, const char *text, const char *extra)
{
	sb_printf(b, "\n%s%s%s%s\n", color ? C_BOLD : "", text,
		  color ? C_OFF : "", extra ? extra : "");
}

void
week_text_fit(sbuf *b, const char *s, size_t width, int pad)
{
	fit(b, s, width, pad);
}

void
week_text_heading(sbuf *b, int color, const char *text, const char *extra)
{
	heading(b, color, text, extra);
}

static void
text_items(sbuf *b, const strat_week *w, int s, int color)
{
	size_t i;
	char date[11], range[40], a[11] = "", z[11] = "";

	if (s == STRAT_WEEK_SHIPPED) {
		strat_date_format(w->start - 7, a);
		strat_date_format(w->start - 1, z);
	} else if (s == STRAT_WEEK_THIS || s == STRAT_WEEK_NEXT) {
		strat_date_format(w->start + (s == STRAT_WEEK_NEXT ? 7 : 0), a);
		strat_date_format(w->end + (s == STRAT_WEEK_NEXT ? 7 : 0), z);
	}
	if (s == STRAT_WEEK_OVERDUE)
		snprintf(range, sizeof(range), " (%zu)", w->nitems[s]);
	else
		snprintf(range, sizeof(range), " (%zu, %s to %s)", w->nitems[s],
			 a, z);
	heading(b, color, strat_week_section_title(s), range);
	if (w->nitems[s] == 0) {
		sb_puts(b, "  nothing\n");
		return;
	}
	for (i = 0; i < w->nitems[s]; i++) {
		const strat_item *it = w->items[s][i];
		const char *st = strat_status_name(it->status), *col = "";
		char late[16];

		strat_date_format(
		    s == STRAT_WEEK_SHIPPED ? it->shipped : it->date, date);
		if (s == STRAT_WEEK_OVERDUE) {
			snprintf(late, sizeof(late), "%dd late",
				 (int)(w->date - it->date));
			st = late;
			col = C_RED;
		} else if (it->status == STRAT_STATUS_SHIPPED) {
			col = C_GREEN;
		}
		if (it->status == STRAT_STATUS_IN_PROGRESS &&
		    s != STRAT_WEEK_OVERDUE)
			st = "started";
		sb_printf(b, "  %s  %s", date, color ? col : "");
		fit(b, st, 8, 1);
		sb_puts(b, color && *col ? C_OFF "  " : "  ");
		fit(b, it->title.s ? it->title.s : it->id.s, 28, 1);
		sb_puts(b, "  ");
		fit(b, it->owner.s ? it->owner.s : "-", 8, 1);
		sb_puts(b, "  ");
		fit(b, it->anchor.s ? it->anchor.s : "-", 16, 0);
		sb_puts(b, "\n");
	}
}

/* Staleness (SPEC section 14): a plan nobody updated, then the stale
 * items as the other sections list items, the date of their last change
 * first. */
static void
text_stale(sbuf *b, const strat_week *w, int color)
{
	const strat_measures *m = w->measures;
	size_t i, n = 0;
	char day[11], extra[64];

	for (i = 0; i < m->nstale; i++)
		n += w->owner == NULL ||
		     strcmp(m->stale[i].v->owner, w->owner) == 0;
	if (!m->plan_stale && n == 0)
		return;
	snprintf(extra, sizeof(extra),
		 " (in progress, unchanged for %u days or more)",
		 m->stale_days);
	heading(b, color, "Stale", n ? extra : NULL);
	if (m->plan_stale) {
		strat_date_format(m->plan_updated, day);
		sb_printf(b,
			  "  Numbers after %s reflect a plan nobody updated:\n"
			  "  no commit changed it for %ld days.\n",
			  day, (long)(m->today - m->plan_updated));
	}
	for (i = 0; i < m->nstale; i++) {
		const strat_stale *st = &m->stale[i];
		char days[32];

		if (w->owner && strcmp(st->v->owner, w->owner) != 0)
			continue;
		strat_date_format(st->since, day);
		snprintf(days, sizeof(days), "%ld days", (long)st->days);
		sb_printf(b, "  %s  %s", day, color ? C_RED : "");
		fit(b, days, 8, 1);
		sb_puts(b, color ? C_OFF "  " : "  ");
		fit(b, st->v->title[0] ? st->v->title : st->v->id, 28, 1);
		sb_puts(b, "  ");
		fit(b, st->v->owner[0] ? st->v->owner : "-", 8, 1);
		sb_puts(b, "  ");
		fit(b, st->v->anchor[0] ? st->v->anchor : "-", 16, 0);
		sb_puts(b, "\n");
	}
}

static void
week_text(sbuf *b, const strat_week *w, int color)
{
	char a[11], z[11], line[512];
	size_t i;
	int s;

	strat_date_format(w->start, a);
	strat_date_format(w->end, z);
	sb_printf(b, "%sWeek %d-W%02d%s: %s to %s", color ? C_BOLD : "",
		  w->label_year, w->label_week, color ? C_OFF : "", a, z);
	strat_date_format(w->date, a);
	sb_printf(b, ", check-in of %s", a);
	if (w->owner) {
		sb_puts(b, " for ");
		fit(b, w->owner, 20, 0);
	}
	sb_puts(b, "\n");
	if (w->source)
		sb_printf(b, "Plan as committed in %s\n", w->source);
	for (s = 0; s < STRAT_WEEK__NSECTIONS; s++)
		text_items(b, w, s, color);

	heading(b, color, "Changed since the last check-in", NULL);
	sb_puts(b, "  ");
	sb_safes(b, w->note ? w->note : "");
	sb_puts(b, "\n");
	for (i = 0; i < w->nchanges; i++) {
		const strat_change *c = w->changes[i];

		strat_week_describe(line, sizeof(line), c);
		sb_puts(b, "  ");
		fit(b, c->id, 24, 1);
		sb_puts(b, "  ");
		fit(b, line, 52, 0);
		sb_puts(b, "\n");
	}
	if (w->has_changes && w->nchanges == 0)
		sb_puts(b, "  no changes\n");

	heading(b, color, "Anchors", " (shipped of planned this quarter)");
	if (w->nanchors == 0)
		sb_puts(b, "  none for this quarter\n");
	for (i = 0; i < w->nanchors; i++) {
		const strat_week_anchor *wa = &w->anchors[i];

		sb_puts(b, "  ");
		fit(b, wa->anchor->id.s, 20, 1);
		sb_puts(b, "  ");
		fit(b, wa->anchor->owner.s ? wa->anchor->owner.s : "-", 8, 1);
		sb_printf(b, "  %3zu of %-3zu  ", wa->shipped, wa->planned);
		sb_safes(b, wa->anchor->quarter.s);
		if (wa->overdue)
			sb_printf(b, "  %s%zu overdue%s", color ? C_RED : "",
				  wa->overdue, color ? C_OFF : "");
		sb_puts(b, "\n");
	}

	week_metrics_text(b, w, color);

	heading(b, color, "Owners",
		" (shipped last week, overdue, this week, next week)");
	if (w->nowners == 0)
		sb_puts(b, "  nobody has items in these weeks\n");
	for (i = 0; i < w->nowners; i++) {
		const strat_week_owner *o = &w->owners[i];

		sb_puts(b, "  ");
		fit(b, o->id, 12, 1);
		sb_puts(b, "  ");
		fit(b, o->name ? o->name : "", 24, 1);
		for (s = 0; s < STRAT_WEEK__NSECTIONS; s++)
			sb_printf(b, "  %3zu", o->count[s]);
		sb_puts(b, "\n");
	}
}

static const char *const section_keys[] = {"shipped_last_week", "overdue",
					   "due_this_week", "due_next_week"};

static void
json_item(json_w *j, const strat_week *w, const strat_item *it, int s)
{
	jw_obj(j, JW_ROW);
	jw_kstr(j, "id", it->id.s);
	jw_kstr(j, "title", it->title.s);
	jw_kstr(j, "owner", it->owner.s);
	jw_kstr(j, "anchor", it->anchor.s);
	json_date(j, "date", it->date);
	jw_kstr(j, "status", strat_status_name(it->status));
	json_date(j, "shipped", it->shipped);
	if (s == STRAT_WEEK_OVERDUE)
		jw_kint(j, "days_late", (long long)(w->date - it->date));
	jw_kstr(j, "file", it->file);
	jw_kuint(j, "line", it->line);
	jw_end(j);
}

static void
week_json(sbuf *b, const strat_week *w)
{
	char line[512];
	size_t i;
	int s;
	json_w j;

	jw_init(&j, b);
	jw_obj(&j, JW_BLOCK);
	jw_kint(&j, "version", 1);
	snprintf(line, sizeof(line), "%d-W%02d", w->label_year, w->label_week);
	jw_kstr(&j, "week", line);
	json_date(&j, "start", w->start);
	json_date(&j, "end", w->end);
	json_date(&j, "date", w->date);
	jw_kstr(&j, "owner", w->owner);
	jw_kstr(&j, "plan", w->source);
	for (s = 0; s < STRAT_WEEK__NSECTIONS; s++) {
		jw_key(&j, section_keys[s]);
		jw_arr(&j, JW_BLOCK);
		for (i = 0; i < w->nitems[s]; i++)
			json_item(&j, w, w->items[s][i], s);
		jw_end(&j);
	}
	jw_key(&j, "changes");
	if (!w->has_changes) {
		jw_null(&j);
	} else {
		jw_obj(&j, JW_ROW);
		jw_kstr(&j, "base", w->base_commit);
		json_date(&j, "base_date", w->base_date);
		jw_key(&j, "list");
		jw_arr(&j, JW_BLOCK);
		for (i = 0; i < w->nchanges; i++) {
			const strat_change *c = w->changes[i];

			strat_week_describe(line, sizeof(line), c);
			jw_obj(&j, JW_ROW);
			jw_kstr(&j, "kind", strat_change_kind_id(c->kind));
			jw_kstr(&j, "id", c->id);
			jw_kstr(&j, "title", c->title);
			jw_kstr(&j, "before", c->before);
			jw_kstr(&j, "after", c->after);
			jw_kint(&j, "days", c->days);
			jw_kstr(&j, "text", line);
			jw_end(&j);
		}
		jw_end(&j);
		jw_end(&j);
	}
	jw_kstr(&j, "note", w->note);
	jw_key(&j, "anchors");
	jw_arr(&j, JW_BLOCK);
	for (i = 0; i < w->nanchors; i++) {
		const strat_week_anchor *a = &w->anchors[i];

		jw_obj(&j, JW_ROW);
		jw_kstr(&j, "id", a->anchor->id.s);
		jw_kstr(&j, "title", a->anchor->title.s);
		jw_kstr(&j, "owner", a->anchor->owner.s);
		jw_kstr(&j, "quarter", a->anchor->quarter.s);
		jw_kuint(&j, "shipped", a->shipped);
		jw_kuint(&j, "planned", a->planned);
		jw_kuint(&j, "overdue", a->overdue);
		jw_end(&j);
	}
	jw_end(&j);
	jw_key(&j, "owners");
	jw_arr(&j, JW_BLOCK);
	for (i = 0; i < w->nowners; i++) {
		const strat_week_owner *o = &w->owners[i];

		jw_obj(&j, JW_ROW);
		jw_kstr(&j, "id", o->id);
		jw_kstr(&j, "name", o->name);
		for (s = 0; s < STRAT_WEEK__NSECTIONS; s++)
			jw_kuint(&j, section_keys[s], o->count[s]);
		jw_end(&j);
	}
	jw_end(&j);
	week_metrics_json(&j, w);
	jw_key(&j, "stale");
	if (w->measures == NULL) {
		jw_null(&j);
	} else {
		jw_obj(&j, JW_BLOCK);
		jw_kuint(&j, "stale_days", w->measures->stale_days);
		stale_json(&j, w->history, w->measures, w->owner);
		jw_end(&j);
	}
	jw_finish(&j);
}

int
strat_week_render(char **out, const strat_week *w,
		  const strat_render_options *o)
{
	sbuf b = {0};

	*out = NULL;
	switch (o->format) {
	case STRAT_FORMAT_MD:
	case STRAT_FORMAT_HTML:
		return week_markdown(out, w, o->format == STRAT_FORMAT_HTML);
	case STRAT_FORMAT_TEXT:
		week_text(&b, w, o->color);
		if (w->measures != NULL)
			text_stale(&b, w, o->color);
		break;
	case STRAT_FORMAT_JSON:
		week_json(&b, w);
		break;
	default:
		return strat_error_set(STRAT_EUSAGE, "week has no %s format",
				       strat_format_name(o->format));
	}
	if ((*out = sb_finish(&b)) == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	return 0;
}
