/*
 * out_github.c - GitHub Actions workflow commands.  GitHub shows at most
 * 10 annotations of each type per step; the rest are summed up in a line.
 */
#include <stdint.h>
#include <string.h>

#include "strat/text.h"

#include "cmd.h"

#define MAX_ANNOTATIONS 10

/* Escape for a message (%, CR, LF) or a property (also ':' and ','); other
 * control characters and bidirectional marks become '?', bytes that are
 * not UTF-8 U+FFFD. */
static void
esc(FILE *f, const char *s, int prop)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n, k;
	uint32_t cp;

	for (n = strlen(s); n > 0; p += k, n -= k) {
		k = 1;
		switch (*p) {
		case '%':
			fputs("%25", f);
			break;
		case '\r':
			fputs("%0D", f);
			break;
		case '\n':
			fputs("%0A", f);
			break;
		case ':':
			fputs(prop ? "%3A" : ":", f);
			break;
		case ',':
			fputs(prop ? "%2C" : ",", f);
			break;
		default:
			if ((k = strat_text_utf8_seq(p, n, &cp)) == 0) {
				fputs("\xef\xbf\xbd", f);
				k = 1;
			} else if (strat_text_unsafe_cp(cp)) {
				fputc('?', f);
			} else {
				fwrite(p, 1, k, f);
			}
		}
	}
}

void
out_github(FILE *f, const report_ctx *r)
{
	size_t i, n = strat_diags_count(r->diags), ne = 0, nw = 0, left = 0;
	const strat_diag *d;
	size_t *count;

	for (i = 0; i < n; i++) {
		d = strat_diags_get(r->diags, i);
		count = d->severity == STRAT_SEV_ERROR ? &ne : &nw;
		if (++*count > MAX_ANNOTATIONS) {
			left++;
			continue;
		}
		fputs(d->severity == STRAT_SEV_ERROR ? "::error " : "::warning ",
		      f);
		/* relative to the top of the checkout, as GitHub wants */
		fputs("file=", f);
		if (r->prefix != NULL && r->prefix[0] != '\0') {
			esc(f, r->prefix, 1);
			fputc('/', f);
		}
		esc(f, d->file[0] ? d->file : "strat.yaml", 1);
		if (d->line)
			fprintf(f, ",line=%u", (unsigned)d->line);
		if (d->line && d->column)
			fprintf(f, ",col=%u", (unsigned)d->column);
		fputs(",title=", f);
		esc(f, strat_rule_id(d->rule), 1);
		fputs("::", f);
		esc(f, d->message, 0);
		if (d->hint) {
			fputs("%0A", f);
			esc(f, d->hint, 0);
		}
		fputc('\n', f);
	}
	if (left)
		fprintf(f,
			"strat: %zu more finding%s not annotated (GitHub shows "
			"10 of each type); run 'strat lint' to see all\n",
			left, left == 1 ? "" : "s");
	fprintf(f, "strat: %zu error%s, %zu warning%s\n",
		strat_diags_errors(r->diags),
		strat_diags_errors(r->diags) == 1 ? "" : "s",
		strat_diags_warnings(r->diags),
		strat_diags_warnings(r->diags) == 1 ? "" : "s");
}
