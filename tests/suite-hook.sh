#!/bin/sh
# tests/suite-hook.sh - 'strat lint --staged' inside a real pre-commit hook
# run by 'git commit', 'git commit -a' and 'git commit <path>'; --rev,
# --new-since, conflicts, worktrees, GIT_DIR, a plan in a subdirectory,
# and 'strat hook install/uninstall' against a foreign hook.
top=$(cd "$(dirname "$0")/.." && pwd)
: "${STRAT:=$top/build/strat}"
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1 STRAT_TODAY=2026-09-15
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=Tester GIT_COMMITTER_NAME=Tester
export GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_EMAIL=t@example.com
export GIT_AUTHOR_DATE='2026-09-01T10:00:00Z' GIT_COMMITTER_DATE='2026-09-01T10:00:00Z'
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home"; mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global advice.detachedHead false
# strat on PATH for the hook, wrapped like $STRAT.
mkdir "$tmp/bin"
printf '#!/bin/sh\nexec %s %s "$@"\n' "${STRAT_WRAP:-}" "$STRAT" > "$tmp/bin/strat"
chmod +x "$tmp/bin/strat"
PATH="$tmp/bin:$PATH"; export PATH
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
no() { fail=$((fail + 1)); echo "FAIL $1"; [ -z "$2" ] || sed 's/^/     /' "$2" | head -n 20; }
# check NAME CMD...: expect success
check() { n=$1; shift; if "$@" > "$tmp/out" 2>&1; then ok "$n"; else no "$n" "$tmp/out"; fi; }
# refuse NAME CMD...: expect failure
refuse() { n=$1; shift; if "$@" > "$tmp/out" 2>&1; then no "$n (succeeded)" "$tmp/out"; else ok "$n"; fi; }
has() { grep -q "$2" "$tmp/out" && ok "$1" || no "$1" "$tmp/out"; }

# plan DIR: write a small clean plan into DIR
plan() {
	mkdir -p "$1/calendar"
	cat > "$1/strat.yaml" <<'Y'
strat: 1
Y
	cat > "$1/team.yaml" <<'Y'
kind: team
version: 1
people:
  - id: alex
    name: Alex Moreau
  - id: sam
    name: Sam Okafor
Y
	cat > "$1/strategy.yaml" <<'Y'
kind: strategy
version: 1
title: Test strategy
owner: alex
thesis: We test.
outcomes:
  - id: pipeline
    title: Grow pipeline
    owner: alex
anchors:
  - id: q3-organic
    title: Organic search
    quarter: 2026-Q3
    owner: alex
    outcomes: [pipeline]
    done: ten posts
Y
	cat > "$1/calendar/q3.yaml" <<'Y'
kind: calendar
version: 1
items:
  - id: seo-guide
    title: Pillar guide
    anchor: q3-organic
    owner: alex
    channel: blog
    date: 2026-08-10
    status: planned
  - id: seo-post
    title: Cluster post
    anchor: q3-organic
    owner: sam
    channel: blog
    date: 2026-08-20
    status: planned
Y
}
break_file() { sed -i 's/anchor: q3-organic$/anchor: q3-organix/' "$1"; }

r=$tmp/repo; mkdir "$r"; cd "$r" || exit 2
git init -q . && plan . && git add -A && git commit -qm init
check "clean plan lints clean as staged" strat lint --staged
check "hook install" strat hook install
grep -q "strat lint --staged" .git/hooks/pre-commit && [ -x .git/hooks/pre-commit ] &&
	ok "hook is executable and runs lint --staged" || no "hook content"

# Staged broken file: the commit is refused.
break_file calendar/q3.yaml; git add calendar/q3.yaml
refuse "git commit with a broken staged file" git commit -qm broken
has "the hook names the unknown anchor" "references unknown anchor 'q3-organix'"
# Fixed on disk but not staged: still refused.
git checkout HEAD -- . 2>/dev/null; break_file calendar/q3.yaml
git add calendar/q3.yaml; git show HEAD:calendar/q3.yaml > calendar/q3.yaml
refuse "fixed on disk but not staged: refused" git commit -qm broken
# Broken on disk but staged clean: accepted.
git add calendar/q3.yaml; break_file calendar/q3.yaml
sed -i 's/Pillar guide/Pillar guide v2/' strategy.yaml 2>/dev/null
echo "# note" >> team.yaml; git add team.yaml
check "broken on disk, staged clean: accepted" git commit -qm "team note"
# git commit -a uses a temporary index (GIT_INDEX_FILE): the broken
# working-tree file is what gets committed, so it is refused.
refuse "git commit -a with a broken file" git commit -qam broken
git checkout -- calendar/q3.yaml
# Index broken, working tree clean, commit -a: the temporary index holds
# the clean working tree: accepted.
break_file calendar/q3.yaml; git add calendar/q3.yaml
git show HEAD:calendar/q3.yaml > calendar/q3.yaml
sed -i 's/Cluster post$/Cluster post, revised/' calendar/q3.yaml
check "git commit -a takes the working tree (GIT_INDEX_FILE)" git commit -qam revise
# git commit <path>: HEAD plus that path from the working tree.
break_file calendar/q3.yaml
refuse "git commit <path> with that path broken" git commit -qm x calendar/q3.yaml
git checkout -- calendar/q3.yaml
echo "# more" >> team.yaml
break_file calendar/q3.yaml; git add calendar/q3.yaml  # staged, not named
git show HEAD:calendar/q3.yaml > calendar/q3.yaml
check "git commit <path> ignores other staged files" git commit -qm team team.yaml
git reset -q; git checkout -- .
# Cross-file rules see the whole plan: renaming an anchor that items
# still reference fails although no calendar file is staged.
sed -i 's/id: q3-organic/id: q3-search/' strategy.yaml; git add strategy.yaml
refuse "renaming a referenced anchor is refused" git commit -qm rename
has "the calendar finding is reported" "calendar/q3.yaml.*unknown anchor 'q3-organic'"
git reset -q; git checkout -- .
# --rev and --new-since.
check "lint --rev HEAD" strat lint --rev HEAD
git commit -q --no-verify -am dummy --allow-empty
break_file calendar/q3.yaml; git commit -q --no-verify -am "broken, no verify"
refuse "lint --rev HEAD sees the committed breakage" strat lint --rev HEAD
check "lint --rev HEAD~1 is clean" strat lint --rev HEAD~1
refuse "lint --new-since HEAD~1 reports the new findings" strat lint --new-since HEAD~1
has "new-since lists the finding" "unknown anchor 'q3-organix'"
check "lint --new-since HEAD has nothing new" strat lint --new-since HEAD
refuse "unknown revision is an error" strat lint --rev nosuchrev
has "unknown revision named" "unknown revision 'nosuchrev'"
git reset -q --hard HEAD~1

# A conflicted path is reported, not guessed.
git checkout -qb side
sed -i 's/date: 2026-08-10/date: 2026-08-11/' calendar/q3.yaml
git commit -q --no-verify -am side
git checkout -q main
sed -i 's/date: 2026-08-10/date: 2026-08-12/' calendar/q3.yaml
git commit -q --no-verify -am main
git merge -q side > /dev/null 2>&1
refuse "lint --staged with a conflicted path" strat lint --staged
has "the conflict is reported" "calendar/q3.yaml: error: file has unresolved merge conflicts"
git merge --abort

# Worktrees share the hook; GIT_DIR/GIT_WORK_TREE are honoured.
git worktree add -q "$tmp/wt" -b wtbranch
cd "$tmp/wt" || exit 2
break_file calendar/q3.yaml; git add calendar/q3.yaml
refuse "commit in a linked worktree runs the hook" git commit -qm broken
check "lint --staged in the main tree is unaffected" sh -c "cd '$r' && strat lint --staged"
git checkout -q HEAD -- calendar/q3.yaml
cd "$tmp" || exit 2
check "GIT_DIR and GIT_WORK_TREE" env GIT_DIR="$r/.git" GIT_WORK_TREE="$r" strat lint --staged
(cd "$r" && break_file calendar/q3.yaml && git add calendar/q3.yaml)
refuse "GIT_DIR: the staged breakage is seen" env GIT_DIR="$r/.git" GIT_WORK_TREE="$r" strat lint --staged
(cd "$r" && git reset -q && git checkout -- .)
refuse "GIT_INDEX_FILE pointing at a missing index" env GIT_DIR="$r/.git" GIT_INDEX_FILE="$tmp/none" strat lint --staged
cd "$r" || exit 2

# Installer: a foreign hook is never overwritten.
check "uninstall our hook" strat hook uninstall
[ ! -e .git/hooks/pre-commit ] && ok "no hook left" || no "hook left behind"
printf '#!/bin/sh\necho foreign >> "%s/foreign.log"\n' "$tmp" > .git/hooks/pre-commit
chmod 750 .git/hooks/pre-commit; cp -p .git/hooks/pre-commit "$tmp/orig"
refuse "install refuses a foreign hook" strat hook install
has "the refusal explains --chain" "strat hook install --chain"
cmp -s .git/hooks/pre-commit "$tmp/orig" && ok "foreign hook untouched" || no "foreign hook changed"
refuse "uninstall refuses a foreign hook" strat hook uninstall
check "install --chain" strat hook install --chain
break_file calendar/q3.yaml; git add calendar/q3.yaml
refuse "chained: lint still refuses" git commit -qm broken
[ -s "$tmp/foreign.log" ] && ok "chained: the old hook ran" || no "old hook did not run"
git reset -q; git checkout -- .; : > "$tmp/foreign.log"
echo "# chained ok" >> team.yaml
check "chained: a clean commit passes" git commit -qam ok
[ -s "$tmp/foreign.log" ] && ok "chained: the old hook ran again" || no "old hook did not run"
check "install again (idempotent)" strat hook install
check "uninstall restores the old hook" strat hook uninstall
cmp -s .git/hooks/pre-commit "$tmp/orig" && ok "restored byte-identical" || no "restored hook differs"
[ "$(stat -c %a .git/hooks/pre-commit)" = 750 ] && ok "restored mode kept" || no "mode changed"
rm .git/hooks/pre-commit
# A failing chained hook stops the commit.
printf '#!/bin/sh\nexit 3\n' > .git/hooks/pre-commit; chmod +x .git/hooks/pre-commit
strat hook install --chain > /dev/null
echo "# x" >> team.yaml
refuse "a failing chained hook stops the commit" git commit -qam x
git checkout -- .; strat hook uninstall > /dev/null; rm -f .git/hooks/pre-commit
# core.hooksPath is respected.
git config core.hooksPath .githooks
check "install with core.hooksPath" strat hook install
[ -f .githooks/pre-commit ] && [ ! -e .git/hooks/pre-commit ] && ok "hook in core.hooksPath" || no "hook not in .githooks"
break_file calendar/q3.yaml; git add calendar/q3.yaml
refuse "core.hooksPath hook runs" git commit -qm broken
git reset -q; git checkout -- .
check "uninstall with core.hooksPath" strat hook uninstall
git config --unset core.hooksPath
# Symbolic links planted in .git/hooks: nothing is written through them.
printf 'outside, untouched\n' > "$tmp/victim"; chmod 644 "$tmp/victim"
ln -s "$tmp/victim" .git/hooks/pre-commit.strat-tmp
check "install beside a planted temporary link" strat hook install
cmp -s "$tmp/victim" /dev/stdin <<'X' && ok "the link's target is untouched" || no "wrote through the planted link"
outside, untouched
X
[ "$(stat -c %a "$tmp/victim")" = 644 ] && ok "the link's target kept its mode" || no "victim made executable"
[ -L .git/hooks/pre-commit.strat-tmp ] && ok "the planted link is left alone" || no "planted link replaced"
grep -q 'strat-hook: written by' .git/hooks/pre-commit && [ ! -L .git/hooks/pre-commit ] && ok "the hook is a file" || no "no hook file"
strat hook uninstall > /dev/null; rm -f .git/hooks/pre-commit.strat-tmp
# a pre-commit that is a link to nothing is someone's hook: not replaced
ln -s "$tmp/missing-hook" .git/hooks/pre-commit
refuse "install refuses a dangling link as pre-commit" strat hook install
has "the dangling link is named" "pre-commit' exists and was not written by strat"
[ -L .git/hooks/pre-commit ] && [ ! -e "$tmp/missing-hook" ] && ok "dangling link left alone, nothing created through it" || no "dangling link replaced or followed"
# a link to a file outside: refused, the file untouched
rm .git/hooks/pre-commit; ln -s "$tmp/victim" .git/hooks/pre-commit
refuse "install refuses a link as pre-commit" strat hook install
cmp -s "$tmp/victim" /dev/stdin <<'X' && ok "linked hook's target untouched" || no "wrote through pre-commit link"
outside, untouched
X
check "install --chain keeps the link as the chained hook" strat hook install --chain
[ -L .git/hooks/pre-commit.strat-chained ] && [ ! -L .git/hooks/pre-commit ] && ok "link moved, hook written" || no "chain of a link"
check "uninstall puts the link back" strat hook uninstall
[ -L .git/hooks/pre-commit ] && ok "link restored" || no "link not restored"
rm -f .git/hooks/pre-commit
# .git/hooks a link to a directory outside the git directory: strat
# writes nothing through it (install wrote the hook there, and uninstall
# removed files there); core.hooksPath, git's own setting, is the way
mkdir "$tmp/outside-hooks"; mv .git/hooks .git/hooks.real
ln -s "$tmp/outside-hooks" .git/hooks
(strat hook install) > "$tmp/out" 2>&1; rc=$?
[ "$rc" = 2 ] && ok "install refuses a hooks link leading outside (exit 2)" || no "hooks link: install exit $rc" "$tmp/out"
has "the refusal names where it leads and core.hooksPath" "'.*/hooks' leads to '.*outside-hooks', outside the git directory .*git config core.hooksPath"
[ -z "$(ls -A "$tmp/outside-hooks")" ] && ok "nothing written through the hooks link" || no "wrote through the hooks link"
printf '#!/bin/sh\n# strat-hook: written by strat\n' > "$tmp/outside-hooks/pre-commit"
refuse "uninstall refuses the hooks link too" strat hook uninstall
[ -f "$tmp/outside-hooks/pre-commit" ] && ok "nothing removed through the hooks link" || no "removed through the hooks link"
rm -f "$tmp/outside-hooks/pre-commit"
git config core.hooksPath "$tmp/outside-hooks"
check "install where core.hooksPath says" strat hook install
has "it says where" "core.hooksPath is set: using $tmp/outside-hooks"
grep -q 'strat-hook: written by' "$tmp/outside-hooks/pre-commit" && ok "hook in core.hooksPath's directory" || no "no hook in core.hooksPath"
check "uninstall where core.hooksPath says" strat hook uninstall
git config --unset core.hooksPath; rm .git/hooks; mv .git/hooks.real .git/hooks
# a link that stays inside the git directory is the git directory's own
mv .git/hooks .git/hooks.real; ln -s hooks.real .git/hooks
check "install through a hooks link inside the git directory" strat hook install
[ -f .git/hooks.real/pre-commit ] && ok "hook written inside" || no "no hook inside"
strat hook uninstall > /dev/null; rm .git/hooks; mv .git/hooks.real .git/hooks

# A plan in a subdirectory of the repository.
s=$tmp/sub; mkdir -p "$s"; cd "$s" || exit 2
git init -q . && plan plans/marketing && echo readme > README && git add -A && git commit -qm init
check "lint --staged with the plan directory named" strat lint --staged plans/marketing
(cd plans/marketing && strat hook install) > "$tmp/out" 2>&1
grep -q "strat lint --staged 'plans/marketing'" .git/hooks/pre-commit && ok "hook names the plan directory" || no "hook prefix" "$tmp/out"
break_file plans/marketing/calendar/q3.yaml; git add -A
refuse "subdirectory plan: broken commit refused" git commit -qm broken
has "paths are relative to the plan directory" "^calendar/q3.yaml:[0-9]*:13: error"
git reset -q; git checkout -- .
echo more >> README
check "subdirectory plan: clean commit accepted" git commit -qam readme
(cd plans/marketing && strat lint --rev HEAD) > "$tmp/out" 2>&1 && ok "--rev from inside the plan directory" || no "--rev in subdir" "$tmp/out"

# No plan: install refuses (the hook would refuse every commit), saying
# where it looked; --force installs it anyway.
n=$tmp/noplan; mkdir -p "$n/docs"; cd "$n" || exit 2
git init -q . && echo readme > README && git add -A && git commit -qm init
(cd docs && strat hook install) > "$tmp/out" 2>&1; rc=$?
[ "$rc" = 2 ] && ok "install without a plan exits 2" || no "install without a plan: exit $rc" "$tmp/out"
has "the refusal says where it looked" "no strat.yaml or strategy.yaml in '$n' (looked from '.'"
has "the refusal names --force" "strat hook install --force"
[ ! -e .git/hooks/pre-commit ] && ok "no hook written" || no "hook written without a plan"
check "install --force without a plan" strat hook install --force
[ -f .git/hooks/pre-commit ] && ok "--force wrote the hook" || no "no hook after --force"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
