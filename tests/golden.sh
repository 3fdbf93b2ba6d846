#!/bin/sh
# tests/golden.sh - golden CLI tests.
#
# Each case is a directory tests/golden/<area>/<case>/ holding:
#   cmd        a shell script run in a scratch copy of the case; $STRAT is
#              the binary (wrapped in valgrind when VALGRIND=1)
#   setup.sh   optional: run first in the scratch copy (build git history)
#   expected   the expected stdout followed by a line "exit N"
#   fixture    optional: the shared plans of tests/fixtures/ the case starts
#              from, one a line: "NAME" or "NAME DIR" (copied into DIR),
#              in order, each over the one before; NAME may be one file of
#              a plan ("plan/team.yaml"), for a case that needs only it
# Other files are the plan repository the command reads, over the
# fixtures: a case holds only what differs from them.
# UPDATE=1 rewrites expected files from the actual output.
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib-suite.sh"
export STRAT
# Shared plans (tests/fixtures/README), for cases and their scripts.
export FIXTURES="$top/tests/fixtures"
for c in "$top"/tests/golden/*/*/; do
	c=${c%/}; name=${c#"$top"/tests/golden/}
	[ -f "$c/cmd" ] || continue
	rm -rf "$tmp/case"; mkdir "$tmp/case"
	if [ -f "$c/fixture" ]; then
		while read -r fx dir; do
			mkdir -p "$tmp/case/$dir" || continue
			if [ -d "$FIXTURES/$fx" ]; then
				cp -R "$FIXTURES/$fx/." "$tmp/case/$dir/"
			else
				cp "$FIXTURES/$fx" "$tmp/case/$dir/"
			fi
		done < "$c/fixture"
	fi
	cp -R "$c/." "$tmp/case/"
	rm -f "$tmp/case/expected" "$tmp/case/fixture"
	out=$(cd "$tmp/case" && {
		[ ! -f setup.sh ] || sh ./setup.sh >/dev/null 2>&1
		STRAT="$STRAT_WRAP $STRAT" sh ./cmd 2>&1; echo "exit $?"; })
	if [ -n "$UPDATE" ]; then printf '%s\n' "$out" > "$c/expected"; fi
	if [ "$out" = "$(cat "$c/expected" 2>/dev/null)" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); echo "FAIL golden $name"
		printf '%s\n' "$out" | diff -u "$c/expected" - | head -n 30
	fi
done
echo "$pass passed, $fail failed"
