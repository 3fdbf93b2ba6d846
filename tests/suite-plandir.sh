#!/bin/sh
# tests/suite-plandir.sh - a plan in a subdirectory of a git work tree,
# reached from the plan directory, from a directory inside it, through a
# symbolic link to it, or named on the command line: every command that
# reads git finds the same plan directory in the tree (cmd/util.c,
# path_below) and reads the commits below it (strat_plan_load_commit):
# week --since REV and its stale items, lint --rev, --staged, --new-since,
# the paths of --format github, lint of files and of standard input, add
# --file, hook install; and what each says of a directory outside.
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib-suite.sh"

mkdir -p "$tmp/repo" "$tmp/outside"; cd "$tmp/repo" || exit 2
r=$(pwd -P) # the work tree as strat says it: a real path
git init -q .
plan plans/a
echo readme > README
commit 2026-07-01 "plan"
c1=$(git rev-parse --short=7 HEAD)
sed -i -e 's/date: 2026-07-10/date: 2026-09-20/' \
    -e 's/status: planned/status: in-progress/' plans/a/calendar/a.yaml
commit 2026-07-20 "start a, re-dated"
ln -s "$r/plans/a" "$tmp/plink"

# week --since REV: the base plan is plans/a of that commit
for d in plans/a plans/a/calendar "$tmp/plink"; do
	t "week --since HEAD~1 in $d" 0 "Compared with $c1 \(2026-07-01\), 'HEAD~1'" env -C "$d" $S week --since HEAD~1
	t "week --since HEAD~1 in $d: the change" 0 "re-dated 2026-07-10 → 2026-09-20" env -C "$d" $S week --since HEAD~1
	t "week in $d: stale items from the history of plans/a" 0 "2026-07-20 +57 days +A " env -C "$d" $S week
done
t "week -C plans/a --since HEAD~1" 0 "re-dated 2026-07-10 → 2026-09-20" $S week -C plans/a --since HEAD~1
t "week --since REV in json" 0 "\"kind\": \"item-redated\", \"id\": \"a\"" env -C plans/a/calendar $S week --since HEAD~1 --format json

# lint of a commit below the plan directory, found from where it runs
sed -i 's/anchor: q3-a$/anchor: q3-x/' plans/a/calendar/a.yaml
commit 2026-08-01 "break a"
for d in plans/a plans/a/calendar "$tmp/plink"; do
	t "lint --rev HEAD in $d" 1 "^calendar/a.yaml:6:13: error: .*\[item-anchor-unknown\]" env -C "$d" $S lint --rev HEAD
	t "lint --rev HEAD~1 in $d" 0 "^0 errors, 1 warning in 4 files" env -C "$d" $S lint --rev HEAD~1
	t "lint --staged in $d" 1 "^calendar/a.yaml:6:13: error" env -C "$d" $S lint --staged
	t "lint --new-since HEAD~1 in $d" 1 "^calendar/a.yaml:6:13: error" env -C "$d" $S lint --new-since HEAD~1
	t "lint --format github in $d" 1 "^::error file=plans/a/calendar/a.yaml,line=6,col=13," env -C "$d" $S lint --format github
	t "lint --staged --format github in $d" 1 "^::error file=plans/a/calendar/a.yaml,line=6,col=13," env -C "$d" $S lint --staged --format github
done
t "lint --rev named from the top" 0 "^0 errors, 1 warning in 4 files" $S lint --rev HEAD~1 plans/a
t "lint --rev named with . and .." 0 "^0 errors, 1 warning in 4 files" env -C plans $S lint --rev HEAD~1 ./a/../a/
mv plans/a "$tmp/moved"
t "lint --rev names a directory gone from the work tree" 0 "^0 errors, 1 warning in 4 files" $S lint --rev HEAD~1 plans/a
mv "$tmp/moved" plans/a
t "lint --rev names a directory outside" 2 "^strat: '$tmp/outside' is outside the repository '$r'$" $S lint --rev HEAD "$tmp/outside"

# files of the plan, relative to the plan directory
t "lint a file from the top" 1 "^calendar/a.yaml:6:13: error" $S lint plans/a/calendar/a.yaml
t "lint files from inside" 1 "^1 error, 0 warnings in 2 files" env -C plans/a/calendar $S lint a.yaml ../team.yaml
cp plans/a/calendar/a.yaml "$tmp/outside/x.yaml"
ln -s "$tmp/outside/x.yaml" plans/a/calendar/out.yaml
t "lint a file that leads outside the plan" 2 "^strat: cannot read 'calendar/out.yaml': not inside a plan repository$" env -C plans/a $S lint calendar/out.yaml
rm plans/a/calendar/out.yaml
t "--stdin-filename through a link" 1 "^calendar/a.yaml:6:13: error" sh -c "cd '$tmp' && $S lint - --stdin-filename plink/calendar/a.yaml < plink/calendar/a.yaml"
for f in a.yaml calendar/a.yaml "$r/plans/a/calendar/a.yaml"; do
	t "add --file $f" 0 "^\+\+\+ b/calendar/a.yaml" env -C plans/a/calendar $S add --anchor q3-a --owner ann --channel blog --date 2026-09-20 --dry-run --force --file "$f" T
done
t "add --file that is not there" 2 "^strat: 'none.yaml' is not a calendar file of the plan in '$r/plans/a'$" env -C plans/a $S add --anchor q3-a --owner ann --channel blog --date 2026-09-20 --dry-run --force --file none.yaml T

# hook install: the hook lints the plan directory, named from the top
git reset -q --hard HEAD~1
for d in plans/a/calendar "$tmp/plink"; do
	t "hook install in $d" 0 "^it lints the plan in 'plans/a'$" env -C "$d" $S hook install
	t "the hook names plans/a (installed in $d)" 0 "^exec strat lint --staged 'plans/a'$" cat .git/hooks/pre-commit
	$S hook uninstall > /dev/null
done
t "hook install names a directory inside the plan" 0 "^it lints the plan in 'plans/a'$" $S hook install plans/a/calendar
$S hook uninstall > /dev/null
t "hook install names a directory outside" 2 "^strat: the plan directory '$tmp/outside' is not inside the work tree '$r/'$" $S hook install "$tmp/outside"
[ ! -e .git/hooks/pre-commit ] && ok || { name="no hook outside"; no "a hook was written"; }

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
