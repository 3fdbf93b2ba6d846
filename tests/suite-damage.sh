#!/bin/sh
# tests/suite-damage.sh - the repository-state contract (SPEC section 16).
# Each state is built from a pristine repository and every command is run
# against it: an explicit error (exit 2 naming the object and the path), a
# warning, or the documented behaviour - never silence, a wrong number, a
# crash or a hang (every command runs under 'timeout').
#   missing tree, missing blob, damaged (garbage) object, a loose object
#   whose header says another size than it holds, a tree entry whose
#   object has another type (a tree entry naming a blob, a file or link
#   entry naming a tree, commit or tag), a calendar file committed as a
#   symbolic link, a delta chain that does not end (also in
#   the newer of two packs holding the object, in a pack with a version 1
#   index, in an alternate object directory), a calendar
#   directory nested deeper than 32 levels, partial clones (blob:none,
#   tree:0), a shallow boundary, replaced and grafted commits, a SHA-256
#   repository, a submodule and an intent-to-add entry under a calendar
#   glob, 300 packs under 'ulimit -n 64', commits dated by 23 digits or
#   outside the years 0001 to 9999.
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib-suite.sh"
git config --global advice.graftFileDeprecated false
# same NAME FILE CMD...: the command's output is the pristine one in FILE
same() {
	name=$1 f=$2; shift 2
	out=$(timeout 60 "$@" 2>/dev/null); rc=$?
	if [ "$rc" != 0 ]; then no "exit $rc"; shown
	elif [ "$out" != "$(cat "$f")" ]; then
		no "output differs from the intact repository"; shown
	else ok; fi
}
obj() { # obj ID: the loose file of an object
	echo ".git/objects/$(echo "$1" | cut -c1-2)/$(echo "$1" | cut -c3-)"
}
fresh() { # fresh NAME: a copy of the pristine repository, entered
	rm -rf "$tmp/$1"; cp -R "$tmp/pristine" "$tmp/$1"; cd "$tmp/$1" || exit 2
}
item() { # item ID DATE STATUS
	printf '  - id: %s\n    title: %s\n    anchor: q3-a\n    owner: ann\n    channel: blog\n    date: %s\n    status: %s\n' "$1" "$1" "$2" "$3"
	[ "$3" != shipped ] || printf '    shipped: %s\n' "$2"
}

# ---- the pristine repository: three plan versions ----
p=$tmp/pristine; plan "$p"; cd "$p" || exit 2; git init -q .
hdr='kind: calendar\nversion: 1\nitems:\n'
{ printf "$hdr"; item a 2026-07-10 planned; item b 2026-07-20 planned; } > calendar/a.yaml
commit 2026-07-01 one
{ printf "$hdr"; item a 2026-07-10 shipped; item b 2026-07-20 planned; } > calendar/a.yaml
commit 2026-07-11 two
{ printf "$hdr"; item a 2026-07-10 shipped; item b 2026-07-20 shipped; } > calendar/a.yaml
commit 2026-07-21 three
$S report --format csv > "$tmp/report.csv"
$S lint --rev HEAD~1 > "$tmp/lint-rev.txt"
# every command that reads history, for the states below
hist() { # hist STATE WANT-EXIT PATTERN: report, lint --rev, diff
	t "$1-report" "$2" "$3" $S report --format csv
	t "$1-report-json" "$2" "$3" $S report --format json
	t "$1-lint-rev" "$2" "$3" $S lint --rev HEAD~1
	t "$1-diff" "$2" "$3" $S diff HEAD~2 HEAD~1
}
work() { # work STATE: the commands that read no history are unaffected
	t "$1-lint" 0 "0 errors, 1 warning in 4 files" $S lint
	t "$1-lint-staged" 0 "0 errors, 1 warning in 4 files" $S lint --staged
}

# ---- a missing tree: an error naming it and its path, never an empty
# directory (the report used to drop the quarter's items, exit 0) ----
fresh missing-tree
tree=$(git rev-parse HEAD~1:calendar); rm -f "$(obj "$tree")"
hist missing-tree 2 "^strat: .*$tree.*(calendar|damaged)"
t missing-tree-report-path 2 "^strat: cannot read the tree $tree of 'calendar' \(.*\); the repository is damaged" $S report
work missing-tree
# ---- a missing blob ----
fresh missing-blob
blob=$(git rev-parse HEAD~1:calendar/a.yaml); rm -f "$(obj "$blob")"
hist missing-blob 2 "^strat: cannot read the blob $blob of 'calendar/a.yaml' .*damaged"
work missing-blob
# ---- a damaged object (garbage where a tree was) ----
fresh garbage
tree=$(git rev-parse HEAD~1:calendar); f=$(obj "$tree"); chmod u+w "$f"
printf 'garbage' > "$f"
hist garbage 2 "^strat: .*$tree"
work garbage
# ---- a loose object whose header says another size than it holds
# (libgit2 1.5 copies past its buffer: found by fuzz/fuzz_git.c) ----
fresh loose-size
blob=$(git rev-parse HEAD~1:calendar/a.yaml); f=$(obj "$blob")
chmod u+w "$f"
python3 - "$f" <<'P'
import sys, zlib
f = sys.argv[1]
body = zlib.decompress(open(f, "rb").read()).split(b"\0", 1)[1]
open(f, "wb").write(zlib.compress(b"blob 10\0" + body))
P
hist loose-size 2 "^strat: cannot read the blob $blob of 'calendar/a.yaml' \(the loose object is damaged: it holds another size than its header says\)"
work loose-size
# ---- a tree entry whose object has another type: calendar says tree,
# names a blob (was: an empty calendar directory) ----
fresh wrong-type
blob=$(git rev-parse HEAD:strat.yaml)
# git mktree checks the type; the tree is written by hand (entries sorted)
root=$(python3 - "$blob" <<'P' | git hash-object -t tree -w --literally --stdin
import subprocess, sys
out = b""
for line in subprocess.check_output(["git", "ls-tree", "HEAD"]).splitlines():
    meta, name = line.split(b"\t")
    mode, _, oid = meta.split()
    if name == b"calendar":
        mode, oid = b"40000", sys.argv[1].encode()
    out += mode + b" " + name + b"\0" + bytes.fromhex(oid.decode())
sys.stdout.buffer.write(out)
P
)
c=$(GIT_COMMITTER_DATE=2026-07-25T12:00:00Z git commit-tree -p HEAD -m wrong "$root")
git update-ref refs/heads/main "$c"
t wrong-type-report 2 "^strat: cannot read the tree $blob of 'calendar' \(an object of another type\)" $S report --format csv
t wrong-type-lint-rev 2 "^strat: " $S lint --rev HEAD
t wrong-type-diff 2 "^strat: " $S diff HEAD~1 HEAD
# ---- the other way round: an entry whose mode says file (or link) and
# whose object is a tree, a commit or a tag.  'calendar' as a file naming
# the calendar tree gave "dropped 2", "SILENT DROP" and an empty calendar
# glob, exit 0; a file entry where a glob could look for a directory
# ('calendar/2026', with '**') hid its files in silence too ----
entry() { # entry PATH MODE OID: HEAD's tree with that entry, committed
	root=$(python3 - "$1" "$2" "$3" <<'P'
import subprocess, sys
def tree(t, comps, mode, oid):
    ents = {}
    if t:
        for line in subprocess.check_output(["git", "ls-tree", t]).splitlines():
            meta, name = line.split(b"\t")
            m, _, o = meta.split()
            ents[name] = (m, o.decode())
    name = comps[0].encode()
    if len(comps) == 1:
        ents[name] = (mode.encode(), oid)
    else:
        sub = ents[name][1] if name in ents else None
        ents[name] = (b"40000", tree(sub, comps[1:], mode, oid))
    # git's order: a tree sorts as its name and '/'
    key = lambda n: n + b"/" if ents[n][0] == b"40000" else n
    body = b"".join(ents[n][0] + b" " + n + b"\0" + bytes.fromhex(ents[n][1])
                    for n in sorted(ents, key=key))
    return subprocess.run(["git", "hash-object", "-t", "tree", "-w",
                           "--literally", "--stdin"], input=body,
                          capture_output=True, check=True).stdout.decode().strip()
print(tree("HEAD", sys.argv[1].split("/"), sys.argv[2], sys.argv[3]))
P
)
	ec=$(GIT_AUTHOR_DATE=2026-07-25T12:00:00Z GIT_COMMITTER_DATE=2026-07-25T12:00:00Z git commit-tree -p HEAD -m entry "$root")
	git update-ref refs/heads/main "$ec"
}
every() { # every STATE PATTERN: each history command of HEAD, exit 2
	t "$1-report" 2 "$2" $S report --format csv
	t "$1-report-json" 2 "$2" $S report --format json
	t "$1-lint-rev" 2 "$2" $S lint --rev HEAD
	t "$1-diff" 2 "$2" $S diff HEAD~1 HEAD
	t "$1-diff-check" 2 "$2" $S diff --check HEAD~1 HEAD
	t "$1-week-past" 2 "$2" $S week --date 2026-07-27
	work "$1"
}
another="\(an object of another type\); the repository is damaged: run 'git fsck'"
fresh file-names-tree; tree=$(git rev-parse HEAD:calendar)
entry calendar 100644 "$tree"
every file-names-tree "^strat: cannot read the blob $tree of 'calendar' $another"
fresh calendar-file-names-tree; tree=$(git rev-parse HEAD^{tree})
entry calendar/a.yaml 100644 "$tree"
every calendar-file-names-tree "^strat: cannot read the blob $tree of 'calendar/a.yaml' $another"
fresh file-names-commit; c=$(git rev-parse HEAD~1)
entry calendar/a.yaml 100644 "$c"
every file-names-commit "^strat: cannot read the blob $c of 'calendar/a.yaml' $another"
fresh file-names-tag; git tag -a -m tag v1 HEAD~1; c=$(git rev-parse v1)
entry calendar 100644 "$c"
every file-names-tag "^strat: cannot read the blob $c of 'calendar' $another"
fresh link-names-tree; tree=$(git rev-parse HEAD:calendar)
entry plans 120000 "$tree"
t link-names-tree-lint 0 "0 errors, 1 warning in 4 files" $S lint --rev HEAD
entry calendar/b.yaml 120000 "$tree"
every link-names-tree "^strat: cannot read the blob $tree of 'calendar/b.yaml' $another"
fresh subdir-names-tree; tree=$(git rev-parse HEAD:calendar)
entry calendar/2026 100644 "$tree"
every subdir-names-tree "^strat: cannot read the blob $tree of 'calendar/2026' $another"
# a file of that name that is a blob is a file: nothing hidden
fresh subdir-file; blob=$(git rev-parse HEAD:strat.yaml)
entry calendar/2026 100644 "$blob"
same subdir-file-report "$tmp/report.csv" $S report --format csv
t subdir-file-lint-rev 0 "0 errors, 1 warning in 4 files" $S lint --rev HEAD
# ---- a calendar file committed as a symbolic link (to a file inside the
# repository): history never follows links (lint --rev: file-unreadable),
# and the report says so and keeps the previous version, as for a file
# that does not parse (was: its items dropped, no word) ----
fresh link-file
mkdir shared; git mv calendar/a.yaml shared/a.yaml
ln -s ../shared/a.yaml calendar/a.yaml; commit 2026-07-25 link
lk="'calendar/a.yaml' is a symbolic link; plan files are read only as regular files"
t link-file-report 0 "^strat: warning: commit [0-9a-f]{12}: calendar/a.yaml: $lk; the previous version stands" $S report --format csv
same link-file-report-numbers "$tmp/report.csv" $S report --format csv
t link-file-report-json 0 "\"file\": \"calendar/a.yaml\", .*\"message\": \"$lk\"" $S report --format json
t link-file-lint-rev 1 "^calendar/a.yaml: error: cannot read file: $lk \[file-unreadable\]" $S lint --rev HEAD
t link-file-diff 0 "its items are compared from [0-9a-f]{7}, the last version that parsed" $S diff HEAD~1 HEAD
# the work tree follows a link that stays inside the repository
t link-file-lint 0 "0 errors, 1 warning in 4 files" $S lint
# ---- a delta chain that does not end: REF_DELTA entries that are each
# other's base (git and libgit2 loop forever); an error, no hang ----
fresh delta-cycle
blob=$(git rev-parse HEAD~1:calendar/a.yaml); rm -f "$(obj "$blob")"
python3 "$top/tests/mkpack.py" .git "$blob" 0123456789abcdef0123456789abcdef01234567 >/dev/null
hist delta-cycle 2 "^strat: cannot read the blob $blob of 'calendar/a.yaml' \(its delta chain does not end"
work delta-cycle
# ---- the same object in two packs, the newer one a cycle: libgit2 reads
# the newest pack first, so every pack holding the object is checked
# (fuzz_git found libgit2 reading for minutes past the guard) ----
fresh delta-cycle-2packs
blob=$(git rev-parse HEAD~1:calendar/a.yaml)
# eight older packs hold it too: the old guard checked whichever pack the
# directory listed first, so the test failed unless that was the cycle
i=0; while [ $i -lt 8 ]; do
	printf '%s\n%s\n' "$blob" "$(echo $i | git hash-object -w --stdin)" |
	    git pack-objects -q .git/objects/pack/pack >/dev/null
	i=$((i + 1))
done
touch -d 2020-01-01T00:00:00Z .git/objects/pack/*
python3 "$top/tests/mkpack.py" .git "$blob" 0123456789abcdef0123456789abcdef01234567 >/dev/null
hist delta-cycle-2packs 2 "^strat: cannot read the blob $blob of 'calendar/a.yaml' \(its delta chain does not end"
# ... in a pack with a version 1 index, and in a pack of an alternate
# object directory (a relative one): both read by libgit2, both guarded
fresh delta-cycle-idx1
blob=$(git rev-parse HEAD~1:calendar/a.yaml); rm -f "$(obj "$blob")"
python3 "$top/tests/mkpack.py" --idx1 .git "$blob" 0123456789abcdef0123456789abcdef01234567 >/dev/null
hist delta-cycle-idx1 2 "^strat: cannot read the blob $blob of 'calendar/a.yaml' \(its delta chain does not end"
fresh delta-cycle-alternate
blob=$(git rev-parse HEAD~1:calendar/a.yaml); rm -f "$(obj "$blob")"
rm -rf "$tmp/alt"; mkdir -p "$tmp/alt/objects/info"
python3 "$top/tests/mkpack.py" "$tmp/alt" "$blob" 0123456789abcdef0123456789abcdef01234567 >/dev/null
echo ../../../alt/objects > .git/objects/info/alternates
hist delta-cycle-alternate 2 "^strat: cannot read the blob $blob of 'calendar/a.yaml' \(its delta chain does not end"
# ---- commits strat cannot date.  A committer time of 23 digits: libgit2
# refuses the signature (git fsck: badDateOverflow), and it was a signed
# overflow under UBSan; a time outside the years 0001 to 9999 (git takes
# any): -9223372036854775808 overflowed the day arithmetic under UBSan,
# 253402300800 (year 10000) made periods of a wrapped year and '?' dates.
# HEAD~1 is rewritten by hand with the time, HEAD put back on top; every
# command that reads it names the commit, exit 2 (a damaged HEAD: week
# warns and shows the plan) ----
dated() { # dated TIME: HEAD~1 with that committer and author time
	x=$({ printf 'tree %s\nparent %s\n' "$(git rev-parse HEAD~1^{tree})" "$(git rev-parse HEAD~2)"
	      printf 'author Tester <tester@example.com> %s +0000\n' "$1"
	      printf 'committer Tester <tester@example.com> %s +0000\n\ntwo\n' "$1"; } |
	    git hash-object -t commit -w --stdin)
	c=$(GIT_COMMITTER_DATE=2026-07-21T12:00:00Z git commit-tree -p "$x" -m three "$(git rev-parse HEAD^{tree})")
	git update-ref refs/heads/main "$c"
}
fresh time-23-digits; dated 99999999999999999999999
bad="\(failed to parse signature - invalid Unix timestamp\); the repository is damaged: run 'git fsck'"
t time-23-digits-report 2 "^strat: cannot read the commit $x $bad" $S report --format csv
t time-23-digits-report-json 2 "^strat: cannot read the commit $x $bad" $S report --format json
t time-23-digits-lint-rev 2 "^strat: cannot read 'HEAD~1' $bad" $S lint --rev HEAD~1
t time-23-digits-diff 2 "^strat: cannot read 'HEAD~2' $bad" $S diff HEAD~2 HEAD~1
t time-23-digits-week 2 "^strat: cannot read the commit $x $bad" $S week --date 2026-07-13
work time-23-digits
git update-ref refs/heads/main "$x" # the damaged commit as HEAD
t time-23-digits-head 2 "^strat: cannot read 'HEAD' $bad" $S report
t time-23-digits-head-week 0 "^strat: warning: cannot read 'HEAD' $bad" $S week --date 2026-07-13
for when in -9223372036854775808 253402300800 -62135596801; do
	fresh "time$when"; dated "$when"
	range="^strat: the commit $x is dated $when seconds from 1970, outside the years 0001 to 9999"
	t "time$when-report" 2 "$range" $S report --format csv
	t "time$when-report-md" 2 "$range" $S report
	t "time$when-week" 2 "$range" $S week --date 2026-07-13
	# lint --rev and diff read the commits' trees, never their times
	t "time$when-lint-rev" 0 "0 errors, 1 warning in 4 files" $S lint --rev HEAD~1
	t "time$when-diff" 0 "plan changes: 1 shipped" $S diff HEAD~2 HEAD~1
done
# ---- a calendar directory nested 40 and 2,040 levels: history stops
# with a limit error (was a stack overflow at 2,040); lint --rev reports
# it like the work tree does (limit-exceeded), not silently, and so does
# diff (a new lint finding: exit 1 with --check) ----
for depth in 40 2040; do
	fresh "deep$depth"
	d=$(git rev-parse HEAD:calendar/a.yaml)
	tree=$(printf '100644 blob %s\ta.yaml\n' "$d" | git mktree)
	# the nesting: each tree holds the one before as 'x' (written as
	# git mktree would, in one process: 2,040 runs of it are slow)
	tree=$(python3 - "$tree" "$depth" <<'P'
import hashlib, os, sys, zlib
tid, n = bytes.fromhex(sys.argv[1]), int(sys.argv[2])
for _ in range(n):
    body = b"40000 x\0" + tid
    raw = b"tree %d\0" % len(body) + body
    tid = hashlib.sha1(raw).digest()
    h = tid.hex()
    os.makedirs(".git/objects/" + h[:2], exist_ok=True)
    with open(".git/objects/%s/%s" % (h[:2], h[2:]), "wb") as f:
        f.write(zlib.compress(raw))
print(tid.hex())
P
)
	[ "$(git rev-parse "$tree:$(i=1; p=x; while [ $i -lt $depth ]; do p=$p/x; i=$((i + 1)); done; echo $p)/a.yaml")" = "$d" ] &&
	    ok || { name=deep$depth-built; no "git does not read the nesting"; }
	cal=$(git ls-tree HEAD:calendar | { cat; printf '040000 tree %s\tdeep\n' "$tree"; } | git mktree)
	root=$(git ls-tree HEAD | grep -v '	calendar$' | { cat; printf '040000 tree %s\tcalendar\n' "$cal"; } | git mktree)
	c=$(GIT_COMMITTER_DATE=2026-07-25T12:00:00Z git commit-tree -p HEAD -m deep "$root")
	git update-ref refs/heads/main "$c"
	t deep$depth-report 2 "^strat: 'calendar/deep(/x)+' is nested more than 32 directories below the calendar directory" $S report
	t deep$depth-report-json 2 "nested more than 32 directories" $S report --format json
	t deep$depth-lint-rev 1 "^calendar/deep(/x)+/: error: directory not read: deeper than 32 levels .*\[limit-exceeded\]" $S lint --rev HEAD
	t deep$depth-diff 0 "^  calendar/deep(/x)+/: error: directory not read: deeper than 32 levels .*\[limit-exceeded\]" $S diff HEAD~1 HEAD
	t deep$depth-diff-check 1 "needs attention: 1 new lint error" $S diff --check HEAD~1 HEAD
	# a past check-in reads the plan as committed then: the directory
	# it could not read is said, as lint's errors of today's plan are
	t deep$depth-week-past 0 "^strat: warning: the plan has 1 error \(in calendar/deep(/x)+/\); 'strat lint --rev [0-9a-f]{7}' shows it" $S week --date 2026-08-03
done
# ---- partial clones: the object is on the promisor remote, and strat
# does not fetch: said so, naming the object and the path ----
git -C "$tmp/pristine" config uploadpack.allowFilter true
for f in blob:none tree:0 tree:1; do
	n=partial-$(echo "$f" | tr -d :)
	rm -rf "$tmp/$n"
	git clone -q --filter=$f "file://$tmp/pristine" "$tmp/$n" 2>/dev/null
	cd "$tmp/$n" || exit 2
	hist "$n" 2 "^strat: the (blob|tree) [0-9a-f]{40} of '[^']*' is not in this partial clone .*strat does not fetch"
done
t partial-blobnone-path 2 "^strat: the blob [0-9a-f]{40} of 'calendar/a.yaml' is not in this partial clone" $S -C "$tmp/partial-blobnone" report
# ---- a shallow boundary: the history ends early, and strat says so ----
rm -rf "$tmp/shallow"
git clone -q --depth 2 "file://$tmp/pristine" "$tmp/shallow" 2>/dev/null
cd "$tmp/shallow" || exit 2
t shallow-report 0 "^strat: warning: shallow clone: history read stops at commit [0-9a-f]+ \(2026-07-11\)" $S report --format csv
t shallow-report-json 0 '"shallow": true' $S report --format json
t shallow-lint-rev 0 "0 errors, 1 warning" $S lint --rev HEAD~1
t shallow-diff 2 "^strat: " $S diff HEAD~2 HEAD~1
t shallow-week 0 "" $S week --date 2026-07-13
# ---- replaced and grafted commits: strat reads the commits as written,
# with a warning (libgit2 1.5 applies neither) ----
fresh replaced; git replace --graft HEAD~1
t replaced-report 0 "^strat: warning: the repository replaces objects \(refs/replace\): strat reads the commits as written" $S report --format csv
same replaced-report-numbers "$tmp/report.csv" $S report --format csv
t replaced-lint-rev 0 "replaces objects" $S lint --rev HEAD~1
t replaced-diff 0 "replaces objects" $S diff HEAD~2 HEAD~1
t replaced-week 0 "replaces objects" $S week --date 2026-07-13
fresh grafted; git rev-parse HEAD~1 > .git/info/grafts
t grafted-report 0 "^strat: warning: the repository has grafts \(info/grafts\)" $S report --format csv
same grafted-report-numbers "$tmp/report.csv" $S report --format csv
# ---- a SHA-256 repository: refused, saying why ----
rm -rf "$tmp/sha256"; mkdir "$tmp/sha256"; cd "$tmp/sha256" || exit 2
git init -q --object-format=sha256 . && cp -R "$tmp/pristine/calendar" "$tmp/pristine/"*.yaml . && commit 2026-07-01 one
sha="^strat: cannot open the repository: it names objects with SHA-256 \(extensions.objectFormat\)"
t sha256-report 2 "$sha" $S report
t sha256-lint-rev 2 "$sha" $S lint --rev HEAD
t sha256-lint-staged 2 "$sha" $S lint --staged
t sha256-diff 2 "$sha" $S diff HEAD
t sha256-hook 2 "$sha" $S hook install
t sha256-lint 0 "0 errors, 1 warning in 4 files" $S lint
t sha256-week 0 "SHA-256" $S week --date 2026-07-13
# ---- a submodule and an intent-to-add entry under a calendar glob: not
# plan files (git commits neither as one) ----
rm -rf "$tmp/sub"; mkdir "$tmp/sub"; cd "$tmp/sub" || exit 2
git init -q . && cp "$tmp/pristine/calendar/a.yaml" x.yaml && commit 2026-07-01 sub
fresh submodule
git submodule add -q "$tmp/sub" calendar/vendor 2>/dev/null
printf 'kind: calendar\nversion: 1\nitems: []\n' > calendar/new.yaml; git add -N calendar/new.yaml
t submodule-lint-staged 0 "0 errors, 1 warning in 4 files" $S lint --staged
t submodule-lint 0 "0 errors, 1 warning in 5 files" $S lint
git commit -q -m "submodule" >/dev/null 2>&1
t submodule-lint-rev 0 "0 errors, 1 warning in 4 files" $S lint --rev HEAD
t submodule-report 0 "^2026-Q3,.*,2,2,0,0,0,0,0,1.0000" $S report --format csv
# ---- too few file descriptors: 300 packs under 'ulimit -n 64' (a pack
# libgit2 could not open read as a missing object) ----
fresh fds; tip=$(git rev-parse HEAD~1)
i=0; while [ $i -lt 100 ]; do
	printf '# %d\n' $i >> README; git add README
	GIT_COMMITTER_DATE=2026-07-22T12:00:00Z git commit -q -m "r$i"
	i=$((i + 1))
done
git rev-list --objects --all | cut -d' ' -f1 > "$tmp/objs"
while read -r o; do echo "$o" | git pack-objects -q .git/objects/pack/pack >/dev/null; done < "$tmp/objs"
git prune-packed
name=fds-packs; n=$(ls .git/objects/pack/*.pack | wc -l)
[ "$n" -ge 300 ] && ok || no "only $n packs"
same fds-report "$tmp/report.csv" sh -c "ulimit -n 64 && exec $S report --format csv"
same fds-lint-rev "$tmp/lint-rev.txt" sh -c "ulimit -n 64 && exec $S lint --rev $tip"
echo "$pass passed, $fail failed"
