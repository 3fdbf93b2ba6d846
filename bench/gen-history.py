#!/usr/bin/env python3
"""gen-history.py KIND [PREFIX] - a git fast-import stream for the report bench.

Writes to standard output a deterministic (fixed seed, fixed dates) history
for `git fast-import`, on refs/heads/main:

  busy  ten years of quarters (2017-Q1 to 2026-Q4), 250 items a quarter in
        calendar/YYYY/qN.yaml (about 40 KB when full), one commit per item
        change: each item is added in its own commit, and 75 a quarter are
        later shipped, re-dated or dropped (about 13,000 plan commits); after
        each plan commit one commit that touches only src/.
  mono  the same plan commits with 100,000 unrelated commits around them,
        in a tree of about 4,000 files.

PREFIX (default empty) puts the plan in that subdirectory of the repository.
"""
import random
import sys

START_YEAR, YEARS = 2017, 10
PER_QUARTER = 250
PEOPLE = ["dana", "alex", "sam", "priya", "jonas", "mei", "lucas", "nora",
          "omar", "ines", "kofi", "lena"]
CHANNELS = ["blog", "email", "webinar", "social", "video", "ads", "event",
            "podcast", "web", "pr"]
THEMES = ["organic", "events", "lifecycle", "community"]
TOPICS = ["pricing", "onboarding", "integrations", "security", "analytics",
          "migration", "roadmap", "case study", "benchmarks", "templates",
          "automation", "reporting", "compliance", "workflows", "teams"]
FORMS = ["Guide to", "Checklist for", "Deep dive on", "Webinar on",
         "Teardown of", "Playbook for", "Field notes on", "Q&A about"]
AUDIENCES = ["mid-market teams", "finance leads", "new admins",
             "agency partners", "ops managers", "founders", "developers"]
MDAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
DAY = 86400


def days_from_civil(y, m, d):
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil(z):
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return "%04d-%02d-%02d" % (y + (m <= 2), m, d)


class Item:
    __slots__ = ("id", "title", "anchor", "owner", "channel", "date",
                 "status", "shipped", "text")

    def render(self):
        t = self.title
        if ":" in t or "&" in t:
            t = '"%s"' % t
        p = " " * DASH
        q = p + "  "
        s = ("%s- id: %s\n%stitle: %s\n%sanchor: %s\n%sowner: %s\n"
             "%schannel: %s\n%sdate: %s\n%sstatus: %s\n"
             % (p, self.id, q, t, q, self.anchor, q, self.owner,
                q, self.channel, q, civil(self.date), q, self.status))
        if self.shipped is not None:
            s += "%sshipped: %s\n" % (q, civil(self.shipped))
        self.text = s


def plan_events(rng):
    """[(time, quarter key, item, action)] sorted by time."""
    ev = []
    for qi in range(YEARS * 4):
        y, q = START_YEAR + qi // 4, qi % 4 + 1
        s = days_from_civil(y, 3 * q - 2, 1)
        e = days_from_civil(y + (q == 4), 1 if q == 4 else 3 * q + 1, 1) - 1
        key = (y, q)
        items = []
        for i in range(PER_QUARTER):
            it = Item()
            it.id = "%d-q%d-%s-%03d" % (y, q, THEMES[i % 4], i)
            it.title = "%s %s for %s" % (rng.choice(FORMS),
                                         rng.choice(TOPICS),
                                         rng.choice(AUDIENCES))
            it.anchor = "%d-q%d-%s" % (y, q, THEMES[i % 4])
            it.owner = rng.choice(PEOPLE)
            it.channel = rng.choice(CHANNELS)
            it.status = "planned"
            it.shipped = None
            if i < 180:  # planned in the month before the quarter
                add = (s - 30) * DAY + rng.randrange(30 * DAY)
                it.date = rng.randrange(s, e + 1)
            else:        # added during the quarter
                add = s * DAY + rng.randrange((e - s - 10) * DAY)
                it.date = rng.randrange(add // DAY + 1, e + 1)
            it.render()
            items.append(it)
            ev.append((add, key, it, "add", None))
        for i, it in enumerate(rng.sample(items, 75)):
            at = max(it.date * DAY + rng.randrange(3 * DAY),
                     s * DAY + 3600)
            if i < 50:
                ev.append((at, key, it, "ship", it.date + rng.randrange(3)))
            elif i < 65:
                ev.append((at - 5 * DAY, key, it, "slip",
                           it.date + 7 + rng.randrange(30)))
            else:
                ev.append((at - 2 * DAY, key, it, "drop", None))
    ev.sort(key=lambda x: (x[0], x[2].id))
    return ev


def static_files(prefix):
    anchors = []
    for qi in range(YEARS * 4):
        y, q = START_YEAR + qi // 4, qi % 4 + 1
        for i, th in enumerate(THEMES):
            anchors.append("  - id: %d-q%d-%s\n    title: %s in %d-Q%d\n"
                           "    quarter: %d-Q%d\n    owner: %s\n"
                           % (y, q, th, th, y, q, y, q,
                              PEOPLE[(qi + i) % len(PEOPLE)]))
    strategy = ("kind: strategy\nversion: 1\ntitle: Ten years\nowner: dana\n"
                "thesis: Ship what we plan.\nanchors:\n" + "".join(anchors))
    team = "kind: team\nversion: 1\npeople:\n" + "".join(
        "  - id: %s\n    name: %s\n" % (p, p.title()) for p in PEOPLE)
    cfg = ("strat: 1\nstrategy: strategy.yaml\nteam: team.yaml\n"
           "calendars:\n  - calendar/**/*.yaml\nweek-starts: monday\n"
           "channels: [%s]\n" % ", ".join(CHANNELS))
    return [(prefix + "strat.yaml", cfg), (prefix + "strategy.yaml", strategy),
            (prefix + "team.yaml", team)]


# The column of the items' dashes: 2 ("  - id:"), or 4 or 0 (busy4,
# busy0: the same history written four-space or column-0, as PyYAML does).
DASH = 2


def main():
    global DASH
    kind = sys.argv[1] if len(sys.argv) > 1 else "busy"
    if kind.startswith("busy") and kind[4:].isdigit():
        DASH = int(kind[4:])
        kind = "busy"
    prefix = sys.argv[2] if len(sys.argv) > 2 else ""
    if prefix and not prefix.endswith("/"):
        prefix += "/"
    rng = random.Random(20170101)
    ev = plan_events(rng)
    if kind == "busy":
        per, ndirs, nfiles = [1] * len(ev), 8, 25
    else:
        total, n = 100000, len(ev)
        per = [total // n + (1 if i < total % n else 0) for i in range(n)]
        ndirs, nfiles = 160, 25
    out = sys.stdout.buffer
    w = out.write
    mark = [0]

    def commit(t, msg, files, author="dana"):
        mark[0] += 1
        m = msg.encode()
        hdr = ("commit refs/heads/main\nmark :%d\n"
               "author %s <%s@example.com> %d +0000\n"
               "committer %s <%s@example.com> %d +0000\ndata %d\n"
               % (mark[0], author, author, t, author, author, t, len(m)))
        w(hdr.encode() + m + b"\n")
        for path, data in files:
            b = data.encode()
            w(b"M 100644 inline " + path.encode() +
              b"\ndata %d\n" % len(b) + b + b"\n")
        w(b"\n")

    t0 = ev[0][0] - DAY
    commit(t0, "initial plan", static_files(prefix) + [
        ("src/d%03d/f%02d.c" % (d, f), "/* %d %d */\n" % (d, f))
        for d in range(ndirs) for f in range(nfiles)])
    cal = {}
    last = t0
    counter = 0
    for k, (t, key, it, act, arg) in enumerate(ev):
        t = max(t, last + 1)
        items = cal.setdefault(key, [])
        if act == "add":
            items.append(it)
        elif act == "ship":
            it.status, it.shipped = "shipped", arg
        elif act == "slip":
            it.date = arg
        else:
            it.status = "dropped"
        it.render()
        y, q = key
        body = ("kind: calendar\nversion: 1\ntitle: %d-Q%d\nitems:\n"
                % (y, q) + "".join(x.text for x in items))
        commit(t, "%s %s" % (act, it.id),
               [("%scalendar/%d/q%d.yaml" % (prefix, y, q), body)],
               it.owner)
        last = t
        for j in range(per[k]):
            counter += 1
            last += 7
            d = (counter * 7919) % ndirs
            f = (counter * 104729) % nfiles
            commit(last, "work %d" % counter,
                   [("src/d%03d/f%02d.c" % (d, f),
                     "/* %d %d */\nint v%d;\n" % (d, f, counter))],
                   PEOPLE[counter % len(PEOPLE)])
    w(b"done\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
