import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Sealer } from './crypto';
import type { Db, Tx } from './db';

/** Raised when a write carries an eTag that no longer matches: someone else wrote first. */
export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

const conversationOf = (key: string) => /\/conversations\/([^/]+)/.exec(key)?.[1] ?? null;

export interface BotStorageOptions {
  /** What `read` gives for a row that does not open or parse (corrupt, or sealed for another key); default: nothing stored. */
  unreadable?: () => Record<string, unknown>;
}

/** One stored item: its key, its value (without the eTag) and the eTag it was read with (none: overwrite). */
export interface StateRow {
  key: string;
  value: Record<string, unknown>;
  eTag?: string;
  /** The value as stored (JSON), when it opened. */
  json?: string;
}

/** A state as last read or written, to skip opening an unchanged row again. */
export interface KnownState {
  eTag: string;
  json: string;
  /** The value as written, when this instance wrote it: handed out again as it is, not parsed anew. Never mutated. */
  value?: Record<string, unknown>;
}

/**
 * Reads and opens one item; a row that does not open or parse gives `unreadable()`, never an error. With `known`, a
 * row whose eTag is still the known one is not read or opened again: its value is parsed from the known JSON.
 */
export async function readStateRow(db: Tx, sealer: Sealer, key: string, unreadable: () => Record<string, unknown>, known?: KnownState): Promise<StateRow | undefined> {
  const row = known
    ? await db.get<{ etag: string; body: Buffer | null }>('SELECT etag, CASE WHEN etag = ? THEN NULL ELSE body END AS body FROM bot_state WHERE key = ?', [known.eTag, key])
    : await db.get<{ etag: string; body: Buffer | null }>('SELECT etag, body FROM bot_state WHERE key = ?', [key]);
  if (!row) return undefined;
  if (row.body === null && known?.value && row.etag === known.eTag) return { key, value: known.value, eTag: row.etag, json: known.json };
  try {
    const json = row.body === null && known && row.etag === known.eTag ? known.json : sealer.open(row.body as Buffer, `state:${key}`);
    return { key, value: JSON.parse(json) as Record<string, unknown>, eTag: row.etag, json };
  } catch {
    // Never throw here: a turn that cannot read its state would fail again on every later turn.
    return { key, value: unreadable(), eTag: row.etag };
  }
}

/** Writes one item inside a transaction and returns its new eTag and JSON; a stale eTag throws `ETagConflictError`. */
export async function writeStateRow(tx: Tx, sealer: Sealer, item: StateRow): Promise<KnownState> {
  const overwrite = item.eTag === undefined || item.eTag === '*' || item.eTag === '';
  const etag = randomUUID();
  const json = JSON.stringify(item.value);
  const body = sealer.seal(json, `state:${item.key}`);
  if (!overwrite) {
    // Compare and swap in one statement: under concurrent writers (other instances) exactly one wins.
    const swapped = await tx.run('UPDATE bot_state SET etag = ?, body = ?, updated_at = ? WHERE key = ? AND etag = ?', [etag, body, Date.now(), item.key, item.eTag as string]);
    if (swapped.changes !== 1) throw new ETagConflictError(item.key);
    return { eTag: etag, json };
  }
  await tx.run(
    `INSERT INTO bot_state (key, conversation_id, etag, body, updated_at)
     VALUES (?, (SELECT id FROM conversation WHERE id = ?), ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, body = excluded.body, updated_at = excluded.updated_at`,
    [item.key, conversationOf(item.key), etag, body, Date.now()],
  );
  return { eTag: etag, json };
}

/**
 * botbuilder `Storage` on SQLite or PostgreSQL with real eTags: a write with a stale eTag fails, `*` (or none) overwrites,
 * and a batch is atomic: one conflict and nothing of the batch is written.
 */
export class DbBotStorage implements Storage {
  constructor(
    private readonly db: Db,
    private readonly sealer: Sealer,
    private readonly options: BotStorageOptions = {},
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    const unreadable = () => this.options.unreadable?.() ?? {};
    for (const key of keys) {
      const row = await readStateRow(this.db, this.sealer, key, unreadable);
      if (row) items[key] = { ...row.value, eTag: row.eTag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const [key, item] of entries) {
        const { eTag, ...value } = (item ?? {}) as Record<string, unknown> & { eTag?: string };
        await writeStateRow(tx, this.sealer, { key, value, eTag });
      }
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const key of keys) await tx.run('DELETE FROM bot_state WHERE key = ?', [key]);
    });
  }
}

/** The former name, for callers that predate PostgreSQL. */
export const SqliteBotStorage = DbBotStorage;
export type SqliteBotStorage = DbBotStorage;
