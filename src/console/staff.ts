import { randomBytes, randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import { hmacHex } from '../store/crypto';
import type { LotsenStore } from '../store/store';

/** Adds a staff account with a generated password, hashed with argon2id; the password is returned once. */
export async function addStaff(store: LotsenStore, req: { municipalityId: string | null; role: 'admin' | 'staff'; username: string | null }) {
  if (req.role === 'staff' && !req.municipalityId) throw new Error('A staff user belongs to a municipality: give --municipality');
  if (req.municipalityId && !(await store.getMunicipality(req.municipalityId))) throw new Error(`No municipality "${req.municipalityId}"`);
  const username = req.username ?? `staff-${randomBytes(3).toString('hex')}`;
  if (!/^[a-z0-9._-]{2,40}$/i.test(username)) throw new Error('Username: 2–40 letters, digits, dots, dashes or underscores');
  const password = randomBytes(15).toString('base64url');
  const hash = await argon2.hash(password, { type: argon2.argon2id });
  await store.db.run('INSERT INTO staff (id, username, municipality_id, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
    randomUUID(), username, req.municipalityId, req.role, hash, Date.now(),
  ]);
  return { username, password };
}

/** Failed sign-ins allowed per username, and per address, within the window before 429. */
export const SIGNIN_LIMITS = { perUser: 5, perIp: 20, windowSeconds: 15 * 60 };

export type SigninResult =
  | { ok: true; staff: { id: string; username: string; role: 'admin' | 'staff'; municipalityId: string | null } }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number; staffId: string | null }
  | { ok: false; reason: 'invalid'; staffId: string | null };

let dummyHash: Promise<string> | undefined;
/** Verifying against a throwaway hash when the user is unknown keeps the answer time the same. */
const dummy = () => (dummyHash ??= argon2.hash(randomBytes(16), { type: argon2.argon2id }));

/**
 * Checks a staff sign-in with argon2id, throttled per username and per address (both stored only as keyed
 * hashes). A disabled or unknown account fails exactly like a wrong password.
 */
export async function verifySignin(store: LotsenStore, hashKey: Buffer, req: { username: string; password: string; ip: string }, now = Date.now()): Promise<SigninResult> {
  const userKey = hmacHex(hashKey, `staff-user:${req.username.toLowerCase()}`).slice(0, 32);
  const ipKey = hmacHex(hashKey, `staff-ip:${req.ip}`).slice(0, 32);
  const staff = await store.staffByUsername(req.username);
  const staffId = staff?.id ?? null;
  const windowMs = SIGNIN_LIMITS.windowSeconds * 1000;
  const fails = await store.failedStaffLogins(userKey, ipKey, now - windowMs);
  const retry = (oldest: number | null) => Math.max(1, Math.ceil(((oldest ?? now) + windowMs - now) / 1000));
  if (fails.user >= SIGNIN_LIMITS.perUser) return { ok: false, reason: 'throttled', retryAfterSeconds: retry(fails.oldestUser), staffId };
  if (fails.ip >= SIGNIN_LIMITS.perIp) return { ok: false, reason: 'throttled', retryAfterSeconds: retry(fails.oldestIp), staffId };

  const usable = staff !== undefined && staff.disabled_at === null;
  let ok = false;
  try {
    ok = await argon2.verify(usable ? staff.password_hash : await dummy(), req.password);
  } catch {
    ok = false; // a malformed stored hash is a failed sign-in, not a crash
  }
  ok = ok && usable;
  await store.recordStaffLogin(userKey, ipKey, ok, now);
  if (!ok || !staff) return { ok: false, reason: 'invalid', staffId };
  return { ok: true, staff: { id: staff.id, username: staff.username, role: staff.role, municipalityId: staff.municipality_id } };
}
