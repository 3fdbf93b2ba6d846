/*
 * lint_github.c - GitHub Actions workflow commands.  GitHub shows at most
 * 10 annotations of each type per step; the rest are summed up in a line.
 */
#include <string.h>

#include "lint_render.h"

#define MAX_ANNOTATIONS 10

/* Escape for a message (%, CR, LF) or a property (also ':' and ','). */
static void
esc(sbuf *b, const char *s, int prop)
{
	for (; *s; s++) {
		switch (*s) {
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
			if ((unsigned char)*s < 0x20 || *s == 0x7f)
				sb_puts(b, "?");
			else
				sb_put(b, s, 1);
		}
	}
}

void
lint_github(sbuf *b, const strat_lint_result *r)
{
	size_t i, n = strat_diags_count(r->diags), ne = 0, nw = 0, left = 0;
	size_t e = strat_diags_errors(r->diags);
	size_t w = strat_diags_warnings(r->diags);
	const strat_diag *d;
	size_t *count;

	for (i = 0; i < n; i++) {
		d = strat_diags_get(r->diags, i);
		count = d->severity == STRAT_SEV_ERROR ? &ne : &nw;
		if (++*count > MAX_ANNOTATIONS) {
			left++;
			continue;
		}
		sb_puts(b, d->severity == STRAT_SEV_ERROR ? "::error "
							  : "::warning ");
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
	if (left)
		sb_printf(b,
			  "strat: %zu more finding%s not annotated (GitHub "
			  "shows 10 of each type); run 'strat lint' to see "
			  "all\n",
			  left, left == 1 ? "" : "s");
	sb_printf(b, "strat: %zu error%s, %zu warning%s\n", e,
		  e == 1 ? "" : "s", w, w == 1 ? "" : "s");
}
