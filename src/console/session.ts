import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { readCookie } from '../access/resume';
import type { LotsenStore } from '../store/store';
import { isConsoleLocale, type ConsoleLocale } from './strings';

/** A session ends after this long without a request. */
export const IDLE_SECONDS = 30 * 60;
/** …and at the latest this long after sign-in. */
export const MAX_SECONDS = 12 * 60 * 60;
/** `seen_at` is written at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 30_000;

/** The signed-in staff member behind a request. */
export interface StaffPrincipal {
  sessionId: string;
  staffId: string;
  username: string;
  role: 'admin' | 'staff';
  /** Null for an administrator without a home municipality. */
  municipalityId: string | null;
  csrf: string;
  locale: ConsoleLocale;
}

/**
 * `__Host-` binds the cookie to this host, https and path /; over plain http (development, tests) the prefix
 * cannot be used, so the cookie is limited to /console instead.
 */
export const cookieName = (req: Request) => (req.secure ? '__Host-lotsen_console' : 'lotsen_console');
const cookieOptions = (req: Request) => ({ httpOnly: true, sameSite: 'strict' as const, secure: req.secure, path: req.secure ? '/' : '/console' });

/** The known-browser token (see `verifySignin`): kept for half a year, sent only to the console, never read by script. */
const deviceCookieName = (req: Request) => (req.secure ? '__Host-lotsen_console_device' : 'lotsen_console_device');
export const DEVICE_DAYS = 180;

export const readDevice = (req: Request): string | undefined => readCookie(req, deviceCookieName(req));

export function rememberDevice(req: Request, res: Response, token: string): void {
  res.cookie(deviceCookieName(req), token, { ...cookieOptions(req), maxAge: DEVICE_DAYS * 86_400_000 });
}

const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Starts a session: a random cookie value, stored only as its hash, and a CSRF token for the page. */
export async function startSession(store: LotsenStore, req: Request, res: Response, staffId: string, locale: ConsoleLocale): Promise<{ csrf: string }> {
  const old = readCookie(req, cookieName(req));
  if (old) await store.deleteStaffSession(sessionIdOf(old));
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const now = Date.now();
  await store.createStaffSession({ id: sessionIdOf(token), staffId, csrf, locale, now });
  await store.pruneStaffSessions(now - IDLE_SECONDS * 1000, now - MAX_SECONDS * 1000);
  res.cookie(cookieName(req), token, cookieOptions(req));
  return { csrf };
}

export async function endSession(store: LotsenStore, req: Request, res: Response): Promise<void> {
  const token = readCookie(req, cookieName(req));
  if (token) await store.deleteStaffSession(sessionIdOf(token));
  res.clearCookie(cookieName(req), cookieOptions(req));
}

export type SessionLookup = { state: 'none' } | { state: 'expired' } | { state: 'ok'; staff: StaffPrincipal };

/** The session behind the request's cookie; an idle or too old session is deleted and reported as expired. */
export async function readSession(store: LotsenStore, req: Request, now = Date.now()): Promise<SessionLookup> {
  const token = readCookie(req, cookieName(req));
  if (!token || token.length > 100) return { state: 'none' };
  const id = sessionIdOf(token);
  const row = await store.staffSession(id);
  if (!row) return { state: 'expired' };
  if (row.seen_at + IDLE_SECONDS * 1000 < now || row.created_at + MAX_SECONDS * 1000 < now) {
    await store.deleteStaffSession(id);
    return { state: 'expired' };
  }
  if (now - row.seen_at > TOUCH_EVERY_MS) await store.touchStaffSession(id, now);
  return {
    state: 'ok',
    staff: {
      sessionId: id,
      staffId: row.staff_id,
      username: row.username,
      role: row.role,
      municipalityId: row.municipality_id,
      csrf: row.csrf,
      locale: isConsoleLocale(row.locale) ? row.locale : 'sv',
    },
  };
}

/**
 * The request came from this site. Browsers say so in `Sec-Fetch-Site`; without it, the `Origin` header (the
 * console's pages use referrer policy same-origin, so a same-origin POST carries its real origin) must be ours.
 * No header at all is a non-browser client, which carries no victim's cookie.
 */
export function sameOrigin(req: Request): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin' || site === 'none';
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `${req.protocol}://${req.get('host') ?? ''}`;
}

/**
 * Synchronizer-token CSRF check for state-changing requests: the page sends the session's token in
 * `X-CSRF-Token`, which another site can neither read nor set.
 */
export function csrfOk(req: Request, staff: StaffPrincipal): boolean {
  const sent = req.headers['x-csrf-token'];
  return typeof sent === 'string' && sameOrigin(req) && safeEqual(sent, staff.csrf);
}

/** Express locals for console handlers. */
export const staffOf = (res: Response): StaffPrincipal => {
  const staff = res.locals.staff as StaffPrincipal | undefined;
  if (!staff) throw new Error('console handler reached without a session');
  return staff;
};
