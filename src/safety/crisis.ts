import { AR } from './lexicon/ar';
import { EN } from './lexicon/en';
import { SV } from './lexicon/sv';
import { findSlots, LANGS, LexiconIndex, type Annotation, type Lang, type Slot, type SlotMatch } from './match';
import { isNegated } from './negation';
import { normalise } from './normalise';
import { RULES, type RuleSpec } from './rules';
import { levelOf, type CrisisCategory, type CrisisHit, type CrisisLevel } from './types';

/**
 * Crisis detection: runs on every typed message before the chat flow sees it. Pure, no I/O, never throws.
 *
 * The message is normalised into tokens (normalise.ts); every token is looked up in the Swedish, English and Arabic
 * lexicons (lexicon/*.ts: who, what, against whom, wishes, means, states), by word, Snowball stem, prefix, consonant
 * skeleton (Arabic in Latin letters) or misspelling (match.ts); then the rules (rules.ts) look for their roles in
 * order within a few tokens of each other in one sentence, and a negation in the clause undoes a match
 * (negation.ts). Acute rules come before concern rules, and within a level the most specific and urgent category
 * first, so the first rule that matches is the answer.
 */

const CATEGORY_ORDER: readonly CrisisCategory[] = [
  'suicide', 'self-harm', 'abuse', 'child-danger', 'violence', 'secrecy', 'control', 'fear', 'hopelessness',
];
const NEAR = 3;
const DEFAULT_GAP = 2;

interface Rule {
  spec: RuleSpec;
  lang: Lang;
  level: CrisisLevel;
  slots: readonly Slot[];
}

function parseSlot(raw: string): Slot {
  const m = /^([A-Za-z|]+)(\?)?(?:\/(\d+))?$/.exec(raw);
  if (!m || !m[1]) throw new Error(`rule slot "${raw}"`);
  return { roles: m[1].split('|'), optional: m[2] === '?', gap: m[3] === undefined ? DEFAULT_GAP : Number(m[3]) };
}

const INDEX = new LexiconIndex({ sv: SV, en: EN, ar: AR });

function compile(): Rule[] {
  const out: Rule[] = [];
  for (const spec of RULES) {
    for (const lang of spec.langs ?? LANGS) {
      const roles = INDEX.roles.get(lang) ?? new Set<string>();
      const slots = spec.slots.map(parseSlot).map((s) => ({ ...s, roles: s.roles.filter((r) => roles.has(r)) }));
      if (slots.some((s) => !s.optional && s.roles.length === 0)) continue;
      const kept = slots.filter((s) => s.roles.length > 0 || !s.optional).map((s) => ({ ...s, keys: s.roles.map((r) => `${lang}.${r}`) }));
      out.push({ spec, lang, level: levelOf(spec.category), slots: kept });
    }
  }
  // Stable: within a category, the order of RULES.
  return out.sort((a, b) => CATEGORY_ORDER.indexOf(a.spec.category) - CATEGORY_ORDER.indexOf(b.spec.category));
}

const COMPILED = compile();

/** Whether a word of one of `roles`, in any language's lexicon, starts in [from, to). */
function anyRole(doc: Annotation, _lang: Lang, roles: readonly string[] | undefined, from: number, to: number, sentence?: number): boolean {
  return (roles ?? []).some((role) => LANGS.some((l) => doc.has(`${l}.${role}`, from, to, sentence)));
}

function clauseHas(doc: Annotation, lang: Lang, roles: readonly string[], clause: number | undefined): boolean {
  let from = -1;
  let to = -1;
  doc.tokens.forEach((t, i) => {
    if (t.clause !== clause) return;
    if (from < 0) from = i;
    to = i + 1;
  });
  return from >= 0 && anyRole(doc, lang, roles, from, to);
}

/** Whether the token at `end` is past the end of the clause of the token before it. */
function endsClause(doc: Annotation, end: number): boolean {
  const next = doc.tokens[end];
  return next === undefined || next.clause !== doc.tokens[end - 1]?.clause;
}

/** A word of `roles` in the gaps between the slots of a match. */
function between(doc: Annotation, lang: Lang, roles: readonly string[], m: readonly SlotMatch[]): boolean {
  for (let k = 1; k < m.length; k++) {
    const prev = m[k - 1];
    const cur = m[k];
    if (prev && cur && anyRole(doc, lang, roles, prev.start + prev.length, cur.start)) return true;
  }
  return false;
}

function accepts(rule: Rule, doc: Annotation, m: readonly SlotMatch[]): boolean {
  const first = m[0];
  const last = m[m.length - 1];
  if (!first || !last) return false;
  const start = first.start;
  let end = last.start + last.length;
  // A pronoun split off the match's last word (فيني → في + ني) is part of it, not the word after it.
  while (doc.tokens[end]?.virtual) end++;
  const sentence = doc.tokens[start]?.sentence;
  const near = rule.spec.near ?? NEAR;
  const { spec, lang } = rule;
  if (anyRole(doc, lang, spec.notBefore, start - near, start, sentence)) return false;
  if (anyRole(doc, lang, spec.notAfter, end, end + near, sentence)) return false;
  if (anyRole(doc, lang, spec.notInSentence, 0, doc.tokens.length, sentence)) return false;
  if (spec.notInClause && clauseHas(doc, lang, spec.notInClause, doc.tokens[start]?.clause)) return false;
  if (spec.notBetween && between(doc, lang, spec.notBetween, m)) return false;
  if (spec.needInMessage && !anyRole(doc, lang, spec.needInMessage, 0, doc.tokens.length)) return false;
  if (spec.endOrBefore && !endsClause(doc, end) && !anyRole(doc, lang, spec.endOrBefore, end, end + 1, sentence)) return false;
  return spec.absolute === true || !isNegated(doc.tokens, m);
}

interface Found {
  rule: Rule;
  match: SlotMatch[];
  doc: Annotation;
}

function find(text: string): Found | null {
  const { tokens } = normalise(text);
  if (tokens.length === 0) return null;
  const doc = INDEX.annotate(tokens);
  if (doc.present.size === 0) return null;
  for (const rule of COMPILED) {
    // Every slot that must be there needs one of its roles somewhere in the message.
    if (!rule.slots.every((s) => s.optional || (s.keys ?? []).some((k) => doc.present.has(k)))) continue;
    const match = findSlots(doc, rule.lang, rule.slots, (m) => accepts(rule, doc, m));
    if (match) return { rule, match, doc };
  }
  return null;
}

/** The crisis a typed message signals (level, category and the rule's name), or null. Never throws. */
export function detectCrisis(text: string): CrisisHit | null {
  try {
    if (typeof text !== 'string' || text.length === 0) return null;
    const found = find(text);
    return found ? { level: found.rule.level, category: found.rule.spec.category, rule: found.rule.spec.name } : null;
  } catch {
    // A detector that throws would take the whole turn down; failing quiet here is the lesser harm.
    return null;
  }
}

export interface CrisisExplanation extends CrisisHit {
  lang: Lang;
  /** Each slot's role and the folded tokens that filled it. */
  matched: { role: string; tokens: string[] }[];
}

/** For tests and tuning: the rule that fired, in which language's lexicon, and the tokens of each slot. */
export function explainCrisis(text: string): CrisisExplanation | null {
  try {
    if (typeof text !== 'string' || text.length === 0) return null;
    const found = find(text);
    if (!found) return null;
    const { rule, match, doc } = found;
    return {
      level: rule.level,
      category: rule.spec.category,
      rule: rule.spec.name,
      lang: rule.lang,
      matched: match.map((m) => ({ role: m.role, tokens: doc.tokens.slice(m.start, m.start + m.length).map((t) => t.text) })),
    };
  } catch {
    return null;
  }
}

/** For tests: the folded tokens of a message. */
export function tokensForCrisis(text: string): string[] {
  return normalise(text).tokens.map((t) => t.text);
}
