#!/usr/bin/env node
// editor.js - the schemas as an editor shows them: yaml-language-server
// (the language server of VS Code's YAML extension, Neovim, Helix...),
// pinned in package.json, driven over stdio with the Language Server
// Protocol.  Plan files open with the modeline `strat init` writes
// (# yaml-language-server: $schema=...); the diagnostics it publishes must
// use each pattern's patternErrorMessage (never the raw regular
// expression), flag what strat flags, and leave a clean plan clean.
'use strict';

const path = require('path');
const { spawn } = require('child_process');
const { ROOT, SCHEMA_DIR, check, finish } = require('./common');


const server = spawn(process.execPath, [require.resolve('yaml-language-server/bin/yaml-language-server'), '--stdio'],
  { stdio: ['pipe', 'pipe', 'inherit'] });
let buf = Buffer.alloc(0);
let nextId = 1;
const waiting = new Map();
const diagnostics = new Map(); // uri -> [{version, list}]
const listeners = [];
function send(msg) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
}
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve) => waiting.set(id, resolve));
}
const settings = { yaml: { validate: true, hover: false, completion: false, schemaStore: { enable: false } } };
server.stdout.on('data', (chunk) => {
  buf = Buffer.concat([buf, chunk]);
  for (;;) {
    const head = buf.indexOf('\r\n\r\n');
    if (head < 0) return;
    const len = Number(/Content-Length: (\d+)/i.exec(buf.slice(0, head).toString())[1]);
    if (buf.length < head + 4 + len) return;
    const msg = JSON.parse(buf.slice(head + 4, head + 4 + len).toString('utf8'));
    buf = buf.slice(head + 4 + len);
    if (msg.id !== undefined && msg.method === undefined && waiting.has(msg.id)) {
      waiting.get(msg.id)(msg.result);
      waiting.delete(msg.id);
    } else if (msg.method === 'workspace/configuration') {
      send({ id: msg.id, result: msg.params.items.map((it) => (it.section === 'yaml' ? settings.yaml : settings[it.section] || null)) });
    } else if (msg.id !== undefined && msg.method) {
      send({ id: msg.id, result: null }); // registerCapability, progress...
    } else if (msg.method === 'textDocument/publishDiagnostics') {
      diagnostics.set(msg.params.uri, msg.params.diagnostics);
      for (const l of listeners.splice(0)) l();
    }
  }
});

// Open text as a document and resolve with the diagnostics published for
// it once validation has run (a document change bumps the version: the
// last publication after the open is the one kept).
let docs = 0;
function diagnose(name, kind, text) {
  const uri = `file:///strat-editor-test/${++docs}/${name}`;
  const schema = path.join(SCHEMA_DIR, `${kind}.schema.json`);
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1,
    text: `# yaml-language-server: $schema=${schema}\n${text}` } } });
  return new Promise((resolve) => {
    const started = Date.now();
    (function wait() {
      if (diagnostics.has(uri)) return resolve(diagnostics.get(uri));
      if (Date.now() - started > 60000) return resolve(null); // a hang guard, not a timed assertion
      listeners.push(wait);
      setTimeout(() => { const i = listeners.indexOf(wait); if (i >= 0) { listeners.splice(i, 1); wait(); } }, 1000);
    })();
  });
}

const calendar = (items) => `kind: calendar\nversion: 1\nitems:\n${items}`;
const item = (over) => {
  const f = { id: 'seo-guide', title: 'SEO guide', anchor: 'q3-organic', owner: 'alex', channel: 'blog',
    date: '2026-07-14', status: 'planned', ...over };
  return '  - ' + Object.entries(f).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`).join('\n    ') + '\n';
};

(async () => {
  await request('initialize', { processId: process.pid, rootUri: null, capabilities: {
    workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } } });
  send({ method: 'initialized', params: {} });
  send({ method: 'workspace/didChangeConfiguration', params: { settings } });

  const clean = await diagnose('q3.yaml', 'calendar', calendar(item({}) +
    item({ id: 'webinar', title: '1.30', notes: '', link: 'yes', status: 'shipped', shipped: '2026-07-20' })));
  check('yaml-language-server: a clean calendar (text typed as numbers, booleans, empty notes) has no diagnostic',
    Array.isArray(clean) && clean.length === 0, JSON.stringify(clean));

  const cases = [
    ['owner joined by ;', item({ owner: 'alex; sam' }), /One person.*owner-not-single/],
    ['owner joined by and', item({ owner: 'alex and sam' }), /owner-not-single/],
    ['invalid id', item({ id: 'SEO Guide' }), /An id: lowercase letters.*invalid-id/],
    ['invalid date', item({ date: '2026-13-01' }), /calendar date written YYYY-MM-DD.*invalid-date/],
    ['invalid anchor id', item({ anchor: 'Q3 organic' }), /invalid-id/],
    ['unknown key', item({ titel: 'x' }), /not allowed|titel/],
    ['shipped without a date', item({ status: 'shipped' }), /shipped/],
  ];
  for (const [what, text, want] of cases) {
    const d = await diagnose('q3.yaml', 'calendar', calendar(text));
    const msgs = (d || []).map((x) => x.message);
    check(`yaml-language-server: ${what}: ${want}`, msgs.some((m) => want.test(m)), msgs.join('\n') || 'no diagnostic');
    check(`yaml-language-server: ${what}: no raw regular expression shown`,
      msgs.every((m) => !/\^\(|\[a-z0-9\]|\\S/.test(m)), msgs.join('\n'));
  }
  const q = await diagnose('strategy.yaml', 'strategy',
    'kind: strategy\nversion: 1\ntitle: T\nowner: dana\nthesis: x\nanchors:\n  - {id: a, title: A, quarter: 2026-Q5, owner: dana, outcomes: [o], done: x}\n');
  check('yaml-language-server: a bad quarter shows its patternErrorMessage',
    (q || []).some((x) => /YYYY-Qn.*invalid-quarter/.test(x.message)), JSON.stringify(q));
  await request('shutdown', null);
  send({ method: 'exit' });
  finish();
})();
