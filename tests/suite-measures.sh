#!/bin/sh
# tests/suite-measures.sh - the measures a leader acts on (spec/SPEC.md,
# section 14): the grace window, overdue items, breakdowns per period, the
# owner of a re-owned item, --as-of, flow, staleness and why; each on a
# repository built here with fixed dates and asserting exact figures.
# Today is 2026-09-15 (lib-report.sh).
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib-report.sh"
# flowrow PERIOD: the --table flow row of PERIOD after its dates
flowrow() {
	$S report --format csv --table flow $REPORT_ARGS 2>/dev/null |
	    tr -d '\r' | awk -F, -v p="$1" '$1 == p' | cut -d, -f5-
}
expect_flow() {
	got=$(flowrow "$1")
	if [ "$got" = "$2" ]; then ok; else no "flow $1: want $2, got '$got'"; fi
}

# ---- grace window (SPEC worked example) ----
newrepo grace
{ hdr; item g1 "Shipped on the last day" 2026-03-31 planned
  item g2 "Recorded too late" 2026-03-30 planned; } > calendar/q1.yaml
commit 2026-01-05 "plan q1"
{ hdr; item g1 "Shipped on the last day" 2026-03-31 shipped 2026-03-31
  item g2 "Recorded too late" 2026-03-30 planned
  item u1 "Unplanned, recorded late" 2026-03-29 shipped; } > calendar/q1.yaml
commit 2026-04-02 "ship g1, record u1"
{ hdr; item g1 "Shipped on the last day" 2026-03-31 shipped 2026-03-31
  item g2 "Recorded too late" 2026-03-30 shipped 2026-03-30
  item u1 "Unplanned, recorded late" 2026-03-29 shipped; } > calendar/q1.yaml
commit 2026-04-10 "ship g2"
# default (grace 0): today's numbers, both missed, nothing credited
expect_row 2026-Q1 "2,0,0,0,2,0,0"
expect_row 2026-Q2 "0,0,0,0,0,0,0"
REPORT_ARGS="--grace 3"
expect_row 2026-Q1 "2,1,0,0,1,0,1"
expect_row 2026-Q2 "0,0,0,0,0,0,0"
expect_flow 2026-Q1 "0,1,2,1,85.0,85,0.0,0,0.0,0,0.16"
REPORT_ARGS="--grace 10"
expect_row 2026-Q1 "2,2,0,0,0,0,1"
REPORT_ARGS=
printf 'strat: 1\ngrace-days: 3\n' > strat.yaml; commit 2026-04-11 config
expect_row 2026-Q1 "2,1,0,0,1,0,1"
REPORT_ARGS="--grace 0"
expect_row 2026-Q1 "2,0,0,0,2,0,0"
REPORT_ARGS=
out=$($S report)
expect_grep 'Grace window 3 days: .*(1 item)' "$out"
out=$($S report --format json)
expect_grep '"grace_days": 3,' "$out"
expect_grep '{"period": "2026-Q1", "overdue": 0, "graced": 1, ' "$out"
expect_grep '{"id": "g1", "category": "shipped", "overdue": false, "graced": true, "lead_days": 85, ' "$out"
out=$($S report --format csv --table items | tr -d '\r')
expect_grep '^2026-Q1,g1,shipped,false,true,' "$out"
expect_grep '^2026-Q1,u1,unplanned,false,true,' "$out"
expect_grep '^2026-Q1,g2,missed,false,false,' "$out"
name=grace-usage
expect_exit 2 $S report --grace -1
expect_exit 2 $S report --grace 3651
expect_exit 2 $S report --grace x
printf 'strat: 1\ngrace-days: -2\n' > strat.yaml
out=$($S lint 2>&1)
expect_grep "strat.yaml:2:13: error: 'grace-days' must be a number of days" "$out"

# ---- overdue in the period in progress ----
newrepo overdue
{ hdr; item o1 "Overdue" 2026-08-01 planned
  item o2 "Not due yet" 2026-09-20 planned
  item o3 "Oldest overdue" 2026-07-10 in-progress "" bob
  item o4 "Shipped" 2026-07-05 planned; } > calendar/q3.yaml
commit 2026-06-20 "plan q3"
{ hdr; item o1 "Overdue" 2026-08-01 planned
  item o2 "Not due yet" 2026-09-20 planned
  item o3 "Oldest overdue" 2026-07-10 in-progress "" bob
  item o4 "Shipped" 2026-07-05 shipped; } > calendar/q3.yaml
commit 2026-09-14 "ship o4"
# the Periods figures do not change: open counts all three
expect_row 2026-Q3 "4,1,0,0,0,3,0"
expect_flow 2026-Q3 "2,0,1,1,15.0,15,0.0,0,0.0,0,0.09"
out=$($S report)
expect_grep '1 of 4 shipped so far, 3 open (\*\*25%\*\*). 2 of them overdue, oldest: `o3` Oldest overdue (due 2026-07-10, bob); `o1` Overdue (due 2026-08-01, ann)\.' "$out"
expect_grep '^| `o3` | Oldest overdue | bob | q1-a | 2026-07-10 | 67 |$' "$out"
expect_grep '^| `o1` | Overdue | ann | q1-a | 2026-08-01 | 45 |$' "$out"
if printf '%s\n' "$out" | grep -q '^| `o2` | Not due'; then
	no "o2 is not overdue"; else ok; fi
out=$($S report --format json)
expect_grep '{"period": "2026-Q3", "overdue": 2, "graced": 0, ' "$out"
expect_grep '{"id": "o3", "title": "Oldest overdue", "owner": "bob", "anchor": "q1-a", "date": "2026-07-10", "days": 67}' "$out"
out=$($S report --format csv --table items | tr -d '\r')
expect_grep '^2026-Q3,o1,open,true,false,' "$out"
expect_grep '^2026-Q3,o2,open,false,false,' "$out"

# ---- breakdowns per period; the owner of a re-owned item ----
newrepo breakdown
{ hdr; item s1 "Slips across" 2026-02-01 planned "" ann q1-a
  item r1 "Handed over, ships" 2026-05-10 planned "" ann q2-b
  item r2 "Handed over, slips" 2026-06-10 planned "" ann q2-b; } > calendar/c.yaml
commit 2025-12-15 "plan"
{ hdr; item s1 "Slips across" 2026-05-01 planned "" ann q1-a
  item r1 "Handed over, ships" 2026-05-10 planned "" ann q2-b
  item r2 "Handed over, slips" 2026-06-10 planned "" ann q2-b; } > calendar/c.yaml
commit 2026-03-15 "slip s1 into q2"
{ hdr; item s1 "Slips across" 2026-05-01 shipped "" ann q1-a
  item r1 "Handed over, ships" 2026-05-10 planned "" bob q2-b
  item r2 "Handed over, slips" 2026-06-10 planned "" bob q2-b; } > calendar/c.yaml
commit 2026-05-02 "ship s1, hand r1 and r2 to bob"
{ hdr; item s1 "Slips across" 2026-05-01 shipped "" ann q1-a
  item r1 "Handed over, ships" 2026-05-10 shipped "" bob q2-b
  item r2 "Handed over, slips" 2026-07-20 planned "" bob q2-b; } > calendar/c.yaml
commit 2026-05-11 "ship r1, slip r2"
expect_row 2026-Q1 "1,0,1,0,0,0,0"
expect_row 2026-Q2 "3,2,1,0,0,0,0"
expect_row 2026-Q3 "1,0,0,0,0,1,0"
out=$($S report)
# default: the last complete period and the one in progress, each with
# a total equal to its row of the Periods table
expect_grep '^### 2026-Q2$' "$out"
expect_grep '^### 2026-Q3 (in progress)$' "$out"
if printf '%s\n' "$out" | grep -q '^### 2026-Q1$'; then
	no "2026-Q1 shown without --all"; else ok; fi
expect_grep '^| \*\*total\*\* | 3 | 2 | 1 | 0 | 0 | 0 | 0 | 67% |$' "$out"
# s1 counts once per period, not twice in one table
expect_grep '^| `q1-a` | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 100% |$' "$out"
# re-owned during 2026-Q2: counts to ann (the owner at the period's
# start); r2, slipped into 2026-Q3, is bob's there
out=$($S report --by owner --format csv | tr -d '\r')
expect_grep '^2026-Q2,2026-04-01,2026-06-30,false,ann,3,2,1,0,0,0,0,0.6667$' "$out"
if printf '%s\n' "$out" | grep -q '^2026-Q2,.*,bob,'; then
	no "bob counted in 2026-Q2"; else ok; fi
expect_grep '^2026-Q3,2026-07-01,2026-09-30,true,bob,1,0,0,0,0,1,0,0.0000$' "$out"
out=$($S report --by owner)
expect_grep '^| `ann` | 3 | 2 | 1 | 0 | 0 | 0 | 0 | 67% |$' "$out"
out=$($S report --all)
expect_grep '^### 2026-Q1$' "$out"
expect_grep '^| \*\*total\*\* | 1 | 0 | 1 | 0 | 0 | 0 | 0 | 0% |$' "$out"
out=$($S report --format json --by owner)
expect_grep '{"key": "ann", "committed": 3, "shipped": 2, "slipped": 1, "dropped": 0, "missed": 0, "open": 0, "unplanned": 0, "rate": 0.6667}' "$out"
expect_same

# ---- as of a date ----
newrepo asof
{ hdr; item a1 "Ships in April" 2026-04-10 planned; } > calendar/q.yaml
commit 2026-03-20 "plan"
{ hdr; item a1 "Ships in April" 2026-04-10 shipped; } > calendar/q.yaml
commit 2026-04-12 "ship a1"
REPORT_ARGS="--as-of 2026-04-05"
expect_row 2026-Q2 "1,0,0,0,0,1,0"
REPORT_ARGS="--as-of 2026-04-12"
expect_row 2026-Q2 "1,1,0,0,0,0,0"
REPORT_ARGS=
expect_row 2026-Q2 "1,1,0,0,0,0,0"
out=$($S report --as-of 2026-04-05 --format csv | tr -d '\r')
# the period in progress on that day is the last one
expect_grep '^2026-Q2,2026-04-01,2026-06-30,true,1,0,0,0,0,1,0,0.0000$' "$out"
if printf '%s\n' "$out" | grep -q '^2026-Q3'; then
	no "a period after --as-of"; else ok; fi
out=$($S report --as-of 2026-04-05 --format json)
expect_grep '"today": "2026-04-05"' "$out"
name=asof-usage
expect_exit 2 $S report --as-of 2026-03-01
out=$($S report --as-of 2026-03-01 2>&1)
expect_grep "no commit of 'HEAD' is dated on or before 2026-03-01" "$out"
expect_exit 2 $S report --as-of 2027-01-01
expect_exit 2 $S report --as-of 2026-02-30

# ---- flow (SPEC worked example) ----
newrepo flow
{ hdr; item f1 "Slips once" 2026-01-20 planned
  item f2 "On time" 2026-01-15 planned; } > calendar/q1.yaml
commit 2026-01-05 "plan"
{ hdr; item f1 "Slips once" 2026-01-20 planned
  item f2 "On time" 2026-01-15 shipped 2026-01-15; } > calendar/q1.yaml
commit 2026-01-16 "ship f2"
{ hdr; item f1 "Slips once" 2026-02-10 planned
  item f2 "On time" 2026-01-15 shipped 2026-01-15; } > calendar/q1.yaml
commit 2026-01-18 "slip f1"
{ hdr; item f1 "Slips once" 2026-02-10 shipped 2026-02-10
  item f2 "On time" 2026-01-15 shipped 2026-01-15
  item f3 "Never planned" 2026-02-01 shipped; } > calendar/q1.yaml
commit 2026-02-11 "ship f1, record f3"
expect_row 2026-Q1 "2,2,0,0,0,0,1"
# shipped 3, measured 2 (f3 was never planned): lead 10 and 36 days,
# slips 0 and 1, days slipped 0 and 21; 3 shipped in 13 weeks
expect_flow 2026-Q1 "0,0,3,2,23.0,36,0.5,1,10.5,21,0.23"
out=$($S report)
expect_grep '^| 2026-Q1 | 3 | 2 | 23 / 36 | 0.5 / 1 | 10.5 / 21 | 0.2 |$' "$out"
out=$($S report --format json)
expect_grep '"flow": {"shipped": 3, "measured": 2, "lead_days": {"median": 23.0, "p80": 36}, "slips": {"median": 0.5, "p80": 1}, "days_slipped": {"median": 10.5, "p80": 21}, "per_week": 0.23}' "$out"
out=$($S report --format csv --table flow --by owner | tr -d '\r')
expect_grep '^2026-Q1,2026-01-01,2026-03-31,false,ann,3,2,23.0,36,0.5,1,10.5,21$' "$out"
out=$($S report --format csv --table items | tr -d '\r')
expect_grep '^2026-Q1,f1,shipped,false,false,Slips once,q1-a,ann,blog,2026-01-20,2026-02-10,36,1,21,' "$out"
expect_grep '^2026-Q1,f3,unplanned,false,false,Never planned,q1-a,ann,blog,,2026-02-01,,0,0,' "$out"

# flow by anchor and owner: under the anchor and owner an item had when
# it shipped (x1: planned under q1-a by ann, handed to bob under q1-b,
# shipped), while the breakdowns count it where it was committed
newrepo flow-anchor
{ hdr; item x1 "Changes hands" 2026-02-01 planned "" ann q1-a; } > calendar/q1.yaml
commit 2026-01-05 "plan"
{ hdr; item x1 "Changes hands" 2026-02-01 planned "" bob q1-b; } > calendar/q1.yaml
commit 2026-01-20 "hand x1 to bob, under q1-b"
{ hdr; item x1 "Changes hands" 2026-02-01 shipped "" bob q1-b; } > calendar/q1.yaml
commit 2026-02-02 "ship x1"
out=$($S report --format csv --table flow --by anchor | tr -d '\r')
expect_grep '^2026-Q1,2026-01-01,2026-03-31,false,q1-b,1,1,27.0,27,0.0,0,0.0,0$' "$out"
out=$($S report --format csv --table flow --by owner | tr -d '\r')
expect_grep '^2026-Q1,2026-01-01,2026-03-31,false,bob,1,1,27.0,27,0.0,0,0.0,0$' "$out"
out=$($S report --format json)
expect_grep '"flow_by": {' "$out"
expect_grep '"anchor": \[$' "$out"
expect_grep '{"key": "q1-b", "shipped": 1, "measured": 1, "lead_days": {"median": 27.0, "p80": 27}, ' "$out"
expect_grep '{"key": "bob", "shipped": 1, "measured": 1, ' "$out"
out=$($S report --all)
expect_grep '^### Flow by anchor, 2026-Q1 to 2026-Q3$' "$out"
expect_grep '^| `q1-b` | 1 | 1 | 27 / 27 | 0 / 0 | 0 / 0 |$' "$out"
# the breakdowns: committed under q1-a, ann's (at the quarter's start)
out=$($S report --by anchor --format csv | tr -d '\r')
expect_grep '^2026-Q1,2026-01-01,2026-03-31,false,q1-a,1,1,0,0,0,0,0,1.0000$' "$out"

# ---- staleness ----
newrepo stale
{ hdr; item t1 "Started, then nothing" 2026-09-25 in-progress
  item t2 "Moving" 2026-09-28 planned; } > calendar/q3.yaml
commit 2026-08-01 "start t1"
{ hdr; item t1 "Started, then nothing" 2026-09-25 in-progress
  item t2 "Moving" 2026-09-28 in-progress; } > calendar/q3.yaml
commit 2026-09-10 "start t2"
out=$($S report --format csv --table stale | tr -d '\r')
expect_grep '^item,t1,"Started, then nothing",ann,2026-08-01,45$' "$out"
if printf '%s\n' "$out" | grep -q '^item,t2'; then
	no "t2 changed 5 days ago is not stale"; else ok; fi
if printf '%s\n' "$out" | grep -q '^plan'; then
	no "the plan changed 5 days ago"; else ok; fi
out=$($S report)
expect_grep '^| `t1` | Started, then nothing | ann | 2026-08-01 | 45 |$' "$out"
name=week-stale
out=$($S week --format md 2>/dev/null)
expect_grep '^## Stale$' "$out"
expect_grep '^| `t1` | Started, then nothing | ann | 2026-08-01 | 45 |$' "$out"
out=$($S week 2>/dev/null)
expect_grep '^  2026-08-01  45 days   Started, then nothing         ann       q1-a$' "$out"
out=$($S week --format json 2>/dev/null)
expect_grep '^      {"id": "t1", "title": "Started, then nothing", "owner": "ann", "since": "2026-08-01", "days": 45}$' "$out"
out=$($S week --date 2026-08-10 2>/dev/null)
if printf '%s\n' "$out" | grep -q 'Stale'; then
	no "nothing is stale 9 days after the start"; else ok; fi
name=lint-stale
out=$($S lint --stale 2>&1)
expect_grep "^calendar/q3.yaml:5:5: warning: item 't1' is in progress and has not changed since 2026-08-01 (45 days) \[stale-item\]$" "$out"
expect_grep "^  hint: record its progress (ship, slip or drop it); 'stale-days' in strat.yaml sets the limit (14 days)$" "$out"
if printf '%s\n' "$out" | grep -q "'t2'"; then no "t2 is not stale"; else ok; fi
if printf '%s\n' "$out" | grep -q 'stale-'; then
	out=$($S lint 2>&1)
	if printf '%s\n' "$out" | grep -q 'stale-'; then
		no "stale findings without --stale"; else ok; fi
fi
# changed in the working tree: not stale
sed -i 's/2026-09-25/2026-09-29/' calendar/q3.yaml
out=$($S lint --stale 2>&1)
if printf '%s\n' "$out" | grep -q "'t1'"; then
	no "t1 re-dated in the work tree is not stale"; else ok; fi
git checkout -q calendar/q3.yaml
out=$($S lint --stale --format json 2>&1)
expect_grep '"rule": "stale-item"' "$out"
printf 'strat: 1\nrules:\n  stale-item: off\n' > strat.yaml
out=$($S lint --stale 2>&1)
if printf '%s\n' "$out" | grep -q 'stale-item'; then
	no "stale-item: off"; else ok; fi
rm strat.yaml
mkdir -p "$tmp/nogit"; cp -R calendar "$tmp/nogit/"
expect_exit 2 sh -c "cd '$tmp/nogit' && $S lint --stale"
# --rev REV: the history up to REV, not HEAD's.  t1 ships on 2026-09-12:
# at HEAD nothing is stale; at HEAD~1 (2026-09-10) t1 is (45 days); at
# HEAD~2 (2026-08-01) t1 is, and so is the plan (45 days without a
# commit while the quarter has open items).  Read from HEAD's history
# neither would be: t1 is shipped there and the plan changed 3 days ago.
name=lint-stale-rev
{ hdr; item t1 "Started, then nothing" 2026-09-25 shipped 2026-09-12
  item t2 "Moving" 2026-09-28 in-progress; } > calendar/q3.yaml
commit 2026-09-12 "ship t1"
out=$($S lint --stale --rev HEAD 2>&1)
if printf '%s\n' "$out" | grep -q "stale-"; then
	no "nothing is stale at HEAD: $out"; else ok; fi
out=$($S lint --stale --rev HEAD~1 2>&1)
expect_grep "^calendar/q3.yaml:5:5: warning: item 't1' is in progress and has not changed since 2026-08-01 (45 days) \[stale-item\]$" "$out"
if printf '%s\n' "$out" | grep -q "stale-plan"; then
	no "the plan changed 5 days before HEAD~1"; else ok; fi
out=$($S lint --stale --rev HEAD~2 2>&1)
expect_grep "^calendar/q3.yaml:5:5: warning: item 't1' is in progress and has not changed since 2026-08-01 (45 days) \[stale-item\]$" "$out"
expect_grep "^calendar/q3.yaml:1:1: warning: no commit has changed the plan since 2026-08-01 (45 days) while this quarter has open items: numbers after 2026-08-01 reflect a plan nobody updated \[stale-plan\]$" "$out"
git reset -q --hard HEAD~1
# stale-days of the plan linted (and of the plan a check-in reads), even
# uncommitted
name=stale-days-worktree
printf 'strat: 1\nstale-days: 60\n' > strat.yaml
out=$($S lint --stale 2>&1)
if printf '%s\n' "$out" | grep -q "stale-item"; then
	no "stale-days 60 in the working tree: $out"; else ok; fi
out=$($S week 2>/dev/null)
if printf '%s\n' "$out" | grep -q "^Stale"; then
	no "stale-days 60 in the working tree (week)"; else ok; fi
rm strat.yaml
name=stale
printf 'strat: 1\nstale-days: 60\n' > strat.yaml; commit 2026-09-11 config
out=$($S report --format csv --table stale | tr -d '\r')
if printf '%s\n' "$out" | grep -q '^item,t1'; then
	no "t1 is not stale with stale-days 60"; else ok; fi
newrepo stale-plan
{ hdr; item p1 "Planned for September" 2026-09-20 planned; } > calendar/q3.yaml
commit 2026-07-22 "plan q3"
out=$($S report)
expect_grep 'Numbers after 2026-07-22 reflect a plan nobody updated: no commit changed it for 55 days\.' "$out"
out=$($S report --format csv --table stale | tr -d '\r')
expect_grep '^plan,,,,2026-07-22,55$' "$out"
out=$($S week 2>/dev/null)
expect_grep '^  Numbers after 2026-07-22 reflect a plan nobody updated:$' "$out"
expect_grep '^  no commit changed it for 55 days\.$' "$out"
out=$($S week --format json 2>/dev/null)
expect_grep '^    "plan_updated": "2026-07-22",$' "$out"
expect_grep '^    "plan_stale": true,$' "$out"
out=$($S lint --stale 2>&1)
expect_grep "^calendar/q3.yaml:1:1: warning: no commit has changed the plan since 2026-07-22 (55 days) while this quarter has open items: numbers after 2026-07-22 reflect a plan nobody updated \[stale-plan\]$" "$out"
out=$($S report --format json)
expect_grep '"plan_updated": "2026-07-22",' "$out"
expect_grep '"plan_stale": true,' "$out"
out=$($S report --as-of 2026-07-30)
if printf '%s\n' "$out" | grep -q 'nobody updated'; then
	no "8 days without a commit is not stale"; else ok; fi

# ---- why: the Why: trailer, else the summary, with the author ----
newrepo why
{ hdr; item w1 "Dropped" 2026-02-01 planned; item w2 "Slipped" 2026-02-10 planned
  item w3 "Removed" 2026-03-01 planned; } > calendar/q1.yaml
commit 2025-12-01 "plan"
{ hdr; item w1 "Dropped" 2026-02-01 dropped; item w2 "Slipped" 2026-02-10 planned
  item w3 "Removed" 2026-03-01 planned; } > calendar/q1.yaml
git add -A; GIT_AUTHOR_NAME=Dana GIT_AUTHOR_DATE=2026-01-10T12:00:00Z \
    GIT_COMMITTER_DATE=2026-01-10T12:00:00Z git commit -q \
    -m "drop w1" -m "Why: budget moved to the spring event"
{ hdr; item w1 "Dropped" 2026-02-01 dropped; item w2 "Slipped" 2026-05-10 planned
  item w3 "Removed" 2026-03-01 planned; } > calendar/q1.yaml
commit 2026-01-20 "slip w2: waiting on legal"
{ hdr; item w1 "Dropped" 2026-02-01 dropped; item w2 "Slipped" 2026-05-10 planned; } > calendar/q1.yaml
commit 2026-01-25 "remove w3"
out=$($S report)
expect_grep '^| 2026-Q1 | `w1` | Dropped | ann | status dropped | 2026-01-10 | budget moved to the spring event (Dana) |$' "$out"
expect_grep '^| 2026-Q1 | `w3` | Removed | ann | removed from the plan | 2026-01-25 | remove w3 (Tester) |$' "$out"
expect_grep '^| `w2` | Slipped | ann | 1 | 89 | 2026-02-10 | 2026-05-10 | slip w2: waiting on legal (Tester) |$' "$out"
out=$($S report --format csv --table items | tr -d '\r')
expect_grep '^2026-Q1,w2,slipped,.*,Tester,slip w2: waiting on legal$' "$out"
expect_grep '^2026-Q1,w1,dropped,.*,Dana,budget moved to the spring event$' "$out"
out=$($S report --format json)
expect_grep '"change": {"commit": "[0-9a-f]*", "time": "2026-01-10T12:00:00Z", "author": "Dana"}, "why": "budget moved to the spring event"}' "$out"
expect_same

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
