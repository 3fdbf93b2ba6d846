/*
 * lint_json.c - lint findings as JSON: strat's own shape (spec/SPEC.md,
 * spec/schema/lint-output.schema.json) and SARIF 2.1.0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "lint_render.h"

/* One finding's fields, as lint and review JSON write them. */
static void
finding(json_w *w, const strat_diag *d)
{
	jw_obj(w, JW_ROW);
	jw_kstr(w, "rule", strat_rule_id(d->rule));
	jw_kstr(w, "severity", strat_severity_name(d->severity));
	jw_kstr(w, "file", d->file);
	jw_kuint(w, "line", d->line);
	jw_kuint(w, "column", d->column);
	jw_kstr(w, "message", d->message);
	jw_kstr(w, "hint", d->hint);
	jw_end(w);
}

void
lint_json_findings(json_w *w, const strat_diags *diags)
{
	size_t i, n = strat_diags_count(diags);

	jw_arr(w, JW_BLOCK);
	for (i = 0; i < n; i++)
		finding(w, strat_diags_get(diags, i));
	jw_end(w);
}

void
lint_json(sbuf *b, const strat_lint_result *r)
{
	json_w w;

	jw_init(&w, b);
	jw_obj(&w, JW_BLOCK);
	jw_kint(&w, "version", 1);
	jw_key(&w, "diagnostics");
	lint_json_findings(&w, r->diags);
	jw_key(&w, "summary");
	jw_obj(&w, JW_ROW);
	jw_kuint(&w, "errors", strat_diags_errors(r->diags));
	jw_kuint(&w, "warnings", strat_diags_warnings(r->diags));
	jw_kuint(&w, "files", r->files);
	jw_finish(&w);
}

void
lint_fingerprint(const strat_diag *d, char out[17])
{
	unsigned long long h = 1469598103934665603ULL; /* FNV-1a */
	const char *parts[3] = {strat_rule_id(d->rule), d->file, d->message};
	size_t i;
	const char *p;

	for (i = 0; i < 3; i++) {
		for (p = parts[i]; *p; p++) {
			h ^= (unsigned char)*p;
			h *= 1099511628211ULL;
		}
		h ^= 0xff;
		h *= 1099511628211ULL;
	}
	snprintf(out, 17, "%016llx", h);
}

static void
fingerprint(json_w *w, const strat_diag *d)
{
	char s[17];

	lint_fingerprint(d, s);
	jw_str(w, s);
}

/* s percent-encoded as the path of a URI (RFC 3986): every byte but the
 * unreserved ones and '/' as %XX, so a space, '#', '?', '%', a control
 * character or a byte that is not UTF-8 survives the consumer's parse. */
static void
uri_path(sbuf *u, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p) != NULL)
			sb_put(u, (const char *)p, 1);
		else
			sb_printf(u, "%%%02X", *p);
	}
}

/* A URI: prefix, then path percent-encoded, then suffix. */
static void
uri(json_w *w, const char *prefix, const char *path, const char *suffix)
{
	sbuf u = {0};

	sb_puts(&u, prefix);
	uri_path(&u, path);
	sb_puts(&u, suffix);
	if (u.failed)
		w->b->failed = 1;
	jw_str(w, u.s ? u.s : "");
	free(u.s);
}

static const char *
level(strat_severity s)
{
	return s == STRAT_SEV_ERROR ? "error" : "warning";
}

/* Markdown made plain text: no ** or ` marks, links as their text and
 * target. */
static void
plain(sbuf *t, const char *md)
{
	const char *p, *close;

	for (p = md; *p; p++) {
		if (p[0] == '*' && p[1] == '*') {
			p++;
			continue;
		}
		if (*p == '`')
			continue;
		if (*p == '[' && (close = strstr(p, "](")) != NULL &&
		    strchr(p, '\n') == NULL) {
			sb_put(t, p + 1, (size_t)(close - p - 1));
			sb_puts(t, " (");
			p = close + 1;
			continue;
		}
		sb_put(t, p, 1);
	}
}

/* A rule of the driver: its summary, what it checks, and the help of the
 * specification's catalogue, linked to its section. */
static void
sarif_rule(json_w *w, strat_rule rule)
{
	const char *checks, *why, *fix;
	sbuf text = {0}, md = {0};

	rule_help(rule, &checks, &why, &fix);
	sb_puts(&md, checks);
	sb_puts(&md, "\n\n");
	sb_puts(&md, why);
	sb_puts(&md, "\n\n");
	sb_puts(&md, fix);
	plain(&text, md.s ? md.s : "");
	if (text.failed || md.failed)
		w->b->failed = 1;
	jw_obj(w, JW_ROW);
	jw_kstr(w, "id", strat_rule_id(rule));
	jw_key(w, "shortDescription");
	jw_obj(w, JW_ROW);
	jw_kstr(w, "text", strat_rule_summary(rule));
	jw_end(w);
	jw_key(w, "fullDescription");
	jw_obj(w, JW_ROW);
	{
		sbuf full = {0};

		plain(&full, checks);
		jw_kstr(w, "text", full.s ? full.s : strat_rule_summary(rule));
		free(full.s);
	}
	jw_end(w);
	jw_key(w, "help");
	jw_obj(w, JW_ROW);
	jw_kstr(w, "text", text.s ? text.s : "");
	jw_kstr(w, "markdown", md.s ? md.s : "");
	jw_end(w);
	jw_key(w, "helpUri");
	uri(w, STRAT_SPEC_URL "#", strat_rule_id(rule), "");
	jw_key(w, "defaultConfiguration");
	jw_obj(w, JW_ROW);
	jw_kstr(w, "level", level(strat_rule_default_severity(rule)));
	jw_end(w);
	jw_end(w);
	free(text.s);
	free(md.s);
}

/* The directory artifact URIs resolve from: the top of the repository
 * (root less plan_dir), where code scanning resolves them too. */
static void
srcroot(json_w *w, const strat_lint_result *r)
{
	const char *root = r->root && r->root[0] == '/' ? r->root : "/";
	size_t k;
	sbuf top = {0};

	sb_puts(&top, root);
	while (top.len > 1 && top.s[top.len - 1] == '/')
		top.s[--top.len] = '\0';
	k = r->plan_dir ? strlen(r->plan_dir) : 0;
	if (k && top.len > k + 1 && top.s[top.len - k - 1] == '/' &&
	    strcmp(top.s + top.len - k, r->plan_dir) == 0) {
		top.len -= k + 1;
		top.s[top.len] = '\0';
	}
	if (top.failed)
		w->b->failed = 1;
	uri(w, "file://", top.s ? top.s : "/",
	    top.len && top.s[top.len - 1] == '/' ? "" : "/");
	free(top.s);
}

void
lint_sarif(sbuf *b, const strat_lint_result *r)
{
	size_t i, n = strat_diags_count(r->diags);
	const strat_diag *d;
	uint32_t end;
	json_w w;
	sbuf rel = {0};

	jw_init(&w, b);
	jw_obj(&w, JW_BLOCK);
	jw_kstr(&w, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
	jw_kstr(&w, "version", "2.1.0");
	jw_key(&w, "runs");
	jw_arr(&w, JW_BLOCK);
	jw_obj(&w, JW_BLOCK);
	jw_key(&w, "tool");
	jw_obj(&w, JW_BLOCK);
	jw_key(&w, "driver");
	jw_obj(&w, JW_BLOCK);
	jw_kstr(&w, "name", "strat");
	jw_kstr(&w, "version", STRAT_VERSION);
	jw_kstr(&w, "informationUri", "https://github.com/strat-dev/strat");
	jw_key(&w, "rules");
	jw_arr(&w, JW_BLOCK);
	for (i = 0; i < STRAT_RULE__COUNT; i++)
		sarif_rule(&w, (strat_rule)i);
	jw_end(&w); /* rules */
	jw_end(&w); /* driver */
	jw_end(&w); /* tool */
	jw_kstr(&w, "columnKind", "unicodeCodePoints");
	jw_key(&w, "originalUriBaseIds");
	jw_obj(&w, JW_ROW);
	jw_key(&w, "SRCROOT");
	jw_obj(&w, JW_ROW);
	jw_key(&w, "uri");
	/* Where the relative artifact URIs resolve: the plan root. */
	srcroot(&w, r);
	jw_end(&w);
	jw_end(&w);
	jw_key(&w, "results");
	jw_arr(&w, JW_BLOCK);
	for (i = 0; i < n; i++) {
		d = strat_diags_get(r->diags, i);
		jw_obj(&w, JW_ROW);
		jw_kstr(&w, "ruleId", strat_rule_id(d->rule));
		jw_kint(&w, "ruleIndex", (int)d->rule);
		jw_kstr(&w, "level", level(d->severity));
		jw_key(&w, "message");
		jw_obj(&w, JW_ROW);
		jw_kstr(&w, "text", d->message);
		jw_end(&w);
		jw_key(&w, "locations");
		jw_arr(&w, JW_ROW);
		jw_obj(&w, JW_ROW);
		jw_key(&w, "physicalLocation");
		jw_obj(&w, JW_ROW);
		jw_key(&w, "artifactLocation");
		jw_obj(&w, JW_ROW);
		jw_key(&w, "uri"); /* relative to SRCROOT (':' is %3A too) */
		rel.len = 0;
		if (r->plan_dir != NULL && r->plan_dir[0] != '\0') {
			sb_puts(&rel, r->plan_dir);
			sb_puts(&rel, "/");
		}
		sb_puts(&rel, d->file[0] ? d->file : "strat.yaml");
		if (rel.failed)
			b->failed = 1;
		uri(&w, "", rel.s ? rel.s : "", "");
		jw_kstr(&w, "uriBaseId", "SRCROOT");
		jw_end(&w);
		if (d->line) {
			jw_key(&w, "region");
			jw_obj(&w, JW_ROW);
			jw_kuint(&w, "startLine", d->line);
			if (d->column)
				jw_kuint(&w, "startColumn", d->column);
			if (d->column && (end = lint_end_column(r, d)) != 0) {
				jw_kuint(&w, "endLine", d->line);
				jw_kuint(&w, "endColumn", end);
			}
			jw_end(&w);
		}
		jw_end(&w); /* physicalLocation */
		jw_end(&w);
		jw_end(&w); /* locations */
		jw_key(&w, "partialFingerprints");
		jw_obj(&w, JW_ROW);
		jw_key(&w, "strat/v1");
		fingerprint(&w, d);
		jw_end(&w);
		if (d->hint) {
			jw_key(&w, "properties");
			jw_obj(&w, JW_ROW);
			jw_kstr(&w, "hint", d->hint);
			jw_end(&w);
		}
		jw_end(&w);
	}
	jw_finish(&w);
	free(rel.s);
}

/* A position of reviewdog's format: line, and column in bytes. */
static void
rd_position(json_w *w, const char *key, const strat_lint_result *r,
	    const strat_diag *d, uint32_t col)
{
	jw_key(w, key);
	jw_obj(w, JW_ROW);
	jw_kuint(w, "line", d->line);
	if (col)
		jw_kuint(w, "column", lint_byte_column(r, d, col));
	jw_end(w);
}

/*
 * reviewdog's Diagnostic Format, rdjson (DiagnosticResult): columns count
 * bytes, 1-based; a range's end is exclusive.
 */
void
lint_rdjson(sbuf *b, const strat_lint_result *r)
{
	size_t i, n = strat_diags_count(r->diags);
	const strat_diag *d;
	uint32_t end;
	json_w w;

	jw_init(&w, b);
	jw_obj(&w, JW_BLOCK);
	jw_key(&w, "source");
	jw_obj(&w, JW_ROW);
	jw_kstr(&w, "name", "strat");
	jw_kstr(&w, "url", STRAT_SPEC_URL);
	jw_end(&w);
	jw_key(&w, "diagnostics");
	jw_arr(&w, JW_BLOCK);
	for (i = 0; i < n; i++) {
		d = strat_diags_get(r->diags, i);
		jw_obj(&w, JW_ROW);
		jw_kstr(&w, "message", d->message);
		jw_key(&w, "location");
		jw_obj(&w, JW_ROW);
		jw_kstr(&w, "path", d->file[0] ? d->file : "strat.yaml");
		if (d->line) {
			jw_key(&w, "range");
			jw_obj(&w, JW_ROW);
			rd_position(&w, "start", r, d, d->column);
			if ((end = lint_end_column(r, d)) != 0)
				rd_position(&w, "end", r, d, end);
			jw_end(&w);
		}
		jw_end(&w);
		jw_kstr(&w, "severity",
			d->severity == STRAT_SEV_ERROR ? "ERROR" : "WARNING");
		jw_key(&w, "code");
		jw_obj(&w, JW_ROW);
		jw_kstr(&w, "value", strat_rule_id(d->rule));
		jw_key(&w, "url");
		uri(&w, STRAT_SPEC_URL "#", strat_rule_id(d->rule), "");
		jw_end(&w);
		if (d->hint)
			jw_kstr(&w, "original_output", d->hint);
		jw_end(&w);
	}
	jw_finish(&w);
}

/*
 * GitLab Code Quality: an array of Code Climate issues with the fields
 * GitLab reads (description, check_name, fingerprint, severity,
 * location.path, location.lines.begin); paths from the top of the
 * repository.
 */
void
lint_codeclimate(sbuf *b, const strat_lint_result *r)
{
	size_t i, n = strat_diags_count(r->diags);
	const strat_diag *d;
	char fp[17], hex[33];
	json_w w;
	sbuf path = {0};

	jw_init(&w, b);
	jw_arr(&w, JW_BLOCK);
	for (i = 0; i < n; i++) {
		d = strat_diags_get(r->diags, i);
		jw_obj(&w, JW_ROW);
		jw_kstr(&w, "type", "issue");
		jw_kstr(&w, "check_name", strat_rule_id(d->rule));
		jw_kstr(&w, "description", d->message);
		jw_key(&w, "categories");
		jw_arr(&w, JW_ROW);
		jw_str(&w, "Style");
		jw_end(&w);
		/* unique per finding: GitLab shows one issue per fingerprint */
		lint_fingerprint(d, fp);
		snprintf(hex, sizeof(hex), "%s%08x%08x", fp, d->line,
			 d->column);
		jw_kstr(&w, "fingerprint", hex);
		jw_kstr(&w, "severity",
			d->severity == STRAT_SEV_ERROR ? "major" : "minor");
		jw_key(&w, "location");
		jw_obj(&w, JW_ROW);
		path.len = 0;
		if (r->plan_dir != NULL && r->plan_dir[0] != '\0') {
			sb_puts(&path, r->plan_dir);
			sb_puts(&path, "/");
		}
		sb_puts(&path, d->file[0] ? d->file : "strat.yaml");
		if (path.failed)
			b->failed = 1;
		jw_kstr(&w, "path", path.s ? path.s : "");
		jw_key(&w, "lines");
		jw_obj(&w, JW_ROW);
		jw_kuint(&w, "begin", d->line ? d->line : 1);
		jw_end(&w);
		jw_end(&w);
		jw_end(&w);
	}
	jw_finish(&w);
	free(path.s);
}
