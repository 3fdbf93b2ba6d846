# Staleness in the check-in (spec/SPEC.md section 14, Staleness): t1 and
# t2 are started on 2026-07-01, t2 re-dated on 2026-07-22, t1 shipped on
# 2026-08-20, nothing since.  On 2026-09-15 the plan is stale (26 days)
# and t2 is (55 days); a check-in of 2026-08-10 reads the history up to
# that day: t1 (40 days) and t2 (19 days) stale, the plan last changed on
# 2026-07-22.
set -e
commit() { # DATE MESSAGE
	git add -A
	GIT_AUTHOR_DATE="$1T10:00:00Z" GIT_COMMITTER_DATE="$1T10:00:00Z" \
		git commit -q -m "$2"
}
item() { # ID OWNER DATE STATUS [TITLE]
	printf '  - id: %s\n    title: %s\n    anchor: q3-search\n' "$1" \
		"${5:-Item $1}"
	printf '    owner: %s\n    channel: blog\n    date: %s\n' "$2" "$3"
	printf '    status: %s\n' "$4"
	[ "$4" != shipped ] || printf '    shipped: 2026-08-20\n'
}
cal() { # T1-STATUS T2-DATE
	printf 'kind: calendar\nversion: 1\nitems:\n'
	item t1 ana 2026-09-25 "$1"
	item t2 bob "$2" in-progress \
		"Item t2, with a title far too long for eighty columns"
	item p1 ana 2026-09-20 planned
}
git init -q .
mkdir -p calendar
cal in-progress 2026-09-10 > calendar/q3.yaml
commit 2026-07-01 "start t1 and t2"
cal in-progress 2026-09-28 > calendar/q3.yaml
commit 2026-07-22 "re-date t2"
cal shipped 2026-09-28 > calendar/q3.yaml
commit 2026-08-20 "ship t1"
