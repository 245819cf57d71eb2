import { detectCrisis } from '../../src/safety/crisis';
import type { CrisisCategory, CrisisHit } from '../../src/safety/types';

/**
 * Scores a crisis detector on labelled messages. Shared by the development set's test and by tests of other sets,
 * whose category names may differ: `sexual-abuse` is read as `abuse`, `child-at-risk` as `child-danger`, and
 * `lookalike` / `everyday` are the names of cases that should raise nothing.
 *
 * - An acute case is caught when it is detected at the acute level; a concern case when it is detected at any level.
 * - A false alarm is any detection on a `none` case.
 * - The category is right when it is the labelled one, with self-harm and suicide counted as one family.
 */

export type EvalLevel = 'acute' | 'concern' | 'none';
export interface EvalCase {
  text: string;
  level: EvalLevel;
  category: string;
  lang: string;
}

export interface Recall {
  cases: number;
  caught: number;
  recall: number;
  /** Among the caught ones, how many got the labelled category (or its family). */
  rightCategory: number;
}
export interface Alarms {
  cases: number;
  alarms: number;
  falseAlarmRate: number;
}
export interface LanguageFigures {
  acute: Recall;
  concern: Recall;
  none: Alarms;
}
export interface Evaluation {
  byLanguage: Record<string, LanguageFigures>;
  byCategory: Record<string, Recall>;
  acute: Recall;
  concern: Recall;
  none: Alarms;
  misses: string[];
  falseAlarms: string[];
  wrongCategory: string[];
}

const ALIASES: Readonly<Record<string, string>> = { 'sexual-abuse': 'abuse', 'child-at-risk': 'child-danger' };
const FAMILY: Readonly<Record<string, string>> = { 'self-harm': 'suicide' };

/** The detector's name for a category of another set's labels. */
export function canonicalCategory(category: string): string {
  return ALIASES[category] ?? category;
}

function sameFamily(a: string, b: string): boolean {
  return (FAMILY[a] ?? a) === (FAMILY[b] ?? b);
}

function recall(): Recall {
  return { cases: 0, caught: 0, recall: 1, rightCategory: 0 };
}
function alarms(): Alarms {
  return { cases: 0, alarms: 0, falseAlarmRate: 0 };
}
function finish(r: Recall): void {
  r.recall = r.cases === 0 ? 1 : r.caught / r.cases;
}

export function evaluate(cases: readonly EvalCase[], detect: (text: string) => CrisisHit | null = detectCrisis): Evaluation {
  const e: Evaluation = {
    byLanguage: {}, byCategory: {}, acute: recall(), concern: recall(), none: alarms(), misses: [], falseAlarms: [], wrongCategory: [],
  };
  for (const c of cases) {
    const lang = (e.byLanguage[c.lang] ??= { acute: recall(), concern: recall(), none: alarms() });
    const hit = detect(c.text);
    const found = hit ? `${hit.level} ${hit.category} (${hit.rule})` : 'nothing';
    if (c.level === 'none') {
      for (const a of [lang.none, e.none]) {
        a.cases++;
        if (hit) a.alarms++;
      }
      if (hit) e.falseAlarms.push(`[${c.lang}] ${c.text}  ->  ${found}`);
      continue;
    }
    const category = canonicalCategory(c.category);
    const byCat = (e.byCategory[category] ??= recall());
    const caught = hit !== null && (c.level === 'concern' || hit.level === 'acute');
    const right = caught && hit !== null && sameFamily(hit.category, category);
    for (const r of [lang[c.level], e[c.level], byCat]) {
      r.cases++;
      if (caught) r.caught++;
      if (right) r.rightCategory++;
    }
    if (!caught) e.misses.push(`[${c.lang}] ${c.text}  (want ${c.level} ${category}, got ${found})`);
    else if (!right) e.wrongCategory.push(`[${c.lang}] ${c.text}  (want ${category}, got ${found})`);
  }
  for (const l of Object.values(e.byLanguage)) {
    finish(l.acute);
    finish(l.concern);
    l.none.falseAlarmRate = l.none.cases === 0 ? 0 : l.none.alarms / l.none.cases;
  }
  for (const r of [...Object.values(e.byCategory), e.acute, e.concern]) finish(r);
  e.none.falseAlarmRate = e.none.cases === 0 ? 0 : e.none.alarms / e.none.cases;
  return e;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
function cell(r: Recall): string {
  return r.cases === 0 ? '–' : `${pct(r.recall)} (${r.caught}/${r.cases})`;
}

/** A plain-text report: recall per language and level, per category, false alarms per language, then every miss. */
export function formatEvaluation(title: string, e: Evaluation): string {
  const lines = [title, 'lang  acute recall        concern recall      false alarms'];
  for (const [lang, l] of Object.entries(e.byLanguage)) {
    lines.push(`${lang.padEnd(4)}  ${cell(l.acute).padEnd(18)}  ${cell(l.concern).padEnd(18)}  ${pct(l.none.falseAlarmRate)} (${l.none.alarms}/${l.none.cases})`);
  }
  lines.push(`all   ${cell(e.acute).padEnd(18)}  ${cell(e.concern).padEnd(18)}  ${pct(e.none.falseAlarmRate)} (${e.none.alarms}/${e.none.cases})`);
  lines.push('', 'category       recall              right category');
  for (const [category, r] of Object.entries(e.byCategory).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${category.padEnd(13)}  ${cell(r).padEnd(18)}  ${r.caught === 0 ? '–' : pct(r.rightCategory / r.caught)}`);
  }
  const detail = [
    ...e.misses.map((m) => `  missed: ${m}`),
    ...e.falseAlarms.map((m) => `  false alarm: ${m}`),
    ...e.wrongCategory.map((m) => `  category: ${m}`),
  ];
  return [...lines, ...(detail.length > 0 ? ['', ...detail] : [])].join('\n');
}

/** The level a category of the development set belongs to. */
export function levelOfExpect(expect: CrisisCategory | null): EvalLevel {
  if (expect === null) return 'none';
  return ['hopelessness', 'fear', 'control', 'secrecy'].includes(expect) ? 'concern' : 'acute';
}
