#!/bin/sh
# tests/suite-precommit.sh - the real pre-commit tool (3.0.4 in Debian)
# runs the strat-lint hook of .pre-commit-hooks.yaml, offline: through
# 'pre-commit try-repo' and through an installed config, with 'git commit'
# rejecting a bad plan and accepting a good one.  Skips when pre-commit is
# not installed.
top=$(cd "$(dirname "$0")/.." && pwd)
: "${STRAT:=$top/build/strat}"
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1 STRAT_TODAY=2026-09-15
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=Tester GIT_COMMITTER_NAME=Tester
export GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_EMAIL=t@example.com
if ! command -v pre-commit > /dev/null 2>&1; then
	echo "skip: pre-commit is not installed"
	echo "0 passed, 0 failed"
	exit 0
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" PRE_COMMIT_HOME="$tmp/cache"; mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global protocol.file.allow always
mkdir "$tmp/bin"
printf '#!/bin/sh\nexec %s %s "$@"\n' "${STRAT_WRAP:-}" "$STRAT" > "$tmp/bin/strat"
chmod +x "$tmp/bin/strat"
PATH="$tmp/bin:$PATH"; export PATH
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
no() { fail=$((fail + 1)); echo "FAIL $1"; [ -z "$2" ] || sed 's/^/     /' "$2" | head -n 30; }

# The hook repository: a git repository holding this checkout's
# .pre-commit-hooks.yaml (try-repo and 'repo:' both want git).
h=$tmp/hooks; mkdir "$h"
cp "$top/.pre-commit-hooks.yaml" "$h/"
(cd "$h" && git init -q . && git add -A && git commit -qm hooks) || exit 2
rev=$(git -C "$h" rev-parse HEAD)

r=$tmp/plan; mkdir -p "$r/calendar"; cd "$r" || exit 2
git init -q .
cp -R "$top/tests/fixtures/diff/." . && cp -R "$top/tests/golden/diff/escape/base/." .
git add -A && git commit -qm init
bad() { sed -i 's/anchor: q3-organic$/anchor: q3-organix/' calendar/q3.yaml; }

# try-repo against the checkout itself when it tracks the manifest (an
# untracked file is invisible to try-repo), else against the copy.
src=$h
git -C "$top" ls-files --error-unmatch .pre-commit-hooks.yaml \
	> /dev/null 2>&1 && src=$top
bad; git add -A
if pre-commit try-repo "$src" strat-lint > "$tmp/out" 2>&1; then
	no "try-repo: a bad staged plan fails" "$tmp/out"
else
	grep -q "unknown anchor 'q3-organix'" "$tmp/out" &&
		ok "try-repo: a bad staged plan fails" ||
		no "try-repo: finding not shown" "$tmp/out"
fi
git checkout -q HEAD -- .
sed -i 's/title: Pillar guide/title: Pillar guide, revised/' calendar/q3.yaml
git add -A
if pre-commit try-repo "$src" strat-lint > "$tmp/out" 2>&1; then
	ok "try-repo: a good staged plan passes"
else
	no "try-repo: a good staged plan passes" "$tmp/out"
fi
git reset -q --hard

# Installed as the repository's pre-commit hook: git commit runs it.
cat > .pre-commit-config.yaml <<EOC
repos:
  - repo: $h
    rev: $rev
    hooks:
      - id: strat-lint
EOC
git add .pre-commit-config.yaml && git commit -qm "pre-commit config" --no-verify
if pre-commit install > "$tmp/out" 2>&1; then ok "pre-commit install"; else no "pre-commit install" "$tmp/out"; fi
bad; git add -A
if git commit -qm bad > "$tmp/out" 2>&1; then
	no "git commit: a bad plan is rejected" "$tmp/out"
else
	grep -q "strat lint" "$tmp/out" && ok "git commit: a bad plan is rejected" ||
		no "git commit: rejected for another reason" "$tmp/out"
fi
[ "$(git rev-list --count HEAD)" = 2 ] && ok "no commit was made" || no "a bad commit was made"
git checkout -q HEAD -- .
sed -i 's/date: 2026-08-10/date: 2026-08-12/' calendar/q3.yaml
git add -A
if git commit -qm good > "$tmp/out" 2>&1; then ok "git commit: a good plan is accepted"; else no "git commit: a good plan is accepted" "$tmp/out"; fi
# Unstaged breakage is stashed by pre-commit and not seen.
bad
echo "# note" >> team.yaml; git add team.yaml
if git commit -qm note > "$tmp/out" 2>&1; then ok "unstaged breakage does not block"; else no "unstaged breakage blocked" "$tmp/out"; fi
grep -q "q3-organix" calendar/q3.yaml && ok "unstaged change restored" || no "unstaged change lost"
git checkout -q -- .
# Commits that touch no plan file skip the hook.
echo readme > README; git add README
if git commit -qm readme > "$tmp/out" 2>&1; then ok "non-plan commit passes"; else no "non-plan commit" "$tmp/out"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
