#!/bin/sh
# tests/suite-hostile.sh - plans and repositories written by an attacker.
#  - paths that leave the repository ('..', absolute, symbolic links, in the
#    work tree and in history) are rule path-outside-repo, never read;
#    a FIFO does not hang the reader;
#  - terminal control sequences in user text never reach the terminal, in
#    any command's text output;
#  - hostile titles cannot inject HTML, scripts, images, links or @mentions
#    into Markdown or HTML output;
#  - corrupt objects, missing blobs, a repository owned by another user,
#    a shallow clone and a detached HEAD give a clear message, never a crash.
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib-suite.sh"

# ---- paths that leave the repository ----
secret=$tmp/secret; mkdir -p "$secret"
printf 'kind: strategy\nversion: 1\ntitle: SECRET-CONTENT\n' > "$secret/s.yaml"
d=$tmp/out1; plan "$d"; cd "$d" || exit 2
printf 'strat: 1\nstrategy: ../secret/s.yaml\n' > strat.yaml
t dotdot 1 "strat.yaml:2:11: error: strategy path '../secret/s.yaml' leaves the repository \[path-outside-repo\]" $S lint
printf 'strat: 1\nstrategy: %s/s.yaml\n' "$secret" > strat.yaml
t absolute 1 "strategy path '/.*' leaves the repository \[path-outside-repo\]" $S lint
printf 'strat: 1\ncalendars: ["../**/*.yaml", "calendar/../../x/*.yaml"]\n' > strat.yaml
t glob-dotdot 1 "calendar glob '\.\./\*\*/\*\.yaml' leaves the repository \[path-outside-repo\]" $S lint
absent glob-dotdot-not-read 'SECRET' $S lint
printf 'strat: 1\n' > strat.yaml; rm strategy.yaml
ln -s "$secret/s.yaml" strategy.yaml
t symlink-file 1 "strategy.yaml: error: 'strategy.yaml' is a link that leaves the repository \[path-outside-repo\]" $S lint
absent symlink-not-read 'SECRET' $S lint --format json
rm strategy.yaml; ln -s ../secret/../secret/s.yaml strategy.yaml
t symlink-relative 1 "path-outside-repo" $S lint
rm strategy.yaml; plan "$d"; cd "$d" || exit 2; ln -s "$secret" calendar/outside
printf 'kind: calendar\nversion: 1\ntitle: SECRET-CAL\nitems: []\n' > "$secret/c.yaml"
absent symlink-dir-not-followed 'SECRET' $S lint
rm calendar/outside; mkfifo calendar/fifo.yaml
t fifo-ignored 0 "in 4 files" $S lint
rm calendar/fifo.yaml; rm strategy.yaml; mkfifo strategy.yaml
t fifo-strategy 1 "strategy.yaml: error: cannot read file: not a regular file" $S lint
# git's own directory is not a plan file: by path, by link, in any case
rm strategy.yaml; plan "$d"; cd "$d" || exit 2; git init -q .
printf 'strat: 1\nstrategy: .git/config\n' > strat.yaml
t dotgit-path 1 "strat.yaml:2:11: error: strategy path '.git/config' is inside .git \[path-outside-repo\]" $S lint
absent dotgit-not-read 'repositoryformatversion|bare' $S lint
printf 'strat: 1\nteam: sub/.GIT/config\n' > strat.yaml
t dotgit-case 1 "team path 'sub/.GIT/config' is inside .git \[path-outside-repo\]" $S lint
printf 'strat: 1\nstrategy: g/config\n' > strat.yaml; ln -s .git g
t dotgit-link 1 "^g/config: error: 'g/config' is a link into .git \[path-outside-repo\]" $S lint
rm g; printf 'strat: 1\n' > strat.yaml
# a symbolic link loop is a loop, not a link that leaves the repository
rm strategy.yaml; ln -s loop strategy.yaml; ln -s strategy.yaml loop
t symlink-loop 1 "^strategy.yaml: error: cannot read file: 'strategy.yaml' is a symbolic link loop \[file-unreadable\]" $S lint
rm -rf .git loop
# the same in history: a committed symbolic link is never followed
plan "$d"; cd "$d" || exit 2; git init -q .; rm strategy.yaml; ln -s "$secret/s.yaml" strategy.yaml
commit 2026-07-01 "link"
t history-symlink 1 "strategy.yaml: error: .*symbolic link" $S lint --rev HEAD
absent history-symlink-not-read 'SECRET' $S lint --rev HEAD
absent history-symlink-report 'SECRET' $S report --format md
rm -rf .git

# ---- init writes only inside the plan directory ----
rm -rf "$tmp/init" "$tmp/away"; mkdir -p "$tmp/init" "$tmp/away"
ln -s "$tmp/away" "$tmp/init/calendar"
t init-dir-link 2 "^strat: '.*/init/calendar' is in the way: init creates directories only inside the plan, never through a symbolic link" $S init "$tmp/init"
name=init-nothing-outside
if [ -z "$(ls -A "$tmp/away")" ]; then ok; else no "wrote $(ls -A "$tmp/away")"; fi
rm -f "$tmp/init/calendar" "$tmp/init/team.yaml"; ln -s "$tmp/away/t.yaml" "$tmp/init/team.yaml"
t init-dangling-kept 0 "kept    .*/team.yaml \(exists\)" $S init --force "$tmp/init"
name=init-dangling-not-followed
if [ ! -e "$tmp/away/t.yaml" ]; then ok; else no "created through a dangling link"; fi

# ---- terminal control sequences ----
ESC=$(printf '\033')
d=$tmp/term; plan "$d"; cd "$d" || exit 2
printf 'kind: calendar\nversion: 1\ntitle: "\\e]0;pwned\\a\\e[2J"\nitems:\n  - id: "x\\e[31m"\n    title: "\\e]8;;http://evil\\e\\\\click\\e]8;;\\e\\\\ \\u009b31m \\u202eevil"\n    anchor: "q3-\\e[2Ja"\n    owner: "ann\\rX"\n    channel: blog\n    date: 2026-07-10\n    status: planned\n' > calendar/evil.yaml
printf '  bad-\033[31mkey: 1\n' >> calendar/evil.yaml
git init -q .; commit 2026-07-01 "evil"
printf '    notes: "\\e[5m"\n' >> calendar/evil.yaml
for c in "lint" "lint --format github" "lint --rev HEAD" "lint --staged" \
    "week" "week --date 2026-07-06" "diff HEAD" "lint -q" "report"; do
	# shellcheck disable=SC2086
	absent "no-escape-$c" "$ESC|$(printf '\233')|$(printf '\342\200\256')|$(printf '\r')" $S $c
done
# CSV ends its lines with CR LF (RFC 4180), but holds no other control
absent "no-escape-report-csv" "$ESC|$(printf '\233')|$(printf '\r')." $S report --format csv
absent json-escaped "$ESC" $S lint --format json
absent sarif-escaped "$ESC" $S lint --format sarif

# ---- Markdown and HTML injection ----
d=$tmp/md; plan "$d"; cd "$d" || exit 2
git init -q .; commit 2026-07-01 "plan"
cat > calendar/a.yaml <<'Y'
kind: calendar
version: 1
items:
  - id: a
    title: "<script>alert(1)</script> <img src=x onerror=alert(1)> ![i](http://evil/x.png) [link](javascript:alert(1)) @octocat @org/team http://evil.example www.evil.example <!-- c --> | pipe | `tick` **b** # h"
    anchor: q3-a
    owner: ann
    channel: blog
    date: 2026-07-10
    status: shipped
    shipped: 2026-07-10
  - id: b
    title: "  - nested\n    code\n> quote\n---"
    anchor: q3-a
    owner: ann
    channel: blog
    date: 2026-07-11
    status: planned
Y
commit 2026-07-12 "hostile titles"
shape=$(dirname "$STRAT")/tests/md-shape
for c in "report --format md" "week --format md --date 2026-07-06" \
    "week --format md --date 2026-07-13" "diff --format md HEAD~1"; do
	# shellcheck disable=SC2086
	absent "md-$c" '(^|[^\\])<[a-z!/]|@octocat|@org|http://|www\.evil' $S $c
	# re-parsed as GitHub does: no link, image, raw HTML or code block
	name="md-shape-$c"
	# shellcheck disable=SC2086
	out=$($S $c 2>/dev/null | $STRAT_WRAP "$shape")
	case $out in
	"links 0 images 0 html 0 code_blocks 0 "*) ok ;;
	*) no "shape: $out" ;;
	esac
done
# shellcheck disable=SC2086
absent "html-report" '<script|<img|<!--|href=|src=|@octocat' $S report --format html
absent "html-report-title" '<script' $S report --format html --by owner

# ---- damaged and unusual repositories ----
d=$tmp/git; plan "$d"; cd "$d" || exit 2
git init -q .; commit 2026-07-01 one
printf '# two\n' >> calendar/a.yaml; commit 2026-07-02 two
printf '# three\n' >> calendar/a.yaml; commit 2026-07-03 three
cp -R "$d" "$tmp/pristine"
# detached HEAD: a CI checkout of a pull request works as usual
git checkout -q --detach HEAD~1
t detached-lint 0 'in 4 files' $S lint --rev HEAD
t detached-report 0 '' $S report --format csv
git checkout -q main
# a missing blob (the calendar of the first commit)
blob=$(git rev-parse HEAD~2:calendar/a.yaml)
rm -f ".git/objects/$(echo "$blob" | cut -c1-2)/$(echo "$blob" | cut -c3-)"
t missing-blob-lint 2 "^strat: cannot read the blob [0-9a-f]+ of 'calendar/a.yaml' .*the repository is damaged" $S lint --rev HEAD~2
t missing-blob-report 2 "^strat: .*(object|corrupt|not found)" $S report
# a corrupt object (the tree of the second commit)
rm -rf "$d"; cp -R "$tmp/pristine" "$d"; cd "$d" || exit 2
tree=$(git rev-parse HEAD~1^{tree})
f=.git/objects/$(echo "$tree" | cut -c1-2)/$(echo "$tree" | cut -c3-)
chmod u+w "$f"; printf 'garbage' > "$f"
t corrupt-tree-lint 2 "^strat: .*" $S lint --rev HEAD~1
t corrupt-tree-report 2 "^strat: .*" $S report
t corrupt-tree-diff 2 "^strat: .*" $S diff HEAD~1
# a shallow clone: the history ends early, and strat says so
rm -rf "$tmp/shallow"
git clone -q --depth 1 "file://$tmp/pristine" "$tmp/shallow" 2>/dev/null
cd "$tmp/shallow" || exit 2
t shallow-report 0 'shallow' $S report --format md
t shallow-lint-rev 0 'in 4 files' $S lint --rev HEAD
t shallow-diff 2 "^strat: " $S diff HEAD~1
# a repository owned by another user (safe.directory)
if [ "$(id -u)" = 0 ]; then
	rm -rf "$tmp/owned"; cp -R "$tmp/pristine" "$tmp/owned"
	chown -R 12345:12345 "$tmp/owned"; cd "$tmp/owned" || exit 2
	t safe-directory-report 2 "owned by another user.*safe.directory" $S report
	t safe-directory-lint-rev 2 "owned by another user.*safe.directory" $S lint --rev HEAD
	t safe-directory-week 0 "^strat: warning: .*owned by another user" $S week
	# GIT_DIR opens that directory only: another user's is theirs, a
	# directory inside it is no repository (not a parent's owner)
	t safe-directory-git-dir 2 "owned by another user" \
	    env GIT_DIR="$tmp/owned/.git" $S report
	t safe-directory-git-dir-inside 2 "^strat: not a git repository" \
	    env GIT_DIR="$tmp/owned/.git/objects" $S report
else
	echo "skip safe.directory: needs root to chown to another user"
fi
echo "$pass passed, $fail failed"
