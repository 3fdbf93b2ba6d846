# tests/lib-report.sh - sourced by the report suites (suite-report.sh,
# suite-measures.sh): the environment (LANG=C TZ=UTC, STRAT_TODAY), a
# work directory, repositories built with fixed dates, and assertions.
# The sourcing script sets top first.
: "${STRAT:=$top/build/strat}"
# under valgrind (make check-valgrind) every strat run is wrapped
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
# API (not ours to fix); keep LeakSanitizer on for everything else.
printf 'leak:libcmark-gfm\n' > "$HOME/lsan.supp"
export LSAN_OPTIONS="suppressions=$HOME/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
work=$(mktemp -d); trap 'rm -rf "$work" "$HOME"' EXIT
pass=0; fail=0

ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL $name: $*"; }

# item ID TITLE DATE STATUS [OWNER] [ANCHOR]
item() {
	printf '  - id: %s\n    title: "%s"\n    anchor: %s\n    owner: %s\n' \
	    "$1" "$2" "${7:-q1-a}" "${6:-ann}"
	printf '    channel: blog\n    date: %s\n    status: %s\n' "$3" "$4"
	[ "$4" != shipped ] || printf '    shipped: %s\n' "${5:-$3}"
}
hdr() { printf 'kind: calendar\nversion: 1\ntitle: %s\nitems:\n' "${1:-cal}"; }
# commit DATE MESSAGE: everything in the work tree, at a fixed date
commit() {
	git add -A >/dev/null
	GIT_AUTHOR_DATE="$1T12:00:00Z" GIT_COMMITTER_DATE="$1T12:00:00Z" \
	    git commit -q --allow-empty -m "$2"
}
# newrepo NAME: a new repository in $work/NAME, the current directory;
# $on_newrepo (a command, if set) runs first with NAME, in the previous one
newrepo() {
	${on_newrepo:-:} "$1"
	name=$1; rm -rf "$work/$1"; mkdir -p "$work/$1/calendar"
	cd "$work/$1" && git init -q
}
# row PERIOD: "committed,shipped,slipped,dropped,missed,open,unplanned"
row() {
	$S report --format csv $REPORT_ARGS 2>/dev/null |
	    awk -F, -v p="$1" \
	    '$1 == p { print $5","$6","$7","$8","$9","$10","$11 }'
}
expect_row() {
	got=$(row "$1")
	if [ "$got" = "$2" ]; then ok; else no "$1: want $2, got '$got'"; fi
}
# same report with reuse on and off, every format; then the objects are
# packed (deltas against deltas) and the report must not change
expect_same() {
	for f in md json csv html; do
		a=$($S report --format $f $REPORT_ARGS 2>&1)
		b=$($S report --no-reuse --format $f $REPORT_ARGS 2>&1)
		if [ "$a" = "$b" ]; then ok; else
			no "reuse on/off differ ($f)"
			printf '%s\n' "$a" > "$work/a"; printf '%s\n' "$b" > "$work/b"
			diff -u "$work/a" "$work/b" | head -20
		fi
		eval "a_$f=\$a"
	done
	git repack -a -d -q -f --depth=50 >/dev/null 2>&1 || return 0
	for f in md json csv html; do
		eval "a=\$a_$f"
		c=$($S report --format $f $REPORT_ARGS 2>&1)
		if [ "$a" = "$c" ]; then ok; else
			no "packed/loose differ ($f)"
			printf '%s\n' "$a" > "$work/a"; printf '%s\n' "$c" > "$work/c"
			diff -u "$work/a" "$work/c" | head -20
		fi
	done
}
expect_grep() { # PATTERN TEXT...
	pat=$1; shift
	if printf '%s\n' "$*" | grep -q -e "$pat"; then ok; else
		no "no '$pat' in output"; printf '%s\n' "$*" | head -20; fi
}
expect_exit() { # N CMD...
	want=$1; shift
	out=$("$@" 2>&1); rc=$?
	if [ "$rc" = "$want" ]; then ok; else no "exit $rc, want $want: $out"; fi
}
REPORT_ARGS=
