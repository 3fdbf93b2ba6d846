#!/usr/bin/env python3
"""Run the examples of spec/SPEC.md as tests (see "Examples as tests").

Each example is the baseline plan plus the `yaml file=PATH` blocks since the
previous `diagnostics` block; the `diagnostics` block holds the expected
diagnostic and hint lines of `strat lint --format text` with today =
2026-05-15.  Source excerpt lines (`   14 | ...`, `      | ^`) are not part
of the comparison.  Prints one line per failure and "N passed, N failed".  With SARIF_OUT set,
each example's `strat lint --format sarif` is also written there.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
strat = os.environ.get("STRAT", os.path.join(top, "build", "strat"))
wrap = os.environ.get("STRAT_WRAP", "").split()
spec = open(os.path.join(top, "spec", "SPEC.md"), encoding="utf-8").read()

fence = re.compile(r"^```([^\n]*)\n(.*?)^```[ \t]*$", re.S | re.M)
excerpt = re.compile(r"^( {0,4}\d+ \|| +\|)")

examples = []  # (heading, files dict, absent set, expected)
files, absent = {}, set()
heading = ""
pos = 0
for m in fence.finditer(spec):
    before = spec[pos:m.start()]
    for h in re.findall(r"^#+ (.*)$", before, re.M):
        heading = h
    pos = m.end()
    info, body = m.group(1).split(), m.group(2)
    if not info:
        continue
    if info[0] == "yaml" and len(info) > 1 and info[1].startswith("file="):
        path = info[1][5:]
        if "absent" in info[2:]:
            absent.add(path)
            files.pop(path, None)
        else:
            files[path] = body
            absent.discard(path)
    elif info[0] == "diagnostics":
        examples.append((heading, dict(files), set(absent), body))
        files, absent = {}, set()

if not examples:
    print("no examples found in spec/SPEC.md")
    print("0 passed, 1 failed")
    sys.exit(1)

base_heading, baseline, _, _ = examples[0]
passed = failed = 0
for heading, ex_files, ex_absent, expected in examples:
    d = tempfile.mkdtemp(prefix="strat-spec-")
    try:
        merged = dict(baseline)
        merged.update(ex_files)
        for p in ex_absent:
            merged.pop(p, None)
        for p, text in merged.items():
            full = os.path.join(d, p)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as f:
                f.write(text)
        env = dict(os.environ, STRAT_TODAY="2026-05-15", NO_COLOR="1")
        r = subprocess.run(wrap + [strat, "lint", "--format", "text", d],
                           capture_output=True, env=env, cwd=d)
        out = r.stdout.decode("utf-8", "replace")
        if os.environ.get("SARIF_OUT"):  # tests/suite-formats.sh
            s = subprocess.run(wrap + [strat, "lint", "--format", "sarif", d],
                               capture_output=True, env=env, cwd=d)
            name = "%03d-%s.sarif" % (passed + failed,
                                      re.sub(r"[^a-z0-9-]", "", heading))
            with open(os.path.join(os.environ["SARIF_OUT"], name), "wb") as f:
                f.write(s.stdout)
        got = [l for l in out.splitlines() if not excerpt.match(l)]
        want = expected.splitlines()
        want_rc = 1 if any(": error: " in l for l in want) else 0
        if got == want and r.returncode == want_rc:
            passed += 1
        else:
            failed += 1
            print("FAIL spec example under '%s' (exit %d, want %d)"
                  % (heading, r.returncode, want_rc))
            for l in want:
                if l not in got:
                    print("  - " + l)
            for l in got:
                if l not in want:
                    print("  + " + l)
    finally:
        shutil.rmtree(d)
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
