#!/bin/sh
# tests/suite-ci.sh - the commands of examples/ci/ (GitHub Actions and
# GitLab CI) on a temporary repository with an origin and a branch.
top=$(cd "$(dirname "$0")/.." && pwd)
: "${STRAT:=$top/build/strat}"
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1 STRAT_TODAY=2026-09-15
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=Tester GIT_COMMITTER_NAME=Tester
export GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_EMAIL=t@example.com
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home"; mkdir -p "$HOME"
git config --global init.defaultBranch main
mkdir "$tmp/bin"
printf '#!/bin/sh\nexec %s %s "$@"\n' "${STRAT_WRAP:-}" "$STRAT" > "$tmp/bin/strat"
chmod +x "$tmp/bin/strat"
PATH="$tmp/bin:$PATH"; export PATH
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
no() { fail=$((fail + 1)); echo "FAIL $1"; [ -z "$2" ] || sed 's/^/     /' "$2" | head -n 30; }
# The commands must still be the ones the examples run.
for c in 'strat lint --format github' 'strat lint --format sarif' \
	'strat diff --format md "$BASE...HEAD"' 'strat lint --new-since "$BASE"'; do
	grep -qF "$c" "$top/examples/ci/github-workflow.yml" "$top/examples/ci/gitlab-ci.yml" &&
		ok "examples run: $c" || no "examples no longer run: $c"
done

o=$tmp/origin; mkdir "$o"; cd "$o" || exit 2
git init -q . && cp -R "$top/tests/fixtures/diff/." . &&
	cp -R "$top/tests/golden/diff/escape/base/." . && git add -A && git commit -qm init
git clone -q "$o" "$tmp/ci" && cd "$tmp/ci" || exit 2
git checkout -qb feature
sed -i 's/date: 2026-08-10/date: 2026-08-24/; s/anchor: q3-organic$/anchor: q3-organix/' calendar/q3.yaml
git commit -qam "slip and break"
BASE=origin/main
strat lint --format github > "$tmp/gh" 2>&1; rc=$?
[ $rc = 1 ] && grep -q '^::error file=calendar/q3.yaml,line=6,col=13' "$tmp/gh" &&
	ok "lint --format github annotates (exit 1)" || no "github format (exit $rc)" "$tmp/gh"
strat lint --format sarif > "$tmp/sarif" 2>/dev/null
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["version"]=="2.1.0"; assert d["runs"][0]["results"]' "$tmp/sarif" &&
	ok "lint --format sarif is SARIF with results" || no "sarif" "$tmp/sarif"
strat diff --format md "$BASE...HEAD" > "$tmp/md" 2>&1
head -n 1 "$tmp/md" | grep -q '^\*\*strat diff\*\* — needs attention: 1 new lint error, 1 item slipped (14 days in all)' &&
	ok "diff --format md: verdict first" || no "md verdict" "$tmp/md"
[ "$(wc -c < "$tmp/md")" -lt 65536 ] && ok "comment fits a pull request (< 64 KiB)" || no "comment too long"
strat lint --new-since "$BASE" > "$tmp/new" 2>&1
[ $? = 1 ] && grep -q "q3-organix" "$tmp/new" && ok "lint --new-since gates on new findings" || no "new-since" "$tmp/new"
git checkout -q main
strat lint --new-since "$BASE" > "$tmp/new" 2>&1 && ok "nothing new on main: exit 0" || no "new-since on main" "$tmp/new"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
