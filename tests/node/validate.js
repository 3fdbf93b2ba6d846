// validate.js SCHEMA FILE... - validate JSON files against a JSON Schema.
// draft-04 schemas (the official SARIF 2.1.0 one) go through ajv-draft-04,
// later drafts through ajv; both with ajv-formats.  Prints one line per
// file, "ok FILE" or "not ok FILE: errors", and exits 1 if any failed.
"use strict";
const fs = require("fs");
const [schemaPath, ...files] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
const draft04 = String(schema.$schema || "").includes("draft-04");
const Ajv = draft04 ? require("ajv-draft-04") : require("ajv");
const ajv = new Ajv({ strict: false, allErrors: true });
require("ajv-formats")(ajv);
const validate = ajv.compile(schema);
let failed = 0;
for (const f of files) {
	let doc;
	try {
		doc = JSON.parse(fs.readFileSync(f, "utf8"));
	} catch (e) {
		console.log(`not ok ${f}: not JSON: ${e.message}`);
		failed++;
		continue;
	}
	if (validate(doc)) {
		console.log(`ok ${f}`);
	} else {
		failed++;
		console.log(`not ok ${f}: ${ajv.errorsText(validate.errors)}`);
	}
}
process.exit(failed ? 1 : 0);
