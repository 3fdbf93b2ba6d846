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
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"
#include "strat/edit.h"

typedef enum { ED_SHIP, ED_START, ED_SLIP, ED_DROP, ED_ADD, ED_OWNER } verb;

typedef struct {
	verb v;
	const char *name;
	const char *why, *on, *to, *anchor, *owner, *channel, *date, *id,
		*file, *title;
	int commit, dry, force;
	strat_day today;
} edit_opts;

static const char *const usages[] = {
	"usage: strat ship ID [--on DATE] [options]",
	"usage: strat start ID [options]",
	"usage: strat slip ID --to DATE [options]",
	"usage: strat drop ID [options]",
	"usage: strat add --anchor A --owner O --channel C --date D [--id ID] "
	"[--file F] [options] TITLE",
	"usage: strat owner ID PERSON [options]",
};

static void
usage(FILE *f, verb v)
{
	fprintf(f, "%s\n       options: [--why TEXT] [--commit] [-n | "
		   "--dry-run] [--force] [--today DATE]\n",
		usages[v]);
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
	char *root;  /* real path of the plan directory */
	char *top;   /* real path of the git work tree; NULL without git */
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
	p->lo.keep_sources = 1;
	if ((p->root = find_plan_root(".")) == NULL) {
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

/* Run argv (git), its output discarded when quiet; its exit status, or
 * -1 when it cannot run. */
static int
run(char *const argv[], int quiet)
{
	pid_t pid;
	int st;

	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		int null = quiet ? open("/dev/null", O_WRONLY) : -1;

		if (null >= 0) {
			dup2(null, 1);
			dup2(null, 2);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "strat: cannot run %s: %s\n", argv[0],
			strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
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
		char *ls[] = {"git", "-C", (char *)top, "ls-files",
			      "--error-unmatch", "--", (char *)rel, NULL};
		char *add[] = {"git", "-C", (char *)top, "add", "--",
			       (char *)rel, NULL};

		if (run(ls, 1) != 0 && run(add, 0) != 0) {
			free(body);
			return 1;
		}
	}
	if (body != NULL) {
		char *argv[] = {"git", "-C", (char *)top, "commit", "-q",
				"-m", (char *)subject, "-m", body,
				"--only", "--", (char *)rel, NULL};
		rc = run(argv, 0);
	} else {
		char *argv[] = {"git", "-C", (char *)top, "commit", "-q",
				"-m", (char *)subject, "--only", "--",
				(char *)rel, NULL};
		rc = run(argv, 0);
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
	char *real = realpath(f, NULL), *rel = NULL;
	size_t n = strlen(root);

	if (real != NULL && strncmp(real, root, n) == 0 && real[n] == '/')
		rel = strdup(real + n + 1);
	free(real);
	if (rel == NULL && f[0] != '/') {
		size_t k = n + strlen(f) + 2;
		char *p = malloc(k);
		struct stat st;

		if (p != NULL) {
			snprintf(p, k, "%s/%s", root, f);
			if (stat(p, &st) == 0)
				rel = strdup(f);
			free(p);
		}
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
	char *id = NULL, *path = NULL, *buf = NULL, *out = NULL, *written = NULL;
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
		case 'w': o.why = optarg; break;
		case 'c': o.commit = 1; break;
		case 'n': o.dry = 1; break;
		case 'f': o.force = 1; break;
		case 'T':
			if (strat_date_parse(optarg, &o.today) < 0)
				return usage_error(&o, "invalid --today '%s'; "
						   "use YYYY-MM-DD", optarg);
			break;
		case 'o': o.on = optarg; break;
		case 't': o.to = optarg; break;
		case 'a': o.anchor = optarg; break;
		case 'O': o.owner = optarg; break;
		case 'C': o.channel = optarg; break;
		case 'd': o.date = optarg; break;
		case 'i': o.id = optarg; break;
		case 'F': o.file = optarg; break;
		case 'h':
			usage(stdout, v);
			return EXIT_CLEAN;
		default:
			return usage_error(&o, "%s", "unknown option");
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
		return usage_error(&o, "%s", "--anchor, --owner, --channel, "
				   "--date, --id and --file are options of "
				   "strat add");
	if (v == ED_ADD) {
		if (argc != 1 || !o.anchor || !o.owner || !o.channel || !o.date)
			return usage_error(&o, "%s needs --anchor, --owner, "
					   "--channel, --date and a title",
					   name);
		o.title = argv[0];
		if (strat_date_parse(o.date, &day) < 0)
			return usage_error(&o, "invalid --date '%s'; use "
					   "YYYY-MM-DD", o.date);
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
			const char *best = strat_edit_suggest_item(p.plan,
								   argv[0]);

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
	rc = v == ED_ADD ? strat_edit_list_append(&out, &outlen, file, buf,
						  len, "items", f, nf)
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
		strat_lint_result r = STRAT_LINT_RESULT_INIT;
		strat_render_options ro = STRAT_RENDER_OPTIONS_INIT;
		char *text = NULL;

		strat_diags_sort(fresh);
		r.diags = fresh;
		r.plan = after;
		r.files = strat_plan_file_count(after);
		r.root = p.root;
		if (strat_lint_render(&text, &r, &ro) < 0) {
			die_msg("%s", strat_error_last());
			goto out;
		}
		fputs(text, stdout);
		free(text);
		fflush(stdout);
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
	if (o.commit) {
		if (strncmp(written, p.top, strlen(p.top)) != 0 ||
		    written[strlen(p.top)] != '/') {
			die_msg("'%s' is outside the work tree; not committed",
				written);
			ret = EXIT_TROUBLE;
		} else if (commit_file(p.top, written, subject, o.why) != 0) {
			die_msg("the commit was refused (see git's message "
				"above); '%s' is changed in the working tree, "
				"not committed",
				file);
			ret = EXIT_FINDINGS;
		}
	}
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
