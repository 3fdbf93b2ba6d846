# tests/lib-suite.sh - sourced by the suites that build git repositories
# (golden.sh, suite-damage, suite-edit, suite-hostile, suite-readonly,
# suite-text, suite-write, and through tests/lib-report.sh the report
# suites).  A new suite of that kind starts with these two lines:
#   top=$(cd "$(dirname "$0")/.." && pwd)
#   . "$top/tests/lib-suite.sh"
# and ends with: echo "$pass passed, $fail failed".  After sourcing it has:
#   $S       strat, wrapped like every run under 'make check-valgrind'
#   $tmp     a work directory, removed at exit (KEEP=1 keeps it and says
#            where); HOME is a fresh directory too, removed likewise
#   the environment: LANG=C TZ=UTC, STRAT_TODAY, a fixed git identity,
#            no system or user git configuration but the lines below
#   pass, fail and ok, no: the counters every suite prints at its end
#            ("N passed, N failed", read by tests/run.sh)
#   t, absent: run a command, check its exit status and output
#   commit, plan: history with fixed dates, a small valid plan
: "${STRAT:=$top/build/strat}"
S="${STRAT_WRAP:+$STRAT_WRAP }$STRAT"
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1 STRAT_TODAY=2026-09-15
export GIT_AUTHOR_NAME=Tester GIT_AUTHOR_EMAIL=tester@example.com
export GIT_COMMITTER_NAME=Tester GIT_COMMITTER_EMAIL=tester@example.com
export GIT_CONFIG_NOSYSTEM=1 HOME=$(mktemp -d)
git config --global init.defaultBranch main
git config --global user.name Tester
git config --global user.email tester@example.com
git config --global protocol.file.allow always
# cmark-gfm 0.29 leaks the per-node data of table nodes built through its
# API (not ours to fix; tests/lsan.supp); keep LeakSanitizer on for
# everything else.
printf 'leak:libcmark-gfm\n' > "$HOME/lsan.supp"
export LSAN_OPTIONS="suppressions=$HOME/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
tmp=$(mktemp -d)
if [ -n "$KEEP" ]; then
	echo "work directory: $tmp"; trap 'rm -rf "$HOME"' EXIT
else
	trap 'rm -rf "$tmp" "$HOME"' EXIT
fi
pass=0; fail=0

# ok; no WHY...: one check passed or failed ($name says which)
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL $name: $*"; }
# t NAME WANT-EXIT PATTERN CMD...: the exit status, and a line of the
# output (stdout and stderr) matching PATTERN (grep -E); no run may hang
t() {
	name=$1 want=$2 pat=$3; shift 3
	out=$(timeout 60 "$@" 2>&1); rc=$?
	if [ "$rc" != "$want" ]; then no "exit $rc, want $want"; shown
	elif ! printf '%s\n' "$out" | grep -Eq -- "$pat"; then
		no "no '$pat'"; shown
	else ok; fi
}
# absent NAME PATTERN CMD...: no line matches PATTERN, no crash
absent() {
	name=$1 pat=$2; shift 2
	out=$(timeout 60 "$@" 2>&1); rc=$?
	if [ "$rc" -gt 2 ]; then no "exit $rc"; shown
	elif printf '%s\n' "$out" | grep -Eq -- "$pat"; then
		no "matches '$pat': $(printf '%s\n' "$out" | grep -E -- "$pat" | head -n 2)"
		shown
	else ok; fi
}
shown() { printf '%s\n' "$out" | head -n 8; } # the output of a failed check

# commit DATE MESSAGE: everything in the work tree, at a fixed date
commit() {
	git add -A >/dev/null
	GIT_AUTHOR_DATE="$1T12:00:00Z" GIT_COMMITTER_DATE="$1T12:00:00Z" \
	    git commit -q --allow-empty -m "$2"
}
# plan DIR: a small valid plan (strategy, team, one calendar of one item)
plan() {
	rm -rf "$1"; mkdir -p "$1/calendar"
	printf 'strat: 1\n' > "$1/strat.yaml"
	cat > "$1/strategy.yaml" <<'Y'
kind: strategy
version: 1
title: T
owner: ann
thesis: t
outcomes:
  - id: o1
    title: O
    owner: ann
anchors:
  - id: q3-a
    title: A
    quarter: 2026-Q3
    owner: ann
    outcomes: [o1]
    done: d
Y
	printf 'kind: team\nversion: 1\npeople:\n  - id: ann\n    name: Ann\n' > "$1/team.yaml"
	printf 'kind: calendar\nversion: 1\nitems:\n  - id: a\n    title: A\n    anchor: q3-a\n    owner: ann\n    channel: blog\n    date: 2026-07-10\n    status: planned\n' > "$1/calendar/a.yaml"
}
