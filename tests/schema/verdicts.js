#!/usr/bin/env node
// verdicts.js - strat and the JSON Schemas judge every plan file of every
// golden case (tests/golden/*/*/) alike, or spec/schema/DIFFERENCES.md says
// why not.
//
// Each case is copied to a scratch directory and prepared as tests/golden.sh
// prepares it (the fixtures it names, setup.sh).  For each plan in it
// (a directory holding strat.yaml or strategy.yaml), `strat lint --format
// json` gives strat's verdict on each plan file: invalid when strat reports
// an error in it.  The schema's verdict: invalid when the file does not
// parse or does not validate against the schema of its role in the plan
// (strat.yaml, the strategy and team paths, the calendar and metrics
// globs: the files an editor maps to each schema).
//
// A file on which they disagree must be explained by DIFFERENCES.md:
//   strat invalid, schema valid: every rule of strat's errors there is in
//     the table "Rules a schema cannot check";
//   strat valid, schema invalid: every schema error there stands for a
//     rule (additionalProperties: unknown-key; a pattern: the rule its
//     patternErrorMessage names) of the table "Warnings in strat, errors
//     in the editor", and strat warned of it there;
//   or the case and file are in the table "Cases".
// An entry of "Cases" that explains nothing fails too.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { ROOT, check, finish, tally, compileSchemas, parse, errorText } = require('./common');

const STRAT = process.env.STRAT || path.join(ROOT, 'build', 'strat');
const GOLDEN = path.join(ROOT, 'tests', 'golden');
const DIFF_FILE = path.join(ROOT, 'spec', 'schema', 'DIFFERENCES.md');


// ---------- DIFFERENCES.md ----------
// Its tables by the heading above them: rows of backquoted first cells.
function readDifferences() {
  const out = { cannot: new Set(), warnings: new Set(), cases: new Map() };
  let section = null;
  for (const line of fs.readFileSync(DIFF_FILE, 'utf8').split('\n')) {
    const h = /^## (.*)$/.exec(line);
    if (h) {
      section = /cannot check/i.test(h[1]) ? 'cannot' : /^warnings/i.test(h[1]) ? 'warnings'
        : /^cases/i.test(h[1]) ? 'cases' : null;
      continue;
    }
    const cells = /^\|(.*)\|\s*$/.exec(line);
    if (!section || !cells) continue;
    const c = cells[1].split('|').map((x) => x.trim());
    const code = c.map((x) => (/^`([^`]+)`$/.exec(x) || [])[1]);
    if (!code[0]) continue; // header and separator rows
    if (section === 'cases') {
      if (code[1]) out.cases.set(`${code[0]} ${code[1]}`, false);
    } else {
      out[section].add(code[0]);
    }
  }
  return out;
}
const diff = readDifferences();
check('DIFFERENCES.md lists rules a schema cannot check and rules that are warnings in strat',
  diff.cannot.size > 0 && diff.warnings.size > 0);

// ---------- plans ----------
function globRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') { i++; re += '(?:.*/)?'; } else re += '.*';
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else { re += glob.slice(i, end + 1).replace(/^\[!/, '[^'); i = end; }
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function walkFiles(dir, rel = '') {
  const out = [];
  for (const ent of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${ent.name}` : ent.name;
    if (ent.name === '.git') continue;
    if (ent.isDirectory()) out.push(...walkFiles(dir, r));
    else out.push(r);
  }
  return out.sort();
}

// The plan files under root and the schema of each: {rel: kind}.
function planFiles(root) {
  let cfg = {};
  try { cfg = parse(fs.readFileSync(path.join(root, 'strat.yaml'), 'utf8')) || {}; } catch (e) { /* defaults */ }
  const str = (v, d) => (typeof v === 'string' ? v : d);
  const list = (v, d) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : d);
  const strategy = str(cfg.strategy, 'strategy.yaml');
  const team = str(cfg.team, 'team.yaml');
  const cals = list(cfg.calendars, ['calendar/**/*.yaml']).map(globRegExp);
  const mets = list(cfg.metrics, ['metrics/*.yaml']).map(globRegExp);
  const out = {};
  for (const f of walkFiles(root)) {
    if (f === 'strat.yaml') out[f] = 'strat';
    else if (f === strategy) out[f] = 'strategy';
    else if (f === team) out[f] = 'team';
    else if (cals.some((re) => re.test(f))) out[f] = 'calendar';
    else if (mets.some((re) => re.test(f))) out[f] = 'metrics';
  }
  return out;
}

// ---------- one case ----------
const { validators } = compileSchemas();
const env = { ...process.env, FIXTURES: path.join(ROOT, 'tests', 'fixtures') };

function schemaVerdict(file, kind) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { unreadable: true, errors: [] };
  }
  let data;
  try {
    data = parse(text);
  } catch (e) {
    return { errors: [{ text: `does not parse: ${e.message.split('\n')[0]}`, rule: null }] };
  }
  const v = validators[kind];
  if (v(data)) return { errors: [] };
  const errors = v.errors.filter((e) => !['anyOf', 'oneOf', 'if', 'propertyNames'].includes(e.keyword)).map((e) => {
    let rule = null;
    if (e.keyword === 'additionalProperties' || e.schemaPath.includes('/propertyNames/')) rule = 'unknown-key';
    else if (e.keyword === 'pattern') rule = (/\(rule ([a-z-]+)\)/.exec(e.parentSchema.patternErrorMessage || '') || [])[1] || null;
    return { text: errorText(e), rule };
  });
  return { errors };
}

let files = 0;
let agree = 0;
let explained = 0;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'strat-verdicts-'));
try {
  for (const area of fs.readdirSync(GOLDEN).sort()) {
    for (const name of fs.readdirSync(path.join(GOLDEN, area)).sort()) {
      const src = path.join(GOLDEN, area, name);
      if (!fs.existsSync(path.join(src, 'cmd'))) continue;
      const id = `${area}/${name}`;
      const dir = path.join(scratch, area, name);
      fs.mkdirSync(path.dirname(dir), { recursive: true });
      // the fixtures the case names, in order, then its own files
      fs.mkdirSync(dir);
      const fx = path.join(src, 'fixture');
      for (const line of fs.existsSync(fx) ? fs.readFileSync(fx, 'utf8').split('\n') : []) {
        const [name, sub] = line.trim().split(/\s+/);
        if (!name) continue;
        // a plan, or one file of it ("plan/team.yaml")
        const from = path.join(env.FIXTURES, name);
        const into = path.join(dir, sub || '');
        fs.mkdirSync(into, { recursive: true });
        fs.cpSync(from, fs.statSync(from).isDirectory() ? into : path.join(into, path.basename(from)),
          { recursive: true, verbatimSymlinks: true });
      }
      fs.cpSync(src, dir, { recursive: true, verbatimSymlinks: true });
      fs.rmSync(path.join(dir, 'fixture'), { force: true });
      if (fs.existsSync(path.join(dir, 'setup.sh')))
        spawnSync('sh', ['./setup.sh'], { cwd: dir, env, stdio: 'ignore' });
      const roots = walkFiles(dir).filter((f) => /(^|\/)(strat|strategy)\.yaml$/.test(f))
        .map((f) => path.dirname(f)).filter((d, i, a) => a.indexOf(d) === i);
      for (const rel of roots) {
        const root = path.join(dir, rel);
        const run = spawnSync(STRAT, ['lint', '--format', 'json'], { cwd: root, env, encoding: 'utf8' });
        if (run.status !== 0 && run.status !== 1) {
          check(`${id}: strat lint --format json in ${rel}`, false, run.stderr);
          continue;
        }
        const diags = JSON.parse(run.stdout).diagnostics;
        for (const [file, kind] of Object.entries(planFiles(root))) {
          const where = rel === '.' ? file : `${rel}/${file}`;
          const mine = diags.filter((d) => d.file === file);
          const errs = mine.filter((d) => d.severity === 'error');
          const warned = new Set(mine.filter((d) => d.severity === 'warning').map((d) => d.rule));
          const sv = schemaVerdict(path.join(root, file), kind);
          if (sv.unreadable) continue; // strat reports it (file-unreadable); an editor has nothing to open
          files++;
          const strat = errs.length ? 'invalid' : 'valid';
          const schema = sv.errors.length ? 'invalid' : 'valid';
          if (strat === schema) { agree++; continue; }
          const key = `${id} ${where}`;
          let why = null;
          if (diff.cases.has(key)) {
            diff.cases.set(key, true);
            why = 'listed case';
          } else if (strat === 'invalid' && errs.every((d) => diff.cannot.has(d.rule))) {
            why = 'rules a schema cannot check';
          } else if (strat === 'valid' && sv.errors.every((e) => e.rule && diff.warnings.has(e.rule) && warned.has(e.rule))) {
            why = 'warnings in strat';
          }
          if (why) {
            explained++;
            continue;
          }
          check(`${key} ${kind}: strat says ${strat}, the schema says ${schema}`, false,
            strat === 'invalid' ? errs.map((d) => `strat: ${d.line}:${d.column}: ${d.message} [${d.rule}]`).join('\n')
              : sv.errors.map((e) => `schema: ${e.text}`).join('\n'));
        }
      }
    }
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
for (const [key, used] of diff.cases)
  check(`DIFFERENCES.md case ${key} is a difference`, used);
check(`${files} plan files of the golden cases: ${agree} same verdict, ${explained} documented differences`,
  files > 300 && tally.failed === 0);
finish();
