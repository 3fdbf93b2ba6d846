#!/bin/sh
# tests/suite-limits.sh - every documented limit (spec/SPEC.md, "Limits")
# is hit by a generated plan and gives a diagnostic naming the file and the
# limit, and exit 1.  No run may hang: each is stopped after 120 s (and
# then fails on its exit status).  The time each took is printed beside
# what it should take, not asserted: speed is measured by make bench.
# The largest inputs (64 MiB, 4,000,000 nodes, 1,000,000 items, 10,000
# files) run in the plain build only: they are skipped under
# valgrind (STRAT_WRAP set) and in the sanitizer pass of make check
# (STRAT_TEST_SLOW=1, a test-only variable), where they take minutes.
top=$(cd "$(dirname "$0")/.." && pwd)
: "${STRAT:=$top/build/strat}"
S="$STRAT_WRAP $STRAT"
pass=0; fail=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# plan DIR: a minimal valid plan with the item rules that every generated
# item would trip turned off.
plan() {
	rm -rf "$1"; mkdir -p "$1/calendar"
	printf 'strat: 1\nrules:\n  missing-field: off\n  item-owner-missing: off\n  item-anchor-missing: off\n' > "$1/strat.yaml"
	printf 'kind: strategy\nversion: 1\ntitle: t\nowner: a\n' > "$1/strategy.yaml"
}
# expect NAME EXIT PATTERN SECONDS -- CMD...: run CMD in $d; check exit
# status and that the output matches PATTERN (grep -E); SECONDS is what it
# should take, printed beside the time taken.
expect() {
	name=$1 want=$2 pat=$3 max=$4; shift 5
	t0=$(date +%s)
	out=$(cd "$d" && timeout 120 "$@" 2>&1); rc=$?
	t=$(( $(date +%s) - t0 ))
	if [ "$rc" != "$want" ]; then
		fail=$((fail + 1)); echo "FAIL $name: exit $rc, want $want"
		printf '%s\n' "$out" | cut -c1-200 | head -n 10
	elif ! printf '%s\n' "$out" | grep -Eq -- "$pat"; then
		fail=$((fail + 1)); echo "FAIL $name: no line matching '$pat'"
		printf '%s\n' "$out" | cut -c1-200 | head -n 10
	else
		pass=$((pass + 1)); echo "ok   $name (${t}s; expected under ${max}s)"
	fi
}
big() { # big NAME: true when the large cases run
	if [ -n "$STRAT_WRAP$STRAT_TEST_SLOW" ]; then
		echo "skip $1 (slow build)"; return 1
	fi
}
cal() { printf 'kind: calendar\nversion: 1\n'; }

# 64 MiB per file (a sparse file: the size is checked before reading)
d=$tmp/size; plan "$d"
if big file-size; then
	cal > "$d/calendar/big.yaml"; truncate -s 67108865 "$d/calendar/big.yaml"
	expect file-size 1 '^calendar/big.yaml: error: file is larger than 67108864 bytes \[limit-exceeded\]' 10 -- $S lint
fi
# ... and as a git blob: told by its size, not inflated; loose and packed
# (libgit2 reads the object's header, git_odb_read_header, in both)
d=$tmp/size-git; plan "$d"
if big file-size-blob; then
	cal > "$d/calendar/big.yaml"; truncate -s 67108865 "$d/calendar/big.yaml"
	(cd "$d" && git init -q . && git add -A &&
	    git -c user.name=t -c user.email=t@e commit -q -m big) >/dev/null 2>&1
	expect file-size-blob-loose 1 '^calendar/big.yaml: error: file is larger than 67108864 bytes \[limit-exceeded\]' 10 -- $S lint --rev HEAD
	(cd "$d" && git repack -q -a -d && git prune-packed) >/dev/null 2>&1
	expect file-size-blob-packed 1 '^calendar/big.yaml: error: file is larger than 67108864 bytes \[limit-exceeded\]' 10 -- $S lint --rev HEAD
fi
d=$tmp/size-ok; plan "$d"
if big file-size-at-limit; then
	{ cal; printf 'notes: "'; } > "$d/calendar/big.yaml"
	truncate -s 67108864 "$d/calendar/big.yaml"
	expect file-size-at-limit 1 'calendar/big.yaml:3:9: error: .*(scalar|NUL)' 20 -- $S lint
fi

# nesting depth 64: the spec's example, and 100,000 '[' stopped early
d=$tmp/depth; plan "$d"
{ cal; printf 'items: '; awk 'BEGIN{for(i=0;i<64;i++) printf "["; for(i=0;i<64;i++) printf "]"; print ""}'; } > "$d/calendar/q2.yaml"
expect depth 1 '^calendar/q2.yaml:3:71: error: nesting depth exceeds the limit of 64 \[limit-exceeded\]' 5 -- $S lint
{ cal; printf 'items: '; awk 'BEGIN{for(i=0;i<63;i++) printf "["; for(i=0;i<63;i++) printf "]"; print ""}'; } > "$d/calendar/q2.yaml"
expect depth-at-limit 0 '^no limit$' 5 -- sh -c "$S lint | grep -q limit-exceeded || echo no limit"
{ cal; printf 'items: '; awk 'BEGIN{for(i=0;i<100000;i++) printf "["; print ""}'; } > "$d/calendar/q2.yaml"
expect depth-100000 1 'calendar/q2.yaml:3:71: error: nesting depth exceeds the limit of 64' 3 -- $S lint

# 4,000,000 nodes per file: the mapping, 5 scalars and the sequence of
# the header, then 3,999,993 elements
d=$tmp/nodes; plan "$d"
if big nodes; then
	{ cal; printf 'items: ['; awk 'BEGIN{for(i=0;i<3999993;i++) printf "1,"; print "1]"}'; } > "$d/calendar/n.yaml"
	expect nodes 1 '^calendar/n.yaml:3:7999995: error: file has more than 4000000 yaml nodes \[limit-exceeded\]' 15 -- $S lint
	{ cal; printf 'items: ['; awk 'BEGIN{for(i=0;i<3999992;i++) printf "1,"; print "1]"}'; } > "$d/calendar/n.yaml"
	expect nodes-at-limit 0 '^no node limit$' 15 -- sh -c "$S lint | grep -q 'yaml nodes' || echo no node limit"
fi

# 1 MiB per scalar
d=$tmp/scalar; plan "$d"
{ cal; printf 'notes: '; awk 'BEGIN{for(i=0;i<1048577;i++) printf "x"; print ""}'; } > "$d/calendar/s.yaml"
expect scalar 1 '^calendar/s.yaml:3:8: error: scalar longer than 1048576 bytes \[limit-exceeded\]' 5 -- $S lint
{ cal; printf 'title: '; awk 'BEGIN{for(i=0;i<1048576;i++) printf "x"; print ""}'; } > "$d/calendar/s.yaml"
expect scalar-at-limit 0 '^ok: ' 5 -- $S lint

# aliases are rejected outright: no expansion at all (billion laughs)
d=$tmp/alias; plan "$d"
{ cal; printf 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n'; } > "$d/calendar/lol.yaml"
expect alias 1 "^calendar/lol.yaml:3:4: error: yaml anchor '&a' is not allowed in plan files \[yaml-alias\]" 3 -- $S lint

# 1,000,000 items per plan
d=$tmp/items; plan "$d"
if big items; then
	{ cal; echo 'items:'; awk 'BEGIN{for(i=0;i<1000001;i++) print "- {}"}'; } > "$d/calendar/i.yaml"
	expect items 1 '^calendar/i.yaml:1000004:3: error: plan has more than 1000000 items \[limit-exceeded\]' 15 -- $S lint
	{ cal; echo 'items:'; awk 'BEGIN{for(i=0;i<1000000;i++) print "- {}"}'; } > "$d/calendar/i.yaml"
	expect items-at-limit 0 '^ok: ' 15 -- $S lint
fi

# 10,000 calendar files
d=$tmp/files; plan "$d"
if big files; then
	awk 'BEGIN{for(i=0;i<10001;i++){f=sprintf("'"$d"'/calendar/c%05d.yaml",i); print "kind: calendar\nversion: 1" > f; close(f)}}'
	expect files 1 '^calendar/c10000.yaml: error: more than 10000 calendar files; the rest are not read \[limit-exceeded\]' 15 -- $S lint
	rm "$d/calendar/c10000.yaml"
	expect files-at-limit 0 '^ok: 10002 files' 15 -- $S lint
fi

# 1024 bytes per path
d=$tmp/path; plan "$d"
long=calendar; for i in 1 2 3 4 5 6; do long=$long/$(printf '%0200d' "$i"); done
mkdir -p "$d/$long"; cal > "$d/$long/x.yaml"
expect path 1 "^$long/x.yaml: error: path longer than 1024 bytes is skipped \[limit-exceeded\]" 5 -- $S lint

# directories deeper than 32 levels are not read, and said so (as are
# directories that cannot be opened)
d=$tmp/deep; plan "$d"
deep=calendar; for i in $(seq 1 33); do deep=$deep/d$i; done
mkdir -p "$d/$deep"; cal > "$d/$deep/x.yaml"
expect dir-depth 1 "^${deep%/d33}/: error: directory not read: deeper than 32 levels below the plan, or unreadable \[limit-exceeded\]" 5 -- $S lint

# globs: no exponential matching
d=$tmp/glob; plan "$d"
printf 'strat: 1\ncalendars: ["*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b"]\n' > "$d/strat.yaml"
touch "$d/$(printf '%0250d' 0 | tr 0 a)"
expect glob-exponential 1 'calendar-glob-empty' 3 -- $S lint

# history walked: --max-commits N stops the walk and the report says so
d=$tmp/history; plan "$d"; { cal; echo "items: []"; } > "$d/calendar/a.yaml"
(cd "$d" && git init -q . && for i in 1 2 3 4 5; do
	printf '# %s\n' "$i" >> strat.yaml; git add -A
	GIT_AUTHOR_DATE="2026-07-0${i}T12:00:00Z" \
	GIT_COMMITTER_DATE="2026-07-0${i}T12:00:00Z" \
	    git -c user.name=T -c user.email=t@example.com commit -q -m "c$i"
done)
expect max-commits 0 'max-commits reached' 5 -- $S report --max-commits 2 --format md
expect max-commits-zero 2 'max-commits wants a positive' 5 -- $S report --max-commits 0

echo "$pass passed, $fail failed"
