// common.js - what validate.js and verdicts.js share: the schemas of
// spec/schema compiled with ajv (draft-07, formats, patternErrorMessage)
// and YAML read as strat reads it (YAML 1.2 core schema: 2026-04-01 stays
// a string, `version: 1` is a number; duplicate keys and aliases refused).
'use strict';

const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const ROOT = path.resolve(__dirname, '..', '..');
const SCHEMA_DIR = path.join(ROOT, 'spec', 'schema');
const KINDS = ['strat', 'strategy', 'team', 'calendar', 'metrics'];

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

module.exports = { ROOT, SCHEMA_DIR, KINDS, compileSchemas, parse, errorText };
