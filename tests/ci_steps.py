#!/usr/bin/env python3
"""tests/ci_steps.py - run the shell steps of action.yml, of a GitHub
workflow and of a GitLab CI job as their runners do, and check their shape
(tests/suite-ci.sh).  The runners themselves cannot run here; this reads
the files as they are, so the test runs what a user copies, never a copy of
it.  actionlint (tests/ci) and shellcheck check the same files.

  check-action ACTION.yml
      the shape of a composite action: name, description, runs.using
      composite, steps with run+shell or uses, every input used declared
      and every input declared used, no ${{ }} inside run: (inputs reach
      the scripts through env:), step references to earlier step ids
  check-workflow WORKFLOW.yml OWNER/REPO ACTION.yml
      the workflow's permissions and its use of the action (inputs known)
  run-job WORKFLOW.yml JOB OWNER/REPO=DIR
      run the job's steps: actions/checkout is the test's checkout, the
      action OWNER/REPO runs from DIR/action.yml, other 'uses' are logged
  run-action ACTION.yml [NAME=VALUE...]
      run the composite action with these inputs
  gitlab-script GITLAB-CI.yml JOB KEY
      print the job's KEY (script, before_script) as one shell script
  scripts ACTION.yml GITLAB-CI.yml JOB DIR
      write every shell script of the action's run: steps and of the
      job's before_script and script to DIR (for shellcheck)
  action-workflow ACTION.yml
      print a workflow whose one job runs the action's steps, its inputs
      those of workflow_call (for actionlint, which reads workflows)
  install-lines DEPS.sh FILE...
      every package-manager install line of FILE... must be tools/deps.sh
      or list the packages 'DEPS.sh --list' (or --list --build) prints

The GitHub runs take their context from the environment the test sets:
GITHUB_EVENT_NAME, GITHUB_REPOSITORY, GITHUB_BASE_REF, GITHUB_ACTOR,
RUNNER_TEMP and STRAT_TEST_EVENT (the event payload as JSON).  Each step
gets GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH and GITHUB_STEP_SUMMARY
(RUNNER_TEMP/summary.md) as on GitHub; a 'bash' step runs as
'bash --noprofile --norc -eo pipefail FILE'.  Expressions: the contexts
inputs, github, steps and env, string literals, == and !=; anything else is
an error here, so that a new construct in action.yml extends this runner
rather than going untested.
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

import yaml

EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def load(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    if isinstance(doc, dict) and True in doc:  # YAML 1.1 reads 'on' as true
        doc["on"] = doc.pop(True)
    return doc


def fail(msg):
    print("ci_steps: " + msg, file=sys.stderr)
    sys.exit(2)


# --- expressions -----------------------------------------------------------

class Scope:
    def __init__(self, github, inputs=None, env=None):
        self.github = github
        self.inputs = inputs or {}
        self.steps = {}
        self.env = env or {}

    def value(self, ref):
        ref = ref.strip()
        m = re.fullmatch(r"'((?:[^']|'')*)'", ref)
        if m:
            return m.group(1).replace("''", "'")
        parts = ref.split(".")
        if parts[0] == "inputs" and len(parts) == 2:
            if parts[1] not in self.inputs:
                fail("undeclared input '%s'" % parts[1])
            return self.inputs[parts[1]]
        if parts[0] == "env" and len(parts) == 2:
            return self.env.get(parts[1], "")
        if parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
            return self.steps.get(parts[1], {}).get(parts[3], "")
        if parts[0] == "github":
            v = self.github
            for p in parts[1:]:
                v = v.get(p) if isinstance(v, dict) else None
            if v is None:
                return ""
            return v if isinstance(v, str) else json.dumps(v)
        fail("unsupported expression '%s'" % ref)

    def cond(self, expr):
        expr = expr.strip()
        m = EXPR.fullmatch(expr)
        if m:
            expr = m.group(1)
        m = re.fullmatch(r"(.+?)\s*(==|!=)\s*(.+)", expr)
        if not m:
            fail("unsupported condition '%s'" % expr)
        a, b = self.value(m.group(1)), self.value(m.group(3))
        return (a == b) if m.group(2) == "==" else (a != b)

    def subst(self, text):
        if text is None:
            return ""
        if isinstance(text, bool):
            return "true" if text else "false"
        if not isinstance(text, str):
            return str(text)
        return EXPR.sub(lambda m: self.value(m.group(1)), text)


# --- running steps ----------------------------------------------------------

def read_kv(path):
    """name=value lines and name<<EOF heredocs, as the runner reads them"""
    out = {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line:
            continue
        if "<<" in line and ("=" not in line or
                             line.index("<<") < line.index("=")):
            name, delim = line.split("<<", 1)
            val = []
            while i < len(lines) and lines[i] != delim:
                val.append(lines[i])
                i += 1
            i += 1
            out[name] = "\n".join(val)
        elif "=" in line:
            name, val = line.split("=", 1)
            out[name] = val
        else:
            fail("bad line in a runner file: %r" % line)
    return out


class Runner:
    def __init__(self, actions=None):
        self.temp = os.environ["RUNNER_TEMP"]
        self.summary = os.path.join(self.temp, "summary.md")
        self.paths = []      # GITHUB_PATH, newest first
        self.jobenv = {}     # GITHUB_ENV
        self.actions = actions or {}
        event = os.environ.get("STRAT_TEST_EVENT")
        self.github = {
            "event_name": os.environ.get("GITHUB_EVENT_NAME", "push"),
            "repository": os.environ.get("GITHUB_REPOSITORY", ""),
            "base_ref": os.environ.get("GITHUB_BASE_REF", ""),
            "actor": os.environ.get("GITHUB_ACTOR", ""),
            "workspace": os.getcwd(),
            "token": "test-token",
            "event": json.loads(event) if event else {},
        }

    def shell(self, script, shell, env, name):
        fd, path = tempfile.mkstemp(dir=self.temp, suffix=".sh")
        with os.fdopen(fd, "w") as f:
            f.write(script)
        if shell == "bash":
            cmd = ["bash", "--noprofile", "--norc", "-eo", "pipefail", path]
        elif shell == "sh":
            cmd = ["sh", "-e", path]
        else:
            fail("step '%s': shell '%s' is not run here" % (name, shell))
        out = os.path.join(self.temp, "output")
        genv = os.path.join(self.temp, "env")
        gpath = os.path.join(self.temp, "path")
        for p in (out, genv, gpath):
            open(p, "w").close()
        e = dict(os.environ)
        e.update(self.jobenv)
        e.update(env)
        e.update({"GITHUB_OUTPUT": out, "GITHUB_ENV": genv,
                  "GITHUB_PATH": gpath, "GITHUB_STEP_SUMMARY": self.summary,
                  "GITHUB_WORKSPACE": os.getcwd(), "GITHUB_ACTIONS": "true",
                  "CI": "true"})
        e["PATH"] = os.pathsep.join(self.paths + [e.get("PATH", "")])
        sys.stdout.flush()
        rc = subprocess.call(cmd, env=e)
        os.unlink(path)
        self.jobenv.update(read_kv(genv))
        with open(gpath, encoding="utf-8") as f:
            self.paths = [p for p in f.read().split("\n") if p][::-1] + \
                self.paths
        return rc, read_kv(out)

    def steps(self, steps, scope, action_path=None):
        """run steps in scope; return True when every step succeeded"""
        ok = True
        for i, st in enumerate(steps):
            name = st.get("name") or st.get("uses") or "step %d" % (i + 1)
            if "if" in st:
                run = ok and scope.cond(str(st["if"]))
            else:
                run = ok
            if not run:
                print("ci_steps: step '%s': skipped" % name)
                continue
            env = {k: scope.subst(v) for k, v in (st.get("env") or {}).items()}
            if action_path:
                env["GITHUB_ACTION_PATH"] = action_path
            outputs = {}
            if "run" in st:
                print("ci_steps: step '%s'" % name)
                rc, outputs = self.shell(st["run"], st.get("shell", "bash"),
                                         env, name)
            else:
                rc = self.uses(st, scope)
            if "id" in st:
                scope.steps[st["id"]] = outputs
            print("ci_steps: step '%s': %s" %
                  (name, "success" if rc == 0 else "failure (%d)" % rc))
            if rc != 0:
                ok = False
        return ok

    def uses(self, st, scope):
        uses = st["uses"]
        w = {k: scope.subst(v) for k, v in (st.get("with") or {}).items()}
        repo = uses.split("@")[0]
        if repo == "actions/checkout":
            print("ci_steps: uses %s: the test's checkout" % uses)
            return 0
        if repo in self.actions:
            return 0 if self.action(self.actions[repo], w) else 1
        print("ci_steps: uses %s with %s" % (uses, json.dumps(w, sort_keys=True)))
        return 0

    def action(self, path, given):
        doc = load(path)
        inputs = {}
        for k, spec in (doc.get("inputs") or {}).items():
            inputs[k] = Scope(self.github).subst(
                (spec or {}).get("default", ""))
        for k, v in given.items():
            if k not in inputs:
                fail("input '%s' is not declared by %s" % (k, path))
            inputs[k] = v
        scope = Scope(dict(self.github, action_path=os.path.dirname(
            os.path.abspath(path))), inputs)
        return self.steps(doc["runs"]["steps"], scope,
                          os.path.dirname(os.path.abspath(path)))


# --- shape checks -----------------------------------------------------------

ACTION_KEYS = {"name", "author", "description", "inputs", "outputs", "runs",
               "branding"}
STEP_KEYS = {"name", "id", "if", "run", "shell", "uses", "with", "env",
             "working-directory", "continue-on-error"}


def refs(node):
    """every ${{ }} expression inside node"""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from refs(v)
    elif isinstance(node, str):
        for m in EXPR.finditer(node):
            yield m.group(1)


def check_action(path):
    doc = load(path)
    errs = []
    if not isinstance(doc, dict):
        fail("%s: not a mapping" % path)
    for k in sorted(set(doc) - ACTION_KEYS):
        errs.append("unknown top-level key '%s'" % k)
    for k in ("name", "description", "runs"):
        if not doc.get(k):
            errs.append("required key '%s' missing" % k)
    inputs = doc.get("inputs") or {}
    for k, spec in inputs.items():
        if not isinstance(spec, dict) or not spec.get("description"):
            errs.append("input '%s' has no description" % k)
        elif "default" in spec and not isinstance(spec["default"], str):
            errs.append("input '%s': default %r is not a string" %
                        (k, spec["default"]))
    for k, spec in (doc.get("outputs") or {}).items():
        if not isinstance(spec, dict) or "value" not in spec or \
                "description" not in spec:
            errs.append("output '%s' needs description and value" % k)
    runs = doc.get("runs") or {}
    if runs.get("using") != "composite":
        errs.append("runs.using is not composite")
    steps = runs.get("steps")
    if not isinstance(steps, list) or not steps:
        errs.append("runs.steps is not a list of steps")
        steps = []
    ids = []
    for i, st in enumerate(steps):
        where = "step %d (%s)" % (i + 1, st.get("name", "?"))
        for k in sorted(set(st) - STEP_KEYS):
            errs.append("%s: unknown key '%s'" % (where, k))
        if ("run" in st) == ("uses" in st):
            errs.append("%s: needs exactly one of run and uses" % where)
        if "run" in st:
            if "shell" not in st:
                errs.append("%s: a composite run step needs shell" % where)
            if EXPR.search(st["run"]):
                errs.append("%s: ${{ }} inside run: (pass it through env:)"
                            % where)
        if "uses" in st and not re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+[\w.]*",
                                             st["uses"]):
            errs.append("%s: uses '%s' is not pinned to a version" %
                        (where, st["uses"]))
        exprs = list(refs({k: v for k, v in st.items() if k != "run"}))
        for r in exprs + [str(st.get("if", ""))]:
            for m in re.finditer(r"\bsteps\.([\w-]+)\.", r):
                if m.group(1) not in ids:
                    errs.append("%s: refers to step '%s' not run before" %
                                (where, m.group(1)))
        if "id" in st:
            ids.append(st["id"])
    used = set()
    for r in list(refs(doc)) + [s.get("if", "") for s in steps]:
        used.update(re.findall(r"\binputs\.([\w-]+)", str(r)))
    for k in sorted(used - set(inputs)):
        errs.append("input '%s' is used but not declared" % k)
    for k in sorted(set(inputs) - used):
        errs.append("input '%s' is declared but never used" % k)
    for e in errs:
        print("%s: %s" % (path, e))
    print("%s: %d inputs, %d steps, %d problems" %
          (path, len(inputs), len(steps), len(errs)))
    return 1 if errs else 0


def check_workflow(path, repo, action):
    doc = load(path)
    errs = []
    perms = doc.get("permissions") or {}
    want = {"contents": "read", "actions": "read", "pull-requests": "write",
            "security-events": "write"}
    for k, v in want.items():
        if perms.get(k) != v:
            errs.append("permissions: %s: %s missing" % (k, v))
    inputs = set((load(action).get("inputs") or {}).keys())
    n = 0
    for name, job in (doc.get("jobs") or {}).items():
        for st in job.get("steps") or []:
            uses = st.get("uses", "")
            if uses.startswith("actions/checkout@") and \
                    (st.get("with") or {}).get("fetch-depth") != 0:
                errs.append("job %s: checkout without fetch-depth: 0" % name)
            if uses.split("@")[0] == repo:
                n += 1
                for k in sorted(set(st.get("with") or {}) - inputs):
                    errs.append("job %s: input '%s' not declared" % (name, k))
    if n == 0:
        errs.append("no step uses %s" % repo)
    for e in errs:
        print("%s: %s" % (path, e))
    return 1 if errs else 0


# --- GitLab -----------------------------------------------------------------

def gitlab_script(path, job, key):
    doc = load(path)
    lines = (doc.get(job) or {}).get(key)
    if lines is None:
        fail("%s: job %s has no %s" % (path, job, key))
    if isinstance(lines, str):
        lines = [lines]
    # GitLab's bash runs the lines of one script as one shell with
    # 'set -eo pipefail'; the test runs the output with bash -eo pipefail.
    print("\n".join(lines))
    return 0


def scripts(action, gitlab, job, out):
    n = 0
    for i, st in enumerate(load(action)["runs"]["steps"]):
        if "run" in st:
            n += 1
            with open(os.path.join(out, "action-step%d.%s" %
                                   (i + 1, st.get("shell", "bash"))),
                      "w", encoding="utf-8") as f:
                f.write(st["run"])
    j = load(gitlab)[job]
    for key in ("before_script", "script"):
        n += 1
        with open(os.path.join(out, "gitlab-%s.bash" % key), "w",
                  encoding="utf-8") as f:
            f.write("\n".join(j[key]) + "\n")
    print("%d scripts" % n)
    return 0


def action_workflow(action):
    doc = load(action)
    inputs = {}
    for k, spec in (doc.get("inputs") or {}).items():
        i = {"type": "string", "required": bool(spec.get("required")),
             "description": spec.get("description", "")}
        if "default" in spec and not EXPR.search(str(spec["default"])):
            i["default"] = spec["default"]
        inputs[k] = i
    wf = {"name": "action.yml's steps", "on": {"workflow_call": {
        "inputs": inputs}},
        "jobs": {"action": {"runs-on": "ubuntu-latest",
                            "steps": doc["runs"]["steps"]}}}
    print(yaml.safe_dump(wf, sort_keys=False, width=1000))
    return 0


# --- install lines ----------------------------------------------------------

INSTALL = re.compile(r"\b(apt-get|apt|aptitude)\s+(?:-\S+\s+)*install\b"
                     r"|\b(apk\s+add|dnf\s+install|yum\s+install"
                     r"|brew\s+install)\b")


def install_lines(deps, files):
    def listed(*args):
        out = subprocess.run(["sh", deps, "--list"] + list(args),
                             capture_output=True, text=True, check=True)
        return set(out.stdout.split())
    full, build = listed(), listed("--build")
    if not build or not build < full:
        fail("%s --list --build is not a part of --list" % deps)
    bad = 0
    calls = 0
    for f in files:
        with open(f, encoding="utf-8") as fh:
            text = fh.read()
        # one logical line: backslash continuations and YAML's folded
        # plain scalars (a following, more indented line)
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if "tools/deps.sh" in line:
                calls += 1
            m = INSTALL.search(line)
            if not m:
                continue
            words = line[m.end():]
            ind = len(line) - len(line.lstrip())
            j = i + 1
            while j < len(lines) and (words.rstrip().endswith("\\") or
                                      (lines[j].strip() and
                                       len(lines[j]) - len(lines[j].lstrip())
                                       > ind and not
                                       lines[j].lstrip().startswith("- "))):
                words = words.rstrip().rstrip("\\") + " " + lines[j]
                j += 1
            words = re.split(r"&&|\|\||;|\|", words)[0]
            pk = {w for w in shlex.split(words, comments=True)
                  if not w.startswith("-") and not w.startswith("$")}
            if pk not in (full, build):
                bad += 1
                print("%s:%d: installs %s, not tools/deps.sh's list "
                      "(missing: %s; extra: %s)" %
                      (f, i + 1, " ".join(sorted(pk)) or "nothing",
                       " ".join(sorted(build - pk)) or "-",
                       " ".join(sorted(pk - full)) or "-"))
    print("%d files, %d calls of tools/deps.sh, %d install lines that differ"
          % (len(files), calls, bad))
    return 1 if bad else 0


def main(argv):
    if len(argv) < 2:
        fail(__doc__)
    cmd, args = argv[1], argv[2:]
    if cmd == "check-action" and len(args) == 1:
        return check_action(args[0])
    if cmd == "check-workflow" and len(args) == 3:
        return check_workflow(*args)
    if cmd == "run-job" and len(args) >= 2:
        actions = dict(a.split("=", 1) for a in args[2:])
        actions = {k: os.path.join(v, "action.yml")
                   for k, v in actions.items()}
        r = Runner(actions)
        job = load(args[0])["jobs"][args[1]]
        return 0 if r.steps(job["steps"], Scope(r.github,
                                                env=job.get("env"))) else 1
    if cmd == "run-action" and len(args) >= 1:
        r = Runner()
        given = dict(a.split("=", 1) for a in args[1:])
        return 0 if r.action(args[0], given) else 1
    if cmd == "gitlab-script" and len(args) == 3:
        return gitlab_script(*args)
    if cmd == "scripts" and len(args) == 4:
        return scripts(*args)
    if cmd == "action-workflow" and len(args) == 1:
        return action_workflow(args[0])
    if cmd == "install-lines" and len(args) >= 2:
        return install_lines(args[0], args[1:])
    fail("bad arguments: %s" % " ".join(argv[1:]))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
