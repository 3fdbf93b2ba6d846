/*
 * lint_text.c - strat_lint_render and its text format: gcc-style
 * findings with the source line and a caret under the token.
 */
#include <string.h>

#include "lint_render.h"

#define C_BOLD "\033[1m"
#define C_RED  "\033[1;31m"
#define C_MAG  "\033[1;35m"
#define C_CYAN "\033[1;36m"
#define C_OFF  "\033[0m"

static const char *const format_names[STRAT_FORMAT__COUNT] = {
    "text",   "md",     "html",       "json",  "csv",        "sarif",
    "github", "rdjson", "checkstyle", "junit", "codeclimate"};

const char *
strat_format_name(strat_format f)
{
	return (unsigned)f < STRAT_FORMAT__COUNT ? format_names[f] : "";
}

int
strat_format_lookup(const char *name)
{
	int i;

	if (strcmp(name, "markdown") == 0)
		return STRAT_FORMAT_MD;
	for (i = 0; i < STRAT_FORMAT__COUNT; i++)
		if (strcmp(name, format_names[i]) == 0)
			return i;
	return -1;
}

/* Bytes of the first n code points of s[0..len). */
size_t
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

uint32_t
lint_end_column(const strat_lint_result *r, const strat_diag *d)
{
	const char *src;
	size_t len, at;

	if (r->plan == NULL || d->line == 0 || d->column == 0 ||
	    (src = strat_plan_source_line(r->plan, d->file, d->line, &len)) ==
		NULL)
		return 0;
	at = cp_bytes(src, len, d->column - 1);
	if (at >= len)
		return 0;
	return (uint32_t)(d->column +
			  cp_count(src + at, token_end(src, len, at) - at));
}

uint32_t
lint_byte_column(const strat_lint_result *r, const strat_diag *d, uint32_t col)
{
	const char *src;
	size_t len, n;

	if (r->plan == NULL || d->line == 0 || col == 0 ||
	    (src = strat_plan_source_line(r->plan, d->file, d->line, &len)) ==
		NULL)
		return col;
	if (col - 1 > (n = cp_count(src, len))) /* past the end */
		return (uint32_t)(len + (col - 1 - n) + 1);
	return (uint32_t)cp_bytes(src, len, col - 1) + 1;
}

/* Lines longer than this are shown as a window around the column. */
#define LONG_LINE 160
#define WINDOW    100

static void
excerpt(sbuf *b, const strat_lint_result *r, const strat_diag *d, int color)
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
	sb_printf(b, "%5u | %s", (unsigned)d->line, from ? "..." : "");
	sb_safe(b, src + from, to - from);
	sb_puts(b, to < len ? "...\n" : "\n");
	if (d->column == 0)
		return;
	src += from;
	len = to - from;
	pre = cp_bytes(src, len, col);
	sb_puts(b, from ? "      |    " : "      | ");
	for (i = 0; i < pre; i++) {
		if (((unsigned char)src[i] & 0xC0) == 0x80)
			continue;
		sb_puts(b, src[i] == '\t' ? "\t" : " ");
	}
	if (color)
		sb_puts(b, d->severity == STRAT_SEV_ERROR ? C_RED : C_MAG);
	sb_puts(b, "^");
	end = token_end(src, len, pre);
	for (tok = pre + 1; tok < end && tok - pre < 60; tok++)
		if (((unsigned char)src[tok] & 0xC0) != 0x80)
			sb_puts(b, "~");
	if (color)
		sb_puts(b, C_OFF);
	sb_puts(b, "\n");
}

static void
render_text(sbuf *b, const strat_lint_result *r, const strat_render_options *o)
{
	size_t i, n = strat_diags_count(r->diags);
	const strat_diag *d;
	int color = o->color;

	for (i = 0; i < n; i++) {
		d = strat_diags_get(r->diags, i);
		if (o->quiet && d->severity != STRAT_SEV_ERROR)
			continue;
		if (color)
			sb_puts(b, C_BOLD);
		sb_safes(b, d->file[0] ? d->file : "strat");
		if (d->line)
			sb_printf(b, ":%u", (unsigned)d->line);
		if (d->line && d->column)
			sb_printf(b, ":%u", (unsigned)d->column);
		sb_puts(b, ": ");
		if (color)
			sb_puts(b,
				d->severity == STRAT_SEV_ERROR ? C_RED : C_MAG);
		sb_puts(b, strat_severity_name(d->severity));
		sb_puts(b, ":");
		if (color)
			sb_puts(b, C_OFF);
		sb_puts(b, " ");
		sb_safes(b, d->message);
		sb_printf(b, " [%s]\n", strat_rule_id(d->rule));
		if (o->quiet)
			continue;
		excerpt(b, r, d, color);
		if (d->hint) {
			sb_puts(b, "  ");
			if (color)
				sb_puts(b, C_CYAN);
			sb_puts(b, "hint:");
			if (color)
				sb_puts(b, C_OFF);
			sb_puts(b, " ");
			sb_safes(b, d->hint);
			sb_puts(b, "\n");
		}
	}
}

int
strat_lint_render(char **out, const strat_lint_result *r,
		  const strat_render_options *o)
{
	sbuf b = {0};

	*out = NULL;
	switch (o->format) {
	case STRAT_FORMAT_TEXT:
		render_text(&b, r, o);
		break;
	case STRAT_FORMAT_JSON:
		lint_json(&b, r);
		break;
	case STRAT_FORMAT_SARIF:
		lint_sarif(&b, r);
		break;
	case STRAT_FORMAT_GITHUB:
		lint_github(&b, r);
		break;
	case STRAT_FORMAT_MD:
		lint_md(&b, r);
		break;
	case STRAT_FORMAT_RDJSON:
		lint_rdjson(&b, r);
		break;
	case STRAT_FORMAT_CODECLIMATE:
		lint_codeclimate(&b, r);
		break;
	case STRAT_FORMAT_CHECKSTYLE:
		lint_checkstyle(&b, r);
		break;
	case STRAT_FORMAT_JUNIT:
		lint_junit(&b, r);
		break;
	default:
		return strat_error_set(STRAT_EUSAGE, "lint has no %s format",
				       strat_format_name(o->format));
	}
	if ((*out = sb_finish(&b)) == NULL)
		return strat_error_set(STRAT_ENOMEM, "out of memory");
	return 0;
}
