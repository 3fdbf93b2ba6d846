#!/bin/sh
# tests/suite-schema-cmd.sh - 'strat schema [NAME]' prints the JSON Schemas
# of spec/schema byte for byte, from the binary alone (a copy of it run far
# from the source tree), lists them without NAME, and refuses an unknown
# name with a did-you-mean and exit 2.
top=$(cd "$(dirname "$0")/.." && pwd)
: "${STRAT:=$top/build/strat}"
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
no() { fail=$((fail + 1)); echo "FAIL $1"; [ -z "$2" ] || head -n 12 "$2"; }

# The binary copied where no spec/ is near, run from /: what is printed
# was compiled in.
mkdir -p "$tmp/bin" && cp "$STRAT" "$tmp/bin/strat"
S="$STRAT_WRAP $tmp/bin/strat"
cd /

$S schema > "$tmp/list" 2> "$tmp/err"; rc=$?
(cd "$top/spec/schema" && ls *.schema.json | sed 's/\.schema\.json$//') > "$tmp/want"
[ "$rc" = 0 ] && cmp -s "$tmp/list" "$tmp/want" && [ ! -s "$tmp/err" ] &&
	ok "strat schema lists every schema of spec/schema" ||
	no "strat schema: exit $rc, list differs from spec/schema" "$tmp/list"
for f in "$top"/spec/schema/*.schema.json; do
	n=${f##*/}; n=${n%.schema.json}
	$S schema "$n" > "$tmp/out" 2> "$tmp/err"; rc=$?
	[ "$rc" = 0 ] && cmp -s "$tmp/out" "$f" && [ ! -s "$tmp/err" ] &&
		ok "strat schema $n is spec/schema/${f##*/} byte for byte" ||
		no "strat schema $n: exit $rc, differs from ${f##*/}" "$tmp/err"
	$S schema "${f##*/}" | cmp -s - "$f" &&
		ok "strat schema ${f##*/} (the file name) prints it too" ||
		no "strat schema ${f##*/}"
done

$S schema calender > "$tmp/out" 2> "$tmp/err"; rc=$?
[ "$rc" = 2 ] && [ ! -s "$tmp/out" ] &&
	grep -q "^strat: no schema named 'calender'" "$tmp/err" &&
	grep -q "^hint: did you mean 'strat schema calendar'?" "$tmp/err" &&
	ok "unknown name: exit 2, did you mean" ||
	no "strat schema calender: exit $rc" "$tmp/err"
$S schema zzzzzzzz > "$tmp/out" 2> "$tmp/err"; rc=$?
[ "$rc" = 2 ] && ! grep -q "did you mean" "$tmp/err" &&
	ok "a far-off name: exit 2, no suggestion" || no "strat schema zzzzzzzz: exit $rc" "$tmp/err"
$S schema team strat > "$tmp/out" 2> "$tmp/err"; rc=$?
[ "$rc" = 2 ] && [ ! -s "$tmp/out" ] && grep -q '^usage: strat schema' "$tmp/err" &&
	ok "two names: usage, exit 2" || no "strat schema team strat: exit $rc" "$tmp/err"
$S schema --help > "$tmp/out" 2>&1; rc=$?
[ "$rc" = 0 ] && grep -q '^usage: strat schema \[NAME\]' "$tmp/out" &&
	ok "strat schema --help" || no "strat schema --help: exit $rc" "$tmp/out"
$S schema calendar > /dev/full 2> "$tmp/err"; rc=$?
[ "$rc" = 2 ] && grep -q "cannot write the standard output" "$tmp/err" &&
	ok "a failed write: exit 2" || no "strat schema calendar > /dev/full: exit $rc" "$tmp/err"
echo "$pass passed, $fail failed"
