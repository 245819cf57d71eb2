import { collapse, flatten, fold, type Token } from './normalise';
import type { SlotMatch } from './match';

/**
 * Negation in the clause: "I would never hurt myself", "han har aldrig slagit mig", "ما فكرت بالانتحار",
 * "han slår mig inte". A match is negated when a negation word stands before it in the same clause within its reach,
 * or between its slots (not inside a lexicon word: "vill inte leva" carries its own negation), or, in Swedish and
 * Arabic, right after it ("han slår mig inte", "ما ضربني ابدا"), unless "only" follows ("inte bara").
 * Past-and-safe is not read: "he hit me once, years ago" still counts.
 */

/** Negation words and how many words back they reach. */
const NEGATIONS: Readonly<Record<string, number>> = {
  // sv
  inte: 3, int: 3, inge: 3, aldrig: 4, ej: 3, inga: 2, ingen: 2, inget: 2, icke: 2, knappast: 2,
  // en
  not: 3, never: 4, dont: 3, didnt: 3, wouldnt: 3, wont: 3, cant: 3, no: 1, doesnt: 3, isnt: 2, arent: 2, hasnt: 3,
  havent: 3, wasnt: 2, werent: 2, shouldnt: 3, couldnt: 3, nor: 2, neither: 2, nt: 3, nothing: 1, nobody: 1, noone: 1,
  // ar
  'لا': 3, 'لم': 3, 'لن': 3, 'ما': 2, 'مش': 3, 'ليس': 3, 'مو': 3, 'مب': 2, 'مستحيل': 3, 'ماني': 2, 'لست': 3, 'ولا': 2,
  'موش': 3, 'مافي': 2, 'ابدا': 3, 'مانيش': 2,
  // Arabic in Latin letters
  ma: 2, mish: 3, msh: 3, mesh: 3, mush: 3, mosh: 3, mu: 3, la2: 3,
};
/** Words skipped when counting how far back a negation reaches: "I have never ever", "ما عمري فكرت". */
const FILLERS = new Set(
  ['ever', 'really', 'once', 'even', 'actually', 'seriously', 'honestly', 'literally', 'personally', 'nagonsin', 'nansin',
    'ens', 'verkligen', 'faktiskt', 'riktigt', 'عمري', 'عمرو', 'عمره', 'عمرها', 'بحياتي', 'اصلا'].map(norm),
);
/** Words that undo a negation before them: "I can't stop thinking about killing myself". */
const CANCELS = new Set(['stop', 'stopping', 'help', 'wait', 'sluta', 'slutar', 'lata', 'bli', 'وقف', 'اوقف', 'بطل', 'اتوقف'].map(norm));
/** Negations that follow what they negate. */
const AFTER = new Set(['inte', 'aldrig', 'ej', 'ابدا', 'بتاتا', 'never'].map(norm));
/** "han slår mig inte bara, han hotar mig också": not negated. */
const ONLY = new Set(['bara', 'enbart', 'ens', 'forsta', 'sista', 'only', 'just', 'بس', 'فقط'].map(norm));

/** "I don't know how I'll cope", "jag vet inte hur jag ska orka": the negation is of knowing, not of what follows. */
const KNOW = new Set(['vet', 'know', 'knew', 'sure', 'understand', 'forstar', 'begriper', 'بعرف', 'عارف', 'عارفه', 'اعرف', 'بفهم', 'ادري', 'بدري'].map(norm));

function norm(w: string): string {
  return flatten(collapse(fold(w)));
}
const NEG = new Map(Object.entries(NEGATIONS).map(([w, r]) => [norm(w), r]));

function isNegation(t: Token | undefined): number | undefined {
  return t ? NEG.get(t.flat) : undefined;
}

/** Whether a negation in the clause governs the match. */
export function isNegated(tokens: readonly Token[], match: readonly SlotMatch[]): boolean {
  const first = match[0];
  const last = match[match.length - 1];
  if (!first || !last) return false;
  const start = first.start;
  const end = last.start + last.length;
  const clause = tokens[start]?.clause;
  // Inside the match, between its words.
  const covered = new Set<number>();
  for (const m of match) for (let k = m.start; k < m.start + m.length; k++) covered.add(k);
  for (let k = start; k < end; k++) {
    if (!covered.has(k) && isNegation(tokens[k]) !== undefined && !ONLY.has(tokens[k + 1]?.flat ?? '')) return true;
  }
  // Before it, in the same clause.
  let words = 0;
  for (let k = start - 1; k >= 0 && words < 6; k--) {
    const t = tokens[k];
    if (!t || t.clause !== clause) break;
    if (FILLERS.has(t.flat)) continue;
    words++;
    if (CANCELS.has(t.flat)) break;
    const reach = isNegation(t);
    const after = tokens[k + 1]?.flat ?? '';
    const knowing = KNOW.has(after) || KNOW.has(tokens[k - 1]?.flat ?? '');
    if (reach !== undefined && words <= reach && !ONLY.has(after) && !knowing) return true;
  }
  // Right after it.
  const next = tokens[end];
  if (next && next.clause === clause && AFTER.has(next.flat) && !ONLY.has(tokens[end + 1]?.flat ?? '')) return true;
  return false;
}
