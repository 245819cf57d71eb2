import type { StoredActivity } from '../../store/types';

/** Receives activities as they are stored, in order. */
export type Subscriber = (stored: StoredActivity[]) => void;

/**
 * Per conversation: a queue that runs turns one at a time in arrival order, and the open streams.
 * In-process, for one instance (SQLite); with PostgreSQL, PgHub adds a database lock per turn and LISTEN/NOTIFY
 * so that streams on every instance see every activity.
 */
export class ConversationHub {
  private readonly queues = new Map<string, Promise<unknown>>();
  protected readonly subscribers = new Map<string, Set<Subscriber>>();

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

  subscribe(conversationId: string, s: Subscriber): () => void {
    let set = this.subscribers.get(conversationId);
    if (!set) {
      set = new Set();
      this.subscribers.set(conversationId, set);
    }
    set.add(s);
    return () => {
      set.delete(s);
      if (set.size === 0) this.subscribers.delete(conversationId);
    };
  }

  /** Hands freshly stored activities to the conversation's streams (on every instance, where there are several). */
  publish(conversationId: string, stored: StoredActivity[]): Promise<void> {
    this.deliver(conversationId, stored);
    return Promise.resolve();
  }

  /** To this instance's streams only. */
  protected deliver(conversationId: string, stored: StoredActivity[]): void {
    for (const s of this.subscribers.get(conversationId) ?? []) s(stored);
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

