import type { CrisisCategory, CrisisHit } from '../dialogue/core';
import { BENIGN, FUZZY_WORDS, NEGATION_BREAKS, NEGATION_FILLERS, NEGATIONS, PHRASES, type Lang, type Phrase } from './phrases';

/**
 * Crisis detection: runs on every typed message before the chat flow sees it.
 *
 * The text is normalised (bidi and control characters stripped, lower case, diacritics and Swedish å/ä/ö folded,
 * Arabic letter variants unified, harakat and tatweel removed, leetspeak in mixed tokens undone, punctuation to spaces)
 * into two forms: A with runs of 3+ equal letters collapsed to one, and B with every doubled letter collapsed. Each
 * phrase from `phrases.ts` is compiled once into an A and a B regular expression and tried against the matching form.
 * Key words misspelt by one or two letters ("självmort", "suicde") are corrected first. A hit preceded by a negation
 * ("never", "aldrig", "لم") in the same clause is ignored unless the phrase is marked absolute. Pure, no I/O, never throws.
 */

/** Categories in the order they win when a message matches several: the most specific and urgent first. */
const PRIORITY: readonly CrisisCategory[] = ['suicide', 'self-harm', 'abuse', 'child-danger', 'violence'];
const LANGS: readonly Lang[] = ['sv', 'en', 'ar'];

const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
/** Invisible characters removed without a trace, so they cannot split a word: C0/C1 controls (not tab/newline), soft hyphen, zero-width characters, BOM. */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/g;
const APOSTROPHES = /['\u2018\u2019\u201B\u0060\u00B4\u02BC\u02B9]/g;
/** Sentence ends: a phrase never spans one, and negation never reaches across one. */
const SENTENCE_END = /[.!?;\n\r\t\u061F\u061B\u06D4\u2026\u3002\u00A1\u00BF\u2022|]+/g;
const COMMA = /[,\u060C\u201A\u3001]/g;
const MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N},|]+/gu;
const SPACES = / {2,}/g;
const LEET_TOKEN = /[\p{L}0-9@$]*[\p{L}][\p{L}0-9@$]*/gu;
const LEET_MAP: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const TRIPLE = /(\p{L})\1{2,}/gu;
const DOUBLE = /(\p{L})\1+/gu;

function foldArabic(s: string): string {
  return s
    .replace(/\u0640/g, '')
    .replace(/[\u0623\u0625\u0622\u0671\u0672\u0673]/g, '\u0627')
    .replace(/\u0629/g, '\u0647')
    .replace(/[\u0649\u06CC\u06D2]/g, '\u064A')
    .replace(/\u0624/g, '\u0648')
    .replace(/\u0626/g, '\u064A')
    .replace(/\u06A9/g, '\u0643')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/** Undoes leetspeak only in tokens that mix letters with digits or symbols ("k1ll", "su1c1de"), never in plain numbers. */
function unLeet(s: string): string {
  return s.replace(LEET_TOKEN, (tok) => (/[0-9@$]/.test(tok) ? tok.replace(/[0-9@$]/g, (c) => LEET_MAP[c] ?? c) : tok));
}

/**
 * The shared first stage for text and phrases: one line of lower-case letters, digits and single spaces, with
 * " | " at sentence ends and " , " at commas. Repeated letters are left alone here.
 */
function baseFold(text: string): string {
  let s = text.replace(BIDI, '').replace(INVISIBLE, '').replace(APOSTROPHES, '');
  s = s.normalize('NFKD').toLowerCase().replace(MARKS, '');
  s = foldArabic(s);
  s = s.replace(/\u00df/g, 'ss').replace(/\u00f8/g, 'o').replace(/\u00e6/g, 'ae').replace(/\u0131/g, 'i');
  s = unLeet(s);
  s = s.replace(SENTENCE_END, ' | ').replace(COMMA, ' , ').replace(NON_WORD, ' ').replace(SPACES, ' ').trim();
  return ` ${s} `;
}

// ---------------------------------------------------------------------------------------------------------------
// Spelling correction for a few long key words.

interface FuzzyTarget {
  word: string;
  /** Also corrects the start of a longer compound ("sjavmordstankar"). */
  prefix: boolean;
  maxEdits: number;
}

const FUZZY: readonly FuzzyTarget[] = FUZZY_WORDS.map((w) => {
  const prefix = w.endsWith('*');
  const word = baseFold(prefix ? w.slice(0, -1) : w).trim();
  return { word, prefix, maxEdits: word.length >= 9 ? 2 : 1 };
});
const FUZZY_EXACT = new Set(FUZZY.map((f) => f.word));

/** Optimal string alignment distance (edits and adjacent swaps), giving up early above `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

function correctToken(tok: string): string {
  if (tok.length < 5 || FUZZY_EXACT.has(tok)) return tok;
  for (const f of FUZZY) {
    if (tok[0] !== f.word[0]) continue;
    if (tok.startsWith(f.word)) {
      if (f.prefix || tok.length === f.word.length) return tok;
      continue;
    }
    if (editDistance(tok, f.word, f.maxEdits) <= f.maxEdits) return f.word;
    if (f.prefix && tok.length > f.word.length + 1) {
      // Only one edit inside a compound: with two, ordinary words slip in ("självmedkänsla" is two edits from "självmord").
      for (let len = f.word.length - 1; len <= f.word.length + 1; len++) {
        if (len < 4 || len >= tok.length) continue;
        if (editDistance(tok.slice(0, len), f.word, 1) <= 1) return f.word + tok.slice(len);
      }
    }
  }
  return tok;
}

const FUZZY_CANDIDATE = /(?<= )\p{L}{5,40}(?= )/gu;
const MAX_FUZZY_TOKENS = 5000;

function correctSpelling(s: string): string {
  if (FUZZY.length === 0) return s;
  let n = 0;
  return s.replace(FUZZY_CANDIDATE, (tok) => (++n > MAX_FUZZY_TOKENS ? tok : correctToken(tok)));
}

// ---------------------------------------------------------------------------------------------------------------
// Compiling the phrase lists.

/** `\b` in a phrase pattern means a word edge in any script (JavaScript's own `\b` only knows ASCII). */
const EDGE = '(?:(?<![\\p{L}\\p{N}])|(?![\\p{L}\\p{N}]))';
const ARABIC = /[\u0600-\u06FF]/;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function collapseSource(source: string): string {
  return source.replace(/(?<!\\)(\p{L})\1+/gu, '$1');
}

/** A plain phrase as a pattern source: whole words, a trailing `*` for a stem, Arabic "و/ف" and "ب/ل/ك + ال" allowed in front. */
function phraseSource(phrase: string): string {
  const stem = phrase.endsWith('*');
  const folded = baseFold(stem ? phrase.slice(0, -1) : phrase).trim();
  let body = escapeRe(folded);
  if (ARABIC.test(folded)) {
    body = folded.startsWith('\u0627\u0644')
      ? `(?:[\u0648\u0641])?(?:[\u0628\u0643]?\u0627\u0644|\u0644\u0644)${escapeRe(folded.slice(2))}`
      : `[\u0648\u0641]?${body}`;
  }
  return `\\b${body}${stem ? '' : '\\b'}`;
}

interface Rule {
  category: CrisisCategory;
  negatable: boolean;
  a: RegExp;
  b: RegExp | null;
  label: string;
}

function compile(phrase: Phrase, category: CrisisCategory, negatable: boolean): Rule {
  const source = typeof phrase === 'string' ? phraseSource(phrase) : phrase.source;
  const aSource = source.replace(/\\b/g, EDGE);
  const bSource = collapseSource(source).replace(/\\b/g, EDGE);
  return {
    category,
    negatable,
    a: new RegExp(aSource, 'gu'),
    b: bSource === aSource ? null : new RegExp(bSource, 'gu'),
    label: String(phrase),
  };
}

function buildRules(): Rule[] {
  const rules: Rule[] = [];
  for (const category of PRIORITY) {
    for (const lang of LANGS) {
      const set = PHRASES[lang][category];
      for (const p of set.absolute ?? []) rules.push(compile(p, category, false));
      for (const p of set.phrases) rules.push(compile(p, category, true));
    }
  }
  return rules;
}

const RULES: readonly Rule[] = buildRules();

const BENIGN_RULES: readonly { a: RegExp; b: RegExp }[] = LANGS.flatMap((lang) =>
  BENIGN[lang].map((re) => {
    const a = re.source.replace(/\\b/g, EDGE);
    return { a: new RegExp(a, 'gu'), b: new RegExp(collapseSource(re.source).replace(/\\b/g, EDGE), 'gu') };
  }),
);

/** Negation words with how many words back they reach, in both letter forms. */
const NEGATION_REACH = new Map<string, number>();
for (const lang of LANGS) {
  for (const [word, reach] of Object.entries(NEGATIONS[lang])) {
    const folded = baseFold(word).trim();
    NEGATION_REACH.set(folded.replace(TRIPLE, '$1'), reach);
    NEGATION_REACH.set(folded.replace(DOUBLE, '$1'), reach);
  }
}
const BREAKS = new Set(NEGATION_BREAKS.flatMap((w) => [baseFold(w).trim(), baseFold(w).trim().replace(DOUBLE, '$1')]));
const FILLERS = new Set(NEGATION_FILLERS.flatMap((w) => [baseFold(w).trim(), baseFold(w).trim().replace(DOUBLE, '$1')]));
/** Swedish puts "inte" after the verb in main clauses: "han slår mig inte". */
const AFTER_NEGATIONS = new Set(['inte', 'aldrig', 'ej', 'inge']);
const MAX_WINDOW = 4;

/** Whether a negation word in the same clause governs the match at [start, end). */
function isNegated(s: string, start: number, end: number): boolean {
  let i = start;
  let words = 0;
  while (words < MAX_WINDOW + 2 && i > 0) {
    while (i > 0 && s[i - 1] === ' ') i--;
    const stop = i;
    while (i > 0 && s[i - 1] !== ' ') i--;
    if (stop === i) break;
    const tok = s.slice(i, stop);
    if (tok === '|' || tok === ',' || BREAKS.has(tok)) break;
    if (FILLERS.has(tok)) continue;
    words++;
    const reach = NEGATION_REACH.get(tok);
    if (reach !== undefined && words <= reach) return true;
    if (words >= MAX_WINDOW) break;
  }
  const after = /^ ?([\p{L}]+)/u.exec(s.slice(end, end + 24));
  const next = after?.[1];
  if (next !== undefined && AFTER_NEGATIONS.has(next)) {
    const rest = s.slice(end).trimStart().slice(next.length).trimStart();
    if (!/^(bara|enbart|ens|forsta|sista)\b/.test(rest)) return true;
  }
  return false;
}

function firstLiveMatch(re: RegExp, s: string, negatable: boolean): boolean {
  re.lastIndex = 0;
  let guard = 0;
  for (let m = re.exec(s); m !== null && guard < 10000; m = re.exec(s), guard++) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    // The pattern may begin with a space-like edge; find the real start of the words.
    let start = m.index;
    while (s[start] === ' ') start++;
    if (!negatable || !isNegated(s, start, m.index + m[0].length)) return true;
  }
  return false;
}

function blankBenign(s: string, which: 'a' | 'b'): string {
  let out = s;
  for (const r of BENIGN_RULES) {
    const re = r[which];
    re.lastIndex = 0;
    out = out.replace(re, ' , ');
  }
  return out;
}

/** Both matching forms of a message (exported for tests and tools). */
export function normaliseForCrisis(text: string): { a: string; b: string } {
  const base = baseFold(text);
  const a0 = correctSpelling(base.replace(TRIPLE, '$1'));
  const b0 = a0.replace(DOUBLE, '$1');
  return { a: blankBenign(a0, 'a'), b: blankBenign(b0, 'b') };
}

/** Returns the crisis category a typed message signals, or null. Never throws. */
export function detectCrisis(text: string): CrisisHit | null {
  try {
    if (typeof text !== 'string' || text.length === 0) return null;
    const { a, b } = normaliseForCrisis(text);
    if (a.trim() === '' || a.replace(/[|, ]/g, '') === '') return null;
    for (const rule of RULES) {
      if (firstLiveMatch(rule.a, a, rule.negatable)) return { category: rule.category };
      if (rule.b && firstLiveMatch(rule.b, b, rule.negatable)) return { category: rule.category };
      if (!rule.b && b !== a && firstLiveMatch(rule.a, b, rule.negatable)) return { category: rule.category };
    }
    return null;
  } catch {
    // A detector that throws would take the whole turn down; failing quiet here is the lesser harm.
    return null;
  }
}

/** For tests and tuning: which rule fired. */
export function explainCrisis(text: string): { category: CrisisCategory; rule: string } | null {
  try {
    const { a, b } = normaliseForCrisis(text);
    for (const rule of RULES) {
      if (firstLiveMatch(rule.a, a, rule.negatable) || (rule.b ? firstLiveMatch(rule.b, b, rule.negatable) : firstLiveMatch(rule.a, b, rule.negatable))) {
        return { category: rule.category, rule: rule.label };
      }
    }
    return null;
  } catch {
    return null;
  }
}
