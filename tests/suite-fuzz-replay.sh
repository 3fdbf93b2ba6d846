#!/bin/sh
# tests/suite-fuzz-replay.sh - replay every fuzz target's seeds and found
# crashers (tests/fuzz-regress/TARGET) through the plain-C replay drivers
# (BUILD/tests/fuzz-replay-TARGET, built by 'make units'), under whatever
# sanitizers or valgrind the build uses.  The YAML test suite in ../shared
# is used when present.
top=$(cd "$(dirname "$0")/.." && pwd)
bin=$(dirname "${STRAT:-$top/build/strat}")/tests
pass=0; fail=0
for t in yaml lint markdown history git; do
	r=$bin/fuzz-replay-$t
	if [ ! -x "$r" ]; then
		echo "FAIL fuzz-replay-$t: $r not built"; fail=$((fail + 1))
		continue
	fi
	# shellcheck disable=SC2046
	if out=$($STRAT_WRAP "$r" $(sh "$top/fuzz/seeds.sh" "$t") 2>&1); then
		pass=$((pass + 1)); echo "ok   fuzz-replay-$t: $(echo "$out" | tail -n 1)"
	else
		fail=$((fail + 1)); echo "FAIL fuzz-replay-$t"; echo "$out" | tail -n 30
	fi
done
echo "$pass passed, $fail failed"
