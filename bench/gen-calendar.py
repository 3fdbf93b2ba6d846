#!/usr/bin/env python3
"""gen-calendar.py DIR [N] - write a plan repository for the lint benchmark.

DIR receives strat.yaml, strategy.yaml, team.yaml and calendar/big.yaml with
N calendar items (default 100,000).  The output is deterministic (a fixed
seed, no clock) and lint-clean with --today 2026-12-31: every item traces to
an anchor of its own quarter, has one owner from the team, a listed channel,
a valid date and status, and shipped items carry a shipped date.
"""
import os
import random
import sys

YEAR = 2026
TODAY = "2026-12-31"  # run.sh passes --today; every shipped date is before

PEOPLE = [
    ("dana", "Dana Whitfield", "CMO"),
    ("alex", "Alex Moreno", "SEO lead"),
    ("sam", "Sam Okafor", "Events"),
    ("priya", "Priya Raman", "Content"),
    ("jonas", "Jonas Berg", "Lifecycle"),
    ("mei", "Mei Tanaka", "Product marketing"),
    ("lucas", "Lucas Ferreira", "Paid media"),
    ("nora", "Nora Lindqvist", "Design"),
    ("omar", "Omar Haddad", "Partnerships"),
    ("ines", "Ines Duarte", "Community"),
    ("kofi", "Kofi Mensah", "Video"),
    ("lena", "Lena Vogel", "Analytics"),
]

CHANNELS = ["blog", "email", "webinar", "social", "video", "ads", "event",
            "podcast", "landing-page", "newsletter"]

THEMES = [
    ("organic", "Organic search", "seo"),
    ("events", "Field events", "event"),
    ("lifecycle", "Lifecycle email", "email"),
    ("community", "Community growth", "community"),
]

TOPICS = ["pricing", "onboarding", "integrations", "security", "analytics",
          "migration", "roadmap", "case study", "benchmarks", "templates",
          "automation", "reporting", "compliance", "workflows", "teams"]
FORMS = ["Guide to", "Checklist for", "Deep dive on", "Webinar on",
         "Teardown of", "Playbook for", "Field notes on", "Q&A about"]
AUDIENCES = ["mid-market teams", "finance leads", "new admins",
             "agency partners", "ops managers", "founders", "developers"]
NOTES = ["reuse the Q1 deck", "needs legal review", "pair with the ads push",
         "draft in shared drive", "coordinate with sales enablement"]


def quarter_days(q):
    """(first, last) day-of-year range of quarter q as (month, day) lists."""
    months = {1: (1, 2, 3), 2: (4, 5, 6), 3: (7, 8, 9), 4: (10, 11, 12)}[q]
    days = []
    mdays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    for m in months:
        for d in range(1, mdays[m - 1] + 1):
            days.append((m, d))
    return days


def write_strategy(root):
    out = ["kind: strategy", "version: 1", "title: Acme 2026",
           "owner: dana",
           "thesis: Win the mid-market through search, events and email.",
           "outcomes:"]
    for i, (key, title, _) in enumerate(THEMES):
        out += ["  - id: out-%s" % key,
                "    title: %s drives pipeline" % title,
                "    owner: %s" % PEOPLE[i][0],
                "    kpi: kpi-%s" % key]
    out.append("kpis:")
    for key, title, _ in THEMES:
        out += ["  - id: kpi-%s" % key,
                "    title: %s qualified leads" % title,
                "    owner: lena",
                "    target: \"1200\"",
                "    unit: leads"]
    out.append("anchors:")
    anchors = []
    for q in (1, 2, 3, 4):
        for i, (key, title, _) in enumerate(THEMES):
            aid = "q%d-%s" % (q, key)
            anchors.append((aid, q, key))
            out += ["  - id: %s" % aid,
                    "    title: %s in Q%d" % (title, q),
                    "    quarter: %d-Q%d" % (YEAR, q),
                    "    owner: %s" % PEOPLE[(q + i) % len(PEOPLE)][0],
                    "    outcomes: [out-%s]" % key,
                    "    done: 30%% more %s leads than Q%d" % (key, q),
                    "    milestones:",
                    "      - title: Plan agreed",
                    "        date: %d-%02d-05" % (YEAR, 3 * q - 2)]
    with open(os.path.join(root, "strategy.yaml"), "w") as f:
        f.write("\n".join(out) + "\n")
    return anchors


def write_team(root):
    out = ["kind: team", "version: 1", "people:"]
    for pid, name, role in PEOPLE:
        out += ["  - id: %s" % pid,
                "    name: %s" % name,
                "    email: %s@example.com" % pid,
                "    role: %s" % role]
    with open(os.path.join(root, "team.yaml"), "w") as f:
        f.write("\n".join(out) + "\n")


def write_config(root):
    with open(os.path.join(root, "strat.yaml"), "w") as f:
        f.write("strat: 1\n"
                "strategy: strategy.yaml\n"
                "team: team.yaml\n"
                "calendars: [\"calendar/**/*.yaml\"]\n"
                "channels: [%s]\n"
                "week-starts: monday\n" % ", ".join(CHANNELS))


def title(rng):
    t = "%s %s for %s" % (rng.choice(FORMS), rng.choice(TOPICS),
                          rng.choice(AUDIENCES))
    return t[:48]


def write_calendar(root, anchors, n, shape="rich"):
    rng = random.Random(20260401)
    qdays = {q: quarter_days(q) for q in (1, 2, 3, 4)}
    os.makedirs(os.path.join(root, "calendar"), exist_ok=True)
    path = os.path.join(root, "calendar", "big.yaml")
    with open(path, "w") as f:
        f.write("kind: calendar\nversion: 1\n"
                "title: Acme marketing calendar %d\nitems:\n" % YEAR)
        for i in range(n):
            aid, q, key = anchors[i % len(anchors)]
            m, d = rng.choice(qdays[q])
            date = "%d-%02d-%02d" % (YEAR, m, d)
            r = rng.random()
            status = ("shipped" if r < 0.55 else "planned" if r < 0.8
                      else "in-progress" if r < 0.93 else "dropped")
            t = title(rng)
            quote = '"' if ":" in t or "&" in t else ""
            if shape == "compact":
                # about 150 bytes an item, every field short
                lines = ["  - id: c%06d" % i,
                         "    title: Post %d" % i,
                         "    anchor: %s" % aid,
                         "    owner: %s" % rng.choice(PEOPLE)[0],
                         "    channel: %s" % rng.choice(CHANNELS),
                         "    date: %s" % date,
                         "    status: %s" % ("planned" if status ==
                                             "shipped" else status)]
                f.write("\n".join(lines) + "\n")
                continue
            lines = ["  - id: %s-%06d" % (key, i),
                     "    title: %s%s%s" % (quote, t, quote),
                     "    anchor: %s" % aid,
                     "    owner: %s" % rng.choice(PEOPLE)[0],
                     "    channel: %s" % rng.choice(CHANNELS),
                     "    date: %s" % date,
                     "    status: %s" % status]
            if status == "shipped":
                sd = min(d + rng.randint(0, 2), 28)
                lines.append("    shipped: %d-%02d-%02d" % (YEAR, m, sd))
            if rng.random() < 0.3:
                lines.append("    link: https://acme.example.com/%s/%06d"
                             % (key, i))
            if rng.random() < 0.2:
                lines.append("    notes: %s" % rng.choice(NOTES))
            if rng.random() < 0.1:
                lines.append("    kpi: kpi-%s" % key)
            f.write("\n".join(lines) + "\n")


def main():
    if len(sys.argv) < 2:
        sys.stderr.write("usage: gen-calendar.py DIR [N [rich|compact]]\n")
        return 2
    root = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    shape = sys.argv[3] if len(sys.argv) > 3 else "rich"
    os.makedirs(root, exist_ok=True)
    write_config(root)
    anchors = write_strategy(root)
    write_team(root)
    write_calendar(root, anchors, n, shape)
    return 0


if __name__ == "__main__":
    sys.exit(main())
