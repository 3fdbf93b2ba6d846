# bash completion for strat(1).
#
# Subcommands, options, formats and rule ids are read from the strat being
# completed ('strat help', 'strat CMD --help', 'strat help rules'), so the
# completion always matches the installed version.

_strat_cmds() {
	"$1" help 2>/dev/null | awk 'NR > 2 && NF { print $1 }'
}

_strat_rules() {
	"$1" help rules 2>/dev/null | awk '/^  [a-z]/ { print $1 }'
}

_strat() {
	local cur prev strat sub usage words cword
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	cword=$COMP_CWORD
	strat=${COMP_WORDS[0]}
	command -v "$strat" >/dev/null 2>&1 || strat=strat

	if [ "$cword" -eq 1 ]; then
		COMPREPLY=($(compgen -W "$(_strat_cmds "$strat") --help --version" -- "$cur"))
		return
	fi
	sub=${COMP_WORDS[1]}
	if [ "$sub" = help ]; then
		[ "$cword" -eq 2 ] &&
			COMPREPLY=($(compgen -W "$(_strat_cmds "$strat") format rules measures" -- "$cur"))
		return
	fi
	usage=$("$strat" "$sub" --help 2>/dev/null)
	case $prev in
	--format)
		COMPREPLY=($(compgen -W "$(printf '%s\n' "$usage" |
			sed -n 's/.*--format \([a-z|]*\).*/\1/p' | head -n 1 |
			tr '|' ' ')" -- "$cur"))
		return ;;
	--color)
		COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
		return ;;
	--rule | --rules | --only | --ignore | --disable | --enable)
		COMPREPLY=($(compgen -W "$(_strat_rules "$strat")" -- "$cur"))
		return ;;
	--table)
		COMPREPLY=($(compgen -W "periods flow items stale" -- "$cur"))
		return ;;
	--date | --today | --since | --until | --owner | --rev | --new-since | --period | --max-commits | --as-of | --grace | --on | --to | --why | --anchor | --channel | --id)
		return ;;
	-C | --schema-base)
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(printf '%s\n' "$usage" |
			grep -o -- '[[ ]--\{0,1\}[A-Za-z][a-z-]*' | cut -c2- | sort -u)" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}

complete -o filenames -F _strat strat
