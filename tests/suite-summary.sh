#!/bin/sh
# tests/suite-summary.sh - strat diff --summary and strat report --summary
# append their Markdown to $GITHUB_STEP_SUMMARY (GitHub Actions' job
# summary) whatever --format prints, after what other steps wrote; without
# the variable they say so and exit 2.
top=$(cd "$(dirname "$0")/.." && pwd)
: "${STRAT:=$top/build/strat}"
S="$STRAT_WRAP $STRAT"
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1 STRAT_TODAY=2026-09-15
export GIT_CONFIG_NOSYSTEM=1 HOME=$(mktemp -d)
git config --global user.name T; git config --global user.email t@example.com
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
no() { fail=$((fail + 1)); echo "FAIL $1"; [ -z "$2" ] || printf '%s\n' "$2" | head -n 10; }
scratch=$(mktemp -d); trap 'rm -rf "$scratch" "$HOME"' EXIT
cp -R "$top/tests/golden/week/history" "$scratch/case"
(cd "$scratch/case" && sh ./setup.sh) >/dev/null 2>&1
cd "$scratch/case" || exit 2
sum=$scratch/summary
echo "earlier step" > "$sum"

out=$(GITHUB_STEP_SUMMARY=$sum $S diff --format json --summary HEAD~1)
rc=$?
if [ $rc = 0 ] && printf '%s' "$out" | grep -q '"verdict"' &&
    [ "$(head -n 1 "$sum")" = "earlier step" ] &&
    grep -q '^\*\*strat diff\*\* — needs attention' "$sum" &&
    grep -q '^### Calendar' "$sum"
then ok "diff --summary: JSON on stdout, the Markdown review appended"
else no "diff --summary" "$(cat "$sum")"; fi

n=$(wc -l < "$sum")
out=$(GITHUB_STEP_SUMMARY=$sum $S report --format csv --summary)
rc=$?
if [ $rc = 0 ] && printf '%s' "$out" | grep -q '^period,start,end' &&
    tail -n +$((n + 1)) "$sum" | grep -q '^# Execution report' &&
    grep -q '^\*\*strat diff\*\*' "$sum"
then ok "report --summary: CSV on stdout, the Markdown report appended"
else no "report --summary" "$(tail -5 "$sum")"; fi

for c in "diff HEAD~1" "report"; do
	# shellcheck disable=SC2086
	err=$(env -u GITHUB_STEP_SUMMARY $S $c --summary 2>&1 >/dev/null)
	rc=$?
	case "$rc $err" in
	"2 strat: --summary: GITHUB_STEP_SUMMARY is not set"*) ok "$c --summary without the variable: exit 2" ;;
	*) no "$c --summary without the variable" "$rc $err" ;;
	esac
done
# shellcheck disable=SC2086
err=$(GITHUB_STEP_SUMMARY=$scratch/no/such/dir $S report --summary 2>&1 >/dev/null)
[ $? = 2 ] && case $err in *"cannot write"*) true ;; *) false ;; esac &&
	ok "an unwritable summary file: exit 2" ||
	no "unwritable summary file" "$err"
echo "$pass passed, $fail failed"
