# A plan whose KPI readings are committed week by week with fixed dates:
# mql rises (one week without a reading: 2026-07-27), cac is a 'down' KPI
# that falls (better), signups falls (worse; no baseline: its first
# reading is one), readings of 'mqls' (the KPI's old id) stay behind a
# rename, and the last commit breaks metrics/cac.yaml (its last good
# version stands).  git keeps no empty directory: metrics/ is made here.
git init -q repo && cp -R plan/. repo/ && cd repo && mkdir -p metrics || exit 1
c() { GIT_AUTHOR_DATE="$1T18:00:00Z" GIT_COMMITTER_DATE="$1T18:00:00Z" \
	git commit -qm "$2"; }
git add -A && c 2026-05-25 plan
r() { # r DAY FILE KPI VALUE: record a reading in its own commit
	[ -f metrics/$2.yaml ] ||
		printf 'kind: metrics\nversion: 1\nreadings:\n' > metrics/$2.yaml
	printf '  - {kpi: %s, date: %s, value: %s}\n' "$3" "$1" "$4" \
		>> metrics/$2.yaml
	git add -A && c "$1" "record $3 $1"
}
r 2026-06-01 mql mql 120
r 2026-06-01 cac cac 100
r 2026-06-01 signups signups 400
r 2026-06-15 cac cac 95
r 2026-06-15 signups signups 390
r 2026-06-22 old mqls 135
r 2026-06-29 mql mql 140
r 2026-07-06 mql mql 150
r 2026-07-15 cac cac 90
r 2026-07-15 signups signups 380
r 2026-07-20 mql mql 160
r 2026-08-03 mql mql 170
r 2026-08-17 cac cac 80
r 2026-08-17 signups signups 350
r 2026-08-31 mql mql 175
r 2026-09-07 cac cac 70
r 2026-09-07 signups signups 300
r 2026-09-14 mql mql 185
printf '  - {kpi: cac, date: 2026-09-14, value: 65\n' >> metrics/cac.yaml
git add -A && c 2026-09-14 "record cac 2026-09-14 (broken)"
