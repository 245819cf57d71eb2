'use strict';
// Resume at scale: a SQLite file seeded with up to 1,000,000 conversations (state + 50 transcript lines each),
// then login + reconnect + full transcript replay for randomly sampled codes, one user at a time.
//
//   node bench/resume.js                 seed within the time budget (continuing an earlier run), then measure
//   node bench/resume.js --seed-only     seed up to the target with no time budget, do not measure
// Environment: BENCH_RESUME_CONVERSATIONS (target, default 1000000), BENCH_SEED_MINUTES (budget per run,
// default 5), BENCH_RESUME_SAMPLES (default 400), BENCH_MIN_FREE_GB (stop seeding below this, default 20).
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const child = require('./lib/child');
const dl = require('./lib/directline');
const { recordTemplate } = require('./lib/template');
const { seed, codeFor } = require('./lib/seed');
const { summarize, fmt, table, writeResult } = require('./lib/stats');
const { deriveKeys } = require('../dist/src/store/crypto');
const { formatCode } = require('../dist/src/access/codes');

const DATA = path.join(__dirname, 'data');
const DB = path.join(DATA, 'resume.db');
const TEMPLATE = path.join(DATA, 'resume-template.json');
const SECRET = Buffer.alloc(32, 7).toString('base64');
const TARGET = Number(process.env.BENCH_RESUME_CONVERSATIONS ?? 1_000_000);
const SEED_ONLY = process.argv.includes('--seed-only');
const BUDGET_MS = SEED_ONLY ? Infinity : Number(process.env.BENCH_SEED_MINUTES ?? 5) * 60_000;
const SAMPLES = Number(process.env.BENCH_RESUME_SAMPLES ?? 400);
const MIN_FREE = Number(process.env.BENCH_MIN_FREE_GB ?? 20) * 2 ** 30;

const freeBytes = () => {
  const s = fs.statfsSync(DATA);
  return s.bavail * s.bsize;
};
const fileBytes = () => [DB, `${DB}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);

async function template() {
  if (fs.existsSync(TEMPLATE)) {
    const t = JSON.parse(fs.readFileSync(TEMPLATE, 'utf8'));
    if (t.secret === SECRET) return t;
    for (const f of [DB, `${DB}-wal`, `${DB}-shm`, TEMPLATE]) fs.rmSync(f, { force: true });
  }
  // A new template means new rows: an old file would mix two, so it goes.
  for (const f of [DB, `${DB}-wal`, `${DB}-shm`]) fs.rmSync(f, { force: true });
  const t = { ...(await recordTemplate({ secret: SECRET, lines: 50 })), secret: SECRET };
  fs.writeFileSync(TEMPLATE, JSON.stringify(t));
  return t;
}

async function seedStep(t) {
  // Seed in slices so the disk guard and the budget are checked between them.
  const start = Date.now();
  let last = { conversations: 0, seededNow: 0 };
  let seededNow = 0;
  let reason = 'target reached';
  const bytesPerConversation = () => (last.conversations > 0 ? fileBytes() / last.conversations : 60_000);
  for (;;) {
    const left = BUDGET_MS - (Date.now() - start);
    if (left <= 0) {
      reason = 'time budget';
      break;
    }
    if (freeBytes() - 100_000 * bytesPerConversation() < MIN_FREE) {
      reason = `free disk below ${MIN_FREE / 2 ** 30} GB`;
      break;
    }
    const sliceTarget = Math.min(TARGET, (last.conversations || 0) + 100_000);
    last = await seed({ file: DB, secret: SECRET, template: t, target: sliceTarget, budgetMs: left, onProgress: (n, ms) => process.stderr.write(`\r  seeding: ${n.toLocaleString('en')} conversations (${fmt(ms / 1000, 0)} s into this slice)   `) });
    seededNow += last.seededNow;
    if (last.conversations >= TARGET) break;
    if (last.stopped) {
      reason = 'time budget';
      break;
    }
  }
  process.stderr.write('\n');
  const ms = Date.now() - start;
  return { conversations: last.conversations, seededNow, seedMs: ms, conversationsPerSecond: seededNow / (ms / 1000), stoppedBy: last.conversations >= TARGET ? 'target reached' : reason };
}

async function measure(count) {
  const keys = deriveKeys(Buffer.from(SECRET, 'base64'));
  const server = await child.start('lotsen-server.js', {
    env: { PORT: '0', HOST: '127.0.0.1', LOTSEN_DB: DB, LOTSEN_SECRET: SECRET, LOG_LEVEL: 'warn', PURGE_INTERVAL_HOURS: '0', LOTSEN_DEMO: 'false', ACTIVITIES_PER_MINUTE_SESSION: '0', ACTIVITIES_PER_MINUTE_CONVERSATION: '0' },
    readyTimeoutMs: 300_000,
  });
  const phases = { login: [], reconnect: [], replay: [], total: [] };
  const replayed = [];
  let errors = 0;
  let anomalies = 0;
  const rnd = dl.random(Date.now() & 0xffffffff);
  try {
    for (let k = 0; k < SAMPLES; k += 1) {
      const i = Math.floor(rnd() * count);
      const code = formatCode(codeFor(keys, i));
      try {
        const t0 = performance.now();
        const session = await dl.login(server.url, code);
        const t1 = performance.now();
        const stream = await dl.connect(server.url, session.token, session.conversationId);
        const t2 = performance.now();
        // The seeded lines are 0–49; the "welcome back" turn of this login comes after them, in the same replay.
        await stream.until(50, 30_000);
        const t3 = performance.now();
        stream.close();
        phases.login.push(t1 - t0);
        phases.reconnect.push(t2 - t1);
        phases.replay.push(t3 - t2);
        phases.total.push(t3 - t0);
        replayed.push(stream.activities.length);
        // The seeded state must read back as the server's own: a reset or an error here means the seed is wrong.
        const keys = stream.activities.slice(50).map((a) => String(a.channelData?.key ?? ''));
        if (keys.some((k) => k === 'ui:flow.reset' || k.startsWith('ui:errors.'))) anomalies += 1;
      } catch (err) {
        errors += 1;
        if (errors <= 3) console.error(`  sample ${i}: ${err.message}`);
      }
    }
  } finally {
    await server.call('stop').catch(() => undefined);
    await Promise.race([server.exited, new Promise((r) => setTimeout(r, 10_000))]);
    await server.kill();
    dl.agent.destroy();
  }
  return { phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, summarize(v)])), errors, anomalies, activitiesReplayed: summarize(replayed) };
}

async function main() {
  fs.mkdirSync(DATA, { recursive: true });
  const t = await template();
  const seeded = await seedStep(t);
  const honest = seeded.conversations < TARGET
    ? `Seeded ${seeded.conversations.toLocaleString('en')} of the ${TARGET.toLocaleString('en')} target conversations (stopped by: ${seeded.stoppedBy}; this run seeded ${seeded.seededNow.toLocaleString('en')} at ${fmt(seeded.conversationsPerSecond, 0)} conversations/s, so the rest needs about ${fmt((TARGET - seeded.conversations) / Math.max(1, seeded.conversationsPerSecond) / 60, 0)} more minutes: run \`node bench/resume.js --seed-only\` or run the bench again, it continues).`
    : `Seeded ${seeded.conversations.toLocaleString('en')} conversations (target reached).`;
  console.log(`\n${honest}`);
  console.log(`Database: ${fmt(fileBytes() / 2 ** 30, 1)} GiB, ${t.activities.length} transcript lines and one sealed state per conversation.`);
  if (SEED_ONLY) return;
  const r = await measure(seeded.conversations);
  console.log(`\nResume of a random seeded code (ms), one user at a time, ${r.phases.total.n} samples, ${r.errors} errors\n`);
  table(['phase', 'p50', 'p95', 'p99', 'max'], [
    ['login (POST /api/login, incl. "welcome back" turn)', ...['p50', 'p95', 'p99', 'max'].map((p) => fmt(r.phases.login[p]))],
    ['reconnect (POST conversations + WebSocket open)', ...['p50', 'p95', 'p99', 'max'].map((p) => fmt(r.phases.reconnect[p]))],
    ['transcript replay (all lines on the stream)', ...['p50', 'p95', 'p99', 'max'].map((p) => fmt(r.phases.replay[p]))],
    ['total', ...['p50', 'p95', 'p99', 'max'].map((p) => fmt(r.phases.total[p]))],
  ]);
  console.log(`\nActivities replayed per resume: median ${r.activitiesReplayed.p50}. Resumes that showed a reset or an error instead of "welcome back": ${r.anomalies}.`);
  writeResult('resume', { target: TARGET, seeded, databaseBytes: fileBytes(), linesPerConversation: t.activities.length, note: honest, ...r });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
