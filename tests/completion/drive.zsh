# zsh -f drive.zsh COMPDIR BINDIR DIR < LINES: for each command line of
# LINES typed in DIR, "## LINE" and then the matches zsh's completion
# offers at its end, one a line.  An interactive zsh in a pseudo-terminal
# (zpty) loads compinit; compadd is wrapped to print every match it adds;
# TAB is typed after each line, which is then erased.
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PS1=''; PATH=$2:\$PATH; fpath=($1 \$fpath); autoload -Uz compinit; compinit -u -D; cd ${(q)3}"
zpty -w z 'compadd() {
	if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi
	local -a __hits; builtin compadd -A __hits "$@"
	local h; for h in $__hits; do print -r -- "@@M:$h"; done
	builtin compadd "$@"
}'
zpty -w z "zstyle ':completion:*' list-grouped false; setopt nobeep; LISTMAX=100000"
zpty -w z 'print @@RE""ADY'
zpty -r z out '*@@READY*'
while IFS= read -r line; do
	zpty -w -n z "$line"$'\t'
	zpty -w -n z $'\C-e\C-u'
	zpty -w z 'print @@E""ND'
	zpty -r z out '*@@END*'
	print -r -- "## $line"
	print -r -- "$out" | tr -d '\r' | sed -n 's/^.*@@M:\(.*\)$/\1/p' | sort -u
done
zpty -d z
