import { createHmac } from 'node:crypto';
import { codeFromBytes, formatCode } from './access/codes';
import type { AgeBand, Persona } from './flows/schema';
import { hmacHex } from './store/crypto';
import type { Runtime } from './runtime';

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
}

/** The demo municipality with one parent and one child (9–12) code that never expire. */
export async function ensureDemo(rt: Runtime): Promise<DemoCodes> {
  await rt.store.ensureMunicipality('demo', rt.config.DEMO_MUNICIPALITY_NAME, rt.config.DEMO_MUNICIPALITY_PHONE || null);
  const make = async (label: string, persona: Persona, ageBand: AgeBand | null) => {
    const code = demoCode(rt.keys.codes, label);
    const hash = hmacHex(rt.keys.codes, code);
    if (!(await rt.store.findCode(hash))) {
      try {
        await rt.store.createBatch({ municipalityId: 'demo', persona, ageBand, label: `demo ${label}`, createdBy: null, expiresAt: null, hashes: [hash] });
      } catch (err) {
        // Several instances starting at once on one database: another one made the code first.
        if (!(await rt.store.findCode(hash))) throw err;
      }
    }
    return formatCode(code);
  };
  return { parent: await make('parent', 'parent', null), child: await make('child', 'child-next', '9-12') };
}
