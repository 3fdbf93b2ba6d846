/* out_json.c - the stable JSON shape of lint results (spec/SPEC.md). */
#include "cmd.h"

void
out_json(FILE *f, const report_ctx *r)
{
	size_t i, n = strat_diags_count(r->diags);
	const strat_diag *d;

	fputs("{\"version\":1,\"diagnostics\":[", f);
	for (i = 0; i < n; i++) {
		d = strat_diags_get(r->diags, i);
		fputs(i ? ",\n{" : "\n{", f);
		fputs("\"rule\":", f);
		json_str(f, strat_rule_id(d->rule));
		fputs(",\"severity\":", f);
		json_str(f, strat_severity_name(d->severity));
		fputs(",\"file\":", f);
		json_str(f, d->file);
		fprintf(f, ",\"line\":%u,\"column\":%u,\"message\":",
			(unsigned)d->line, (unsigned)d->column);
		json_str(f, d->message);
		fputs(",\"hint\":", f);
		json_str(f, d->hint);
		fputc('}', f);
	}
	fprintf(f,
		"],\n\"summary\":{\"errors\":%zu,\"warnings\":%zu,"
		"\"files\":%zu}}\n",
		strat_diags_errors(r->diags), strat_diags_warnings(r->diags),
		r->files);
}
