#!/bin/sh
# examples/make-history.sh DIR - build a year of realistic git history for
# the acme example plan in a new repository DIR, so that 'strat report' has
# something to measure:
#
#   sh examples/make-history.sh /tmp/acme-history
#   cd /tmp/acme-history && strat report
#
# The history replays examples/acme with fixed dates (deterministic): items
# are added to the calendar two weeks before their quarter (some only
# days before their date: unplanned work), some are re-dated later (slips), statuses
# move to shipped on their shipped date, dropped items are dropped a few
# days before their date; each KPI reading of examples/acme/metrics is
# committed on its day.  Nothing outside DIR is touched; DIR must not
# exist yet.
set -eu
dir=${1:?usage: make-history.sh DIR}
src=$(cd "$(dirname "$0")/acme" && pwd)
[ ! -e "$dir" ] || { echo "make-history.sh: '$dir' exists" >&2; exit 2; }
mkdir -p "$dir"
cd "$dir"
git init -q
export GIT_AUTHOR_NAME="Priya Raman" GIT_AUTHOR_EMAIL=priya@acme.example
export GIT_COMMITTER_NAME="Priya Raman" GIT_COMMITTER_EMAIL=priya@acme.example
python3 - "$src" "${CUTOFF:-2026-11-23}" <<'PY'
import os, re, subprocess, sys, zlib, datetime as dt
src, cutoff = sys.argv[1], dt.date.fromisoformat(sys.argv[2])
D = dt.date.fromisoformat
def commit(day, msg, hour=10):
    env = dict(os.environ)
    t = "%sT%02d:00:00Z" % (day.isoformat(), hour)
    env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = t
    subprocess.run(["git", "add", "-A"], check=True)
    subprocess.run(["git", "commit", "-q", "--allow-empty", "-m", msg],
                   check=True, env=env)
for f in ("strat.yaml", "strategy.yaml", "team.yaml"):
    open(f, "w").write(open(os.path.join(src, f)).read())
os.makedirs("calendar/2026", exist_ok=True)
files = {}
items = []
for q in ("q1", "q2", "q3", "q4"):
    text = open(os.path.join(src, "calendar/2026/%s.yaml" % q)).read()
    head, _, body = text.partition("items:\n")
    files[q] = head + "items:\n"
    for block in re.split(r"(?m)^(?=  - id: )", body):
        if not block.startswith("  - id: "):
            continue
        g = lambda k: (re.search(r"(?m)^    %s: (.*)$" % k, block) or
                       [None, None])[1]
        items.append(dict(q=q, id=block[8:block.index("\n")].strip(),
                          block=block, date=D(g("date")),
                          status=g("status"), shipped=g("shipped")))
def h(s, n):
    return zlib.crc32(s.encode()) % n
state = {}  # id -> (date, status, shipped)
def render(it, st):
    date, status, shipped = st
    b = re.sub(r"(?m)^    date: .*$", "    date: " + date.isoformat(),
               it["block"])
    b = re.sub(r"(?m)^    status: .*$", "    status: " + status, b)
    b = re.sub(r"(?m)^    shipped: .*\n", "", b)
    if status == "shipped":
        b = re.sub(r"(?m)^(    status: .*\n)",
                   lambda m: m.group(1) + "    shipped: %s\n" % shipped, b)
    return b
# KPI readings: each is committed on its day, appended to its file
mdir = os.path.join(src, "metrics")
mhead, mlines = {}, {}
for f in sorted(os.listdir(mdir)) if os.path.isdir(mdir) else []:
    text = open(os.path.join(mdir, f)).read()
    head, _, body = text.partition("readings:\n")
    mhead[f], mlines[f] = head + "readings:\n", []
    for line in body.splitlines(True):
        m = re.search(r"date: (\d{4}-\d\d-\d\d)", line)
        if m:
            mlines[f].append((D(m.group(1)), line))
recorded = {}  # file -> lines recorded so far
def write():
    for q in files:
        out = files[q] + "".join(render(it, state[it["id"]]) for it in items
                                 if it["q"] == q and it["id"] in state)
        open("calendar/2026/%s.yaml" % q, "w").write(out)
    for f, lines in recorded.items():
        os.makedirs("metrics", exist_ok=True)
        open("metrics/" + f, "w").write(mhead[f] + "".join(lines))
events = []  # (day, order, message, fn)
for it in items:
    d = it["date"]
    slip = h(it["id"], 5) == 0 and it["status"] != "dropped"
    unplanned = (h(it["id"], 9) == 1 and it["status"] == "shipped")
    orig = d - dt.timedelta(days=35) if slip else d
    qs = dt.date(orig.year, (orig.month - 1) // 3 * 3 + 1, 1)
    # planned in the planning session two weeks before the quarter;
    # unplanned work appears four days before its date
    add = d - dt.timedelta(days=4) if unplanned else qs - dt.timedelta(days=14)
    add = max(add, D("2025-12-01"))
    def mk(st):
        return lambda: state.__setitem__(it["id"], st)
    events.append((add, 0, "plan %s" % it["id"],
                   lambda it=it, orig=orig: state.__setitem__(
                       it["id"], (orig, "planned", None))))
    if slip:
        events.append((orig - dt.timedelta(days=3), 1,
                       "re-date %s" % it["id"],
                       lambda it=it, d=d: state.__setitem__(
                           it["id"], (d, "planned", None))))
    if it["status"] == "shipped":
        sd = D(it["shipped"] or d.isoformat())
        events.append((sd, 2, "ship %s" % it["id"],
                       lambda it=it, d=d: state.__setitem__(
                           it["id"], (d, "shipped", it["shipped"]))))
    elif it["status"] == "dropped":
        events.append((d - dt.timedelta(days=5), 2, "drop %s" % it["id"],
                       lambda it=it, d=d: state.__setitem__(
                           it["id"], (d, "dropped", None))))
    elif it["status"] == "in-progress":
        events.append((d - dt.timedelta(days=7), 2, "start %s" % it["id"],
                       lambda it=it, d=d: state.__setitem__(
                           it["id"], (d, "in-progress", None))))
for f in mlines:
    for day, line in mlines[f]:
        events.append((day, 3, "record %s %s" % (f[:-5], day),
                       lambda f=f, line=line:
                           recorded.setdefault(f, []).append(line)))
events.sort(key=lambda e: (e[0], e[1], e[2]))
commit(D("2025-11-24"), "strategy and team for 2026")
for i, (day, order, msg, fn) in enumerate(events):
    if day > cutoff:
        continue
    fn()
    write()
    commit(day, msg, 9 + order)
PY
echo "history of examples/acme written to $dir ($(git rev-list --count HEAD) commits)"
