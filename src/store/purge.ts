import type { Runtime } from '../runtime';

/**
 * Deletes inactive conversations (and, with AUDIT_RETENTION_DAYS, old audit entries) a minute after start and then
 * every PURGE_INTERVAL_HOURS (0 turns the timer off).
 */
export function startPurgeTimer(rt: Runtime): () => void {
  const hours = rt.config.PURGE_INTERVAL_HOURS;
  if (hours <= 0) return () => undefined;
  const { PURGE_INACTIVE_DAYS: inactiveDays, AUDIT_RETENTION_DAYS: auditDays } = rt.config;
  const run = () => {
    (async () => {
      const purged = await rt.store.purgeInactive(inactiveDays);
      const audit = auditDays > 0 ? await rt.store.purgeAudit(auditDays) : 0;
      rt.log.info({ purged, inactiveDays, auditPurged: audit, auditDays }, 'purge');
    })().catch((err: Error) => rt.log.error({ err: { name: err.name, message: err.message } }, 'purge failed'));
  };
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, hours * 3_600_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
