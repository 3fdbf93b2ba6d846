/*
 * week.c - the weekly check-in (strat/week.h): items sorted into sections,
 * per-owner and per-anchor summaries, changes since the start of the week,
 * and the Markdown/HTML rendering through lib/markdown.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "markdown.h"
#include "report.h"
#include "week_impl.h"

strat_day
strat_week_start(strat_day day, int week_starts)
{
	/* 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays. */
	int32_t dow = (int32_t)(((int64_t)day + 3) % 7);

	if (dow < 0)
		dow += 7;
	if (!week_starts) /* sunday: 0 on Sundays */
		dow = (dow + 1) % 7;
	return day - dow;
}

void
strat_week_label(strat_day start, int week_starts, int *year, int *week)
{
	strat_day monday = week_starts ? start : start + 1;
	strat_day thursday = monday + 3;
	int y, m, d;

	strat_date_to_ymd(thursday, &y, &m, &d);
	*year = y;
	*week = (int)((thursday - strat_date_from_ymd(y, 1, 1)) / 7) + 1;
}

static int
cmp_item(const void *a, const void *b)
{
	const strat_item *x = *(const strat_item *const *)a;
	const strat_item *y = *(const strat_item *const *)b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return strcmp(x->id.s ? x->id.s : "", y->id.s ? y->id.s : "");
}

static int
cmp_owner(const void *a, const void *b)
{
	return strcmp(((const strat_week_owner *)a)->id,
		      ((const strat_week_owner *)b)->id);
}

static int
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* Which section item falls in, or -1. */
static int
section_of(const strat_week *w, const strat_item *it)
{
	int open = it->status != STRAT_STATUS_SHIPPED &&
		   it->status != STRAT_STATUS_DROPPED;

	if (it->status == STRAT_STATUS_SHIPPED &&
	    it->shipped != STRAT_NO_DATE && it->shipped >= w->start - 7 &&
	    it->shipped < w->start)
		return STRAT_WEEK_SHIPPED;
	if (it->date == STRAT_NO_DATE || it->status == STRAT_STATUS_DROPPED)
		return -1;
	if (open && it->date < w->date)
		return STRAT_WEEK_OVERDUE;
	if (it->date >= w->start && it->date <= w->end)
		return STRAT_WEEK_THIS;
	if (it->date > w->end && it->date <= w->end + 7)
		return STRAT_WEEK_NEXT;
	return -1;
}

static int
shown_change(const strat_change *c, const char *owner)
{
	const strat_item *bi = c->base_item, *hi = c->head_item;
	const strat_anchor *ba = c->base_anchor, *ha = c->head_anchor;

	switch (c->kind) {
	case STRAT_CHANGE_ANCHOR_ADDED:
	case STRAT_CHANGE_ANCHOR_REMOVED:
	case STRAT_CHANGE_ANCHOR_RETITLED:
	case STRAT_CHANGE_ANCHOR_REOWNED:
	case STRAT_CHANGE_ANCHOR_MOVED:
	case STRAT_CHANGE_ITEM_ADDED:
	case STRAT_CHANGE_ITEM_REMOVED:
	case STRAT_CHANGE_ITEM_RETITLED:
	case STRAT_CHANGE_ITEM_REDATED:
	case STRAT_CHANGE_ITEM_REOWNED:
	case STRAT_CHANGE_ITEM_REANCHORED:
	case STRAT_CHANGE_ITEM_DROPPED:
		break;
	default:
		return 0;
	}
	if (owner == NULL)
		return 1;
	return same(owner, c->gained_by) || same(owner, c->lost_by) ||
	       (bi && same(owner, bi->owner.s)) ||
	       (hi && same(owner, hi->owner.s)) ||
	       (ba && same(owner, ba->owner.s)) ||
	       (ha && same(owner, ha->owner.s));
}

static strat_week_owner *
owner_slot(strat_week *w, const strat_plan *plan, const char *id)
{
	const strat_person *p;
	size_t i;

	for (i = 0; i < w->nowners; i++)
		if (strcmp(w->owners[i].id, id) == 0)
			return &w->owners[i];
	p = strat_plan_find_person(plan, id);
	w->owners[w->nowners].id = id;
	w->owners[w->nowners].name = p ? p->name.s : NULL;
	return &w->owners[w->nowners++];
}

int
strat_week_build(strat_week **out, const strat_plan *plan,
		 const strat_week_options *opts)
{
	const strat_strategy *st = strat_plan_strategy(plan);
	size_t n = strat_plan_item_count(plan), i, j, k;
	strat_day qs0, qs1;
	strat_week *w;
	int y, m, d, s;

	*out = NULL;
	if (opts == NULL || opts->date == STRAT_NO_DATE)
		return strat_error_set(STRAT_EUSAGE, "no check-in date");
	if ((w = calloc(1, sizeof(*w))) == NULL)
		goto nomem;
	w->date = opts->date;
	w->owner = opts->owner;
	w->source = opts->source;
	if (opts->history != NULL && opts->measures != NULL) {
		w->history = opts->history;
		w->measures = opts->measures;
	}
	w->note = opts->note;
	w->base_date = opts->base_date;
	if (opts->base_commit != NULL)
		snprintf(w->base_commit, sizeof(w->base_commit), "%s",
			 opts->base_commit);
	w->week_starts = strat_plan_config(plan)->week_starts;
	w->start = strat_week_start(w->date, w->week_starts);
	w->end = w->start + 6;
	strat_week_label(w->start, w->week_starts, &w->label_year,
			 &w->label_week);
	for (s = 0; s < STRAT_WEEK__NSECTIONS; s++)
		if (n &&
		    (w->items[s] = calloc(n, sizeof(*w->items[s]))) == NULL)
			goto nomem;
	if (n && (w->owners = calloc(n, sizeof(*w->owners))) == NULL)
		goto nomem;
	for (i = 0; i < n; i++) {
		const strat_item *it = strat_plan_item(plan, i);

		if (opts->owner && !same(opts->owner, it->owner.s))
			continue;
		if ((s = section_of(w, it)) < 0)
			continue;
		w->items[s][w->nitems[s]++] = it;
		if (it->owner.s != NULL)
			owner_slot(w, plan, it->owner.s)->count[s]++;
	}
	for (s = 0; s < STRAT_WEEK__NSECTIONS; s++)
		if (w->nitems[s] > 1)
			qsort(w->items[s], w->nitems[s], sizeof(*w->items[s]),
			      cmp_item);
	if (w->nowners > 1)
		qsort(w->owners, w->nowners, sizeof(*w->owners), cmp_owner);

	/* Anchors of the quarter(s) this week overlaps. */
	strat_date_to_ymd(w->start, &y, &m, &d);
	qs0 = strat_quarter_start(y, (m - 1) / 3 + 1);
	strat_date_to_ymd(w->end, &y, &m, &d);
	qs1 = strat_quarter_start(y, (m - 1) / 3 + 1);
	if (st->nanchors &&
	    (w->anchors = calloc(st->nanchors, sizeof(*w->anchors))) == NULL)
		goto nomem;
	for (i = 0; i < st->nanchors; i++) {
		const strat_anchor *a = &st->anchors[i];
		strat_week_anchor *wa;
		strat_day qs;
		int mine;

		if (a->q == 0 || a->id.s == NULL)
			continue;
		qs = strat_quarter_start(a->year, a->q);
		if (qs != qs0 && qs != qs1)
			continue;
		mine = opts->owner == NULL || same(opts->owner, a->owner.s);
		wa = &w->anchors[w->nanchors];
		memset(wa, 0, sizeof(*wa));
		wa->anchor = a;
		for (j = 0; j < n; j++) {
			const strat_item *it = strat_plan_item(plan, j);

			if (!same(it->anchor.s, a->id.s) ||
			    it->status == STRAT_STATUS_DROPPED)
				continue;
			if (opts->owner && same(opts->owner, it->owner.s))
				mine = 1;
			wa->planned++;
			wa->shipped += it->status == STRAT_STATUS_SHIPPED;
			wa->overdue += it->status != STRAT_STATUS_SHIPPED &&
				       it->date != STRAT_NO_DATE &&
				       it->date < w->date;
		}
		if (mine)
			w->nanchors++;
	}

	if (week_metrics_build(w, plan) < 0)
		goto nomem;

	/* What changed since the start of the week. */
	if (opts->base != NULL) {
		w->has_changes = 1;
		if (strat_plan_compare(&w->all_changes, opts->base, plan,
				       NULL) < 0)
			goto nomem;
		k = strat_changes_count(w->all_changes);
		if (k && (w->changes = calloc(k, sizeof(*w->changes))) == NULL)
			goto nomem;
		for (i = 0; i < k; i++) {
			const strat_change *c =
			    strat_changes_get(w->all_changes, i);

			if (shown_change(c, opts->owner))
				w->changes[w->nchanges++] = c;
		}
	}
	*out = w;
	return 0;
nomem:
	strat_week_free(w);
	return strat_error_set(STRAT_ENOMEM, "out of memory");
}

void
strat_week_free(strat_week *w)
{
	int s;

	if (w == NULL)
		return;
	for (s = 0; s < STRAT_WEEK__NSECTIONS; s++)
		free(w->items[s]);
	free(w->anchors);
	week_metrics_free(w);
	free(w->owners);
	free(w->changes);
	strat_changes_free(w->all_changes);
	free(w);
}

void
strat_week_describe(char *buf, size_t size, const strat_change *c)
{
	const char *b = c->before ? c->before : "?";
	const char *a = c->after ? c->after : "?";
	const strat_item *hi = c->head_item;
	const strat_anchor *ha = c->head_anchor;
	char date[11] = "?";

	switch (c->kind) {
	case STRAT_CHANGE_ITEM_ADDED:
		if (hi && hi->date != STRAT_NO_DATE)
			strat_date_format(hi->date, date);
		snprintf(buf, size, "added, due %s, owner %s", date,
			 hi && hi->owner.s ? hi->owner.s : "none");
		break;
	case STRAT_CHANGE_ITEM_REMOVED:
		snprintf(buf, size, "%s",
			 c->flags & STRAT_CHANGE_SILENT
			     ? "removed without being shipped or dropped"
			     : "removed");
		break;
	case STRAT_CHANGE_ITEM_REDATED:
		snprintf(buf, size, "re-dated %s \u2192 %s (%s%d days)", b, a,
			 c->days > 0 ? "+" : "", (int)c->days);
		break;
	case STRAT_CHANGE_ITEM_REOWNED:
	case STRAT_CHANGE_ANCHOR_REOWNED:
		snprintf(buf, size, "%sre-owned %s \u2192 %s",
			 c->kind == STRAT_CHANGE_ANCHOR_REOWNED ? "anchor "
								: "",
			 b, a);
		break;
	case STRAT_CHANGE_ITEM_REANCHORED:
		snprintf(buf, size, "moved from anchor %s to %s", b, a);
		break;
	case STRAT_CHANGE_ITEM_RETITLED:
	case STRAT_CHANGE_ANCHOR_RETITLED:
		snprintf(buf, size, "%sretitled",
			 c->kind == STRAT_CHANGE_ANCHOR_RETITLED ? "anchor "
								 : "");
		break;
	case STRAT_CHANGE_ITEM_DROPPED:
		snprintf(buf, size, "dropped (was %s)", b);
		break;
	case STRAT_CHANGE_ANCHOR_ADDED:
		snprintf(buf, size, "anchor added for %s, owner %s",
			 ha && ha->quarter.s ? ha->quarter.s : "?",
			 ha && ha->owner.s ? ha->owner.s : "none");
		break;
	case STRAT_CHANGE_ANCHOR_REMOVED:
		snprintf(buf, size, "anchor removed");
		break;
	case STRAT_CHANGE_ANCHOR_MOVED:
		snprintf(buf, size, "anchor moved from %s to %s", b, a);
		break;
	default:
		snprintf(buf, size, "%s", strat_change_kind_summary(c->kind));
	}
}

static const char *const section_titles[] = {"Shipped last week", "Overdue",
					     "Due this week", "Due next week"};

const char *
strat_week_section_title(strat_week_section s)
{
	return (unsigned)s < STRAT_WEEK__NSECTIONS ? section_titles[s] : "";
}

static void
md_items(md_doc *doc, const strat_week *w, int s)
{
	static const char *const h[] = {"date",  "item",   "title",
					"owner", "anchor", "status"};
	static const char *const hs[] = {"shipped", "item",   "title",
					 "owner",   "anchor", "planned"};
	size_t i;
	char date[11];

	if (w->nitems[s] == 0) {
		md_text(md_para(doc), "Nothing.");
		return;
	}
	md_table(doc, 6, s == STRAT_WEEK_SHIPPED ? hs : h, "llllll");
	for (i = 0; i < w->nitems[s]; i++) {
		const strat_item *it = w->items[s][i];

		md_row(doc);
		strat_date_format(
		    s == STRAT_WEEK_SHIPPED ? it->shipped : it->date, date);
		md_text(md_cell(doc), date);
		md_code(md_cell(doc), it->id.s ? it->id.s : "");
		md_text(md_cell(doc), it->title.s ? it->title.s : "");
		md_text(md_cell(doc), it->owner.s ? it->owner.s : "");
		md_text(md_cell(doc), it->anchor.s ? it->anchor.s : "");
		if (s == STRAT_WEEK_SHIPPED) {
			strat_date_format(it->date, date);
			md_text(md_cell(doc),
				it->date != STRAT_NO_DATE ? date : "");
		} else if (s == STRAT_WEEK_OVERDUE) {
			md_textf(md_cell(doc), "%s, %d days late",
				 strat_status_name(it->status),
				 (int)(w->date - it->date));
		} else {
			md_text(md_cell(doc), strat_status_name(it->status));
		}
	}
	md_table_end(doc);
}

int
week_markdown(char **out, const strat_week *w, int html)
{
	const char *note = w->note;
	md_doc *doc = md_new();
	md_block *b;
	char s0[11], s1[11], buf[512];
	size_t i;
	int s;

	*out = NULL;
	if (doc == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	strat_date_format(w->start, s0);
	strat_date_format(w->end, s1);
	snprintf(buf, sizeof(buf), "Week %d-W%02d: %s to %s", w->label_year,
		 w->label_week, s0, s1);
	md_heading(doc, 1, buf);
	b = md_para(doc);
	strat_date_format(w->date, s0);
	md_textf(b, "Check-in of %s", s0);
	if (w->owner) {
		md_text(b, " for ");
		md_code(b, w->owner);
	}
	if (w->source)
		md_textf(b, ", from the plan as committed in %s", w->source);
	md_textf(b,
		 ": %zu shipped last week, %zu overdue, %zu due this week, "
		 "%zu due next week.",
		 w->nitems[STRAT_WEEK_SHIPPED], w->nitems[STRAT_WEEK_OVERDUE],
		 w->nitems[STRAT_WEEK_THIS], w->nitems[STRAT_WEEK_NEXT]);
	for (s = 0; s < STRAT_WEEK__NSECTIONS; s++) {
		md_heading(doc, 2, section_titles[s]);
		md_items(doc, w, s);
	}

	md_heading(doc, 2, "Changed since the last check-in");
	if (!w->has_changes) {
		md_text(md_para(doc), note ? note : "History not available.");
	} else if (w->nchanges == 0) {
		md_text(md_para(doc), note ? note : "No changes.");
	} else {
		if (note)
			md_text(md_para(doc), note);
		md_list(doc);
		for (i = 0; i < w->nchanges; i++) {
			const strat_change *c = w->changes[i];

			b = md_item(doc);
			md_code(b, c->id);
			if (c->title) {
				md_text(b, " ");
				md_text(b, c->title);
			}
			strat_week_describe(buf, sizeof(buf), c);
			md_text(b, ": ");
			md_text(b, buf);
		}
		md_list_end(doc);
	}

	md_heading(doc, 2, "Anchors");
	if (w->nanchors == 0) {
		md_text(md_para(doc), "No anchor for this quarter.");
	} else {
		static const char *const h[] = {"anchor",  "title",
						"owner",   "quarter",
						"shipped", "overdue"};

		md_table(doc, 6, h, "llllrr");
		for (i = 0; i < w->nanchors; i++) {
			const strat_week_anchor *a = &w->anchors[i];

			md_row(doc);
			md_code(md_cell(doc), a->anchor->id.s);
			md_text(md_cell(doc),
				a->anchor->title.s ? a->anchor->title.s : "");
			md_text(md_cell(doc),
				a->anchor->owner.s ? a->anchor->owner.s : "");
			md_text(md_cell(doc), a->anchor->quarter.s);
			md_textf(md_cell(doc), "%zu of %zu", a->shipped,
				 a->planned);
			md_textf(md_cell(doc), "%zu", a->overdue);
		}
		md_table_end(doc);
	}

	week_metrics_md(doc, w);

	md_heading(doc, 2, "Owners");
	if (w->nowners == 0) {
		md_text(md_para(doc), "Nobody has items this week.");
	} else {
		static const char *const h[] = {"owner",     "name",
						"shipped",   "overdue",
						"this week", "next week"};

		md_table(doc, 6, h, "llrrrr");
		for (i = 0; i < w->nowners; i++) {
			const strat_week_owner *o = &w->owners[i];

			md_row(doc);
			md_code(md_cell(doc), o->id);
			md_text(md_cell(doc), o->name ? o->name : "");
			for (s = 0; s < STRAT_WEEK__NSECTIONS; s++)
				md_textf(md_cell(doc), "%zu", o->count[s]);
		}
		md_table_end(doc);
	}
	if (w->measures != NULL)
		stale_md(doc, w->history, w->measures, w->owner);
	if (md_failed(doc) ||
	    (*out = md_render(doc, html ? MD_HTML : MD_GFM)) == NULL) {
		md_free(doc);
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	}
	md_free(doc);
	return 0;
}
