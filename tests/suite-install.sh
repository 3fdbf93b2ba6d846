#!/bin/sh
# tests/suite-install.sh - 'make install DESTDIR=... PREFIX=/usr' installs the
# binary, headers, libstrat.a, strat.pc, manual pages, completions and
# schemas, and a small C program builds against the installed files.
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
# Not the sanitizer pass's variables: install the plain build.
unset MAKEFLAGS MAKELEVEL MFLAGS B SAN
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
d=$tmp/root
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
no() { fail=$((fail + 1)); echo "FAIL $1"; [ -z "$2" ] || printf '%s\n' "$2" | head -n 20; }
check() { # NAME COMMAND...
	name=$1; shift
	if out=$("$@" 2>&1); then ok "$name"; else no "$name" "$out"; fi
}

check "make install" make -s install DESTDIR="$d" PREFIX=/usr
for f in bin/strat lib/libstrat.a lib/pkgconfig/strat.pc \
	include/strat/strat.h include/strat/plan.h include/strat/week.h \
	include/strat/rules.def \
	share/man/man1/strat.1 share/man/man1/strat-lint.1 \
	share/man/man1/strat-week.1 share/man/man1/strat-init.1 \
	share/man/man5/strat.5 share/man/man7/strat-measures.7 \
	share/bash-completion/completions/strat \
	share/zsh/site-functions/_strat \
	share/strat/schema/calendar.schema.json \
	share/strat/schema/strategy.schema.json; do
	check "installed /usr/$f" test -s "$d/usr/$f"
done
check "strat.pc names prefix /usr" grep -qx 'prefix=/usr' \
	"$d/usr/lib/pkgconfig/strat.pc"
check "installed strat runs" "$d/usr/bin/strat" --version

if command -v man >/dev/null 2>&1; then
	for p in "$d"/usr/share/man/man*/*; do
		w=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l --warnings=w "$p" 2>&1 \
			>/dev/null)
		if [ -z "$w" ]; then ok "man page ${p##*/} renders cleanly"
		else no "man page ${p##*/} renders cleanly" "$w"; fi
	done
fi

# A program using the installed headers and strat.pc.
cat > "$tmp/t.c" <<'C'
#include <stdio.h>
#include <strat/strat.h>

int
main(void)
{
	strat_day d;
	char s[11];
	int y, w;

	if (strat_date_parse("2026-09-15", &d) < 0)
		return 1;
	strat_week_label(strat_week_start(d, 1), 1, &y, &w);
	strat_date_format(strat_week_start(d, 1), s);
	printf("strat %s: %s %d-W%02d\n", STRAT_VERSION, s, y, w);
	return 0;
}
C
export PKG_CONFIG_PATH="$d/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$d"
if flags=$(pkg-config --cflags --static --libs strat 2>&1); then
	ok "pkg-config strat"
	# shellcheck disable=SC2086
	check "compile and link against the installed library" \
		cc -std=c11 -Wall -Werror -o "$tmp/t" "$tmp/t.c" $flags
	out=$("$tmp/t" 2>&1)
	if [ "$out" = "strat 0.1.0: 2026-09-14 2026-W38" ]; then
		ok "the program runs"
	else
		no "the program runs" "$out"
	fi
else
	no "pkg-config strat" "$flags"
fi

# The installed strat points new plans at the installed schemas.
STRAT_TODAY=2026-09-15 "$d/usr/bin/strat" init "$tmp/plan" >/dev/null 2>&1
line=$(head -n 1 "$tmp/plan/team.yaml" 2>/dev/null)
if [ "$line" = "# yaml-language-server: \$schema=$d/usr/share/strat/schema/team.schema.json" ]
then ok "init points at the installed schemas"
else no "init points at the installed schemas" "$line"; fi

# The bash completion completes subcommands and formats.
if command -v bash >/dev/null 2>&1; then
	out=$(PATH="$d/usr/bin:$PATH" bash -c '
		. "$1"
		COMP_WORDS=(strat we); COMP_CWORD=1; _strat; echo "${COMPREPLY[*]}"
		COMP_WORDS=(strat week --format ""); COMP_CWORD=3; _strat
		echo "${COMPREPLY[*]}"' sh \
		"$d/usr/share/bash-completion/completions/strat" 2>&1)
	if [ "$out" = "week
text md json" ]; then ok "bash completion"
	else no "bash completion" "$out"; fi
fi

echo "$pass passed, $fail failed"
