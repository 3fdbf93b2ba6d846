#!/bin/sh
# bench/report.sh BUILD_DIR - the report benchmark (make bench).
#
# Generates the repositories once, cached in BUILD_DIR/bench-report
# (bench/gen-history.py into git fast-import; regenerated when the
# generator changes):
#   busy  10 years of quarters, 250 items a quarter, one commit per item
#         change (~13,000 plan commits rewriting a ~40 KB calendar file)
#         and as many unrelated commits (26,001 commits);
#   mono  the same plan commits among 100,000 unrelated ones (113,001);
#   monogc  mono cloned and repacked with 'git repack -a -d -f' (what
#         git gc --aggressive runs, here with git's default window and
#         depth): calendar versions are deltas of each other, as in
#         a repository git has packed (62 MB of pack against 92).
# None has a commit-graph file (libgit2 1.5 cannot read git 2.39's):
# git log walks the packed commits as strat does.  All but monogc are one
# pack as fast-import writes it: every blob whole (fast-import deltas a
# blob only against the blob written just before, here an unrelated
# file), trees in delta chains of up to 50.  Few repositories look like
# that: commits are written loose and git gc packs them as deltas, pushes
# send deltas and clones receive a server's packs.  Only a history
# written by fast-import keeps every blob whole (git gc keeps fast-
# import's pack as it is; 'git repack -f' redoes it).  So monogc is the
# monorepo users have, and mono the worst case, where strat inflates
# 356 MB of whole calendar versions that git log never reads (a quarter
# of strat's time there).  For comparison, on a copy of mono (git 2.39,
# 2 cores): git log 1.0 s without a commit-graph, 0.55 s with one
# (`git commit-graph write --reachable`), 0.45 s with changed-path Bloom
# filters too (--changed-paths); `git -c core.commitGraph=false log`
# there is back at 1.0 s.
#
# strat reads every object through libgit2 (lib/git.c).
#
# Targets, each side measured in the same round, rounds interleaved
# (ROUNDS, default 3), median and best of the per-round ratios:
#   busy: strat report / yamlhist parse pass < 1.00, where yamlhist
#         (bench/yamlhist.c, libgit2 + libyaml) walks the same first-
#         parent history and runs a bare yaml_parser_parse loop over every
#         changed calendar blob version.  Only its parse loops are timed:
#         the reference is the parse pass alone, as if the blobs had been
#         extracted beforehand (the stricter choice: strat's time
#         includes its walk, blob reads and rendering).  CPU time (user +
#         system) is compared, since the shared machines' wall clocks
#         stall; wall time is printed too.
#   monogc: strat report / git log --first-parent --format=%H -- <plan
#         paths> <= 2.00 (CPU time);
#   mono: the same ratio, printed for the worst case with no target.
#   busy4, busy0: busy written with four-space and column-0 lists ("- id:"
#         under "items:"): the same target as busy.
#   peak RSS of strat report < 100 MB on each, and of strat report
#   --no-reuse on busy (run once, after the rounds).
# Prints PASS or MISS per target; exits non-zero only when the benchmark
# itself cannot run.
B=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
: "${ROUNDS:=3}" "${CC:=cc}"
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1
bin=$B/bench data=$B/bench-report
mkdir -p "$bin" "$data" || exit 2
strat=$top/$B/strat
[ -x "$strat" ] || { echo "bench: $strat not built" >&2; exit 2; }

cflags="-std=c11 -O2 -Wall -Wextra -D_DEFAULT_SOURCE"
if [ ! -x "$bin/runstat" ] || [ bench/runstat.c -nt "$bin/runstat" ]; then
	$CC $cflags -o "$bin/runstat" bench/runstat.c || exit 2
fi
if [ ! -x "$bin/yamlhist" ] || [ bench/yamlhist.c -nt "$bin/yamlhist" ]; then
	# shellcheck disable=SC2046
	$CC $cflags $(pkg-config --cflags libgit2 yaml-0.1) \
	    -o "$bin/yamlhist" bench/yamlhist.c \
	    $(pkg-config --libs libgit2 yaml-0.1) || exit 2
fi

kinds="busy busy4 busy0 mono monogc"
for kind in busy busy4 busy0 mono; do
	repo=$data/$kind
	if [ ! -f "$repo/.done" ] || [ bench/gen-history.py -nt "$repo/.done" ]
	then
		echo "bench: generating the $kind history into $repo"
		rm -rf "$repo"
		git init -q "$repo" || exit 2
		python3 bench/gen-history.py $kind |
		    git -C "$repo" fast-import --done --quiet || exit 2
		git -C "$repo" symbolic-ref HEAD refs/heads/main
		git -C "$repo" checkout -q main || exit 2
		: > "$repo/.done"
	fi
done
if [ ! -f "$data/monogc/.done" ] || [ "$data/mono/.done" -nt "$data/monogc/.done" ]
then
	echo "bench: repacking a clone of mono into $data/monogc"
	rm -rf "$data/monogc"
	git clone -q --no-local "$data/mono" "$data/monogc" &&
	    git -C "$data/monogc" repack -a -d -f -q || exit 2
	: > "$data/monogc/.done"
fi

res=$(mktemp); trap 'rm -f "$res"' EXIT
# one line per round and side: KIND SIDE WALL RSS_KB CPU
i=0
while [ $i -lt "$ROUNDS" ]; do
	for kind in $kinds; do
		repo=$data/$kind
		s=$("$bin/runstat" "$strat" -C "$repo" report) || exit 2
		echo "$kind strat $s" >> "$res"
		if [ $kind != mono ] && [ $kind != monogc ]; then
			r=$("$bin/yamlhist" "$repo" calendar) || exit 2
			# PARSE BLOBS BYTES TOTAL -> wall=cpu=parse
			set -- $r
			echo "$kind ref $1 0 0 $1" >> "$res"
			[ $kind = busy ] && echo "$2 $3" > "$data/busy.blobs"
		else
			r=$("$bin/runstat" git -C "$repo" log --first-parent \
			    --format=%H -- strat.yaml strategy.yaml team.yaml \
			    calendar) || exit 2
			echo "$kind ref $r" >> "$res"
		fi
	done
	i=$((i + 1))
done

# reuse off: every changed calendar version parsed whole (memory only)
s=$("$bin/runstat" "$strat" -C "$data/busy" report --no-reuse) || exit 2
echo "noreuse strat $s" >> "$res"

awk -v rounds="$ROUNDS" -v blobs="$(cat "$data/busy.blobs")" '
function sort(a, n,   i, j, t) {
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
			t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
		}
}
{
	# KIND SIDE WALL RSS EXIT CPU (ref of busy: KIND ref PARSE 0 0 PARSE)
	k = $1; side = $2
	if (side == "strat") {
		n[k]++; sw[k, n[k]] = $3; sc[k, n[k]] = $6
		if ($4 > rss[k]) rss[k] = $4
		if ($5 != 0) bad[k] = $5
	} else {
		m[k]++; rw[k, m[k]] = $3; rc[k, m[k]] = (k !~ /^mono/ ? $3 : $6)
	}
}
END {
	split(blobs, bb, " ")
	printf "bench: report, %d rounds; busy: yamlhist parses %d blob versions, %.0f MB\n", rounds, bb[1], bb[2] / 1e6
	limit["busy"] = limit["busy4"] = limit["busy0"] = 1.00
	limit["monogc"] = 2.00
	name["busy"] = "busy team, \"  - id:\":   strat report / libyaml parse pass"
	name["busy4"] = "busy team, \"    - id:\": strat report / libyaml parse pass"
	name["busy0"] = "busy team, \"- id:\":     strat report / libyaml parse pass"
	name["monogc"] = "monorepo, packed by git: strat report / git log -- <plan paths>"
	name["mono"] = "monorepo, every blob whole (worst case): strat report / git log -- <plan paths>"
	split("busy busy4 busy0 monogc mono", kk, " ")
	for (ki = 1; ki <= 5; ki++) {
		k = kk[ki]
		if (bad[k]) { printf "%s: strat report failed (exit %d)\n", k, bad[k]; miss++; continue }
		for (i = 1; i <= n[k]; i++) {
			r[i] = sc[k, i] / rc[k, i]
			s1[i] = sc[k, i]; s2[i] = rc[k, i]; s3[i] = sw[k, i]
		}
		sort(r, n[k]); sort(s1, n[k]); sort(s2, n[k]); sort(s3, n[k])
		med = r[int((n[k] + 1) / 2)]
		if (k == "mono") {
			tgt = "the worst case, no target"; verdict = ""
		} else {
			op = k == "monogc" ? "<=" : "<"
			tgt = sprintf("target %s %.2f", op, limit[k])
			ok = op == "<=" ? med <= limit[k] : med < limit[k]
			verdict = ok ? " PASS" : " MISS"
		}
		printf "%s: median %.2f, best %.2f (%s; strat %.2f s cpu, %.2f s wall; reference %.2f s)%s\n", \
		    name[k], med, r[1], tgt, s1[int((n[k] + 1) / 2)], \
		    s3[int((n[k] + 1) / 2)], s2[int((n[k] + 1) / 2)], verdict
		printf "%s: strat report peak RSS %.1f MB (target < 100 MB) %s\n", \
		    k, rss[k] / 1024, rss[k] < 100 * 1024 ? "PASS" : "MISS"
	}
	printf "busy: strat report --no-reuse peak RSS %.1f MB, %.2f s cpu (target < 100 MB) %s\n", \
	    rss["noreuse"] / 1024, sc["noreuse", 1], \
	    rss["noreuse"] < 100 * 1024 ? "PASS" : "MISS"
}' "$res"
