# Build a plan repository with dated history: the week under test is
# 2026-W38 (Monday 2026-09-14 to Sunday 2026-09-20), checked in on
# Tuesday 2026-09-15.
set -e
commit() { # DATE MESSAGE
	GIT_AUTHOR_DATE="$1T10:00:00Z" GIT_COMMITTER_DATE="$1T10:00:00Z" \
		git commit -q -a -m "$2"
}
git init -q .
cat > strat.yaml <<'Y'
strat: 1
Y
cat > team.yaml <<'Y'
kind: team
version: 1
people:
  - id: ana
    name: Ana Lima
  - id: ben
    name: Ben Okafor
  - id: chloe
    name: Chloe Martin
Y
cat > strategy.yaml <<'Y'
kind: strategy
version: 1
title: Test strategy
owner: ana
thesis: Ship what we plan.
outcomes:
  - id: pipeline
    title: Grow pipeline
    owner: ana
anchors:
  - id: q3-organic
    title: Organic search
    quarter: 2026-Q3
    owner: ana
    outcomes: [pipeline]
    done: Organic leads double
  - id: q3-webinars
    title: Webinar program
    quarter: 2026-Q3
    owner: ben
    outcomes: [pipeline]
    done: Three webinars
  - id: q3-customers
    title: Customer proof with a very long title that will not fit
    quarter: 2026-Q3
    owner: chloe
    outcomes: [pipeline]
    done: Four case studies
Y
mkdir -p calendar
item() { # ID ANCHOR OWNER DATE STATUS [SHIPPED] [TITLE]
	printf '  - id: %s\n    title: "%s"\n    anchor: %s\n    owner: %s\n' \
		"$1" "${7:-Item $1}" "$2" "$3"
	printf '    channel: blog\n    date: %s\n    status: %s\n' "$4" "$5"
	[ -z "$6" ] || printf '    shipped: %s\n' "$6"
}
cal() {
	printf 'kind: calendar\nversion: 1\nitems:\n'
	item guide q3-organic ana 2026-09-08 "$GUIDE" "$GUIDE_SHIPPED" \
		"Pillar guide: revenue reporting, the complete and unabridged edition"
	item web-1 q3-webinars ben 2026-09-03 shipped 2026-09-03
	item web-2 q3-webinars ben "$WEB2" planned
	item case-1 q3-customers chloe 2026-09-10 "$CASE1"
	item case-2 q3-customers "$CASE2_OWNER" 2026-09-22 planned
	item late q3-organic ana 2026-09-02 in-progress
	[ -z "$ADD" ] || item "$ADD" q3-organic ana 2026-09-17 planned
	[ -z "$GONE" ] || item "$GONE" q3-organic ben 2026-09-25 planned
	[ -z "$NEW2" ] || item "$NEW2" q3-webinars ben 2026-09-24 planned
}
GUIDE=planned GUIDE_SHIPPED= WEB2=2026-09-16 CASE1=planned CASE2_OWNER=chloe
ADD= GONE=old-post NEW2=
cal > calendar/q3.yaml
git add .
commit 2026-09-01 "Q3 plan"
GUIDE=shipped GUIDE_SHIPPED=2026-09-09
cal > calendar/q3.yaml
commit 2026-09-10 "guide shipped"
# In the week under test: an item added, one re-dated, one dropped, one
# removed without a record, one re-owned.
ADD=new-post WEB2=2026-09-30 CASE1=dropped GONE= CASE2_OWNER=ana
cal > calendar/q3.yaml
commit 2026-09-14 "mid-quarter replan"
# Not committed: the working tree is the plan now.
NEW2=web-3
cal > calendar/q3.yaml
