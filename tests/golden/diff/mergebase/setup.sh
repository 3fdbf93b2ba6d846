# main moves on after the branch point; BASE...HEAD compares with the
# merge base, so main's own change does not show.
export GIT_AUTHOR_DATE='2026-09-01T10:00:00Z' GIT_COMMITTER_DATE='2026-09-01T10:00:00Z'
git init -q repo && cp -R ../escape/base/. repo/ 2>/dev/null
cd repo || exit 1
cp -R ../plan/. . && git add -A && git commit -qm base
git checkout -qb feature
sed -i 's/date: 2026-08-10/date: 2026-08-17/' calendar/q3.yaml
git commit -qam "slip the guide"
git checkout -q main
sed -i 's/owner: alex$/owner: sam/' calendar/q3.yaml
git commit -qam "main: re-own"
