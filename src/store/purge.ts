import type { Runtime } from '../runtime';

/** Deletes inactive conversations now and then every PURGE_INTERVAL_HOURS (0 turns the timer off). */
export function startPurgeTimer(rt: Runtime): () => void {
  const hours = rt.config.PURGE_INTERVAL_HOURS;
  if (hours <= 0) return () => undefined;
  const run = () => {
    rt.store
      .purgeInactive(rt.config.PURGE_INACTIVE_DAYS)
      .then((n) => rt.log.info({ purged: n, inactiveDays: rt.config.PURGE_INACTIVE_DAYS }, 'purge'))
      .catch((err: Error) => rt.log.error({ err: { name: err.name, message: err.message } }, 'purge failed'));
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
