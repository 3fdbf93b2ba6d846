# Build a repository with BASE (base/) and HEAD (head/) as two commits on
# main, with fixed dates so commit ids are stable.
export GIT_AUTHOR_DATE='2026-09-01T10:00:00Z' GIT_COMMITTER_DATE='2026-09-01T10:00:00Z'
git init -q repo && cp -R base/. repo/ && cd repo &&
git add -A && git commit -qm base &&
git rm -rq . && cp -R ../head/. . &&
export GIT_AUTHOR_DATE='2026-09-08T10:00:00Z' GIT_COMMITTER_DATE='2026-09-08T10:00:00Z' &&
git add -A && git commit -qm head
