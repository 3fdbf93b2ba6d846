/*
 * review.c - render a plan review (strat/review.h) as Markdown (through
 * lib/markdown.c), JSON or text, into a malloc'd string.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strat/review.h"
#include "json.h"
#include "lint_render.h"
#include "markdown.h"
#include "sbuf.h"

/* s cut to at most max code points (on a character boundary), with "..."
 * when cut; line breaks and tabs become spaces.  Writes into out[size]. */
static const char *
clip(const char *s, size_t max, char *out, size_t size)
{
	size_t i = 0, n = 0, cps = 0, len;
	unsigned char c;

	if (s == NULL)
		return "";
	while (s[i]) {
		c = (unsigned char)s[i];
		len = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
		if (strnlen(s + i, len) < len)
			len = strnlen(s + i, len);
		if (cps == max || n + len + 4 > size) {
			memcpy(out + n, "...", 3);
			n += 3;
			break;
		}
		if (c == '\n' || c == '\r' || c == '\t')
			out[n] = ' ';
		else
			memcpy(out + n, s + i, len);
		n += len;
		i += len;
		cps++;
	}
	out[n] = '\0';
	return out;
}

/* ---------------------------------------------------------------- */
/* Counting and wording shared by the formats. */

typedef struct {
	size_t kind[STRAT_CHANGE__COUNT];
	size_t silent, slips, pullins;
	long slip_days;
	size_t errors, warnings; /* new findings */
	size_t broken;           /* HEAD files that do not parse */
	size_t strategy, calendar, team, metrics;
} tally;

static void
count(const strat_review *r, tally *t)
{
	size_t i, n = strat_changes_count(r->changes);
	const strat_change *c;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < n; i++) {
		c = strat_changes_get(r->changes, i);
		t->kind[c->kind]++;
		if (c->flags & STRAT_CHANGE_SILENT)
			t->silent++;
		if (c->flags & STRAT_CHANGE_SLIP) {
			t->slips++;
			t->slip_days += c->days;
		}
		if (c->flags & STRAT_CHANGE_PULL_IN)
			t->pullins++;
		if (c->area == STRAT_AREA_STRATEGY)
			t->strategy++;
		else if (c->area == STRAT_AREA_CALENDAR)
			t->calendar++;
		else if (c->area == STRAT_AREA_METRICS)
			t->metrics++;
		else
			t->team++;
	}
	t->errors = strat_diags_errors(r->new_findings);
	t->warnings = strat_diags_warnings(r->new_findings);
	t->broken = r->broken ? r->broken->nfiles : 0;
}

int
strat_review_attention(const strat_review *r)
{
	tally t;

	count(r, &t);
	return t.silent > 0 || t.errors > 0 || t.broken > 0;
}

static void
part(sbuf *b, int *first, size_t n, const char *one, const char *many)
{
	if (n == 0)
		return;
	sb_printf(b, "%s%zu %s", *first ? "" : ", ", n, n == 1 ? one : many);
	*first = 0;
}

/* The one-line verdict, without markup. */
static void
verdict(sbuf *b, const strat_review *r, const tally *t)
{
	size_t anchors_changed, other;
	int first = 1;

	if (strat_changes_count(r->changes) == 0 && t->errors == 0 &&
	    t->warnings == 0 && t->broken == 0) {
		sb_puts(b, "no plan changes");
		return;
	}
	sb_puts(b, t->silent || t->errors || t->broken ? "needs attention: "
						       : "plan changes: ");
	part(b, &first, t->broken, "calendar file does not parse",
	     "calendar files do not parse");
	part(b, &first, t->silent,
	     "item removed without being shipped or "
	     "dropped",
	     "items removed without being shipped or dropped");
	part(b, &first, t->errors, "new lint error", "new lint errors");
	part(b, &first, t->kind[STRAT_CHANGE_ANCHOR_ADDED], "anchor added",
	     "anchors added");
	part(b, &first, t->kind[STRAT_CHANGE_ANCHOR_REMOVED], "anchor removed",
	     "anchors removed");
	anchors_changed = t->strategy - t->kind[STRAT_CHANGE_ANCHOR_ADDED] -
			  t->kind[STRAT_CHANGE_ANCHOR_REMOVED];
	part(b, &first, anchors_changed, "other strategy change",
	     "other strategy changes");
	part(b, &first, t->kind[STRAT_CHANGE_ITEM_ADDED], "item added",
	     "items added");
	part(b, &first, t->kind[STRAT_CHANGE_ITEM_REMOVED] - t->silent,
	     "item removed", "items removed");
	if (t->slips) {
		sb_printf(b, "%s%zu %s (%ld days in all)", first ? "" : ", ",
			  t->slips,
			  t->slips == 1 ? "item slipped" : "items slipped",
			  t->slip_days);
		first = 0;
	}
	part(b, &first, t->pullins, "item pulled in", "items pulled in");
	part(b, &first, t->kind[STRAT_CHANGE_ITEM_SHIPPED], "shipped",
	     "shipped");
	part(b, &first, t->kind[STRAT_CHANGE_ITEM_MOVED],
	     "item moved to another file", "items moved to another file");
	part(b, &first, t->kind[STRAT_CHANGE_ITEM_DROPPED], "dropped",
	     "dropped");
	other = t->calendar - t->kind[STRAT_CHANGE_ITEM_ADDED] -
		t->kind[STRAT_CHANGE_ITEM_REMOVED] - t->slips - t->pullins -
		t->kind[STRAT_CHANGE_ITEM_SHIPPED] -
		t->kind[STRAT_CHANGE_ITEM_DROPPED] -
		t->kind[STRAT_CHANGE_ITEM_MOVED];
	part(b, &first, other, "other calendar change",
	     "other calendar changes");
	part(b, &first, t->team, "team change", "team changes");
	part(b, &first, t->metrics, "KPI reading change",
	     "KPI reading changes");
	part(b, &first, t->warnings, "new lint warning", "new lint warnings");
}

/* A short label for a change, for tables and text columns. */
static const char *
label(const strat_change *c)
{
	static const char *const labels[STRAT_CHANGE__COUNT] = {
	    [STRAT_CHANGE_ANCHOR_ADDED] = "anchor added",
	    [STRAT_CHANGE_ANCHOR_REMOVED] = "anchor removed",
	    [STRAT_CHANGE_ANCHOR_RETITLED] = "anchor retitled",
	    [STRAT_CHANGE_ANCHOR_REOWNED] = "anchor re-owned",
	    [STRAT_CHANGE_ANCHOR_MOVED] = "anchor moved",
	    [STRAT_CHANGE_ANCHOR_OUTCOMES] = "anchor outcomes",
	    [STRAT_CHANGE_ANCHOR_DONE] = "anchor done-when",
	    [STRAT_CHANGE_OUTCOME_ADDED] = "outcome added",
	    [STRAT_CHANGE_OUTCOME_REMOVED] = "outcome removed",
	    [STRAT_CHANGE_OUTCOME_CHANGED] = "outcome changed",
	    [STRAT_CHANGE_KPI_ADDED] = "KPI added",
	    [STRAT_CHANGE_KPI_REMOVED] = "KPI removed",
	    [STRAT_CHANGE_KPI_CHANGED] = "KPI changed",
	    [STRAT_CHANGE_THESIS_CHANGED] = "strategy changed",
	    [STRAT_CHANGE_ITEM_ADDED] = "item added",
	    [STRAT_CHANGE_ITEM_REMOVED] = "item removed",
	    [STRAT_CHANGE_ITEM_RETITLED] = "item retitled",
	    [STRAT_CHANGE_ITEM_REDATED] = "item re-dated",
	    [STRAT_CHANGE_ITEM_REOWNED] = "item re-owned",
	    [STRAT_CHANGE_ITEM_REANCHORED] = "item re-anchored",
	    [STRAT_CHANGE_ITEM_SHIPPED] = "item shipped",
	    [STRAT_CHANGE_ITEM_DROPPED] = "item dropped",
	    [STRAT_CHANGE_ITEM_STATUS] = "item status",
	    [STRAT_CHANGE_ITEM_MOVED] = "item moved",
	    [STRAT_CHANGE_PERSON_ADDED] = "person added",
	    [STRAT_CHANGE_PERSON_REMOVED] = "person removed",
	};

	if (c->flags & STRAT_CHANGE_SILENT)
		return "SILENT DROP";
	if (c->flags & STRAT_CHANGE_SLIP)
		return "item slipped";
	if (c->flags & STRAT_CHANGE_PULL_IN)
		return "item pulled in";
	return labels[c->kind] ? labels[c->kind]
			       : strat_change_kind_summary(c->kind);
}

static const char *
plural_days(int32_t d)
{
	return d == 1 || d == -1 ? "day" : "days";
}

/* What happened, in a few words; arrow is "→" or "->". */
static void
detail(sbuf *b, const strat_change *c, const char *arrow)
{
	char x[256], y[256];
	const strat_item *it;
	const strat_anchor *a;

	clip(c->before, 60, x, sizeof(x));
	clip(c->after, 60, y, sizeof(y));
	switch (c->kind) {
	case STRAT_CHANGE_ANCHOR_ADDED:
		a = c->head_anchor;
		if (a)
			sb_printf(b, "%s, owner %s",
				  a->quarter.s ? a->quarter.s : "no quarter",
				  a->owner.s ? a->owner.s : "none");
		break;
	case STRAT_CHANGE_ANCHOR_REMOVED:
		a = c->base_anchor;
		if (a)
			sb_printf(b, "was %s, owner %s",
				  a->quarter.s ? a->quarter.s : "no quarter",
				  a->owner.s ? a->owner.s : "none");
		break;
	case STRAT_CHANGE_ITEM_ADDED:
		it = c->head_item;
		if (it) {
			char d[64];

			clip(it->date_text.s ? it->date_text.s : "no date", 20,
			     d, sizeof(d));
			sb_printf(b, "%s, owner %s, anchor %s", d,
				  it->owner.s ? it->owner.s : "none",
				  it->anchor.s ? it->anchor.s : "none");
		}
		break;
	case STRAT_CHANGE_ITEM_REMOVED:
		if (c->flags & STRAT_CHANGE_SILENT)
			sb_printf(b,
				  "was %s; removed without being shipped "
				  "or dropped",
				  x);
		else
			sb_printf(b, "was %s", x);
		break;
	case STRAT_CHANGE_ITEM_REDATED:
		sb_printf(b, "%s %s %s", x, arrow, y);
		if (c->flags & STRAT_CHANGE_SLIP)
			sb_printf(b, " (slipped %d %s)", c->days,
				  plural_days(c->days));
		else if (c->flags & STRAT_CHANGE_PULL_IN)
			sb_printf(b, " (pulled in %d %s)", -c->days,
				  plural_days(c->days));
		break;
	case STRAT_CHANGE_ITEM_SHIPPED:
		it = c->head_item;
		if (it && it->shipped != STRAT_NO_DATE) {
			char d[11];

			strat_date_format(it->shipped, d);
			sb_printf(b, "on %s", d);
			if (it->date != STRAT_NO_DATE) {
				if (c->days > 0)
					sb_printf(b, ", %d %s late", c->days,
						  plural_days(c->days));
				else if (c->days < 0)
					sb_printf(b, ", %d %s early", -c->days,
						  plural_days(c->days));
				else
					sb_puts(b, ", on the planned date");
			}
		} else {
			sb_printf(b, "was %s", x);
		}
		break;
	case STRAT_CHANGE_ITEM_DROPPED:
		sb_printf(b, "was %s", x);
		break;
	case STRAT_CHANGE_PERSON_ADDED:
	case STRAT_CHANGE_PERSON_REMOVED:
	case STRAT_CHANGE_OUTCOME_ADDED:
	case STRAT_CHANGE_OUTCOME_REMOVED:
	case STRAT_CHANGE_KPI_ADDED:
	case STRAT_CHANGE_KPI_REMOVED:
		if (c->gained_by)
			sb_printf(b, "owner %s", c->gained_by);
		else if (c->lost_by)
			sb_printf(b, "owner was %s", c->lost_by);
		break;
	default:
		sb_printf(b, "%s %s %s", c->before ? x : "(none)", arrow,
			  c->after ? y : "(none)");
	}
}

/* ---------------------------------------------------------------- */
/* Ownership: what each person gains or loses. */

typedef struct {
	const char *person;
	const strat_change *c;
	int gain;
} own;

static int
own_cmp(const void *a, const void *b)
{
	const own *x = a, *y = b;
	int c = strcmp(x->person, y->person);

	if (c)
		return c;
	if (x->gain != y->gain)
		return y->gain - x->gain; /* gains first */
	return x->c < y->c ? -1 : x->c > y->c;
}

/* The owner changes sorted by person; *n entries; NULL on ENOMEM. */
static own *
ownership(const strat_review *r, size_t *n)
{
	size_t i, k = 0, nc = strat_changes_count(r->changes);
	own *v = malloc((2 * nc + 1) * sizeof(*v));
	const strat_change *c;

	if (v == NULL)
		return NULL;
	for (i = 0; i < nc; i++) {
		c = strat_changes_get(r->changes, i);
		if (c->gained_by) {
			v[k].person = c->gained_by;
			v[k].c = c;
			v[k++].gain = 1;
		}
		if (c->lost_by) {
			v[k].person = c->lost_by;
			v[k].c = c;
			v[k++].gain = 0;
		}
	}
	qsort(v, k, sizeof(*v), own_cmp);
	*n = k;
	return v;
}

static const char *
object_noun(strat_change_kind k)
{
	const char *id = strat_change_kind_id(k);

	if (strncmp(id, "anchor", 6) == 0)
		return "anchor";
	if (strncmp(id, "outcome", 7) == 0)
		return "outcome";
	if (strncmp(id, "kpi", 3) == 0)
		return "KPI";
	if (strncmp(id, "thesis", 6) == 0)
		return "strategy";
	if (strncmp(id, "reading", 7) == 0)
		return "reading";
	return "item";
}

/* ---------------------------------------------------------------- */
/* Markdown */

static const char *
label_of(const char *s, const char *dflt)
{
	return s && *s ? s : dflt;
}

static size_t
max_rows(const strat_review *r)
{
	return r->max_rows ? r->max_rows : 40;
}

static void
md_more(md_doc *d, size_t more, const char *what)
{
	md_block *p;

	if (more == 0)
		return;
	p = md_para(d);
	md_textf(p, "... and %zu more %s; run ", more, what);
	md_code(p, "strat diff");
	md_text(p, " locally for the full list.");
}

/* Rows are shown in two passes: those that need attention (pass 0),
 * then the others (pass 1). */
static int
attention_pass(const strat_change *c, int pass)
{
	return !(c->flags & STRAT_CHANGE_SILENT) == (pass == 1);
}

static const strat_review_why *
why_of(const strat_review *r, const strat_change *c)
{
	size_t i;

	for (i = 0; r->why != NULL && i < r->nwhy; i++)
		if (r->why[i].change == c && r->why[i].reason != NULL)
			return &r->why[i];
	return NULL;
}

/* "; why: REASON (AUTHOR)" after the detail of a slip or drop. */
static void
why_text(sbuf *b, const strat_review *r, const strat_change *c)
{
	const strat_review_why *y = why_of(r, c);

	if (y != NULL)
		sb_printf(b, "; why: %s (%s)", y->reason,
			  y->author ? y->author : "unknown");
}

static void
md_changes(md_doc *d, const strat_review *r, strat_change_area area,
	   const char *heading)
{
	static const char *const hdr[] = {"Change", "Id", "Title", "Details"};
	size_t i, n = strat_changes_count(r->changes), rows = 0, more = 0;
	int pass;
	const strat_change *c;
	char t[256];
	md_block *cell;
	sbuf b = {0};

	for (i = 0; i < n; i++)
		if (strat_changes_get(r->changes, i)->area == area)
			break;
	if (i == n)
		return;
	md_heading(d, 3, heading);
	md_table(d, 4, hdr, "llll");
	/* needs-attention rows (silent drops) first, then the rest */
	for (i = 0, pass = 0; pass < 2; i = 0, pass++)
		for (; i < n; i++) {
			c = strat_changes_get(r->changes, i);
			if (c->area != area || !attention_pass(c, pass))
				continue;
			if (rows == max_rows(r)) {
				more++;
				continue;
			}
			rows++;
			md_row(d);
			cell = md_cell(d);
			if (c->flags & STRAT_CHANGE_SILENT)
				md_strong(cell, "silent drop");
			else
				md_text(cell, label(c));
			md_code(md_cell(d), c->id);
			md_text(md_cell(d), clip(c->title, 60, t, sizeof(t)));
			b.len = 0;
			detail(&b, c, "\xe2\x86\x92"); /* → */
			why_text(&b, r, c);
			md_text(md_cell(d), b.s && !b.failed ? b.s : "");
		}
	md_table_end(d);
	free(b.s);
	md_more(d, more, "changes");
}

/* One person's gains (gain = 1) or losses, at most 8 named. */
static void
md_owned(md_block *cell, const own *v, size_t n, int gain)
{
	size_t k, shown = 0, total = 0;

	for (k = 0; k < n; k++) {
		if (v[k].gain != gain)
			continue;
		if (total++ >= 8)
			continue;
		md_textf(cell, "%s%s ", shown ? ", " : "",
			 object_noun(v[k].c->kind));
		md_code(cell, v[k].c->id);
		shown++;
	}
	if (total > shown)
		md_textf(cell, " and %zu more", total - shown);
}

static void
md_ownership(md_doc *d, const strat_review *r, int *failed)
{
	static const char *const hdr[] = {"Person", "Gains", "Loses"};
	size_t n, i, j, rows = 0, more = 0;
	own *v = ownership(r, &n);
	md_block *gain, *lose;

	if (v == NULL) {
		*failed = 1;
		return;
	}
	if (n > 0) {
		md_heading(d, 3, "Ownership");
		md_table(d, 3, hdr, "lll");
	}
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && strcmp(v[j].person, v[i].person) == 0; j++)
			;
		if (rows == max_rows(r)) {
			more++;
			continue;
		}
		rows++;
		md_row(d);
		md_code(md_cell(d), v[i].person);
		gain = md_cell(d);
		md_owned(gain, v + i, j - i, 1);
		lose = md_cell(d);
		md_owned(lose, v + i, j - i, 0);
	}
	if (n > 0)
		md_table_end(d);
	md_more(d, more, "people");
	free(v);
}

static void
md_lint(md_doc *d, const strat_review *r)
{
	md_block *p;

	if (r->new_findings == NULL)
		return;
	md_heading(d, 3, "Lint");
	if (strat_diags_count(r->new_findings) == 0) {
		p = md_para(d);
		md_textf(p, "No new findings in %s.",
			 label_of(r->head_label, "HEAD"));
		return;
	}
	p = md_para(d);
	md_textf(p, "Findings in %s that %s did not have:",
		 label_of(r->head_label, "HEAD"),
		 label_of(r->base_label, "BASE"));
	lint_md_list(d, r->new_findings, max_rows(r));
}

static int
render_md(char **out, const strat_review *r)
{
	md_doc *d = md_new();
	md_block *p;
	sbuf v = {0};
	tally t;
	int failed = 0;

	if (d == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	count(r, &t);
	verdict(&v, r, &t);
	p = md_para(d);
	md_strong(p, "strat diff");
	md_text(p, " \xe2\x80\x94 "); /* — */
	md_text(p, v.s ? v.s : "");
	p = md_para(d);
	md_text(p, "Plan changes from ");
	md_code(p, label_of(r->base_label, "BASE"));
	md_text(p, " to ");
	md_code(p, label_of(r->head_label, "HEAD"));
	if (r->plan_dir && r->plan_dir[0]) {
		md_text(p, " in ");
		md_code(p, r->plan_dir);
	}
	md_text(p, ".");
	if (t.broken) {
		size_t i;
		char hex[41];

		md_heading(d, 3, "Does not parse");
		md_list(d);
		for (i = 0; i < t.broken; i++) {
			const strat_mend *f = &r->broken->files[i];

			p = md_item(d);
			md_code(p, f->file);
			md_textf(p, " line %u, column %u: %s; ", f->line,
				 f->column, f->message);
			strat_oid_fmt(&f->commit, hex);
			hex[7] = '\0';
			if (f->found) {
				md_text(p, "its items are compared from ");
				md_code(p, hex);
				md_text(p, ", the last version that parsed.");
			} else {
				md_text(p, "no version of it parsed: its items "
					   "are left out.");
			}
		}
		md_list_end(d);
	}
	md_changes(d, r, STRAT_AREA_STRATEGY, "Strategy");
	md_changes(d, r, STRAT_AREA_CALENDAR, "Calendar");
	md_ownership(d, r, &failed);
	md_changes(d, r, STRAT_AREA_TEAM, "Team");
	md_changes(d, r, STRAT_AREA_METRICS, "Metrics");
	md_lint(d, r);
	*out = failed || v.failed || md_failed(d) ? NULL : md_render(d, MD_GFM);
	free(v.s);
	md_free(d);
	if (*out == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	return 0;
}

/* ---------------------------------------------------------------- */
/* JSON */

static void
json_change(json_w *w, const strat_review *r, const strat_change *c)
{
	const strat_review_why *y = why_of(r, c);

	jw_obj(w, JW_ROW);
	jw_kstr(w, "kind", strat_change_kind_id(c->kind));
	jw_kstr(w, "area", strat_change_area_name(c->area));
	jw_kstr(w, "id", c->id);
	jw_kstr(w, "title", c->title);
	jw_kstr(w, "file", c->file);
	jw_kuint(w, "line", c->line);
	jw_kstr(w, "before", c->before);
	jw_kstr(w, "after", c->after);
	jw_kint(w, "days", c->days);
	jw_kbool(w, "silent", c->flags & STRAT_CHANGE_SILENT);
	jw_kbool(w, "slip", c->flags & STRAT_CHANGE_SLIP);
	jw_kbool(w, "pull_in", c->flags & STRAT_CHANGE_PULL_IN);
	jw_kstr(w, "gained_by", c->gained_by);
	jw_kstr(w, "lost_by", c->lost_by);
	if (y != NULL) {
		jw_kstr(w, "why", y->reason);
		jw_kstr(w, "why_author", y->author);
	}
	jw_end(w);
}

static int
render_json(char **out, const strat_review *r)
{
	sbuf b = {0}, v = {0};
	size_t i, j, k, n = strat_changes_count(r->changes), no;
	own *o;
	tally t;
	json_w w;

	count(r, &t);
	verdict(&v, r, &t);
	jw_init(&w, &b);
	jw_obj(&w, JW_BLOCK);
	jw_kint(&w, "version", 1);
	jw_kstr(&w, "base", r->base_label);
	jw_kstr(&w, "head", r->head_label);
	jw_kstr(&w, "plan_dir", r->plan_dir ? r->plan_dir : "");
	jw_kstr(&w, "verdict", v.s ? v.s : "");
	jw_kbool(&w, "attention", t.silent || t.errors || t.broken);
	jw_key(&w, "broken");
	jw_arr(&w, JW_BLOCK);
	for (i = 0; i < t.broken; i++) {
		const strat_mend *f = &r->broken->files[i];
		char hex[41];

		strat_oid_fmt(&f->commit, hex);
		jw_obj(&w, JW_ROW);
		jw_kstr(&w, "file", f->file);
		jw_kuint(&w, "line", f->line);
		jw_kuint(&w, "column", f->column);
		jw_kstr(&w, "message", f->message);
		jw_kstr(&w, "stands_in", f->found ? hex : NULL);
		jw_end(&w);
	}
	jw_end(&w);
	jw_key(&w, "counts");
	jw_obj(&w, JW_ROW);
	for (i = 0; i < STRAT_CHANGE__COUNT; i++)
		jw_kuint(&w, strat_change_kind_id((strat_change_kind)i),
			 t.kind[i]);
	jw_kuint(&w, "silent-drop", t.silent);
	jw_kuint(&w, "slip", t.slips);
	jw_kuint(&w, "pull-in", t.pullins);
	jw_kint(&w, "slip-days", t.slip_days);
	jw_end(&w);
	jw_key(&w, "changes");
	jw_arr(&w, JW_BLOCK);
	for (i = 0; i < n; i++)
		json_change(&w, r, strat_changes_get(r->changes, i));
	jw_end(&w);
	jw_key(&w, "ownership");
	jw_arr(&w, JW_BLOCK);
	if ((o = ownership(r, &no)) == NULL)
		b.failed = 1;
	for (i = 0; o && i < no; i = j) {
		for (j = i; j < no && strcmp(o[j].person, o[i].person) == 0;
		     j++)
			;
		jw_obj(&w, JW_ROW);
		jw_kstr(&w, "person", o[i].person);
		for (int gain = 1; gain >= 0; gain--) {
			jw_key(&w, gain ? "gains" : "loses");
			jw_arr(&w, JW_ROW);
			for (k = i; k < j; k++) {
				if (o[k].gain != gain)
					continue;
				jw_obj(&w, JW_ROW);
				jw_kstr(&w, "object",
					object_noun(o[k].c->kind));
				jw_kstr(&w, "id", o[k].c->id);
				jw_kstr(&w, "kind",
					strat_change_kind_id(o[k].c->kind));
				jw_end(&w);
			}
			jw_end(&w);
		}
		jw_end(&w);
	}
	free(o);
	jw_end(&w);
	jw_key(&w, "new_findings");
	if (r->new_findings == NULL)
		jw_null(&w);
	else
		lint_json_findings(&w, r->new_findings);
	jw_finish(&w);
	free(v.s);
	if (b.failed) {
		free(b.s);
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	}
	*out = b.s;
	return 0;
}

/* ---------------------------------------------------------------- */
/* Text */

static void
text_changes(sbuf *b, const strat_review *r, strat_change_area area)
{
	size_t i, n = strat_changes_count(r->changes), rows = 0, mark;
	const strat_change *c;
	char t[256];
	int pass;

	/* needs-attention rows (silent drops) first, then the rest */
	for (i = 0, pass = 0; pass < 2; i = 0, pass++)
		for (; i < n; i++) {
			c = strat_changes_get(r->changes, i);
			if (c->area != area || !attention_pass(c, pass))
				continue;
			if (rows++ == 0)
				sb_printf(b, "\n%s:\n",
					  strat_change_area_name(area));
			if (rows > max_rows(r))
				continue;
			sb_printf(b, "  %-17s %s", label(c), c->id);
			if (c->title)
				sb_printf(b, " '%s'",
					  clip(c->title, 50, t, sizeof(t)));
			mark = b->len;
			sb_puts(b, ": ");
			detail(b, c, "->");
			why_text(b, r, c);
			if (!b->failed && b->len == mark + 2) { /* no detail */
				b->len = mark;
				b->s[mark] = '\0';
			}
			sb_puts(b, "\n");
		}
	if (rows > max_rows(r))
		sb_printf(b,
			  "  ... and %zu more rows, left out by "
			  "--max-rows %zu\n",
			  rows - max_rows(r), max_rows(r));
}

static int
render_text(char **out, const strat_review *r)
{
	sbuf b = {0}, safe = {0};
	const char *p, *nl;
	size_t i, j, k, n;
	own *o;
	tally t;

	count(r, &t);
	sb_printf(&b, "%s..%s: ", label_of(r->base_label, "BASE"),
		  label_of(r->head_label, "HEAD"));
	verdict(&b, r, &t);
	sb_puts(&b, "\n");
	for (i = 0; i < t.broken; i++) {
		const strat_mend *f = &r->broken->files[i];
		char hex[41];

		strat_oid_fmt(&f->commit, hex);
		sb_printf(&b, "%s  %s:%u:%u: %s\n",
			  i ? "" : "\ndoes not parse:\n", f->file, f->line,
			  f->column, f->message);
		if (f->found)
			sb_printf(&b,
				  "    its items are compared from %.7s, "
				  "the last version that parsed\n",
				  hex);
		else
			sb_puts(&b, "    no version of it parsed: its items "
				    "are left out\n");
	}
	text_changes(&b, r, STRAT_AREA_STRATEGY);
	text_changes(&b, r, STRAT_AREA_CALENDAR);
	if ((o = ownership(r, &n)) == NULL)
		b.failed = 1;
	if (o && n)
		sb_puts(&b, "\nownership:\n");
	for (i = 0; o && i < n; i = j) {
		for (j = i; j < n && strcmp(o[j].person, o[i].person) == 0; j++)
			;
		sb_printf(&b, "  %s:", o[i].person);
		for (k = i; k < j; k++)
			sb_printf(&b, " %c%s %s", o[k].gain ? '+' : '-',
				  object_noun(o[k].c->kind), o[k].c->id);
		sb_puts(&b, "\n");
	}
	free(o);
	text_changes(&b, r, STRAT_AREA_TEAM);
	text_changes(&b, r, STRAT_AREA_METRICS);
	if (r->new_findings) {
		n = strat_diags_count(r->new_findings);
		sb_printf(&b, "\nlint: %zu new %s\n", n,
			  n == 1 ? "finding" : "findings");
		for (i = 0; i < n; i++) {
			const strat_diag *g =
			    strat_diags_get(r->new_findings, i);

			sb_printf(&b, "  %s", g->file);
			if (g->line)
				sb_printf(&b, ":%u:%u", g->line, g->column);
			sb_printf(&b, ": %s: %s [%s]\n",
				  strat_severity_name(g->severity), g->message,
				  strat_rule_id(g->rule));
		}
	}
	/* for a terminal: control characters made harmless, line by line */
	for (p = b.s; p != NULL && *p; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL) {
			sb_safes(&safe, p);
			break;
		}
		sb_safe(&safe, p, (size_t)(nl - p));
		sb_puts(&safe, "\n");
	}
	free(b.s);
	if (b.failed || (*out = sb_finish(&safe)) == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	return 0;
}

int
strat_review_render(char **out, const strat_review *r,
		    const strat_render_options *o)
{
	*out = NULL;
	switch (o->format) {
	case STRAT_FORMAT_MD:
		return render_md(out, r);
	case STRAT_FORMAT_JSON:
		return render_json(out, r);
	case STRAT_FORMAT_TEXT:
		return render_text(out, r);
	default:
		return strat_error_set(STRAT_EUSAGE, "review has no %s format",
				       strat_format_name(o->format));
	}
}
