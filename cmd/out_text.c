/* out_text.c - gcc-style diagnostics with the source line and a caret. */
#include <string.h>

#include "cmd.h"

#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_MAG "\033[1;35m"
#define C_GREEN "\033[1;32m"
#define C_CYAN "\033[1;36m"
#define C_OFF "\033[0m"

/* Bytes of the first n code points of s[0..len). */
static size_t
cp_bytes(const char *s, size_t len, size_t n)
{
	size_t i = 0;

	while (i < len && n > 0) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		n--;
	}
	return i;
}

/* Code points in s[0..len). */
static size_t
cp_count(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/*
 * End of the token at s[at]: a quoted scalar to its closing quote; the
 * start of a collection alone; else up to ": ", " #", a flow indicator or
 * the end of the line, less trailing blanks.  The caret's '~' run covers
 * it.
 */
static size_t
token_end(const char *s, size_t len, size_t at)
{
	size_t i = at + 1;

	if (at < len && (s[at] == '[' || s[at] == '{' ||
			 (s[at] == '-' && (i == len || s[i] == ' '))))
		return i; /* a collection: the caret alone */
	if (at < len && (s[at] == '"' || s[at] == '\'')) {
		for (; i < len; i++) {
			if (s[at] == '"' && s[i] == '\\' && i + 1 < len)
				i++;
			else if (s[i] == s[at])
				return i + 1;
		}
		return len;
	}
	for (; i < len; i++) {
		if (s[i] == ',' || s[i] == ']' || s[i] == '}' ||
		    (s[i] == ':' && (i + 1 == len || s[i + 1] == ' ')) ||
		    (s[i] == '#' && s[i - 1] == ' '))
			break;
	}
	while (i > at + 1 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
		i--;
	return i;
}

/* Lines longer than this are shown as a window around the column. */
#define LONG_LINE 160
#define WINDOW 100

static void
excerpt(FILE *f, const report_ctx *r, const strat_diag *d)
{
	const char *src;
	size_t len, pre, i, tok, from = 0, to, col, cut, end;

	if (r->plan == NULL || d->line == 0 ||
	    (src = strat_plan_source_line(r->plan, d->file, d->line, &len)) ==
		    NULL)
		return;
	col = d->column ? d->column - 1 : 0; /* code points before it */
	to = len;
	if (cp_count(src, len) > LONG_LINE) {
		cut = col > WINDOW / 2 ? col - WINDOW / 2 : 0;
		from = cp_bytes(src, len, cut);
		col -= cut;
		to = from + cp_bytes(src + from, len - from, WINDOW);
	}
	fprintf(f, "%5u | %s", (unsigned)d->line, from ? "..." : "");
	term_putn(f, src + from, to - from);
	fputs(to < len ? "...\n" : "\n", f);
	if (d->column == 0)
		return;
	src += from;
	len = to - from;
	pre = cp_bytes(src, len, col);
	fputs(from ? "      |    " : "      | ", f);
	for (i = 0; i < pre; i++) {
		if (((unsigned char)src[i] & 0xC0) == 0x80)
			continue;
		fputc(src[i] == '\t' ? '\t' : ' ', f);
	}
	if (r->color)
		fputs(d->severity == STRAT_SEV_ERROR ? C_RED : C_MAG, f);
	fputc('^', f);
	end = token_end(src, len, pre);
	for (tok = pre + 1; tok < end && tok - pre < 60; tok++)
		if (((unsigned char)src[tok] & 0xC0) != 0x80)
			fputc('~', f);
	if (r->color)
		fputs(C_OFF, f);
	fputc('\n', f);
}

void
out_text(FILE *f, const report_ctx *r)
{
	size_t i, n = strat_diags_count(r->diags);
	size_t e = strat_diags_errors(r->diags);
	size_t w = strat_diags_warnings(r->diags);
	const strat_diag *d;

	for (i = 0; i < n; i++) {
		d = strat_diags_get(r->diags, i);
		if (r->quiet && d->severity != STRAT_SEV_ERROR)
			continue;
		if (r->color)
			fputs(C_BOLD, f);
		term_puts(f, d->file[0] ? d->file : "strat");
		if (d->line)
			fprintf(f, ":%u", (unsigned)d->line);
		if (d->line && d->column)
			fprintf(f, ":%u", (unsigned)d->column);
		fputs(": ", f);
		if (r->color)
			fputs(d->severity == STRAT_SEV_ERROR ? C_RED : C_MAG, f);
		fputs(strat_severity_name(d->severity), f);
		fputs(":", f);
		if (r->color)
			fputs(C_OFF, f);
		fputc(' ', f);
		term_puts(f, d->message);
		fprintf(f, " [%s]\n", strat_rule_id(d->rule));
		if (r->quiet)
			continue;
		excerpt(f, r, d);
		if (d->hint) {
			fputs("  ", f);
			if (r->color)
				fputs(C_CYAN, f);
			fputs("hint:", f);
			if (r->color)
				fputs(C_OFF, f);
			fputc(' ', f);
			term_puts(f, d->hint);
			fputc('\n', f);
		}
	}
	if (r->quiet)
		return;
	/* The summary goes to stderr: stdout holds only the findings.
	 * Flush them first, so that 2>&1 reads in order. */
	fflush(f);
	f = stderr;
	if (e == 0 && w == 0) {
		if (r->color)
			fputs(C_GREEN, f);
		fprintf(f, "ok: %zu file%s, no problems", r->files,
			r->files == 1 ? "" : "s");
		if (r->color)
			fputs(C_OFF, f);
		fputc('\n', f);
		return;
	}
	fprintf(f, "%zu error%s, %zu warning%s in %zu file%s\n", e,
		e == 1 ? "" : "s", w, w == 1 ? "" : "s", r->files,
		r->files == 1 ? "" : "s");
}
