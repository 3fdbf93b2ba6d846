#!/bin/sh
# tools/deps.sh - install the Debian packages strat's build and tests need,
# only those missing.  Used by 'make deps', README's commands and .ci/run.
pkgs="make build-essential pkg-config libyaml-dev libgit2-dev zlib1g-dev
libcmark-gfm-dev libcmark-gfm-extensions-dev libcmocka-dev git
pre-commit valgrind clang clang-format libclang-rt-14-dev python3 man-db
mandoc libxml2-utils chromium zsh"
missing=
for p in $pkgs; do
	dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
# node and npm may come from another source than Debian's packages
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
[ -n "$missing" ] || exit 0
echo "installing:$missing"
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update -qq || exit 2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
	--no-install-recommends $missing >/dev/null || exit 2
