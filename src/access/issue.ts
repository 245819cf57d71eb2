import type { AgeBand, Persona } from '../flows/schema';
import { hmacHex } from '../store/crypto';
import type { LotsenStore } from '../store/store';
import { formatCode, generateCode } from './codes';

export interface IssueRequest {
  municipalityId: string;
  persona: Persona;
  ageBand: AgeBand | null;
  count: number;
  expiresAt: number | null;
  label: string | null;
  createdBy: string | null;
}

/** Creates a batch of new codes; the plain codes exist only in the return value, the store keeps hashes. */
export async function issueCodes(store: LotsenStore, codeKey: Buffer, req: IssueRequest): Promise<{ batchId: string; codes: string[] }> {
  if (req.persona === 'child-next' && req.ageBand === null) throw new Error('A child-next code needs an age band (6-8, 9-12 or 13-17)');
  if (req.persona !== 'child-next' && req.ageBand !== null) throw new Error('Only child-next codes have an age band');
  if (!Number.isInteger(req.count) || req.count < 1 || req.count > 1000) throw new Error('Count must be 1–1000');
  const canonical = Array.from({ length: req.count }, () => generateCode());
  const batchId = await store.createBatch({ ...req, hashes: canonical.map((c) => hmacHex(codeKey, c)) });
  return { batchId, codes: canonical.map(formatCode) };
}
