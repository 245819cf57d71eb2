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

/**
 * One SQLite connection with promise helpers. Transactions are queued so they never interleave on the
 * shared connection; statements outside a transaction wait for the running one.
 */
export class Sqlite implements Db {
  readonly engine = 'sqlite' as const;
  private queue: Promise<unknown> = Promise.resolve();
  private constructor(private readonly db: sqlite3.Database, readonly file: string) {}

  static async open(file: string): Promise<Sqlite> {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const d = new sqlite3.Database(file, (err) => (err ? reject(wrap(err)) : resolve(d)));
    });
    const s = new Sqlite(db, file);
    await s.execRaw(`PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;`);
    return s;
  }

  private execRaw(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(wrap(err)) : resolve())));
  }

  private runRaw(sql: string, params: readonly SqlValue[]): Promise<{ changes: number }> {
    return new Promise((resolve, reject) =>
      this.db.run(sql, params as unknown[], function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(wrap(err));
        else resolve({ changes: this.changes });
      }),
    );
  }

  private allRaw<T>(sql: string, params: readonly SqlValue[]): Promise<T[]> {
    return new Promise((resolve, reject) => this.db.all(sql, params as unknown[], (err, rows) => (err ? reject(wrap(err)) : resolve(rows as T[]))));
  }

  /** Runs `fn` alone on the connection: everything in it is one transaction. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      await this.execRaw('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.tx);
        await this.execRaw('COMMIT');
        return result;
      } catch (err) {
        await this.execRaw('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private readonly tx: Tx = {
    run: (sql, params = []) => this.runRaw(sql, params),
    all: <T>(sql: string, params: readonly SqlValue[] = []) => this.allRaw<T>(sql, params),
    get: async <T>(sql: string, params: readonly SqlValue[] = []) => (await this.allRaw<T>(sql, params))[0],
  };

  /** A single statement, queued behind any running transaction. */
  run(sql: string, params: readonly SqlValue[] = []) {
    return this.serial(() => this.runRaw(sql, params));
  }
  all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.serial(() => this.allRaw<T>(sql, params));
  }
  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Applies numbered migrations (`NNN_name.sql`) not yet applied, each in its own transaction. */
  async migrate(dir = projectPath('src', 'store', 'migrations')): Promise<number[]> {
    await this.execRaw('CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    const done = new Set((await this.all<{ version: number }>('SELECT version FROM schema_migration')).map((r) => r.version));
    const applied: number[] = [];
    for (const file of readdirSync(dir).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort()) {
      const version = Number(file.slice(0, 3));
      if (done.has(version)) continue;
      const sql = readFileSync(path.join(dir, file), 'utf8');
      await this.serial(async () => {
        await this.execRaw(`BEGIN IMMEDIATE;\n${sql}\n;INSERT INTO schema_migration (version, name, applied_at) VALUES (${version}, '${file.replace(/'/g, '')}', ${Date.now()}); COMMIT;`).catch(async (err: unknown) => {
          await this.execRaw('ROLLBACK').catch(() => undefined);
          throw err;
        });
      });
      applied.push(version);
    }
    return applied;
  }

  close(): Promise<void> {
    return this.serial(() => new Promise<void>((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve()))));
  }
}
