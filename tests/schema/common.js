// common.js - what validate.js, verdicts.js and editor.js share: the
// checks and their count, the schemas of spec/schema compiled with ajv
// (draft-07, formats, patternErrorMessage) and YAML read as strat reads it
// (YAML 1.2 core schema: 2026-04-01 stays a string, `version: 1` is a
// number; duplicate keys and aliases refused).
'use strict';

const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const ROOT = path.resolve(__dirname, '..', '..');
const SCHEMA_DIR = path.join(ROOT, 'spec', 'schema');
const KINDS = ['strat', 'strategy', 'team', 'calendar', 'metrics'];

// check(NAME, OK, DETAIL): one check, printed `ok   NAME`, or `FAIL NAME`
// with DETAIL indented below it; finish() prints "N passed, N failed"
// (what run.sh adds up) and exits 1 when a check failed.
const tally = { passed: 0, failed: 0 };
function check(name, ok, detail) {
  if (ok) {
    tally.passed++;
    console.log(`ok   ${name}`);
  } else {
    tally.failed++;
    console.log(`FAIL ${name}${detail ? '\n     ' + String(detail).replace(/\n/g, '\n     ') : ''}`);
  }
}
function finish() {
  console.log(`${tally.passed} passed, ${tally.failed} failed`);
  process.exit(tally.failed ? 1 : 0);
}

// Returns {validators: {kind: fn}, errors: {kind: message}}.
function compileSchemas() {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv, ['date']);
  // yaml-language-server shows patternErrorMessage instead of the raw regex
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  const validators = {};
  const errors = {};
  for (const kind of KINDS) {
    const file = path.join(SCHEMA_DIR, `${kind}.schema.json`);
    try {
      validators[kind] = ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch (e) {
      errors[kind] = e.message;
    }
  }
  return { validators, errors };
}

function parse(text) {
  const doc = YAML.parseDocument(text, { schema: 'core', version: '1.2', uniqueKeys: true, merge: false });
  if (doc.errors.length) throw new Error(doc.errors.map((e) => e.message).join('\n'));
  return doc.toJS({ maxAliasCount: 0 });
}

// The message of one ajv error, with the schema's patternErrorMessage
// (what an editor shows) in place of the regex.
function errorText(e) {
  const msg = e.keyword === 'pattern' && e.parentSchema && e.parentSchema.patternErrorMessage
    ? e.parentSchema.patternErrorMessage : e.message;
  return `${e.instancePath || '/'} ${msg}`;
}

module.exports = { ROOT, SCHEMA_DIR, KINDS, check, finish, tally, compileSchemas, parse, errorText };
