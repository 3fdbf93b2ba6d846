# the plan in a subdirectory of a repository: GitHub resolves annotation
# paths from the top of the checkout
mkdir plan && mv calendar strat.yaml strategy.yaml team.yaml plan/
git init -q && git add -A
