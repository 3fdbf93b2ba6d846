/*
 * edit.c - strat ship, start, slip, drop, add and owner: record what
 * happened to an item in one command (strat-edit(1)).
 *
 * Each command finds the plan, loads and lints it, makes the change to
 * the text of one calendar file (lib/edit.c: every other byte kept),
 * lints the plan as it would be, and writes the file as git does
 * (lib/file.c) unless the change adds an error (then exit 1, the findings
 * shown; --force writes anyway).  -n prints the change as a unified diff
 * instead.  --commit commits that file alone with git, the reason in a
 * "Why:" trailer; other staged changes stay staged.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "strat/edit.h"

typedef enum { ED_SHIP, ED_START, ED_SLIP, ED_DROP, ED_ADD, ED_OWNER } verb;

typedef struct {
	verb v;
	const char *name;
	const char *why, *on, *to, *anchor, *owner, *channel, *date, *id, *file,
	    *title;
	int commit, dry, force;
	strat_day today;
} edit_opts;

static const char *const usages[] = {
    "usage: strat ship ID [--on DATE] [options]",
    "usage: strat start ID [options]",
    "usage: strat slip ID --to DATE [options]",
    "usage: strat drop ID [options]",
    ("usage: strat add --anchor A --owner O --channel C --date D\n"
     "                 [--id ID] [--file F] [options] TITLE"),
    "usage: strat owner ID PERSON [options]",
};

#define EDIT_OPTIONS_LINE                                                      \
	"       options: [--why TEXT] [--commit] [-n|--dry-run] [--force] "    \
	"[--today DATE]\n"

/* What each command's options do ('strat ship --help'). */
#define EDIT_COMMON_DOCS                                                       \
	{"--why TEXT", "why: kept in the commit as a 'Why:' trailer"},         \
	    {"--commit", "commit just this change (needs git)"},               \
	    {"-n, --dry-run",                                                  \
	     "print the change as a unified diff; write nothing"},             \
	    {"--force", "write even when the change adds a lint error"},       \
	    {"--today YYYY-MM-DD", "the day taken as today"},                  \
	    {"-C DIR", "run in DIR"}, {"-h, --help", "this help"},             \
	{                                                                      \
		NULL, NULL                                                     \
	}

static const opt_doc ship_docs[] = {
    {"--on DATE", "the day it shipped (default today)"}, EDIT_COMMON_DOCS};
static const opt_doc slip_docs[] = {{"--to DATE", "the new planned date"},
				    EDIT_COMMON_DOCS};
static const opt_doc plain_docs[] = {EDIT_COMMON_DOCS};
static const opt_doc add_docs[] = {
    {"--anchor A", "the anchor the item serves"},
    {"--owner O", "the one person accountable (a team id)"},
    {"--channel C", "where it ships: blog, email, webinar, ..."},
    {"--date D", "the planned date, YYYY-MM-DD"},
    {"--id ID", "the item's id (default: made from the title)"},
    {"--file F", "the calendar file (default: the one holding the "
		 "anchor's other items)"},
    EDIT_COMMON_DOCS};
static const opt_doc *const edit_docs[] = {ship_docs,  plain_docs, slip_docs,
					   plain_docs, add_docs,   plain_docs};

static void
usage(FILE *f, verb v)
{
	fprintf(f, "%s\n" EDIT_OPTIONS_LINE, usages[v]);
}

static void
help(verb v)
{
	char u[512];

	snprintf(u, sizeof(u), "%s\n" EDIT_OPTIONS_LINE, usages[v]);
	show_help(u, edit_docs[v]);
}

static int
usage_error(const edit_opts *o, const char *fmt, const char *arg)
{
	fputs("strat: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	usage(stderr, o->v);
	return EXIT_TROUBLE;
}

/* The plan and what the command needs of it. */
typedef struct {
	char *root; /* real path of the plan directory */
	char *top;  /* real path of the git work tree; NULL without git */
	strat_source src;
	strat_plan *plan;
	strat_diags *diags;
	strat_load_options lo;
} planctx;

static void
plan_close(planctx *p)
{
	strat_plan_free(p->plan);
	strat_diags_free(p->diags);
	strat_source_fs_free(&p->src);
	free(p->root);
	free(p->top);
}

static char *
git_top(const char *root)
{
	strat_repo *repo = NULL;
	const char *wd;
	char *top = NULL;

	if (cmd_repo_open(&repo, root) < 0)
		return NULL;
	if ((wd = strat_repo_workdir(repo)) != NULL)
		top = realpath(wd, NULL);
	strat_repo_free(repo);
	return top;
}

static int
plan_open(planctx *p, const edit_opts *o)
{
	memset(p, 0, sizeof(*p));
	p->lo = (strat_load_options)STRAT_LOAD_OPTIONS_INIT;
	p->lo.today = o->today;
	p->lo.keep_sources = STRAT_SOURCES_KEEP;
	if ((p->root = find_plan_root(".", NULL)) == NULL) {
		die_msg("cannot find the plan: %s", strerror(errno));
		return -1;
	}
	p->top = git_top(p->root);
	if (o->commit && p->top == NULL) {
		die_msg("--commit needs a git repository, and the plan is "
			"not in one");
		return -2;
	}
	if (strat_source_fs(&p->src, p->root) < 0 ||
	    strat_diags_new(&p->diags) < 0 ||
	    strat_plan_load(&p->plan, &p->src, &p->lo, p->diags) < 0 ||
	    strat_lint(p->plan, &p->lo, p->diags) < 0) {
		die_msg("%s", strat_error_last());
		return -1;
	}
	return 0;
}

static int
read_all(const char *path, char **buf, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	size_t n;

	*buf = NULL;
	if (f == NULL)
		return -1;
	if (fstat(fileno(f), &st) < 0 || st.st_size > STRAT_MAX_FILE_SIZE ||
	    (*buf = malloc((size_t)st.st_size + 1)) == NULL) {
		fclose(f);
		return -1;
	}
	n = fread(*buf, 1, (size_t)st.st_size, f);
	fclose(f);
	if (n != (size_t)st.st_size) {
		free(*buf);
		*buf = NULL;
		return -1;
	}
	(*buf)[n] = '\0';
	*len = n;
	return 0;
}

/* Commit the file at path (absolute, in top) alone. */
static int
commit_file(const char *top, const char *path, const char *subject,
	    const char *why)
{
	const char *rel = path + strlen(top) + 1;
	char *body = NULL, *p;
	int rc;

	if (why != NULL) {
		size_t n = strlen(why) + 8;

		if ((body = malloc(n)) == NULL)
			return -1;
		snprintf(body, n, "Why: %s", why);
		for (p = body; *p; p++)
			if (*p == '\n' || *p == '\r')
				*p = ' ';
	}
	{
		/* An untracked file is added first: git commit -- PATH
		 * takes only tracked paths. */
		char *ls[] = {"git",
			      "-C",
			      (char *)top,
			      "ls-files",
			      "--error-unmatch",
			      "--",
			      (char *)rel,
			      NULL};
		char *add[] = {"git", "-C",        (char *)top, "add",
			       "--",  (char *)rel, NULL};

		if (run_program(ls, 1) != 0 && run_program(add, 0) != 0) {
			free(body);
			return 1;
		}
	}
	if (body != NULL) {
		char *argv[] = {"git",
				"-C",
				(char *)top,
				"commit",
				"-q",
				"-m",
				(char *)subject,
				"-m",
				body,
				"--only",
				"--",
				(char *)rel,
				NULL};
		rc = run_program(argv, 0);
	} else {
		char *argv[] = {"git",           "-C",     (char *)top,
				"commit",        "-q",     "-m",
				(char *)subject, "--only", "--",
				(char *)rel,     NULL};
		rc = run_program(argv, 0);
	}
	free(body);
	return rc;
}

/* The calendar that holds the anchor's other items, else the first. */
static const char *
calendar_for(const strat_plan *plan, const char *anchor)
{
	size_t i, n = strat_plan_item_count(plan);

	for (i = 0; i < n; i++) {
		const strat_item *it = strat_plan_item(plan, i);

		if (it->anchor.s && strcmp(it->anchor.s, anchor) == 0)
			return it->file;
	}
	for (i = 0; i < strat_plan_calendar_count(plan); i++)
		if (strat_plan_calendar(plan, i)->loaded)
			return strat_plan_calendar(plan, i)->path;
	return NULL;
}

/* --file F: a path from here, or from the plan directory; relative to
 * the plan directory, malloc'd, or NULL. */
static char *
plan_relative(const char *root, const char *f)
{
	char *rel = NULL, *p;
	struct stat st;
	size_t k;

	/* from here: a file that is there (path_below would take one that
	 * is not as written), in the plan directory and not the directory */
	if (stat(f, &st) == 0 && path_below(&rel, root, f) == 0 && rel[0])
		return rel;
	free(rel);
	rel = NULL;
	if (f[0] != '/' && (p = malloc(k = strlen(root) + strlen(f) + 2))) {
		snprintf(p, k, "%s/%s", root, f);
		if (stat(p, &st) == 0)
			rel = strdup(f);
		free(p);
	}
	return rel;
}

static int
is_calendar(const strat_plan *plan, const char *path)
{
	size_t i;

	for (i = 0; i < strat_plan_calendar_count(plan); i++)
		if (strcmp(strat_plan_calendar(plan, i)->path, path) == 0)
			return 1;
	return 0;
}

/* Show the findings a change adds (text, with the plan's excerpts);
 * 0, or -1 when they cannot be rendered (said). */
static int
show_findings(const planctx *p, const strat_plan *after, strat_diags *fresh)
{
	strat_lint_result r = STRAT_LINT_RESULT_INIT;
	strat_render_options ro = STRAT_RENDER_OPTIONS_INIT;
	char *text = NULL;

	strat_diags_sort(fresh);
	r.diags = fresh;
	r.plan = after;
	r.files = strat_plan_file_count(after);
	r.root = p->root;
	if (strat_lint_render(&text, &r, &ro) < 0) {
		die_msg("%s", strat_error_last());
		return -1;
	}
	fputs(text, stdout);
	free(text);
	fflush(stdout);
	return 0;
}

/* --commit: commit the file written (absolute), file as the plan names
 * it; the exit code. */
static int
commit_written(const planctx *p, const char *written, const char *file,
	       const char *subject, const char *why)
{
	size_t n = strlen(p->top);

	if (strncmp(written, p->top, n) != 0 || written[n] != '/') {
		die_msg("'%s' is outside the work tree; not committed",
			written);
		return EXIT_TROUBLE;
	}
	if (commit_file(p->top, written, subject, why) != 0) {
		die_msg("the commit was refused (see git's message above); "
			"'%s' is changed in the working tree, not committed",
			file);
		return EXIT_FINDINGS;
	}
	return EXIT_CLEAN;
}

/* Lint the plan with file's bytes replaced; findings the change adds go
 * to *fresh, the plan as it would be to *after. */
static int
lint_after(planctx *p, const char *file, const char *buf, size_t len,
	   strat_plan **after, strat_diags **all, strat_diags **fresh)
{
	strat_source ov;
	int rc;

	*after = NULL;
	*all = *fresh = NULL;
	if (strat_source_overlay(&ov, &p->src, file, buf, len) < 0)
		return -1;
	rc = strat_diags_new(all) < 0 ||
		     strat_plan_load(after, &ov, &p->lo, *all) < 0 ||
		     strat_lint(*after, &p->lo, *all) < 0 ||
		     strat_diags_new_since(fresh, p->diags, *all) < 0
		 ? -1
		 : 0;
	strat_source_overlay_free(&ov);
	return rc;
}

static int
fmt_date(strat_day d, char out[11])
{
	strat_date_format(d, out);
	return 0;
}

static int
cmd_edit(verb v, const char *name, int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"why", required_argument, NULL, 'w'},
	    {"commit", no_argument, NULL, 'c'},
	    {"dry-run", no_argument, NULL, 'n'},
	    {"force", no_argument, NULL, 'f'},
	    {"today", required_argument, NULL, 'T'},
	    {"on", required_argument, NULL, 'o'},
	    {"to", required_argument, NULL, 't'},
	    {"anchor", required_argument, NULL, 'a'},
	    {"owner", required_argument, NULL, 'O'},
	    {"channel", required_argument, NULL, 'C'},
	    {"date", required_argument, NULL, 'd'},
	    {"id", required_argument, NULL, 'i'},
	    {"file", required_argument, NULL, 'F'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	edit_opts o;
	planctx p;
	strat_edit_field f[8];
	size_t nf = 0;
	const strat_item *it = NULL;
	const char *file = NULL;
	char *id = NULL, *path = NULL, *buf = NULL, *out = NULL,
	     *written = NULL;
	char *diff = NULL, *filerel = NULL, subject[512], d1[11];
	size_t len = 0, outlen = 0, k;
	strat_plan *after = NULL;
	strat_diags *all = NULL, *fresh = NULL;
	strat_day day;
	int ch, ret = EXIT_TROUBLE, rc, opened = 0;

	memset(&o, 0, sizeof(o));
	o.v = v;
	o.name = name;
	if ((o.today = cmd_today()) == STRAT_NO_DATE)
		return EXIT_TROUBLE;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "nh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'w':
			o.why = optarg;
			break;
		case 'c':
			o.commit = 1;
			break;
		case 'n':
			o.dry = 1;
			break;
		case 'f':
			o.force = 1;
			break;
		case 'T':
			if (strat_date_parse(optarg, &o.today) < 0)
				return usage_error(&o,
						   "invalid --today '%s'; "
						   "use YYYY-MM-DD",
						   optarg);
			break;
		case 'o':
			o.on = optarg;
			break;
		case 't':
			o.to = optarg;
			break;
		case 'a':
			o.anchor = optarg;
			break;
		case 'O':
			o.owner = optarg;
			break;
		case 'C':
			o.channel = optarg;
			break;
		case 'd':
			o.date = optarg;
			break;
		case 'i':
			o.id = optarg;
			break;
		case 'F':
			o.file = optarg;
			break;
		case 'h':
			help(v);
			return EXIT_CLEAN;
		default: {
			char u[512];

			snprintf(u, sizeof(u), "%s\n" EDIT_OPTIONS_LINE,
				 usages[v]);
			bad_option(u, argv, longopts);
			return EXIT_TROUBLE;
		}
		}
	}
	argc -= optind;
	argv += optind;
	/* Which options each command takes. */
	if (o.on && v != ED_SHIP)
		return usage_error(&o, "%s", "--on is an option of strat ship");
	if (o.to && v != ED_SLIP)
		return usage_error(&o, "%s", "--to is an option of strat slip");
	if ((o.anchor || o.owner || o.channel || o.date || o.id || o.file) &&
	    v != ED_ADD)
		return usage_error(&o, "%s",
				   "--anchor, --owner, --channel, "
				   "--date, --id and --file are options of "
				   "strat add");
	if (v == ED_ADD) {
		if (argc != 1 || !o.anchor || !o.owner || !o.channel || !o.date)
			return usage_error(&o,
					   "%s needs --anchor, --owner, "
					   "--channel, --date and a title",
					   name);
		o.title = argv[0];
		if (strat_date_parse(o.date, &day) < 0)
			return usage_error(&o,
					   "invalid --date '%s'; use "
					   "YYYY-MM-DD",
					   o.date);
	} else if (argc != (v == ED_OWNER ? 2 : 1)) {
		return usage_error(&o, "%s: wrong number of arguments", name);
	}
	if (v == ED_SLIP && (o.to == NULL || strat_date_parse(o.to, &day) < 0))
		return usage_error(&o, "slip needs --to DATE (YYYY-MM-DD)%s",
				   o.to ? ", not a date" : "");
	if (o.on && strat_date_parse(o.on, &day) < 0)
		return usage_error(&o, "invalid --on '%s'; use YYYY-MM-DD",
				   o.on);

	if ((rc = plan_open(&p, &o)) < 0) {
		plan_close(&p);
		return EXIT_TROUBLE;
	}
	opened = 1;
	if (v != ED_ADD) {
		if ((it = strat_plan_find_item(p.plan, argv[0])) == NULL) {
			const char *best =
			    strat_edit_suggest_item(p.plan, argv[0]);

			die_msg("no item '%s' in the plan", argv[0]);
			if (best)
				fprintf(stderr, "hint: did you mean '%s'?\n",
					best);
			goto out;
		}
		file = it->file;
	}
	switch (v) {
	case ED_SHIP:
		if (o.on == NULL)
			fmt_date(o.today, d1);
		f[nf++] = (strat_edit_field){"status", "shipped"};
		f[nf++] = (strat_edit_field){"shipped", o.on ? o.on : d1};
		snprintf(subject, sizeof(subject), "plan: ship %s on %s",
			 argv[0], o.on ? o.on : d1);
		break;
	case ED_START:
		f[nf++] = (strat_edit_field){"status", "in-progress"};
		snprintf(subject, sizeof(subject), "plan: start %s", argv[0]);
		break;
	case ED_SLIP:
		f[nf++] = (strat_edit_field){"date", o.to};
		snprintf(subject, sizeof(subject), "plan: slip %s to %s",
			 argv[0], o.to);
		break;
	case ED_DROP:
		f[nf++] = (strat_edit_field){"status", "dropped"};
		snprintf(subject, sizeof(subject), "plan: drop %s", argv[0]);
		break;
	case ED_OWNER:
		f[nf++] = (strat_edit_field){"owner", argv[1]};
		snprintf(subject, sizeof(subject), "plan: hand %s to %s",
			 argv[0], argv[1]);
		break;
	case ED_ADD:
		if (o.id != NULL) {
			if (strat_plan_find_item(p.plan, o.id) != NULL) {
				die_msg("an item '%s' exists already; choose "
					"another --id",
					o.id);
				goto out;
			}
			id = strdup(o.id);
		} else {
			id = strat_edit_make_id(p.plan, o.title);
		}
		if (id == NULL) {
			die_msg("out of memory");
			goto out;
		}
		if (o.file != NULL) {
			if ((filerel = plan_relative(p.root, o.file)) == NULL ||
			    !is_calendar(p.plan, filerel)) {
				die_msg("'%s' is not a calendar file of the "
					"plan in '%s'",
					o.file, p.root);
				goto out;
			}
			file = filerel;
		} else if ((file = calendar_for(p.plan, o.anchor)) == NULL) {
			die_msg("the plan has no calendar file to add to; "
				"give --file");
			goto out;
		}
		f[nf++] = (strat_edit_field){"id", id};
		f[nf++] = (strat_edit_field){"title", o.title};
		f[nf++] = (strat_edit_field){"anchor", o.anchor};
		f[nf++] = (strat_edit_field){"owner", o.owner};
		f[nf++] = (strat_edit_field){"channel", o.channel};
		f[nf++] = (strat_edit_field){"date", o.date};
		f[nf++] = (strat_edit_field){"status", "planned"};
		snprintf(subject, sizeof(subject), "plan: add %s on %s", id,
			 o.date);
		break;
	}
	k = strlen(p.root) + strlen(file) + 2;
	if ((path = malloc(k)) == NULL) {
		die_msg("out of memory");
		goto out;
	}
	snprintf(path, k, "%s/%s", p.root, file);
	if (read_all(path, &buf, &len) < 0) {
		die_msg("cannot read '%s': %s", path, strerror(errno));
		goto out;
	}
	rc = v == ED_ADD ? strat_edit_list_append(&out, &outlen, file, buf, len,
						  "items", f, nf)
			 : strat_edit_item_set(&out, &outlen, file, buf, len,
					       argv[0], f, nf);
	if (rc < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	if (outlen == len && memcmp(out, buf, len) == 0) {
		printf("%s: nothing to change\n", file);
		ret = EXIT_CLEAN;
		goto out;
	}
	if (lint_after(&p, file, out, outlen, &after, &all, &fresh) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	if (strat_diags_errors(fresh) > 0) {
		if (show_findings(&p, after, fresh) < 0)
			goto out;
		if (!o.force) {
			die_msg("not written: the change adds %zu error%s to "
				"the plan; fix them first, or --force",
				strat_diags_errors(fresh),
				strat_diags_errors(fresh) == 1 ? "" : "s");
			ret = EXIT_FINDINGS;
			goto out;
		}
	}
	if (o.dry) {
		if ((diff = strat_edit_diff(file, buf, len, out, outlen)) ==
		    NULL) {
			die_msg("out of memory");
			goto out;
		}
		fputs(diff, stdout);
		ret = EXIT_CLEAN;
		goto out;
	}
	{
		strat_file_opts fo = STRAT_FILE_OPTS_INIT;

		if (strat_file_write(&written, p.top ? p.top : p.root, path,
				     out, outlen, &fo) < 0) {
			die_msg("%s", strat_error_last());
			goto out;
		}
	}
	printf("%s: %s\n", file, subject + strlen("plan: "));
	ret = EXIT_CLEAN;
	if (o.commit)
		ret = commit_written(&p, written, file, subject, o.why);
out:
	if (opened)
		plan_close(&p);
	strat_plan_free(after);
	strat_diags_free(all);
	strat_diags_free(fresh);
	free(id);
	free(path);
	free(buf);
	free(out);
	free(written);
	free(diff);
	free(filerel);
	return ret;
}

int
cmd_ship(int argc, char **argv)
{
	return cmd_edit(ED_SHIP, "ship", argc, argv);
}

int
cmd_start(int argc, char **argv)
{
	return cmd_edit(ED_START, "start", argc, argv);
}

int
cmd_slip(int argc, char **argv)
{
	return cmd_edit(ED_SLIP, "slip", argc, argv);
}

int
cmd_drop(int argc, char **argv)
{
	return cmd_edit(ED_DROP, "drop", argc, argv);
}

int
cmd_add(int argc, char **argv)
{
	return cmd_edit(ED_ADD, "add", argc, argv);
}

int
cmd_owner(int argc, char **argv)
{
	return cmd_edit(ED_OWNER, "owner", argc, argv);
}

/* ---- strat record: KPI readings (strat-record(1)) ---- */

static const char record_usage[] =
    "usage: strat record KPI VALUE [--date DATE] [--note TEXT] "
    "[--file F] [options]\n"
    "       strat record --csv FILE --kpi KPI [--file F] [options]\n"
    "       options: [--why TEXT] [--commit] [-n|--dry-run] [--force] "
    "[--today DATE]\n";

static const opt_doc record_docs[] = {
    {"--date DATE", "the day the value was read (default today)"},
    {"--note TEXT", "a note kept with the reading"},
    {"--file F", "the metrics file (default: the one holding the KPI's "
		 "readings, else metrics/KPI.yaml)"},
    {"--csv FILE", "record every date,value row of an export"},
    {"--kpi KPI", "the KPI of the --csv rows"},
    EDIT_COMMON_DOCS};

/* One reading to record: its text as given and where it came from. */
typedef struct {
	char date[11];
	char *value;
	unsigned line; /* of the CSV file; 0 for the command line */
} rrow;

static int
record_usage_error(const char *fmt, const char *arg)
{
	fputs("strat: ", stderr);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s", record_usage);
	return EXIT_TROUBLE;
}

/* A value as a reading's: a number of the plan (SPEC section 6). */
static const char *
value_problem(const char *s)
{
	double v;

	switch (strat_number_parse(s, 0, &v, NULL)) {
	case 0:
		return NULL;
	case -2:
		return "is out of range (numbers lie between -1e15 and 1e15)";
	default:
		return "is not a number (write it like 400 or 2.5, without a "
		       "unit, a thousands separator or a '%')";
	}
}

/* The next field of a CSV line at *p (RFC 4180 quoting); *p moves past
 * it and its comma.  malloc'd, NULL on out-of-memory. */
static char *
csv_next(const char **p, const char *end)
{
	const char *s = *p;
	char *out = malloc((size_t)(end - s) + 1), *o = out;

	if (out == NULL)
		return NULL;
	while (s < end && *s == ' ')
		s++;
	if (s < end && *s == '"') {
		for (s++; s < end; s++) {
			if (*s == '"' && s + 1 < end && s[1] == '"')
				*o++ = *s++;
			else if (*s == '"')
				break;
			else
				*o++ = *s;
		}
		if (s < end)
			s++;
		while (s < end && *s != ',')
			s++;
	} else {
		while (s < end && *s != ',')
			*o++ = *s++;
		while (o > out && o[-1] == ' ')
			o--;
	}
	*o = '\0';
	*p = s < end ? s + 1 : end;
	return out;
}

/*
 * The readings of a CSV export with 'date' and 'value' columns (other
 * columns ignored; header names compared without case).  Every problem is
 * reported as FILE:LINE:COL; *nrows rows on success, -1 when any line
 * has a problem (nothing is recorded then).
 */
static int
csv_rows(const char *path, rrow **rows, size_t *nrows)
{
	char *buf = NULL, *f;
	const char *p, *eol, *end, *start;
	size_t len, cap = 0;
	unsigned line = 0;
	int dcol = -1, vcol = -1, col, bad = 0, header = 1;
	strat_day day;

	*rows = NULL;
	*nrows = 0;
	if (read_all(path, &buf, &len) < 0) {
		die_msg("cannot read '%s': %s", path, strerror(errno));
		return -1;
	}
	end = buf + len;
	for (p = buf; p < end; p = eol + 1) {
		const char *q;
		char *d = NULL, *v = NULL;

		line++;
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		q = eol;
		if (q > p && q[-1] == '\r')
			q--;
		if (q == p)
			continue; /* blank line */
		for (start = p, col = 0; start < q || (start == q && col == 0);
		     col++) {
			const char *at = start;

			if ((f = csv_next(&start, q)) == NULL)
				goto nomem;
			if (header) {
				if (strcasecmp(f, "date") == 0)
					dcol = col;
				else if (strcasecmp(f, "value") == 0)
					vcol = col;
				free(f);
			} else if (col == dcol) {
				d = f;
				if (strat_date_parse(d, &day) < 0) {
					fprintf(
					    stderr,
					    "%s:%u:%d: error: '%s' is not a "
					    "date\n  hint: write "
					    "YYYY-MM-DD, a day of the "
					    "calendar\n",
					    path, line, (int)(at - p) + 1, d);
					bad = 1;
				}
			} else if (col == vcol) {
				const char *why;

				v = f;
				if ((why = value_problem(v)) != NULL) {
					fprintf(stderr,
						"%s:%u:%d: error: '%s' "
						"%s\n",
						path, line, (int)(at - p) + 1,
						v, why);
					bad = 1;
				}
			} else {
				free(f);
			}
			if (start == q && (q == p || q[-1] != ','))
				break;
		}
		if (header) {
			header = 0;
			if (dcol < 0 || vcol < 0) {
				fprintf(stderr,
					"%s:%u:1: error: the header has "
					"no 'date' and 'value' columns\n"
					"  hint: export the KPI with a "
					"header line 'date,value'\n",
					path, line);
				free(buf);
				return -1;
			}
			continue;
		}
		if (d == NULL || v == NULL) {
			fprintf(stderr, "%s:%u:1: error: the line has no %s\n",
				path, line, d == NULL ? "date" : "value");
			bad = 1;
		}
		if (!bad && *nrows == cap) {
			rrow *nv;

			cap = cap ? cap * 2 : 64;
			if ((nv = realloc(*rows, cap * sizeof(*nv))) == NULL) {
				free(d);
				free(v);
				goto nomem;
			}
			*rows = nv;
		}
		if (!bad) {
			snprintf((*rows)[*nrows].date, 11, "%s", d);
			(*rows)[*nrows].value = v;
			(*rows)[(*nrows)++].line = line;
			v = NULL;
		}
		free(d);
		free(v);
	}
	free(buf);
	if (header) {
		fprintf(stderr, "%s:1:1: error: the file is empty\n", path);
		return -1;
	}
	return bad ? -1 : 0;
nomem:
	free(buf);
	die_msg("out of memory");
	return -1;
}

/* The metrics file that holds the KPI's readings (its last), or NULL. */
static const char *
metrics_for(const strat_plan *plan, const char *kpi)
{
	const char *file = NULL;
	size_t i;

	for (i = 0; i < strat_plan_reading_count(plan); i++) {
		const strat_reading *r = strat_plan_reading(plan, i);

		if (r->kpi.s && strcmp(r->kpi.s, kpi) == 0)
			file = r->file;
	}
	return file;
}

static int
is_metrics(const strat_plan *plan, const char *path)
{
	size_t i;

	for (i = 0; i < strat_plan_metrics_count(plan); i++)
		if (strcmp(strat_plan_metrics(plan, i)->path, path) == 0)
			return 1;
	return 0;
}

/* Has the plan this exact reading already (re-imported export)? */
static int
has_reading(const strat_plan *plan, const char *kpi, const char *date,
	    const char *value)
{
	size_t i;

	for (i = 0; i < strat_plan_reading_count(plan); i++) {
		const strat_reading *r = strat_plan_reading(plan, i);

		if (r->kpi.s && r->date_text.s && r->value.text.s &&
		    strcmp(r->kpi.s, kpi) == 0 &&
		    strcmp(r->date_text.s, date) == 0 &&
		    strcmp(r->value.text.s, value) == 0)
			return 1;
	}
	return 0;
}

int
cmd_record(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"date", required_argument, NULL, 'd'},
	    {"note", required_argument, NULL, 'N'},
	    {"file", required_argument, NULL, 'F'},
	    {"csv", required_argument, NULL, 'v'},
	    {"kpi", required_argument, NULL, 'k'},
	    {"why", required_argument, NULL, 'w'},
	    {"commit", no_argument, NULL, 'c'},
	    {"dry-run", no_argument, NULL, 'n'},
	    {"force", no_argument, NULL, 'f'},
	    {"today", required_argument, NULL, 'T'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	edit_opts o;
	planctx p;
	const char *date = NULL, *note = NULL, *csv = NULL, *kpi = NULL;
	const char *file = NULL, *why;
	rrow one, *rows = NULL;
	size_t nrows = 0, i, k, len = 0, outlen = 0, added = 0;
	char *path = NULL, *buf = NULL, *out = NULL, *written = NULL;
	char *diff = NULL, *filerel = NULL, *newfile = NULL, subject[512];
	strat_plan *after = NULL;
	strat_diags *all = NULL, *fresh = NULL;
	strat_day day;
	int ch, ret = EXIT_TROUBLE, opened = 0, created = 0;

	memset(&o, 0, sizeof(o));
	memset(&one, 0, sizeof(one));
	o.name = "record";
	if ((o.today = cmd_today()) == STRAT_NO_DATE)
		return EXIT_TROUBLE;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "nh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			date = optarg;
			break;
		case 'N':
			note = optarg;
			break;
		case 'F':
			o.file = optarg;
			break;
		case 'v':
			csv = optarg;
			break;
		case 'k':
			kpi = optarg;
			break;
		case 'w':
			o.why = optarg;
			break;
		case 'c':
			o.commit = 1;
			break;
		case 'n':
			o.dry = 1;
			break;
		case 'f':
			o.force = 1;
			break;
		case 'T':
			if (strat_date_parse(optarg, &o.today) < 0)
				return record_usage_error(
				    "invalid --today '%s'; use YYYY-MM-DD",
				    optarg);
			break;
		case 'h':
			show_help(record_usage, record_docs);
			return EXIT_CLEAN;
		default:
			bad_option(record_usage, argv, longopts);
			return EXIT_TROUBLE;
		}
	}
	argc -= optind;
	argv += optind;
	if (csv != NULL) {
		if (kpi == NULL || argc != 0 || date || note)
			return record_usage_error(
			    "%s", "--csv FILE takes --kpi KPI and no "
				  "KPI VALUE, --date or --note");
	} else {
		if (argc != 2 || kpi != NULL)
			return record_usage_error("%s", "record takes KPI "
							"VALUE (or --csv FILE "
							"--kpi KPI)");
		kpi = argv[0];
		if ((why = value_problem(argv[1])) != NULL) {
			fprintf(stderr, "strat: '%s' %s\n", argv[1], why);
			return EXIT_TROUBLE;
		}
		if (date == NULL)
			strat_date_format(o.today, one.date);
		else if (strat_date_parse(date, &day) < 0)
			return record_usage_error(
			    "invalid --date '%s'; use YYYY-MM-DD, a day "
			    "of the calendar",
			    date);
		else
			snprintf(one.date, sizeof(one.date), "%s", date);
		one.value = argv[1];
	}
	if (csv != NULL && csv_rows(csv, &rows, &nrows) < 0)
		goto out;
	if (csv == NULL) {
		rows = &one;
		nrows = 1;
	}
	if (plan_open(&p, &o) < 0) {
		plan_close(&p);
		goto out;
	}
	opened = 1;
	/* Where: --file, else the file with the KPI's readings, else a new
	 * metrics/KPI.yaml. */
	if (o.file != NULL) {
		if ((filerel = plan_relative(p.root, o.file)) == NULL ||
		    !is_metrics(p.plan, filerel)) {
			die_msg(
			    "'%s' is not a metrics file of the plan in '%s'",
			    o.file, p.root);
			goto out;
		}
		file = filerel;
	} else if ((file = metrics_for(p.plan, kpi)) == NULL) {
		if (strchr(kpi, '/') || kpi[0] == '.' || strlen(kpi) > 200) {
			die_msg("no metrics file holds '%s' and it cannot "
				"name one; give --file",
				kpi);
			goto out;
		}
		k = strlen(kpi) + sizeof("metrics/.yaml");
		if ((newfile = malloc(k)) == NULL)
			goto nomem;
		snprintf(newfile, k, "metrics/%s.yaml", kpi);
		file = newfile;
	}
	k = strlen(p.root) + strlen(file) + 2;
	if ((path = malloc(k)) == NULL)
		goto nomem;
	snprintf(path, k, "%s/%s", p.root, file);
	if (read_all(path, &buf, &len) < 0) {
		if (errno != ENOENT || newfile == NULL) {
			die_msg("cannot read '%s': %s", path, strerror(errno));
			goto out;
		}
		created = 1;
		if ((buf = strdup(
			 "kind: metrics\nversion: 1\nreadings: []\n")) == NULL)
			goto nomem;
		len = strlen(buf);
	}
	for (i = 0; i < nrows; i++) {
		strat_edit_field f[4];
		size_t nf = 0;
		char *next;

		if (has_reading(p.plan, kpi, rows[i].date, rows[i].value))
			continue; /* recorded already: an export re-imported */
		f[nf++] = (strat_edit_field){"kpi", kpi};
		f[nf++] = (strat_edit_field){"date", rows[i].date};
		f[nf++] = (strat_edit_field){"value", rows[i].value};
		if (note)
			f[nf++] = (strat_edit_field){"note", note};
		if (strat_edit_list_append(&next, &outlen, file,
					   out ? out : buf, out ? outlen : len,
					   "readings", f, nf) < 0) {
			die_msg("%s", strat_error_last());
			goto out;
		}
		free(out);
		out = next;
		added++;
	}
	if (added == 0) {
		printf("%s: nothing to record: %s already has %s\n", file, kpi,
		       nrows == 1 ? "this reading" : "these readings");
		ret = EXIT_CLEAN;
		goto out;
	}
	if (lint_after(&p, file, out, outlen, &after, &all, &fresh) < 0) {
		die_msg("%s", strat_error_last());
		goto out;
	}
	if (!is_metrics(after, file)) {
		die_msg("'%s' would not be read: no glob of 'metrics' in "
			"strat.yaml matches it; add one, or give --file",
			file);
		goto out;
	}
	if (strat_diags_errors(fresh) > 0) {
		if (show_findings(&p, after, fresh) < 0)
			goto out;
		if (!o.force) {
			die_msg("not written: the reading%s add%s %zu error%s "
				"to the plan; fix them first, or --force",
				added == 1 ? "" : "s", added == 1 ? "s" : "",
				strat_diags_errors(fresh),
				strat_diags_errors(fresh) == 1 ? "" : "s");
			ret = EXIT_FINDINGS;
			goto out;
		}
	}
	if (o.dry) {
		if ((diff = strat_edit_diff(file, created ? "" : buf,
					    created ? 0 : len, out, outlen)) ==
		    NULL)
			goto nomem;
		fputs(diff, stdout);
		ret = EXIT_CLEAN;
		goto out;
	}
	if (created) {
		char *dir = strdup(path), *slash;

		if (dir == NULL)
			goto nomem;
		if ((slash = strrchr(dir, '/')) != NULL) {
			*slash = '\0';
			if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
				die_msg("cannot create '%s': %s", dir,
					strerror(errno));
				free(dir);
				goto out;
			}
		}
		free(dir);
	}
	{
		strat_file_opts fo = STRAT_FILE_OPTS_INIT;

		if (created)
			fo.flags |= STRAT_FILE_CREATE;
		if (strat_file_write(&written, p.top ? p.top : p.root, path,
				     out, outlen, &fo) < 0) {
			die_msg("%s", strat_error_last());
			goto out;
		}
	}
	if (added == 1 && csv == NULL)
		snprintf(subject, sizeof(subject),
			 "metrics: record %s %s on %s", kpi, rows[0].value,
			 rows[0].date);
	else
		snprintf(subject, sizeof(subject),
			 "metrics: record %zu readings of %s", added, kpi);
	printf("%s: %s\n", file, subject + strlen("metrics: "));
	ret = EXIT_CLEAN;
	if (o.commit)
		ret = commit_written(&p, written, file, subject, o.why);
	goto out;
nomem:
	die_msg("out of memory");
out:
	if (opened)
		plan_close(&p);
	if (rows != &one) {
		for (i = 0; i < nrows; i++)
			free(rows[i].value);
		free(rows);
	}
	strat_plan_free(after);
	strat_diags_free(all);
	strat_diags_free(fresh);
	free(path);
	free(buf);
	free(out);
	free(written);
	free(diff);
	free(filerel);
	free(newfile);
	return ret;
}
