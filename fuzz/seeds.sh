#!/bin/sh
# fuzz/seeds.sh TARGET - print the seed paths of a fuzz target, one a line:
# its own seeds (fuzz/seeds/TARGET), the examples, the golden cases, the
# YAML test suite in ../shared when present, and the found crashers
# (tests/fuzz-regress/TARGET).
top=$(cd "$(dirname "$0")/.." && pwd)
t=$1
for d in "$top/fuzz/seeds/$t" "$top/tests/fuzz-regress/$t"; do
	[ -d "$d" ] && echo "$d"
done
# git: each input is a program of objects (fuzz/fuzz_git.c); YAML files are
# not, and each run builds a repository: its own seeds only
[ "$t" = git ] && exit 0
# history: each input builds a repository; the calendars of the example
# are enough beside its own programs (and keep the replay quick)
if [ "$t" = history ]; then
	find "$top/examples/acme/calendar" -type f -name '*.yaml'
	exit 0
fi
find "$top/examples" "$top/tests/golden" -type f -name '*.yaml' 2>/dev/null
shared=$top/../shared/data/yaml-test-suite
[ -d "$shared" ] && echo "$shared"
exit 0
