#!/bin/sh
# tests/suite-sarif.sh - validate machine-readable lint output.
#
#   * --format sarif against the official SARIF 2.1.0 schema in
#     ../shared/data/sarif (ajv-draft-04 + ajv-formats);
#   * --format json against spec/schema/lint-output.schema.json, whose
#     rule list must match include/strat/rules.def.
# Validators are npm packages pinned in tests/node (package-lock.json),
# installed there on first use.  Without node/npm (or the registry) the
# checks are skipped, except under CI=true where that is a failure.
top=$(cd "$(dirname "$0")/.." && pwd)
: "${STRAT:=$top/build/strat}"
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1
: "${STRAT_TODAY:=2026-09-15}"; export STRAT_TODAY
pass=0; fail=0; skip=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
result() { echo "$pass passed, $fail failed, $skip skipped"; exit 0; }
unavailable() {
	if [ "$CI" = true ]; then
		bad "$1"
	else
		skip=$((skip + 1)); echo "skip $1"
	fi
	result
}

node_dir=$top/tests/node
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
	unavailable "node and npm are not installed (tools/deps.sh installs them)"
if [ ! -d "$node_dir/node_modules/ajv-draft-04" ] ||
   [ ! -d "$node_dir/node_modules/ajv-formats" ]; then
	(cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error) \
		>/dev/null 2>&1 ||
		unavailable "npm ci in tests/node failed (no registry?)"
fi

scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT

# A broken plan that fires rules of both stages, with text that needs
# escaping: quotes, backslashes, control characters, non-ASCII, '%'.
plan=$scratch/plan
mkdir -p "$plan/calendar"
cat > "$plan/strategy.yaml" <<'YAML'
kind: strategy
version: 1
title: "Acme \"2026\""
owner: dana
thesis: Win mid-market.
outcomes:
  - {id: pipeline, title: Pipeline, owner: dana}
anchors:
  - {id: q3-organic, title: Organic, quarter: 2026-Q3, owner: alex, outcomes: [pipline], done: x}
  - {id: q3-events, title: Events, quarter: 2026-Q7, owner: sam, outcomes: [pipeline], done: x}
YAML
cat > "$plan/team.yaml" <<'YAML'
kind: team
version: 1
people:
  - {id: dana, name: Dana}
  - {id: alex, name: Alex}
YAML
printf '%s\n' 'kind: calendar' 'version: 1' 'items:' \
	'  - id: "caf\u00e9 100% \\ \t\u0007"' '    title: Été' \
	'    anchor: q3-organc' '    owner: [alex, dana]' '    channel: blog' \
	'    date: 2026-02-30' '    status: shipped' '    titel: x' \
	> "$plan/calendar/q3.yaml"
printf 'kind: calendar\nversion: 1\nitems: [\n' > "$plan/calendar/broken.yaml"
printf 'kind: calendar\nversion: 1\ntitle: "\377"\n' > "$plan/calendar/latin1.yaml"
printf 'strat: 1\ncalendars: [calendar/*.yaml, none/*.yaml]\n' > "$plan/strat.yaml"
clean=$scratch/clean
mkdir -p "$clean"
cp "$plan/team.yaml" "$clean/"
printf 'kind: strategy\nversion: 1\ntitle: t\nowner: dana\nthesis: t\nanchors: []\n' \
	> "$clean/strategy.yaml"
printf 'strat: 1\ncalendars: []\n' > "$clean/strat.yaml"

run() { # run NAME DIR ARGS...: output in $scratch/NAME.json
	name=$1; dir=$2; shift 2
	(cd "$dir" && $STRAT_WRAP $STRAT lint "$@") > "$scratch/$name.json"
	rc=$?
	if [ $rc -gt 1 ]; then bad "$name: strat lint exited $rc"; return 1; fi
	return 0
}

sarif_schema=$top/../shared/data/sarif/sarif-schema-2.1.0.json
if [ -f "$sarif_schema" ]; then
	for c in "broken plan" "clean plan" "one file"; do
		case $c in
		"broken plan") n=sarif-broken; run $n "$plan" --format sarif ;;
		"clean plan") n=sarif-clean; run $n "$clean" --format sarif ;;
		"one file") n=sarif-file; run $n "$plan" --format sarif calendar/q3.yaml ;;
		esac || continue
		if out=$(node "$node_dir/validate.js" "$sarif_schema" "$scratch/$n.json" 2>&1); then
			ok "sarif valid: $c"
		else
			bad "sarif valid: $c"; echo "$out" | head -n 5
		fi
	done
	# the official schema rejects startLine 0; file-level findings must
	# leave the region out rather than say 0
	if grep -q '"startLine":0\|"startColumn":0' "$scratch/sarif-broken.json"; then
		bad "sarif: no zero line or column"
	else
		ok "sarif: no zero line or column"
	fi
else
	skip=$((skip + 1))
	echo "skip sarif: $sarif_schema not found (../shared absent)"
fi

schema=$top/spec/schema/lint-output.schema.json
for c in broken clean quiet; do
	case $c in
	broken) run json-$c "$plan" --format json ;;
	clean) run json-$c "$clean" --format json ;;
	quiet) run json-$c "$plan" --format json -q calendar/q3.yaml strategy.yaml ;;
	esac || continue
	if out=$(node "$node_dir/validate.js" "$schema" "$scratch/json-$c.json" 2>&1); then
		ok "json valid: $c plan"
	else
		bad "json valid: $c plan"; echo "$out" | head -n 5
	fi
done

# the schema's rule list is the registry's, and the summary adds up
if node -e '
	const fs = require("fs");
	const [schema, def, out] = process.argv.slice(1);
	const want = [...fs.readFileSync(def, "utf8").matchAll(/^STRAT_RULE\(\w+, "([a-z-]+)"/gm)].map(m => m[1]);
	const got = JSON.parse(fs.readFileSync(schema, "utf8")).definitions.rule.enum;
	if (JSON.stringify(want) !== JSON.stringify(got)) {
		console.log("rules.def:", want.join(" ")); console.log("schema:   ", got.join(" ")); process.exit(1);
	}
	const o = JSON.parse(fs.readFileSync(out, "utf8"));
	const e = o.diagnostics.filter(d => d.severity === "error").length;
	const w = o.diagnostics.length - e;
	if (e !== o.summary.errors || w !== o.summary.warnings || e === 0 || w === 0) {
		console.log("summary", JSON.stringify(o.summary), "counted", e, w); process.exit(1);
	}
	const s = new Set(o.diagnostics.map(d => d.rule));
	for (const r of ["yaml-syntax", "item-anchor-unknown", "owner-not-single", "invalid-quarter", "calendar-glob-empty", "unknown-key", "outcome-unknown"])
		if (!s.has(r)) { console.log("missing rule", r); process.exit(1); }
' "$schema" "$top/include/strat/rules.def" "$scratch/json-broken.json"; then
	ok "json: schema rules match rules.def; summary counts match"
else
	bad "json: schema rules match rules.def; summary counts match"
fi
result
