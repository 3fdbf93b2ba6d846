#!/bin/sh
# bench/run.sh BUILD_DIR - the lint benchmark (make bench).
#
# Generates a plan with a calendar of 100,000 items once (BUILD_DIR/bench-
# data), then runs, interleaved, a bare libyaml event pass over the calendar
# file (bench/yamlpass.c) and 'strat lint' over the whole plan, ROUNDS times
# each (default 7).  Reports the best-of-N wall-time ratio and lint's peak
# RSS against the calendar's size, with the targets:
#
#	lint/yamlpass time ratio <= 1.30
#	lint peak RSS / file size < 3.00
#
# Prints PASS or MISS per target; exits non-zero only when the benchmark
# itself cannot run.  ITEMS=n and ROUNDS=n override the defaults.
B=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
: "${ROUNDS:=7}" "${ITEMS:=100000}" "${CC:=cc}"
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1
bin=$B/bench data=$B/bench-data
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

cal=$data/calendar/big.yaml
stamp=$data/.items-$ITEMS
if [ ! -f "$stamp" ] || [ bench/gen-calendar.py -nt "$stamp" ]; then
	echo "bench: generating $ITEMS items into $data"
	rm -rf "$data"
	python3 bench/gen-calendar.py "$data" "$ITEMS" || exit 2
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

echo "bench: $ITEMS items, $cal is $size bytes; $ROUNDS rounds"
tl=$(mktemp) ty=$(mktemp); trap 'rm -f "$tl" "$ty"' EXIT
i=0
while [ $i -lt "$ROUNDS" ]; do
	"$bin/runstat" "$bin/yamlpass" "$cal" >> "$ty"
	"$bin/runstat" "$strat" lint --today 2026-12-31 "$data" >> "$tl"
	i=$((i + 1))
done

awk -v size="$size" -v ty="$ty" -v tl="$tl" '
function stats(file, res,    n, v, i, j, t, line, f) {
	n = 0
	while ((getline line < file) > 0) {
		split(line, f, " ")
		if (f[3] != 0) { printf "bench: %s exited %d\n", file, f[3]; bad = 1 }
		v[++n] = f[1]
		if (f[2] > res["rss"]) res["rss"] = f[2]
	}
	for (i = 2; i <= n; i++)  # insertion sort, n is small
		for (j = i; j > 1 && v[j - 1] > v[j]; j--) {
			t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
		}
	res["best"] = v[1]
	res["median"] = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
BEGIN {
	stats(ty, y); stats(tl, l)
	printf "yamlpass: best %.3f s, median %.3f s, peak RSS %.1f MB\n",
	    y["best"], y["median"], y["rss"] / 1024
	printf "lint:     best %.3f s, median %.3f s, peak RSS %.1f MB\n",
	    l["best"], l["median"], l["rss"] / 1024
	r = l["best"] / y["best"]
	m = l["rss"] * 1024 / size
	printf "lint/yamlpass time ratio: %.2f (target <= 1.30) %s" \
	    "  [median ratio %.2f]\n", r, (r <= 1.30 ? "PASS" : "MISS"),
	    l["median"] / y["median"]
	printf "lint peak RSS / file size: %.2f (target < 3.00) %s\n", m,
	    (m < 3.00 ? "PASS" : "MISS")
	exit bad ? 2 : 0
}'
