import { createHmac } from 'node:crypto';
import { codeFromBytes, formatCode } from './access/codes';
import type { AgeBand, Persona } from './flows/schema';
import { hmacHex } from './store/crypto';
import type { Runtime } from './runtime';

const DAY_MS = 86_400_000;

/** A code derived from the server secret, so the same demo code is printed at every start (and differs per installation). */
function demoCode(secret: Buffer, label: string): string {
  for (let n = 0; ; n += 1) {
    const code = codeFromBytes(createHmac('sha256', secret).update(`demo-code/${label}/${n}`).digest());
    if (code) return code;
  }
}

export interface DemoCodes {
  parent: string;
  child: string;
  /** When the codes stop working (ms): DEMO_CODE_DAYS after they were first made. */
  expiresAt: number;
  expired: boolean;
}

/**
 * The demo municipality with one parent and one child (9–12) code. They expire DEMO_CODE_DAYS after they were first
 * made and are not made again after that (the same secret gives the same codes): then `lotsen codes create` makes
 * others. Codes an older version made without an expiry get theirs counted from when they were made.
 */
export async function ensureDemo(rt: Runtime, now = Date.now()): Promise<DemoCodes> {
  await rt.store.ensureMunicipality('demo', rt.config.DEMO_MUNICIPALITY_NAME, rt.config.DEMO_MUNICIPALITY_PHONE || null);
  const lifetimeMs = rt.config.DEMO_CODE_DAYS * DAY_MS;
  const make = async (label: string, persona: Persona, ageBand: AgeBand | null) => {
    const code = demoCode(rt.keys.codes, label);
    const hash = hmacHex(rt.keys.codes, code);
    if (!(await rt.store.findCode(hash))) {
      try {
        await rt.store.createBatch({ municipalityId: 'demo', persona, ageBand, label: `demo ${label}`, createdBy: null, expiresAt: now + lifetimeMs, hashes: [hash] });
      } catch (err) {
        // Several instances starting at once on one database: another one made the code first.
        if (!(await rt.store.findCode(hash))) throw err;
      }
    }
    let stored = await rt.store.findCode(hash);
    if (stored && stored.expiresAt === null) {
      await rt.store.expireCodeAfterCreation(hash, lifetimeMs);
      stored = await rt.store.findCode(hash);
    }
    return { code: formatCode(code), expiresAt: stored?.expiresAt ?? now };
  };
  const parent = await make('parent', 'parent', null);
  const child = await make('child', 'child-next', '9-12');
  const expiresAt = Math.min(parent.expiresAt, child.expiresAt);
  return { parent: parent.code, child: child.code, expiresAt, expired: expiresAt <= now };
}
