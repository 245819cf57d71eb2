import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { projectPath } from '../paths';
import { pendingMigrations, StoreUnavailableError, type Db, type SqlValue, type Tx } from './db';

const INT8 = 20;
/** BIGINT (epoch ms, COUNT(*)) as a number, like SQLite gives it; every value we store is below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary' ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** SQLSTATEs (and socket errors) after which a retry may well succeed: the user is told to try again. */
const TRANSIENT = /^(40001|40P01|55P03|57014|57P0[1-3]|53\d\d\d|08\d\d\d|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)$/;

function wrap(err: unknown): unknown {
  const e = err as Error & { code?: string };
  if (!(e instanceof Error)) return err;
  if (e.code && TRANSIENT.test(e.code)) return new StoreUnavailableError(e.code, e);
  if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(e.message)) return new StoreUnavailableError('CONNECTION', e);
  return e;
}

/** `?` placeholders to `$1…`, leaving quoted strings, identifiers and comments alone. */
export function toPgPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  for (let i = 0; i < sql.length; i += 1) {
    const c = sql[i] as string;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end === -1 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '?') {
      n += 1;
      out += `$${n}`;
    } else out += c;
  }
  return out;
}

type Queryable = Pick<pg.PoolClient, 'query'>;

function txOn(client: Queryable): Tx {
  const all = async <T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> => {
    try {
      return (await client.query(toPgPlaceholders(sql), params as unknown[])).rows as T[];
    } catch (err) {
      throw wrap(err);
    }
  };
  return {
    run: async (sql, params = []) => {
      try {
        const r = await client.query(toPgPlaceholders(sql), params as unknown[]);
        return { changes: r.rowCount ?? 0 };
      } catch (err) {
        throw wrap(err);
      }
    },
    all,
    get: async <T>(sql: string, params: readonly SqlValue[] = []) => (await all<T>(sql, params))[0],
  };
}

export type NotificationHandler = (payload: string) => void;

/**
 * PostgreSQL through a connection pool, for several server instances on one database. Besides the `Db` interface:
 * per-key locks held in the database for as long as a task runs, and LISTEN/NOTIFY between the instances.
 */
export class Postgres implements Db {
  readonly engine = 'postgres' as const;
  /** Tells this instance's notifications from the others'. */
  readonly instanceId = randomUUID();
  private readonly direct: Tx;
  private listener: pg.Client | null = null;
  private readonly handlers = new Map<string, Set<NotificationHandler>>();
  private closed = false;

  private constructor(
    readonly url: string,
    private readonly pool: pg.Pool,
    /** Connections that only hold locks, so a task holding a lock never waits for one of them to do its work. */
    private readonly lockPool: pg.Pool,
  ) {
    this.direct = txOn(pool);
  }

  static async open(url: string, options: { max?: number; lockMax?: number } = {}): Promise<Postgres> {
    const common = { connectionString: url, types, connectionTimeoutMillis: 10_000, application_name: 'lotsen' };
    const pool = new pg.Pool({ ...common, max: options.max ?? 10 });
    const lockPool = new pg.Pool({ ...common, max: options.lockMax ?? 20 });
    // An idle connection that drops (server restart) must not take the process down; the next query reconnects.
    pool.on('error', () => undefined);
    lockPool.on('error', () => undefined);
    const db = new Postgres(url, pool, lockPool);
    await db.get('SELECT 1 AS ok');
    return db;
  }

  run(sql: string, params?: readonly SqlValue[]) {
    return this.direct.run(sql, params);
  }
  all<T>(sql: string, params?: readonly SqlValue[]) {
    return this.direct.all<T>(sql, params);
  }
  get<T>(sql: string, params?: readonly SqlValue[]) {
    return this.direct.get<T>(sql, params);
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw wrap(err);
    }
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await fn(txOn(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw wrap(err);
    } finally {
      client.release(broken);
    }
  }

  /**
   * Runs `task` while holding a transaction-level advisory lock on `key` in a dedicated connection: one holder at a
   * time across every instance. Waits up to `timeoutMs` for the lock, then fails with StoreUnavailableError.
   */
  async withLock<T>(key: string, task: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.lockPool.connect();
    } catch (err) {
      throw wrap(err);
    }
    let broken = false;
    try {
      try {
        await client.query('BEGIN');
        await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw wrap(err);
      }
      try {
        return await task();
      } finally {
        await client.query('COMMIT').catch(() => {
          broken = true;
        });
      }
    } finally {
      client.release(broken);
    }
  }

  /** NOTIFY on `channel`; delivered to every listening connection (this instance's too) after the statement commits. */
  async notify(channel: string, payload: string): Promise<void> {
    await this.run('SELECT pg_notify(?, ?)', [channel, payload]);
  }

  /**
   * LISTEN on `channel` over one dedicated connection. When that connection drops it is re-established (every second
   * until it works) and `onRelisten` runs, so the caller can catch up on what was notified meanwhile.
   */
  async listen(channel: string, handler: NotificationHandler, onRelisten?: () => void): Promise<() => void> {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      const client = await this.ensureListener();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
    set.add(handler);
    if (onRelisten) this.relistened.add(onRelisten);
    return () => {
      set.delete(handler);
      if (onRelisten) this.relistened.delete(onRelisten);
    };
  }

  private readonly relistened = new Set<() => void>();
  private relistenTimer: NodeJS.Timeout | null = null;

  private async ensureListener(): Promise<pg.Client> {
    if (this.listener) return this.listener;
    const client = new pg.Client({ connectionString: this.url, types, application_name: 'lotsen-listen' });
    client.on('notification', (msg) => {
      for (const h of this.handlers.get(msg.channel) ?? []) h(msg.payload ?? '');
    });
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = null;
      void client.end().catch(() => undefined);
      this.scheduleRelisten();
    };
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
    } catch (err) {
      void client.end().catch(() => undefined);
      throw wrap(err);
    }
    this.listener = client;
    return client;
  }

  private scheduleRelisten(): void {
    if (this.closed || this.relistenTimer) return;
    this.relistenTimer = setTimeout(() => {
      this.relistenTimer = null;
      this.relisten().catch(() => this.scheduleRelisten());
    }, 1000);
    this.relistenTimer.unref();
  }

  private async relisten(): Promise<void> {
    if (this.closed) return;
    const client = await this.ensureListener();
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    for (const f of this.relistened) f();
  }

  /** Applies numbered migrations (`NNN_name.sql`) not yet applied, each in its own transaction, one instance at a time. */
  async migrate(dir = projectPath('src', 'store', 'migrations', 'postgres')): Promise<number[]> {
    return this.withLock('lotsen:migrate', async () => {
      await this.run('CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
      const done = new Set((await this.all<{ version: number }>('SELECT version FROM schema_migration')).map((r) => r.version));
      const applied: number[] = [];
      for (const { version, file, sql } of pendingMigrations(dir, done)) {
        const client = await this.pool.connect();
        try {
          await client.query('BEGIN');
          await client.query(sql);
          await client.query('INSERT INTO schema_migration (version, name, applied_at) VALUES ($1, $2, $3)', [version, file, Date.now()]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        } finally {
          client.release();
        }
        applied.push(version);
      }
      return applied;
    }, 120_000);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.relistenTimer) clearTimeout(this.relistenTimer);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await Promise.all([this.pool.end(), this.lockPool.end()]);
  }
}
