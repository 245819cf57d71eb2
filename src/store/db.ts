import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A value a statement takes or gives: epoch milliseconds as numbers, sealed bodies as Buffers. */
export type SqlValue = string | number | bigint | Buffer | null;

/** An error the database reports as busy, locked, full or unreachable: the caller may tell the user to try again. */
export class StoreUnavailableError extends Error {
  constructor(
    readonly code: string,
    cause: unknown,
  ) {
    super(`Store unavailable (${code})`, { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** Statements inside a transaction (or alone). SQL uses `?` placeholders and the portable subset of SQLite and PostgreSQL. */
export interface Tx {
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
}

/**
 * The database behind LotsenStore and the bot's Storage: SQLite (one instance) or PostgreSQL (several).
 * Rows come back the same from both: INTEGER/BIGINT as number, BLOB/BYTEA as Buffer.
 */
export interface Db extends Tx {
  readonly engine: 'sqlite' | 'postgres';
  /**
   * Runs `fn` as one transaction; statements of other callers never interleave with it. `fn` may be run again after
   * a failed attempt that left nothing stored (SQLite does so for a group that cannot commit): it must only run its
   * statements and return its result, with no other effect.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Applies the engine's numbered migrations not yet applied; returns their versions. */
  migrate(dir?: string): Promise<number[]>;
  close(): Promise<void>;
}

/** The numbered migrations (`NNN_name.sql`) in `dir` not in `done`, in order, with their SQL. */
export function pendingMigrations(dir: string, done: ReadonlySet<number>): Array<{ version: number; file: string; sql: string }> {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 3)), file }))
    .filter((m) => !done.has(m.version))
    .map((m) => ({ ...m, sql: readFileSync(path.join(dir, m.file), 'utf8') }));
}

/** `postgres://` or `postgresql://` selects PostgreSQL; anything else is a SQLite file (or `:memory:`). */
export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/** Opens the database LOTSEN_DB names. */
export async function openDb(location: string): Promise<Db> {
  if (isPostgresUrl(location)) {
    const { Postgres } = await import('./postgres');
    return Postgres.open(location);
  }
  const { Sqlite } = await import('./sqlite');
  return Sqlite.open(location);
}
