import { hmacHex } from '../store/crypto';
import type { LotsenStore } from '../store/store';

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Sliding-window throttling of failed logins, per address and for everyone together, kept in the database
 * so it survives restarts. Addresses are stored only as keyed hashes.
 */
export class LoginThrottle {
  constructor(
    private readonly store: LotsenStore,
    private readonly ipKey: Buffer,
    private readonly limits: { perIp: number; global: number; windowSeconds: number },
  ) {}

  keyFor(ip: string): string {
    return hmacHex(this.ipKey, ip).slice(0, 32);
  }

  async check(ip: string, now = Date.now()): Promise<ThrottleVerdict> {
    const windowMs = this.limits.windowSeconds * 1000;
    const since = now - windowMs;
    const f = await this.store.failedLogins(this.keyFor(ip), since);
    const retry = (oldest: number | null) => Math.max(1, Math.ceil(((oldest ?? now) + windowMs - now) / 1000));
    if (f.ip >= this.limits.perIp) return { allowed: false, retryAfterSeconds: retry(f.oldestIp) };
    if (f.global >= this.limits.global) return { allowed: false, retryAfterSeconds: retry(f.oldestGlobal) };
    return { allowed: true };
  }

  record(ip: string, ok: boolean): Promise<void> {
    return this.store.recordLogin(this.keyFor(ip), ok);
  }
}
