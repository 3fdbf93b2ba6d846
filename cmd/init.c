/* init.c - 'strat init [DIR]': scaffold a plan repository that lints clean. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "strat/file.h"

static const char init_usage[] =
    "usage: strat init [--force] [--git] [--schema-base URL|DIR] [DIR]\n";

static const opt_doc init_optdoc[] = {
    {"DIR", "where to create the plan (default: the current directory)"},
    {"--force", "overwrite plan files that exist"},
    {"--git", "also run git init and install the pre-commit hook"},
    {"--schema-base URL|DIR", "where the editor finds the JSON schemas"},
    {"-h, --help", "this help"},
    {NULL, NULL}};

/* What the scaffold is made of: the current quarter and three dates. */
typedef struct {
	int year, q;
	char dates[3][11];
	const char *schema; /* base of the schema files, see schema_base() */
} scaffold;

static const char *const files[] = {"strat.yaml", "strategy.yaml", "team.yaml",
				    NULL /* calendar */};
enum { NFILES = 4 };

/*
 * Where the yaml-language-server line points.  A base given with
 * --schema-base is used as is when it is a URL or an absolute path, and
 * taken relative to the repository root otherwise.  By default: the
 * schemas installed with strat (PREFIX/share/strat/schema), else those of
 * the source tree strat runs from (spec/schema), as absolute paths.
 */
static char *
schema_base(const char *opt)
{
	static const char *const cands[] = {"../share/strat/schema",
					    "spec/schema", "../spec/schema",
					    "../../spec/schema", NULL};
	char *p;

	if (opt != NULL)
		return strdup(opt);
	if ((p = find_beside_exe(cands)) != NULL)
		return p;
	return strdup("/usr/local/share/strat/schema");
}

/* The schema line for a file `depth` directories below the root. */
static void
schema_line(FILE *f, const char *base, int depth, const char *name)
{
	int i;

	fputs("# yaml-language-server: $schema=", f);
	if (base[0] != '/' && strstr(base, "://") == NULL)
		for (i = 0; i < depth; i++)
			fputs("../", f);
	fprintf(f, "%s/%s.schema.json\n", base, name);
}

static void
write_config(FILE *f, const scaffold *s)
{
	schema_line(f, s->schema, 0, "strat");
	fputs("#\n"
	      "# strat configuration.  Only 'strat: 1' is required; the other\n"
	      "# values shown are the defaults.  Reference: strat(5), or\n"
	      "# 'strat help format'.\n"
	      "strat: 1\n"
	      "strategy: strategy.yaml\n"
	      "team: team.yaml\n"
	      "# Calendar files: globs relative to this directory ('**' is "
	      "any depth).\n"
	      "calendars:\n"
	      "  - calendar/**/*.yaml\n"
	      "# First day of the week for 'strat week': monday or sunday.\n"
	      "week-starts: monday\n"
	      "# Uncomment to allow only these channels (rule "
	      "channel-unknown):\n"
	      "# channels: [blog, email, webinar, social, ads, event, "
	      "launch]\n"
	      "# Change a rule's severity: error, warning or off "
	      "('strat help rules').\n"
	      "# rules:\n"
	      "#   quarter-anchor-count: error\n",
	      f);
}

static void
write_strategy(FILE *f, const scaffold *s)
{
	int y = s->year, q = s->q;

	schema_line(f, s->schema, 0, "strategy");
	fprintf(f,
		"#\n"
		"# The strategy: a thesis, the business outcomes it serves, "
		"the KPIs that\n"
		"# measure them, and for each quarter 3 to 5 anchors (focus "
		"areas), each\n"
		"# with ONE owner and a definition of done.  Owners are person "
		"ids from\n"
		"# team.yaml.  Reference: strat(5), or 'strat help format'.\n"
		"kind: strategy\n"
		"version: 1\n"
		"title: Marketing strategy %d\n"
		"owner: ana\n"
		"# Why customers will choose us, in a few sentences; '>' "
		"folds the lines.\n"
		"thesis: >\n"
		"  Replace this with your thesis: who we serve, what they "
		"struggle with,\n"
		"  and why we are the ones who win them.\n"
		"\n"
		"# The business outcomes.  Every anchor serves at least one.\n"
		"outcomes:\n"
		"  - id: pipeline\n"
		"    title: Grow qualified pipeline\n"
		"    owner: ana\n"
		"    kpi: mql\n"
		"  - id: expansion\n"
		"    title: Expand revenue from existing customers\n"
		"    owner: ben\n"
		"\n"
		"# Measures with targets.  Quote numbers (target: \"400\") so "
		"that editors\n"
		"# read them as text, as strat does.  KPI readings go in "
		"metrics/*.yaml\n"
		"# (kind: metrics, see strat(5)).\n"
		"kpis:\n"
		"  - id: mql\n"
		"    title: Marketing-qualified leads per month\n"
		"    owner: ben\n"
		"    target: \"400\"\n"
		"    direction: up\n"
		"    unit: leads/month\n"
		"\n"
		"# This quarter's anchors.  Every anchor needs at least one "
		"calendar item\n"
		"# (rule anchor-without-items); a quarter wants 3 to 5 anchors "
		"(rule\n"
		"# quarter-anchor-count).  Keep an anchor's id when its title "
		"changes.\n"
		"anchors:\n"
		"  - id: q%d-organic\n"
		"    title: Lead generation through organic search\n"
		"    quarter: %d-Q%d\n"
		"    owner: ana\n"
		"    outcomes: [pipeline]\n"
		"    done: 30%% of MQLs come from organic search\n"
		"  - id: q%d-webinars\n"
		"    title: A monthly webinar that feeds the pipeline\n"
		"    quarter: %d-Q%d\n"
		"    owner: ben\n"
		"    outcomes: [pipeline]\n"
		"    done: Three webinars held, 60 MQLs in total\n"
		"    # Optional checkpoints on the way:\n"
		"    milestones:\n"
		"      - title: First webinar held\n"
		"        date: %s\n"
		"  - id: q%d-customers\n"
		"    title: Turn customers into references\n"
		"    quarter: %d-Q%d\n"
		"    owner: chloe\n"
		"    outcomes: [expansion, pipeline]\n"
		"    done: Four published case studies, each used by sales\n",
		y, q, y, q, q, y, q, s->dates[1], q, y, q);
}

static void
write_team(FILE *f, const scaffold *s)
{
	schema_line(f, s->schema, 0, "team");
	fputs("#\n"
	      "# The people who may own things.  Every 'owner' in the "
	      "strategy and the\n"
	      "# calendar must be one of these ids (rule owner-unknown).  "
	      "Replace them\n"
	      "# with your team.\n"
	      "kind: team\n"
	      "version: 1\n"
	      "people:\n"
	      "  - id: ana\n"
	      "    name: Ana Example\n"
	      "    email: ana@example.com\n"
	      "    role: Head of marketing\n"
	      "  - id: ben\n"
	      "    name: Ben Example\n"
	      "    role: Demand generation\n"
	      "  - id: chloe\n"
	      "    name: Chloe Example\n"
	      "    role: Customer marketing\n",
	      f);
}

static void
write_calendar(FILE *f, const scaffold *s)
{
	int q = s->q;

	schema_line(f, s->schema, 2, "calendar");
	fprintf(f,
		"#\n"
		"# The execution calendar: every planned piece of work, with "
		"a date, a\n"
		"# channel, ONE owner, a status, and the anchor it serves.  "
		"Nothing is\n"
		"# scheduled without a strategic reason.\n"
		"#\n"
		"# status: planned, in-progress, shipped (then add 'shipped: "
		"YYYY-MM-DD',\n"
		"# the day it went out) or dropped (keep the item: history "
		"shows the\n"
		"# decision).  Keep an item's id when its title or date "
		"changes: strat\n"
		"# follows items through git history by id.\n"
		"kind: calendar\n"
		"version: 1\n"
		"title: Q%d %d\n"
		"items:\n"
		"  - id: q%d-pillar-guide\n"
		"    title: \"Pillar guide: the problem we solve\"\n"
		"    anchor: q%d-organic\n"
		"    owner: ana\n"
		"    channel: blog\n"
		"    date: %s\n"
		"    status: planned\n"
		"  - id: q%d-webinar-1\n"
		"    title: \"Webinar: how the best teams do it\"\n"
		"    anchor: q%d-webinars\n"
		"    owner: ben\n"
		"    channel: webinar\n"
		"    date: %s\n"
		"    status: planned\n"
		"    kpi: mql\n"
		"  - id: q%d-case-study-1\n"
		"    title: \"Case study: our first reference customer\"\n"
		"    anchor: q%d-customers\n"
		"    owner: chloe\n"
		"    channel: web\n"
		"    date: %s\n"
		"    status: planned\n"
		"    notes: Ask the account team for a customer who would "
		"talk.\n",
		q, s->year, q, q, s->dates[0], q, q, s->dates[1], q, q,
		s->dates[2]);
}

/* Create base and the directories of path below it, these never through
 * a symbolic link: a link in the way is refused, so nothing is made
 * outside base. */
static int
mkdirs(const char *base, const char *path)
{
	char p[PATH_MAX], *s;
	struct stat st;
	size_t n = strlen(base);

	/* every directory of path: each '/' ends one (not the file) */
	if ((size_t)snprintf(p, sizeof(p), "%s", path) >= sizeof(p))
		return -1;
	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		/* base itself (and above it) as the user named it */
		if (s > p + n && lstat(p, &st) == 0 && !S_ISDIR(st.st_mode)) {
			die_msg("'%s' is in the way: %s", p,
				S_ISLNK(st.st_mode)
				    ? "init creates directories only "
				      "inside the plan, never through a "
				      "symbolic link"
				    : "not a directory");
			return -1;
		}
		if (mkdir(p, 0777) < 0 && errno != EEXIST) {
			die_msg("cannot create directory '%s': %s", p,
				strerror(errno));
			return -1;
		}
		*s = '/';
	}
	return 0;
}

/* Create path below base (never overwriting, never through a link) and
 * fill it, as git writes a file (strat/file.h); 0, or -1 with a message. */
static int
create(const char *base, const char *path,
       void (*fill)(FILE *, const scaffold *), const scaffold *s)
{
	strat_file_opts fo = STRAT_FILE_OPTS_INIT;
	char *buf = NULL, *root;
	size_t len = 0;
	FILE *f;
	int rc;

	if (mkdirs(base, path) < 0)
		return -1;
	if ((f = open_memstream(&buf, &len)) == NULL) {
		die_msg("out of memory");
		return -1;
	}
	fill(f, s);
	if (fclose(f) != 0) {
		free(buf);
		die_msg("out of memory");
		return -1;
	}
	if ((root = realpath(base, NULL)) == NULL) {
		die_msg("cannot create '%s': %s", path, strerror(errno));
		free(buf);
		return -1;
	}
	fo.flags = STRAT_FILE_CREATE | STRAT_FILE_NOFOLLOW;
	rc = strat_file_write(NULL, root, path, buf, len, &fo);
	free(root);
	free(buf);
	if (rc < 0) {
		die_msg("cannot create '%s': %s", path, strat_error_last());
		return -1;
	}
	return 0;
}

/* --git: git init, then the pre-commit hook when strat has 'hook'. */
static int
setup_git(const char *dir)
{
	char *gi[] = {"git", "init", "-q", (char *)dir, NULL};
	char *hook[] = {"hook", "install", NULL};
	const command *c;
	char cwd[PATH_MAX];
	int rc;

	if ((rc = run_program(gi, 0)) != 0) {
		die_msg("'git init %s' failed%s", dir,
			rc < 0 || rc == 127 ? ": is git installed?" : "");
		return -1;
	}
	printf("initialized a git repository in %s\n", dir);
	for (c = commands; c->name; c++)
		if (strcmp(c->name, "hook") == 0)
			break;
	if (c->name == NULL) {
		printf("to lint every commit, install the pre-commit hook "
		       "once strat has it:\n  strat hook install\n");
		return 0;
	}
	if (getcwd(cwd, sizeof(cwd)) == NULL || chdir(dir) < 0) {
		die_msg("cannot enter '%s': %s", dir, strerror(errno));
		return -1;
	}
	rc = c->fn(2, hook);
	if (chdir(cwd) < 0)
		return -1;
	return rc == 0 ? 0 : -1;
}

int
cmd_init(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"force", no_argument, NULL, 'f'},
	    {"git", no_argument, NULL, 'g'},
	    {"schema-base", required_argument, NULL, 's'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	void (*fills[NFILES])(FILE *, const scaffold *) = {
	    write_config, write_strategy, write_team, write_calendar};
	char paths[NFILES][PATH_MAX], cal[32];
	int ch, force = 0, git = 0, y, m, d, i, exists[NFILES], nexist = 0;
	int made = 0, ret = EXIT_TROUBLE;
	const char *dir = ".", *schema_opt = NULL;
	scaffold s;
	strat_day today, qs, qe, day;
	struct stat st;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			force = 1;
			break;
		case 'g':
			git = 1;
			break;
		case 's':
			schema_opt = optarg;
			break;
		case 'h':
			show_help(init_usage, init_optdoc);
			return EXIT_CLEAN;
		default:
			bad_option(init_usage, argv, longopts);
			return EXIT_TROUBLE;
		}
	}
	if (argc - optind > 1) {
		fputs(init_usage, stderr);
		return EXIT_TROUBLE;
	}
	if (optind < argc) {
		size_t n = strlen(argv[optind]);

		while (n > 1 && argv[optind][n - 1] == '/')
			argv[optind][--n] = '\0'; /* "plan/" prints as "plan" */
		dir = argv[optind];
	}
	if ((today = cmd_today()) == STRAT_NO_DATE)
		return EXIT_TROUBLE;
	strat_date_to_ymd(today, &y, &m, &d);
	s.year = y;
	s.q = (m - 1) / 3 + 1;
	qs = strat_quarter_start(s.year, s.q);
	qe = strat_quarter_end(s.year, s.q);
	for (i = 0; i < 3; i++) {
		day = today + 7 * (i + 1);
		day = day > qe ? qe : day < qs ? qs : day;
		strat_date_format(day, s.dates[i]);
	}
	snprintf(cal, sizeof(cal), "calendar/%d/q%d.yaml", s.year, s.q);
	for (i = 0; i < NFILES; i++) {
		const char *name = files[i] ? files[i] : cal;

		if ((size_t)snprintf(paths[i], PATH_MAX, "%s/%s", dir, name) >=
		    PATH_MAX) {
			die_msg("path too long: '%s'", dir);
			return EXIT_TROUBLE;
		}
		exists[i] = lstat(paths[i], &st) == 0;
		nexist += exists[i];
	}
	if (nexist > 0 && !force) {
		for (i = 0; i < NFILES; i++)
			if (exists[i])
				die_msg("'%s' already exists", paths[i]);
		die_msg("init never overwrites a file; --force creates only "
			"the missing ones");
		return EXIT_TROUBLE;
	}
	if ((s.schema = schema_base(schema_opt)) == NULL) {
		die_msg("out of memory");
		return EXIT_TROUBLE;
	}
	for (i = 0; i < NFILES; i++) {
		if (exists[i]) {
			printf("kept    %s (exists)\n", paths[i]);
			continue;
		}
		if (create(dir, paths[i], fills[i], &s) < 0)
			goto out;
		printf("created %s\n", paths[i]);
		made++;
	}
	if (git && setup_git(dir) < 0)
		goto out;
	printf("\nnext: 'strat lint%s%s' checks the plan; edit the files, "
	       "then see\n'strat week' for the weekly check-in.  'strat help "
	       "format' explains the files.\n",
	       strcmp(dir, ".") ? " " : "", strcmp(dir, ".") ? dir : "");
	ret = EXIT_CLEAN;
out:
	free((char *)s.schema);
	(void)made;
	return ret;
}
