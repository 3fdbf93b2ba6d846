#!/bin/sh
# tests/suite-formats.sh - every review tool's format of strat lint, checked
# against its published schema or reference:
#   sarif        the official SARIF 2.1.0 schema (../shared/data/sarif), for
#                a plan in a subdirectory and for every example of the rule
#                catalogue (tests/spec_examples.py with SARIF_OUT); every
#                rule's help, full description and helpUri; regions' ends;
#                artifact URIs from the repository's top, percent-encoded
#   rdjson       tests/formats/rdjson.schema.json (reviewdog's
#                DiagnosticResult, made strict; columns in bytes)
#   codeclimate  tests/formats/codeclimate.schema.json (GitLab Code Quality)
#   checkstyle   tests/formats/checkstyle.xsd (xmllint)
#   junit        tests/formats/junit.xsd (xmllint)
#   md, github   their content: the verdict, errors first within GitHub's
#                cap of 10 per type, the rest counted
# JSON validators are the npm packages of tests/node; without node, npm or
# xmllint those checks are skipped (a failure under CI=true).
top=$(cd "$(dirname "$0")/.." && pwd)
: "${STRAT:=$top/build/strat}"
S="$STRAT_WRAP $STRAT"
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1
: "${STRAT_TODAY:=2026-09-15}"; export STRAT_TODAY
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=T GIT_AUTHOR_EMAIL=t@example.com
export GIT_COMMITTER_NAME=T GIT_COMMITTER_EMAIL=t@example.com
pass=0; fail=0; skip=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
skipped() {
	if [ "$CI" = true ]; then bad "$1"; else skip=$((skip + 1)); echo "skip $1"; fi
}
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT

node_ok=0
node_dir=$top/tests/node
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
	if [ ! -d "$node_dir/node_modules/ajv-draft-04" ]; then
		(cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error) \
			>/dev/null 2>&1
	fi
	[ -d "$node_dir/node_modules/ajv-draft-04" ] && node_ok=1
fi

# A repository whose plan is in a subdirectory with a space and a '#', a
# calendar named with '#', '?', '%' and a space, non-ASCII before a
# finding's column, twelve errors and fourteen warnings.
repo=$scratch/repo
planrel="plans/mkt #1"
plan="$repo/$planrel"
mkdir -p "$plan/calendar"
git init -q "$repo"
cat > "$plan/strategy.yaml" <<'YAML'
kind: strategy
version: 1
title: Acme
owner: dana
thesis: Win.
outcomes:
  - {id: pipeline, title: Pipeline, owner: dana}
anchors:
  - {id: q3-organic, title: Organic, quarter: 2026-Q3, owner: dana, outcomes: [pipeline], done: x}
YAML
printf 'kind: team\nversion: 1\npeople:\n  - {id: dana, name: Dana}\n' \
	> "$plan/team.yaml"
{
	printf 'kind: calendar\nversion: 1\nitems:\n'
	i=0
	while [ $i -lt 12 ]; do
		printf '  - {id: i%d, title: "Été", anchor: q3-organc, owner: dana, channel: blog, date: 2026-09-01, status: planned, titel: x}\n' $i
		i=$((i + 1))
	done
} > "$plan/calendar/q3 #?%.yaml"
git -C "$repo" add -A && git -C "$repo" commit -qm plan

lint() { # lint FORMAT: output in $scratch/out.FORMAT
	(cd "$plan" && $S lint --format "$1") > "$scratch/out.$1"
}
for f in sarif rdjson codeclimate checkstyle junit md github json; do
	lint $f
	[ $? -eq 1 ] && ok "lint --format $f exits 1 on errors" ||
		bad "lint --format $f exits 1 on errors"
done

# ---- JSON formats against their schemas ----
sarif_schema=$top/../shared/data/sarif/sarif-schema-2.1.0.json
if [ $node_ok = 1 ]; then
	for f in rdjson codeclimate; do
		if out=$(node "$node_dir/validate.js" \
		    "$top/tests/formats/$f.schema.json" "$scratch/out.$f" 2>&1)
		then ok "$f valid against tests/formats/$f.schema.json"
		else bad "$f valid"; echo "$out" | head -5; fi
	done
	if [ -f "$sarif_schema" ]; then
		if out=$(node "$node_dir/validate.js" "$sarif_schema" \
		    "$scratch/out.sarif" 2>&1)
		then ok "sarif valid (SARIF 2.1.0 schema)"
		else bad "sarif valid"; echo "$out" | head -5; fi
		# every example of the rule catalogue, as SARIF
		mkdir "$scratch/spec"
		SARIF_OUT=$scratch/spec STRAT_WRAP="$STRAT_WRAP" STRAT="$STRAT" \
		    python3 "$top/tests/spec_examples.py" >/dev/null 2>&1
		n=$(ls "$scratch/spec" | wc -l)
		if [ "$n" -gt 30 ] && out=$(node "$node_dir/validate.js" \
		    "$sarif_schema" "$scratch"/spec/*.sarif 2>&1)
		then ok "sarif of all $n rule-catalogue examples valid"
		else bad "sarif of the rule-catalogue examples ($n)"
			echo "$out" | grep -v '^ok' | head -5; fi
	else
		skipped "sarif schema: $sarif_schema not found"
	fi
else
	skipped "node/npm or tests/node packages unavailable: JSON schemas"
fi

# ---- SARIF: rules, regions, URIs (every rule of rules.def) ----
if python3 - "$scratch/out.sarif" "$top/include/strat/rules.def" \
    "$top/spec/SPEC.md" "$repo" "$planrel" "$scratch"/spec/*.sarif <<'PY'
import json, os, re, sys, urllib.parse
out, rules_def, spec, repo, planrel = sys.argv[1:6]
# the catalogue's examples, written only when the SARIF schema is there
# (../shared): without them the glob stays unexpanded
extra = [f for f in sys.argv[6:] if os.path.exists(f)]
ids = re.findall(r'^STRAT_RULE\([A-Z_0-9]+, "([a-z-]+)"', open(rules_def).read(), re.M)
heads = set(re.findall(r'^### ([a-z-]+)$', open(spec).read(), re.M))
errs = []
def check_rules(d, where):
    rules = d["runs"][0]["tool"]["driver"]["rules"]
    got = [r["id"] for r in rules]
    if got != ids:
        errs.append("%s: rules %s are not rules.def's" % (where, got))
    for r in rules:
        i = r["id"]
        if i not in heads:
            errs.append("rule %s has no section in SPEC.md" % i)
        fd = r.get("fullDescription", {}).get("text", "")
        h = r.get("help", {})
        if not fd.startswith("Checks"):
            errs.append("rule %s: fullDescription %r" % (i, fd))
        for part in ("Checks", "Why.", "Fix."):
            if part not in h.get("text", "") or "**" + part not in h.get("markdown", ""):
                errs.append("rule %s: help lacks %s" % (i, part))
        if "**" in h.get("text", "") or "`" in h.get("text", ""):
            errs.append("rule %s: help.text has Markdown" % i)
        if not r.get("helpUri", "").endswith("/spec/SPEC.md#" + i):
            errs.append("rule %s: helpUri %r" % (i, r.get("helpUri")))
d = json.load(open(out))
check_rules(d, "subdir plan")
run = d["runs"][0]
base = run["originalUriBaseIds"]["SRCROOT"]["uri"]
want = "file://" + urllib.parse.quote(repo, safe="/-._~") + "/"
if base != want:
    errs.append("SRCROOT %s, want the repository top %s" % (base, want))
res = run["results"]
if len(res) < 24:
    errs.append("only %d results" % len(res))
for r in res:
    loc = r["locations"][0]["physicalLocation"]
    uri = loc["artifactLocation"]["uri"]
    path = urllib.parse.unquote(uri)
    if not path.startswith(planrel + "/"):
        errs.append("uri %s is not from the repository top" % uri)
    if re.search(r"[ #?]|%(?![0-9A-F]{2})", uri):
        errs.append("uri %s not percent-encoded" % uri)
    reg = loc.get("region", {})
    if "startColumn" in reg:
        if reg.get("endLine") != reg["startLine"] or reg.get("endColumn", 0) <= reg["startColumn"]:
            errs.append("%s: region %s has no end" % (r["ruleId"], reg))
    if "partialFingerprints" not in r:
        errs.append("no partialFingerprints")
if not any(r["ruleId"] == "item-anchor-unknown" and
           r["locations"][0]["physicalLocation"]["region"]["endColumn"] -
           r["locations"][0]["physicalLocation"]["region"]["startColumn"] == len("q3-organc")
           for r in res):
    errs.append("item-anchor-unknown's region does not span the anchor id")
seen = set()
for f in extra:
    e = json.load(open(f))
    check_rules(e, f)
    for r in e["runs"][0]["results"]:
        seen.add(r["ruleId"])
if extra:
    # every rule the catalogue has an example for appears in some result
    missing = [i for i in ids if i not in seen]
    if len(missing) > len(ids) // 4:
        errs.append("rules without an example result: %s" % missing)
for e in sorted(set(errs))[:15]:
    print("  " + e)
sys.exit(1 if errs else 0)
PY
then ok "sarif: every rule's help, fullDescription, helpUri; ends; URIs from the top, encoded"
else bad "sarif: rules, regions and URIs"; fi

# ---- XML formats ----
if command -v xmllint >/dev/null 2>&1; then
	for f in checkstyle junit; do
		if out=$(xmllint --noout --schema "$top/tests/formats/$f.xsd" \
		    "$scratch/out.$f" 2>&1)
		then ok "$f valid against tests/formats/$f.xsd"
		else bad "$f valid"; echo "$out" | head -5; fi
	done
	(cd "$top/tests/fixtures/plan" && $S lint --format junit) \
		> "$scratch/clean.junit"
	if xmllint --noout --schema "$top/tests/formats/junit.xsd" \
	    "$scratch/clean.junit" 2>/dev/null &&
	    grep -q 'failures="0"' "$scratch/clean.junit"
	then ok "junit of a clean plan: one passed case"
	else bad "junit of a clean plan"; fi
else
	skipped "xmllint is not installed (tools/deps.sh installs libxml2-utils)"
fi

# ---- rdjson counts bytes; codeclimate paths and fingerprints ----
if python3 - "$scratch/out.rdjson" "$scratch/out.codeclimate" "$planrel" "$plan/calendar/q3 #?%.yaml" <<'PY'
import json, sys
rd = json.load(open(sys.argv[1])); cc = json.load(open(sys.argv[2]))
planrel = sys.argv[3]
errs = []
# 'Été' precedes the anchor on each calendar line: its byte column is
# 2 more than its code-point column ('É' and 'é' are two bytes each)
lines = open(sys.argv[4], "rb").read().split(b"\n")
n = 0
for d in rd["diagnostics"]:
    if d["code"]["value"] == "item-anchor-unknown":
        n += 1
        r = d["location"]["range"]
        s, e = r["start"]["column"], r["end"]["column"]
        want = lines[r["start"]["line"] - 1].index(b"q3-organc") + 1
        if s != want or e - s != len("q3-organc"):
            errs.append("rdjson range %d..%d, want %d..%d" % (s, e, want, want + 9))
if n != 12:
    errs.append("%d item-anchor-unknown diagnostics" % n)
fps = [i["fingerprint"] for i in cc]
if len(set(fps)) != len(fps):
    errs.append("codeclimate fingerprints repeat")
for i in cc:
    if not i["location"]["path"].startswith(planrel + "/"):
        errs.append("codeclimate path %s" % i["location"]["path"])
sev = {i["severity"] for i in cc}
if sev != {"major", "minor"}:
    errs.append("codeclimate severities %s" % sev)
for e in errs[:10]:
    print("  " + e)
sys.exit(1 if errs else 0)
PY
then ok "rdjson columns in bytes with exclusive ends; codeclimate paths from the top, unique fingerprints"
else bad "rdjson/codeclimate content"; fi

# ---- md and github ----
out=$(cat "$scratch/out.md")
case $out in
*'**12 errors**, 14 warnings in 3 files.'*'`item-anchor-unknown`'*) ok "md verdict and findings" ;;
*) bad "md verdict and findings"; printf '%s\n' "$out" | head -5 ;;
esac
g=$scratch/out.github
first_warning=$(grep -n '^::warning' "$g" | head -1 | cut -d: -f1)
last_error=$(grep -n '^::error' "$g" | tail -1 | cut -d: -f1)
if [ "$(grep -c '^::error' "$g")" = 10 ] && [ "$(grep -c '^::warning' "$g")" = 10 ] &&
    [ "$last_error" -lt "$first_warning" ] &&
    grep -q '^strat: 2 more errors and 4 more warnings not annotated (GitHub shows 10 of each type per step); every finding is in the step summary' "$g" &&
    grep -q 'file=plans/mkt #1/calendar/q3 #?%25.yaml' "$g"
then ok "github: errors first, 10 of each, the rest counted, paths from the top"
else bad "github: errors first within the cap"; head -3 "$g"; tail -2 "$g"; fi

echo "$pass passed, $fail failed, $skip skipped"
