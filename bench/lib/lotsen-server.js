'use strict';
/* global setImmediate */
// The Lotsen server as `node dist/src/main.js` builds it (same runtime, same express app), in its own process,
// with an IPC channel so a bench can ask it for codes and for its memory use.
const { loadConfig } = require('../../dist/src/config');
const { createRuntime } = require('../../dist/src/runtime');
const { createServer } = require('../../dist/src/server');
const { issueCodes } = require('../../dist/src/access/issue');

async function main() {
  const config = loadConfig();
  const rt = await createRuntime(config);
  await rt.store.ensureMunicipality('bench', 'Benchkommunen', '010-000 00 00');
  const dbStats = instrument(rt.db);
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
        return { memory: process.memoryUsage(), cpu: process.cpuUsage(), streams: rt.hub.streams(), db: dbStats ? { ...dbStats } : undefined };
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
 * Counts what reaches the one SQLite connection: statements, commits (explicit, and writes outside a
 * transaction, which SQLite commits on their own) and the time from each call to its callback. The
 * store runs them one after another, so the summed time is how long the connection was occupied.
 */
function instrument(sqlite) {
  const stats = { statements: 0, commits: 0, busyMs: 0 };
  const raw = sqlite.db; // the sqlite3.Database behind src/store/sqlite.ts
  // Only SQLite: on another store (PostgreSQL) the counters stay at zero and the bench prints no table.
  if (sqlite.constructor.name !== 'Sqlite' || !raw || typeof raw.run !== 'function' || typeof raw.exec !== 'function') return undefined;
  let inTx = false;
  for (const method of ['run', 'all', 'get', 'exec']) {
    const original = raw[method];
    raw[method] = function (sql, ...rest) {
      const last = rest.length - 1;
      const callback = rest[last];
      if (typeof callback !== 'function') return original.call(this, sql, ...rest);
      const t0 = process.hrtime.bigint();
      const text = String(sql);
      if (/^\s*BEGIN/i.test(text)) inTx = true;
      const committing = /COMMIT|ROLLBACK/i.test(text) || (!inTx && /^\s*(INSERT|UPDATE|DELETE)/i.test(text));
      if (/COMMIT|ROLLBACK/i.test(text)) inTx = false;
      rest[last] = function (...args) {
        stats.statements += 1;
        if (committing) stats.commits += 1;
        stats.busyMs += Number(process.hrtime.bigint() - t0) / 1e6;
        return callback.apply(this, args);
      };
      return original.call(this, sql, ...rest);
    };
  }
  return stats;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
