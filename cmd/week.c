/* week.c - 'strat week': the weekly check-in. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static const char week_usage[] =
	"usage: strat week [--date YYYY-MM-DD] [--owner ID] "
	"[--format text|md|json]\n"
	"                  [--color auto|always|never] [-C DIR]\n";

enum { FMT_TEXT, FMT_MD, FMT_JSON };

#define C_BOLD "\033[1m"
#define C_RED "\033[31m"
#define C_GREEN "\033[32m"
#define C_DIM "\033[2m"
#define C_OFF "\033[0m"

/*
 * A source reading the subdirectory prefix/ of another source, for a plan
 * that lives below the top of its git work tree.
 */
typedef struct {
	const strat_source *inner;
	const char *prefix; /* "dir/sub/" */
	size_t len;
	int (*add)(void *, const char *);
	void *arg;
} subsrc;

static int
sub_add(void *arg, const char *path)
{
	subsrc *s = arg;

	if (strncmp(path, s->prefix, s->len) != 0 || path[s->len] == '\0')
		return 0;
	return s->add(s->arg, path + s->len);
}

static int
sub_list(void *ctx, int (*add)(void *, const char *), void *arg)
{
	subsrc *s = ctx;

	s->add = add;
	s->arg = arg;
	return s->inner->list(s->inner->ctx, sub_add, s);
}

static int
sub_read(void *ctx, const char *path, char **buf, size_t *len)
{
	subsrc *s = ctx;
	char *p = malloc(s->len + strlen(path) + 1);
	int rc;

	if (p == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	memcpy(p, s->prefix, s->len);
	strcpy(p + s->len, path);
	rc = s->inner->read(s->inner->ctx, p, buf, len);
	free(p);
	return rc;
}

/* How the "changed" section was found (or why not). */
typedef struct {
	strat_repo *repo;
	strat_plan *base;
	char note[256];
	char commit[41];
	strat_day commit_day;
} history;

/*
 * The plan of the newest commit (first-parent from HEAD) made before the
 * week began, read from the plan's directory within the work tree.
 */
static int
find_base(history *h, const char *root, strat_day start)
{
	strat_oid head;
	strat_walk *walk = NULL;
	strat_commit c;
	strat_source src, sub;
	subsrc ss;
	strat_diags *diags = NULL;
	strat_load_options lo = STRAT_LOAD_OPTIONS_INIT;
	const char *wd;
	char day[11];
	int rc, found = 0;

	strat_date_format(start, day);
	if ((rc = cmd_repo_open(&h->repo, root)) < 0) {
		if (rc == STRAT_ENOTFOUND)
			snprintf(h->note, sizeof(h->note),
				 "Not in a git repository: what changed since "
				 "last week is not shown.");
		else {
			die_msg("warning: %s", strat_error_last());
			snprintf(h->note, sizeof(h->note),
				 "Git history unavailable: what changed since "
				 "last week is not shown.");
		}
		return 0;
	}
	if (strat_repo_is_empty(h->repo) ||
	    strat_repo_resolve(h->repo, "HEAD", &head) < 0) {
		snprintf(h->note, sizeof(h->note),
			 "No commit yet: what changed since last week is not "
			 "shown.");
		return 0;
	}
	if ((rc = strat_walk_new(&walk, h->repo, &head, 0)) < 0)
		return rc;
	while ((rc = strat_walk_next(walk, &c)) == 1)
		if (c.time < (int64_t)start * 86400) {
			found = 1;
			break;
		}
	if (rc < 0 && rc != STRAT_ESHALLOW) {
		strat_walk_free(walk);
		return rc;
	}
	if (!found) {
		snprintf(h->note, sizeof(h->note),
			 "No commit before %s%s: what changed since last week "
			 "is not shown.",
			 day,
			 strat_walk_truncated(walk) ? " (shallow clone)" : "");
		strat_walk_free(walk);
		return 0;
	}
	strat_walk_free(walk);
	strat_oid_fmt(&c.id, h->commit);
	h->commit_day = (strat_day)(c.time / 86400);
	if ((rc = strat_source_commit(&src, h->repo, &c.id)) < 0)
		return rc;
	wd = strat_repo_workdir(h->repo);
	memset(&ss, 0, sizeof(ss));
	sub = src;
	if (wd != NULL && strncmp(root, wd, strlen(wd)) == 0 &&
	    root[strlen(wd)] != '\0') {
		char *p = malloc(strlen(root) - strlen(wd) + 2);

		if (p == NULL) {
			strat_source_git_free(&src);
			return strat_error_set(STRAT_ENOMEM, "out of memory");
		}
		sprintf(p, "%s/", root + strlen(wd));
		ss.inner = &src;
		ss.prefix = p;
		ss.len = strlen(p);
		sub.list = sub_list;
		sub.read = sub_read;
		sub.stat = NULL;
		sub.ctx = &ss;
	}
	if ((rc = strat_diags_new(&diags)) == 0)
		rc = strat_plan_load(&h->base, &sub, &lo, diags);
	strat_diags_free(diags);
	free((char *)ss.prefix);
	strat_source_git_free(&src);
	if (rc < 0)
		return rc;
	strat_date_format(h->commit_day, day);
	snprintf(h->note, sizeof(h->note),
		 "Compared with %.7s (%s), the last commit before the week "
		 "began.",
		 h->commit, day);
	return 0;
}

/* s sanitised (control characters as '?') and fitted to width code
 * points: cut with an ellipsis, or padded with spaces when pad. */
static void
fit(FILE *f, const char *s, size_t width, int pad)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t cps = 0, i, n = strlen((const char *)p), cut = n, used;

	for (i = 0; i < n; i++)
		if ((p[i] & 0xC0) != 0x80 && ++cps == width)
			cut = i; /* start of the width-th code point */
	if (cps > width) {
		term_putn(f, (const char *)p, cut);
		fputs("\xE2\x80\xA6", f); /* U+2026 HORIZONTAL ELLIPSIS */
		used = width;
	} else {
		term_puts(f, (const char *)p);
		used = cps;
	}
	for (; pad && used < width; used++)
		fputc(' ', f);
}

static void
heading(FILE *f, int color, const char *text, const char *extra)
{
	fprintf(f, "\n%s%s%s%s\n", color ? C_BOLD : "", text,
		color ? C_OFF : "", extra ? extra : "");
}

static void
text_items(FILE *f, const strat_week *w, int s, int color)
{
	size_t i;
	char date[11], range[40], a[11], b[11];

	if (s == STRAT_WEEK_SHIPPED) {
		strat_date_format(w->start - 7, a);
		strat_date_format(w->start - 1, b);
	} else if (s == STRAT_WEEK_THIS || s == STRAT_WEEK_NEXT) {
		strat_date_format(w->start + (s == STRAT_WEEK_NEXT ? 7 : 0), a);
		strat_date_format(w->end + (s == STRAT_WEEK_NEXT ? 7 : 0), b);
	}
	if (s == STRAT_WEEK_OVERDUE)
		snprintf(range, sizeof(range), " (%zu)", w->nitems[s]);
	else
		snprintf(range, sizeof(range), " (%zu, %s to %s)",
			 w->nitems[s], a, b);
	heading(f, color, strat_week_section_title(s), range);
	if (w->nitems[s] == 0) {
		fputs("  nothing\n", f);
		return;
	}
	for (i = 0; i < w->nitems[s]; i++) {
		const strat_item *it = w->items[s][i];
		const char *st = strat_status_name(it->status), *col = "";
		char late[16];

		strat_date_format(s == STRAT_WEEK_SHIPPED ? it->shipped
							  : it->date,
				  date);
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
		fprintf(f, "  %s  %s", date, color ? col : "");
		fit(f, st, 8, 1);
		fputs(color && *col ? C_OFF "  " : "  ", f);
		fit(f, it->title.s ? it->title.s : it->id.s, 28, 1);
		fputs("  ", f);
		fit(f, it->owner.s ? it->owner.s : "-", 8, 1);
		fputs("  ", f);
		fit(f, it->anchor.s ? it->anchor.s : "-", 16, 0);
		fputc('\n', f);
	}
}

static void
out_week_text(FILE *f, const strat_week *w, const history *h, int color)
{
	char a[11], b[11], line[512];
	size_t i;
	int s;

	strat_date_format(w->start, a);
	strat_date_format(w->end, b);
	fprintf(f, "%sWeek %d-W%02d%s: %s to %s", color ? C_BOLD : "",
		w->label_year, w->label_week, color ? C_OFF : "", a, b);
	strat_date_format(w->date, a);
	fprintf(f, ", check-in of %s", a);
	if (w->owner) {
		fputs(" for ", f);
		fit(f, w->owner, 20, 0);
	}
	fputc('\n', f);
	for (s = 0; s < STRAT_WEEK__NSECTIONS; s++)
		text_items(f, w, s, color);

	heading(f, color, "Changed since the week began", NULL);
	fputs("  ", f);
	term_puts(f, h->note);
	fputc('\n', f);
	for (i = 0; i < w->nchanges; i++) {
		const strat_change *c = w->changes[i];

		strat_week_describe(line, sizeof(line), c);
		fputs("  ", f);
		fit(f, c->id, 24, 1);
		fputs("  ", f);
		fit(f, line, 52, 0);
		fputc('\n', f);
	}
	if (w->has_changes && w->nchanges == 0)
		fputs("  no changes\n", f);

	heading(f, color, "Anchors", " (shipped of planned this quarter)");
	if (w->nanchors == 0)
		fputs("  none for this quarter\n", f);
	for (i = 0; i < w->nanchors; i++) {
		const strat_week_anchor *wa = &w->anchors[i];
		char prog[32];

		fputs("  ", f);
		fit(f, wa->anchor->id.s, 20, 1);
		fputs("  ", f);
		fit(f, wa->anchor->owner.s ? wa->anchor->owner.s : "-", 8, 1);
		snprintf(prog, sizeof(prog), "%3zu of %-3zu", wa->shipped,
			 wa->planned);
		fprintf(f, "  %s  %s", prog, wa->anchor->quarter.s);
		if (wa->overdue)
			fprintf(f, "  %s%zu overdue%s", color ? C_RED : "",
				wa->overdue, color ? C_OFF : "");
		fputc('\n', f);
	}

	heading(f, color, "Owners",
		" (shipped last week, overdue, this week, next week)");
	if (w->nowners == 0)
		fputs("  nobody has items in these weeks\n", f);
	for (i = 0; i < w->nowners; i++) {
		const strat_week_owner *o = &w->owners[i];

		fputs("  ", f);
		fit(f, o->id, 12, 1);
		fputs("  ", f);
		fit(f, o->name ? o->name : "", 24, 1);
		for (s = 0; s < STRAT_WEEK__NSECTIONS; s++)
			fprintf(f, "  %3zu", o->count[s]);
		fputc('\n', f);
	}
}

static void
json_date(FILE *f, strat_day d)
{
	char s[11];

	if (d == STRAT_NO_DATE) {
		fputs("null", f);
		return;
	}
	strat_date_format(d, s);
	fprintf(f, "\"%s\"", s);
}

static void
json_item(FILE *f, const strat_week *w, const strat_item *it, int s)
{
	fputs("{\"id\": ", f);
	json_str(f, it->id.s);
	fputs(", \"title\": ", f);
	json_str(f, it->title.s);
	fputs(", \"owner\": ", f);
	json_str(f, it->owner.s);
	fputs(", \"anchor\": ", f);
	json_str(f, it->anchor.s);
	fputs(", \"date\": ", f);
	json_date(f, it->date);
	fprintf(f, ", \"status\": \"%s\", \"shipped\": ",
		strat_status_name(it->status));
	json_date(f, it->shipped);
	if (s == STRAT_WEEK_OVERDUE)
		fprintf(f, ", \"days_late\": %d", (int)(w->date - it->date));
	fputs(", \"file\": ", f);
	json_str(f, it->file);
	fprintf(f, ", \"line\": %u}", (unsigned)it->line);
}

static void
out_week_json(FILE *f, const strat_week *w, const history *h)
{
	static const char *const keys[] = {"shipped_last_week", "overdue",
					   "due_this_week", "due_next_week"};
	char line[512];
	size_t i;
	int s;

	fprintf(f, "{\n  \"version\": 1,\n  \"week\": \"%d-W%02d\",\n",
		w->label_year, w->label_week);
	fputs("  \"start\": ", f);
	json_date(f, w->start);
	fputs(",\n  \"end\": ", f);
	json_date(f, w->end);
	fputs(",\n  \"date\": ", f);
	json_date(f, w->date);
	fputs(",\n  \"owner\": ", f);
	json_str(f, w->owner);
	fputs(",\n", f);
	for (s = 0; s < STRAT_WEEK__NSECTIONS; s++) {
		fprintf(f, "  \"%s\": [", keys[s]);
		for (i = 0; i < w->nitems[s]; i++) {
			fputs(i ? ",\n    " : "\n    ", f);
			json_item(f, w, w->items[s][i], s);
		}
		fputs(w->nitems[s] ? "\n  ],\n" : "],\n", f);
	}
	fputs("  \"changes\": ", f);
	if (!w->has_changes) {
		fputs("null", f);
	} else {
		fputs("{\"base\": ", f);
		json_str(f, h->commit);
		fputs(", \"base_date\": ", f);
		json_date(f, h->commit_day);
		fputs(", \"list\": [", f);
		for (i = 0; i < w->nchanges; i++) {
			const strat_change *c = w->changes[i];

			strat_week_describe(line, sizeof(line), c);
			fputs(i ? ",\n    " : "\n    ", f);
			fprintf(f, "{\"kind\": \"%s\", \"id\": ",
				strat_change_kind_id(c->kind));
			json_str(f, c->id);
			fputs(", \"title\": ", f);
			json_str(f, c->title);
			fputs(", \"before\": ", f);
			json_str(f, c->before);
			fputs(", \"after\": ", f);
			json_str(f, c->after);
			fprintf(f, ", \"days\": %d, \"text\": ", (int)c->days);
			json_str(f, line);
			fputc('}', f);
		}
		fputs(w->nchanges ? "\n  ]}" : "]}", f);
	}
	fputs(",\n  \"note\": ", f);
	json_str(f, h->note);
	fputs(",\n  \"anchors\": [", f);
	for (i = 0; i < w->nanchors; i++) {
		const strat_week_anchor *a = &w->anchors[i];

		fputs(i ? ",\n    " : "\n    ", f);
		fputs("{\"id\": ", f);
		json_str(f, a->anchor->id.s);
		fputs(", \"title\": ", f);
		json_str(f, a->anchor->title.s);
		fputs(", \"owner\": ", f);
		json_str(f, a->anchor->owner.s);
		fputs(", \"quarter\": ", f);
		json_str(f, a->anchor->quarter.s);
		fprintf(f,
			", \"shipped\": %zu, \"planned\": %zu, "
			"\"overdue\": %zu}",
			a->shipped, a->planned, a->overdue);
	}
	fputs(w->nanchors ? "\n  ],\n" : "],\n", f);
	fputs("  \"owners\": [", f);
	for (i = 0; i < w->nowners; i++) {
		const strat_week_owner *o = &w->owners[i];

		fputs(i ? ",\n    " : "\n    ", f);
		fputs("{\"id\": ", f);
		json_str(f, o->id);
		fputs(", \"name\": ", f);
		json_str(f, o->name);
		for (s = 0; s < STRAT_WEEK__NSECTIONS; s++)
			fprintf(f, ", \"%s\": %zu", keys[s], o->count[s]);
		fputc('}', f);
	}
	fputs(w->nowners ? "\n  ]\n}\n" : "]\n}\n", f);
}

int
cmd_week(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"date", required_argument, NULL, 'd'},
		{"owner", required_argument, NULL, 'o'},
		{"format", required_argument, NULL, 'f'},
		{"color", required_argument, NULL, 'c'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	int ch, fmt = FMT_TEXT, rc, ret = EXIT_TROUBLE;
	const char *dir = ".", *color = "auto", *owner = NULL;
	strat_day date = STRAT_NO_DATE;
	strat_source src;
	strat_load_options lo = STRAT_LOAD_OPTIONS_INIT;
	strat_week_options wo = STRAT_WEEK_OPTIONS_INIT;
	strat_diags *diags = NULL;
	strat_plan *plan = NULL;
	strat_week *w = NULL;
	history h;
	char *root = NULL, *md = NULL;
	int have_src = 0;

	memset(&h, 0, sizeof(h));
	optind = 1;
	while ((ch = getopt_long(argc, argv, "C:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			if (strat_date_parse(optarg, &date) < 0) {
				die_msg("--date wants YYYY-MM-DD, not '%s'",
					optarg);
				return EXIT_TROUBLE;
			}
			break;
		case 'o':
			owner = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				fmt = FMT_TEXT;
			else if (strcmp(optarg, "md") == 0 ||
				 strcmp(optarg, "markdown") == 0)
				fmt = FMT_MD;
			else if (strcmp(optarg, "json") == 0)
				fmt = FMT_JSON;
			else {
				die_msg("unknown format '%s'; use text, md or "
					"json",
					optarg);
				return EXIT_TROUBLE;
			}
			break;
		case 'c':
			if (strcmp(optarg, "auto") && strcmp(optarg, "always") &&
			    strcmp(optarg, "never")) {
				die_msg("--color wants auto, always or never");
				return EXIT_TROUBLE;
			}
			color = optarg;
			break;
		case 'C':
			dir = optarg;
			break;
		case 'h':
			fputs(week_usage, stdout);
			return EXIT_CLEAN;
		default:
			fputs(week_usage, stderr);
			return EXIT_TROUBLE;
		}
	}
	if (optind < argc) {
		fputs(week_usage, stderr);
		return EXIT_TROUBLE;
	}
	if (date == STRAT_NO_DATE && (date = cmd_today()) == STRAT_NO_DATE)
		return EXIT_TROUBLE;
	if ((root = find_plan_root(dir)) == NULL) {
		die_msg("cannot open '%s'", dir);
		return EXIT_TROUBLE;
	}
	if (strat_source_fs(&src, root) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	have_src = 1;
	if ((rc = strat_diags_new(&diags)) < 0 ||
	    (rc = strat_plan_load(&plan, &src, &lo, diags)) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	if (strat_diags_errors(diags))
		die_msg("warning: the plan has %zu error%s; 'strat lint' "
			"shows them",
			strat_diags_errors(diags),
			strat_diags_errors(diags) == 1 ? "" : "s");
	if (owner != NULL && strat_plan_team(plan)->file != NULL &&
	    strat_plan_find_person(plan, owner) == NULL) {
		die_msg("'%s' is not a person in %s", owner,
			strat_plan_team(plan)->file);
		goto out;
	}
	if ((rc = find_base(&h, root,
			    strat_week_start(date, strat_plan_config(plan)
							   ->week_starts))) <
	    0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	wo.date = date;
	wo.owner = owner;
	wo.base = h.base;
	if (strat_week_build(&w, plan, &wo) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	switch (fmt) {
	case FMT_MD:
		if (strat_week_markdown(&md, w, plan, 0, h.note) < 0) {
			die_msg("%s", strat_error_last());
			goto out;
		}
		fputs(md, stdout);
		break;
	case FMT_JSON:
		out_week_json(stdout, w, &h);
		break;
	default:
		out_week_text(stdout, w, &h, want_color(stdout, color));
	}
	ret = EXIT_CLEAN;
out:
	free(md);
	strat_week_free(w);
	strat_plan_free(h.base);
	strat_repo_free(h.repo);
	strat_plan_free(plan);
	strat_diags_free(diags);
	if (have_src)
		strat_source_fs_free(&src);
	free(root);
	return ret;
}
