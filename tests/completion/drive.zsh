# zsh -f drive.zsh COMPDIR BINDIR DIR < LINES: for each command line of
# LINES typed in DIR, "## LINE" and then the matches zsh's completion
# offers at its end, one a line.  An interactive zsh in a pseudo-terminal
# (zpty) loads compinit; compadd is wrapped to print every match it adds.
# After each line a key bound to complete-word (as TAB is) is typed; the
# next keys are sent only once that completion has printed that it is done
# (keys typed ahead could cut it short), then the line is erased.
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
zpty -w z 'zle -C __drive_complete complete-word _main_complete
__drive() { zle __drive_complete; print -r -- "@@DO""NE" }
zle -N __drive; bindkey "^T" __drive'
zpty -w z 'print @@RE""ADY'
zpty -r z out '*@@READY*'
while IFS= read -r line; do
	zpty -w -n z "$line"$'\C-t'
	zpty -r z out '*@@DONE*'
	print -r -- "## $line"
	print -r -- "$out" | tr -d '\r' | sed -n 's/^.*@@M:\(.*\)$/\1/p' | sort -u
	zpty -w -n z $'\C-e\C-u'
	zpty -w z 'print @@E""ND'
	zpty -r z out '*@@END*'
done
zpty -d z
