#!/bin/sh
# tests/suite-crash.sh - strat lint never crashes, hangs or fails on input.
#
# Every file of the YAML test suite (../shared/data/yaml-test-suite) is
# linted as calendar/x.yaml of a scratch plan, and once as strategy.yaml.
# The exit code must be 0 or 1: never 2 on a readable file, never a
# signal, a sanitizer report or a timeout.  Files named *.error.yaml are
# not valid YAML and must give at least one diagnostic.  Under 'make
# check', $STRAT is the ASan+UBSan build.
top=$(cd "$(dirname "$0")/.." && pwd)
: "${STRAT:=$top/build/strat}"
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1
: "${STRAT_TODAY:=2026-09-15}"; export STRAT_TODAY
# A sanitizer report must not pass for exit 1 ("findings").
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=86"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}halt_on_error=1:exitcode=86:print_stacktrace=1"
suite=$top/../shared/data/yaml-test-suite
if [ ! -d "$suite" ]; then
	echo "skip: $suite not found (../shared absent)"
	echo "0 passed, 0 failed, 1 skipped"
	exit 0
fi
limit=20 # seconds per run; a hang is a failure
# valgrind alone takes seconds to start strat; on a loaded machine two
# files of 29 and 137 bytes took more than 20 s under it (make
# check-valgrind): a hang is still a failure, found later
[ -z "$STRAT_WRAP" ] || limit=120
to=; command -v timeout >/dev/null 2>&1 && to="timeout $limit"
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
plan=$scratch/plan
mkdir -p "$plan/calendar"
cat > "$plan/strategy.yaml" <<'YAML'
kind: strategy
version: 1
title: t
owner: dana
thesis: t
anchors:
  - {id: a, title: a, quarter: 2026-Q3, owner: dana, outcomes: [], done: d}
YAML
printf 'kind: team\nversion: 1\npeople:\n  - {id: dana, name: Dana}\n' \
	> "$plan/team.yaml"
cp "$plan/strategy.yaml" "$scratch/strategy.yaml"
pass=0; fail=0

check() { # check FILE AS: lint the plan; FILE was copied to AS
	f=$1; as=$2
	(cd "$plan" && $to $STRAT_WRAP $STRAT lint --format json) \
		> "$scratch/out" 2> "$scratch/err"
	rc=$?
	why=
	case $rc in
	0|1) ;;
	124) why="timed out after ${limit}s" ;;
	86) why="sanitizer report" ;;
	*) if [ $rc -gt 128 ]; then why="killed by signal $((rc - 128))"
	   else why="exit $rc"; fi ;;
	esac
	if [ -z "$why" ] && [ -s "$scratch/err" ]; then
		why="wrote to stderr"
	fi
	if [ -z "$why" ]; then
		case $f in
		*.error.yaml)
			grep -q '^ *{"rule": ' "$scratch/out" ||
				why="invalid YAML but no diagnostic" ;;
		esac
	fi
	if [ -z "$why" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $(basename "$f") as $as: $why"
		head -n 5 "$scratch/err"
	fi
}

for f in "$suite"/*.yaml; do
	[ -f "$f" ] || continue
	cp "$f" "$plan/calendar/x.yaml"
	check "$f" calendar/x.yaml
	rm -f "$plan/calendar/x.yaml"
	# Under valgrind (make check-valgrind) each file is linted once, as
	# a calendar: the pass as strategy.yaml doubled the longest suite
	# (701 s), and fuzz-replay-lint already feeds every file of the
	# suite as a calendar and as the strategy under valgrind.
	[ -z "$STRAT_WRAP" ] || continue
	cp "$f" "$plan/strategy.yaml"
	check "$f" strategy.yaml
	cp "$scratch/strategy.yaml" "$plan/strategy.yaml"
done
echo "$pass passed, $fail failed"
