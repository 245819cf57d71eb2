import type { Logger } from 'pino';
import { z } from 'zod';
import type { Postgres } from '../../store/postgres';
import type { LotsenStore } from '../../store/store';
import type { StoredActivity } from '../../store/types';
import { CLIENT_ACTIVITY_ID, ConversationHub, withClientActivityId, type StreamHandle } from './hub';
import { typingActivity } from './incoming';

export const ACTIVITY_CHANNEL = 'lotsen_activity';

/**
 * What crosses instances: which conversation has new rows (never their content: that stays sealed in the database),
 * that someone there is typing, or that sessions there ended. Checked on arrival, like any other input.
 */
const Notice = z.union([
  z.object({
    /** The publishing instance. */
    i: z.string(),
    /** Conversation id. */
    c: z.string(),
    /** First and last seq stored. */
    f: z.number().int().min(0),
    t: z.number().int().min(0),
    /** The client's id for the user activity at `f`, echoed to the streams (not stored). */
    e: z.string().regex(CLIENT_ACTIVITY_ID).optional(),
  }),
  z.object({ i: z.string(), c: z.string(), y: z.literal(1), e: z.string().regex(CLIENT_ACTIVITY_ID).optional() }),
  /** Sessions ended: `s`, or every session of the conversation. */
  z.object({ i: z.string(), c: z.string(), x: z.literal(1), s: z.string().optional() }),
]);
type Notice = z.infer<typeof Notice>;

/**
 * The hub for several instances on one PostgreSQL database.
 * - Turns: one at a time per conversation across all instances, under `pg_advisory_xact_lock(hashtext(id))` held in a
 *   dedicated connection for the whole turn (after the in-process queue, so an instance holds at most one connection
 *   per busy conversation).
 * - Streams: every publish NOTIFYs the conversation id and seq range; an instance with open streams for that
 *   conversation reads the rows itself and pushes them, in order, filling any gap since what it last delivered.
 * - Ending a session NOTIFYs too: every instance closes that session's streams.
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
    // Called from the listening connection's event: nothing may throw out of it.
    const onNotice = (payload: string) => {
      try {
        this.onNotice(payload);
      } catch (err) {
        this.log.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'handling a notice failed');
      }
    };
    this.unlisten = await this.db.listen(ACTIVITY_CHANNEL, onNotice, () => this.catchUp());
  }

  /** After the LISTEN connection was lost and is back: every conversation with a stream here reads what it may have missed. */
  private catchUp(): void {
    for (const c of this.subscribers.keys()) this.readInOrder(c, async () => this.delivered.get(c) ?? -1);
  }

  override enqueue<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    return super.enqueue(conversationId, () => this.db.withLock(`conversation:${conversationId}`, task));
  }

  override subscribe(conversationId: string, s: StreamHandle): () => void {
    const unsubscribe = super.subscribe(conversationId, s);
    return () => {
      unsubscribe();
      if (!this.subscribers.has(conversationId)) this.delivered.delete(conversationId);
    };
  }

  /** With several instances a conversation's turns may run on another one: the store says what was offered. */
  override offeredActions(_conversationId: string): ReadonlySet<string> | undefined {
    return undefined;
  }

  override async publish(conversationId: string, stored: StoredActivity[]): Promise<void> {
    const echo = this.takeEcho(conversationId, stored);
    const first = stored[0];
    const last = stored[stored.length - 1];
    this.deliver(conversationId, echo === undefined || !first ? stored : [withClientActivityId(first, echo), ...stored.slice(1)]);
    if (!first || !last) return;
    const notice: Notice = { i: this.db.instanceId, c: conversationId, f: first.seq, t: last.seq, ...(echo === undefined ? {} : { e: echo }) };
    await this.db.notify(ACTIVITY_CHANNEL, JSON.stringify(notice));
  }

  override async publishEphemeral(conversationId: string, json: string): Promise<void> {
    this.deliverEphemeral(conversationId, json);
    const e = (JSON.parse(json) as { channelData?: { clientActivityID?: string } }).channelData?.clientActivityID;
    const notice: Notice = { i: this.db.instanceId, c: conversationId, y: 1, ...(e === undefined ? {} : { e }) };
    await this.db.notify(ACTIVITY_CHANNEL, JSON.stringify(notice));
  }

  override async endSession(conversationId: string, sessionId?: string): Promise<void> {
    this.endLocal(conversationId, sessionId);
    const notice: Notice = { i: this.db.instanceId, c: conversationId, x: 1, ...(sessionId === undefined ? {} : { s: sessionId }) };
    await this.db.notify(ACTIVITY_CHANNEL, JSON.stringify(notice));
  }

  protected override deliver(conversationId: string, stored: StoredActivity[]): void {
    const last = stored.reduce((m, a) => Math.max(m, a.seq), -1);
    if (this.subscribers.has(conversationId) && last > (this.delivered.get(conversationId) ?? -1)) this.delivered.set(conversationId, last);
    super.deliver(conversationId, stored);
  }

  private onNotice(payload: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    const checked = Notice.safeParse(parsed);
    if (!checked.success) return;
    const notice = checked.data;
    if (notice.i === this.db.instanceId || !this.subscribers.has(notice.c)) return;
    const c = notice.c;
    if ('x' in notice) {
      this.endLocal(c, notice.s);
      return;
    }
    if ('y' in notice) {
      this.deliverEphemeral(c, JSON.stringify(typingActivity(c, notice.e)));
      return;
    }
    this.readInOrder(
      c,
      async () => {
        const seen = this.delivered.get(c);
        if (seen !== undefined && seen >= notice.t) return null;
        return Math.min(notice.f - 1, seen ?? notice.f - 1);
      },
      notice.e === undefined ? undefined : { seq: notice.f, id: notice.e },
    );
  }

  /**
   * Reads for one conversation run one after another, so streams get rows in seq order; `from` says after which seq
   * (null: nothing to read). `echo`: the row that goes out with the posting client's id.
   */
  private readInOrder(c: string, from: () => Promise<number | null>, echo?: { seq: number; id: string }): void {
    const prev = this.reads.get(c) ?? Promise.resolve();
    const next = prev
      .then(async () => {
        if (!this.subscribers.has(c)) return;
        const after = await from();
        if (after === null) return;
        // Far behind (a long gap), it catches up in pages; each stream sends what it gets in bounded frames.
        for (let at = after; ; ) {
          const rows = await this.store.activitiesAfter(c, at, 500);
          if (rows.length === 0) return;
          this.deliver(c, echo ? rows.map((r) => (r.seq === echo.seq ? withClientActivityId(r, echo.id) : r)) : rows);
          at = (rows[rows.length - 1] as StoredActivity).seq;
          if (rows.length < 500 || !this.subscribers.has(c)) return;
        }
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
