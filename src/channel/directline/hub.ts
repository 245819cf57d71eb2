import type { StoredActivity } from '../../store/types';

/** Receives activities as they are stored, in order. */
export type Subscriber = (stored: StoredActivity[]) => void;

/** An open stream as the hub knows it: the session it serves, where its frames go, and how to end it. */
export interface StreamHandle {
  sessionId: string;
  /** Activities as they are stored, in order. */
  deliver: Subscriber;
  /** An activity that is not part of the transcript (a typing echo), as JSON. */
  ephemeral: (json: string) => void;
  /** Ends the stream at once: nothing more is sent on it. */
  end: () => void;
}

/** Web Chat's ids for its pending messages (base 36 or a UUID); anything else is not echoed. */
export const CLIENT_ACTIVITY_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * The stored user activity as the stream sends it to the client that posted it: with the client's own
 * `channelData.clientActivityID`, so Web Chat matches it to its pending message. The transcript does not keep it.
 */
export function withClientActivityId(a: StoredActivity, clientActivityID: string): StoredActivity {
  const stored = a.json ?? JSON.stringify(a.activity);
  // Our own shape of a user activity has no channelData of its own, so the field can be added at the end.
  const json = `${stored.slice(0, -1)},"channelData":{"clientActivityID":${JSON.stringify(clientActivityID)}}}`;
  let activity: StoredActivity['activity'] | undefined;
  return {
    seq: a.seq,
    json,
    get activity() {
      return (activity ??= JSON.parse(json) as StoredActivity['activity']);
    },
  };
}

/**
 * Per conversation: a queue that runs turns one at a time in arrival order, and the open streams.
 * In-process, for one instance (SQLite); with PostgreSQL, PgHub adds a database lock per turn and LISTEN/NOTIFY
 * so that streams on every instance see every activity, and a session ended on one instance ends everywhere.
 */
export class ConversationHub {
  private readonly queues = new Map<string, Promise<unknown>>();
  protected readonly subscribers = new Map<string, Set<StreamHandle>>();
  private readonly perSession = new Map<string, number>();
  /** Per conversation, the client's id for the user activity of the turn running now (see `withEcho`). */
  private readonly echoes = new Map<string, string>();
  /**
   * Per conversation, the buttons the bot's last stored message offered, from what this process published; the least
   * recently used go first beyond OFFERED_KEPT. Reading them from the transcript instead meant opening and parsing
   * sealed rows on the event loop for every button press.
   */
  private readonly offered = new Map<string, ReadonlySet<string>>();
  static readonly OFFERED_KEPT = 10_000;

  /** What the bot offered last in this conversation when this process published it; undefined when the store must say. */
  offeredActions(conversationId: string): ReadonlySet<string> | undefined {
    const known = this.offered.get(conversationId);
    if (known) {
      this.offered.delete(conversationId);
      this.offered.set(conversationId, known);
    }
    return known;
  }

  protected rememberOffered(conversationId: string, stored: StoredActivity[]): void {
    for (let i = stored.length - 1; i >= 0; i -= 1) {
      const a = (stored[i] as StoredActivity).activity;
      if (a.from?.role === 'user' || a.type !== 'message') continue;
      const actions = a.suggestedActions?.actions ?? [];
      this.offered.delete(conversationId);
      this.offered.set(conversationId, new Set(actions.map((x) => (x.value as { action?: unknown } | undefined)?.action).filter((v): v is string => typeof v === 'string')));
      if (this.offered.size > ConversationHub.OFFERED_KEPT) this.offered.delete(this.offered.keys().next().value as string);
      return;
    }
  }

  /** Runs `task` after every task queued before it for this conversation. */
  enqueue<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(conversationId) ?? Promise.resolve();
    const next = prev.then(task, task);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(conversationId, settled);
    void settled.then(() => {
      if (this.queues.get(conversationId) === settled) this.queues.delete(conversationId);
    });
    return next;
  }

  subscribe(conversationId: string, s: StreamHandle): () => void {
    let set = this.subscribers.get(conversationId);
    if (!set) {
      set = new Set();
      this.subscribers.set(conversationId, set);
    }
    if (!set.has(s)) this.perSession.set(s.sessionId, (this.perSession.get(s.sessionId) ?? 0) + 1);
    set.add(s);
    return () => {
      if (!set.delete(s)) return;
      const left = (this.perSession.get(s.sessionId) ?? 1) - 1;
      if (left > 0) this.perSession.set(s.sessionId, left);
      else this.perSession.delete(s.sessionId);
      if (set.size === 0 && this.subscribers.get(conversationId) === set) this.subscribers.delete(conversationId);
    };
  }

  /** Streams open on this instance for one login session. */
  sessionStreams(sessionId: string): number {
    return this.perSession.get(sessionId) ?? 0;
  }

  /**
   * Runs `task` (a turn, in this conversation's queue) so that the first user activity it publishes reaches the
   * streams with the client's `clientActivityID`; the transcript keeps the activity without it.
   */
  async withEcho<T>(conversationId: string, clientActivityID: string | undefined, task: () => Promise<T>): Promise<T> {
    if (clientActivityID === undefined) return task();
    this.echoes.set(conversationId, clientActivityID);
    try {
      return await task();
    } finally {
      if (this.echoes.get(conversationId) === clientActivityID) this.echoes.delete(conversationId);
    }
  }

  /** The echo id for this batch, when it starts with the user's activity of the turn running now (consumed). */
  protected takeEcho(conversationId: string, stored: StoredActivity[]): string | undefined {
    const id = this.echoes.get(conversationId);
    const first = stored[0];
    if (id === undefined || !first || first.activity.from?.role !== 'user') return undefined;
    this.echoes.delete(conversationId);
    return id;
  }

  /** Hands freshly stored activities to the conversation's streams (on every instance, where there are several). */
  publish(conversationId: string, stored: StoredActivity[]): Promise<void> {
    this.rememberOffered(conversationId, stored);
    const echo = this.takeEcho(conversationId, stored);
    this.deliver(conversationId, echo === undefined ? stored : [withClientActivityId(stored[0] as StoredActivity, echo), ...stored.slice(1)]);
    return Promise.resolve();
  }

  /** An activity that is not stored (typing), to the conversation's streams. */
  publishEphemeral(conversationId: string, json: string): Promise<void> {
    this.deliverEphemeral(conversationId, json);
    return Promise.resolve();
  }

  /**
   * Ends login sessions' streams: those of `sessionId` in the conversation, or, without it, every stream of the
   * conversation (its data deleted, its code revoked). On every instance, where there are several. Call it after the
   * session is ended in the database, so a stream that connects meanwhile is refused by its own check.
   */
  endSession(conversationId: string, sessionId?: string): Promise<void> {
    this.endLocal(conversationId, sessionId);
    return Promise.resolve();
  }

  /** To this instance's streams only. */
  protected deliver(conversationId: string, stored: StoredActivity[]): void {
    for (const s of this.subscribers.get(conversationId) ?? []) s.deliver(stored);
  }

  protected deliverEphemeral(conversationId: string, json: string): void {
    for (const s of this.subscribers.get(conversationId) ?? []) s.ephemeral(json);
  }

  protected endLocal(conversationId: string, sessionId?: string): void {
    for (const s of [...(this.subscribers.get(conversationId) ?? [])]) if (sessionId === undefined || s.sessionId === sessionId) s.end();
  }

  /** Every open stream here with its conversation, for the periodic check of sessions and tokens. */
  *openStreams(): Generator<{ conversationId: string; stream: StreamHandle }> {
    for (const [conversationId, set] of this.subscribers) for (const stream of set) yield { conversationId, stream };
  }

  /** Stops listening for other instances; nothing to do in process. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  streams(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }
}
