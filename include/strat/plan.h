/*
 * strat/plan.h - the typed model of a plan repository and its loader.
 *
 * A strat_plan holds the configuration (strat.yaml), the strategy, the team
 * and every calendar item, all in one arena: strat_plan_free releases
 * everything, and every pointer reached from a plan is borrowed from it.
 * Every value keeps its position (file, 1-based line and column in code
 * points).  Absent optional values have s == NULL and line == 0.
 *
 * The loader reads through a strat_source, so the same code reads the
 * working tree, the git index or a commit (see git.h).
 */
#ifndef STRAT_PLAN_H
#define STRAT_PLAN_H

#include "common.h"
#include "date.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A string value and where it stands. */
typedef struct {
	const char *s; /* NUL-terminated, NULL when absent */
	uint32_t line, column;
} strat_str;

typedef enum {
	STRAT_STATUS_NONE = 0, /* absent or invalid */
	STRAT_STATUS_PLANNED,
	STRAT_STATUS_IN_PROGRESS,
	STRAT_STATUS_SHIPPED,
	STRAT_STATUS_DROPPED
} strat_status;

typedef struct {
	const char *file; /* repository-relative path, borrowed from the plan */
	uint32_t line, column;
	strat_str id, title, anchor, owner, channel, link, notes, kpi;
	strat_str date_text, status_text, shipped_text;
	strat_day date, shipped;
	strat_status status;
} strat_item;

typedef struct {
	strat_str title;
	strat_day date;
	strat_str date_text;
} strat_milestone;

/* A number of the plan (a reading's value, a KPI's target or baseline, a
 * done-when bound): its text as written, and its value when the text is
 * a valid number (SPEC.md, "Numbers"). */
typedef struct {
	strat_str text; /* text.s == NULL when absent */
	double value;
	int valid;   /* 1 when value holds the number */
	int percent; /* the text ended in '%' (targets and baselines) */
} strat_number;

typedef enum {
	STRAT_DONE_NONE = 0,
	STRAT_DONE_AT_LEAST, /* done when the KPI's value >= bound */
	STRAT_DONE_AT_MOST   /* done when the KPI's value <= bound */
} strat_done_op;

/* An anchor's checkable definition of done: done-when. */
typedef struct {
	uint32_t line, column; /* of the mapping; 0 when absent */
	strat_str kpi;
	strat_done_op op;
	strat_number bound;
} strat_done_when;

typedef struct {
	uint32_t line, column;
	strat_str id, title, quarter, owner, done;
	int year, q; /* parsed quarter, 0 when invalid */
	strat_str *outcomes;
	size_t noutcomes;
	strat_milestone *milestones;
	size_t nmilestones;
	strat_done_when done_when;
} strat_anchor;

typedef struct {
	uint32_t line, column;
	strat_str id, title, owner, kpi;
} strat_outcome;

typedef struct {
	uint32_t line, column;
	strat_str id, title, owner, target, unit;
	strat_str direction, target_date_text;
	int down;                /* direction: down (lower is better) */
	strat_number target_num; /* target as a number */
	strat_number baseline;   /* optional */
	strat_day target_date;   /* STRAT_NO_DATE when absent */
} strat_kpi;

/* One KPI reading of a metrics file: the KPI's value as of that day. */
typedef struct {
	uint32_t line, column;
	const char *file; /* borrowed from the plan */
	strat_str kpi, date_text, note;
	strat_day date; /* STRAT_NO_DATE when absent or invalid */
	strat_number value;
} strat_reading;

typedef struct {
	const char *path;
	size_t first, n; /* range in the plan's reading array */
	int loaded;      /* 0 when the file did not parse */
} strat_metrics_file;

typedef struct {
	const char *file; /* NULL when no strategy file was loaded */
	strat_str title, owner, thesis;
	strat_outcome *outcomes;
	size_t noutcomes;
	strat_kpi *kpis;
	size_t nkpis;
	strat_anchor *anchors;
	size_t nanchors;
} strat_strategy;

typedef struct {
	uint32_t line, column;
	strat_str id, name, email, role;
} strat_person;

typedef struct {
	const char *file; /* NULL when there is no team file */
	strat_person *people;
	size_t npeople;
} strat_team;

typedef struct {
	const char *file;   /* "strat.yaml", or NULL when defaults apply */
	strat_str strategy; /* path; s is the default when not configured */
	strat_str team;
	strat_str *calendars; /* globs */
	size_t ncalendars;
	size_t *glob_matches; /* files matched per glob */
	strat_str *channels;
	size_t nchannels;
	int week_starts;    /* 1 = monday (default), 0 = sunday */
	strat_str *metrics; /* globs of metrics files */
	size_t nmetrics;
	size_t *metrics_matches; /* files matched per metrics glob */
	strat_str stale_days_text;
	int stale_days; /* kpi-stale-days, default 14 */
	strat_str grace_days_text;
	int grace_days; /* grace-days: late-recorded ships (default 0) */
	strat_str item_stale_days_text;
	int item_stale_days; /* stale-days: in-progress items untouched
			      * (default STRAT_STALE_DAYS) */
} strat_config;
#define STRAT_STALE_DAYS 14

typedef struct {
	const char *path;
	strat_str title;
	size_t first_item, nitems; /* range in the plan's item array */
	int loaded;                /* 0 when the file did not parse */
} strat_calendar;

typedef struct strat_plan strat_plan;

/*
 * A file opened to be read in pieces (strat_source.open): read() puts up
 * to cap bytes into buf and sets *got, 0 at the end of the file, and
 * returns 0 or a negative code; close() releases the stream.  size is the
 * file's size when it was opened: no more than that is read.
 */
typedef struct {
	int (*read)(void *s, char *buf, size_t cap, size_t *got);
	void (*close)(void *s);
	void *s;
	size_t size;
} strat_stream;

/*
 * Where the loader reads from.  list() reports every file path (relative
 * to the repository root, '/'-separated) by calling add() once per path;
 * read() returns the file's bytes in *buf (freed by the caller with free())
 * or STRAT_ENOTFOUND.  Both return 0 or a negative code.
 */
typedef struct {
	int (*list)(void *ctx, int (*add)(void *arg, const char *path),
		    void *arg);
	int (*read)(void *ctx, const char *path, char **buf, size_t *len);
	void *ctx;
	/* Optional: the OID or content hash of a path, to skip unchanged
	 * files across versions; NULL when not available.  A git source
	 * checks there that the object is the blob the entry says (an
	 * error like read()'s otherwise); the loader asks it of a file
	 * that stands where a calendar glob's directory could be. */
	int (*stat)(void *ctx, const char *path, uint64_t *hash);
	/* Optional: open a file to read in pieces, with read()'s return
	 * codes; NULL when not available.  The loader then never holds a
	 * file's whole text beside what it keeps of it (unless asked to
	 * keep the text: STRAT_SOURCES_KEEP), and reads it whole again
	 * through read() only to quote a syntax error. */
	int (*open)(void *ctx, const char *path, strat_stream *out);
} strat_source;

typedef struct {
	unsigned version;
	strat_day today;   /* for date rules; STRAT_NO_DATE = not checked */
	int keep_sources;  /* STRAT_SOURCES_*: file text for
			    * strat_plan_source_line */
	const char **only; /* when set, NULL-terminated list of paths: files
			       * outside it are loaded but their findings of
			       * LOAD rules are not reported */
} strat_load_options;
/* keep_sources: no text (0); every file's text kept (1); only each
 * file's size and hash kept, strat_plan_read_sources reads the text of
 * the files with findings afterwards (2: a plan of megabytes is not held
 * twice in memory when it has nothing to show) */
#define STRAT_SOURCES_NONE         0
#define STRAT_SOURCES_KEEP         1
#define STRAT_SOURCES_LATER        2
#define STRAT_LOAD_OPTIONS_VERSION 1
#define STRAT_LOAD_OPTIONS_INIT                                                \
	{                                                                      \
		STRAT_LOAD_OPTIONS_VERSION, STRAT_NO_DATE, 0, NULL             \
	}

/*
 * Load the whole plan through src: strat.yaml, the strategy, the team and
 * every calendar file its globs match.  Findings go to diags (which also
 * receives the rule overrides of strat.yaml).  Returns 0 with *out set
 * (even when files were malformed), or a negative code on I/O or memory
 * failure.  Free *out with strat_plan_free.
 */
int strat_plan_load(strat_plan **out, const strat_source *src,
		    const strat_load_options *opts, strat_diags *diags);

/*
 * The plan's directory inside src, the one rule of every command: from
 * start (a directory relative to the source's top, '/'-separated, "" for
 * the top) upwards, the first directory holding strat.yaml or
 * strategy.yaml (a file that exists but cannot be read counts: the loader
 * reports it).  Returns 1 with it in *out ("" for the top), 0 with *out ""
 * when none does, or a negative code.  *out is malloc'd (free()).
 */
int strat_plan_locate(char **out, const strat_source *src, const char *start);

/* A source reading the directory root of the working tree. */
int strat_source_fs(strat_source *out, const char *root);
void strat_source_fs_free(strat_source *src);

/*
 * A source over n files held in memory (for tests and fuzzing).  Neither
 * the array nor the bytes are copied: they must outlive the source.
 */
typedef struct {
	const char *path; /* repository-relative, '/'-separated */
	const char *data;
	size_t len;
} strat_mem_file;
int strat_source_mem(strat_source *out, const strat_mem_file *files, size_t n);
void strat_source_mem_free(strat_source *src);

/*
 * A source showing the subdirectory prefix of inner as its root, for a
 * plan kept below the top of a git repository: list() reports only paths
 * under prefix, with "prefix/" stripped; read() and stat() put it back.
 * prefix is '/'-separated, relative to inner's root, without leading or
 * trailing '/'; "" passes every path through.  inner must outlive *out.
 * Free with strat_source_prefix_free.
 */
int strat_source_prefix(strat_source *out, const strat_source *inner,
			const char *prefix);
void strat_source_prefix_free(strat_source *src);

/*
 * A source showing inner with the file path (relative to its root) read
 * as the len bytes of buf instead: the plan as an edit would leave it.
 * Neither inner nor buf is copied; both must outlive *out.  Free with
 * strat_source_overlay_free.
 */
int strat_source_overlay(strat_source *out, const strat_source *inner,
			 const char *path, const char *buf, size_t len);
void strat_source_overlay_free(strat_source *src);

void strat_plan_free(strat_plan *plan);

/*
 * The role of a plan file from its text alone, for a file read without a
 * path (strat lint -): "strat" when its top mapping has the key strat
 * (strat.yaml), else its kind: "strategy", "team", "calendar" or
 * "metrics"; NULL when it says none of these (or does not parse as far).
 * *kind is a static string.  Returns 0, or STRAT_ENOMEM.
 */
int strat_plan_file_kind(const char *buf, size_t len, const char **kind);

const strat_config *strat_plan_config(const strat_plan *plan);
const strat_strategy *strat_plan_strategy(const strat_plan *plan);
const strat_team *strat_plan_team(const strat_plan *plan);
size_t strat_plan_item_count(const strat_plan *plan);
const strat_item *strat_plan_item(const strat_plan *plan, size_t i);
size_t strat_plan_calendar_count(const strat_plan *plan);
/* Plan files found and read (strat.yaml, strategy, team, calendars),
 * including files with findings and files that could not be used. */
size_t strat_plan_file_count(const strat_plan *plan);
const strat_calendar *strat_plan_calendar(const strat_plan *plan, size_t i);

/* KPI readings of the metrics files, in reading order (files in byte
 * order of their paths, each from top to bottom).  Borrowed. */
size_t strat_plan_reading_count(const strat_plan *plan);
const strat_reading *strat_plan_reading(const strat_plan *plan, size_t i);
size_t strat_plan_metrics_count(const strat_plan *plan);
const strat_metrics_file *strat_plan_metrics(const strat_plan *plan, size_t i);
const strat_kpi *strat_plan_find_kpi(const strat_plan *plan, const char *id);

/*
 * Parse a number of the plan: an optional sign, decimal digits with an
 * optional fraction and exponent, and, when percent_ok, an optional final
 * '%'.  Returns 0 with *out (and *percent) set, -1 when s is not such a
 * number (NaN, inf, hex, spaces...), -2 when its magnitude exceeds
 * STRAT_MAX_NUMBER.
 */
int strat_number_parse(const char *s, int percent_ok, double *out,
		       int *percent);
/* Format v as the shortest text that reads back as v ("400", "2.5"). */
void strat_number_format(double v, char out[32]);

/* Lookups by id; NULL when absent.  Borrowed. */
const strat_item *strat_plan_find_item(const strat_plan *plan, const char *id);
const strat_anchor *strat_plan_find_anchor(const strat_plan *plan,
					   const char *id);
const strat_person *strat_plan_find_person(const strat_plan *plan,
					   const char *id);

/*
 * The text of line `line` (1-based) of a loaded file, without its newline,
 * when the plan was loaded with STRAT_SOURCES_KEEP, or with
 * STRAT_SOURCES_LATER and strat_plan_read_sources read the file; NULL
 * otherwise.  Borrowed.
 */
const char *strat_plan_source_line(const strat_plan *plan, const char *file,
				   uint32_t line, size_t *len);

/*
 * For a plan loaded with STRAT_SOURCES_LATER: read again from src (the
 * source it was loaded from) the files that diags name, and keep the text
 * of each one whose bytes are those loaded (same size and hash).  A file
 * changed since the load gets no text: no excerpt rather than a wrong
 * one.  0, or a negative code (out of memory).
 */
int strat_plan_read_sources(strat_plan *plan, const strat_source *src,
			    const strat_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
