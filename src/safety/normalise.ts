/**
 * Normalisation for crisis detection: a typed message becomes a list of folded tokens, grouped in sentences and
 * clauses. Pure and language-agnostic: the same tokens feed the Swedish, English and Arabic lexicons.
 *
 * - Bidi, control and zero-width characters go without a trace (they cannot split a word); apostrophes are dropped
 *   ("don't" → "dont"); the text is NFKD-folded and lower-cased and its combining marks removed, so å/ä/ö → a/a/o,
 *   é → e, full-width letters become plain ones and Arabic harakat and shadda go.
 * - Arabic letter variants are unified (أ/إ/آ → ا, ة → ه, ى → ي, ؤ → و, ئ → ي), tatweel removed, Arabic digits → 0–9.
 * - Runs of three or more equal letters collapse to one ("diiiie", "موووت"); `flat` also collapses doubles.
 * - A Latin token mixing letters and digits gets two readings: leetspeak undone ("su1c1de") and, for Arabic typed in
 *   Latin letters ("5ayfe", "inti7ar"), a consonant skeleton that is compared with the skeletons of Arabic words.
 * - An Arabic word ending in the object pronoun ني ("ضربني", "he hit me") is also split into the verb and a pronoun
 *   token, so that "hit" + "me" compose as they do in Swedish and English.
 */

export type Script = 'latin' | 'arabic' | 'other';

export interface Token {
  /** Folded, runs of 3+ equal letters collapsed. */
  text: string;
  /** `text` with every doubled letter collapsed too ("slaar" → "slar"). */
  flat: string;
  /** Further readings of the same word: leetspeak undone, a leading و/ف taken off, a pronoun split off. */
  alts: readonly string[];
  script: Script;
  /** Consonant skeletons of a Latin word in a message written as Arabizi, compared with those of Arabic words. */
  skeletons: readonly string[];
  sentence: number;
  clause: number;
  /** A pronoun split off the word before it (ني of ضربني). */
  virtual?: boolean;
}

/** The detector reads at most this many characters: the chat refuses longer messages before detection runs. */
export const MAX_CHARS = 2000;

const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
/** C0/C1 controls (but tab and newline), soft hyphen, zero-width characters, BOM. */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/g;
const APOSTROPHES = /['\u2018\u2019\u201B\u0060\u00B4\u02BC\u02B9]/g;
const MARKS = /\p{M}+/gu;
const SENTENCE_END = /[.!?;\n\r\t\u061F\u061B\u06D4\u2026\u3002\u00A1\u00BF\u2022|]+/;
const COMMA = /[,\u060C\u201A\u3001:()"\u201C\u201D\u00AB\u00BB]+/;
const WORD = /[\p{L}\p{N}@$]+/gu;
const ARABIC = /[\u0600-\u06FF]/;
const LATIN = /[a-z]/;
const TRIPLE = /(.)\1{2,}/gu;
const DOUBLE = /(.)\1+/gu;
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

function foldArabic(s: string): string {
  if (!ARABIC.test(s)) return s;
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

/** The folding shared by messages and lexicon words: one string of lower-case letters, digits and separators. */
export function fold(text: string): string {
  let s = text.replace(BIDI, '').replace(INVISIBLE, '').replace(APOSTROPHES, '');
  s = s.normalize('NFKD').toLowerCase().replace(MARKS, '');
  s = foldArabic(s);
  return s.replace(/\u00df/g, 'ss').replace(/\u00f8/g, 'o').replace(/\u00e6/g, 'ae').replace(/\u0131/g, 'i');
}

export function collapse(word: string): string {
  return word.replace(TRIPLE, '$1');
}
export function flatten(word: string): string {
  return word.replace(DOUBLE, '$1');
}

// ---------------------------------------------------------------------------------------------------------------
// Arabic in Latin letters (Arabizi): 3 = ع, 7 = ح, 5 = خ, 2 = ء/ق, 8 and 9 = ق, 6 = ط. Short vowels are not written in
// Arabic script and written at will in Latin letters, so both are compared as consonant skeletons.

/**
 * Arabic letters to a skeleton class. Letters that are vowels or nearly so (ا و ي ء) are left out, but ع is kept (it
 * is what the digit 3 is for) and so is a word's first ي (the present tense: يقتلني ≠ قتلني).
 */
const AR_SKELETON: Readonly<Record<string, string>> = {
  '\u0628': 'b', '\u062A': 't', '\u062B': 't', '\u062C': 'j', '\u062D': 'h', '\u062E': 'x', '\u062F': 'd', '\u0630': 'd',
  '\u0631': 'r', '\u0632': 'z', '\u0633': 's', '\u0634': 'c', '\u0635': 's', '\u0636': 'd', '\u0637': 't', '\u0638': 'd',
  '\u063A': 'g', '\u0639': '3', '\u0641': 'f', '\u0642': 'q', '\u0643': 'k', '\u0644': 'l', '\u0645': 'm', '\u0646': 'n', '\u0647': 'h',
  '\u06AF': 'j', '\u067E': 'b', '\u0686': 'c',
};
/** Latin digraphs first, then single letters and digits, to the same classes. */
const LATIN_DIGRAPHS: readonly [string, string][] = [['kh', 'X'], ['sh', 'C'], ['ch', 'C'], ['gh', 'G'], ['th', 'T'], ['dh', 'D'], ['ou', ''], ['ee', ''], ['oo', '']];
const LATIN_SKELETON: Readonly<Record<string, string>> = {
  Y: 'y', X: 'x', C: 'c', G: 'g', T: 't', D: 'd', b: 'b', p: 'b', t: 't', '6': 't', j: 'j', g: 'j', h: 'h', '7': 'h', x: 'x', '5': 'x', d: 'd', r: 'r', z: 'z', s: 's', c: 'k',
  f: 'f', v: 'f', q: 'q', '2': 'q', '8': 'q', '9': 'q', k: 'k', l: 'l', m: 'm', n: 'n', '3': '3',
};

function squeeze(s: string): string {
  return s.replace(DOUBLE, '$1').replace(/h$/, '');
}

export function arabicSkeleton(word: string): string {
  let out = word.startsWith('\u064A') ? 'y' : '';
  for (const ch of word) out += AR_SKELETON[ch] ?? '';
  return squeeze(out);
}

export function latinSkeleton(word: string): string {
  let s = word.startsWith('y') ? `Y${word.slice(1)}` : word;
  for (const [from, to] of LATIN_DIGRAPHS) s = s.split(from).join(to);
  let out = '';
  for (const ch of s) out += LATIN_SKELETON[ch] ?? '';
  return squeeze(out);
}

/** Words that mark a message as Arabic typed in Latin letters even without a digit in it. */
const ARABIZI_MARKERS = new Set([
  'ana', 'enta', 'inta', 'anta', 'enti', 'inti', 'bdi', 'bidi', 'badi', 'bade', 'biddi', 'beddi', 'baddi', 'bedi', 'abgha',
  'abga', 'ayez', 'ayza', 'mish', 'msh', 'mesh', 'mosh', 'mafi', 'kteer', 'ktir', 'ktiir', 'wallah', 'walla', 'wallahi',
  'yalla', 'inno', 'enno', 'ino', 'inni', 'lesh', 'leish', 'shu', 'shou', 'shoo', 'habibi', 'zawji', 'jozi', 'abouy', 'abuya',
  'abuy', 'howe', 'huwe', 'hiye', 'bido', 'bidu', 'badou', 'badu', 'biddo', 'mnu', 'mno', 'minno',
  'bfakker', 'bfakir', 'afakker', 'ma3', 'halla', 'hal2', 'kaman', 'heik', 'mout', 'amot', 'amoot',
]);
const ARABIZI_DIGIT = /[a-z][2356789]|[2356789][a-z]/;

/** Whether a message's Latin words should also be read as Arabic. */
function looksArabizi(words: readonly string[]): boolean {
  let markers = 0;
  for (const w of words) {
    if (!LATIN.test(w)) continue;
    if (ARABIZI_DIGIT.test(w) && !/^[0-9]+(st|nd|rd|th|am|pm|h|min|x)$/.test(w)) return true;
    if (ARABIZI_MARKERS.has(w)) markers++;
  }
  return markers > 0;
}

/** Leetspeak undone in a token that mixes letters with digits ("k1ll", "su1c1de"); plain numbers stay. */
function unLeet(w: string): string | null {
  if (!/[0-9@$]/.test(w) || !/\p{L}/u.test(w)) return null;
  return w.replace(/[0-9@$]/g, (c) => LEET[c] ?? c);
}

/** The object pronoun "me" as a token of its own. */
export const AR_PRONOUN_ME = '\u0646\u064A'; // ني
/** Common words that end in ني without being a verb with "me". */
const NOT_ME = new Set(['\u064A\u0639\u0646\u064A', '\u062B\u0627\u0646\u064A', '\u062A\u0627\u0646\u064A', '\u0627\u063A\u0627\u0646\u064A', '\u0645\u0639\u0627\u0646\u064A', '\u062B\u0648\u0627\u0646\u064A', '\u0627\u0645\u0627\u0646\u064A']);
const LATIN_ME = /^([a-z0-9]{3,}?)(ni|ny|nee)$/;

/**
 * The readings of an Arabic word with a clitic taken off its front: و/ف ("and", "so"), ب/ل/ك ("with", "for", "like")
 * the spoken ع ("on") before ال, and هال ("this") read as ال. The Snowball stemmer takes some of these off too, but not in every word.
 */
function arabicAlts(w: string): string[] {
  const out: string[] = [];
  let rest = w;
  if (rest.length >= 4 && (rest.startsWith('\u0648') || rest.startsWith('\u0641'))) {
    rest = rest.slice(1);
    out.push(rest);
  }
  // The spoken demonstrative هال ("this") stands where the article would: هالحياة is الحياة.
  if (rest.length >= 5 && rest.startsWith('\u0647\u0627\u0644')) out.push(`\u0627\u0644${rest.slice(3)}`);
  if (rest.length >= 5 && /^[\u0628\u0644\u0643\u0639]\u0627\u0644/.test(rest)) out.push(rest.slice(1));
  else if (rest.length >= 5 && rest.startsWith('\u0644\u0644')) out.push(`\u0627${rest.slice(1)}`);
  else if (rest.length >= 4 && /^[\u0628\u0644]/.test(rest)) out.push(rest.slice(1));
  return out;
}

export interface Normalised {
  tokens: Token[];
  /** True when Latin words are also read as Arabic. */
  arabizi: boolean;
}

/** Long input is cut to its first and last MAX_CHARS / 2 characters; the work per message stays bounded. */
function cap(text: string): string {
  if (text.length <= MAX_CHARS) return text;
  return `${text.slice(0, MAX_CHARS / 2)}\n${text.slice(-MAX_CHARS / 2)}`;
}

export function normalise(input: string): Normalised {
  const text = fold(cap(input));
  const tokens: Token[] = [];
  const raw: { word: string; sentence: number; clause: number }[] = [];
  let clause = 0;
  text.split(SENTENCE_END).forEach((sentenceText, sentence) => {
    for (const part of sentenceText.split(COMMA)) {
      for (const m of part.matchAll(WORD)) raw.push({ word: m[0], sentence, clause });
      clause++;
    }
  });
  const arabizi = looksArabizi(raw.map((r) => r.word));
  for (const { word, sentence, clause: c } of raw) {
    const t = collapse(word);
    const script: Script = ARABIC.test(t) ? 'arabic' : LATIN.test(t) ? 'latin' : 'other';
    const alts: string[] = [];
    const skeletons: string[] = [];
    // ني at the end of a verb is "me" ("ضربني", "darabni"): the verb is read without it and "me" follows as a token.
    let me: string | null = null;
    if (script === 'latin') {
      const leet = unLeet(t);
      if (leet !== null && leet !== t) alts.push(collapse(leet));
      // A Latin word is also read as Arabic in an Arabizi message, or when it looks like an Arabic verb with
      // "me" ("darabni") or holds an Arabizi digit ("5ayfe").
      if (arabizi || ARABIZI_DIGIT.test(t) || LATIN_ME.test(t)) {
        skeletons.push(latinSkeleton(t));
        me = LATIN_ME.exec(t)?.[1] ?? null;
        if (me !== null) skeletons.push(latinSkeleton(me));
      }
    } else if (script === 'arabic') {
      alts.push(...arabicAlts(t));
      if (t.length >= 4 && t.endsWith(AR_PRONOUN_ME) && !NOT_ME.has(t)) {
        me = t.slice(0, -2);
        alts.push(me, ...arabicAlts(me));
      }
    }
    tokens.push({ text: t, flat: flatten(t), alts, script, skeletons, sentence, clause: c });
    if (me !== null) tokens.push({ text: AR_PRONOUN_ME, flat: AR_PRONOUN_ME, alts: [], script: 'arabic', skeletons: ['n'], sentence, clause: c, virtual: true });
  }
  return { tokens, arabizi };
}

