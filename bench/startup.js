'use strict';
// Start-up: loading and validating all flows (loadEngine: read YAML, check every reference and language,
// compile to XState), in fresh processes (cold) and repeated in one process (warm); and the whole server,
// from `node dist/src/main.js` to listening.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const { summarize, fmt, table, writeResult } = require('./lib/stats');

const ROOT = path.join(__dirname, '..');
const COLD = Number(process.env.BENCH_STARTUP_COLD ?? 7);
const WARM = Number(process.env.BENCH_STARTUP_WARM ?? 15);
const SERVER = Number(process.env.BENCH_STARTUP_SERVER ?? 5);

const probe = `
const t0 = performance.now();
const { loadEngine } = require('./dist/src/flows/engine');
const { ROOT } = require('./dist/src/paths');
const t1 = performance.now();
const engine = loadEngine(ROOT);
const t2 = performance.now();
process.stdout.write(JSON.stringify({ requireMs: t1 - t0, loadMs: t2 - t1, flows: engine.catalog.flows.size }));
`;

function cold() {
  const out = JSON.parse(execFileSync(process.execPath, ['-e', probe], { cwd: ROOT, encoding: 'utf8' }));
  return out;
}

function warm() {
  const { loadEngine } = require('../dist/src/flows/engine');
  const { ROOT: root } = require('../dist/src/paths');
  loadEngine(root); // first call pays for module loading
  const times = [];
  for (let i = 0; i < WARM; i += 1) {
    const t0 = performance.now();
    loadEngine(root);
    times.push(performance.now() - t0);
  }
  return times;
}

/** Spawn → "Lotsen is running on …" on stdout, with a fresh database each time. */
function serverStart() {
  return new Promise((resolve, reject) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotsen-bench-start-'));
    const t0 = performance.now();
    const p = spawn(process.execPath, ['dist/src/main.js'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOTSEN_DB: path.join(dir, 'l.db'), LOTSEN_SECRET: Buffer.alloc(32, 7).toString('base64'), LOG_LEVEL: 'silent', PURGE_INTERVAL_HOURS: '0', LOTSEN_DEMO: 'true' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const timer = setTimeout(() => p.kill('SIGKILL'), 60_000);
    p.stdout.on('data', (d) => {
      out += d;
      if (/Lotsen is running on/.test(out)) {
        const ms = performance.now() - t0;
        p.kill('SIGTERM');
        p.once('exit', () => {
          clearTimeout(timer);
          fs.rmSync(dir, { recursive: true, force: true });
          resolve(ms);
        });
      }
    });
    p.once('exit', (code) => {
      if (!/Lotsen is running on/.test(out)) reject(new Error(`server exited with ${code} before it listened`));
    });
  });
}

async function main() {
  const colds = Array.from({ length: COLD }, cold);
  const warms = warm();
  const servers = [];
  for (let i = 0; i < SERVER; i += 1) servers.push(await serverStart());
  const r = {
    flows: colds[0].flows,
    coldLoad: summarize(colds.map((c) => c.loadMs)),
    coldRequire: summarize(colds.map((c) => c.requireMs)),
    warmLoad: summarize(warms),
    serverStart: summarize(servers),
  };
  console.log(`\nStart-up (ms), ${r.flows} flows in 3 languages\n`);
  table(['what', 'runs', 'median', 'min', 'max'], [
    ['loadEngine, fresh process (cold)', COLD, fmt(r.coldLoad.p50), fmt(Math.min(...colds.map((c) => c.loadMs))), fmt(r.coldLoad.max)],
    ['  require of the engine modules before it', COLD, fmt(r.coldRequire.p50), fmt(Math.min(...colds.map((c) => c.requireMs))), fmt(r.coldRequire.max)],
    ['loadEngine again in the same process (warm)', WARM, fmt(r.warmLoad.p50), fmt(Math.min(...warms)), fmt(r.warmLoad.max)],
    ['node dist/src/main.js → listening (new database)', SERVER, fmt(r.serverStart.p50), fmt(Math.min(...servers)), fmt(r.serverStart.max)],
  ]);
  writeResult('startup', r);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
