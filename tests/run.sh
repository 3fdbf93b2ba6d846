#!/bin/sh
# tests/run.sh BUILD_DIR - run every test suite and print "N passed, N failed".
#
# Suites: unit tests (cmocka binaries in BUILD_DIR/tests), golden CLI tests
# (tests/golden.sh), and every tests/suite-*.sh script.  Each suite prints
# its own "N passed, N failed" line; this script sums them.
# VALGRIND=1 runs binaries under valgrind (no leaks, no errors).
# SUITES="unit tests/golden.sh tests/suite-x.sh" runs only those.
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
log=$(mktemp); vg=; trap 'rm -rf "$log" $vg' EXIT
# VALGRIND=1: every binary the suites run through $STRAT_WRAP (strat, the
# unit tests, the fuzz replay drivers, md-shape) runs under memcheck.  Each
# process writes its report to a file of $vg (empty with -q when clean), so
# that an error is seen even where a suite discards stderr or ignores the
# exit code; after each suite, every non-empty report is one failure.
if [ -n "$VALGRIND" ]; then
	vg=$(mktemp -d)
	export STRAT_WRAP="valgrind -q --error-exitcode=99 --suppressions=$top/tests/valgrind.supp --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect --log-file=$vg/vg.%p"
fi
vgcheck() { # $1: suite name; count and show valgrind reports, then clear
	[ -n "$vg" ] || return 0
	for r in "$vg"/vg.*; do
		[ -s "$r" ] || continue
		fail=$((fail + 1)); echo "FAIL valgrind in $1: $(basename "$r")"
		head -n 60 "$r"
	done
	rm -f "$vg"/vg.*
}
pass=0; fail=0
add() { # parse "N passed, N failed" from the last such line of $log
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if [ -z "$line" ]; then fail=$((fail + 1)); echo "FAIL $1 (no result line)"; return; fi
	p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
	pass=$((pass + p)); fail=$((fail + f))
}
for t in "$B"/tests/test_*; do
	# a binary left in BUILD_DIR by a unit test since removed is not run
	[ -x "$t" ] && [ -f "tests/unit/${t##*/}.c" ] || continue
	[ -z "$SUITES" ] || case " $SUITES " in *" unit "*) ;; *) continue ;; esac
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
	vgcheck "unit $name"
done
for s in tests/golden.sh tests/suite-*.sh; do
	[ -f "$s" ] || continue
	case " ${SUITES:-$s} " in *" $s "*) ;; *) continue ;; esac
	t0=$(date +%s)
	sh "$s" > "$log" 2>&1
	grep -E '^(FAIL|not ok)' "$log" | head -n 40
	add "$s"
	vgcheck "$(basename "$s")"
	echo "ran  $(basename "$s"): $(grep -E '^[0-9]+ passed' "$log" | tail -n 1) ($(($(date +%s) - t0)) s)"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
