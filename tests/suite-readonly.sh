#!/bin/sh
# tests/suite-readonly.sh - strat writes nothing to a repository except
# through 'hook install', 'init' and '-o FILE'.  Every read-only command is
# run, in every format, on a repository with history, a staged change and an
# unstaged one; afterwards every file of the work tree and of .git (index,
# refs, objects, config, logs) must be byte-identical, with the same
# modification times, and no file may have appeared or gone.
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib-suite.sh"

r=$tmp/repo; out=$tmp/out
mkdir -p "$r" "$out"; cp -R "$top/examples/acme/." "$r/"
cd "$r" || exit 2
git init -q .
commit 2026-01-05 "plan"
sed -i 's/status: planned/status: in-progress/' calendar/2026/q3.yaml
commit 2026-07-01 "progress"
sed -i '0,/status: in-progress/s//status: dropped/' calendar/2026/q3.yaml
git add calendar/2026/q3.yaml                       # a staged change
printf '# note\n' >> calendar/2026/q4.yaml           # and an unstaged one
git tag v1 HEAD~1

snapshot() { # every file and directory: path, mode, size, mtime, hash
	find . -print0 | sort -z | xargs -0 stat -c '%n %a %s %Y %i' > "$1"
	find . -type f -print0 | sort -z | xargs -0 sha256sum >> "$1"
}
snapshot "$tmp/before"

run() { # run ARGS...: any exit status but a crash or a signal
	$S "$@" > "$out/last" 2>&1
	rc=$?
	if [ "$rc" -gt 2 ]; then
		fail=$((fail + 1)); echo "FAIL strat $*: exit $rc"
		head -n 5 "$out/last"
	else
		pass=$((pass + 1))
	fi
}
for f in text json sarif github; do
	run lint --format "$f"
	run lint --format "$f" --staged
	run lint --format "$f" --rev HEAD~1
	run lint --format "$f" --new-since HEAD~1
	run lint --format "$f" calendar/2026/q3.yaml
done
for f in md html json csv; do
	run report --format "$f"
	run report --format "$f" --period month --by owner
	run report --format "$f" v1 --max-commits 1
done
run report -o "$out/report.md"
for f in text md json; do
	run week --format "$f"
	run week --format "$f" --date 2026-07-06 --owner sam
	run diff --format "$f" HEAD~1
	run diff --format "$f" HEAD~1 HEAD
	run diff --format "$f" --check HEAD~1...HEAD
done
run help; run help lint; run help format; run help rules; run help measures
run version; run --version; run hook; run -C calendar lint
run lint --today 2026-01-01 .; run init --help; run hook --help

snapshot "$tmp/after"
if cmp -s "$tmp/before" "$tmp/after"; then
	pass=$((pass + 1)); echo "ok   repository unchanged after $((pass - 1)) commands"
else
	fail=$((fail + 1)); echo "FAIL the repository changed:"
	diff "$tmp/before" "$tmp/after" | head -n 20
fi
echo "$pass passed, $fail failed"
