#!/bin/sh
# tests/suite-edit.sh - strat ship/start/slip/drop/add/owner in git
# repositories built here with fixed dates: --commit commits the one file
# with a Why: trailer and leaves other staged changes staged, a pre-commit
# hook that refuses leaves the change in the working tree, subdirectories,
# -C, a plan below the top of the repository, symbolic links; and a
# quarter of weekly updates made with the commands, measured by strat
# report against numbers computed by hand.  (The exact bytes each command
# writes are the golden cases of tests/golden/edit/.)
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib-suite.sh"
check() { # DESCRIPTION COMMAND...: the command must succeed
	d=$1; shift
	if "$@" >/dev/null; then ok; else no "$d"; fi
}
at() { # DAY: commits made from now on are dated DAY, noon UTC
	export GIT_AUTHOR_DATE="$1T12:00:00Z" GIT_COMMITTER_DATE="$1T12:00:00Z"
	export STRAT_TODAY=$1
}
calendar() { # the calendar every repository starts from
	printf 'kind: calendar\nversion: 1\nitems:\n'
	for x in "a 2026-07-08" "b 2026-07-15" "c 2026-07-22" "d 2026-08-05" \
	    "e 2026-08-19" "f 2026-09-02" "g 2026-09-16" "h 2026-09-29" \
	    "i 2026-10-14"; do
		set -- $x
		printf '  - id: %s\n    title: Item %s\n    anchor: q3-email\n' \
		    "$1" "$1"
		printf '    owner: dana\n    channel: email\n    date: %s\n' "$2"
		printf '    status: planned\n'
	done
}
newrepo() { # NAME [SUBDIR]: a repository with the plan (in SUBDIR)
	rm -rf "$tmp/$1"; mkdir -p "$tmp/$1/${2:-.}/calendar"
	cp -R "$top/tests/fixtures/plan/." "$tmp/$1/${2:-.}/"
	calendar > "$tmp/$1/${2:-.}/calendar/q3.yaml"
	cd "$tmp/$1" && git init -q && at 2026-06-25 && git add -A &&
	    git commit -qm "plan for Q3"
}

# --commit: the message, the Why: trailer, only that file ----------------
name=commit-why
newrepo commit
echo "notes" > notes.txt && git add notes.txt
at 2026-07-08
out=$($S slip b --to 2026-07-29 --why "waiting for legal" --commit 2>&1)
check "exit 0 ($out)" [ $? -eq 0 ]
check "subject" [ "$(git log -1 --format=%s)" = "plan: slip b to 2026-07-29" ]
check "Why: trailer" [ "$(git log -1 --format='%(trailers:key=Why,valueonly)' |
    sed '/^$/d')" = "waiting for legal" ]
check "only the calendar committed" \
    [ "$(git show --name-only --format= HEAD)" = "calendar/q3.yaml" ]
check "the other staged change stays staged" \
    [ "$(git diff --cached --name-only)" = "notes.txt" ]
check "nothing left unstaged" [ -z "$(git diff --name-only)" ]
check "the commit has the new date" \
    sh -c 'git show HEAD:calendar/q3.yaml | grep -q "date: 2026-07-29"'
name=commit-no-why
$S ship a --on 2026-07-08 --commit >/dev/null 2>&1
check "subject" [ "$(git log -1 --format=%B)" = "plan: ship a on 2026-07-08" ]

# a pre-commit hook that refuses: the change stays, not committed --------
name=commit-hook-refuses
head=$(git rev-parse HEAD)
printf '#!/bin/sh\necho "hook: no" >&2\nexit 1\n' > .git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
out=$($S drop d --why "budget cut" --commit 2>&1); rc=$?
check "exit 1 ($rc)" [ $rc -eq 1 ]
check "says so ($out)" sh -c 'printf "%s" "$1" | grep -q "commit was refused.*calendar/q3.yaml.*working tree"' - "$out"
check "HEAD unchanged" [ "$(git rev-parse HEAD)" = "$head" ]
check "the change is in the working tree" \
    sh -c 'grep -q "status: dropped" calendar/q3.yaml'
check "hook's message shown" sh -c 'printf "%s" "$1" | grep -q "hook: no"' - "$out"
rm .git/hooks/pre-commit

# from a subdirectory, with -C, a plan below the top ---------------------
name=subdir
newrepo sub
at 2026-07-08
mkdir -p deep/er && cd calendar
check "from calendar/" $S start c
cd "$tmp/sub/deep/er"
check "from deep/er (the top's plan)" $S ship a --on 2026-07-08
cd /
check "-C" $S -C "$tmp/sub" drop d
cd "$tmp/sub"
check "all three" sh -c 'grep -c "status: in-progress\|status: shipped\|status: dropped" calendar/q3.yaml | grep -qx 3'
name=plan-below-top
newrepo below plans/mkt
mkdir -p src && echo x > src/a.c && git add src && git commit -qm code
cd plans/mkt/calendar
at 2026-07-08
check "commit from inside" $S ship a --on 2026-07-08 --why "done" --commit
cd "$tmp/below"
check "committed path" \
    [ "$(git show --name-only --format= HEAD)" = "plans/mkt/calendar/q3.yaml" ]
check "-C from the top" $S -C plans/mkt slip b --to 2026-07-20 --commit
check "subject" [ "$(git log -1 --format=%s)" = "plan: slip b to 2026-07-20" ]
name=no-git
rm -rf "$tmp/nogit" && mkdir -p "$tmp/nogit/calendar" && cd "$tmp/nogit"
cp -R "$top/tests/fixtures/plan/." . && calendar > calendar/q3.yaml
check "without git" $S ship a --on 2026-07-08
$S ship b --on 2026-07-15 --commit >/dev/null 2>&1; rc=$?
check "--commit without git is a usage error" [ $rc -eq 2 ]
check "and writes nothing" sh -c '! grep -q "shipped: 2026-07-15" calendar/q3.yaml'

# symbolic links ---------------------------------------------------------
name=symlink-inside
newrepo links
at 2026-07-08
mkdir -p shared && mv calendar/q3.yaml shared/q3.yaml
ln -s ../shared/q3.yaml calendar/q3.yaml
check "written through" $S ship a --on 2026-07-08
check "still a link" [ -L calendar/q3.yaml ]
check "target changed" sh -c 'grep -q "shipped: 2026-07-08" shared/q3.yaml'
name=symlink-outside
calendar > "$tmp/outside.yaml"
rm calendar/q3.yaml && ln -s "$tmp/outside.yaml" calendar/q3.yaml
before=$(cksum < "$tmp/outside.yaml")
$S ship a --on 2026-07-08 >/dev/null 2>&1; rc=$?
check "refused ($rc)" [ $rc -eq 2 ]
check "outside untouched" [ "$(cksum < "$tmp/outside.yaml")" = "$before" ]

# a quarter of weekly updates, measured ----------------------------------
# Q3 2026 starts with a..h dated in it (8 committed) and i in Q4.  Week by
# week: a ships; b slips within the quarter and ships; c ships; d is
# dropped; e ships; 'recap' is added and ships (unplanned); f slips out of
# the quarter; g starts and is handed over but never ships; h never ships.
# By hand: committed 8, shipped 4 (a b c e), slipped 1 (f), dropped 1 (d),
# missed 2 (g h), open 0, unplanned 1 (recap): 4 of 8, 50%.
name=quarter
newrepo quarter
run() { # DAY COMMAND...
	at "$1"; shift
	out=$($S "$@" --commit 2>&1) || no "$* ($out)"
}
run 2026-07-08 ship a --on 2026-07-08
run 2026-07-14 slip b --to 2026-07-29 --why "waiting for legal"
run 2026-07-22 ship c --on 2026-07-22
run 2026-07-29 ship b --on 2026-07-29
run 2026-08-05 drop d --why "budget cut"
run 2026-08-12 add --anchor q3-email --owner dana --channel email \
    --date 2026-08-20 --id recap "Launch recap: what we learned"
run 2026-08-19 ship e --on 2026-08-19
run 2026-08-20 ship recap --on 2026-08-20
run 2026-09-02 slip f --to 2026-10-07 --why "speaker moved to October"
run 2026-09-09 start g
run 2026-09-10 owner g sam --why "dana is on leave"
check "12 commits" [ "$(git rev-list --count HEAD)" -eq 12 ]
check "plan lints clean" $S lint -q
export STRAT_TODAY=2026-10-05
row=$($S report --since 2026-07-01 --until 2026-09-30 --format csv |
    awk -F, '$1 == "2026-Q3" { print $5","$6","$7","$8","$9","$10","$11 }')
check "Q3 committed,shipped,slipped,dropped,missed,open,unplanned ($row)" \
    [ "$row" = "8,4,1,1,2,0,1" ]
check "execution rate 50%" sh -c "$S report --since 2026-07-01 --until 2026-09-30 | grep -q '4 of 8'"

# completion: the commands and their options -----------------------------
name=completion
if command -v bash >/dev/null 2>&1; then
	out=$(PATH="$(dirname "$STRAT"):$PATH" bash -c '
		. "$1"
		COMP_WORDS=(strat sl); COMP_CWORD=1; _strat; echo "${COMPREPLY[*]}"
		COMP_WORDS=(strat ship x --w); COMP_CWORD=3; _strat
		echo "${COMPREPLY[*]}"
		COMP_WORDS=(strat add --d); COMP_CWORD=2; _strat
		echo "${COMPREPLY[*]}"' sh "$top/completion/strat.bash" 2>&1)
	check "bash ($out)" [ "$out" = "slip
--why
--date --dry-run" ]
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
