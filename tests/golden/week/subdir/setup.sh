# The plan lives in plans/a/ of a larger repository: history is read from
# that subdirectory of each commit.
set -e
mkdir -p plans/a
mv strat.yaml strategy.yaml calendar plans/a/
echo "not a plan" > README
git init -q .
git add .
GIT_AUTHOR_DATE=2026-04-20T09:00:00Z GIT_COMMITTER_DATE=2026-04-20T09:00:00Z \
	git commit -q -m "plan"
sed 's/date: 2026-05-10/date: 2026-05-12/' plans/a/calendar/q2.yaml > x
mv x plans/a/calendar/q2.yaml
GIT_AUTHOR_DATE=2026-05-04T09:00:00Z GIT_COMMITTER_DATE=2026-05-04T09:00:00Z \
	git commit -q -a -m "re-date next-sun"
