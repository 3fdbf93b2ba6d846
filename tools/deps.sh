#!/bin/sh
# tools/deps.sh [--build] [--list] - install the Debian packages strat's
# build and tests need, only those missing.  Used by 'make deps', README's
# commands, .ci/run, the GitHub Action (action.yml) and examples/ci/, so
# that every install line of the project is this one.
#   --build  only what building strat needs (CI jobs that run strat)
#   --list   print the packages, one a line, and install nothing
build="make build-essential pkg-config libyaml-dev libgit2-dev zlib1g-dev
libcmark-gfm-dev libcmark-gfm-extensions-dev git"
tests="libcmocka-dev pre-commit valgrind clang clang-format libclang-rt-14-dev
python3 python3-yaml man-db mandoc libxml2-utils chromium zsh shellcheck"
pkgs="$build $tests"; list=; node=1
for a in "$@"; do
	case $a in
	--build) pkgs=$build; node= ;;
	--list) list=1 ;;
	*) echo "usage: sh tools/deps.sh [--build] [--list]" >&2; exit 2 ;;
	esac
done
if [ -n "$list" ]; then
	# node and npm come from Debian when npm is missing
	printf '%s\n' $pkgs ${node:+nodejs npm}
	exit 0
fi
missing=
for p in $pkgs; do
	dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
# node and npm may come from another source than Debian's packages
[ -z "$node" ] || command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
[ -n "$missing" ] || exit 0
echo "installing:$missing"
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update -qq || exit 2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
	--no-install-recommends $missing >/dev/null || exit 2
