/* out_sarif.c - SARIF 2.1.0 for code scanning. */
#include <string.h>

#include "cmd.h"

static void
fingerprint(FILE *f, const strat_diag *d)
{
	/* Stable across unrelated edits: rule, file and message, not line. */
	unsigned long long h = 1469598103934665603ULL;
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
	fprintf(f, "\"%016llx\"", h);
}

/* s percent-encoded as the path of a URI (RFC 3986): every byte but the
 * unreserved ones and '/' as %XX, so a space, '#', '?', '%', a control
 * character or a byte that is not UTF-8 survives the consumer's parse. */
static void
uri_path(FILE *f, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p) != NULL)
			fputc(*p, f);
		else
			fprintf(f, "%%%02X", *p);
	}
}

/* The plan root as a file URI ending in '/', percent-encoded. */
static void
root_uri(FILE *f, const char *root)
{
	size_t n = strlen(root);

	fputs("\"file://", f);
	uri_path(f, root);
	if (n == 0 || root[n - 1] != '/')
		fputc('/', f);
	fputc('"', f);
}

void
out_sarif(FILE *f, const report_ctx *r)
{
	size_t i, n = strat_diags_count(r->diags);
	const strat_diag *d;

	fputs("{\n\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
	      "\n\"version\":\"2.1.0\",\n\"runs\":[{\n\"tool\":{\"driver\":{"
	      "\"name\":\"strat\",\"version\":\"" STRAT_VERSION "\","
	      "\"informationUri\":\"https://github.com/strat-dev/strat\","
	      "\"rules\":[",
	      f);
	for (i = 0; i < STRAT_RULE__COUNT; i++) {
		fputs(i ? ",\n" : "\n", f);
		fputs("{\"id\":", f);
		json_str(f, strat_rule_id((strat_rule)i));
		fputs(",\"shortDescription\":{\"text\":", f);
		json_str(f, strat_rule_summary((strat_rule)i));
		fputs("},\"defaultConfiguration\":{\"level\":", f);
		json_str(f, strat_rule_default_severity((strat_rule)i) ==
					    STRAT_SEV_ERROR
				    ? "error"
				    : "warning");
		fputs("}}", f);
	}
	fputs("]}},\n\"columnKind\":\"unicodeCodePoints\",\n"
	      "\"originalUriBaseIds\":{\"SRCROOT\":{\"uri\":",
	      f);
	/* Where the relative artifact URIs resolve: the plan root. */
	root_uri(f, r->root && r->root[0] == '/' ? r->root : "/");
	fputs("}},\n\"results\":[", f);
	for (i = 0; i < n; i++) {
		d = strat_diags_get(r->diags, i);
		fputs(i ? ",\n" : "\n", f);
		fputs("{\"ruleId\":", f);
		json_str(f, strat_rule_id(d->rule));
		fprintf(f, ",\"ruleIndex\":%d,\"level\":", (int)d->rule);
		json_str(f, d->severity == STRAT_SEV_ERROR ? "error"
							   : "warning");
		fputs(",\"message\":{\"text\":", f);
		json_str(f, d->message);
		fputs("},\"locations\":[{\"physicalLocation\":{"
		      "\"artifactLocation\":{\"uri\":",
		      f);
		fputc('"', f); /* relative to SRCROOT (':' is %3A too) */
		uri_path(f, d->file[0] ? d->file : "strat.yaml");
		fputc('"', f);
		fputs(",\"uriBaseId\":\"SRCROOT\"}", f);
		if (d->line) {
			fprintf(f, ",\"region\":{\"startLine\":%u",
				(unsigned)d->line);
			if (d->column)
				fprintf(f, ",\"startColumn\":%u",
					(unsigned)d->column);
			fputc('}', f);
		}
		fputs("}}],\"partialFingerprints\":{\"strat/v1\":", f);
		fingerprint(f, d);
		fputc('}', f);
		if (d->hint) {
			fputs(",\"properties\":{\"hint\":", f);
			json_str(f, d->hint);
			fputc('}', f);
		}
		fputc('}', f);
	}
	fputs("\n]}]}\n", f);
}
