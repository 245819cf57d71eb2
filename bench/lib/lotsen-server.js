'use strict';
/* global setImmediate */
// The Lotsen server as `node dist/src/main.js` builds it (same runtime, same express app), in its own process,
// with an IPC channel so a bench can ask it for codes and for its memory use.
const { loadConfig } = require('../../dist/src/config');
const { createRuntime } = require('../../dist/src/runtime');
const { createServer } = require('../../dist/src/server');
const { issueCodes } = require('../../dist/src/access/issue');

const inspect = (session, method, params) => new Promise((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));

async function main() {
  let profiler;
  const config = loadConfig();
  const rt = await createRuntime(config);
  await rt.store.ensureMunicipality('bench', 'Benchkommunen', '010-000 00 00');
  const http = createServer(rt);
  const port = await http.listen(config.PORT, config.HOST);

  process.on('message', (msg) => {
    void handle(msg).then(
      (reply) => process.send({ id: msg.id, ok: true, ...reply }),
      (err) => process.send({ id: msg.id, ok: false, error: String(err && err.stack ? err.stack : err) }),
    );
  });

  async function handle(msg) {
    switch (msg.type) {
      case 'codes': {
        const codes = [];
        for (let left = msg.count; left > 0; left -= 1000) {
          const persona = msg.persona ?? 'parent';
          const batch = await issueCodes(rt.store, rt.keys.codes, {
            municipalityId: 'bench', persona, ageBand: persona === 'child-next' ? '9-12' : null, count: Math.min(1000, left), expiresAt: null, label: 'bench', createdBy: null,
          });
          codes.push(...batch.codes);
        }
        return { codes };
      }
      case 'memory': {
        if (msg.gc && typeof global.gc === 'function') {
          global.gc();
          await new Promise((r) => setTimeout(r, 50));
          global.gc();
        }
        // Turns in the worker thread: its heap is part of the server's (RSS counts both threads already).
        const turns = await rt.turns.stats(Boolean(msg.gc));
        const memory = process.memoryUsage();
        if (turns) memory.heapUsed += turns.heapUsed;
        const db = dbCounters(rt.db.engine, turns ? turns.db : rt.db.counters);
        return { memory, workerHeapUsed: turns?.heapUsed, workerElu: turns?.elu, cpu: process.cpuUsage(), elu: require('node:perf_hooks').performance.eventLoopUtilization(), streams: rt.hub.streams(), db };
      }
      case 'profile': {
        // The measuring window only (BENCH_CPU_PROF): V8's sampling profiler, started and stopped over the inspector.
        if (msg.phase === 'start') {
          profiler = new (require('node:inspector').Session)();
          profiler.connect();
          await inspect(profiler, 'Profiler.enable');
          await inspect(profiler, 'Profiler.setSamplingInterval', { interval: 200 });
          await inspect(profiler, 'Profiler.start');
          return {};
        }
        const { profile } = await inspect(profiler, 'Profiler.stop');
        profiler.disconnect();
        require('node:fs').mkdirSync(require('node:path').dirname(msg.file), { recursive: true });
        require('node:fs').writeFileSync(msg.file, JSON.stringify(profile));
        return { file: msg.file };
      }
      case 'stop': {
        await http.close();
        await rt.close();
        setImmediate(() => process.exit(0));
        return {};
      }
      default:
        throw new Error(`unknown message ${msg.type}`);
    }
  }

  process.send({ type: 'ready', url: `http://127.0.0.1:${port}`, port });
}

/**
 * What the SQLite store the turns write through counts itself (src/store/sqlite.ts; in the turn worker, when turns run
 * there), as it stands now: statements on the writing and the
 * reading connection (reads run on the writer while it has no transaction open), commits, syncs of the write-ahead
 * log (off the event loop, each covering every commit before it), passive checkpoints (in a worker thread), the
 * writer's own checkpoints that let the log start over and their length, and how long the writer was
 * occupied by transactions (they run one after another on it, so that is the writer's busy time). Undefined on
 * another store (PostgreSQL).
 */
function dbCounters(engine, c) {
  if (engine !== 'sqlite' || !c) return undefined;
  const { writerStatements, readerStatements, warmReads, commits, syncs, checkpoints, restarts, restartMs, writerBusyMs } = c;
  return { statements: writerStatements + readerStatements + warmReads, writerStatements, warmReads, commits, syncs, checkpoints, restarts, restartMs, busyMs: writerBusyMs };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
