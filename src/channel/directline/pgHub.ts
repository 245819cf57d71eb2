import type { Logger } from 'pino';
import type { Postgres } from '../../store/postgres';
import type { LotsenStore } from '../../store/store';
import type { StoredActivity } from '../../store/types';
import { ConversationHub } from './hub';

export const ACTIVITY_CHANNEL = 'lotsen_activity';

/** What crosses instances: which conversation has new rows, never their content (that stays sealed in the database). */
interface Notice {
  /** The publishing instance. */
  i: string;
  /** Conversation id. */
  c: string;
  /** First and last seq stored. */
  f: number;
  t: number;
}

/**
 * The hub for several instances on one PostgreSQL database.
 * - Turns: one at a time per conversation across all instances, under `pg_advisory_xact_lock(hashtext(id))` held in a
 *   dedicated connection for the whole turn (after the in-process queue, so an instance holds at most one connection
 *   per busy conversation).
 * - Streams: every publish NOTIFYs the conversation id and seq range; an instance with open streams for that
 *   conversation reads the rows itself and pushes them, in order, filling any gap since what it last delivered.
 */
export class PgHub extends ConversationHub {
  private readonly delivered = new Map<string, number>();
  private readonly reads = new Map<string, Promise<void>>();
  private unlisten: (() => void) | null = null;

  constructor(
    private readonly db: Postgres,
    private readonly store: LotsenStore,
    private readonly log: Logger,
  ) {
    super();
  }

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(ACTIVITY_CHANNEL, (payload) => this.onNotice(payload), () => this.catchUp());
  }

  /** After the LISTEN connection was lost and is back: every conversation with a stream here reads what it may have missed. */
  private catchUp(): void {
    for (const c of this.subscribers.keys()) this.readInOrder(c, async () => this.delivered.get(c) ?? -1);
  }

  override enqueue<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    return super.enqueue(conversationId, () => this.db.withLock(`conversation:${conversationId}`, task));
  }

  override subscribe(conversationId: string, s: (stored: StoredActivity[]) => void): () => void {
    const unsubscribe = super.subscribe(conversationId, s);
    return () => {
      unsubscribe();
      if (!this.subscribers.has(conversationId)) this.delivered.delete(conversationId);
    };
  }

  override async publish(conversationId: string, stored: StoredActivity[]): Promise<void> {
    this.deliver(conversationId, stored);
    const first = stored[0];
    const last = stored[stored.length - 1];
    if (!first || !last) return;
    const notice: Notice = { i: this.db.instanceId, c: conversationId, f: first.seq, t: last.seq };
    await this.db.notify(ACTIVITY_CHANNEL, JSON.stringify(notice));
  }

  protected override deliver(conversationId: string, stored: StoredActivity[]): void {
    const last = stored.reduce((m, a) => Math.max(m, a.seq), -1);
    if (this.subscribers.has(conversationId) && last > (this.delivered.get(conversationId) ?? -1)) this.delivered.set(conversationId, last);
    super.deliver(conversationId, stored);
  }

  private onNotice(payload: string): void {
    let notice: Notice;
    try {
      notice = JSON.parse(payload) as Notice;
    } catch {
      return;
    }
    if (notice.i === this.db.instanceId || typeof notice.c !== 'string' || !this.subscribers.has(notice.c)) return;
    const c = notice.c;
    this.readInOrder(c, async () => {
      const seen = this.delivered.get(c);
      if (seen !== undefined && seen >= notice.t) return null;
      return Math.min(notice.f - 1, seen ?? notice.f - 1);
    });
  }

  /** Reads for one conversation run one after another, so streams get rows in seq order; `from` says after which seq (null: nothing to read). */
  private readInOrder(c: string, from: () => Promise<number | null>): void {
    const prev = this.reads.get(c) ?? Promise.resolve();
    const next = prev
      .then(async () => {
        if (!this.subscribers.has(c)) return;
        const after = await from();
        if (after === null) return;
        const rows = await this.store.activitiesAfter(c, after, 10_000);
        if (rows.length > 0) this.deliver(c, rows);
      })
      .catch((err: Error) => this.log.error({ conversationId: c, err: { name: err.name, message: err.message } }, 'reading notified activities failed'));
    this.reads.set(c, next);
    void next.then(() => {
      if (this.reads.get(c) === next) this.reads.delete(c);
    });
  }

  override async close(): Promise<void> {
    this.unlisten?.();
    this.unlisten = null;
    await Promise.all(this.reads.values());
  }
}
