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

/* Stable across unrelated edits: rule, file and message, not line. */
static void
fingerprint(json_w *w, const strat_diag *d)
{
	unsigned long long h = 1469598103934665603ULL;
	const char *parts[3] = {strat_rule_id(d->rule), d->file, d->message};
	size_t i;
	const char *p;
	char s[17];

	for (i = 0; i < 3; i++) {
		for (p = parts[i]; *p; p++) {
			h ^= (unsigned char)*p;
			h *= 1099511628211ULL;
		}
		h ^= 0xff;
		h *= 1099511628211ULL;
	}
	snprintf(s, sizeof(s), "%016llx", h);
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

void
lint_sarif(sbuf *b, const strat_lint_result *r)
{
	size_t i, n = strat_diags_count(r->diags);
	const strat_diag *d;
	json_w w;

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
	for (i = 0; i < STRAT_RULE__COUNT; i++) {
		jw_obj(&w, JW_ROW);
		jw_kstr(&w, "id", strat_rule_id((strat_rule)i));
		jw_key(&w, "shortDescription");
		jw_obj(&w, JW_ROW);
		jw_kstr(&w, "text", strat_rule_summary((strat_rule)i));
		jw_end(&w);
		jw_key(&w, "defaultConfiguration");
		jw_obj(&w, JW_ROW);
		jw_kstr(&w, "level",
			level(strat_rule_default_severity((strat_rule)i)));
		jw_end(&w);
		jw_end(&w);
	}
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
	{
		const char *root = r->root && r->root[0] == '/' ? r->root : "/";

		uri(&w, "file://", root,
		    root[strlen(root) - 1] == '/' ? "" : "/");
	}
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
		uri(&w, "", d->file[0] ? d->file : "strat.yaml", "");
		jw_kstr(&w, "uriBaseId", "SRCROOT");
		jw_end(&w);
		if (d->line) {
			jw_key(&w, "region");
			jw_obj(&w, JW_ROW);
			jw_kuint(&w, "startLine", d->line);
			if (d->column)
				jw_kuint(&w, "startColumn", d->column);
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
}
