# bash completion for strat(1).
#
# Every command's options, and what follows each (a list of values, files,
# directories, git revisions, or nothing to offer), are listed here.
# tests/suite-completion.sh drives this function for every option that
# each command's --help describes (and its option table in cmd/), so an
# option added without completion fails the tests.  A global '-C DIR'
# before the command is skipped.

_strat_commands="lint report week init ship start slip drop add owner record diff hook schema help version"
_strat_edit_opts="--why --commit -n --dry-run --force --today -C -h --help"

# _strat_opts CMD: the options of CMD.
_strat_opts() {
	case $1 in
	lint) echo "--format -q --quiet --color --today --staged --rev --new-since --stale --stdin-filename -h --help -" ;;
	report) echo "--period --since --until --as-of --grace --by --all --format --table -o --output --max-commits --no-reuse --summary -h --help" ;;
	week) echo "--date --since --owner --format --color -C -h --help" ;;
	init) echo "--force --git --schema-base -h --help" ;;
	ship) echo "--on $_strat_edit_opts" ;;
	slip) echo "--to $_strat_edit_opts" ;;
	start | drop | owner) echo "$_strat_edit_opts" ;;
	add) echo "--anchor --owner --channel --date --id --file $_strat_edit_opts" ;;
	record) echo "--date --note --file --csv --kpi $_strat_edit_opts" ;;
	diff) echo "--format --plan --no-lint --check --max-rows --today --summary -h --help" ;;
	hook) echo "--chain --force -h --help" ;;
	schema | help) echo "-h --help" ;;
	esac
}

# _strat_value CMD OPTION: what follows OPTION: its values, or @file, @dir,
# @rev (a git revision) or @none (free text: nothing to offer); nothing
# when OPTION takes no value.
_strat_value() {
	case $1:$2 in
	lint:--format) echo "text json sarif github md rdjson checkstyle junit codeclimate" ;;
	report:--format) echo "md html json csv" ;;
	week:--format | diff:--format) echo "text md json" ;;
	*:--color) echo "auto always never" ;;
	report:--period) echo "quarter month week" ;;
	report:--by) echo "anchor owner channel kpi outcome" ;;
	report:--table) echo "periods flow items stale" ;;
	*:-o | *:--output | *:--file | record:--csv | lint:--stdin-filename) echo @file ;;
	*:-C | init:--schema-base | diff:--plan) echo @dir ;;
	*:--rev | *:--new-since | week:--since) echo @rev ;;
	*:--today | *:--date | *:--since | *:--until | *:--as-of | *:--grace | \
	*:--max-commits | *:--max-rows | *:--on | *:--to | *:--why | \
	*:--anchor | *:--owner | *:--channel | *:--id | *:--note | *:--kpi)
		echo @none ;;
	esac
}

# _strat_args CMD N: what the Nth argument (not an option) of CMD is.
_strat_args() {
	case $1 in
	lint) echo @file ;;
	report | diff) echo @rev ;;
	init) echo @dir ;;
	hook) if [ "$2" -eq 1 ]; then echo "install uninstall"; else echo @dir; fi ;;
	schema) [ "$2" -eq 1 ] && echo "calendar lint-output metrics strat strategy team" ;;
	help) [ "$2" -eq 1 ] && echo "$_strat_commands format rules measures" ;;
	*) echo @none ;;
	esac
}

_strat_offer() { # WHAT CUR [DIR]: fill COMPREPLY
	case $1 in
	@none | '') COMPREPLY=() ;;
	@file) COMPREPLY=($(compgen -f -- "$2")) ;;
	@dir) COMPREPLY=($(compgen -d -- "$2")) ;;
	@rev) COMPREPLY=($(compgen -W "HEAD $(git ${3:+-C "$3"} for-each-ref \
		--format='%(refname:short)' refs/heads refs/tags refs/remotes \
		2>/dev/null)" -- "$2")) ;;
	*) COMPREPLY=($(compgen -W "$1" -- "$2")) ;;
	esac
}

_strat() {
	local cur prev sub dir i n what
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	# --opt=value: bash splits it at '='
	if [ "$cur" = = ]; then
		cur=
	elif [ "$prev" = = ] && [ "$COMP_CWORD" -ge 2 ]; then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	fi

	# the command: the first word after the global options (-C DIR)
	sub= dir= i=1
	while [ "$i" -lt "$COMP_CWORD" ]; do
		case ${COMP_WORDS[i]} in
		-C) dir=${COMP_WORDS[i + 1]}; i=$((i + 2)) ;;
		-*) i=$((i + 1)) ;;
		*) sub=${COMP_WORDS[i]}; break ;;
		esac
	done
	if [ -z "$sub" ]; then
		if [ "$prev" = -C ]; then
			_strat_offer @dir "$cur"
		else
			_strat_offer "$_strat_commands -C --help --version" "$cur"
		fi
		return
	fi
	[ "$sub" = version ] && return

	# the value of an option
	what=
	case $prev in
	-*) what=$(_strat_value "$sub" "$prev") ;;
	esac
	if [ -n "$what" ]; then
		_strat_offer "$what" "$cur" "$dir"
		return
	fi
	if [[ $cur == -* ]]; then
		_strat_offer "$(_strat_opts "$sub")" "$cur"
		return
	fi
	# the Nth argument: words after the command that are neither options
	# nor their values
	n=1 i=$((i + 1))
	while [ "$i" -lt "$COMP_CWORD" ]; do
		case ${COMP_WORDS[i]} in
		-*)	# skip its value: '--opt VALUE' or '--opt=VALUE'
			if [ -n "$(_strat_value "$sub" "${COMP_WORDS[i]}")" ]; then
				i=$((i + 1))
				[ "${COMP_WORDS[i]}" = = ] && i=$((i + 1))
			fi ;;
		*) n=$((n + 1)) ;;
		esac
		i=$((i + 1))
	done
	_strat_offer "$(_strat_args "$sub" "$n")" "$cur" "$dir"
}

complete -o filenames -F _strat strat
