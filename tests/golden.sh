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
#              in order, each over the one before
# Other files are the plan repository the command reads, over the
# fixtures: a case holds only what differs from them.
# UPDATE=1 rewrites expected files from the actual output.
top=$(cd "$(dirname "$0")/.." && pwd)
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1
: "${STRAT_TODAY:=2026-09-15}"; export STRAT_TODAY
: "${STRAT:=$top/build/strat}"; export STRAT
# Shared plans (tests/fixtures/README), for cases and their scripts.
export FIXTURES="$top/tests/fixtures"
export GIT_AUTHOR_NAME=Tester GIT_AUTHOR_EMAIL=tester@example.com
export GIT_COMMITTER_NAME=Tester GIT_COMMITTER_EMAIL=tester@example.com
export GIT_CONFIG_NOSYSTEM=1 HOME=$(mktemp -d)
git config --global init.defaultBranch main
git config --global user.name Tester
git config --global user.email tester@example.com
pass=0; fail=0
scratch=$(mktemp -d); trap 'rm -rf "$scratch" "$HOME"' EXIT
for c in "$top"/tests/golden/*/*/; do
	c=${c%/}; name=${c#"$top"/tests/golden/}
	[ -f "$c/cmd" ] || continue
	rm -rf "$scratch/case"; mkdir "$scratch/case"
	if [ -f "$c/fixture" ]; then
		while read -r fx dir; do
			mkdir -p "$scratch/case/$dir" &&
			    cp -R "$FIXTURES/$fx/." "$scratch/case/$dir/"
		done < "$c/fixture"
	fi
	cp -R "$c/." "$scratch/case/"
	rm -f "$scratch/case/expected" "$scratch/case/fixture"
	out=$(cd "$scratch/case" && {
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
