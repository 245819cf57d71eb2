import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Sealer } from './crypto';
import type { Db } from './db';

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
    for (const key of keys) {
      const row = await this.db.get<{ etag: string; body: Buffer }>('SELECT etag, body FROM bot_state WHERE key = ?', [key]);
      if (!row) continue;
      let value: Record<string, unknown>;
      try {
        value = JSON.parse(this.sealer.open(row.body, `state:${key}`)) as Record<string, unknown>;
      } catch {
        // Never throw here: a turn that cannot read its state would fail again on every later turn.
        value = this.options.unreadable?.() ?? {};
      }
      items[key] = { ...value, eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const [key, item] of entries) {
        const { eTag, ...value } = (item ?? {}) as Record<string, unknown> & { eTag?: string };
        const overwrite = eTag === undefined || eTag === '*' || eTag === '';
        const etag = randomUUID();
        const body = this.sealer.seal(JSON.stringify(value), `state:${key}`);
        if (!overwrite) {
          // Compare and swap in one statement: under concurrent writers (other instances) exactly one wins.
          const swapped = await tx.run('UPDATE bot_state SET etag = ?, body = ?, updated_at = ? WHERE key = ? AND etag = ?', [etag, body, Date.now(), key, eTag]);
          if (swapped.changes !== 1) throw new ETagConflictError(key);
          continue;
        }
        const conversation = conversationOf(key);
        await tx.run(
          `INSERT INTO bot_state (key, conversation_id, etag, body, updated_at)
           VALUES (?, (SELECT id FROM conversation WHERE id = ?), ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, body = excluded.body, updated_at = excluded.updated_at`,
          [key, conversation, etag, body, Date.now()],
        );
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
