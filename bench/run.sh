#!/bin/sh
# bench/run.sh BUILD_DIR - the lint benchmark (make bench).
#
# Generates a plan with a calendar of 100,000 items once (BUILD_DIR/bench-
# data), then runs, interleaved, a bare libyaml event pass over the calendar
# file (bench/yamlpass.c) and 'strat lint' over the whole plan, ROUNDS times
# each (default 7).  Reports the median over rounds of the wall-time ratio
# (each round runs both sides back to back; best-of-N is shown too, but a
# shared machine's stalls make it the less stable figure) and lint's peak
# RSS against the calendar's size, with the targets:
#
#	lint/yamlpass time ratio <= 1.30 on rich items (every field, long
#	titles, links and notes: ~250 bytes each), <= 1.50 on compact ones
#	(~140 bytes, every field short)
#	lint peak RSS / file size < 3.00
#
# Prints PASS or MISS per target; exits non-zero only when the benchmark
# itself cannot run.  ITEMS=n and ROUNDS=n override the defaults.
B=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
: "${ROUNDS:=7}" "${ITEMS:=100000}" "${CC:=cc}"
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1
bin=$B/bench
mkdir -p "$bin" || exit 2
strat=$top/$B/strat
[ -x "$strat" ] || { echo "bench: $strat not built" >&2; exit 2; }

cflags="-std=c11 -O2 -Wall -Wextra -D_DEFAULT_SOURCE"
for p in yamlpass runstat; do
	if [ ! -x "$bin/$p" ] || [ "bench/$p.c" -nt "$bin/$p" ]; then
		libs=; [ $p = yamlpass ] && libs=$(pkg-config --libs yaml-0.1)
		# shellcheck disable=SC2086
		$CC $cflags $(pkg-config --cflags yaml-0.1) -o "$bin/$p" \
		    "bench/$p.c" $libs || exit 2
	fi
done

bench_shape() { # SHAPE LIMIT: one calendar shape against its target
shape=$1 limit=$2 data=$B/bench-data-$1
cal=$data/calendar/big.yaml
stamp=$data/.items-$ITEMS
if [ ! -f "$stamp" ] || [ bench/gen-calendar.py -nt "$stamp" ]; then
	echo "bench: generating $ITEMS items into $data"
	rm -rf "$data"
	python3 bench/gen-calendar.py "$data" "$ITEMS" "$shape" || exit 2
	: > "$stamp"
fi
size=$(wc -c < "$cal" | tr -d ' ')

# The calendar must lint clean, or lint measures its reporting instead.
out=$("$strat" lint --today 2026-12-31 "$data" 2>&1)
if [ $? -ne 0 ]; then
	echo "bench: the generated plan does not lint clean:" >&2
	printf '%s\n' "$out" | head -n 20 >&2
	exit 2
fi

echo "bench: $ITEMS $shape items, $cal is $size bytes; $ROUNDS rounds"
# Each round runs both sides back to back, alternating which goes first,
# so that drift in the machine's speed hits both alike.
res=$(mktemp)
i=0
while [ $i -lt "$ROUNDS" ]; do
	if [ $((i % 2)) -eq 0 ]; then
		y=$("$bin/runstat" "$bin/yamlpass" "$cal")
		l=$("$bin/runstat" "$strat" lint --today 2026-12-31 "$data")
	else
		l=$("$bin/runstat" "$strat" lint --today 2026-12-31 "$data")
		y=$("$bin/runstat" "$bin/yamlpass" "$cal")
	fi
	echo "$y $l" >> "$res"
	i=$((i + 1))
done

# Columns: yamlpass wall rss exit cpu, lint wall rss exit cpu.
awk -v size="$size" -v limit="$limit" '
function sort(v, n,    i, j, t) {
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && v[j - 1] > v[j]; j--) {
			t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
		}
}
function median(v, n) {
	sort(v, n)
	return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
{
	n++
	if ($3 != 0 || $7 != 0) { print "bench: a run failed: " $0; bad = 1 }
	yw[n] = $1; lw[n] = $5; yc[n] = $4; lc[n] = $8
	r[n] = $5 / $1; rc[n] = $8 / $4
	if ($2 > yrss) yrss = $2
	if ($6 > lrss) lrss = $6
}
END {
	if (n == 0) exit 2
	ratio = median(r, n); cratio = median(rc, n)
	mr = lrss * 1024 / size
	ym = median(yw, n); lm = median(lw, n)
	sort(yw, n); sort(lw, n)
	printf "yamlpass: wall best %.3f s, median %.3f s; peak RSS %.1f MB\n",
	    yw[1], ym, yrss / 1024
	printf "lint:     wall best %.3f s, median %.3f s; peak RSS %.1f MB\n",
	    lw[1], lm, lrss / 1024
	printf "ratios per round (median): wall %.2f, cpu %.2f; best-of-%d " \
	    "wall %.2f\n", ratio, cratio, n, lw[1] / yw[1]
	printf "lint/yamlpass time ratio: %.2f (target <= %.2f) %s\n", ratio,
	    limit, ratio <= limit + 0 ? "PASS" : "MISS"
	printf "lint peak RSS / file size: %.2f (target < 3.00) %s\n", mr,
	    mr < 3.00 ? "PASS" : "MISS"
	exit bad ? 2 : 0
}' "$res" || st=$?
rm -f "$res"
}

st=0
bench_shape rich 1.30
bench_shape compact 1.50
exit $st
