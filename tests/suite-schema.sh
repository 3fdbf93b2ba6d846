#!/bin/sh
# JSON Schemas of spec/schema against examples/ (and broken variants that
# must fail), with ajv; see tests/schema/validate.js.  Then strat and the
# schemas judge every golden case's plan files, their differences documented
# in spec/schema/DIFFERENCES.md (tests/schema/verdicts.js).
# The npm packages (ajv, ajv-formats, yaml) are not in the tree: npm ci
# installs them from tests/schema/package-lock.json on first use.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	echo "node/npm not installed: schema tests skipped"
	[ "$CI" = true ] && { echo "0 passed, 1 failed"; exit 1; }
	echo "0 passed, 0 failed"; exit 0
fi
exec sh "$(dirname "$0")/schema/run.sh"
