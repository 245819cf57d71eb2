import type { Request, Response } from 'express';
import type { TokenClaims, TokenService } from './tokens';

export const RESUME_COOKIE = 'lotsen_resume';
/** A reload in the same tab may resume within this idle time; after it the code is needed again. */
export const RESUME_IDLE_SECONDS = 20 * 60;

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

/** HttpOnly, SameSite=Strict, only sent to /api; Secure whenever the request came over https. */
export async function setResumeCookie(req: Request, res: Response, tokens: TokenService, claims: TokenClaims): Promise<void> {
  const { token } = await tokens.issue(claims, RESUME_IDLE_SECONDS, 'resume');
  res.cookie(RESUME_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/api', maxAge: RESUME_IDLE_SECONDS * 1000 });
}

export function clearResumeCookie(req: Request, res: Response): void {
  res.clearCookie(RESUME_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/api' });
}
