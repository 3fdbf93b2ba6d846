/*
 * lint_github.c - GitHub Actions workflow commands.  GitHub shows at most
 * 10 annotations of each type per step; the rest are summed up in a line.
 */
#include <stdint.h>
#include <string.h>

#include "lint_render.h"

#define MAX_ANNOTATIONS 10

/* Escape for a message (%, CR, LF) or a property (also ':' and ','); other
 * control characters and bidirectional marks become '?', bytes that are
 * not UTF-8 U+FFFD. */
static void
esc(sbuf *b, const char *s, int prop)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n, k;
	uint32_t cp;

	for (n = strlen(s); n > 0; p += k, n -= k) {
		k = 1;
		switch (*p) {
		case '%':
			sb_puts(b, "%25");
			break;
		case '\r':
			sb_puts(b, "%0D");
			break;
		case '\n':
			sb_puts(b, "%0A");
			break;
		case ':':
			sb_puts(b, prop ? "%3A" : ":");
			break;
		case ',':
			sb_puts(b, prop ? "%2C" : ",");
			break;
		default:
			if ((k = strat_text_utf8_seq(p, n, &cp)) == 0) {
				sb_puts(b, "\xef\xbf\xbd");
				k = 1;
			} else if (strat_text_unsafe_cp(cp)) {
				sb_puts(b, "?");
			} else {
				sb_put(b, (const char *)p, k);
			}
		}
	}
}

static void
annotate(sbuf *b, const strat_lint_result *r, const strat_diag *d)
{
	sb_puts(b, d->severity == STRAT_SEV_ERROR ? "::error " : "::warning ");
	/* relative to the top of the checkout, as GitHub wants */
	sb_puts(b, "file=");
	if (r->plan_dir != NULL && r->plan_dir[0] != '\0') {
		esc(b, r->plan_dir, 1);
		sb_puts(b, "/");
	}
	esc(b, d->file[0] ? d->file : "strat.yaml", 1);
	if (d->line)
		sb_printf(b, ",line=%u", (unsigned)d->line);
	if (d->line && d->column)
		sb_printf(b, ",col=%u", (unsigned)d->column);
	sb_puts(b, ",title=");
	esc(b, strat_rule_id(d->rule), 1);
	sb_puts(b, "::");
	esc(b, d->message, 0);
	if (d->hint) {
		sb_puts(b, "%0A");
		esc(b, d->hint, 0);
	}
	sb_puts(b, "\n");
}

static const char *
plural(size_t n)
{
	return n == 1 ? "" : "s";
}

/*
 * Errors first, then warnings, each up to GitHub's cap; the rest are
 * counted in a line pointing at the step summary (--format md).
 */
void
lint_github(sbuf *b, const strat_lint_result *r)
{
	size_t i, n = strat_diags_count(r->diags), shown;
	size_t e = strat_diags_errors(r->diags);
	size_t w = strat_diags_warnings(r->diags);
	size_t more_e = e > MAX_ANNOTATIONS ? e - MAX_ANNOTATIONS : 0;
	size_t more_w = w > MAX_ANNOTATIONS ? w - MAX_ANNOTATIONS : 0;
	const strat_diag *d;
	int sev;

	for (sev = STRAT_SEV_ERROR; sev >= STRAT_SEV_WARNING; sev--) {
		for (i = 0, shown = 0; i < n && shown < MAX_ANNOTATIONS; i++) {
			d = strat_diags_get(r->diags, i);
			if ((int)d->severity != sev)
				continue;
			annotate(b, r, d);
			shown++;
		}
	}
	if (more_e || more_w)
		sb_printf(
		    b,
		    "strat: %zu more error%s and %zu more warning%s "
		    "not annotated (GitHub shows %d of each type per "
		    "step); every finding is in the step summary: "
		    "strat lint --format md >> \"$GITHUB_STEP_SUMMARY\"\n",
		    more_e, plural(more_e), more_w, plural(more_w),
		    MAX_ANNOTATIONS);
	sb_printf(b, "strat: %zu error%s, %zu warning%s\n", e, plural(e), w,
		  plural(w));
}
