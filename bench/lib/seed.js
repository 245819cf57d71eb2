'use strict';
/* global __filename */
// Seeds a Lotsen SQLite file with many conversations for the resume benchmark: for each, an access code
// (HMAC under the server secret, so the bench can log in with it), the conversation, its sealed dialogue
// state and a sealed transcript, all copied from one recorded real conversation. Every row is sealed on its
// own (AES-256-GCM, the associated data binds table, conversation and seq, as the store does), in the
// store's byte format, so the server reads them as its own.
//
// Fast by design: raw multi-row INSERTs with prepared statements in big transactions, no journal while
// seeding, worker threads sealing the next chunks while this thread writes. Resumable: a later run continues
// where an earlier one stopped.
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const { Sqlite } = require('../../dist/src/store/sqlite');
const { deriveKeys, hmacHex } = require('../../dist/src/store/crypto');
const { codeFromBytes } = require('../../dist/src/access/codes');

const CHUNK = 20; // conversations per INSERT statement (20 × 50 activity rows × 3 values = 3,000 parameters)
const COMMIT_EVERY = 250; // chunks per transaction (5,000 conversations)

/** The code of seeded conversation `i`: derived from the code key like the demo codes, so any can be recomputed. */
function codeFor(keys, i) {
  for (let n = 0; ; n += 1) {
    const code = codeFromBytes(crypto.createHmac('sha256', keys.codes).update(`bench-code/${i}/${n}`).digest());
    if (code) return code;
  }
}

const conversationIdFor = (i) => `b${i.toString(16).padStart(31, '0')}`;

/** AES-256-GCM in the store's format (version byte, 96-bit nonce, tag, body), with nonces drawn in bulk. */
function makeSealer(dataKey) {
  const key = crypto.createSecretKey(dataKey);
  const version = Buffer.from([1]);
  let pool = Buffer.alloc(0);
  let off = 0;
  return (plain, context) => {
    if (off + 12 > pool.length) {
      pool = crypto.randomBytes(12 * 65536);
      off = 0;
    }
    const iv = pool.subarray(off, off + 12);
    off += 12;
    const c = crypto.createCipheriv('aes-256-gcm', key, iv);
    c.setAAD(Buffer.from(context));
    const body = c.update(plain, 'utf8');
    c.final();
    return Buffer.concat([version, iv, c.getAuthTag(), body]);
  };
}

/** better-sqlite3 is synchronous; the seeding loop below awaits the workers, so it speaks promises. */
function promisify(db) {
  return {
    exec: async (sql) => void db.exec(sql),
    get: async (sql, params = []) => db.prepare(sql).get(...params),
    prepare: (sql) => {
      const stmt = db.prepare(sql);
      return { run: async (params) => void stmt.run(...params) };
    },
    close: async () => db.close(),
  };
}

/**
 * Seeds `file` up to `target` conversations of `template` (see template.js), stopping early when `budgetMs`
 * runs out. Returns how many conversations the file holds and how fast this run seeded.
 */
async function seed({ file, secret, template, target, budgetMs = Infinity, onProgress = () => undefined }) {
  const marker = `${file}.seeding`;
  if (fs.existsSync(marker)) {
    // A run died inside a journal-less transaction: the file cannot be trusted, start again.
    for (const f of [file, `${file}-wal`, `${file}-shm`, marker]) fs.rmSync(f, { force: true });
  }
  if (!fs.existsSync(file)) {
    const s = await Sqlite.open(file);
    await s.migrate();
    await s.run("INSERT OR IGNORE INTO municipality (id, name, phone, created_at) VALUES ('bench', 'Benchkommunen', '010-000 00 00', ?)", [Date.now()]);
    await s.close();
  }
  const lines = template.activities.length;
  const roles = template.activities.map((a) => (a.from?.role === 'bot' ? 'bot' : 'user'));

  const db = promisify(new Database(file));
  const count = async () => (await db.get("SELECT COUNT(*) AS n FROM conversation WHERE municipality_id = 'bench'")).n;
  let have = await count();
  target = Math.ceil(target / CHUNK) * CHUNK;
  const start = Date.now();
  if (have >= target) {
    await db.close();
    return { conversations: have, seededNow: 0, ms: 0, rowsPerSecond: NaN };
  }
  if (have % CHUNK !== 0) throw new Error(`${file} holds ${have} conversations, not a multiple of ${CHUNK}: delete it and seed again`);
  fs.writeFileSync(marker, String(process.pid));
  await db.exec('PRAGMA journal_mode = DELETE; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -1000000; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF;');
  // Plain `?` parameters (better-sqlite3 binds numbered ones by name); seq and role are literals.
  const sqlText = (v) => (v === null || v === undefined ? 'NULL' : `'${String(v).replace(/'/g, "''")}'`);
  const per = (n, f) => Array.from({ length: n }, (_, j) => f(j)).join(', ');
  const prepareSet = () => [
    db.prepare(`INSERT INTO access_code (hash, municipality_id, batch_id, persona, age_band, created_at, expires_at, revoked_at, first_used_at) VALUES ${per(CHUNK, () => "(?, 'bench', NULL, 'parent', NULL, ?, NULL, NULL, ?)")}`),
    db.prepare(`INSERT INTO conversation (id, code_hash, municipality_id, persona, age_band, locale, next_seq, last_flow, last_step, created_at, active_at) VALUES ${per(CHUNK, () => `(?, ?, 'bench', 'parent', NULL, 'sv', ${lines}, ${sqlText(template.lastFlow)}, ${sqlText(template.lastStep)}, ?, ?)`)}`),
    db.prepare(`INSERT INTO bot_state (key, conversation_id, etag, body, updated_at) VALUES ${per(CHUNK, () => '(?, ?, ?, ?, ?)')}`),
    db.prepare(`INSERT INTO activity (conversation_id, seq, role, body, created_at) VALUES ${per(CHUNK, () => Array.from({ length: lines }, (_, seq) => `(?, ${seq}, '${roles[seq]}', ?, ?)`).join(', '))}`),
  ];
  const [codeStmt, convStmt, stateStmt, actStmt] = prepareSet();

  // Sealing is the costly part: worker threads build and seal chunks, this thread binds them and SQLite writes.
  const workers = Array.from({ length: Math.max(1, os.availableParallelism()) }, () => new Worker(__filename, { workerData: { secret, template } }));
  const results = new Map();
  const waiting = new Map();
  for (const w of workers) {
    w.on('message', (m) => {
      const resolve = waiting.get(m.first);
      if (resolve) {
        waiting.delete(m.first);
        resolve(m.rows);
      } else results.set(m.first, m.rows);
    });
  }
  let asked = have;
  const ask = () => {
    if (asked >= target) return;
    workers[(asked / CHUNK) % workers.length].postMessage({ first: asked });
    asked += CHUNK;
  };
  const take = (first) => {
    const ready = results.get(first);
    if (ready) {
      results.delete(first);
      return Promise.resolve(ready);
    }
    return new Promise((resolve) => waiting.set(first, resolve));
  };
  for (let k = 0; k < workers.length * 3; k += 1) ask();

  let chunks = 0;
  let stopped = false;
  await db.exec('BEGIN');
  try {
    for (let first = have; first < target; first += CHUNK) {
      if (Date.now() - start > budgetMs) {
        stopped = true;
        break;
      }
      const [codes, convs, states, acts] = await take(first);
      ask();
      await Promise.all([codeStmt.run(codes), convStmt.run(convs), stateStmt.run(states), actStmt.run(acts)]);
      chunks += 1;
      if (chunks % COMMIT_EVERY === 0) {
        await db.exec('COMMIT; BEGIN');
        onProgress(first + CHUNK, Date.now() - start);
      }
    }
    await db.exec('COMMIT');
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  have = await count();
  await db.exec('PRAGMA locking_mode = NORMAL; PRAGMA journal_mode = WAL;');
  await db.close();
  fs.rmSync(marker, { force: true });
  const ms = Date.now() - start;
  const seededNow = chunks * CHUNK;
  return { conversations: have, seededNow, ms, rowsPerSecond: (seededNow * (lines + 3)) / (ms / 1000), conversationsPerSecond: seededNow / (ms / 1000), stopped };
}

/** In a worker thread: builds and seals the rows of one chunk of conversations. */
function chunkBuilder({ secret, template }) {
  const keys = deriveKeys(Buffer.from(secret, 'base64'));
  const seal = makeSealer(keys.data);
  const lines = template.activities.length;
  // Each activity's JSON, split around the template's conversation id (ids all have 32 characters).
  const parts = template.activities.map((a) => JSON.stringify(a).split(template.conversationId));
  const stateJson = template.state.split(template.conversationId); // already JSON, as the store keeps it
  return (first) => {
    const codes = [];
    const convs = [];
    const states = [];
    const acts = [];
    const now = Date.now();
    for (let i = first; i < first + CHUNK; i += 1) {
      const id = conversationIdFor(i);
      const hash = hmacHex(keys.codes, codeFor(keys, i));
      const created = now - ((i * 7919) % (200 * 86_400_000));
      codes.push(hash, created, created);
      convs.push(id, hash, created, created);
      const key = `directline/conversations/${id}/`;
      states.push(key, id, crypto.randomUUID(), seal(stateJson.join(id), `state:${key}`), created);
      for (let seq = 0; seq < lines; seq += 1) acts.push(id, seal(parts[seq].join(id), `activity:${id}:${seq}`), created);
    }
    return [codes, convs, states, acts];
  };
}

if (!isMainThread && workerData && workerData.template) {
  const build = chunkBuilder(workerData);
  parentPort.on('message', ({ first }) => parentPort.postMessage({ first, rows: build(first) }));
}

module.exports = { seed, codeFor, conversationIdFor };
