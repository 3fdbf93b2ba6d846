#!/bin/sh
# tests/suite-text.sh - text is what SPEC section 6 says it is.
#  - plan files are UTF-8: a UTF-16 or UTF-32 byte order mark is a
#    yaml-syntax finding naming the encoding, in the work tree and in
#    history;
#  - hostile names (control characters, bidirectional overrides, bytes that
#    are not UTF-8 in file names and commit authors) go through every
#    command in every output format (lint's nine, on the work tree, a
#    commit and the index): the output is valid UTF-8 with no raw control
#    character or bidirectional mark (tests/textcheck.py), CSV keys
#    included, and checkstyle and JUnit parse as XML;
#  - CSV keys starting with a formula character (= + - @ tab CR) are
#    guarded; SARIF artifact URIs are percent-encoded;
#  - a commit author in a declared encoding (i18n.commitEncoding) is
#    converted to UTF-8, as git shows it: tests/suite-report.sh ("commit
#    text from git"; git itself rewrites an undeclared Latin-1 name, as
#    the one below, so that case is a commit written by hand there).
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib-suite.sh"

# ---- UTF-16 and UTF-32 are refused, not read ----
d=$tmp/bom; plan "$d"; cd "$d" || exit 2; git init -q .
cp calendar/a.yaml "$tmp/a.yaml"
for e in UTF-16LE UTF-16BE UTF-32LE UTF-32BE; do
	case $e in
	UTF-16LE) bom='\377\376' ;; UTF-16BE) bom='\376\377' ;;
	UTF-32LE) bom='\377\376\0\0' ;; UTF-32BE) bom='\0\0\376\377' ;;
	esac
	{ printf "$bom"; iconv -f UTF-8 -t $e < "$tmp/a.yaml"; } > calendar/a.yaml
	t "bom-$e" 1 "^calendar/a.yaml:1:1: error: the file is $e \(it starts with a byte order mark\); plan files are UTF-8 \[yaml-syntax\]" $S lint
	commit 2026-07-01 "$e"
	t "bom-$e-rev" 1 "^calendar/a.yaml:1:1: error: the file is $e .*\[yaml-syntax\]" $S lint --rev HEAD
done
# a UTF-8 byte order mark is still fine
{ printf '\357\273\277'; cat "$tmp/a.yaml"; } > calendar/a.yaml
t bom-utf8 0 "0 errors" $S lint

# ---- hostile names through every format ----
d=$tmp/names; plan "$d"; cd "$d" || exit 2; git init -q .
rm calendar/a.yaml
# a file name with ESC, tab, space, '#', '?', '%', ':' and a Latin-1 byte
f=$(printf 'calendar/e\033v\tl #?%%:\351 x.yaml')
printf 'kind: calendar\nversion: 1\nitems:\n  - id: a\n    title: "A\\e[31m \\u202e \\u0085"\n    anchor: q3-a\n    owner: "\\tann\\e\\a"\n    channel: "=bl\\nog\\u202e"\n    date: 2026-07-10\n    status: shipped\n    shipped: 2026-07-10\n  - id: b\n    title: "B\\u009b31m"\n    anchor: "q3-\\e"\n    owner: "\\rann"\n    channel: "@x"\n    date: 2026-07-11\n    status: planned\n  - id: c\n    title: C\n    anchor: q3-a\n    owner: "+ann"\n    channel: "-x"\n    date: 2026-07-12\n    status: planned\n  - id: d\n    title: D\n    anchor: q3-a\n    owner: "\\u202eann\\u0085\\u009b\\u2066"\n    channel: blog\n    date: 2026-07-13\n    status: planned\n' > "$f"
GIT_AUTHOR_NAME=$(printf 'Jos\351 \033[31m\342\200\256') commit 2026-07-01 one
printf '# two\n' >> "$f"; commit 2026-07-12 two
printf '# three\n' >> "$f"; git add -A
fmt() { # fmt NAME CMD...: the output (stdout and stderr) is clean text
	name=$1; shift
	out=$(timeout 30 "$@" 2>&1 | python3 "$top/tests/textcheck.py" \
	    $csv) && ok || no "$out"
}
if command -v python3 >/dev/null; then
	csv=
	# every format lint has ('strat lint --help'), on the work tree, a
	# commit and the index
	for l in "lint" "lint --rev HEAD" "lint --staged"; do
		for f in text json sarif github md rdjson checkstyle junit \
		    codeclimate; do
			# shellcheck disable=SC2086
			fmt "clean-$l --format $f" $S $l --format $f
		done
		# the XML formats parse, hostile names and all
		for f in checkstyle junit; do
			name="xml-$l --format $f"
			# shellcheck disable=SC2086
			out=$(timeout 30 $S $l --format $f 2>/dev/null |
			    python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.stdin)' 2>&1) &&
			    ok || no "not XML: $out"
		done
	done
	for c in "report" "report --format html" "report --format json" \
	    "report --format md --by owner" "report --format html --by channel" \
	    "report --format json --by anchor" \
	    "week --date 2026-07-06" "week --format md --date 2026-07-06" \
	    "week --format json --date 2026-07-06" \
	    "diff HEAD~1" "diff --format md HEAD~1" "diff --format json HEAD~1"; do
		# shellcheck disable=SC2086
		fmt "clean-$c" $S $c
	done
	# error messages name what the user or the repository gave as it is
	# given: a missing file, a revision, a person with ESC and Latin-1
	hostile=$(printf 'calendar/n\033[31mo\tpe\351.yaml')
	fmt "clean-error-file" $S lint "$hostile"
	fmt "clean-error-rev" $S diff "$(printf 'v\033]0;x\007\351')"
	fmt "clean-error-owner" $S week --owner "$(printf 'a\033[2Jn\351')"
	csv=csv
	for by in "" "--by anchor" "--by owner" "--by channel"; do
		# shellcheck disable=SC2086
		fmt "clean-csv $by" $S report --format csv $by
	done
else
	echo "skip hostile names: python3 not installed"
fi
# CSV keys: control characters as U+FFFD; a formula starter quoted behind '
FFFD=$(printf '\357\277\275')
t csv-owner-tab 0 "^2026-Q3,[^,]*,[^,]*,[a-z]*,\"'${FFFD}ann${FFFD}${FFFD}\",1," $S report --format csv --by owner
t csv-owner-cr 0 "^2026-Q3,[^,]*,[^,]*,[a-z]*,\"'${FFFD}ann\",1," $S report --format csv --by owner
t csv-channel 0 "^2026-Q3,[^,]*,[^,]*,[a-z]*,\"'=bl${FFFD}og${FFFD}\",1," $S report --format csv --by channel
t csv-channel-minus 0 "^2026-Q3,[^,]*,[^,]*,[a-z]*,\"'-x\",1," $S report --format csv --by channel
t csv-channel-at 0 "^2026-Q3,[^,]*,[^,]*,[a-z]*,\"'@x\",1," $S report --format csv --by channel
t csv-anchor 0 "^2026-Q3,[^,]*,[^,]*,[a-z]*,q3-${FFFD},1," $S report --format csv --by anchor
# SARIF: the artifact URI is percent-encoded (RFC 3986)
t sarif-uri 1 '"uri": "calendar/e%1Bv%09l%20%23%3F%25%3A%E9%20x.yaml"' $S lint --format sarif
# JSON: a byte that is not UTF-8 is \ufffd, a bidi override escaped
t json-not-utf8 1 '"file": "calendar/e\\u001bv\\tl #\?%:\\ufffd x.yaml"' $S lint --format json
echo "$pass passed, $fail failed"
