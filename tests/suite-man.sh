#!/bin/sh
# tests/suite-man.sh - every manual page parses with lexgrog (what man-db's
# mandb and whatis read: "strat-x - summary") and is clean under
# mandoc -Tlint -W warning; the NAME line names the page's own file.
# Without lexgrog or mandoc that check is skipped (a failure under CI=true).
top=$(cd "$(dirname "$0")/.." && pwd)
pass=0; fail=0; skip=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
no() { fail=$((fail + 1)); echo "FAIL $1"; [ -z "$2" ] || printf '%s\n' "$2" | head -n 10; }
skipped() {
	if [ "$CI" = true ]; then no "$1"; else skip=$((skip + 1)); echo "skip $1"; fi
}
for p in "$top"/man/*.[0-9]; do
	name=${p##*/}; name=${name%.*}
	if command -v lexgrog >/dev/null 2>&1; then
		out=$(lexgrog "$p" 2>&1)
		case $out in
		*": \"$name - "*) ok "lexgrog ${p##*/}" ;;
		*) no "lexgrog ${p##*/}" "$out" ;;
		esac
	else
		skipped "lexgrog is not installed (man-db)"
	fi
	if command -v mandoc >/dev/null 2>&1; then
		out=$(mandoc -Tlint -W warning "$p" 2>&1)
		if [ -z "$out" ]; then ok "mandoc -Tlint ${p##*/}"
		else no "mandoc -Tlint ${p##*/}" "$out"; fi
	else
		skipped "mandoc is not installed (tools/deps.sh installs it)"
	fi
done
echo "$pass passed, $fail failed, $skip skipped"
