import type { LotsenStore } from '../store/store';

/** Everything staff and the command line do that the audit log records. Codes, passwords and preview text are never part of `detail`. */
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
  // From the command line (`lotsen`), with `actor: 'cli'`.
  'municipality.add',
  'staff.add',
  'staff.disable',
  'staff.password',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  staffId: string | null;
  /** Who acted when it was not a signed-in staff member: 'cli' for the command line. */
  actor?: 'cli';
  municipalityId: string | null;
  action: AuditAction;
  detail?: Record<string, string | number | boolean | null>;
}

/** Appends one entry; the time is the server's. */
export function audit(store: LotsenStore, entry: AuditEntry): Promise<void> {
  return store.writeAudit({ staffId: entry.staffId, actor: entry.actor ?? null, municipalityId: entry.municipalityId, action: entry.action, detail: entry.detail ?? null });
}
