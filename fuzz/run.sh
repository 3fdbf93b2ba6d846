#!/bin/sh
# fuzz/run.sh BUILD TARGET... - run each libFuzzer target for FUZZ_SECONDS
# (default 60) over a corpus seeded by fuzz/seeds.sh; report executions and
# findings.  Crashers are left in BUILD/artifacts/TARGET/: after fixing, keep
# each one as a regression input in tests/fuzz-regress/TARGET/.
B=$1; shift
top=$(cd "$(dirname "$0")/.." && pwd)
secs=${FUZZ_SECONDS:-60}
found=0
for t in "$@"; do
	corpus=$B/corpus/$t; art=$B/artifacts/$t/
	seeds=$B/seeds/$t; dirs=
	rm -rf "$seeds"; mkdir -p "$corpus" "$art" "$seeds"
	for s in $(sh "$top/fuzz/seeds.sh" "$t"); do
		if [ -d "$s" ]; then dirs="$dirs $s"
		else cp "$s" "$seeds/$(echo "$s" | tr / _)"; fi
	done
	# shellcheck disable=SC2086
	"$B/fuzz-$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 \
	    -max_len=65536 -print_final_stats=1 -artifact_prefix="$art" \
	    -dict="$top/fuzz/yaml.dict" "$corpus" "$seeds" $dirs \
	    > "$B/fuzz-$t.log" 2>&1
	rc=$?
	runs=$(grep -E '^stat::number_of_executed_units' "$B/fuzz-$t.log" |
	    awk '{print $2}')
	cov=$(grep -E '^#[0-9]+.*(DONE|cov:)' "$B/fuzz-$t.log" | tail -n 1 |
	    sed -n 's/.*cov: \([0-9]*\).*corp: \([0-9/a-zA-Z]*\).*/cov \1, corpus \2/p')
	n=$(find "$art" -type f | wc -l)
	found=$((found + n))
	echo "fuzz-$t: ${runs:-?} executions in ${secs}s, $cov, exit $rc, $n findings"
	[ "$n" -eq 0 ] || { find "$art" -type f; grep -A15 -E '^==[0-9]+==ERROR|fuzz oracle|runtime error' "$B/fuzz-$t.log" | head -40; }
done
[ "$found" -eq 0 ]
