#!/bin/sh
# Schema tests for spec/schema and examples/: installs the pinned npm
# dependencies into tests/schema/node_modules when missing, then runs them.
set -eu
cd "$(dirname "$0")"
if ! node -e 'require("ajv"); require("ajv-formats"); require("yaml")' 2>/dev/null; then
	npm ci --no-audit --no-fund --loglevel=error
fi
exec node validate.js "$@"
