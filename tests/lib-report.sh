# tests/lib-report.sh - sourced by the report suites (suite-report.sh,
# suite-measures.sh, suite-html.sh): tests/lib-suite.sh (the environment,
# STRAT_TODAY, a work directory $tmp, counters and assertions) and the
# report's own helpers below.  The sourcing script sets top first.
. "$top/tests/lib-suite.sh"

# item ID TITLE DATE STATUS [OWNER] [ANCHOR]
item() {
	printf '  - id: %s\n    title: "%s"\n    anchor: %s\n    owner: %s\n' \
	    "$1" "$2" "${7:-q1-a}" "${6:-ann}"
	printf '    channel: blog\n    date: %s\n    status: %s\n' "$3" "$4"
	[ "$4" != shipped ] || printf '    shipped: %s\n' "${5:-$3}"
}
hdr() { printf 'kind: calendar\nversion: 1\ntitle: %s\nitems:\n' "${1:-cal}"; }
# newrepo NAME: a new repository in $tmp/NAME, the current directory;
# $on_newrepo (a command, if set) runs first with NAME, in the previous one
newrepo() {
	${on_newrepo:-:} "$1"
	name=$1; rm -rf "$tmp/$1"; mkdir -p "$tmp/$1/calendar"
	cd "$tmp/$1" && git init -q
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
			printf '%s\n' "$a" > "$tmp/a"; printf '%s\n' "$b" > "$tmp/b"
			diff -u "$tmp/a" "$tmp/b" | head -20
		fi
		eval "a_$f=\$a"
	done
	git repack -a -d -q -f --depth=50 >/dev/null 2>&1 || return 0
	for f in md json csv html; do
		eval "a=\$a_$f"
		c=$($S report --format $f $REPORT_ARGS 2>&1)
		if [ "$a" = "$c" ]; then ok; else
			no "packed/loose differ ($f)"
			printf '%s\n' "$a" > "$tmp/a"; printf '%s\n' "$c" > "$tmp/c"
			diff -u "$tmp/a" "$tmp/c" | head -20
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
