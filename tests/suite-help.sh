#!/bin/sh
# tests/suite-help.sh - help like git's: 'strat CMD --help' (and -h) prints
# the usage and describes every option the command accepts (the long
# options are read from the command's own table in cmd/CMD.c, so an option
# added without a description fails here); unknown commands and options
# get a did-you-mean; 'strat help --help' works.
top=$(cd "$(dirname "$0")/.." && pwd)
: "${STRAT:=$top/build/strat}"
S="$STRAT_WRAP $STRAT"
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1 STRAT_TODAY=2026-09-15
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL $1"; [ -z "$2" ] || head -n 12 "$2"; }

for c in lint report week diff init hook schema; do
	if $S "$c" --help > "$tmp/help" 2> "$tmp/err"; then ok
	else no "strat $c --help: exit $?" "$tmp/err"; fi
	$S "$c" -h > "$tmp/h" 2>&1
	cmp -s "$tmp/help" "$tmp/h" && ok || no "strat $c -h differs from --help"
	# every long option of the command's table has a line of its own
	for o in $(sed -n 's/^[[:space:]]*{"\([a-z-]*\)", *\(no\|required\|optional\)_argument.*/\1/p' \
			"$top/cmd/$c.c"); do
		if grep -Eq "^    (-[a-zA-Z], )?--$o( |$)" "$tmp/help"; then ok
		else no "strat $c --help does not describe --$o" "$tmp/help"; fi
	done
	awk 'length > 80 { n++ } END { exit n > 0 }' "$tmp/help" &&
		ok || no "strat $c --help: lines over 80 columns" "$tmp/help"
done

$S help --help > "$tmp/out" 2>&1 && grep -q '^usage: strat help' "$tmp/out" && ok ||
	no "strat help --help" "$tmp/out"

# did you mean
$S lnt > "$tmp/out" 2>&1; rc=$?
[ "$rc" = 2 ] && grep -q "did you mean 'strat lint'" "$tmp/out" && ok ||
	no "strat lnt: exit $rc" "$tmp/out"
$S lint --formt json > "$tmp/out" 2>&1; rc=$?
[ "$rc" = 2 ] && grep -q "did you mean '--format'" "$tmp/out" && ok ||
	no "strat lint --formt: exit $rc" "$tmp/out"
$S week --sinse 2026-09-01 > "$tmp/out" 2>&1
grep -q "did you mean '--since'" "$tmp/out" && ok || no "week --sinse" "$tmp/out"
$S report --formt=json > "$tmp/out" 2>&1
grep -q "did you mean '--format'" "$tmp/out" && ok || no "report --formt=json" "$tmp/out"
$S lint --zzzzzz > "$tmp/out" 2>&1
grep -q "did you mean" "$tmp/out" && no "a far-off option got a suggestion" "$tmp/out" || ok
$S frobnicate > "$tmp/out" 2>&1
grep -q "did you mean" "$tmp/out" && no "a far-off command got a suggestion" "$tmp/out" || ok

# the plan-changing commands (cmd/edit.c): each describes the options it
# takes, the common ones and its own
for spec in "ship on" "start" "slip to" "drop" "owner" \
    "add anchor owner channel date id file" "record date note file csv kpi"; do
	set -- $spec; c=$1; shift
	if $S "$c" --help > "$tmp/help" 2>&1; then ok
	else no "strat $c --help: exit $?" "$tmp/help"; fi
	awk 'length > 80 { n++ } END { exit n > 0 }' "$tmp/help" &&
		ok || no "strat $c --help: lines over 80 columns" "$tmp/help"
	for o in "$@" why commit dry-run force today help; do
		if grep -Eq "^    (-[a-zA-Z], )?--$o( |$)" "$tmp/help"; then ok
		else no "strat $c --help does not describe --$o" "$tmp/help"; fi
	done
	$S "$c" --help > /dev/full 2> "$tmp/err"; rc=$?
	[ "$rc" = 2 ] && grep -q "cannot write" "$tmp/err" && ok ||
		no "strat $c --help > /dev/full: exit $rc" "$tmp/err"
done
$S slip --tto 2026-10-01 > "$tmp/out" 2>&1; rc=$?
[ "$rc" = 2 ] && grep -q "did you mean '--to'" "$tmp/out" && ok ||
	no "strat slip --tto: exit $rc" "$tmp/out"
$S record --kpii mql > "$tmp/out" 2>&1; rc=$?
[ "$rc" = 2 ] && grep -q "did you mean '--kpi'" "$tmp/out" && ok ||
	no "strat record --kpii: exit $rc" "$tmp/out"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
