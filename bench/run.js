'use strict';
// `npm run bench`: runs every benchmark in turn, each in its own process (with the open-file limit raised
// to the hard limit where allowed), within one time budget. The resume benchmark goes last and seeds its
// database with whatever time is left (it continues an earlier run's seeding).
//   node bench/run.js [name ...]   only the named ones (page, startup, crisis, latency, latency-postgres, memory, resume)
const { spawn } = require('node:child_process');
const path = require('node:path');
const { fmt } = require('./lib/stats');

const BUDGET_MS = Number(process.env.BENCH_BUDGET_MINUTES ?? 14) * 60_000;
const RESUME_MEASURE_MS = 150_000; // template, server start on the big file, samples, and a margin
const ALL = ['page', 'startup', 'crisis', 'latency', 'latency-postgres', 'memory', 'resume'];
const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ALL;
const started = Date.now();

function runScript(name, env) {
  return new Promise((resolve) => {
    const script = path.join(__dirname, `${name}.js`);
    const p = spawn('/bin/bash', ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$1"', process.execPath, script], {
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    p.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const unknown = chosen.filter((n) => !ALL.includes(n));
  if (unknown.length > 0) throw new Error(`unknown bench: ${unknown.join(', ')} (choose from ${ALL.join(', ')})`);
  const outcome = [];
  for (const name of ALL.filter((n) => chosen.includes(n))) {
    const env = {};
    if (name === 'resume' && process.env.BENCH_SEED_MINUTES === undefined) {
      const left = BUDGET_MS - (Date.now() - started) - RESUME_MEASURE_MS;
      env.BENCH_SEED_MINUTES = String(Math.max(0.5, left / 60_000).toFixed(2));
    }
    console.log(`\n=== ${name} ${'='.repeat(Math.max(0, 60 - name.length))}${env.BENCH_SEED_MINUTES ? `\n(seeding budget: ${env.BENCH_SEED_MINUTES} min)` : ''}`);
    const t0 = Date.now();
    const code = await runScript(name, env);
    outcome.push({ name, code, seconds: (Date.now() - t0) / 1000 });
  }
  console.log(`\n=== done in ${fmt((Date.now() - started) / 60_000, 1)} min`);
  for (const o of outcome) console.log(`  ${o.name.padEnd(16)} ${o.code === 0 ? 'ok    ' : `FAILED (${o.code})`} ${fmt(o.seconds, 0)} s`);
  if (outcome.some((o) => o.code !== 0)) process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
