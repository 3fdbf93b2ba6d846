#!/bin/sh
# Schema tests for spec/schema and examples/: installs the pinned npm
# dependencies into tests/schema/node_modules when missing (npm ci, from
# package-lock.json), then runs validate.js (the schemas, examples/ and
# SPEC.md), verdicts.js (strat and the schemas on every golden case;
# needs $STRAT, default build/strat) and editor.js (yaml-language-server,
# the editors' client, driven over stdio).  Prints "N passed, N failed".
set -u
cd "$(dirname "$0")"
if ! node -e 'require("ajv"); require("ajv-formats"); require("yaml"); require.resolve("yaml-language-server/bin/yaml-language-server")' 2>/dev/null; then
	npm ci --no-audit --no-fund --loglevel=error || {
		echo "FAIL npm ci in tests/schema"; echo "0 passed, 1 failed"; exit 1; }
fi
: "${STRAT:=$(cd ../.. && pwd)/build/strat}"; export STRAT
pass=0; fail=0
for t in validate.js verdicts.js editor.js; do
	out=$(node "$t" 2>&1); echo "$out" | grep -v '^[0-9]* passed, [0-9]* failed$'
	line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
	if [ -z "$line" ]; then fail=$((fail + 1)); echo "FAIL $t (no result)"; continue; fi
	p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
	pass=$((pass + p)); fail=$((fail + f))
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
