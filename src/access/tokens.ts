import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { AgeBand, Persona } from '../flows/schema';

const Claims = z.object({
  conv: z.string().min(1),
  sid: z.string().min(1),
  persona: Persona,
  band: AgeBand.nullable().optional(),
});
export type TokenClaims = z.infer<typeof Claims>;

export type Verified = { ok: true; claims: TokenClaims; exp: number } | { ok: false; reason: 'expired' | 'invalid' };

const ISSUER = 'lotsen';
const AUDIENCES = { directline: 'lotsen/directline', resume: 'lotsen/resume' } as const;
export type TokenUse = keyof typeof AUDIENCES;

/** How many verified tokens are remembered, so a client's every request does not check the signature again. */
const REMEMBERED = 10_000;

/** Signed HS256 tokens bound to one conversation and one login session. */
export class TokenService {
  /** Tokens whose signature and claims have been checked, with their expiry (revocation is the session's, checked per request elsewhere). */
  private readonly verified = new Map<string, { claims: TokenClaims; exp: number }>();

  constructor(
    private readonly key: Buffer,
    readonly ttlSeconds: number,
  ) {}

  async issue(claims: TokenClaims, ttlSeconds = this.ttlSeconds, use: TokenUse = 'directline'): Promise<{ token: string; expiresIn: number }> {
    const token = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCES[use])
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key);
    return { token, expiresIn: ttlSeconds };
  }

  async verify(token: string | undefined, use: TokenUse = 'directline'): Promise<Verified> {
    if (!token || token.length > 4096) return { ok: false, reason: 'invalid' };
    const key = `${use} ${token}`;
    const known = this.verified.get(key);
    if (known) {
      if (known.exp * 1000 > Date.now()) return { ok: true, claims: known.claims, exp: known.exp };
      this.verified.delete(key);
      return { ok: false, reason: 'expired' };
    }
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCES[use], algorithms: ['HS256'] });
      const claims = Claims.safeParse(payload);
      if (!claims.success || typeof payload.exp !== 'number') return { ok: false, reason: 'invalid' };
      if (this.verified.size >= REMEMBERED) this.verified.delete(this.verified.keys().next().value as string);
      this.verified.set(key, { claims: claims.data, exp: payload.exp });
      return { ok: true, claims: claims.data, exp: payload.exp };
    } catch (err) {
      return { ok: false, reason: err instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
  }
}
