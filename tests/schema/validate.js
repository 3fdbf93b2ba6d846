#!/usr/bin/env node
// Schema tests for the strat plan format (spec/SPEC.md).
//
// 1. Every YAML file of examples/acme validates against its JSON Schema
//    (spec/schema/<kind>.schema.json, chosen by `kind:`; strat.yaml by name).
// 2. The broken examples that a schema can catch fail, the others pass.
// 3. The examples embedded in spec/SPEC.md are well formed: every rule of the
//    catalogue has a section and an example, diagnostics lines have the
//    documented form, and the baseline validates.
//
// YAML is read with the `yaml` package in core-schema mode (YAML 1.2), so
// 2026-04-01 stays a string and `version: 1` is a number, as in strat.
'use strict';

const fs = require('fs');
const path = require('path');
const { ROOT, SCHEMA_DIR, KINDS, check, finish, compileSchemas, parse } = require('./common');


// ---------- schemas ----------
const { validators, errors: compileErrors } = compileSchemas();
for (const kind of KINDS)
  check(`schema ${kind}.schema.json compiles`, !compileErrors[kind], compileErrors[kind]);

// Every schema of spec/schema: an $id naming its file, and for every
// `pattern` a patternErrorMessage (editors show it instead of the regex)
// that names the strat rule it stands for, when a rule does.
{
  const ids = new Set();
  for (const file of fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json')).sort()) {
    const schema = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8'));
    check(`${file}: $id ends in /spec/schema/${file}`,
      typeof schema.$id === 'string' && /^https:\/\//.test(schema.$id) &&
      schema.$id.endsWith(`/spec/schema/${file}`) && !ids.has(schema.$id), schema.$id);
    ids.add(schema.$id);
    const missing = [];
    let patterns = 0;
    (function walk(node, where) {
      if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${where}/${i}`));
      if (!node || typeof node !== 'object') return;
      if (typeof node.pattern === 'string') {
        patterns++;
        if (typeof node.patternErrorMessage !== 'string' || node.patternErrorMessage.length < 10)
          missing.push(where);
      }
      for (const [k, v] of Object.entries(node)) walk(v, `${where}/${k}`);
    })(schema, '#');
    check(`${file}: each of its ${patterns} patterns has a patternErrorMessage`, missing.length === 0,
      missing.join('\n'));
  }
}

// The owner rule of strat (owner-not-single): one person, not names joined
// by , & / + ; or " and ", and not blank.
{
  const v = validators.calendar;
  const cal = (owner) => ({ kind: 'calendar', version: 1, items: [{ id: 'a', title: 't', anchor: 'q', owner,
    channel: 'blog', date: '2026-04-01', status: 'planned' }] });
  for (const owner of ['alex', 'dana-k', 'Alex Smith', 'sandy'])
    check(`owner '${owner}' is one person`, v && v(cal(owner)), v && JSON.stringify(v.errors));
  for (const owner of ['alex;sam', 'alex, sam', 'alex & sam', 'alex/sam', 'alex+sam', 'alex and sam', ' ', ''])
    check(`owner '${owner}' is not one person`, v && !v(cal(owner)) &&
      v.errors.some((e) => e.instancePath === '/items/0/owner'));
}

function schemaFor(rel, data) {
  if (path.basename(rel) === 'strat.yaml') return 'strat';
  return data && typeof data === 'object' && KINDS.includes(data.kind) ? data.kind : null;
}

// Returns null when valid, else an error text.
function validateText(rel, text) {
  let data;
  try {
    data = parse(text);
  } catch (e) {
    return `does not parse: ${e.message}`;
  }
  const kind = schemaFor(rel, data);
  if (!kind) return `no schema for kind ${JSON.stringify(data && data.kind)}`;
  const v = validators[kind];
  if (!v) return `schema ${kind} did not compile`;
  if (v(data)) return null;
  return v.errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('\n');
}

function yamlFiles(dir) {
  const out = [];
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, ent.name);
    if (ent.isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(ent.name)) out.push(p);
  }
  return out.sort();
}

// ---------- parsing mode ----------
{
  const d = parse('version: 1\ndate: 2026-04-01\nchannel: no\ntarget: "1.30"\n');
  check('core schema: version is a number', d.version === 1);
  check('core schema: 2026-04-01 stays a string', d.date === '2026-04-01');
  check("core schema: 'no' stays a string", d.channel === 'no');
  check('core schema: quoted "1.30" stays a string', d.target === '1.30');
}

// ---------- examples/acme ----------
const acme = path.join(ROOT, 'examples', 'acme');
const acmeFiles = yamlFiles(acme);
check('examples/acme has strat.yaml, strategy.yaml, team.yaml and calendar files',
  ['strat.yaml', 'strategy.yaml', 'team.yaml'].every((f) => fs.existsSync(path.join(acme, f))) &&
  acmeFiles.some((f) => f.includes(`${path.sep}calendar${path.sep}`)));
let items = 0;
for (const file of acmeFiles) {
  const rel = path.relative(ROOT, file);
  const text = fs.readFileSync(file, 'utf8');
  const err = validateText(rel, text);
  check(`valid: ${rel}`, err === null, err);
  if (err === null) {
    const data = parse(text);
    if (data.kind === 'calendar') items += data.items.length;
  }
}
check(`examples/acme has 120 or more calendar items (${items})`, items >= 120);

// ---------- examples/broken ----------
const broken = path.join(ROOT, 'examples', 'broken');
const mustFail = {
  'shared-owner/calendar/q2.yaml': /owner/,
  'unknown-key/calendar/q2.yaml': /additional properties/,
  'bad-date/calendar/q2.yaml': /date/,
  'missing-owner/calendar/q2.yaml': /owner/,
  'yaml-error/calendar/q2.yaml': /does not parse/,
};
for (const file of yamlFiles(broken)) {
  const rel = path.relative(broken, file).split(path.sep).join('/');
  if (rel.startsWith('yaml-alias/')) continue; // aliases are a strat rule, not a schema matter
  const err = validateText(rel, fs.readFileSync(file, 'utf8'));
  if (mustFail[rel]) {
    check(`invalid: examples/broken/${rel}`, err !== null && mustFail[rel].test(err),
      err === null ? 'validated, but should fail' : `failed for another reason:\n${err}`);
  } else {
    check(`valid: examples/broken/${rel}`, err === null, err);
  }
}
for (const rel of Object.keys(mustFail)) {
  check(`examples/broken/${rel} exists`, fs.existsSync(path.join(broken, rel)));
}

// ---------- spec/SPEC.md examples ----------
const specText = fs.readFileSync(path.join(ROOT, 'spec', 'SPEC.md'), 'utf8');
const lines = specText.split('\n');
const examples = []; // {line, files: {path: text|null}, diagnostics: [..]}
// rules of git history (lint --stale) show their output in text blocks,
// not run by tests/spec_examples.py (tests/suite-measures.sh runs them)
const textDiags = []; // {line, diagnostics: [..]}
let pending = {};
for (let i = 0; i < lines.length; i++) {
  const m = /^```(?:yaml file=(\S+)( absent)?|(diagnostics)|(text))$/.exec(lines[i]);
  if (!m) continue;
  let j = i + 1;
  while (j < lines.length && lines[j] !== '```') j++;
  const body = lines.slice(i + 1, j);
  if (m[4]) {
    textDiags.push({ line: i + 1, diagnostics: body });
  } else if (m[3]) {
    examples.push({ line: i + 1, files: pending, diagnostics: body });
    pending = {};
  } else {
    pending[m[1]] = m[2] ? null : body.join('\n') + '\n';
  }
  i = j;
}
check('SPEC.md: has examples, the first being the baseline', examples.length > 30 &&
  ['strategy.yaml', 'team.yaml'].every((f) => typeof examples[0].files[f] === 'string') &&
  examples[0].diagnostics.length === 0);
check('SPEC.md: no yaml file= blocks after the last diagnostics block', Object.keys(pending).length === 0);

const catalogue = [];
const tableStart = specText.indexOf('Rule ids are stable. Default severities:');
for (const m of specText.slice(tableStart, specText.indexOf('\n\n', specText.indexOf('| ---', tableStart)))
  .matchAll(/\| `([a-z-]+)` \| (error|warning) /g)) catalogue.push([m[1], m[2]]);
check(`SPEC.md: rule table lists 39 rules (${catalogue.length})`, catalogue.length === 39);
const stratSchema = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'strat.schema.json'), 'utf8'));
const schemaRules = stratSchema.properties.rules.propertyNames.enum;
check('strat.schema.json rules enum equals the rule table',
  JSON.stringify([...schemaRules].sort()) === JSON.stringify(catalogue.map((r) => r[0]).sort()));

const DIAG = /^([^:\s][^:]*?)(?::(\d+):(\d+))?: (error|warning): ([^\n]+) \[([a-z-]+)\]$/;
const severity = Object.fromEntries(catalogue);
const seen = new Set();
for (const ex of examples) {
  const bad = [];
  ex.diagnostics.forEach((d, k) => {
    if (d.startsWith('  hint: ')) {
      if (k === 0 || ex.diagnostics[k - 1].startsWith('  hint: ')) bad.push(`stray hint: ${d}`);
      return;
    }
    const m = DIAG.exec(d);
    if (!m) return bad.push(`malformed: ${d}`);
    if (!severity[m[6]]) return bad.push(`unknown rule: ${d}`);
    if (m[2] === '0' || m[3] === '0') bad.push(`0 position must be written without line and column: ${d}`);
    if (/\.$/.test(m[5])) bad.push(`final period: ${d}`);
    seen.add(m[6]);
  });
  check(`SPEC.md:${ex.line}: diagnostics are well formed`, bad.length === 0, bad.join('\n'));
  // yaml blocks parse, unless the example is about the YAML layer itself
  const yamlLayer = ex.diagnostics.some((d) => /\[(yaml-syntax|yaml-alias|multiple-documents|duplicate-key)\]$/.test(d));
  if (!yamlLayer) {
    for (const [p, text] of Object.entries(ex.files)) {
      if (text === null) continue;
      let err = null;
      try { parse(text); } catch (e) { err = e.message; }
      check(`SPEC.md:${ex.line}: ${p} parses`, err === null, err);
    }
  }
}
for (const t of textDiags)
  for (const d of t.diagnostics) {
    const m = DIAG.exec(d);
    if (m && /^stale-/.test(m[6]) && severity[m[6]]) seen.add(m[6]);
  }
for (const [rule] of catalogue) {
  check(`SPEC.md: rule ${rule} has a section and an example`,
    specText.includes(`\n### ${rule}\n`) && seen.has(rule));
}
for (const [p, text] of Object.entries(examples[0].files)) {
  const err = validateText(p, text);
  check(`SPEC.md baseline ${p} validates`, err === null, err);
}

finish();
