#!/bin/sh
# tests/golden.sh - golden CLI tests.
#
# Each case is a directory tests/golden/<area>/<case>/ holding:
#   cmd        a shell script run in a scratch copy of the case; $STRAT is
#              the binary (wrapped in valgrind when VALGRIND=1)
#   setup.sh   optional: run first in the scratch copy (build git history)
#   expected   the expected stdout followed by a line "exit N"
# Other files are the plan repository the command reads; a case may start
# from a shared plan of tests/fixtures/ and hold only what differs.
# UPDATE=1 rewrites expected files from the actual output.
top=$(cd "$(dirname "$0")/.." && pwd)
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1
: "${STRAT_TODAY:=2026-09-15}"; export STRAT_TODAY
: "${STRAT:=$top/build/strat}"; export STRAT
# Shared plans a case starts from (cp -R "$FIXTURES/NAME/." .).
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
	rm -rf "$scratch/case"; cp -R "$c" "$scratch/case"
	rm -f "$scratch/case/expected"
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
