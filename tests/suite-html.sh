#!/bin/sh
# tests/suite-html.sh - the HTML report in a real browser.  Repositories
# with fixed dates (a quarter history beginning mid-quarter with one in
# progress; 60 weeks; long names) are reported as HTML; each page must be
# one self-contained file (no script, no network), draw the period in
# progress and a partial first period as such (hatched, outlined, no rate
# point), draw KPI charts with the same chart writer, and pass tests/html_check.py in headless Chromium at two widths
# and two colour schemes (no blank screenshot, no overflowing text, no
# overlapping labels, no wrapped dates, dark mode).  Without Chromium the
# browser part is skipped with a line saying so; CI installs it
# (tools/deps.sh).
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib-report.sh"
has() { # PATTERN FILE: the page has it
	if grep -q -e "$1" "$2"; then ok; else no "no '$1' in $2"; fi
}
hasnt() {
	if grep -q -i -e "$1" "$2"; then no "'$1' in $2"; else ok; fi
}

# hitem ID DATE STATUS ANCHOR [SHIPPED]
hitem() {
	printf '  - id: %s\n    title: "Item %s, a title long enough to wrap"\n' "$1" "$1"
	printf '    anchor: %s\n    owner: ann\n    channel: blog\n' "$4"
	printf '    date: %s\n    status: %s\n' "$2" "$3"
	[ -z "$5" ] || printf '    shipped: %s\n' "$5"
}
day() { # N: the day N days after 2025-07-07, YYYY-MM-DD
	date -u -d "2025-07-07 + $1 days" +%Y-%m-%d
}

# ---- 62 weeks of history: an item a week, most ship, some slip ----
name=weeks
mkdir -p "$tmp/r/calendar" && cd "$tmp/r" && git init -q
w=0
while [ $w -lt 62 ]; do
	{
		printf 'kind: calendar\nversion: 1\ntitle: plan\nitems:\n'
		i=0
		while [ $i -le $w ]; do
			a=grow-organic-search-in-the-mid-market
			[ $((i % 3)) = 1 ] && a=launch-v2
			[ $((i % 3)) = 2 ] && a=retain
			d=$(day $((i * 7 + 3)))
			if [ $i -lt $w ] && [ $((i % 4)) != 3 ]; then
				hitem "w$i" "$d" shipped $a "$d"
			elif [ $i -lt $w ] && [ $((i % 8)) = 3 ]; then
				hitem "w$i" "$(day $((i * 7 + 40)))" planned $a
			else
				hitem "w$i" "$d" planned $a
			fi
			i=$((i + 1))
		done
	} > calendar/plan.yaml
	commit "$(day $((w * 7)))" "week $w"
	w=$((w + 1))
done
for p in quarter month week; do
	$S report --period $p --format html -o "$tmp/$p.html" 2>/dev/null ||
	    no "report --period $p --format html failed"
done
name=self-contained
for p in quarter month week; do
	f="$tmp/$p.html"
	hasnt '<script' "$f"; hasnt 'https\?://' "$f"; hasnt ' src=' "$f"
	hasnt 'url(' "$f"; hasnt '@import' "$f"; hasnt '<link' "$f"
	has '@media (prefers-color-scheme:dark)' "$f"
done
name=states
f="$tmp/quarter.html"
# 2025-Q3: the history begins inside it (outlined); 2026-Q3 in progress
# (hatched, and no rate point: its rate is not a result yet)
has 'class="ch-col ch-partial"' "$f"
has 'class="ch-col ch-progress"' "$f"
has 'class="ch-x s1[^"]* ch-xp" [^>]*><span class="nw">2026-Q3<' "$f"
if grep -q 'class="ch-pt ch-progress"' "$f"; then
	no "a rate point is drawn for the period in progress"
else ok; fi
has 'ch-anchor-0' "$f"
has 'ch-anchor-2' "$f"
# 62 weeks: labels thinned by page width
f="$tmp/week.html"
has '@media (max-width:399.98px){#ch-periods .ch-x:not(.s' "$f"
# a period where nothing was committed has no rate point (not 0%)
name=empty-period
mkdir -p "$tmp/e/calendar" && cd "$tmp/e" && git init -q
{ printf 'kind: calendar\nversion: 1\ntitle: plan\nitems:\n'
  hitem e1 2026-05-10 planned retain; } > calendar/plan.yaml
commit 2026-01-05 plan
$S report --format html -o "$tmp/empty.html" 2>/dev/null
n=$(grep -c 'class="ch-pt' "$tmp/empty.html")
# 2026-Q1: nothing committed, no point; Q2: 0 of 1 (a real 0%); Q3 now;
# one point in the chart of periods and one in the anchor's
if [ "$n" = 2 ]; then ok; else no "want 2 rate points, got $n"; fi
has 'title="2026-Q2: 1 committed, 0 shipped, rate 0%"' "$tmp/empty.html"

# ---- KPI charts: readings committed week by week (the repository of
# tests/golden/report/metrics, built by its setup.sh), by month and by
# week; drawn by the chart writer of the other charts (lib/chart.c) ----
name=kpi
mkdir -p "$tmp/k" && cp -R "$top/tests/golden/report/metrics/plan" \
    "$top/tests/golden/report/metrics/setup.sh" "$tmp/k/" &&
    (cd "$tmp/k" && sh ./setup.sh >/dev/null 2>&1) || no "kpi setup failed"
for p in month week; do
	(cd "$tmp/k/repo" && $S report --period $p --format html \
	    -o "$tmp/kpi-$p.html" 2>/dev/null) ||
	    no "report --period $p --format html (kpis) failed"
done
f="$tmp/kpi-month.html"
has '<figure class="ch" id="ch-kpi-0">' "$f"
has '<figure class="ch" id="ch-kpi-2">' "$f"
has '<div class="ch-ref" style="bottom:[0-9.]*%" title="target 200">' "$f"
has '<i class="ch-mk" style="left:[0-9.]*%" title="a1 shipped 2026-06-10">' "$f"
has '<div class="ch-band ch-progress" ' "$f"
# one SVG writer: the only svg elements are the charts' line layers
n=$(grep -o '<svg[^>]*>' "$f" | grep -vc '<svg class="ch-line"')
if [ "$n" = 0 ]; then ok; else no "$n svg elements not drawn by chart.c"; fi
hasnt '<title>[^<]*<span' "$f"
hasnt 'class="kpi"' "$f"
has '@media (max-width:399.98px){#ch-kpi-0 .ch-x:not(.s' "$tmp/kpi-week.html"

# ---- in the browser ----
chromium=$(command -v chromium || command -v chromium-browser)
if [ -z "$chromium" ]; then
	echo "skip: chromium is not installed; the HTML pages are not" \
	    "rendered (apt-get install chromium, or sh tools/deps.sh)"
else
	name=browser
	mkdir -p "$tmp/shots"
	export HTML_CHECK_PROFILE="$tmp/profile" TMPDIR="$tmp"
	out=$(timeout 600 python3 "$top/tests/html_check.py" "$chromium" \
	    "$tmp/shots" "$tmp/quarter.html" "$tmp/week.html" \
	    "$tmp/month.html" "$tmp/empty.html" "$tmp/kpi-month.html" \
	    "$tmp/kpi-week.html" 2>&1)
	rc=$?
	n=$(printf '%s\n' "$out" | grep -c '^ok ')
	pass=$((pass + n))
	if [ $rc != 0 ] || [ "$n" != 24 ]; then
		no "html_check (exit $rc, $n of 24 ok)"
		printf '%s\n' "$out" | grep -v '^ok ' | head -40
	fi
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
