import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { projectPath } from '../paths';
import { StoreUnavailableError, type Db, type SqlValue, type Tx } from './db';

export { StoreUnavailableError };
export type { SqlValue, Tx };

const TRANSIENT = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_IOERR']);

function wrap(err: Error & { code?: string }): Error {
  return err.code && TRANSIENT.has(err.code) ? new StoreUnavailableError(err.code, err) : err;
}

/** How many transactions at most share one commit. */
const MAX_GROUP = 256;
/** Prepared statements kept per connection; the store's SQL is a fixed set, this only bounds a mistake. */
const MAX_PREPARED = 256;

/** One connection with its prepared statements, as promises. */
class Connection {
  private readonly prepared = new Map<string, sqlite3.Statement>();
  statements = 0;

  constructor(readonly raw: sqlite3.Database) {}

  static open(file: string, mode?: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const d: sqlite3.Database = mode === undefined
        ? new sqlite3.Database(file, (err) => (err ? reject(wrap(err)) : resolve(new Connection(d))))
        : new sqlite3.Database(file, mode, (err) => (err ? reject(wrap(err)) : resolve(new Connection(d))));
    });
  }

  exec(sql: string): Promise<void> {
    this.statements += 1;
    return new Promise((resolve, reject) => this.raw.exec(sql, (err) => (err ? reject(wrap(err)) : resolve())));
  }

  private statement(sql: string): sqlite3.Statement {
    let st = this.prepared.get(sql);
    if (!st) {
      if (this.prepared.size >= MAX_PREPARED) this.finalizeAll();
      st = this.raw.prepare(sql);
      this.prepared.set(sql, st);
    }
    return st;
  }

  run(sql: string, params: readonly SqlValue[]): Promise<{ changes: number }> {
    this.statements += 1;
    return new Promise((resolve, reject) =>
      this.statement(sql).run(params as unknown[], function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(wrap(err));
        else resolve({ changes: this.changes });
      }),
    );
  }

  all<T>(sql: string, params: readonly SqlValue[]): Promise<T[]> {
    this.statements += 1;
    return new Promise((resolve, reject) => this.statement(sql).all(params as unknown[], (err, rows) => (err ? reject(wrap(err)) : resolve(rows as T[]))));
  }

  finalizeAll(): void {
    for (const st of this.prepared.values()) st.finalize();
    this.prepared.clear();
  }

  close(): Promise<void> {
    this.finalizeAll();
    return new Promise<void>((resolve, reject) => this.raw.close((err) => (err ? reject(err) : resolve())));
  }
}

interface Pending {
  fn: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * SQLite with one writing connection and, for a file, one reading connection (WAL lets it read while the
 * writer writes). Transactions **commit in groups**: the ones that arrive while a commit is under way wait,
 * then run one after another inside one `BEGIN … COMMIT`, each in its own savepoint, so one that fails rolls
 * back alone; each caller's promise resolves only once the shared commit is on disk. Under load that is
 * one fsync for many turns instead of one per transaction; alone, a transaction commits at once.
 */
export class Sqlite implements Db {
  readonly engine = 'sqlite' as const;
  /** Counters for benchmarks and diagnostics: statements on each connection, commits and the transactions they carried. */
  readonly counters = { writerStatements: 0, readerStatements: 0, commits: 0, transactions: 0, writerBusyMs: 0 };
  private readonly pending: Pending[] = [];
  private running: Promise<void> | null = null;
  private closed = false;

  private constructor(
    private readonly writer: Connection,
    /** Reads outside a transaction; the writer itself for `:memory:`, which a second connection would not see. */
    private reader: Connection | null,
    readonly file: string,
  ) {}

  static async open(file: string): Promise<Sqlite> {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const writer = await Connection.open(file);
    await writer.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;`);
    let reader: Connection | null = null;
    if (file !== ':memory:') {
      reader = await Connection.open(file, sqlite3.OPEN_READWRITE);
      await reader.exec('PRAGMA query_only = ON; PRAGMA busy_timeout = 5000;');
    }
    return new Sqlite(writer, reader, file);
  }

  /** The underlying writing connection (tools that need SQLite itself, such as bulk seeding). */
  get raw(): sqlite3.Database {
    return this.writer.raw;
  }

  /** Runs `fn` as one transaction, committed together with whichever others are waiting. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('SQLite: the database is closed'));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.running || this.pending.length === 0) return;
    this.running = this.commitGroup(this.pending.splice(0, MAX_GROUP)).finally(() => {
      this.running = null;
      this.kick();
    });
  }

  private async commitGroup(group: Pending[]): Promise<void> {
    const t0 = performance.now();
    const w = this.writer;
    const before = w.statements;
    const alone = group.length === 1;
    const done: Array<{ p: Pending; value: unknown }> = [];
    try {
      await w.exec('BEGIN IMMEDIATE');
    } catch (err) {
      for (const p of group) p.reject(err);
      return;
    }
    try {
      for (const p of group) {
        if (!alone) await w.exec('SAVEPOINT t');
        try {
          const value = await p.fn(this.tx);
          if (!alone) await w.exec('RELEASE t');
          done.push({ p, value });
        } catch (err) {
          // Undo this transaction's statements only; the others of the group go on.
          await w.exec(alone ? 'ROLLBACK' : 'ROLLBACK TO t; RELEASE t');
          p.reject(err);
          if (alone) return;
        }
      }
      await w.exec('COMMIT');
      this.counters.commits += 1;
      this.counters.transactions += done.length;
      for (const d of done) d.p.resolve(d.value);
    } catch (err) {
      // The commit (or a savepoint) failed: nothing of the group is on disk.
      await w.exec('ROLLBACK').catch(() => undefined);
      // (Rejecting one already rejected on its own changes nothing.)
      for (const p of group) p.reject(err);
    } finally {
      this.counters.writerStatements += w.statements - before;
      this.counters.writerBusyMs += performance.now() - t0;
    }
  }

  private readonly tx: Tx = {
    run: (sql, params = []) => this.writer.run(sql, params),
    all: <T>(sql: string, params: readonly SqlValue[] = []) => this.writer.all<T>(sql, params),
    get: async <T>(sql: string, params: readonly SqlValue[] = []) => (await this.writer.all<T>(sql, params))[0],
  };

  /** A single write: a transaction of one statement. */
  run(sql: string, params: readonly SqlValue[] = []) {
    return this.transaction((tx) => tx.run(sql, params));
  }

  /** A read of what is committed: on the reading connection, never waiting for writes (in a group with them for `:memory:`). */
  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    if (!this.reader) return this.transaction((tx) => tx.all<T>(sql, params));
    this.counters.readerStatements += 1;
    return this.reader.all<T>(sql, params);
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Copies the write-ahead log into the database file and empties it (for tools and tests that read the file). */
  checkpoint(): Promise<void> {
    return this.exclusive(() => this.writer.exec('PRAGMA wal_checkpoint(TRUNCATE)'));
  }

  /** Runs `fn` alone on the writer, after every transaction before it (migrations, close). */
  private async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    while (this.running) await this.running;
    const job = fn();
    // Transactions that arrive meanwhile wait for it, as they wait for a group.
    this.running = job.then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      this.running = null;
      this.kick();
    });
    return job;
  }

  /** Applies numbered migrations (`NNN_name.sql`) not yet applied, each in its own transaction. */
  async migrate(dir = projectPath('src', 'store', 'migrations')): Promise<number[]> {
    await this.exclusive(() => this.writer.exec('CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)'));
    const done = new Set((await this.all<{ version: number }>('SELECT version FROM schema_migration')).map((r) => r.version));
    const applied: number[] = [];
    for (const file of readdirSync(dir).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort()) {
      const version = Number(file.slice(0, 3));
      if (done.has(version)) continue;
      const sql = readFileSync(path.join(dir, file), 'utf8');
      await this.exclusive(async () => {
        await this.writer.exec(`BEGIN IMMEDIATE;\n${sql}\n;INSERT INTO schema_migration (version, name, applied_at) VALUES (${version}, '${file.replace(/'/g, '')}', ${Date.now()}); COMMIT;`).catch(async (err: unknown) => {
          await this.writer.exec('ROLLBACK').catch(() => undefined);
          throw err;
        });
      });
      applied.push(version);
    }
    // Statements prepared before a schema change are prepared again on their next use (SQLite does it); the reader's too.
    return applied;
  }

  /** Closes both connections once every transaction already asked for has finished; later ones are refused. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.running) await this.running;
    await this.reader?.close();
    this.reader = null;
    await this.writer.close();
  }
}
