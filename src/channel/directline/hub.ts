import type { StoredActivity } from '../../store/types';

/** Receives activities as they are stored, in order. */
export type Subscriber = (stored: StoredActivity[]) => void;

/**
 * Per conversation: a queue that runs turns one at a time in arrival order, and the open streams.
 * In-process by design for one instance; several instances need a shared broker and a database lock.
 */
export class ConversationHub {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly subscribers = new Map<string, Set<Subscriber>>();

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

  publish(conversationId: string, stored: StoredActivity[]): void {
    for (const s of this.subscribers.get(conversationId) ?? []) s(stored);
  }

  streams(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }
}

