import { mkdirSync } from 'node:fs';
import path from 'node:path';
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

/**
 * How many transactions at most share one commit. A group and the turns it resumes run in one turn of the event
 * loop, which accepts one new connection per turn (libuv): bigger groups would make new connections wait.
 */
const MAX_GROUP = 64;
/** Prepared statements kept per connection; the store's SQL is a fixed set, this only bounds a mistake. */
const MAX_PREPARED = 256;

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
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * SQLite with one writing connection and, for a file, one reading connection, so a read never sees what a
 * transaction in progress has written (WAL lets it read while the writer writes). Transactions **commit in
 * groups**: those asked for during one turn of the event loop run one after another inside one
 * `BEGIN … COMMIT`, each in its own savepoint, so one that fails rolls back alone; each caller's promise
 * resolves only once the shared commit is on disk. Under load that is one fsync for many turns instead of one
 * per transaction.
 */
export class Sqlite implements Db {
  readonly engine = 'sqlite' as const;
  /** Counters for benchmarks and diagnostics: statements on each connection, commits and the transactions they carried. */
  readonly counters = { writerStatements: 0, readerStatements: 0, commits: 0, transactions: 0, writerBusyMs: 0 };
  private readonly pending: Pending[] = [];
  private running: Promise<void> | null = null;
  private scheduled = false;
  private closed = false;

  private constructor(
    private readonly writer: Connection,
    /** Reads outside a transaction; the writer itself for `:memory:`, which a second connection would not see. */
    private reader: Connection | null,
    readonly file: string,
  ) {}

  static async open(file: string): Promise<Sqlite> {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const writer = Connection.open(file, 'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;');
    const reader = file === ':memory:' ? null : Connection.open(file, 'PRAGMA query_only = ON;');
    return new Sqlite(writer, reader, file);
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
    if (this.running || this.scheduled || this.pending.length === 0) return;
    // Wait for the rest of this turn of the event loop, so the transactions its other requests ask for join the group.
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.running || this.pending.length === 0) return;
      this.running = this.commitGroup(this.pending.splice(0, MAX_GROUP)).finally(() => {
        this.running = null;
        this.kick();
      });
    });
  }

  private async commitGroup(group: Pending[]): Promise<void> {
    const t0 = performance.now();
    const w = this.writer;
    const before = w.statements;
    const alone = group.length === 1;
    const done: Array<{ p: Pending; value: unknown }> = [];
    try {
      w.control('BEGIN IMMEDIATE');
    } catch (err) {
      for (const p of group) p.reject(err);
      return;
    }
    try {
      for (const p of group) {
        if (!alone) w.control('SAVEPOINT t');
        try {
          const value = await p.fn(this.tx);
          if (!alone) w.control('RELEASE t');
          done.push({ p, value });
        } catch (err) {
          // Undo this transaction's statements only; the others of the group go on.
          if (alone) w.control('ROLLBACK');
          else {
            w.control('ROLLBACK TO t');
            w.control('RELEASE t');
          }
          p.reject(err);
          if (alone) return;
        }
      }
      w.control('COMMIT');
      this.counters.commits += 1;
      this.counters.transactions += done.length;
      for (const d of done) d.p.resolve(d.value);
    } catch (err) {
      // The commit (or a savepoint) failed: nothing of the group is on disk.
      try {
        if (w.raw.inTransaction) w.control('ROLLBACK');
      } catch {
        // Nothing was open any more.
      }
      // (Rejecting one already rejected on its own changes nothing.)
      for (const p of group) p.reject(err);
    } finally {
      this.counters.writerStatements += w.statements - before;
      this.counters.writerBusyMs += performance.now() - t0;
    }
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

  /** A read of what is committed: on the reading connection, never waiting for writes (in a group with them for `:memory:`). */
  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    if (!this.reader) return this.transaction((tx) => tx.all<T>(sql, params));
    if (this.closed) throw new Error('SQLite: the database is closed');
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
    await this.exclusive(async () => this.writer.exec('CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)'));
    const done = new Set((await this.all<{ version: number }>('SELECT version FROM schema_migration')).map((r) => r.version));
    const applied: number[] = [];
    for (const { version, file, sql } of pendingMigrations(dir, done)) {
      await this.exclusive(async () => {
        try {
          this.writer.exec(`BEGIN IMMEDIATE;\n${sql}\n;INSERT INTO schema_migration (version, name, applied_at) VALUES (${version}, '${file.replace(/'/g, '')}', ${Date.now()}); COMMIT;`);
        } catch (err) {
          if (this.writer.raw.inTransaction) this.writer.exec('ROLLBACK');
          throw err;
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
    this.reader?.close();
    this.reader = null;
    this.writer.close();
  }
}
