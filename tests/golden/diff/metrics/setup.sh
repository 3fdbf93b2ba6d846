# BASE (base/) and HEAD (head/) as two commits of repo/.
. "$FIXTURES/base-head.sh"
