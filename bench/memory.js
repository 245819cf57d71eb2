'use strict';
// Resident memory of the server per idle and per active conversation: N conversations keep their WebSocket
// open (idle), then A of them take turns in a closed loop (active).
// Environment: BENCH_MEMORY_CONVERSATIONS (default 10000, capped by the open-file limit),
// BENCH_MEMORY_ACTIVE (default 1000), BENCH_MEMORY_ACTIVE_SECONDS (default 20).
const fs = require('node:fs');
const path = require('node:path');
const { execSync } = require('node:child_process');
const child = require('./lib/child');
const { randomUUID } = require('node:crypto');
const { summarize, fmt, table, writeResult, mib, kib } = require('./lib/stats');
const { recordTemplate } = require('./lib/template');
const { seed, conversationIdFor } = require('./lib/seed');
const { deriveKeys } = require('../dist/src/store/crypto');
const { TokenService } = require('../dist/src/access/tokens');
const { Sqlite } = require('../dist/src/store/sqlite');

const DATA = path.join(__dirname, 'data');
const SECRET = Buffer.alloc(32, 7).toString('base64');
const WANTED = Number(process.env.BENCH_MEMORY_CONVERSATIONS ?? 10_000);
const ACTIVE = Number(process.env.BENCH_MEMORY_ACTIVE ?? 1000);
const ACTIVE_SECONDS = Number(process.env.BENCH_MEMORY_ACTIVE_SECONDS ?? 20);

/** The open-file limit each process gets (run.js raises the soft limit to the hard one where it may). */
function fdLimit() {
  try {
    return Number(execSync('ulimit -n', { encoding: 'utf8', shell: '/bin/bash' }).trim()) || 1024;
  } catch {
    return 1024;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** RSS and heap after a full GC, then the median of a few samples, so one sample's timing does not decide. */
async function idleMemory(server) {
  await server.call('memory', { gc: true });
  await sleep(2000);
  const rss = [];
  const heap = [];
  for (let k = 0; k < 12; k += 1) {
    const m = (await server.call('memory')).memory;
    rss.push(m.rss);
    heap.push(m.heapUsed);
    await sleep(250);
  }
  const live = (await server.call('memory', { gc: true })).memory.heapUsed;
  return { rss: summarize(rss).p50, heapUsed: summarize(heap).p50, liveHeap: live };
}

/**
 * N conversations as they stand right after login: seeded rows (a code, the conversation, its state and the
 * welcome turn's lines), a session each and a token minted with the server's key. Logging 10,000 users in
 * through /api/login would take minutes of the bench's budget and leaves nothing in the server's memory
 * that this does not; the latency and resume benches measure logins.
 */
async function prepareConversations(db, n) {
  const t = await recordTemplate({ secret: SECRET, lines: 50 });
  const welcome = t.activities.findIndex((a) => a.from?.role === 'user');
  const trimmed = { ...t, activities: t.activities.slice(0, welcome) };
  await seed({ file: db, secret: SECRET, template: trimmed, target: n });
  const keys = deriveKeys(Buffer.from(SECRET, 'base64'));
  const tokens = new TokenService(keys.tokens, 1800);
  const store = await Sqlite.open(db);
  const sessions = [];
  try {
    await store.transaction(async (tx) => {
      for (let i = 0; i < n; i += 1) {
        const conversationId = conversationIdFor(i);
        const sid = randomUUID();
        await tx.run('INSERT INTO session (id, conversation_id, created_at) VALUES (?, ?, ?)', [sid, conversationId, Date.now()]);
        sessions.push({ conversationId, token: (await tokens.issue({ conv: conversationId, sid, persona: 'parent', band: null })).token });
      }
    });
  } finally {
    await store.close();
  }
  return { sessions, lines: trimmed.activities.length };
}

async function main() {
  fs.mkdirSync(DATA, { recursive: true });
  const db = path.join(DATA, 'memory.db');
  for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
  const limit = fdLimit();
  // Each side holds one socket per conversation, plus files, the database and some slack.
  const n = Math.min(WANTED, limit - 300);
  const capped = n < WANTED ? `capped by the open-file limit (${limit})` : 'as asked';
  const prepared = await prepareConversations(db, n);
  const server = await child.start('lotsen-server.js', {
    env: { PORT: '0', HOST: '127.0.0.1', LOTSEN_DB: db, LOTSEN_SECRET: SECRET, LOG_LEVEL: 'warn', PURGE_INTERVAL_HOURS: '0', LOTSEN_DEMO: 'false', ACTIVITIES_PER_MINUTE_SESSION: '0', ACTIVITIES_PER_MINUTE_CONVERSATION: '0' },
    execArgv: ['--expose-gc'],
  });
  const gen = await child.start('loadgen.js');
  try {
    // The same work as the rest of the bench does first: one login, so every code path has run once.
    const { codes } = await server.call('codes', { count: 1 });
    await gen.call('setup', { base: server.url, codes, waitWelcome: true });
    await gen.call('close');
    const base = await idleMemory(server);
    const t0 = Date.now();
    await gen.call('attach', { base: server.url, sessions: prepared.sessions, replayTo: prepared.lines - 1 });
    const connectSeconds = (Date.now() - t0) / 1000;
    const idle = await idleMemory(server);
    const streams = (await server.call('memory')).streams;

    const a = Math.min(ACTIVE, n);
    const running = gen.call('run', { durationMs: ACTIVE_SECONDS * 1000, warmupMs: 0, count: a });
    const rss = [];
    const heap = [];
    const liveHeap = [];
    await sleep(5000);
    const until = Date.now() + (ACTIVE_SECONDS - 7) * 1000;
    for (let k = 0; Date.now() < until; k += 1) {
      // Every fourth sample after a full GC: what in-flight turns keep alive, without their garbage.
      const m = (await server.call('memory', { gc: k % 4 === 3 })).memory;
      if (k % 4 === 3) liveHeap.push(m.heapUsed);
      else {
        rss.push(m.rss);
        heap.push(m.heapUsed);
      }
      await sleep(400);
    }
    const run = await running;
    const after = await idleMemory(server);
    const act = { rss: summarize(rss), heapUsed: summarize(heap).p50, liveHeap: summarize(liveHeap).p50 };
    const errors = Object.values(run.errors).reduce((x, y) => x + y, 0);

    const result = {
      conversations: n, capped, fdLimit: limit, streams, connectSeconds, linesPerConversation: prepared.lines,
      active: a, activeSeconds: ACTIVE_SECONDS, activeTurns: run.allTurns, activeErrors: run.errors,
      rssMiB: { empty: mib(base.rss), idle: mib(idle.rss), activeMedian: mib(act.rss.p50), activeMax: mib(act.rss.max), afterActive: mib(after.rss) },
      heapUsedMiB: { empty: mib(base.heapUsed), idle: mib(idle.heapUsed), active: mib(act.heapUsed), afterActive: mib(after.heapUsed) },
      liveHeapMiB: { empty: mib(base.liveHeap), idle: mib(idle.liveHeap), active: mib(act.liveHeap), afterActive: mib(after.liveHeap) },
      perIdleKiB: { rss: kib((idle.rss - base.rss) / n), liveHeap: kib((idle.liveHeap - base.liveHeap) / n) },
      perActiveKiB: { rss: kib((act.rss.p50 - idle.rss) / a), liveHeap: kib((act.liveHeap - idle.liveHeap) / a) },
    };
    console.log(`\nServer memory with ${n.toLocaleString('en')} connected WebSockets (${capped}), one conversation each; then ${a.toLocaleString('en')} of them active for ${ACTIVE_SECONDS} s (${run.allTurns} turns, ${errors} errors)\n`);
    table(['server state', 'RSS MiB', 'heap used MiB', 'live heap MiB (after GC)'], [
      ['started, one login done', fmt(result.rssMiB.empty), fmt(result.heapUsedMiB.empty), fmt(result.liveHeapMiB.empty)],
      [`${n.toLocaleString('en')} idle conversations`, fmt(result.rssMiB.idle), fmt(result.heapUsedMiB.idle), fmt(result.liveHeapMiB.idle)],
      [`${a.toLocaleString('en')} of them active (median)`, fmt(result.rssMiB.activeMedian), fmt(result.heapUsedMiB.active), fmt(result.liveHeapMiB.active)],
      ['idle again', fmt(result.rssMiB.afterActive), fmt(result.heapUsedMiB.afterActive), fmt(result.liveHeapMiB.afterActive)],
    ]);
    console.log('');
    table(['per conversation', 'RSS KiB', 'live heap KiB'], [
      ['idle (WebSocket open, nothing in flight)', fmt(result.perIdleKiB.rss), fmt(result.perIdleKiB.liveHeap)],
      ['active, on top of idle (one turn in flight or just done)', fmt(result.perActiveKiB.rss), fmt(result.perActiveKiB.liveHeap)],
    ]);
    console.log(`\n${n.toLocaleString('en')} WebSockets connected in ${fmt(connectSeconds)} s (token check, session lookup and replay of the ${prepared.lines} welcome lines each).`);
    writeResult('memory', result);
  } finally {
    await gen.call('close').catch(() => undefined);
    await gen.kill();
    await server.call('stop').catch(() => undefined);
    await Promise.race([server.exited, sleep(10_000)]);
    await server.kill();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
