/*
 * strat/render.h - one contract for every renderer of libstrat.
 *
 * Each result strat computes is rendered by one function of the same shape:
 *
 *   int strat_lint_render(char **out, const strat_lint_result *,
 *                         const strat_render_options *);
 *   int strat_report_render(char **out, const strat_report *, ...);
 *   int strat_review_render(char **out, const strat_review *, ...);
 *   int strat_week_render(char **out, const strat_week *, ...);
 *
 * *out is set to a NUL-terminated malloc'd string the caller frees (NULL
 * on failure).  They return 0, STRAT_EUSAGE for a format the result has
 * no rendering in, or STRAT_ENOMEM.  Nothing is printed.  Text output is
 * made safe for a terminal (control characters shown as '?'), Markdown
 * and HTML make user text inert, JSON is UTF-8 with everything escaped.
 */
#ifndef STRAT_RENDER_H
#define STRAT_RENDER_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
	STRAT_FORMAT_TEXT = 0, /* a terminal */
	STRAT_FORMAT_MD,       /* GitHub-flavoured Markdown */
	STRAT_FORMAT_HTML,
	STRAT_FORMAT_JSON, /* strat's own shapes (spec/SPEC.md) */
	STRAT_FORMAT_CSV,
	STRAT_FORMAT_SARIF,       /* SARIF 2.1.0, code scanning */
	STRAT_FORMAT_GITHUB,      /* GitHub Actions workflow commands */
	STRAT_FORMAT_RDJSON,      /* reviewdog's Diagnostic Format */
	STRAT_FORMAT_CHECKSTYLE,  /* checkstyle XML (Jenkins, reviewdog) */
	STRAT_FORMAT_JUNIT,       /* JUnit XML test report (GitLab, Jenkins) */
	STRAT_FORMAT_CODECLIMATE, /* GitLab Code Quality (Code Climate) */
	STRAT_FORMAT__COUNT
} strat_format;

/* "text", "md", "html", "json", "csv", "sarif", "github", "rdjson",
 * "checkstyle", "junit", "codeclimate". */
const char *strat_format_name(strat_format f);
/* The format named name ("markdown" is md), or -1. */
int strat_format_lookup(const char *name);

typedef struct {
	unsigned version;
	strat_format format;
	int color; /* text: ANSI colours */
	int quiet; /* lint text: errors only, without excerpts or hints */
} strat_render_options;
#define STRAT_RENDER_OPTIONS_VERSION 1
#define STRAT_RENDER_OPTIONS_INIT                                              \
	{                                                                      \
		STRAT_RENDER_OPTIONS_VERSION, STRAT_FORMAT_TEXT, 0, 0          \
	}

#ifdef __cplusplus
}
#endif

#endif
