import type { Request, Response } from 'express';
import { servedOverHttps } from '../channel/publicUrl';
import type { Sessions } from './sessions';
import type { TokenClaims } from './tokens';

/**
 * The resume cookie lets a reload in the same browser session come back without the code, while the login session
 * lives (see `Sessions`). Over https it is `__Host-` prefixed: Secure, Path=/, no Domain, so neither a sibling
 * domain nor plain http can set or replace it; over plain http (development) the prefix cannot be used and the
 * cookie is limited to /api instead. It has no Max-Age or Expires: the browser drops it when it closes.
 */
export const RESUME_COOKIE = 'lotsen_resume';
const SECURE_RESUME_COOKIE = `__Host-${RESUME_COOKIE}`;

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return undefined; // a malformed escape ("%") is no session, not a server error
    }
  }
  return undefined;
}

/** The cookie's name and attributes for this request: https (PUBLIC_URL, or the request itself, a trusted proxy's X-Forwarded-Proto included) or not. */
function resumeCookie(req: Request) {
  const secure = servedOverHttps(req);
  return { name: secure ? SECURE_RESUME_COOKIE : RESUME_COOKIE, options: { httpOnly: true, sameSite: 'strict' as const, secure, path: secure ? '/' : '/api' } };
}

export function readResumeCookie(req: Request): string | undefined {
  return readCookie(req, resumeCookie(req).name);
}

/** Sets the cookie with a resume token that ends with the session; sets nothing when the session has ended. */
export async function setResumeCookie(req: Request, res: Response, sessions: Sessions, claims: TokenClaims): Promise<void> {
  const issued = await sessions.renew(claims, 'resume');
  if (!issued) return;
  const { name, options } = resumeCookie(req);
  res.cookie(name, issued.token, options);
}

export function clearResumeCookie(req: Request, res: Response): void {
  const { name, options } = resumeCookie(req);
  res.clearCookie(name, options);
}
