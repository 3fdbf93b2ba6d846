/*
 * week_metrics.c - the Metrics section of the weekly check-in: is the
 * output moving the metrics?  For every KPI the anchors of the week's
 * quarter name (through their outcomes or done-when) or items of that
 * quarter name: its latest reading, the change since the last reading
 * before the week began, the trend for its direction, the target and the
 * progress from baseline to target, and how long since its last reading
 * (spec/SPEC.md, section 14, "The check-in").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "markdown.h"
#include "week_impl.h"

/* Does an anchor of the week's quarter, or an item of it, name kpi k? */
static int
named(const strat_plan *plan, const strat_kseries *s, int y, int q,
      const strat_week *w)
{
	size_t i, n = strat_plan_item_count(plan);
	strat_day q0 = strat_quarter_start(y, q), q1 = strat_quarter_end(y, q);

	for (i = 0; i < s->nanchors; i++)
		if (s->anchors[i]->year == y && s->anchors[i]->q == q)
			return 1;
	for (i = 0; i < n; i++) {
		const strat_item *it = strat_plan_item(plan, i);

		if (it->kpi.s && it->date != STRAT_NO_DATE && it->date >= q0 &&
		    it->date <= q1 && strcmp(it->kpi.s, s->kpi->id.s) == 0 &&
		    (w->owner == NULL ||
		     (it->owner.s && strcmp(it->owner.s, w->owner) == 0)))
			return 1;
	}
	return 0;
}

int
week_metrics_build(strat_week *w, const strat_plan *plan)
{
	strat_kpiset *k = NULL;
	size_t i;
	int y, m, d;

	if (strat_plan_metrics_count(plan) == 0)
		return 0;
	w->has_metrics = 1;
	w->stale_days = strat_plan_config(plan)->stale_days;
	if (strat_kpiset_build(&k, plan, NULL, NULL, NULL) < 0)
		return -1;
	w->kpiset = k;
	if (k->n && (w->kpis = calloc(k->n, sizeof(*w->kpis))) == NULL)
		return -1;
	strat_date_to_ymd(w->date, &y, &m, &d);
	for (i = 0; i < k->n; i++) {
		const strat_kseries *s = &k->series[i];
		strat_week_kpi *wk;

		if (!named(plan, s, y, (m - 1) / 3 + 1, w))
			continue;
		wk = &w->kpis[w->nkpis++];
		wk->kpi = s->kpi;
		wk->latest = strat_kseries_at(s, w->date);
		wk->previous = strat_kseries_at(s, w->start - 1);
		if (wk->latest && wk->previous &&
		    wk->latest->date >= w->start) {
			wk->has_change = 1;
			wk->change = strat_kpi_change(wk->latest->value,
						      wk->previous->value);
			wk->trend = strat_kseries_compare(s, wk->change, 0);
		}
		wk->has_target = s->has_target;
		wk->target = s->target;
		wk->target_date = s->target_date;
		if (wk->latest && strat_kseries_progress(s, wk->latest->value,
							 &wk->progress) == 0)
			wk->has_progress = 1;
		wk->days =
		    wk->latest ? (int32_t)(w->date - wk->latest->date) : -1;
		wk->stale = wk->days < 0 || wk->days > w->stale_days;
	}
	return 0;
}

void
week_metrics_free(strat_week *w)
{
	free(w->kpis);
	strat_kpiset_free(w->kpiset);
}

/* "+12 better", "-3 worse", "0 level"; "no reading this week". */
static void
change_text(const strat_week_kpi *k, char *out, size_t size)
{
	char v[32];

	if (!k->has_change) {
		snprintf(out, size, "%s", k->latest ? "no new reading" : "-");
		return;
	}
	strat_number_format(k->change, v);
	snprintf(out, size, "%s%s %s", k->change > 0 ? "+" : "", v,
		 k->trend > 0   ? "better"
		 : k->trend < 0 ? "worse"
				: "level");
}

static const char *
trend_mark(const strat_week_kpi *k)
{
	if (k->latest == NULL)
		return " ";
	if (!k->has_change || k->change == 0)
		return "=";
	return k->change > 0 ? "\xE2\x86\x91" : "\xE2\x86\x93"; /* ↑ ↓ */
}

static void
target_text(const strat_week_kpi *k, char *out, size_t size)
{
	char d[11] = "";

	if (k->kpi->target.s == NULL) {
		snprintf(out, size, "-");
		return;
	}
	if (k->target_date != STRAT_NO_DATE)
		strat_date_format(k->target_date, d);
	snprintf(out, size, "%s%s%s%s", k->kpi->target.s,
		 k->kpi->down ? " (down)" : "", d[0] ? " by " : "", d);
}

static void
stale_text(const strat_week *w, const strat_week_kpi *k, char *out, size_t size)
{
	out[0] = '\0';
	if (k->latest == NULL)
		snprintf(out, size, "no reading yet");
	else if (k->stale)
		snprintf(out, size, "no reading for %ld days", (long)k->days);
	(void)w;
}

void
week_metrics_text(sbuf *b, const strat_week *w, int color)
{
	char v[32], d[11], t[160], c[64], ch[80];
	size_t i;

	if (!w->has_metrics)
		return;
	week_text_heading(b, color, "Metrics",
			  " (latest reading, change this week, progress, "
			  "target)");
	if (w->nkpis == 0)
		sb_puts(b, "  no KPI for this quarter\n");
	for (i = 0; i < w->nkpis; i++) {
		const strat_week_kpi *k = &w->kpis[i];

		sb_puts(b, "  ");
		week_text_fit(b, k->kpi->id.s, 13, 1);
		if (k->latest) {
			strat_number_format(k->latest->value, v);
			strat_date_format(k->latest->date, d);
			sb_printf(b, " %8s  %s  ", v, d);
		} else {
			sb_printf(b, " %8s  %10s  ", "-", "");
		}
		change_text(k, c, sizeof(c));
		snprintf(ch, sizeof(ch), "%s %s", trend_mark(k), c);
		week_text_fit(b, ch, 16, 1);
		if (k->has_progress)
			sb_printf(b, "  %3ld%%",
				  (long)(k->progress * 100 +
					 (k->progress >= 0 ? 0.5 : -0.5)));
		else
			sb_puts(b, "     -");
		sb_puts(b, "  ");
		if (k->stale) {
			/* short, to keep within 80 columns */
			if (k->latest == NULL)
				snprintf(t, sizeof(t), "no reading yet");
			else
				snprintf(t, sizeof(t), "no reading in %ldd",
					 (long)k->days);
			sb_puts(b, color ? "\033[31m" : "");
			week_text_fit(b, t, 18, 0);
			sb_puts(b, color ? "\033[0m" : "");
		} else {
			target_text(k, t, sizeof(t));
			week_text_fit(b, t, 18, 0);
		}
		sb_puts(b, "\n");
	}
}

void
week_metrics_md(md_doc *doc, const strat_week *w)
{
	static const char *const h[] = {"KPI",    "latest",   "date", "change",
					"target", "progress", "note"};
	char v[32], d[11], t[160], c[64], st[64];
	size_t i;

	if (!w->has_metrics)
		return;
	md_heading(doc, 2, "Metrics");
	if (w->nkpis == 0) {
		md_text(md_para(doc), "No KPI for this quarter.");
		return;
	}
	md_table(doc, 7, h, "lrllrrl");
	for (i = 0; i < w->nkpis; i++) {
		const strat_week_kpi *k = &w->kpis[i];

		md_row(doc);
		md_code(md_cell(doc), k->kpi->id.s);
		if (k->latest) {
			strat_number_format(k->latest->value, v);
			strat_date_format(k->latest->date, d);
			md_text(md_cell(doc), v);
			md_text(md_cell(doc), d);
		} else {
			md_text(md_cell(doc), "-");
			md_text(md_cell(doc), "-");
		}
		change_text(k, c, sizeof(c));
		md_textf(md_cell(doc), "%s %s", trend_mark(k), c);
		target_text(k, t, sizeof(t));
		md_text(md_cell(doc), t);
		if (k->has_progress)
			md_textf(md_cell(doc), "%ld%%",
				 (long)(k->progress * 100 +
					(k->progress >= 0 ? 0.5 : -0.5)));
		else
			md_text(md_cell(doc), "-");
		stale_text(w, k, st, sizeof(st));
		md_text(md_cell(doc), st);
	}
	md_table_end(doc);
}

static void
json_point(json_w *j, const char *key, const strat_kpoint *p)
{
	char d[11];

	jw_key(j, key);
	if (p == NULL) {
		jw_null(j);
		return;
	}
	strat_date_format(p->date, d);
	jw_obj(j, JW_ROW);
	jw_kstr(j, "date", d);
	jw_key(j, "value");
	jw_number(j, p->value);
	jw_end(j);
}

void
week_metrics_json(json_w *j, const strat_week *w)
{
	char d[11];
	size_t i;

	if (!w->has_metrics)
		return;
	jw_key(j, "kpis");
	jw_arr(j, JW_BLOCK);
	for (i = 0; i < w->nkpis; i++) {
		const strat_week_kpi *k = &w->kpis[i];

		jw_obj(j, JW_ROW);
		jw_kstr(j, "id", k->kpi->id.s);
		jw_kstr(j, "title", k->kpi->title.s);
		jw_kstr(j, "unit", k->kpi->unit.s);
		jw_kstr(j, "direction", k->kpi->down ? "down" : "up");
		json_point(j, "latest", k->latest);
		json_point(j, "previous", k->previous);
		jw_key(j, "change");
		if (k->has_change)
			jw_number(j, k->change);
		else
			jw_null(j);
		jw_kstr(j, "trend",
			!k->has_change ? NULL
			: k->trend > 0 ? "better"
			: k->trend < 0 ? "worse"
				       : "level");
		jw_key(j, "target");
		if (k->has_target)
			jw_number(j, k->target);
		else
			jw_null(j);
		jw_key(j, "target_date");
		if (k->target_date != STRAT_NO_DATE) {
			strat_date_format(k->target_date, d);
			jw_str(j, d);
		} else {
			jw_null(j);
		}
		jw_key(j, "progress");
		if (k->has_progress) /* a fraction to 4 decimals, as report */
			jw_number(
			    j, (double)(long long)(k->progress * 10000 +
						   (k->progress >= 0 ? 0.5
								     : -0.5)) /
				   10000);
		else
			jw_null(j);
		jw_key(j, "days_since_reading");
		if (k->days >= 0)
			jw_int(j, k->days);
		else
			jw_null(j);
		jw_kbool(j, "stale", k->stale);
		jw_end(j);
	}
	jw_end(j);
}
