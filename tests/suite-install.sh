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
for f in bin/strat lib/libstrat.a lib/libstrat.so lib/libstrat.so.0 \
	lib/pkgconfig/strat.pc \
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
	# static: the archive itself, its dependencies from --static
	check "compile and link against the installed library" \
		cc -std=c11 -Wall -Werror -o "$tmp/t" "$tmp/t.c" \
		"$d/usr/lib/libstrat.a" $(echo " $flags " | sed 's/ -lstrat / /')
	out=$("$tmp/t" 2>&1)
	if [ "$out" = "strat 0.1.0: 2026-09-14 2026-W38" ]; then
		ok "the program runs"
	else
		no "the program runs" "$out"
	fi
else
	no "pkg-config strat" "$flags"
fi

# Modes: programs and the shared library 755, everything else 644.
modes=$(cd "$d/usr" && for f in bin/strat lib/libstrat.so.0.* lib/libstrat.a \
	lib/pkgconfig/strat.pc include/strat/strat.h share/man/man1/strat.1 \
	share/strat/schema/calendar.schema.json \
	share/bash-completion/completions/strat; do
	printf '%s %s\n' "$(stat -c %a "$f")" "$f"; done)
if [ "$(echo "$modes" | grep -c '^755 ')" = 2 ] &&
    [ "$(echo "$modes" | grep -c '^644 ')" = 6 ]; then ok "install modes"
else no "install modes" "$modes"; fi
if [ "$(readelf -d "$d"/usr/lib/libstrat.so.0.* 2>/dev/null |
    sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')" = libstrat.so.0 ]
then ok "libstrat.so has the soname libstrat.so.0"
else no "libstrat.so soname"; fi

# Only the strat_ API is exported, by every library the build produces
# (here and in the build directory of this run, build/san under make check)
# and by the installed ones.
exported() { # LIBRARY: the global symbols it defines
	case $1 in
	*.a) nm -g --defined-only "$1" ;;
	*) nm -D --defined-only "$1" ;;
	esac 2>/dev/null | awk 'NF == 3 { print $3 }'
}
b=$(dirname "${STRAT:-$top/build/strat}")
libs=$(ls "$top"/build/*.a "$top"/build/*.so* "$b"/*.a "$b"/*.so* \
	"$d"/usr/lib/libstrat.a "$d"/usr/lib/libstrat.so.0.* 2>/dev/null | sort -u)
bad=; n=0
for l in $libs; do
	n=$((n + 1))
	[ "$(exported "$l" | grep -c '^strat_')" -gt 100 ] ||
		bad="$bad$l exports no strat_ API
"
	x=$(exported "$l" | grep -v '^strat_' | sort -u | head -n 20)
	[ -z "$x" ] || bad="$bad$l exports
$x
"
done
if [ -z "$bad" ] && [ "$n" -ge 4 ]; then
	ok "nm: the $n libraries built and installed export only strat_ symbols"
else no "nm: libraries exporting symbols without the strat_ prefix ($n)" "$bad"; fi

# LIBDIR, INCLUDEDIR and MANDIR are honoured, and strat.pc names them.
d2=$tmp/root2
check "make install LIBDIR= INCLUDEDIR= MANDIR=" make -s install \
	DESTDIR="$d2" PREFIX=/opt/s LIBDIR=/opt/s/lib64 \
	INCLUDEDIR=/opt/s/inc MANDIR=/opt/s/man
for f in lib64/libstrat.a lib64/libstrat.so lib64/pkgconfig/strat.pc \
	inc/strat/strat.h man/man1/strat-lint.1 bin/strat; do
	check "installed /opt/s/$f" test -e "$d2/opt/s/$f"
done
check "strat.pc names LIBDIR and INCLUDEDIR" grep -q \
	'^libdir=/opt/s/lib64$' "$d2/opt/s/lib64/pkgconfig/strat.pc"
check "strat.pc includedir" grep -q '^includedir=/opt/s/inc$' \
	"$d2/opt/s/lib64/pkgconfig/strat.pc"

# make check's sanitizer pass must not leave its binary at ./strat, nor
# build the binary make install takes ($(B)/strat with B=build) with a
# sanitizer: no command of make check writes ./strat, every command
# linking build/strat is unsanitized, and make install takes build/strat.
out=$(make -n -B check 2>&1)
w=$(printf '%s\n' "$out" | grep -E '^cp .* strat$|-o strat( |$)')
s=$(printf '%s\n' "$out" | grep -E -- '-o build/strat ' | grep -- -fsanitize)
if [ -z "$w" ] && [ -z "$s" ] &&
    printf '%s\n' "$out" | grep -q -- '-fsanitize=address.* -o build/san/strat '
then ok "make check leaves ./strat and build/strat unsanitized"
else no "make check writes ./strat or sanitizes build/strat" "$w$s"; fi
if make -n install 2>&1 | grep -q '^install -m 0755 build/strat '
then ok "make install takes build/strat"
else no "make install takes build/strat" "$(make -n install 2>&1 | grep 0755)"; fi

# pkg-config --libs links as it is (the shared library); a program with
# its own arena_alloc, glob_match and md_new links statically and
# dynamically; C++ uses every public header.
cat > "$tmp/own.c" <<'C'
#include <stdio.h>
#include <strat/strat.h>

void *arena_alloc(void *a, unsigned long n);
int glob_match(const char *p, const char *s);
int md_new(void);
void *arena_alloc(void *a, unsigned long n) { (void)a; return (void *)n; }
int glob_match(const char *p, const char *s) { return p == s; }
int md_new(void) { return 7; }

int
main(void)
{
	strat_day d;

	if (strat_date_parse("2026-09-15", &d) < 0 || md_new() != 7)
		return 1;
	puts(strat_rule_id(STRAT_RULE_ITEM_ANCHOR_UNKNOWN));
	return 0;
}
C
if flags=$(pkg-config --cflags --libs strat 2>&1) &&
    sflags=$(pkg-config --cflags --static --libs strat 2>&1); then
	# shellcheck disable=SC2086
	check "link with pkg-config --libs strat (shared)" \
		cc -std=c11 -Wall -Werror -o "$tmp/dyn" "$tmp/t.c" $flags
	out=$(LD_LIBRARY_PATH="$d/usr/lib" "$tmp/dyn" 2>&1)
	[ "$out" = "strat 0.1.0: 2026-09-14 2026-W38" ] &&
		ok "the shared-library program runs" ||
		no "the shared-library program runs" "$out"
	# shellcheck disable=SC2086
	check "own arena_alloc/glob_match/md_new, shared" \
		cc -std=c11 -Wall -Werror -o "$tmp/own-dyn" "$tmp/own.c" $flags
	# shellcheck disable=SC2086
	check "own arena_alloc/glob_match/md_new, static" \
		cc -std=c11 -Wall -Werror -o "$tmp/own-st" "$tmp/own.c" \
		"$d/usr/lib/libstrat.a" $(echo " $sflags " | sed 's/ -lstrat / /')
	out=$(LD_LIBRARY_PATH="$d/usr/lib" "$tmp/own-dyn"; "$tmp/own-st")
	[ "$out" = "item-anchor-unknown
item-anchor-unknown" ] && ok "both run" || no "own symbols: both run" "$out"
	if command -v c++ >/dev/null 2>&1; then
		# Every header on its own (strat.h, which wraps what it
		# includes, last), then the address of every function the
		# shared library exports that a public header declares: a
		# header without extern "C" leaves a C++-mangled reference
		# the link cannot resolve.
		fns=$(nm -D --defined-only "$d"/usr/lib/libstrat.so.0.* |
			awk '$2 == "T" { print $3 }' | sort -u | while read -r f; do
				grep -qw "$f" "$d"/usr/include/strat/*.h && echo "$f"
			done)
		{
			for h in "$d"/usr/include/strat/*.h; do
				[ "${h##*/}" = strat.h ] ||
					echo "#include <strat/${h##*/}>"
			done
			echo "#include <strat/strat.h>"
			echo "#include <cstdio>"
			echo "typedef void (*fn)();"
			echo "static const fn fns[] = {"
			for f in $fns; do
				echo "	reinterpret_cast<fn>(&$f),"
			done
			cat <<'CXX'
};
int
main()
{
	strat_diags *d = nullptr;
	if (strat_diags_new(&d) < 0)
		return 1;
	std::printf("%zu %s %zu\n", strat_diags_count(d),
		    strat_format_name(STRAT_FORMAT_SARIF),
		    sizeof fns / sizeof *fns);
	strat_diags_free(d);
	return 0;
}
CXX
		} > "$tmp/t.cc"
		# shellcheck disable=SC2086
		check "C++ compiles every public header and links every function (pkg-config)" \
			c++ -std=c++11 -Wall -Werror -o "$tmp/cxx" "$tmp/t.cc" $flags
		out=$(LD_LIBRARY_PATH="$d/usr/lib" "$tmp/cxx" 2>&1)
		n=$(echo "$fns" | wc -w)
		[ "$out" = "0 sarif $n" ] && [ "$n" -gt 100 ] &&
			ok "the C++ program runs ($n functions)" ||
			no "the C++ program runs" "$out ($n functions)"
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
