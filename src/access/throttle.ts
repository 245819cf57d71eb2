import { isIP } from 'node:net';
import { hmacHex } from '../store/crypto';
import type { LotsenStore } from '../store/store';

export type ThrottleVerdict = { allowed: true } | { allowed: false; limit: 'address' | 'everyone'; retryAfterSeconds: number };

/** The eight 16-bit groups of an IPv6 address (without a zone), or null when it is not one. */
function ipv6Groups(address: string): number[] | null {
  let text = address;
  // A trailing dotted IPv4 part (::ffff:192.0.2.1) is two groups.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const b = v4.slice(1).map(Number);
    text = `${text.slice(0, v4.index)}${(((b[0] ?? 0) << 8) | (b[1] ?? 0)).toString(16)}:${(((b[2] ?? 0) << 8) | (b[3] ?? 0)).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const head = part(halves[0]);
  const tail = part(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  const groups = [...head, ...Array<number>(Math.max(0, missing)).fill(0), ...tail];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/**
 * Whose attempts count together: an IPv4 address on its own, an IPv6 address by its /64 (the block one household, or
 * one attacker, is handed: within it every address is theirs to use). IPv4-mapped IPv6 counts as the IPv4 address.
 */
export function addressKey(ip: string): string {
  const address = ip.replace(/%.*$/, '');
  if (isIP(address) === 4) return address;
  if (isIP(address) !== 6) return address;
  const groups = ipv6Groups(address.toLowerCase());
  if (!groups) return address;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

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
    return hmacHex(this.ipKey, addressKey(ip)).slice(0, 32);
  }

  /**
   * `address`: this address failed too often, refuse it. `everyone`: all together failed too often; the caller
   * still lets a right code in and answers only a wrong one with 429.
   */
  async check(ip: string, now = Date.now()): Promise<ThrottleVerdict> {
    const windowMs = this.limits.windowSeconds * 1000;
    const since = now - windowMs;
    const f = await this.store.failedLogins(this.keyFor(ip), since);
    const retry = (oldest: number | null) => Math.max(1, Math.ceil(((oldest ?? now) + windowMs - now) / 1000));
    if (f.ip >= this.limits.perIp) return { allowed: false, limit: 'address', retryAfterSeconds: retry(f.oldestIp) };
    if (f.global >= this.limits.global) return { allowed: false, limit: 'everyone', retryAfterSeconds: retry(f.oldestGlobal) };
    return { allowed: true };
  }

  record(ip: string, ok: boolean): Promise<void> {
    return this.store.recordLogin(this.keyFor(ip), ok);
  }
}
