import { randomBytes, randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import { hmacHex } from '../store/crypto';
import type { LotsenStore } from '../store/store';
import { safeEqual } from './session';

const newPassword = () => randomBytes(15).toString('base64url');

/**
 * Adds a staff account with a generated password, hashed with argon2id; the password is returned once. Usernames are
 * unique without regard to case (the database holds a unique index on `lower(username)`): sign-in ignores case.
 */
export async function addStaff(store: LotsenStore, req: { municipalityId: string | null; role: 'admin' | 'staff'; username: string | null }) {
  if (req.role === 'staff' && !req.municipalityId) throw new Error('A staff user belongs to a municipality: give --municipality');
  if (req.municipalityId && !(await store.getMunicipality(req.municipalityId))) throw new Error(`No municipality "${req.municipalityId}"`);
  const username = req.username ?? `staff-${randomBytes(3).toString('hex')}`;
  if (!/^[a-z0-9._-]{2,40}$/i.test(username)) throw new Error('Username: 2–40 letters, digits, dots, dashes or underscores');
  const taken = () => new Error(`A staff user "${username}" already exists (usernames do not depend on case)`);
  if (await store.staffByUsername(username)) throw taken();
  const password = newPassword();
  const hash = await argon2.hash(password, { type: argon2.argon2id });
  const id = randomUUID();
  if (!(await store.createStaff({ id, username, municipalityId: req.municipalityId, role: req.role, passwordHash: hash, now: Date.now() }))) throw taken();
  return { id, username, password };
}

const unknownStaff = (username: string) => new Error(`No staff user "${username}"`);

/** Disables an account (found without regard to case): it can no longer sign in, and its console sessions end now. */
export async function disableStaff(store: LotsenStore, username: string) {
  const staff = await store.staffByUsername(username);
  if (!staff) throw unknownStaff(username);
  const changed = await store.disableStaff(staff.id);
  return { id: staff.id, username: staff.username, municipalityId: staff.municipality_id, alreadyDisabled: !changed };
}

/** Gives an account a new generated password, returned once; its console sessions end, so the old password's are gone. */
export async function resetStaffPassword(store: LotsenStore, username: string) {
  const staff = await store.staffByUsername(username);
  if (!staff) throw unknownStaff(username);
  const password = newPassword();
  await store.setStaffPassword(staff.id, await argon2.hash(password, { type: argon2.argon2id }));
  return { id: staff.id, username: staff.username, municipalityId: staff.municipality_id, disabled: staff.disabled_at !== null, password };
}

/** Failed sign-ins allowed per username, per address, and per known browser, within the window, before 429. */
export interface SigninLimits {
  perUser: number;
  perIp: number;
  windowSeconds: number;
}

export type SigninResult =
  | { ok: true; staff: { id: string; username: string; role: 'admin' | 'staff'; municipalityId: string | null }; device: string }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number; staffId: string | null }
  | { ok: false; reason: 'invalid'; staffId: string | null };

/*
 * A known browser ("device cookie"): after a sign-in, the browser keeps `<id>.<mac>`, the mac binding the random id to
 * that username. Its later sign-ins as the same username are counted on their own and not against the address,
 * so somebody guessing passwords from a contact centre's shared address (one NAT) blocks new browsers only, and
 * guessing with a stolen cookie is limited like guessing a username.
 */
const deviceMac = (hashKey: Buffer, username: string, id: string) => hmacHex(hashKey, `staff-device:${username.toLowerCase()}:${id}`).slice(0, 32);

/** A new known-browser token for this username. */
export function deviceToken(hashKey: Buffer, username: string): string {
  const id = randomBytes(16).toString('base64url');
  return `${id}.${deviceMac(hashKey, username, id)}`;
}

/** The id of a known-browser token when it was made for this username, else null. */
export function knownDevice(hashKey: Buffer, username: string, token: string | undefined): string | null {
  if (!token || token.length > 100) return null;
  const m = /^([A-Za-z0-9_-]{22})\.([0-9a-f]{32})$/.exec(token);
  if (!m) return null;
  const [, id, mac] = m as unknown as [string, string, string];
  return safeEqual(mac, deviceMac(hashKey, username, id)) ? id : null;
}

let dummyHash: Promise<string> | undefined;
/** Verifying against a throwaway hash when the user is unknown keeps the answer time the same. */
const dummy = () => (dummyHash ??= argon2.hash(randomBytes(16), { type: argon2.argon2id }));

/**
 * Checks a staff sign-in with argon2id, throttled per username and per address (both stored only as keyed hashes),
 * or, from a browser that signed in as this username before, per that browser. A disabled or unknown account fails
 * exactly like a wrong password. A success hands back a known-browser token for the next time.
 */
export async function verifySignin(
  store: LotsenStore,
  hashKey: Buffer,
  limits: SigninLimits,
  req: { username: string; password: string; ip: string; device?: string },
  now = Date.now(),
): Promise<SigninResult> {
  const device = knownDevice(hashKey, req.username, req.device);
  // A known browser's attempts go under its own key in both columns: they count neither for the username nor the address.
  const userKey = device ? hmacHex(hashKey, `staff-device-fails:${device}`).slice(0, 32) : hmacHex(hashKey, `staff-user:${req.username.toLowerCase()}`).slice(0, 32);
  const ipKey = device ? userKey : hmacHex(hashKey, `staff-ip:${req.ip}`).slice(0, 32);
  const staff = await store.staffByUsername(req.username);
  const staffId = staff?.id ?? null;
  const windowMs = limits.windowSeconds * 1000;
  const fails = await store.failedStaffLogins(userKey, ipKey, now - windowMs);
  const retry = (oldest: number | null) => Math.max(1, Math.ceil(((oldest ?? now) + windowMs - now) / 1000));
  if (fails.user >= limits.perUser) return { ok: false, reason: 'throttled', retryAfterSeconds: retry(fails.oldestUser), staffId };
  if (!device && fails.ip >= limits.perIp) return { ok: false, reason: 'throttled', retryAfterSeconds: retry(fails.oldestIp), staffId };

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
  return {
    ok: true,
    staff: { id: staff.id, username: staff.username, role: staff.role, municipalityId: staff.municipality_id },
    device: req.device && device ? req.device : deviceToken(hashKey, staff.username),
  };
}
