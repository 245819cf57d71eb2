import type { FlowEngine } from '../flows/engine';
import { LOCALES, PERSONAS, type Locale } from '../flows/schema';
import { previousDay, stockholmDay, stockholmMidnight } from '../store/days';
import type { LotsenStore } from '../store/store';

/** Counts below this are never shown exactly, so that nobody can be singled out. */
export const SUPPRESS_BELOW = 5;
export const SUPPRESSED = '< 5';
/** Step-level figures only for modules started at least this often in the period. */
export const STEPS_FROM_STARTS = 5;
/** A batch's use is shown only when it has at least this many codes: one family's code is nobody else's. */
export const BATCH_USAGE_FROM = 5;

/** A count as shown: the number, or "< 5". */
export const shown = (n: number): string => (n < SUPPRESS_BELOW ? SUPPRESSED : String(n));

/** How some of the figures add up: the figure at index `total` is the sum of those at `parts`. */
export interface Relation {
  total: number;
  parts: number[];
}

/**
 * Which figures to hide (true), given how they add up. Every figure below 5 is hidden (primary suppression). Then,
 * while a relation would let a hidden figure be worked out, the smallest shown part of it is hidden too
 * (complementary suppression), or its total when no part is left: a relation must not have exactly one hidden
 * member (subtraction gives it), nor a shown total whose hidden parts add up to 0 (each is then 0, which would tell
 * 0 from 1–4). Hiding only ever grows, so this ends; a test tries to derive hidden figures from what is left.
 */
export function suppress(values: readonly number[], relations: readonly Relation[]): boolean[] {
  const hidden = values.map((v) => v < SUPPRESS_BELOW);
  const leaks = (r: Relation): boolean => {
    const members = [r.total, ...r.parts];
    const count = members.filter((m) => hidden[m]).length;
    if (count === 1) return true;
    const hiddenSum = r.parts.filter((p) => hidden[p]).reduce((n, p) => n + (values[p] ?? 0), 0);
    return count > 0 && !hidden[r.total] && hiddenSum === 0;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of relations) {
      if (r.parts.length === 0 || !leaks(r)) continue;
      const shownParts = r.parts.filter((p) => !hidden[p]).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0) || a - b);
      hidden[shownParts[0] ?? r.total] = true;
      changed = true;
    }
  }
  return hidden;
}

export const isMonth = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
/** The month shown when none is asked for: yesterday's, the last day with figures. */
export const defaultMonth = (now = Date.now()) => previousDay(stockholmDay(now)).slice(0, 7);

/** The last day of a `YYYY-MM` month, `YYYY-MM-DD`. */
const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** One municipality's month, every count already suppressed: nothing exact below 5 leaves the server. */
export interface MonthStats {
  municipalityId: string;
  month: string;
  /** The last day counted (yesterday at the latest, in Stockholm), or null when no day of the month is over yet. */
  through: string | null;
  logins: string;
  loginsByPersona: Array<{ persona: string; value: string }>;
  loginsByLocale: Array<{ locale: Locale; value: string }>;
  /** Every module of every persona, in the registry's order, whether anybody started it or not. */
  modules: Array<{ flow: string; started: string; completed: string }>;
  /** For modules started at least 5 times: how often each step that is not an ending was reached, in the module's order. */
  dropoff: Array<{ flow: string; step: string; value: string }>;
  help: string;
  crisis: string;
}

/**
 * The figures of a month as staff may see them. Today is never counted (the figures stop at yesterday, Stockholm
 * time), so that watching them cannot follow anybody as they go; every module has a row, so that a row appearing
 * tells nothing; steps only where a module has enough starts.
 */
export async function monthStats(store: LotsenStore, engine: FlowEngine, municipalityId: string, month: string, now = Date.now()): Promise<MonthStats> {
  const today = stockholmDay(now);
  const yesterday = previousDay(today);
  const through = `${month}-01` > yesterday ? null : lastDayOf(month) < yesterday ? lastDayOf(month) : yesterday;
  const rows = through ? await store.statCounts(municipalityId, month, today) : [];
  const steps = through ? await store.stepCounts(municipalityId, month, today) : [];
  const sum = (pred: (r: (typeof rows)[number]) => boolean) => rows.filter(pred).reduce((n, r) => n + r.n, 0);
  const logins = rows.filter((r) => r.event === 'login');

  // Sign-ins: the total and two breakdowns that each add up to it, suppressed together.
  const byPersona = PERSONAS.map((p) => logins.filter((r) => r.persona === p).reduce((n, r) => n + r.n, 0));
  const byLocale = LOCALES.map((l) => logins.filter((r) => r.locale === l).reduce((n, r) => n + r.n, 0));
  const total = sum((r) => r.event === 'login');
  const values = [total, ...byPersona, ...byLocale];
  const personaIdx = PERSONAS.map((_, i) => 1 + i);
  const localeIdx = LOCALES.map((_, i) => 1 + PERSONAS.length + i);
  const hidden = suppress(values, [{ total: 0, parts: personaIdx }, { total: 0, parts: localeIdx }]);
  const cell = (i: number) => (hidden[i] ? SUPPRESSED : String(values[i]));

  const flows = [...engine.catalog.flows.values()];
  const started = (flow: string) => sum((r) => r.event === 'module.start' && r.flow === flow);
  const reached = (flow: string, step: string) => steps.filter((r) => r.flow === flow && r.step === step).reduce((n, r) => n + r.n, 0);
  const dropoff = flows
    .filter((f) => started(f.key) >= STEPS_FROM_STARTS)
    .flatMap((f) =>
      f.steps
        .filter((st) => st.kind !== 'end')
        // The start step is reached by starting the module, and again by going back to it.
        .map((st) => ({ flow: f.key, step: st.id, value: shown(reached(f.key, st.id) + (st.id === f.start ? started(f.key) : 0)) })),
    );

  return {
    municipalityId,
    month,
    through,
    logins: cell(0),
    loginsByPersona: PERSONAS.map((persona, i) => ({ persona, value: cell(personaIdx[i] as number) })),
    loginsByLocale: LOCALES.map((locale, i) => ({ locale, value: cell(localeIdx[i] as number) })),
    modules: flows.map((f) => ({ flow: f.key, started: shown(started(f.key)), completed: shown(sum((r) => r.event === 'module.complete' && r.flow === f.key)) })),
    dropoff,
    help: shown(sum((r) => r.event === 'help')),
    crisis: shown(sum((r) => r.event === 'crisis')),
  };
}

/** How many codes of a batch were used as staff may see it: up to yesterday, and only for batches of 5 codes or more. */
export const batchUsage = (total: number, usedBeforeToday: number): number | null => (total >= BATCH_USAGE_FROM ? usedBeforeToday : null);

/** The instant today began in Stockholm: codes first used since then are not counted yet. */
export const startOfToday = (now = Date.now()) => stockholmMidnight(stockholmDay(now));

const csvCell = (v: string) => (/[",\n\r]/.test(v) || /^[=+\-@\t]/.test(v) ? `"${v.replace(/^([=+\-@\t])/, "'$1").replace(/"/g, '""')}"` : v);

/** The same figures as CSV (suppressed the same way): one row per measure. */
export function statsCsv(s: MonthStats): string {
  const rows: string[][] = [['municipality', 'month', 'measure', 'group', 'value']];
  const add = (measure: string, group: string, value: string) => rows.push([s.municipalityId, s.month, measure, group, value]);
  add('through', 'all', s.through ?? '');
  add('logins', 'all', s.logins);
  for (const p of s.loginsByPersona) add('logins.persona', p.persona, p.value);
  for (const l of s.loginsByLocale) add('logins.language', l.locale, l.value);
  for (const m of s.modules) {
    add('module.start', m.flow, m.started);
    add('module.complete', m.flow, m.completed);
  }
  for (const d of s.dropoff) add('step.reached', `${d.flow}#${d.step}`, d.value);
  add('help', 'all', s.help);
  add('crisis', 'all', s.crisis);
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
