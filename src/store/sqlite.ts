import fs, { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { projectPath } from '../paths';
import { pendingMigrations, StoreUnavailableError, type Db, type SqlValue, type Tx } from './db';

export { StoreUnavailableError };
export type { SqlValue, Tx };

/** Primary result codes after which a retry may succeed (SQLite also reports extended ones, such as SQLITE_IOERR_WRITE). */
const TRANSIENT = /^SQLITE_(BUSY|LOCKED|FULL|IOERR)(_|$)/;

function wrap(err: unknown): unknown {
  const e = err as Error & { code?: string };
  return e instanceof Error && typeof e.code === 'string' && TRANSIENT.test(e.code) ? new StoreUnavailableError(e.code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1'), e) : err;
}

/** Prepared statements kept per connection; the store's SQL is a fixed set, this only bounds a mistake. */
const MAX_PREPARED = 256;
/** Transactions after which the checkpointer copies the write-ahead log into the database, and the longest it waits otherwise. */
const CHECKPOINT_TRANSACTIONS = 200;
const CHECKPOINT_MS = 10_000;
/**
 * Transactions after which the writer checkpoints the rest of the log itself, so it can start over (see
 * `Checkpointer`): at most about 50 MiB of log at a turn's 8–9 pages (less when they commit in groups). Each such
 * checkpoint held the event loop 10–22 ms under load.
 */
const RESTART_TRANSACTIONS = 1500;
/** Transactions after which the writer tries again when its checkpoint could not copy the whole log. */
const RESTART_RETRY_TRANSACTIONS = 50;
/**
 * Pages in the write-ahead log at which the writer checkpoints by itself (SQLite's automatic checkpoint, in the
 * event loop): only a bound for when the log cannot start over (another process holding an old snapshot), never
 * reached otherwise.
 */
const WRITER_CHECKPOINT_PAGES = 40_000;
/** The most transactions one commit takes (see `Sqlite.runGroup`). */
const GROUP_MAX = 64;

/**
 * One connection with its prepared statements. Calls are synchronous (SQLite in this thread: a read of a
 * cached page takes microseconds, far less than a hop to a thread pool and back); their results come as
 * promises so the `Db` interface is the same as PostgreSQL's.
 */
class Connection {
  private readonly prepared = new Map<string, Database.Statement>();
  statements = 0;

  constructor(readonly raw: Database.Database) {}

  static open(file: string, pragmas: string): Connection {
    try {
      const raw = new Database(file, { timeout: 5000 });
      raw.exec(pragmas);
      return new Connection(raw);
    } catch (err) {
      throw wrap(err);
    }
  }

  private statement(sql: string): Database.Statement {
    let st = this.prepared.get(sql);
    if (!st) {
      if (this.prepared.size >= MAX_PREPARED) this.prepared.clear();
      st = this.raw.prepare(sql);
      this.prepared.set(sql, st);
    }
    return st;
  }

  exec(sql: string): void {
    this.statements += 1;
    try {
      this.raw.exec(sql);
    } catch (err) {
      throw wrap(err);
    }
  }

  /** A statement without parameters or rows that runs often (BEGIN, SAVEPOINT, COMMIT …): prepared once. */
  control(sql: string): void {
    this.statements += 1;
    try {
      this.statement(sql).run();
    } catch (err) {
      throw wrap(err);
    }
  }

  run(sql: string, params: readonly SqlValue[]): { changes: number } {
    this.statements += 1;
    try {
      const st = this.statement(sql);
      if (st.reader) {
        st.all(...params);
        return { changes: 0 };
      }
      return { changes: st.run(...params).changes };
    } catch (err) {
      throw wrap(err);
    }
  }

  all<T>(sql: string, params: readonly SqlValue[]): T[] {
    this.statements += 1;
    try {
      return this.statement(sql).all(...params) as T[];
    } catch (err) {
      throw wrap(err);
    }
  }

  close(): void {
    this.prepared.clear();
    this.raw.close();
  }
}

interface Pending {
  fn: (tx: Tx) => Promise<unknown>;
  /** Set when it ran in a group that could not commit: it runs again, in a transaction of its own. */
  alone?: boolean;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/** How a file's data is made durable: `fdatasync` on libuv's thread pool (replaceable in tests). */
export type SyncFile = (fd: number) => Promise<void>;
const fdatasync: SyncFile = (fd) => new Promise((resolve, reject) => fs.fdatasync(fd, (err) => (err ? reject(err) : resolve())));

/**
 * Makes what the writer has committed durable: `fdatasync` of the write-ahead log, off the event loop, one at a
 * time. `after()` resolves once a sync that began after the call has finished, so it covers every commit made
 * before the call; callers arriving while a sync runs share the next one (group commit at the disk).
 */
class LogSync {
  private fd: number | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(
    private readonly wal: string,
    private readonly sync: SyncFile,
    private readonly counters: { syncs: number },
  ) {}

  after(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    const queued = this.running.then(
      () => this.start(),
      () => this.start(),
    );
    this.queued = queued;
    return queued;
  }

  private start(): Promise<void> {
    this.queued = null;
    const run = (async () => {
      // SQLite keeps the same log file while connections are open; before the first write there may be none.
      if (this.fd === null) {
        try {
          this.fd = fs.openSync(this.wal, 'r');
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
          throw err;
        }
      }
      await this.sync(this.fd);
      this.counters.syncs += 1;
    })().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  async close(): Promise<void> {
    while (this.running || this.queued) await (this.queued ?? this.running)?.catch(() => undefined);
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}

/**
 * Copies the write-ahead log into the database file on its own connection in a worker thread, so the copying and
 * its fsyncs never stop the event loop: every `every` transactions, a passive checkpoint (it never blocks the writer or
 * readers). Under steady writes such a checkpoint never catches the log's very end, and SQLite starts the log over
 * only after one has; so every `restartEvery` transactions the writer itself checkpoints between two transactions
 * (`restartLog`). By then the worker has copied all but the last commits, so that takes a few milliseconds of the
 * event loop, and the next commit starts the log from its beginning. (Waiting instead for the worker to copy the
 * rest held every transaction for 20–165 ms under load: its answer waits for a turn of the busy event loop.)
 */
class Checkpointer {
  private readonly worker: Worker;
  private busy = false;
  private dead = false;
  private transactions = 0;
  private sinceRestart = 0;
  private last = Date.now();
  private readonly timer: NodeJS.Timeout;

  constructor(
    file: string,
    private readonly counters: { checkpoints: number; restarts: number; restartMs: number },
    private readonly every = CHECKPOINT_TRANSACTIONS,
    private readonly restartEvery = RESTART_TRANSACTIONS,
  ) {
    this.worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
      const Database = require(workerData.module);
      const db = new Database(workerData.file, { timeout: 5000 });
      parentPort.on('message', (m) => {
        if (m === 'close') { db.close(); parentPort.close(); return; }
        try { db.pragma('wal_checkpoint(PASSIVE)'); parentPort.postMessage({ ok: true }); }
        catch (err) { parentPort.postMessage({ ok: false, code: err && err.code }); }
      });`,
      { eval: true, workerData: { module: require.resolve('better-sqlite3'), file } },
    );
    this.worker.unref();
    this.worker.on('message', (m: { ok: boolean }) => {
      this.busy = false;
      if (m.ok) this.counters.checkpoints += 1;
    });
    // A checkpointer that dies leaves all the copying to the writer's own checkpoints (restartLog).
    const die = () => {
      this.dead = true;
      this.busy = false;
    };
    this.worker.on('error', die);
    this.worker.on('exit', die);
    this.timer = setInterval(() => {
      if (this.transactions > 0 && Date.now() - this.last >= CHECKPOINT_MS) this.run();
    }, CHECKPOINT_MS);
    this.timer.unref();
  }

  private run(): void {
    if (this.busy || this.dead) return;
    this.busy = true;
    this.transactions = 0;
    this.last = Date.now();
    this.worker.postMessage('checkpoint');
  }

  /** Counts transactions, not commits: a group's commit writes at most what its members would have alone, so the log stays within its bound. */
  committed(transactions: number): void {
    this.transactions += transactions;
    this.sinceRestart += transactions;
    if (this.transactions >= this.every) this.run();
  }

  /** Whether the writer should checkpoint before its next transaction, so the log can start over. */
  get restartDue(): boolean {
    return this.sinceRestart >= this.restartEvery;
  }

  /**
   * With no transaction open on `writer`: copies what is left of the log. If that could not be all of it (the worker
   * was copying at that moment, or another process reads an old snapshot), it tries again some commits later.
   */
  restartLog(writer: Connection): void {
    const t0 = performance.now();
    let complete = false;
    try {
      const [r] = writer.raw.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
      complete = r !== undefined && r.busy === 0 && r.log === r.checkpointed;
    } catch {
      // The copying failed (I/O): the log is only longer for now, nothing committed is at risk; try again later.
    }
    this.counters.restarts += 1;
    this.counters.restartMs += performance.now() - t0;
    this.sinceRestart = complete ? 0 : this.restartEvery - RESTART_RETRY_TRANSACTIONS;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    // Referenced again while it closes: otherwise nothing else may keep the process alive until it has.
    this.worker.ref();
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage('close');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
    clearTimeout(timer);
    await this.worker.terminate();
  }
}

const NO_COUNTS = { writerStatements: 0, readerStatements: 0, warmReads: 0, commits: 0, transactions: 0, writerBusyMs: 0, syncs: 0, checkpoints: 0, restarts: 0, restartMs: 0 };
type Counters = typeof NO_COUNTS;

/**
 * SQLite with one writing connection and, for a file, one reading connection, so a read never sees what a
 * transaction in progress has written (WAL lets it read while the writer writes).
 *
 * Transactions run one after another on the writer, in arrival order, with no waiting for other work of the event
 * loop. One that finds the writer free commits as soon as it ends; those that arrived while it ran commit together
 * after it, each in its own savepoint (`runGroup`). A commit writes the log but does not wait for the disk
 * (`synchronous = NORMAL`); the caller's promise resolves only once an `fdatasync` of the log, made off the
 * event loop after the commit, has finished. One sync covers every commit before it, so under load many
 * transactions share one. What a caller has been told is stored is on disk, as with `synchronous = FULL`.
 */
export class Sqlite implements Db {
  readonly engine = 'sqlite' as const;
  private readonly pending: Pending[] = [];
  private running: Promise<void> | null = null;
  private closed = false;

  private constructor(
    private readonly writer: Connection,
    /** Reads outside a transaction; the writer itself for `:memory:`, which a second connection would not see. */
    private reader: Connection | null,
    readonly file: string,
    private readonly log: LogSync | null,
    private readonly checkpointer: Checkpointer | null,
    /** Counters for benchmarks and diagnostics: statements on each connection, commits, syncs of the log and checkpoints. */
    readonly counters: Counters,
  ) {}

  static async open(file: string, options: { syncFile?: SyncFile; checkpointEvery?: number; restartEvery?: number } = {}): Promise<Sqlite> {
    if (file === ':memory:') return new Sqlite(Connection.open(file, 'PRAGMA foreign_keys = ON;'), null, file, null, null, { ...NO_COUNTS });
    // Only the server's own user may read the data: the folder (when we make it) 0700, the file 0600. SQLite gives its
    // -wal and -shm files the database file's mode.
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
    try {
      fs.closeSync(fs.openSync(file, 'wx', 0o600));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const writer = Connection.open(file, `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}; PRAGMA foreign_keys = ON;`);
    const reader = Connection.open(file, 'PRAGMA query_only = ON;');
    const counters = { ...NO_COUNTS };
    return new Sqlite(writer, reader, file, new LogSync(`${file}-wal`, options.syncFile ?? fdatasync, counters), new Checkpointer(file, counters, options.checkpointEvery, options.restartEvery), counters);
  }

  /**
   * Runs `fn` as one transaction; resolves with its result once the commit is on disk. `fn` may be run a second time,
   * alone, when the group it ran in could not commit: it must do nothing but its statements and return its result.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('SQLite: the database is closed'));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      this.drain();
    });
  }

  private drain(): void {
    if (this.running || this.pending.length === 0) return;
    this.running = (async () => {
      while (this.pending.length > 0) {
        // Those waiting together commit together (see runGroup), but one that must run alone runs alone.
        const alone = this.pending[0]?.alone ? 1 : this.pending.findIndex((p) => p.alone);
        const group = this.pending.splice(0, Math.min(alone === -1 ? this.pending.length : alone, GROUP_MAX));
        if (group.length === 1) await this.runOne(group[0] as Pending);
        else await this.runGroup(group);
        if (this.checkpointer?.restartDue) this.checkpointer.restartLog(this.writer);
      }
    })().finally(() => {
      this.running = null;
      this.drain();
    });
  }

  /**
   * Several transactions in one `BEGIN … COMMIT`, each in its own savepoint: one that fails rolls back alone and the
   * others go on. One commit then writes the pages they share once, and one `BEGIN` and `COMMIT` serve them all.
   * Should SQLite end the whole transaction (a full disk, say), or its commit fail, nothing of the group is kept and
   * each member runs again alone, as if it had never been grouped: it meets that failure, or not, by itself.
   */
  private async runGroup(group: Pending[]): Promise<void> {
    const t0 = performance.now();
    const w = this.writer;
    const before = w.statements;
    const ran: Array<{ p: Pending; value: unknown }> = [];
    const failedAlone = new Set<Pending>();
    let kept = false;
    try {
      w.control('BEGIN IMMEDIATE');
    } catch (err) {
      // The file stayed locked past the busy timeout, say: nothing ran, and alone each would wait that long again.
      for (const p of group) p.reject(err);
      this.counters.writerBusyMs += performance.now() - t0;
      return;
    }
    try {
      for (const p of group) {
        w.control('SAVEPOINT member');
        try {
          ran.push({ p, value: await p.fn(this.tx) });
          w.control('RELEASE member');
        } catch (err) {
          if (!w.raw.inTransaction) throw err;
          w.control('ROLLBACK TO member');
          w.control('RELEASE member');
          failedAlone.add(p);
          p.reject(err);
        }
      }
      w.control('COMMIT');
      kept = true;
    } catch {
      try {
        if (w.raw.inTransaction) w.control('ROLLBACK');
      } catch {
        // Nothing was open any more.
      }
    } finally {
      this.counters.writerStatements += w.statements - before;
      this.counters.writerBusyMs += performance.now() - t0;
    }
    if (!kept) {
      // Nothing of the group is stored: each member not already failed by itself runs again alone, before anything newer.
      this.pending.unshift(...group.filter((p) => !failedAlone.has(p)).map((p) => ({ ...p, alone: true })));
      return;
    }
    this.counters.commits += 1;
    this.counters.transactions += ran.length;
    this.checkpointer?.committed(ran.length);
    this.acknowledge(ran);
  }

  private async runOne(p: Pending): Promise<void> {
    const t0 = performance.now();
    const w = this.writer;
    const before = w.statements;
    let value: unknown;
    try {
      w.control('BEGIN IMMEDIATE');
      try {
        value = await p.fn(this.tx);
        w.control('COMMIT');
      } catch (err) {
        try {
          if (w.raw.inTransaction) w.control('ROLLBACK');
        } catch {
          // Nothing was open any more.
        }
        throw err;
      }
    } catch (err) {
      p.reject(err);
      return;
    } finally {
      this.counters.writerStatements += w.statements - before;
      this.counters.writerBusyMs += performance.now() - t0;
    }
    this.counters.commits += 1;
    this.counters.transactions += 1;
    this.checkpointer?.committed(1);
    this.acknowledge([{ p, value }]);
  }

  /** Tells the callers of committed transactions, once an fdatasync of the log made after the commit has finished. */
  private acknowledge(done: Array<{ p: Pending; value: unknown }>): void {
    if (!this.log) {
      for (const d of done) d.p.resolve(d.value);
      return;
    }
    this.log.after().then(
      () => {
        for (const d of done) d.p.resolve(d.value);
      },
      // Committed but perhaps not on disk: the callers must not tell anyone it is stored.
      (err: unknown) => {
        for (const d of done) d.p.reject(err);
      },
    );
  }

  private readonly tx: Tx = {
    run: async (sql, params = []) => this.writer.run(sql, params),
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => this.writer.all<T>(sql, params),
    get: async <T>(sql: string, params: readonly SqlValue[] = []) => this.writer.all<T>(sql, params)[0],
  };

  /** A single write: a transaction of one statement. */
  run(sql: string, params: readonly SqlValue[] = []) {
    return this.transaction((tx) => tx.run(sql, params));
  }

  /**
   * A read of what is committed, never waiting for writes (in a group with them for `:memory:`). On the writing
   * connection while it has no transaction open: its page cache holds what it wrote itself. Else on the reading
   * connection, which sees only committed data; SQLite drops that connection's page cache whenever the log has
   * grown since its last read, so under steady writes each of its reads starts from cold pages.
   */
  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    if (!this.reader) return this.transaction((tx) => tx.all<T>(sql, params));
    if (this.closed) throw new Error('SQLite: the database is closed');
    if (!this.writer.raw.inTransaction) {
      this.counters.warmReads += 1;
      return this.writer.all<T>(sql, params);
    }
    this.counters.readerStatements += 1;
    return this.reader.all<T>(sql, params);
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Copies the write-ahead log into the database file and empties it (for tools and tests that read the file). */
  checkpoint(): Promise<void> {
    return this.exclusive(async () => this.writer.exec('PRAGMA wal_checkpoint(TRUNCATE)'));
  }

  /** Runs `fn` alone on the writer, after every transaction before it (migrations, checkpoints); durable when it resolves. */
  private async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    while (this.running) await this.running;
    const job = fn().then(async (value) => {
      await this.log?.after();
      return value;
    });
    // Transactions that arrive meanwhile wait for it.
    this.running = job.then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      this.running = null;
      this.drain();
    });
    return job;
  }

  /** Applies numbered migrations (`NNN_name.sql`) not yet applied, each in its own transaction. */
  async migrate(dir = projectPath('src', 'store', 'migrations')): Promise<number[]> {
    await this.exclusive(async () => this.writer.exec('CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)'));
    const done = new Set((await this.all<{ version: number }>('SELECT version FROM schema_migration')).map((r) => r.version));
    const applied: number[] = [];
    for (const { version, file, sql } of pendingMigrations(dir, done)) {
      await this.exclusive(async () => {
        try {
          this.writer.exec(`BEGIN IMMEDIATE;\n${sql}\n;INSERT INTO schema_migration (version, name, applied_at) VALUES (${version}, '${file.replace(/'/g, '')}', ${Date.now()}); COMMIT;`);
        } catch (err) {
          if (this.writer.raw.inTransaction) this.writer.exec('ROLLBACK');
          throw migrationError(err as Error);
        }
      });
      applied.push(version);
    }
    return applied;
  }

  /** Closes both connections once every transaction already asked for has finished; later ones are refused. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.running || this.pending.length > 0) await (this.running ?? new Promise((resolve) => setImmediate(resolve)));
    await this.log?.close();
    await this.checkpointer?.close();
    this.reader?.close();
    this.reader = null;
    this.writer.close();
  }
}

/** A migration's failure in words an operator can act on, where the cause is known. */
export function migrationError(err: Error): Error {
  if (/staff_username_lower|UNIQUE constraint failed: index 'staff_username_lower'|lower\(username\)/i.test(err.message)) {
    return new Error(
      'Staff usernames that differ only in case exist (find them with: SELECT lower(username) FROM staff GROUP BY 1 HAVING COUNT(*) > 1). Rename or remove one of each, then start again.',
    );
  }
  return err;
}
