'use strict';
// Turn latency through the whole path: HTTP POST of a user activity → bot → WebSocket push of the bot's reply,
// at 1, 100 and 500 concurrent conversations, next to a bare express + ws echo server measured in the same run.
// Server and load generator run in separate processes; all traffic goes to 127.0.0.1.
const fs = require('node:fs');
const path = require('node:path');
const child = require('./lib/child');
const { summarize, fmt, table, writeResult } = require('./lib/stats');

const LEVELS = (process.env.BENCH_LATENCY_LEVELS ?? '1,100,500').split(',').map(Number);
const SECONDS = { 1: 8, 100: 12, 500: 15 };
// The machine's other load moves the baseline's figures by up to 2x between runs minutes apart, so the level the
// target is set at runs three times, baseline and Lotsen in turn, and the median of the three ratios is reported too.
const REPEATS = process.env.BENCH_LATENCY_REPEATS ? () => Number(process.env.BENCH_LATENCY_REPEATS) : (level) => (level === 100 ? 3 : 1);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 3000);
const SECRET = Buffer.alloc(32, 7).toString('base64');
const DATA = path.join(__dirname, 'data');

async function measure(kind, level, server) {
  const gen = await child.start('loadgen.js');
  try {
    const codes = kind === 'lotsen' ? (await server.call('codes', { count: level })).codes : Array.from({ length: level }, (_, i) => `echo-${i}`);
    await gen.call('setup', { base: server.url, codes, waitWelcome: kind === 'lotsen' });
    const seconds = Number(process.env.BENCH_SECONDS ?? SECONDS[level] ?? 15);
    // Server CPU and database counters over the generator's measuring window (it says when it opens and closes):
    // in a steady closed loop, the work done in the window is the work of the turns that end in it.
    // Each resolves at its message, with the server's counters still to come (so a run ending right after
    // the close cannot overtake it).
    const profile = kind === 'lotsen' && process.env.BENCH_CPU_PROF;
    const profileFile = path.join(DATA, 'profiles', `window-${level}-${Date.now()}.cpuprofile`);
    const sample = (phase) =>
      new Promise((resolve) =>
        gen.child.on('message', (m) => {
          if (!m || m.type !== 'window' || m.phase !== phase) return;
          const counters = server.call('memory');
          if (profile) void server.call('profile', { phase: phase === 'open' ? 'start' : 'stop', file: profileFile }).then((p) => p.file && console.error(`  profile of the window: ${p.file}`));
          resolve({ counters });
        }),
      );
    const opened = sample('open');
    const closed = sample('close');
    const running = gen.call('run', { durationMs: seconds * 1000, warmupMs: WARMUP_MS });
    const ended = running.then(() => {
      throw new Error('the load generator stopped before its measuring window closed');
    });
    const before = await (await Promise.race([opened, ended])).counters;
    const t0 = Date.now();
    const after = await (await Promise.race([closed, ended])).counters;
    const elapsed = Date.now() - t0;
    const r = await running;
    const busy = (a, b) => (a && b ? (a.active - b.active) / (a.active + a.idle - b.active - b.idle) : NaN);
    const loopBusy = busy(after.elu, before.elu);
    const workerBusy = busy(after.workerElu, before.workerElu);
    const serverCpuShare = (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1000 / elapsed;
    await gen.call('close');
    const errors = Object.values(r.errors).reduce((a, b) => a + b, 0);
    const turns = Math.max(1, r.completedInWindow);
    const db = before.db && after.db
      ? {
          statementsPerTurn: (after.db.statements - before.db.statements) / turns,
          writerStatementsPerTurn: (after.db.writerStatements - before.db.writerStatements) / turns,
          commitsPerTurn: (after.db.commits - before.db.commits) / turns,
          commitsPerSync: (after.db.commits - before.db.commits) / Math.max(1, after.db.syncs - before.db.syncs),
          checkpointsPerSecond: (after.db.checkpoints - before.db.checkpoints) / (elapsed / 1000),
          restartsPerSecond: (after.db.restarts - before.db.restarts) / (elapsed / 1000),
          restartMsEach: (after.db.restartMs - before.db.restartMs) / Math.max(1, after.db.restarts - before.db.restarts),
          warmReadShare: (after.db.warmReads - before.db.warmReads) / Math.max(1, after.db.statements - before.db.statements - (after.db.writerStatements - before.db.writerStatements)),
          msPerTurn: (after.db.busyMs - before.db.busyMs) / turns,
          busyShare: (after.db.busyMs - before.db.busyMs) / elapsed,
        }
      : undefined;
    return {
      kind, level, seconds, ...summarize(r.latencies), throughput: r.throughput, errors, errorKinds: r.errors,
      serverCpu: serverCpuShare, loopBusy, workerBusy, loadgenCpu: r.cpuShare, serverRssMiB: after.memory.rss / 1048576, db,
    };
  } finally {
    await gen.kill();
  }
}

async function main() {
  fs.mkdirSync(DATA, { recursive: true });
  const db = path.join(DATA, 'latency.db');
  for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
  const results = [];
  const echo = await child.start('echo-server.js');
  // BENCH_CPU_PROF_THREADS: the server runs under `node --cpu-prof`, which writes a whole-life profile of each of
  // its threads (the event loop and the turn worker) when they end.
  const execArgv = process.env.BENCH_CPU_PROF_THREADS ? ['--cpu-prof', `--cpu-prof-dir=${path.join(DATA, 'profiles')}`] : [];
  const lotsen = await child.start('lotsen-server.js', {
    execArgv,
    env: { PORT: '0', HOST: '127.0.0.1', LOTSEN_DB: db, LOTSEN_SECRET: SECRET, LOG_LEVEL: 'info', PURGE_INTERVAL_HOURS: '0', LOTSEN_DEMO: 'false', ACTIVITIES_PER_MINUTE_SESSION: '0', ACTIVITIES_PER_MINUTE_CONVERSATION: '0' },
  });
  try {
    for (const level of LEVELS) {
      for (let round = 1; round <= REPEATS(level); round += 1) for (const [kind, server] of [['baseline', echo], ['lotsen', lotsen]]) {
        const r = { ...(await measure(kind, level, server)), round, rounds: REPEATS(level) };
        results.push(r);
        console.error(`  ${kind} × ${level}${r.rounds > 1 ? ` (${round} of ${r.rounds})` : ''}: p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms, ${fmt(r.throughput, 0)} turns/s, ${r.errors} errors, CPU server ${fmt(r.serverCpu * 100, 0)}% (event loop busy ${fmt(r.loopBusy * 100, 0)}%${Number.isNaN(r.workerBusy) ? '' : `, turn worker busy ${fmt(r.workerBusy * 100, 0)}%`}) load generator ${fmt(r.loadgenCpu * 100, 0)}%`);
      }
    }
  } finally {
    await lotsen.call('stop').catch(() => undefined);
    await Promise.race([lotsen.exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await lotsen.kill();
    await echo.kill();
  }

  console.log('\nTurn latency (ms): POST of a user activity → bot reply pushed on the WebSocket; closed loop per conversation\n');
  const rows = [];
  const ratios = [];
  for (const level of LEVELS) {
    const levelRatios = [];
    for (let round = 1; round <= REPEATS(level); round += 1) {
      const b = results.find((r) => r.kind === 'baseline' && r.level === level && r.round === round);
      const l = results.find((r) => r.kind === 'lotsen' && r.level === level && r.round === round);
      const tag = b.rounds > 1 ? ` (${round})` : '';
      for (const r of [b, l]) rows.push([`${r.kind} × ${level}${tag}`, r.n, fmt(r.p50), fmt(r.p95), fmt(r.p99), fmt(r.max), fmt(r.throughput, 0), r.errors, `${fmt(r.serverCpu * 100, 0)}%`, `${fmt(r.loadgenCpu * 100, 0)}%`]);
      rows.push([`ratio × ${level}${tag}`, '', `${fmt(l.p50 / b.p50)}×`, `${fmt(l.p95 / b.p95)}×`, `${fmt(l.p99 / b.p99)}×`, '', '', '', '', '']);
      levelRatios.push(l.p99 / b.p99);
    }
    const sorted = [...levelRatios].sort((x, y) => x - y);
    ratios.push({ level, p99Ratios: levelRatios, medianP99Ratio: sorted[Math.floor(sorted.length / 2)] });
  }
  table(['server × conversations', 'turns', 'p50', 'p95', 'p99', 'max', 'turns/s', 'errors', 'server CPU', 'client CPU'], rows);
  for (const r of ratios.filter((x) => x.p99Ratios.length > 1)) {
    console.log(`\np99 ratio × ${r.level}, each pair measured one after the other: ${r.p99Ratios.map((x) => `${fmt(x)}×`).join(', ')}; median ${fmt(r.medianP99Ratio)}×`);
  }
  const dbRows = results
    .filter((r) => r.db)
    .map((r) => [`${r.kind} × ${r.level}${r.rounds > 1 ? ` (${r.round})` : ''}`, fmt(r.db.statementsPerTurn), fmt(r.db.writerStatementsPerTurn), fmt(r.db.commitsPerTurn, 2), fmt(r.db.commitsPerSync), fmt(r.db.checkpointsPerSecond), fmt(r.db.restartsPerSecond), fmt(r.db.restartMsEach), `${fmt(r.db.warmReadShare * 100, 0)}%`, fmt(r.db.msPerTurn, 2), `${fmt(r.db.busyShare * 100, 0)}%`]);
  if (dbRows.length > 0) {
    console.log('\nSQLite per turn (writes run one after another on the writing connection, and so do reads while it has no transaction open, else on the reading one; the log is synced off the event loop)\n');
    table(['server × conversations', 'statements', 'on the writer', 'commits', 'commits per log sync', 'checkpoints/s', 'writer checkpoints/s', 'ms each', 'reads on the writer', 'writer ms', 'writer busy'], dbRows);
  }
  writeResult('latency', { warmupMs: WARMUP_MS, ratios, results });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
