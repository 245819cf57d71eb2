'use strict';
// Turn latency on PostgreSQL next to SQLite: the same closed loop as bench/latency.js (POST of a user activity →
// bot reply pushed on the WebSocket) at 1 and 100 concurrent conversations, for
//   sqlite   one instance on a SQLite file;
//   pg × 1   one instance on PostgreSQL;
//   pg × 2   two instances on the same PostgreSQL database: conversation i logs in and posts through one
//            instance and holds its stream on the other (even i: A→B, odd i: B→A), so every reply crosses
//            instances through LISTEN/NOTIFY and every turn takes the advisory lock in the database;
// each next to a bare express + ws echo server measured in the same run. PostgreSQL is a throwaway cluster
// (bench/lib/postgres.js); when it cannot start, the bench says why and measures SQLite only.
const fs = require('node:fs');
const path = require('node:path');
const child = require('./lib/child');
const pgCluster = require('./lib/postgres');
const { summarize, fmt, table, writeResult } = require('./lib/stats');

const LEVELS = (process.env.BENCH_PG_LEVELS ?? '1,100').split(',').map(Number);
const SECONDS = { 1: 8, 100: 12 };
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 3000);
const SECRET = Buffer.alloc(32, 7).toString('base64');
const DATA = path.join(__dirname, 'data');
const SERVER_ENV = { PORT: '0', HOST: '127.0.0.1', LOTSEN_SECRET: SECRET, LOG_LEVEL: 'info', PURGE_INTERVAL_HOURS: '0', LOTSEN_DEMO: 'false', ACTIVITIES_PER_MINUTE_SESSION: '0', ACTIVITIES_PER_MINUTE_CONVERSATION: '0' };

/** One closed-loop run against `servers` (one or more instances of the same deployment). */
async function measure(kind, level, servers, { cross = false, dbCpuMs } = {}) {
  const lotsen = kind !== 'baseline';
  const gen = await child.start('loadgen.js');
  try {
    const codes = lotsen ? (await servers[0].call('codes', { count: level })).codes : Array.from({ length: level }, (_, i) => `echo-${i}`);
    const routes = cross ? servers.map((s, i) => ({ post: s.url, stream: servers[(i + 1) % servers.length].url })) : undefined;
    const setup = await gen.call('setup', { base: servers[0].url, codes, waitWelcome: lotsen, routes });
    const seconds = Number(process.env.BENCH_SECONDS ?? SECONDS[level] ?? 12);
    // CPU of every instance over the generator's measuring window (see bench/latency.js).
    const sample = (phase) => new Promise((resolve) => gen.child.on('message', (m) => m && m.type === 'window' && m.phase === phase && resolve({ dbCpuMs: dbCpuMs ? dbCpuMs() : undefined, counters: Promise.all(servers.map((s) => s.call('memory'))) })));
    const opened = sample('open');
    const closed = sample('close');
    const running = gen.call('run', { durationMs: seconds * 1000, warmupMs: WARMUP_MS });
    const ended = running.then(() => {
      throw new Error('the load generator stopped before its measuring window closed');
    });
    const open = await Promise.race([opened, ended]);
    const before = await open.counters;
    const t0 = Date.now();
    const close = await Promise.race([closed, ended]);
    const after = await close.counters;
    const elapsed = Date.now() - t0;
    const r = await running;
    const cpu = (c) => c.cpu.user + c.cpu.system;
    const serverCpu = servers.map((_, i) => (cpu(after[i]) - cpu(before[i])) / 1000 / elapsed);
    await gen.call('close');
    const errors = Object.values(r.errors).reduce((a, b) => a + b, 0);
    return {
      kind, level, instances: servers.length, seconds, ...summarize(r.latencies), throughput: r.throughput, errors, errorKinds: r.errors,
      serverCpu: serverCpu.reduce((a, b) => a + b, 0), serverCpuPerInstance: serverCpu, loadgenCpu: r.cpuShare,
      dbCpu: dbCpuMs ? pgCluster.cpuDeltaMs(open.dbCpuMs, close.dbCpuMs) / elapsed : undefined,
      serverRssMiB: after.map((c) => c.memory.rss / 1048576), setupMs: setup.setupMs,
    };
  } finally {
    await gen.kill();
  }
}

async function stopServer(s) {
  await s.call('stop').catch(() => undefined);
  await Promise.race([s.exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  await s.kill();
}

function report(r) {
  console.error(`  ${r.kind} × ${r.level}: p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms, ${fmt(r.throughput, 0)} turns/s, ${r.errors} errors, CPU server ${fmt(r.serverCpu * 100, 0)}%${r.dbCpu === undefined ? '' : ` PostgreSQL ${fmt(r.dbCpu * 100, 0)}%`} load generator ${fmt(r.loadgenCpu * 100, 0)}%`);
}

async function main() {
  fs.mkdirSync(DATA, { recursive: true });
  const results = [];
  const postgres = { skipped: null, version: null };
  const echo = await child.start('echo-server.js');
  try {
    // SQLite, one instance: the same measurement as bench/latency.js, repeated here so all three share a run.
    const db = path.join(DATA, 'latency-pg-sqlite.db');
    for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
    const sqlite = await child.start('lotsen-server.js', { env: { ...SERVER_ENV, LOTSEN_DB: db } });
    try {
      for (const level of LEVELS) {
        for (const [kind, servers] of [['baseline', [echo]], ['sqlite', [sqlite]]]) {
          const r = await measure(kind, level, servers);
          results.push(r);
          report(r);
        }
      }
    } finally {
      await stopServer(sqlite);
    }

    const why = pgCluster.unavailable();
    if (why) {
      postgres.skipped = why;
    } else {
      let cluster;
      const instances = [];
      try {
        cluster = await pgCluster.start();
        postgres.version = cluster.version;
        const env = { ...SERVER_ENV, LOTSEN_DB: cluster.url };
        instances.push(await child.start('lotsen-server.js', { env }));
        for (const level of LEVELS) {
          const r = await measure('pg × 1', level, instances.slice(0, 1), { dbCpuMs: cluster.cpuMs });
          results.push(r);
          report(r);
        }
        // The second instance only now, so the one-instance figures carry no second listener.
        instances.push(await child.start('lotsen-server.js', { env }));
        for (const level of LEVELS) {
          const r = await measure('pg × 2', level, instances, { cross: true, dbCpuMs: cluster.cpuMs });
          results.push(r);
          report(r);
        }
      } catch (err) {
        postgres.skipped = `failed: ${err && err.message ? err.message : err}`;
      } finally {
        for (const s of instances) await stopServer(s);
        if (cluster) await cluster.stop();
      }
    }
  } finally {
    await echo.kill();
  }

  console.log('\nTurn latency (ms) on SQLite and PostgreSQL: POST of a user activity → bot reply pushed on the WebSocket; closed loop per conversation');
  console.log('pg × 2: two instances on one database; each conversation posts through one and streams from the other\n');
  const rows = [];
  for (const level of LEVELS) {
    const b = results.find((r) => r.kind === 'baseline' && r.level === level);
    for (const r of results.filter((x) => x.level === level)) {
      rows.push([`${r.kind} × ${level}`, r.n, fmt(r.p50), fmt(r.p95), fmt(r.p99), fmt(r.max), fmt(r.throughput, 0), r.errors, `${fmt(r.serverCpu * 100, 0)}%`, r.dbCpu === undefined ? '' : `${fmt(r.dbCpu * 100, 0)}%`, `${fmt(r.loadgenCpu * 100, 0)}%`, r === b ? '' : `${fmt(r.p50 / b.p50)}× / ${fmt(r.p99 / b.p99)}×`]);
    }
  }
  table(['server × conversations', 'turns', 'p50', 'p95', 'p99', 'max', 'turns/s', 'errors', 'server CPU', 'PostgreSQL CPU', 'client CPU', 'vs baseline p50 / p99'], rows);
  if (postgres.skipped) console.log(`\nPostgreSQL skipped: ${postgres.skipped}`);
  else {
    console.log(`\n${postgres.version}, throwaway cluster on 127.0.0.1 (fsync, synchronous_commit and full_page_writes off)`);
    console.log('CPU shares are of one core over the measuring window; server CPU sums the instances, PostgreSQL CPU the postmaster and its backends');
  }
  writeResult('latency-postgres', { warmupMs: WARMUP_MS, postgres, results });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
