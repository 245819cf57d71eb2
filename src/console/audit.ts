import type { LotsenStore } from '../store/store';

/** Everything staff do that the audit log records. Codes, passwords and preview text are never part of `detail`. */
export const AUDIT_ACTIONS = [
  'signin',
  'signin.failed',
  'signin.throttled',
  'signout',
  'batch.create',
  'batch.revoke',
  'code.revoke',
  'preview.start',
  'flows.test',
  'stats.view',
  'stats.export',
  'audit.view',
  'denied',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  staffId: string | null;
  municipalityId: string | null;
  action: AuditAction;
  detail?: Record<string, string | number | boolean | null>;
}

/** Appends one entry; the time is the server's. */
export function audit(store: LotsenStore, entry: AuditEntry): Promise<void> {
  return store.writeAudit({ staffId: entry.staffId, municipalityId: entry.municipalityId, action: entry.action, detail: entry.detail ?? null });
}
