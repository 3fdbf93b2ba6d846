#!/bin/sh
# tests/run.sh BUILD_DIR - run every test suite and print "N passed, N failed".
#
# Suites: unit tests (cmocka binaries in BUILD_DIR/tests), golden CLI tests
# (tests/golden.sh), and every tests/suite-*.sh script.  Each suite prints
# its own "N passed, N failed" line; this script sums them.
# VALGRIND=1 runs binaries under valgrind (no leaks, no errors).
B=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1 STRAT_TODAY=2026-09-15
export STRAT="$top/$B/strat"
# Known leaks in dependencies (see the file); only read by sanitizer builds.
# The slow unwinder sees through libraries built without frame pointers,
# so the suppressions can name the frame that allocated.
export LSAN_OPTIONS="print_suppressions=0:suppressions=$top/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export ASAN_OPTIONS="fast_unwind_on_malloc=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
if [ -n "$VALGRIND" ]; then
	export STRAT_WRAP="valgrind -q --error-exitcode=99 --suppressions=$top/tests/valgrind.supp --leak-check=full --errors-for-leak-kinds=definite,indirect"
fi
log=$(mktemp); trap 'rm -f "$log"' EXIT
pass=0; fail=0
add() { # parse "N passed, N failed" from the last such line of $log
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if [ -z "$line" ]; then fail=$((fail + 1)); echo "FAIL $1 (no result line)"; return; fi
	p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
	pass=$((pass + p)); fail=$((fail + f))
}
for t in "$B"/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	if $STRAT_WRAP "$t" > "$log" 2>&1; then
		n=$(grep -c '^\[       OK \]' "$log")
		pass=$((pass + n)); echo "ok   unit $name ($n)"
	else
		cat "$log"
		n=$(grep -c '^\[  FAILED  \]' "$log"); [ "$n" -gt 0 ] || n=1
		ok=$(grep -c '^\[       OK \]' "$log")
		pass=$((pass + ok)); fail=$((fail + n)); echo "FAIL unit $name"
	fi
done
for s in tests/golden.sh tests/suite-*.sh; do
	[ -f "$s" ] || continue
	sh "$s" > "$log" 2>&1
	grep -E '^(FAIL|not ok)' "$log" | head -n 40
	add "$s"
	echo "ran  $(basename "$s"): $(grep -E '^[0-9]+ passed' "$log" | tail -n 1)"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
