#!/bin/sh
# bench/metrics.sh BUILD_DIR - what KPI readings add to 'strat report'
# (make bench, after bench/report.sh has generated its histories).
#
# Copies the busy history of bench/report.sh and adds, in one commit, 50
# KPIs to its strategy and 50 metrics files of five years of weekly
# readings each (13,000 readings).  Then runs, interleaved, 'strat report'
# on the history without and with them, ROUNDS times (default 5), and
# reports the median ratio of the wall times with the target:
#
#	report with 50 KPIs x 5 years / report without < 1.10
#
# Prints PASS or MISS; exits non-zero only when the benchmark cannot run.
B=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
: "${ROUNDS:=5}"
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1
bin=$B/bench data=$B/bench-report
strat=$top/$B/strat base=$data/busy kp=$data/busy-kpis
[ -x "$bin/runstat" ] && [ -f "$base/.done" ] ||
	{ echo "bench: run bench/report.sh first" >&2; exit 2; }
if [ ! -f "$kp/.done" ] || [ bench/metrics.sh -nt "$kp/.done" ] ||
   [ "$base/.done" -nt "$kp/.done" ]; then
	echo "bench: adding 50 KPIs x 5 years of weekly readings to $kp"
	rm -rf "$kp"
	git clone -q "$base" "$kp" || exit 2
	end=$(git -C "$kp" log -1 --format=%cs) || exit 2
	python3 - "$kp" "$end" <<'PY' || exit 2
import datetime as dt, os, sys
repo, end = sys.argv[1], dt.date.fromisoformat(sys.argv[2])
kp = ["  - id: k%02d\n    title: KPI %d\n    owner: dana\n"
      "    target: \"%d\"\n    baseline: \"100\"\n%s" %
      (k, k, 200 + k, "    direction: down\n" if k % 5 == 0 else "")
      for k in range(50)]
with open(os.path.join(repo, "strategy.yaml"), "a") as f:
    f.write("kpis:\n" + "".join(kp))
os.makedirs(os.path.join(repo, "metrics"), exist_ok=True)
start = end - dt.timedelta(weeks=5 * 52)
start -= dt.timedelta(days=start.weekday())
for k in range(50):
    rows = []
    for w in range(5 * 52):
        d = start + dt.timedelta(weeks=w)
        if d > end:
            break
        rows.append("  - {kpi: k%02d, date: %s, value: %d.%d}\n"
                    % (k, d.isoformat(), 100 + (w * (k + 3)) % 97, w % 10))
    with open(os.path.join(repo, "metrics", "k%02d.yaml" % k), "w") as f:
        f.write("kind: metrics\nversion: 1\nreadings:\n" + "".join(rows))
PY
	d=$(git -C "$kp" log -1 --format=%cI)
	git -C "$kp" add -A &&
	GIT_AUTHOR_DATE=$d GIT_COMMITTER_DATE=$d git -C "$kp" \
	    -c user.name=bench -c user.email=bench@example.com \
	    commit -qm "50 KPIs, five years of weekly readings" || exit 2
	"$strat" -C "$kp" report --format json 2>/dev/null |
	    grep -q '"readings": 2[0-9][0-9]' ||
	    { echo "bench: the readings are not read" >&2; exit 2; }
	: > "$kp/.done"
fi
res=$(mktemp); trap 'rm -f "$res"' EXIT
i=0
while [ $i -lt "$ROUNDS" ]; do
	a=$("$bin/runstat" "$strat" -C "$base" report) || exit 2
	b=$("$bin/runstat" "$strat" -C "$kp" report) || exit 2
	echo "${a%% *} ${b%% *}" >> "$res"
	i=$((i + 1))
done
sort -k1,1 "$res" > /dev/null
awk '{ r[NR] = $2 / $1; w0[NR] = $1; w1[NR] = $2 }
END {
	n = NR
	for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
		if (r[j] < r[i]) { t = r[i]; r[i] = r[j]; r[j] = t }
	m = r[int((n + 1) / 2)]
	printf "bench: report with 50 KPIs x 5 years of weekly readings / " \
	    "without: %.3f (median of %d; target < 1.10) %s\n", m, n,
	    m < 1.10 ? "PASS" : "MISS"
}' "$res"
