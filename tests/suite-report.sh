#!/bin/sh
# tests/suite-report.sh - strat report on repositories built here with fixed
# dates, each asserting exact numbers (spec/SPEC.md, section 14).  Every
# report is also produced with reuse off (--no-reuse) and must be
# byte for byte the same.
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib-report.sh"

# The contract (SPEC section 14): by default, the measures added beside
# it (grace window, overdue, breakdowns per period, --as-of, flow,
# staleness, why, KPIs) change no existing number.  For every repository
# of this suite, as it stands when the next one is begun, the Periods
# table of the Markdown report, the JSON's per-period figures ('periods',
# and 'by', their totals) and the CSV must be byte for byte
# tests/report-contract.expected, written by strat before those measures
# (commit 05b88e2, main with the one JSON writer) and changed only on
# purpose: CONTRACT_UPDATE=1 rewrites it.
contract=$tmp/contract.out
crepo=
contract_add() { # NEXT: record the current repository, then NEXT's name
	[ -n "$crepo" ] || { crepo=$1; return 0; }
	{
		echo "== $crepo"
		$S report 2>/dev/null | sed -n '/^## Periods$/,/^## /p' |
		    sed '$d'
		echo "-- json"
		$S report --format json 2>/dev/null | awk '
		    /^  "periods": \[/ { on = 1 }
		    /^  "(slips|items|kpis|measures)"/ || /^}$/ { on = 0 }
		    on'
		echo "-- csv"
		$S report --format csv 2>/dev/null | tr -d '\r'
	} >> "$contract"
	crepo=$1
}
on_newrepo='contract_add'

# ---- every category ----
newrepo categories
{ hdr; item a1 "One" 2026-01-10 planned; item a2 "Two" 2026-02-10 planned
  item a3 "Three" 2026-03-10 planned; item a4 "Four" 2026-03-20 planned
  item a5 "Five" 2026-03-25 planned; } > calendar/q1.yaml
commit 2025-12-20 "plan q1"
{ hdr; item a1 "One" 2026-01-10 shipped 2026-01-11
  item a2 "Two" 2026-04-10 planned; item a3 "Three" 2026-03-10 dropped
  item a4 "Four" 2026-03-20 in-progress
  item u1 "Unplanned" 2026-02-01 shipped; } > calendar/q1.yaml
commit 2026-02-01 "progress"
expect_row 2025-Q4 "0,0,0,0,0,0,0"
# a1 shipped, a2 slipped, a3 dropped, a5 silently deleted (dropped),
# a4 missed, u1 unplanned
expect_row 2026-Q1 "5,1,1,2,1,0,1"
expect_row 2026-Q2 "1,0,0,0,1,0,0"
out=$($S report --format csv | tr -d "\r")
expect_grep '^2026-Q1,2026-01-01,2026-03-31,false,5,1,1,2,1,0,1,0.2000' "$out"
expect_grep '^2026-Q3,2026-07-01,2026-09-30,true,0,0,0,0,0,0,0,$' "$out"
out=$($S report --format json)
expect_grep '"baseline": "first-commit"' "$out"
expect_grep '{"id": "a5", "category": "dropped"' "$out"
expect_grep '"event": "removed"' "$out"
expect_grep '"event": "date", .*"from": "2026-02-10", "to": "2026-04-10", "days": 59' "$out"
out=$($S report)
expect_grep '| 2026-Q1 | 5 | 1 | 1 | 2 | 1 | 0 | 1 | 20% |' "$out"
expect_grep 'removed from the plan' "$out"
out=$($S report --period month --format csv)
expect_grep '^2026-02,2026-02-01,2026-02-28,false,1,0,1,0,0,0,1,0.0000' "$out"
out=$($S report --by owner --format csv)
expect_grep '^2026-Q1,2026-01-01,2026-03-31,false,ann,5,1,1,2,1,0,1,0.2000' "$out"
expect_same

# ---- moved between files; a slip across two periods ----
newrepo moves
{ hdr; item m1 "Moves" 2026-02-01 planned; item s1 "Slips" 2026-03-01 planned; } > calendar/a.yaml
commit 2025-12-01 "plan"
{ hdr; item s1 "Slips" 2026-05-01 planned; } > calendar/a.yaml
{ hdr; item m1 "Moves" 2026-02-01 planned; } > calendar/b.yaml
commit 2026-01-15 "move m1 to b, slip s1 into q2"
{ hdr; item m1 "Moves" 2026-02-01 shipped; } > calendar/b.yaml
commit 2026-02-02 "ship m1"
{ hdr; item s1 "Slips" 2026-08-01 planned; } > calendar/a.yaml
commit 2026-05-15 "slip s1 into q3"
expect_row 2026-Q1 "2,1,1,0,0,0,0"
expect_row 2026-Q2 "1,0,1,0,0,0,0"
# s1 is still dated inside Q3, which is not over (today 2026-09-15): open
expect_row 2026-Q3 "1,0,0,0,0,1,0"
out=$($S report --format json)
expect_grep '"event": "moved", .*"from": "calendar/a.yaml", "to": "calendar/b.yaml"' "$out"
expect_grep '{"id": "s1", "slips": 2, "days": 153, "from": "2026-03-01", "to": "2026-08-01"}' "$out"
expect_same

# ---- a broken YAML commit: the last good version stands ----
newrepo broken
{ hdr; item b1 "Kept" 2026-02-01 planned; item b2 "Other" 2026-02-03 planned; } > calendar/q1.yaml
commit 2025-12-01 "plan"
{ hdr; printf '  - id: b1\n    title: [unclosed\n'; } > calendar/q1.yaml
commit 2026-01-10 "broken"
{ hdr; item b1 "Kept" 2026-02-01 shipped; item b2 "Other" 2026-02-03 planned; } > calendar/q1.yaml
commit 2026-03-01 "fixed"
expect_row 2026-Q1 "2,1,0,0,1,0,0"
out=$($S report 2>&1 >/dev/null)
bad=$(git rev-parse --short=12 HEAD~1)
expect_grep "strat: warning: commit $bad: calendar/q1.yaml:[0-9]*:[0-9]*: .*; the previous version stands" "$out"
out=$($S report --format json)
expect_grep '"warnings": \[' "$out"
expect_grep '"file": "calendar/q1.yaml", "line": ' "$out"
expect_same

# ---- non-monotonic commit dates ----
newrepo clock
{ hdr; item n1 "Late" 2026-03-15 planned; } > calendar/q1.yaml
commit 2025-12-01 "plan"
echo x > notes.txt; commit 2026-04-02 "after the quarter"
{ hdr; item n1 "Late" 2026-03-15 shipped; } > calendar/q1.yaml
commit 2026-02-01 "ship, with a clock in the past"
# the shipping commit counts at its parent's time (April): missed in Q1
expect_row 2026-Q1 "1,0,0,0,1,0,0"
out=$($S report --format json)
expect_grep '"event": "status", "commit": "[0-9a-f]*", "time": "2026-04-02T12:00:00Z"' "$out"
expect_same

# ---- merges: first parent only ----
newrepo merges
{ hdr; item g1 "Merged late" 2026-03-10 planned; } > calendar/q1.yaml
commit 2025-12-01 "plan"
git checkout -q -b side
{ hdr; item g1 "Merged late" 2026-03-10 shipped; } > calendar/q1.yaml
commit 2026-03-10 "ship on a branch"
git checkout -q main
echo y > other.txt; commit 2026-03-20 "unrelated on main"
GIT_AUTHOR_DATE=2026-04-03T12:00:00Z GIT_COMMITTER_DATE=2026-04-03T12:00:00Z \
    git merge -q --no-ff -m "merge side" side
expect_row 2026-Q1 "1,0,0,0,1,0,0"
out=$($S report --format json)
expect_grep '"commits": 3, "plan_commits": 2' "$out"
expect_same

# ---- a config change moves the calendar glob ----
newrepo glob
{ hdr; item c1 "Stays" 2026-02-01 planned; item c2 "Ships" 2026-02-05 planned; } > calendar/q1.yaml
commit 2025-12-01 "plan"
mkdir plans; git mv calendar/q1.yaml plans/q1.yaml
printf 'strat: 1\ncalendars:\n  - plans/*.yaml\n' > strat.yaml
commit 2026-01-10 "move the calendar"
{ hdr; item c1 "Stays" 2026-02-01 planned; item c2 "Ships" 2026-02-05 shipped; } > plans/q1.yaml
commit 2026-02-10 "ship c2"
expect_row 2026-Q1 "2,1,0,0,1,0,0"
out=$($S report --format json)
expect_grep '"event": "moved", .*"from": "calendar/q1.yaml", "to": "plans/q1.yaml"' "$out"
expect_same

# ---- a period not over: open, not missed ----
newrepo partial
{ hdr; item p1 "Ships" 2026-07-10 planned; item p2 "Open" 2026-09-30 planned
  item p3 "Overdue" 2026-08-10 planned; item p4 "Early" 2026-07-20 planned; } > calendar/q3.yaml
commit 2026-06-20 "plan q3"
{ hdr; item p1 "Ships" 2026-07-10 shipped; item p2 "Open" 2026-09-30 planned
  item p3 "Overdue" 2026-08-10 in-progress; item p4 "Early" 2026-06-25 planned; } > calendar/q3.yaml
commit 2026-07-11 "progress"
# today 2026-09-15: p2 and p3 still dated in Q3 (p3 overdue, yet the
# quarter is not over) are open; p4, re-dated before Q3, is missed
expect_row 2026-Q3 "4,1,0,0,1,2,0"
out=$($S report)
expect_grep '2026-Q3 (in progress): 1 of 4 shipped so far, 2 open (\*\*25%\*\*)' "$out"
expect_grep '| 2026-Q3 (partial) | 4 | 1 | 0 | 0 | 1 | 2 | 0 | 25% |' "$out"
out=$($S report --format json)
expect_grep '"missed": 1, "open": 2, "unplanned": 0' "$out"
expect_grep '{"id": "p2", "category": "open"' "$out"
out=$($S report --format csv | tr -d "\r")
expect_grep '^period,start,end,partial,committed,shipped,slipped,dropped,missed,open,unplanned,rate$' "$out"
out=$($S report --format html)
expect_grep '<th[^>]*>open</th>' "$out"
# once the quarter is over, they are missed
today=$STRAT_TODAY; export STRAT_TODAY=2026-10-05
expect_row 2026-Q3 "4,1,0,0,3,0,0"
STRAT_TODAY=$today
expect_same

# ---- a plan in a subdirectory of the repository ----
newrepo subdir
rm -rf calendar; mkdir -p src mkt/plan/calendar
echo 'int x;' > src/a.c
printf 'strat: 1\ncalendars:\n  - calendar/*.yaml\n' > mkt/plan/strat.yaml
{ hdr; item s1 "Ships" 2026-02-01 planned; item s2 "Slips" 2026-03-01 planned; } > mkt/plan/calendar/q1.yaml
commit 2025-12-01 "plan in a subdirectory"
echo 'int y;' > src/a.c; commit 2026-01-05 "unrelated"
{ hdr; item s1 "Ships" 2026-02-01 shipped; item s2 "Slips" 2026-04-10 planned; } > mkt/plan/calendar/q1.yaml
commit 2026-02-02 "ship s1, slip s2"
# from the top: no strat.yaml above the current directory, no plan there
expect_exit 2 $S report
# from the plan directory or below it, or with -C: that plan, followed
# through history; paths relative to the plan directory
cd mkt/plan/calendar
expect_row 2026-Q1 "2,1,1,0,0,0,0"
out=$($S report --format json)
expect_grep '"commits": 3, "plan_commits": 2' "$out"
expect_grep '"file": "calendar/q1.yaml"' "$out"
expect_same
cd "$tmp/subdir"
out=$($S -C mkt/plan report --format csv | tr -d "\r")
expect_grep '^2026-Q1,2026-01-01,2026-03-31,false,2,1,1,0,0,0,0,0.5000' "$out"

# ---- reuse: only changed items are parsed ----
newrepo reuse
{ hdr; item r1 "One" 2026-01-10 planned; item r2 "Two" 2026-02-10 planned
  item r3 "Three" 2026-03-10 planned; } > calendar/q1.yaml
commit 2025-12-01 "plan"
{ hdr; item r1 "One" 2026-01-10 shipped; item r2 "Two" 2026-02-10 planned
  item r3 "Three" 2026-03-10 planned; } > calendar/q1.yaml
commit 2026-01-11 "ship r1"
{ hdr; item r1 "One" 2026-01-10 shipped; item r2 "Two" 2026-02-10 planned
  item r3 "Three" 2026-03-10 planned; item r4 "Four" 2026-03-12 planned; } > calendar/q1.yaml
commit 2026-01-12 "add r4"
out=$(STRAT_REPORT_STATS=1 $S report 2>&1 >/dev/null)
# parsed: the first version whole (its items' places recorded), then
# r1 shipped, r4; reused: r2 r3, then r1 r2 r3
expect_grep '^strat: reuse: 1 files parsed whole, 2 chunks parsed, 5 chunks and 0 files reused$' "$out"
expect_row 2026-Q1 "3,1,0,0,2,0,0"
expect_same

# ---- reuse whatever the list's indentation ----
# The split follows where the parse of the version before saw the items:
# dashes at column 0 ("- id:" under "items:", as PyYAML writes), 2 or 4
# reuse alike; a change of style, and a flow list, are parsed whole.
itemi() { # COL ID TITLE DATE STATUS: an item whose dash is at column COL
	p=$(printf '%*s' "$1" ''); q="$p  "
	printf '%s- id: %s\n%stitle: "%s"\n%sanchor: q1-a\n%sowner: ann\n' \
	    "$p" "$2" "$q" "$3" "$q" "$q"
	printf '%schannel: blog\n%sdate: %s\n%sstatus: %s\n' \
	    "$q" "$q" "$4" "$q" "$5"
}
for col in 0 2 4; do
	newrepo "indent-$col"
	{ hdr; itemi $col i1 One 2026-01-10 planned
	  itemi $col i2 Two 2026-02-10 planned
	  itemi $col i3 Three 2026-03-10 planned; } > calendar/q1.yaml
	commit 2026-01-02 plan
	{ hdr; itemi $col i1 One 2026-01-10 in-progress
	  itemi $col i2 Two 2026-02-10 planned
	  itemi $col i3 Three 2026-03-10 planned; } > calendar/q1.yaml
	commit 2026-01-11 "start i1"
	{ hdr; itemi $col i1 One 2026-01-10 in-progress
	  itemi $col i2 Two 2026-02-10 planned
	  itemi $col i3 Three 2026-03-20 planned; } > calendar/q1.yaml
	commit 2026-01-12 "move i3"
	out=$(STRAT_REPORT_STATS=1 $S report 2>&1 >/dev/null)
	# the first version whole; then i1 and i3 parsed, the others reused
	expect_grep '^strat: reuse: 1 files parsed whole, 2 chunks parsed, 4 chunks and 0 files reused$' "$out"
	expect_row 2026-Q1 "3,0,0,0,3,0,0"
	expect_same
	# reformatted to another column: parsed whole, then reused again
	c2=$(( (col + 2) % 6 ))
	{ hdr; itemi $c2 i1 One 2026-01-10 in-progress
	  itemi $c2 i2 Two 2026-02-10 planned
	  itemi $c2 i3 Three 2026-03-20 planned; } > calendar/q1.yaml
	commit 2026-01-13 "reformat"
	{ hdr; itemi $c2 i1 One 2026-01-10 in-progress
	  itemi $c2 i2 Two 2026-02-12 planned
	  itemi $c2 i3 Three 2026-03-20 planned; } > calendar/q1.yaml
	commit 2026-01-14 "move i2"
	out=$(STRAT_REPORT_STATS=1 $S report 2>&1 >/dev/null)
	expect_grep '^strat: reuse: 2 files parsed whole, 3 chunks parsed, 6 chunks and 0 files reused$' "$out"
	expect_row 2026-Q1 "3,0,0,0,3,0,0"
	expect_same
done
newrepo flow
flow() { # I1-STATUS: a flow list of two items
	printf 'kind: calendar\nversion: 1\nitems: [\n'
	printf '  {id: f1, title: One, anchor: q1-a, owner: ann, channel: blog, date: 2026-01-10, status: %s},\n' "$1"
	printf '  {id: f2, title: Two, anchor: q1-a, owner: ann, channel: blog, date: 2026-02-10, status: planned}]\n'
}
flow planned > calendar/q1.yaml; commit 2026-01-02 plan
flow in-progress > calendar/q1.yaml; commit 2026-01-03 "start f1"
out=$(STRAT_REPORT_STATS=1 $S report 2>&1 >/dev/null)
expect_grep '^strat: reuse: 2 files parsed whole, 0 chunks parsed, 0 chunks and 0 files reused$' "$out"
expect_row 2026-Q1 "2,0,0,0,2,0,0"
expect_same

# ---- reuse: a version split by the pieces of the one before ----
# Edits that put the unchanged start and end of a file to the test: no
# newline at the end, then an item after it; comments and blank lines
# between items; identical items; the header changed; a line that makes
# the split uncertain (the whole file is parsed); the items reordered.
newrepo splits
{ hdr; item s1 "One" 2026-01-10 planned; item s2 "Two" 2026-02-10 planned; } |
    head -c -1 > calendar/q1.yaml
commit 2026-01-02 "no newline at the end"
{ hdr; item s1 "One" 2026-01-10 planned; item s2 "Two" 2026-02-10 planned
  item s3 "Three" 2026-03-10 planned; } > calendar/q1.yaml
commit 2026-01-03 "an item after it"
{ hdr; item s1 "One" 2026-01-10 planned; printf '\n  # a comment\n\n'
  item s2 "Two" 2026-02-10 planned; printf '    # indented\n'
  item s3 "Three" 2026-03-10 planned; } > calendar/q1.yaml
commit 2026-01-04 "comments between"
{ hdr; item s1 "One" 2026-01-10 planned; printf '\n  # a comment\n\n'
  item s2 "Two" 2026-02-10 shipped; printf '    # indented\n'
  item s3 "Three" 2026-03-10 planned; } > calendar/q1.yaml
commit 2026-01-05 "the middle changes"
{ hdr "renamed"; item s1 "One" 2026-01-10 planned; printf '\n  # a comment\n\n'
  item s2 "Two" 2026-02-10 shipped; printf '    # indented\n'
  item s3 "Three" 2026-03-10 planned; } > calendar/q1.yaml
commit 2026-01-06 "the header changes"
{ hdr "renamed"; item s1 "One" 2026-01-10 planned; printf 'stray: line\n'
  item s2 "Two" 2026-02-10 shipped; item s3 "Three" 2026-03-10 planned; } > calendar/q1.yaml
commit 2026-01-07 "a stray root key"
{ hdr "renamed"; item s3 "Three" 2026-03-10 planned; item s1 "One" 2026-01-10 planned
  item s2 "Two" 2026-02-10 shipped; } > calendar/q1.yaml
commit 2026-01-08 "reordered"
{ hdr "renamed"; item s3 "Three" 2026-03-10 planned; item s1 "One" 2026-01-10 shipped
  item s2 "Two" 2026-02-10 shipped; item s3 "Three" 2026-03-10 planned; } > calendar/q1.yaml
commit 2026-01-09 "a duplicate at the end"
{ hdr "renamed"; item s3 "Three" 2026-03-10 planned; item s1 "One" 2026-01-10 shipped
  item s2 "Two" 2026-02-10 shipped; item s3 "Three" 2026-03-10 planned
  item s4 "Four" 2026-03-20 planned; } > calendar/q1.yaml
commit 2026-01-10 "one more after the duplicate"
# baseline: the first commit (s1, s2 committed, both shipped by the end)
expect_row 2026-Q1 "2,2,0,0,0,0,0"
expect_same

# ---- edge cases: pulled in, re-dated earlier, shipped date after P ----
newrepo edges
{ hdr; item e1 "Pulled in" 2026-05-10 planned; item e2 "Earlier" 2026-02-10 planned
  item e3 "Late stamp" 2026-03-01 planned; item e4 "Overdue" 2025-12-15 planned; } > calendar/c.yaml
commit 2025-12-01 "plan"
{ hdr; item e1 "Pulled in" 2026-03-10 shipped; item e2 "Earlier" 2025-12-20 planned
  item e3 "Late stamp" 2026-03-01 shipped 2026-04-20; item e4 "Overdue" 2026-02-15 shipped; } > calendar/c.yaml
commit 2026-03-12 "changes"
# committed: e2 (missed: re-dated before P), e3 (shipped by status);
# unplanned: e1 (pulled in from Q2), e4 (overdue, re-dated into Q1)
expect_row 2026-Q1 "2,1,0,0,1,0,2"
expect_same

# ---- user text is inert ----
newrepo inert
{ hdr; item x1 'Pipe | <script>alert(1)</script> @team' 2026-02-01 planned; } > calendar/q1.yaml
commit 2025-12-01 "plan"
{ hdr; item x1 'Pipe | <script>alert(1)</script> @team' 2026-05-01 planned; } > calendar/q1.yaml
commit 2026-01-05 "slip"
out=$($S report)
expect_grep 'Pipe \\| ' "$out"
if printf '%s' "$out" | grep -q '@team'; then no "mention not broken"; else ok; fi
out=$($S report --format html)
if printf '%s' "$out" | grep -q '<script>'; then no "html injected"; else ok; fi
expect_grep '&lt;script&gt;' "$out"
expect_grep '<figure class="ch" id="ch-periods">' "$out"

# ---- errors, exit 2 ----
name=errors
mkdir -p "$tmp/plain"; cd "$tmp/plain"
expect_exit 2 $S report
out=$($S report 2>&1); expect_grep 'not a git repository' "$out"
newrepo empty
expect_exit 2 $S report
out=$($S report 2>&1); expect_grep 'empty' "$out"
echo hi > README; commit 2026-01-01 "readme"
expect_exit 2 $S report
out=$($S report 2>&1); expect_grep 'no plan files in the history' "$out"
expect_exit 2 $S report no-such-rev
out=$($S report no-such-rev 2>&1); expect_grep "unknown revision 'no-such-rev'" "$out"
expect_exit 2 $S report --period year
expect_exit 2 $S report --since 2026-13-01
# the edges of the calendar: a range that is empty, before 1900, after 9999
newrepo edges
{ hdr; item e1 "E" 2026-02-01 planned; } > calendar/q.yaml; commit 2025-12-01 plan
name=since-future
expect_exit 2 $S report --since 9999-12-31
out=$($S report --since 9999-12-31 2>&1); expect_grep "^strat: --since is after today (2026-09-15): there is nothing to measure" "$out"
name=since-0001
out=$($S report --since 0001-01-01 2>&1); expect_grep "^strat: --since '0001-01-01' is before 1900-01-01, the first day strat measures" "$out"
name=since-not-a-day
out=$($S report --until 2026-02-30 2>&1); expect_grep "^strat: --until '2026-02-30' is not a day of the calendar" "$out"
name=until-9999-week
out=$($S report --until 9999-12-31 --period week --format csv)
expect_grep '^9999-W52,9999-12-27,9999-12-31,true,' "$out"
# md and html hold every period in one document: past 5,000 periods an
# error, not gigabytes (cmark-gfm aborted the html past 1 GiB)
for f in md html; do
	name=until-9999-week-$f
	expect_exit 2 $S report --until 9999-12-31 --period week --format $f
	out=$($S report --until 9999-12-31 --period week --format $f 2>&1)
	expect_grep "^strat: the report has [0-9]* periods; --format $f shows at most 5000: narrow --since and --until" "$out"
done
name=until-2100-week-md
out=$($S report --until 2100-12-31 --period week --format md)
expect_grep '^### 2100-W52 (in progress)$' "$out"
if printf '%s\n' "$out" | grep -q '?'; then no "a '?' in a period"; else ok; fi

# ---- a shallow clone ----
newrepo deep
{ hdr; item d1 "Deep" 2026-02-01 planned; item d2 "Two" 2026-05-01 planned; } > calendar/q.yaml
commit 2025-12-01 "plan"
{ hdr; item d1 "Deep" 2026-02-01 shipped; item d2 "Two" 2026-05-01 planned; } > calendar/q.yaml
commit 2026-02-01 "ship d1"
{ hdr; item d1 "Deep" 2026-02-01 shipped; item d2 "Two" 2026-05-01 shipped; } > calendar/q.yaml
commit 2026-05-02 "ship d2"
cd "$tmp" && rm -rf shallow && git clone -q --depth 2 "file://$tmp/deep" shallow 2>/dev/null
cd "$tmp/shallow"; name=shallow
expect_exit 0 $S report
out=$($S report 2>&1 >/dev/null)
expect_grep 'shallow clone: history read stops at commit [0-9a-f]* (2026-02-01)' "$out"
expect_row 2026-Q1 "1,1,0,0,0,0,0"
expect_row 2026-Q2 "1,1,0,0,0,0,0"
out=$($S report --format json)
expect_grep '"truncated": true, "shallow": true' "$out"
expect_same
cd "$tmp/deep"; name=max-commits
out=$($S report --max-commits 1 2>&1 >/dev/null)
expect_grep 'max-commits reached' "$out"

# ---- nested directories: listings follow directories that come and go ----
newrepo nested
mkdir -p calendar/2026 calendar/.old calendar/node_modules
{ hdr; item n1 "Nested" 2026-02-01 planned; } > calendar/2026/q1.yaml
{ hdr; item h1 "Hidden" 2026-02-01 planned; } > calendar/.old/x.yaml
{ hdr; item h2 "Vendored" 2026-02-01 planned; } > calendar/node_modules/y.yaml
commit 2025-12-01 "plan"
mkdir -p calendar/2026/deep
{ hdr; item n2 "Deeper" 2026-02-05 planned; } > calendar/2026/deep/b.yaml
commit 2025-12-10 "a subdirectory in a subdirectory"
rm -r calendar/2026
{ hdr; item n1 "Nested" 2026-02-01 planned
  item n2 "Deeper" 2026-02-05 planned; } > calendar/q1.yaml
commit 2025-12-20 "flatten"
rm calendar/q1.yaml; mkdir -p calendar/2026
{ hdr; item n1 "Nested" 2026-02-01 shipped; } > calendar/2026/q1.yaml
commit 2026-01-10 "back in its directory, n2 dropped"
out=$($S report --format json)
expect_grep '"event": "moved", .*"from": "calendar/2026/deep/b.yaml", "to": "calendar/q1.yaml"' "$out"
expect_grep '"event": "moved", .*"from": "calendar/q1.yaml", "to": "calendar/2026/q1.yaml"' "$out"
if printf '%s\n' "$out" | grep -q '"h[12]"'; then
	no "hidden or node_modules calendar read"; else ok; fi
expect_row 2026-Q1 "2,1,0,1,0,0,0"
expect_same

# ---- commit text from git in its declared encoding: an author and a
# message written in ISO-8859-1 with i18n.commitEncoding (the commit's
# 'encoding' header) read as "José" and "Livré", as git log shows them;
# bytes that are not UTF-8 in a commit that declares no encoding become
# U+FFFD.  Every format is valid UTF-8 (the 0xE9 byte reached JSON raw) ----
newrepo encoding
{ hdr; item e1 "One" 2026-01-10 planned; item e2 "Two" 2026-01-20 planned; } > calendar/q1.yaml
commit 2025-12-20 "plan"
{ hdr; item e1 "One" 2026-01-10 dropped; item e2 "Two" 2026-01-20 planned; } > calendar/q1.yaml
git add -A
GIT_AUTHOR_NAME=$(printf 'Jos\351') GIT_AUTHOR_DATE=2026-01-05T12:00:00Z \
    GIT_COMMITTER_DATE=2026-01-05T12:00:00Z \
    git -c i18n.commitEncoding=ISO-8859-1 commit -q -m "$(printf 'Livr\351')"
name=encoding-header
if git cat-file commit HEAD | grep -q '^encoding ISO-8859-1$'; then ok
else no "git wrote no encoding header"; fi
{ hdr; item e1 "One" 2026-01-10 dropped; item e2 "Two" 2026-01-20 dropped; } > calendar/q1.yaml
git add -A
# git would convert the name itself: the commit is written by hand
c=$({ printf 'tree %s\nparent %s\n' "$(git write-tree)" "$(git rev-parse HEAD)"
      printf 'author Bad\377Name <bad@example.com> 1768219200 +0000\n'
      printf 'committer Tester <tester@example.com> 1768219200 +0000\n\n'
      printf 'Drop\377ped\n'; } | git hash-object -t commit -w --stdin)
git update-ref refs/heads/main "$c"
jose=$(printf 'Jos\303\251') livre=$(printf 'Livr\303\251')
badn=$(printf 'Bad\357\277\275Name') badw=$(printf 'Drop\357\277\275ped')
name=encoding
out=$($S report --format json)
expect_grep "\"author\": \"$jose\"}, \"why\": \"$livre\"" "$out"
expect_grep "\"event\": \"status\", .*\"author\": \"$jose\", \"from\"" "$out"
expect_grep "\"author\": \"$badn\"}, \"why\": \"$badw\"" "$out"
out=$($S report --format csv --table items | tr -d '\r')
expect_grep "^2026-Q1,e1,dropped,.*,$jose,$livre\$" "$out"
expect_grep "^2026-Q1,e2,dropped,.*,$badn,$badw\$" "$out"
out=$($S report)
expect_grep "| $livre ($jose) |" "$out"
expect_grep "| $badw ($badn) |" "$out"
out=$($S report --format html)
expect_grep "$livre ($jose)<" "$out"
for f in md json csv html; do
	name=encoding-utf8-$f
	if $S report --format $f | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1
	then ok; else no "report --format $f is not valid UTF-8"; fi
done

name=contract
contract_add ""
if [ -n "$CONTRACT_UPDATE" ]; then
	cp "$contract" "$top/tests/report-contract.expected"
fi
if cmp -s "$contract" "$top/tests/report-contract.expected"; then ok; else
	no "the contract's numbers changed (tests/report-contract.expected)"
	diff -u "$top/tests/report-contract.expected" "$contract" | head -40
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
