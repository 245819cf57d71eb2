import { stemmer as arabicStem } from '@orama/stemmers/arabic';
import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as swedishStem } from '@orama/stemmers/swedish';
import { arabicSkeleton, collapse, flatten, fold, type Token } from './normalise';

/**
 * Matching: which lexicon words each token of a message is (annotation), and where a rule's slots are found in
 * order within a few tokens of each other in one sentence (composition).
 *
 * A lexicon word is written as folded text (see `fold`), one or more words separated by spaces:
 * - `slå` matches the same word or any word with the same Snowball stem in the lexicon's language (slår, slog is
 *   not: irregular forms are listed);
 * - `=pappa` matches only that word (the stem would also be that of "papper");
 * - `självmord*` matches any word starting with it (compounds: självmordstankar);
 * - a trailing `~` also matches misspellings of a long word (one edit, two from nine letters), `*~` in compounds;
 * - a trailing `?` makes a word of a phrase optional ("take my own? life");
 * - Arabic words also match a Latin word with the same consonant skeleton when the message is Arabizi.
 */

export type Lang = 'sv' | 'en' | 'ar';
export const LANGS: readonly Lang[] = ['sv', 'en', 'ar'];

/** A language's words by role ("other", "hit", "victim", ...). */
export type Lexicon = Readonly<Record<string, readonly string[]>>;

const STEMMERS: Readonly<Record<Lang, (w: string) => string>> = { sv: swedishStem, en: englishStem, ar: arabicStem };
/**
 * Stems shorter than this say too little ("hem" is the stem of "hemlighet"); such words match as written. Arabic
 * stems are mostly three-letter roots and say enough.
 */
const MIN_STEM: Readonly<Record<Lang, number>> = { sv: 4, en: 4, ar: 3 };
const SHORT_SKELETON_ROLES = new Set(['want', 'die', 'of', 'ofHim', 'me', 'victim', 'selfObj', 'afraid', 'suicideWord', 'hit', 'kill']);

interface WordPattern {
  flat: string;
  stem: string | null;
  prefix: boolean;
  fuzzy: boolean;
  optional: boolean;
  skeleton: string | null;
}
interface Term {
  lang: Lang;
  role: string;
  words: readonly WordPattern[];
}
interface FuzzyTarget {
  word: string;
  prefix: boolean;
  maxEdits: number;
  term: Term;
}

function stemOf(lang: Lang, word: string): string {
  try {
    return STEMMERS[lang](word);
  } catch {
    return word;
  }
}

function parseWord(lang: Lang, raw: string): WordPattern {
  let w = raw;
  const optional = w.endsWith('?');
  if (optional) w = w.slice(0, -1);
  const fuzzy = w.endsWith('~');
  if (fuzzy) w = w.slice(0, -1);
  const prefix = w.endsWith('*');
  if (prefix) w = w.slice(0, -1);
  const exact = w.startsWith('=');
  w = w.replace(/^=+/, '');
  const text = collapse(fold(w));
  const stem = exact || prefix ? null : stemOf(lang, text);
  return {
    flat: flatten(text),
    stem: stem !== null && stem.length >= MIN_STEM[lang] ? stem : null,
    prefix,
    fuzzy,
    optional,
    skeleton: lang === 'ar' && !prefix ? arabicSkeleton(text) || null : null,
  };
}

/** Optimal string alignment distance (edits and adjacent swaps), giving up early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
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

/** The forms of a token that lexicon words are compared with, as written and with doubled letters collapsed. */
interface Form {
  text: string;
  flat: string;
}
const FORMS = new WeakMap<Token, Form[]>();
function formsOf(t: Token): Form[] {
  let forms = FORMS.get(t);
  if (!forms) {
    forms = [{ text: t.text, flat: t.flat }, ...t.alts.map((a) => ({ text: a, flat: flatten(a) }))];
    FORMS.set(t, forms);
  }
  return forms;
}

/** The lexicons of all languages, indexed by what a token can be looked up by. */
export class LexiconIndex {
  private readonly byKey = new Map<string, Term[]>();
  /** The lengths of the prefix words (självmord*), so that a token is looked up only by prefixes of those lengths. */
  private readonly prefixLengths = new Set<number>();
  private readonly fuzzy = new Map<string, FuzzyTarget[]>();
  /** Which roles each language has words for. */
  readonly roles = new Map<Lang, Set<string>>();

  constructor(lexicons: Readonly<Record<Lang, Lexicon>>) {
    for (const lang of LANGS) {
      const roles = new Set<string>();
      this.roles.set(lang, roles);
      for (const [role, entries] of Object.entries(lexicons[lang])) {
        if (entries.length > 0) roles.add(role);
        for (const entry of entries) this.add(lang, role, entry);
      }
    }
  }

  private add(lang: Lang, role: string, entry: string): void {
    const words = entry.trim().split(/\s+/).map((w) => parseWord(lang, w));
    const first = words[0];
    if (!first || first.flat === '' || first.optional) throw new Error(`lexicon ${lang}.${role}: bad entry "${entry}"`);
    const term: Term = { lang, role, words };
    const put = (key: string): void => {
      const list = this.byKey.get(key);
      if (list) list.push(term);
      else this.byKey.set(key, [term]);
    };
    // A phrase whose second word is matched only as written is found by its first two words: "my" alone starts
    // over a hundred phrases, "my money" a few.
    const second = words[1];
    const byPair = !first.prefix && !first.fuzzy && second !== undefined && !second.optional && !second.prefix && second.stem === null;
    if (byPair) {
      put(`2${first.flat} ${second.flat}`);
      if (first.stem) put(`2s${lang}${first.stem} ${second.flat}`);
    } else {
      put(first.prefix ? `p${first.flat}` : `x${first.flat}`);
      if (first.prefix) this.prefixLengths.add(first.flat.length);
      if (first.stem) put(`s${lang}${first.stem}`);
    }
    // Short skeletons match many Latin words: a one-letter one (ناوي) only starts a phrase whose rest must match too
    // (ما بدي عيش), a two-letter one only in the few roles where short words carry the meaning (بدي موت، خايفه منه).
    const skeletonFloor = words.length > 1 ? 1 : SHORT_SKELETON_ROLES.has(role) ? 2 : 3;
    if (first.skeleton && first.skeleton.length >= skeletonFloor) put(`k${first.skeleton}`);
    if (first.fuzzy && first.flat.length >= 5) {
      const target: FuzzyTarget = { word: first.flat, prefix: first.prefix, maxEdits: first.flat.length >= 9 ? 2 : 1, term };
      const key = first.flat[0] ?? '';
      const list = this.fuzzy.get(key);
      if (list) list.push(target);
      else this.fuzzy.set(key, [target]);
    }
  }

  /** Terms whose first word this token may be (exact, stem, prefix, skeleton or misspelling), `next` the token after. */
  private candidates(t: Token, next: Token | undefined, stems: StemCache): Set<Term> {
    const out = new Set<Term>();
    const take = (key: string): void => {
      const list = this.byKey.get(key);
      if (list) for (const term of list) out.add(term);
    };
    const nextFlats = next ? formsOf(next).map((f) => f.flat) : [];
    for (const { text, flat } of formsOf(t)) {
      take(`x${flat}`);
      for (const nf of nextFlats) take(`2${flat} ${nf}`);
      for (const len of this.prefixLengths) if (len <= flat.length) take(`p${flat.slice(0, len)}`);
      for (const lang of stemLangs(t)) {
        const stem = stems.get(lang, text);
        if (stem === null) continue;
        take(`s${lang}${stem}`);
        for (const nf of nextFlats) take(`2s${lang}${stem} ${nf}`);
      }
    }
    for (const sk of t.skeletons) if (sk !== '') take(`k${sk}`);
    if (t.script === 'latin' && t.flat.length >= 5) {
      for (const f of this.fuzzy.get(t.flat[0] ?? '') ?? []) if (fuzzyMatch(t.flat, f)) out.add(f.term);
    }
    return out;
  }

  /** Every lexicon word of the message: at each token, the roles that start there and how many tokens each spans. */
  annotate(tokens: readonly Token[]): Annotation {
    const stems = new StemCache();
    const at: Map<string, number[]>[] = tokens.map(() => new Map());
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!t) continue;
      // The word after, past a pronoun split off a verb (as `spans` reads it), in the same sentence.
      let j = i + 1;
      while (tokens[j]?.virtual) j++;
      const next = tokens[j]?.sentence === t.sentence ? tokens[j] : undefined;
      for (const term of this.candidates(t, next, stems)) {
        for (const len of spans(term, tokens, i, stems)) {
          const key = `${term.lang}.${term.role}`;
          const here = at[i];
          const lens = here?.get(key);
          if (!lens) here?.set(key, [len]);
          else if (!lens.includes(len)) lens.push(len);
        }
      }
    }
    return new Annotation(tokens, at);
  }
}

function stemLangs(t: Token): readonly Lang[] {
  return t.script === 'arabic' ? ['ar'] : t.script === 'latin' ? ['sv', 'en'] : [];
}

/** Stems of one message's words (a message repeats its words; nothing is kept across messages). */
class StemCache {
  private readonly cache = new Map<string, string | null>();
  /** Null for a word too short to have a stem the lexicons use. */
  get(lang: Lang, word: string): string | null {
    if (word.length < MIN_STEM[lang]) return null;
    const key = `${lang}${word}`;
    let s = this.cache.get(key);
    if (s === undefined) {
      s = stemOf(lang, word);
      if (s.length < MIN_STEM[lang]) s = null;
      this.cache.set(key, s);
    }
    return s;
  }
}

function fuzzyMatch(tok: string, f: FuzzyTarget): boolean {
  if (tok === f.word || (f.prefix && tok.startsWith(f.word))) return false; // found exactly already
  if (editDistance(tok, f.word, f.maxEdits) <= f.maxEdits) return true;
  if (!f.prefix || tok.length <= f.word.length + 1) return false;
  // Only one edit inside a compound: with two, ordinary words slip in ("självmedkänsla" is two from "självmord").
  for (let len = f.word.length - 1; len <= f.word.length + 1; len++) {
    if (len >= 4 && len < tok.length && editDistance(tok.slice(0, len), f.word, 1) <= 1) return true;
  }
  return false;
}

function wordMatches(p: WordPattern, lang: Lang, t: Token, stems: StemCache): boolean {
  for (const { text, flat } of formsOf(t)) {
    if (p.prefix ? flat.startsWith(p.flat) : flat === p.flat) return true;
    if (p.stem && stemLangs(t).includes(lang) && stems.get(lang, text) === p.stem) return true;
  }
  if (p.skeleton) for (const sk of t.skeletons) if (sk === p.skeleton) return true;
  return false;
}

/** How many tokens a term covers when its first word is at `i` (none, one or several lengths, optional words). */
function spans(term: Term, tokens: readonly Token[], i: number, stems: StemCache): number[] {
  const sentence = tokens[i]?.sentence;
  const out: number[] = [];
  const walk = (w: number, pos: number): void => {
    if (w === term.words.length) {
      out.push(pos - i);
      return;
    }
    const p = term.words[w];
    if (!p) return;
    if (p.optional) walk(w + 1, pos);
    const t = tokens[pos];
    if (!t || t.sentence !== sentence) return;
    if (wordMatches(p, term.lang, t, stems)) walk(w + 1, pos + 1);
    // A pronoun split off a verb (ضربني → ضرب + ني) does not break a phrase that goes on after the verb.
    else if (t.virtual) walk(w, pos + 1);
  };
  walk(1, i + 1);
  return out;
}

/** The lexicon words found in one message. */
export class Annotation {
  private readonly blanked: boolean[];
  readonly present = new Set<string>();

  constructor(
    readonly tokens: readonly Token[],
    private readonly at: Map<string, number[]>[],
  ) {
    // Idioms ("dö av skratt", "dying to", "بموت فيك") blank their words for every other role.
    this.blanked = tokens.map(() => false);
    at.forEach((roles, i) => {
      for (const [key, lens] of roles) {
        if (!key.endsWith('.benign')) continue;
        for (let k = i; k < i + Math.max(...lens); k++) this.blanked[k] = true;
      }
    });
    at.forEach((roles, i) => {
      for (const [key, lens] of roles) {
        if (key.endsWith('.benign')) continue;
        const kept = lens.filter((len) => !this.blanked.slice(i, i + len).some(Boolean));
        if (kept.length === 0) roles.delete(key);
        else {
          roles.set(key, kept);
          this.present.add(key);
        }
      }
    });
  }

  /** Lengths of the `role` words starting at token `i`. */
  lengths(key: string, i: number): readonly number[] {
    return this.at[i]?.get(key) ?? [];
  }

  /** Whether a `role` word starts anywhere in [from, to) within the sentence of token `sentenceOf`. */
  has(key: string, from: number, to: number, sentence?: number): boolean {
    for (let i = Math.max(0, from); i < Math.min(to, this.tokens.length); i++) {
      if (sentence !== undefined && this.tokens[i]?.sentence !== sentence) continue;
      if (this.lengths(key, i).length > 0) return true;
    }
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Composition.

export interface Slot {
  /** Any of these roles. */
  roles: readonly string[];
  /** `lang.role` for each of `roles`, as the annotation keys them (set by `findSlots`' callers once). */
  keys?: readonly string[];
  /** At most this many tokens between the end of the slot before and this one. */
  gap: number;
  optional: boolean;
}

export interface SlotMatch {
  role: string;
  start: number;
  length: number;
}

/**
 * Every way the slots occur in order in one sentence, each within its gap of the one before (an optional slot may
 * be missing). `accept` sees each candidate and says whether it counts; the first that counts is returned.
 */
export function findSlots(
  doc: Annotation,
  lang: Lang,
  slots: readonly Slot[],
  accept: (m: readonly SlotMatch[]) => boolean,
): SlotMatch[] | null {
  const n = doc.tokens.length;
  const acc: SlotMatch[] = [];
  let found: SlotMatch[] | null = null;
  let budget = 20000;
  const walk = (s: number, from: number, to: number, sentence: number | undefined): boolean => {
    if (--budget < 0) return false;
    if (s === slots.length) {
      if (acc.length > 0 && accept(acc)) {
        found = acc.slice();
        return true;
      }
      return false;
    }
    const slot = slots[s];
    if (!slot) return false;
    for (let i = from; i < Math.min(to, n); i++) {
      const t = doc.tokens[i];
      if (!t || (sentence !== undefined && t.sentence !== sentence)) continue;
      const keys = slot.keys ?? slot.roles.map((r) => `${lang}.${r}`);
      for (let r = 0; r < keys.length; r++) {
        const role = slot.roles[r] ?? '';
        for (const len of doc.lengths(keys[r] ?? '', i)) {
          acc.push({ role, start: i, length: len });
          const next = slots[s + 1];
          const end = i + len;
          if (walk(s + 1, end, next ? end + next.gap + 1 : end, t.sentence)) return true;
          acc.pop();
        }
      }
    }
    if (slot.optional) {
      const next = slots[s + 1];
      // Skipping this slot: the next one may start where this one could have.
      return walk(s + 1, from, acc.length === 0 ? n : next ? to + next.gap : to, sentence);
    }
    return false;
  };
  walk(0, 0, n, undefined);
  return found;
}
