import { createHmac } from 'node:crypto';
import { formatCode } from './access/codes';
import type { AgeBand, Persona } from './flows/schema';
import { hmacHex } from './store/crypto';
import type { Runtime } from './runtime';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A code derived from the server secret, so the same demo code is printed at every start (and differs per installation). */
function demoCode(secret: Buffer, label: string): string {
  for (let n = 0; ; n += 1) {
    const digest = createHmac('sha256', secret).update(`demo-code/${label}/${n}`).digest();
    let v = 0n;
    for (const b of digest.subarray(0, 9)) v = (v << 8n) | BigInt(b);
    v &= (1n << 65n) - 1n;
    const check = Number(v % 37n);
    if (check >= 32) continue;
    let symbols = '';
    for (let i = 0; i < 13; i += 1) {
      symbols = ALPHABET[Number(v % 32n)] + symbols;
      v /= 32n;
    }
    return symbols + ALPHABET[check];
  }
}

export interface DemoCodes {
  parent: string;
  child: string;
}

/** The demo municipality with one parent and one child (9–12) code that never expire. */
export async function ensureDemo(rt: Runtime): Promise<DemoCodes> {
  await rt.store.ensureMunicipality('demo', rt.config.DEMO_MUNICIPALITY_NAME, rt.config.DEMO_MUNICIPALITY_PHONE);
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
