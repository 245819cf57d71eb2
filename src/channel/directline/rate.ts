/** Keys kept at most; beyond that, buckets that have filled up again are forgotten (they would allow a full burst anyway). */
const MAX_KEYS = 50_000;

/**
 * Token buckets in memory, one per key: `burst` activities at once, refilled at `perMinute`. Per instance: with
 * several instances behind a load balancer a client may get up to that many times the rate, still bounded.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
  ) {}

  /** Takes one token for `key`, or, when it has none, says in how many seconds it has one again. A rate of 0 is no limit. */
  take(key: string, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
    if (this.perMinute === 0) return { ok: true };
    const perMs = this.perMinute / 60_000;
    const b = this.buckets.get(key);
    const tokens = b ? Math.min(this.burst, b.tokens + (now - b.at) * perMs) : this.burst;
    if (tokens < 1) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    if (!b && this.buckets.size >= MAX_KEYS) this.prune(now, perMs);
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return { ok: true };
  }

  /** Gives back a token taken for an activity that was then refused for another reason. */
  refund(key: string): void {
    const b = this.buckets.get(key);
    if (b) b.tokens = Math.min(this.burst, b.tokens + 1);
  }

  private prune(now: number, perMs: number): void {
    for (const [key, b] of this.buckets) if (b.tokens + (now - b.at) * perMs >= this.burst) this.buckets.delete(key);
    // Still full of busy keys (a flood of sessions): start over rather than grow without bound.
    if (this.buckets.size >= MAX_KEYS) this.buckets.clear();
  }
}

/** Per session and per conversation, each with its own rate and the same burst. */
export class ActivityRate {
  private readonly sessions: RateLimiter;
  private readonly conversations: RateLimiter;

  constructor(limits: { perSession: number; perConversation: number; burst: number }) {
    this.sessions = new RateLimiter(limits.perSession, limits.burst);
    this.conversations = new RateLimiter(limits.perConversation, limits.burst);
  }

  /** One activity of `sessionId` in `conversationId`: allowed, or how long to wait. Nothing is counted when it is refused. */
  take(sessionId: string, conversationId: string, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const s = this.sessions.take(sessionId, now);
    if (!s.ok) return s;
    const c = this.conversations.take(conversationId, now);
    if (!c.ok) this.sessions.refund(sessionId);
    return c;
  }
}
