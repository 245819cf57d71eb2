import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';

export interface BoundedStorageOptions {
  /** At most this many items; writing one more forgets the one used (read or written) longest ago. */
  max: number;
  /** An item not used for this long is gone. */
  ttlMs: number;
  now?: () => number;
}

interface Entry {
  json: string;
  eTag: string;
  usedAt: number;
}

/**
 * A botbuilder `Storage` in memory, bounded in count and time: for conversations that arrive unauthenticated or
 * from channels we do not keep (the Bot Framework channel), so that no caller can make it grow without end. Real
 * eTags as in `DbBotStorage` (a stale one is a conflict, `*` or none overwrites); values are stored as JSON, so a
 * caller never holds a reference into it.
 */
export class BoundedMemoryStorage implements Storage {
  /** In order of use: a Map keeps insertion order, and every use moves an entry to the end. */
  private readonly items = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(private readonly options: BoundedStorageOptions) {
    this.now = options.now ?? Date.now;
  }

  /** How many items are kept now (expired ones not counted). */
  get size(): number {
    this.expire();
    return this.items.size;
  }

  async read(keys: string[]): Promise<StoreItems> {
    this.expire();
    const out: StoreItems = {};
    for (const key of keys) {
      const entry = this.items.get(key);
      if (!entry) continue;
      this.touch(key, entry);
      out[key] = { ...(JSON.parse(entry.json) as Record<string, unknown>), eTag: entry.eTag };
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    this.expire();
    const entries = Object.entries(changes);
    // All or nothing, as in DbBotStorage: check every eTag before writing any.
    for (const [key, item] of entries) {
      const eTag = (item as { eTag?: unknown } | undefined)?.eTag;
      const current = this.items.get(key);
      if (current && typeof eTag === 'string' && eTag !== '*' && eTag !== '' && eTag !== current.eTag) {
        throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
    }
    for (const [key, item] of entries) {
      const { eTag: _ignored, ...value } = (item ?? {}) as Record<string, unknown>;
      this.touch(key, { json: JSON.stringify(value), eTag: randomUUID(), usedAt: this.now() });
    }
    while (this.items.size > this.options.max) {
      const oldest = this.items.keys().next().value as string;
      this.items.delete(oldest);
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.items.delete(key);
  }

  private touch(key: string, entry: Entry): void {
    this.items.delete(key);
    this.items.set(key, { ...entry, usedAt: this.now() });
  }

  /** Drops what has not been used for `ttlMs`: the oldest come first, so this stops at the first one still fresh. */
  private expire(): void {
    const cutoff = this.now() - this.options.ttlMs;
    for (const [key, entry] of this.items) {
      if (entry.usedAt >= cutoff) break;
      this.items.delete(key);
    }
  }
}
