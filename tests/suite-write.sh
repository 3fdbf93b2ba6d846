#!/bin/sh
# tests/suite-write.sh - every write is checked (strat(1), EXIT STATUS):
# each command and format, its output sent to /dev/full, exits 2 with
# "cannot write ...: No space left on device" on stderr; report -o to
# /dev/full likewise; a reader that goes away (| head -n 1) ends strat
# quietly, as git does: nothing on stderr.
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib-suite.sh"
[ -w /dev/full ] || { echo "skip: no /dev/full"; echo "0 passed, 0 failed"; exit 0; }

r=$tmp/repo
mkdir -p "$r"; cp -R "$top/examples/acme/." "$r/"
cd "$r" || exit 2
git init -q .
commit 2026-01-05 "plan"
sed -i 's/status: planned/status: in-progress/' calendar/2026/q3.yaml
# a finding, so that lint has something to write in every format
sed -i '0,/owner: /s//owner: nobody-here # /' calendar/2026/q3.yaml
commit 2026-07-01 "progress"

full() { # full ARGS...: output to /dev/full gives exit 2 and the reason
	$S "$@" > /dev/full 2> "$tmp/err"
	rc=$?
	if [ "$rc" = 2 ] &&
	    grep -q '^strat: cannot write .*: No space left on device$' "$tmp/err"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); echo "FAIL strat $* > /dev/full: exit $rc"
		head -n 3 "$tmp/err"
	fi
}
for f in text json sarif github; do full lint --format "$f"; done
for f in md html json csv; do
	full report --format "$f"
	full report --format "$f" -o /dev/full
done
for f in text md json; do
	full diff --format "$f" HEAD~1
	full week --format "$f"
done
full version
full --help
full help
full help rules
full help format
full help lint
for c in lint report week diff init hook help; do full "$c" --help; done

# A closed pipe: nothing more on stderr, whatever the size of the output.
quiet() { # stderr as when the output is read to its end
	$S "$@" 2> "$tmp/err0" > /dev/null
	$S "$@" 2> "$tmp/err" | head -c 1 > /dev/null
	if cmp -s "$tmp/err0" "$tmp/err"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); echo "FAIL strat $* | head: stderr:"
		head -n 3 "$tmp/err"
	fi
}
quiet report --format json
quiet lint --format sarif
quiet week
quiet diff HEAD~1
echo "$pass passed, $fail failed"
