#!/bin/sh
# tests/suite-completion.sh - the bash and zsh completions offer every
# option of every command and the values each takes.
#
# The options of each command are read from 'strat CMD --help' and from
# the option table of cmd/CMD.c; bash's _strat is driven as bash does it
# (COMP_WORDS, COMP_CWORD, then COMPREPLY read back) after each command,
# after a global -C DIR, and after every option that takes a value: values
# listed in the usage ('--by anchor|owner', 'FORMAT: text, json') must be
# offered exactly, FILE and DIR arguments must offer files or directories,
# and other values (dates, numbers, text, revisions) no file names.  zsh's
# _strat: zsh -n, it registers with compinit, its specs for each command
# name the same options and values as bash's, and zsh's completion system
# itself is driven (tests/completion/drive.zsh: an interactive zsh in a
# pseudo-terminal, TAB typed after each line) and must offer what bash
# offers.  Without zsh its part is skipped (a failure under CI=true:
# tools/deps.sh installs zsh).
top=$(cd "$(dirname "$0")/.." && pwd)
: "${STRAT:=$top/build/strat}"
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0; skip=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
no() { fail=$((fail + 1)); echo "FAIL $1"; [ -z "$2" ] || printf '%s\n' "$2" | head -n 12; }

# A directory to complete in: a file, a directory and a git repository
# with a branch and a tag.
mkdir -p "$tmp/cwd/adir" && : > "$tmp/cwd/afile"
git -C "$tmp/cwd" init -q -b main 2>/dev/null || git -C "$tmp/cwd" init -q
git -C "$tmp/cwd" -c user.name=T -c user.email=t@example.com \
	commit -q --allow-empty -m x
git -C "$tmp/cwd" branch -q feature && git -C "$tmp/cwd" tag v1

# comp WORD...: the sorted COMPREPLY of bash's _strat with the cursor on
# the last word (strat itself is found on PATH).
mkdir -p "$tmp/bin" && ln -s "$STRAT" "$tmp/bin/strat"
comp() {
	(cd "$tmp/cwd" && PATH="$tmp/bin:$PATH" bash --norc --noprofile -c '
		. "$0"
		COMP_WORDS=(strat "$@"); COMP_CWORD=$#
		COMP_LINE="strat $*"; COMP_POINT=${#COMP_LINE}
		_strat
		printf "%s\n" "${COMPREPLY[@]}" | sort -u | sed "/^$/d"' \
		"$top/completion/strat.bash" "$@")
}
words() { printf '%s\n' "$@" | sort -u | sed '/^$/d'; }

cmds=$("$STRAT" --help | awk '/^commands:/ { on = 1; next } on && /^   [a-z]/ { print $1 }')
[ -n "$cmds" ] && ok "commands read from strat --help" || no "no commands in strat --help"

got=$(comp '')
want=$(words $cmds -C --help --version)
[ "$got" = "$want" ] && ok "strat <TAB>: the commands and global options" ||
	no "strat <TAB>" "$(printf 'got:\n%s\nwant:\n%s' "$got" "$want")"
[ "$(comp -C adir '')" = "$(words $cmds -C --help --version)" ] &&
	ok "strat -C DIR <TAB>: the commands" || no "strat -C DIR <TAB>" "$(comp -C adir '')"
[ "$(comp -C '')" = "$(words .git adir)" ] && ok "strat -C <TAB>: directories" ||
	no "strat -C <TAB>" "$(comp -C '')"

# opts CMD: the options 'strat CMD --help' describes, then VALUE lines:
# "OPTION META" for each that takes a value.
opts() {
	"$STRAT" "$1" --help 2>/dev/null | sed -n 's/^    \(-[^ ].*\)$/\1/p' |
		awk '{ sub(/   .*/, "")   # the description
		  n = split($0, w, /, | /)
		  meta = ""
		  for (i = 1; i <= n; i++) if (w[i] !~ /^-/) meta = w[i]
		  for (i = 1; i <= n; i++) if (w[i] ~ /^-/) print w[i], meta }'
}
# values CMD META OPTION: the values the usage lists for OPTION or META
values() {
	u=$("$STRAT" "$1" --help 2>/dev/null)
	case $2 in
	*[a-z]*\|*) printf '%s\n' "$2" | tr '|' '\n' ;;
	*) printf '%s\n' "$u" | sed -n "s/^$2: //p" | tr -d ' ' | tr ',' '\n' ;;
	esac | sort -u | sed '/^$/d'
}

for c in $cmds; do
	"$STRAT" "$c" --help > "$tmp/help" 2>/dev/null || true
	opts "$c" > "$tmp/opts"
	# the option table of cmd/CMD.c, where the command has its own file
	if [ -f "$top/cmd/$c.c" ]; then
		sed -n 's/^[[:space:]]*{"\([a-z-]*\)", *\(no\|required\|optional\)_argument.*/--\1/p' \
			"$top/cmd/$c.c" > "$tmp/table"
	else
		: > "$tmp/table"
	fi
	all=$(cut -d' ' -f1 "$tmp/opts" | cat - "$tmp/table" | sort -u)
	# 'strat help --help' lists topics, not options; cmd/help.c takes these
	[ "$c" = help ] && all=$(words -h --help)
	[ "$c" = version ] && { [ -z "$(comp version '')$(comp version -)" ] &&
		ok "strat version: nothing to complete" || no "strat version <TAB>"; continue; }
	[ -n "$all" ] || { no "strat $c: no options found"; continue; }
	got=$(comp "$c" -)
	got_c=$(comp -C adir "$c" -)
	missing= extra=
	for o in $all; do
		printf '%s\n' "$got" | grep -qx -- "$o" || missing="$missing $o"
	done
	for o in $got; do
		[ "$o" = - ] && [ "$c" = lint ] && continue # lint -: standard input
		printf '%s\n' "$all" | grep -qx -- "$o" || extra="$extra $o"
	done
	[ -z "$missing$extra" ] && ok "strat $c -<TAB>: its $(echo $all | wc -w) options" ||
		no "strat $c -<TAB>: missing:$missing; not options of $c:$extra"
	[ "$got" = "$got_c" ] && ok "strat -C DIR $c -<TAB>: the same" ||
		no "strat -C DIR $c -<TAB> differs"
	# what follows each option
	while read -r o meta; do
		[ -n "$meta" ] || {
			# an option without a value: the next word is an argument
			continue; }
		got=$(comp "$c" "$o" '')
		case $meta in
		*[a-z]*\|* | [A-Z]*)
			want=$(values "$c" "$meta")
			if [ -n "$want" ]; then
				[ "$got" = "$want" ] && ok "strat $c $o <TAB>: $(echo $want)" ||
					no "strat $c $o <TAB>" "$(printf 'got:\n%s\nwant:\n%s' "$got" "$want")"
				# --opt=<TAB> too
				got=$(comp "$c" "$o" = '')
				[ "$got" = "$want" ] && ok "strat $c $o=<TAB>" ||
					no "strat $c $o=<TAB>" "$got"
				continue
			fi ;;
		esac
		case $meta in
		FILE | F | PATH)
			printf '%s\n' "$got" | grep -qx afile && ok "strat $c $o <TAB>: files" ||
				no "strat $c $o <TAB>: no files" "$got" ;;
		DIR | URL\|DIR)
			[ "$got" = "$(words .git adir)" ] && ok "strat $c $o <TAB>: directories" ||
				no "strat $c $o <TAB>: not the directories" "$got" ;;
		*REV*)
			[ "$got" = "$(words HEAD main feature v1)" ] &&
				ok "strat $c $o <TAB>: git revisions" ||
				no "strat $c $o <TAB>: not the revisions" "$got" ;;
		*)
			[ -z "$got" ] && ok "strat $c $o <TAB> ($meta): nothing offered" ||
				no "strat $c $o <TAB> ($meta): offers" "$got" ;;
		esac
	done < "$tmp/opts"
done

# arguments
[ "$(comp schema '')" = "$("$STRAT" schema | sort)" ] && ok "strat schema <TAB>: the schemas" ||
	no "strat schema <TAB>" "$(comp schema '')"
[ "$(comp help '')" = "$(words $cmds format rules measures)" ] &&
	ok "strat help <TAB>: commands and topics" || no "strat help <TAB>" "$(comp help '')"
[ "$(comp hook '')" = "$(words install uninstall)" ] && ok "strat hook <TAB>" ||
	no "strat hook <TAB>" "$(comp hook '')"
[ "$(comp hook install '')" = "$(words .git adir)" ] && ok "strat hook install <TAB>: directories" ||
	no "strat hook install <TAB>" "$(comp hook install '')"
[ "$(comp lint --format json '')" = "$(words .git adir afile)" ] &&
	ok "strat lint --format json <TAB>: files" || no "strat lint --format json <TAB>" "$(comp lint --format json '')"
[ "$(comp lint --format=json --stale '')" = "$(words .git adir afile)" ] &&
	ok "strat lint --format=json --stale <TAB>: files" || no "strat lint --format=json --stale <TAB>"
[ "$(comp report --period month '')" = "$(words HEAD main feature v1)" ] &&
	ok "strat report --period month <TAB>: revisions" || no "strat report --period month <TAB>" "$(comp report --period month '')"
[ "$(comp diff main '')" = "$(words HEAD main feature v1)" ] &&
	ok "strat diff main <TAB>: revisions" || no "strat diff main <TAB>"
[ -z "$(comp ship '')" ] && ok "strat ship <TAB>: nothing (an item id)" || no "strat ship <TAB>" "$(comp ship '')"
[ "$(comp -C adir report --by '')" = "$(words anchor owner channel kpi outcome)" ] &&
	ok "strat -C DIR report --by <TAB>" || no "strat -C DIR report --by <TAB>" "$(comp -C adir report --by '')"

# ---- zsh ----
if ! command -v zsh >/dev/null 2>&1; then
	if [ "$CI" = true ]; then no "zsh is not installed (tools/deps.sh installs it)"
	else skip=$((skip + 1)); echo "skip zsh is not installed"; fi
	echo "$pass passed, $fail failed, $skip skipped"; exit 0
fi
out=$(zsh -n "$top/completion/_strat" 2>&1) && ok "zsh -n completion/_strat" ||
	no "zsh -n completion/_strat" "$out"
out=$(cd "$tmp" && HOME=$tmp zsh -f -c 'fpath=("$1" $fpath); autoload -Uz compinit
	compinit -u -d "$PWD/zcompdump"; print -r -- ${_comps[strat]}' zsh "$top/completion" 2>&1)
[ "$out" = _strat ] && ok "compinit registers _strat for strat" || no "compinit: strat -> '$out'"

# zspecs CMD: "OPTION KIND" lines from the zsh specs of CMD, KIND being
# the sorted values, @file, @dir, @rev or @none; '-' for no value.
zspecs() {
	zsh -f -c 'function _arguments _describe { : }
		source "$1"; __strat_specs "$2" && print -rl -- $specs' zsh \
		"$top/completion/_strat" "$1" | awk '
	/^[*0-9]/ { next }     # arguments
	{ s = $0; sub(/^\([^)]*\)/, "", s)
	  opt = s; sub(/[=+]?(\[.*)?$/, "", opt); sub(/[=+]?\[.*$/, "", opt)
	  kind = "-"
	  if (match(s, /\]:[^:]*:/)) {
		act = substr(s, RSTART + RLENGTH)
		if (act ~ /^\(/) { gsub(/[()]/, "", act); n = split(act, v, " ")
			kind = ""; for (i = 1; i <= n; i++) kind = kind " " v[i] }
		else if (act == "_files -/") kind = "@dir"
		else if (act == "_files") kind = "@file"
		else if (act == "__strat_revs") kind = "@rev"
		else if (act ~ /^ *$/) kind = "@none"
		else kind = "?" act
	  }
	  print opt, kind }'
}
# bspecs CMD: the same from bash's tables
bspecs() {
	bash --norc --noprofile -c '. "$0"
		for o in $(_strat_opts "$1"); do
			[ "$o" = - ] && continue
			v=$(_strat_value "$1" "$o")
			case $v in "") v=-;; @*) ;; *) v=" $v";; esac
			echo "$o $v"
		done' "$top/completion/strat.bash" "$1"
}
norm() { awk '{ o = $1; $1 = ""; n = split($0, v, " "); if (n > 1) {
	for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
	s = ""; for (i = 1; i <= n; i++) s = s " " v[i]; print o s } else print o " " v[1] }' | sort; }
for c in $cmds; do
	[ "$c" = version ] && continue
	z=$(zspecs "$c" | norm); b=$(bspecs "$c" | norm)
	[ -n "$z" ] && [ "$z" = "$b" ] && ok "zsh: strat $c has bash's options and values" ||
		no "zsh: strat $c differs from bash" "$(printf '%s\n' "$b" > "$tmp/b"; printf '%s\n' "$z" | diff "$tmp/b" -)"
done

# zsh's own completion, driven: each line's matches against bash's
lines=$tmp/lines
{
	echo "strat "
	echo "strat -C adir "
	for c in $cmds; do
		[ "$c" = version ] && continue
		echo "strat $c -"
		for o in $(bash --norc --noprofile -c '. "$0"; _strat_opts "$1"' \
		    "$top/completion/strat.bash" "$c"); do
			v=$(bash --norc --noprofile -c '. "$0"; _strat_value "$1" "$2"' \
			    "$top/completion/strat.bash" "$c" "$o")
			case $v in "" | @*) ;; *) echo "strat $c $o " ;; esac
		done
	done
	echo "strat -C adir lint --format "
	echo "strat schema "
	echo "strat help "
	echo "strat hook "
} > "$lines"
echo "strat lint --stdin-filename a" >> "$lines"
echo "strat -C a" >> "$lines"
echo "strat report " >> "$lines"
echo "strat diff --plan a" >> "$lines"
if timeout 120 zsh -f "$top/tests/completion/drive.zsh" "$top/completion" "$tmp/bin" \
    "$tmp/cwd" < "$lines" > "$tmp/zsh.out" 2> "$tmp/zsh.err"; then
	ok "zsh completion driven in a pseudo-terminal ($(wc -l < "$lines") lines)"
else
	no "zsh completion could not be driven" "$(cat "$tmp/zsh.err")"
fi
zmatches() { # LINE: zsh's matches for LINE
	awk -v l="## $1" '$0 == l { on = 1; next } /^## / { on = 0 } on' "$tmp/zsh.out"
}
n=0
while IFS= read -r l; do
	case $l in *" a" | *" -C a") continue ;; esac
	n=$((n + 1))
	# shellcheck disable=SC2086
	set -- $l; shift
	case $l in *" ") set -- "$@" '' ;; esac
	# zsh offers options once a '-' is typed
	case $l in
	*" ") b=$(comp "$@" | grep -v -- '^-') ;;
	*) b=$(comp "$@" | grep -vx -- -) ;;
	esac
	z=$(zmatches "$l")
	[ -n "$z" ] && [ "$z" = "$b" ] && ok "zsh: '$l<TAB>' offers what bash offers" ||
		no "zsh: '$l<TAB>'" "$(printf 'bash:\n%s\nzsh:\n%s' "$b" "$z")"
done < "$lines"
z=$(zmatches "strat lint --stdin-filename a")
printf '%s\n' "$z" | grep -qx afile && ok "zsh: --stdin-filename <TAB>: files" ||
	no "zsh: --stdin-filename a<TAB>" "$z"
z=$(zmatches "strat -C a")
[ "$z" = adir ] && ok "zsh: strat -C <TAB>: directories" || no "zsh: strat -C a<TAB>" "$z"
z=$(zmatches "strat diff --plan a")
[ "$z" = adir ] && ok "zsh: diff --plan <TAB>: directories" || no "zsh: diff --plan a<TAB>" "$z"
echo "$pass passed, $fail failed, $skip skipped"
