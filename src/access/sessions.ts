import type { LotsenStore } from '../store/store';
import type { TokenClaims, TokenService } from './tokens';

export interface IssuedToken {
  token: string;
  expiresIn: number;
}

/**
 * Code holders' login sessions and the tokens bound to them. A session ends after SESSION_IDLE_SECONDS without
 * activity (login, resume, a message: not a token refresh, which Web Chat does by itself every 15 minutes) and at the
 * latest SESSION_MAX_SECONDS after login; the store checks both on every request. No token outlives its session's
 * absolute end. Tokens are not cut at the idle end, since that moves with every message: the session check refuses
 * them once it has passed.
 */
export class Sessions {
  constructor(
    private readonly store: LotsenStore,
    private readonly tokens: TokenService,
  ) {}

  /** A new session for a login, with its first Direct Line token. */
  async start(claims: Omit<TokenClaims, 'sid'>, now = Date.now()): Promise<IssuedToken & { sid: string }> {
    const sid = await this.store.createSession(claims.conv, now);
    const token = await this.issue({ ...claims, sid }, now + this.store.sessionLimits.lifetimeMs, 'directline', now);
    if (!token) throw new Error('a new session has no time left');
    return { sid, ...token };
  }

  /** When the session ends if nothing more happens (the earlier of its idle and its absolute end, ms), or null when it has ended. */
  async endOf(sid: string, conversationId: string, now = Date.now()): Promise<number | null> {
    const s = await this.store.session(sid, conversationId, now);
    return s ? Math.min(s.idleUntil, s.endsAt) : null;
  }

  /** The code holder did something: the idle time starts again. */
  touch(sid: string, now = Date.now()): Promise<void> {
    return this.store.touchSession(sid, now);
  }

  /**
   * A fresh token of `use` for a live session, expiring with the session at the latest; null once the session has
   * ended (idle, too old, or revoked). A refresh is not activity: it does not move the idle end.
   */
  async renew(claims: TokenClaims, use: 'directline' | 'resume' = 'directline', now = Date.now()): Promise<IssuedToken | null> {
    const s = await this.store.session(claims.sid, claims.conv, now);
    if (!s) return null;
    return this.issue(claims, s.endsAt, use, now);
  }

  private async issue(claims: TokenClaims, endsAt: number, use: 'directline' | 'resume', now: number): Promise<IssuedToken | null> {
    const left = Math.floor((endsAt - now) / 1000);
    if (left < 1) return null;
    // The resume cookie's token lasts as long as the session may; the session's own checks end it sooner.
    const ttl = use === 'resume' ? left : Math.min(this.tokens.ttlSeconds, left);
    return this.tokens.issue(claims, ttl, use);
  }
}
