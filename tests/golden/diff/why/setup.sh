# The plan of tests/fixtures/plan, then a slip with --why, a drop by
# another author without one (its summary stands), and a pull-in (no
# reason shown), each made with strat's own commands, at fixed dates.
mkdir -p repo && cp -R "$FIXTURES/plan/." repo/ &&
cp q3.yaml repo/calendar/q3.yaml && cd repo && git init -q && git add -A &&
GIT_AUTHOR_DATE=2026-07-01T10:00:00Z GIT_COMMITTER_DATE=2026-07-01T10:00:00Z \
    git commit -qm "Q3 plan" &&
export STRAT_TODAY=2026-07-06 GIT_AUTHOR_DATE=2026-07-06T10:00:00Z \
    GIT_COMMITTER_DATE=2026-07-06T10:00:00Z &&
$STRAT slip seo-guide --to 2026-07-28 --why "legal review of the figures" --commit &&
GIT_AUTHOR_NAME="Sam Owner" $STRAT drop webinar --commit &&
$STRAT slip nurture --to 2026-09-20 --commit
