import type { FlowEngine } from '../flows/engine';
import { LOCALES, PERSONAS, type Locale } from '../flows/schema';
import type { LotsenStore } from '../store/store';

/** Counts below this are never shown exactly, so that nobody can be singled out. */
export const SUPPRESS_BELOW = 5;
export const SUPPRESSED = '< 5';

/** A count as shown: the number, or "< 5". */
export const shown = (n: number): string => (n < SUPPRESS_BELOW ? SUPPRESSED : String(n));

/**
 * A breakdown whose total is shown: if exactly one cell is hidden, the total minus the others would reveal it,
 * so the next smallest cell is hidden too (secondary suppression).
 */
export function shownGroup(cells: Array<{ key: string; n: number }>): Array<{ key: string; value: string }> {
  const hidden = new Set(cells.filter((c) => c.n < SUPPRESS_BELOW).map((c) => c.key));
  if (hidden.size === 1 && cells.length > 1) {
    const next = cells.filter((c) => !hidden.has(c.key)).sort((a, b) => a.n - b.n)[0];
    if (next) hidden.add(next.key);
  }
  return cells.map((c) => ({ key: c.key, value: hidden.has(c.key) ? SUPPRESSED : String(c.n) }));
}

export const isMonth = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
export const currentMonth = (now = new Date()) => `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;

/** One municipality's month, every count already suppressed: nothing exact below 5 leaves the server. */
export interface MonthStats {
  municipalityId: string;
  month: string;
  logins: string;
  loginsByPersona: Array<{ persona: string; value: string }>;
  loginsByLocale: Array<{ locale: Locale; value: string }>;
  modules: Array<{ flow: string; started: string; completed: string }>;
  dropoff: Array<{ flow: string; step: string; value: string }>;
  help: string;
  crisis: string;
}

export async function monthStats(store: LotsenStore, engine: FlowEngine, municipalityId: string, month: string): Promise<MonthStats> {
  const rows = await store.statCounts(municipalityId, month);
  const sum = (pred: (r: (typeof rows)[number]) => boolean) => rows.filter(pred).reduce((n, r) => n + r.n, 0);
  const logins = rows.filter((r) => r.event === 'login');

  const flows = [...new Set(rows.filter((r) => r.event === 'module.start' || r.event === 'module.complete').map((r) => r.flow).filter((f): f is string => f !== null))];
  const order = [...engine.catalog.flows.keys()];
  flows.sort((a, b) => order.indexOf(a) - order.indexOf(b) || a.localeCompare(b));

  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = await store.lastSteps(municipalityId, Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1));
  // A conversation standing on an `end` step finished its module: that is not where anyone stopped.
  const stopped = last.filter((r) => {
    const flow = engine.flow(r.flow);
    const step = flow?.steps.find((s) => s.id === r.step);
    return step !== undefined && step.kind !== 'end';
  });
  stopped.sort((a, b) => b.n - a.n || a.flow.localeCompare(b.flow) || a.step.localeCompare(b.step));

  return {
    municipalityId,
    month,
    logins: shown(sum((r) => r.event === 'login')),
    loginsByPersona: shownGroup(PERSONAS.map((p) => ({ key: p, n: logins.filter((r) => r.persona === p).reduce((n, r) => n + r.n, 0) }))).map((c) => ({ persona: c.key, value: c.value })),
    loginsByLocale: shownGroup(LOCALES.map((l) => ({ key: l, n: logins.filter((r) => r.locale === l).reduce((n, r) => n + r.n, 0) }))).map((c) => ({ locale: c.key as Locale, value: c.value })),
    modules: flows.map((flow) => ({
      flow,
      started: shown(sum((r) => r.event === 'module.start' && r.flow === flow)),
      completed: shown(sum((r) => r.event === 'module.complete' && r.flow === flow)),
    })),
    dropoff: stopped.map((r) => ({ flow: r.flow, step: r.step, value: shown(r.n) })),
    help: shown(sum((r) => r.event === 'help')),
    crisis: shown(sum((r) => r.event === 'crisis')),
  };
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) || /^[=+\-@\t]/.test(v) ? `"${v.replace(/^([=+\-@\t])/, "'$1").replace(/"/g, '""')}"` : v);

/** The same figures as CSV (suppressed the same way): one row per measure. */
export function statsCsv(s: MonthStats): string {
  const rows: string[][] = [['municipality', 'month', 'measure', 'group', 'value']];
  const add = (measure: string, group: string, value: string) => rows.push([s.municipalityId, s.month, measure, group, value]);
  add('logins', 'all', s.logins);
  for (const p of s.loginsByPersona) add('logins.persona', p.persona, p.value);
  for (const l of s.loginsByLocale) add('logins.language', l.locale, l.value);
  for (const m of s.modules) {
    add('module.start', m.flow, m.started);
    add('module.complete', m.flow, m.completed);
  }
  for (const d of s.dropoff) add('dropoff', `${d.flow}#${d.step}`, d.value);
  add('help', 'all', s.help);
  add('crisis', 'all', s.crisis);
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
