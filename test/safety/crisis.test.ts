import type { CrisisCategory } from '../../src/dialogue/core';
import { detectCrisis, explainCrisis, literalNeeds, normaliseForCrisis } from '../../src/safety/crisis';
import { BENIGN, PHRASES } from '../../src/safety/phrases';
import { CRISIS_SET, type CrisisCase } from './crisis-set';

type Lang = CrisisCase['lang'];
const LANGS: readonly Lang[] = ['sv', 'en', 'ar'];
const CATEGORIES: readonly CrisisCategory[] = ['suicide', 'self-harm', 'violence', 'child-danger', 'abuse'];

interface LangScore {
  positives: number;
  detected: number;
  rightCategory: number;
  negatives: number;
  falseAlarms: number;
  recall: number;
  falseAlarmRate: number;
  categoryAccuracy: number;
  misses: string[];
  alarms: string[];
  wrongCategory: string[];
}

function score(lang: Lang): LangScore {
  const cases = CRISIS_SET.filter((c) => c.lang === lang);
  const s: LangScore = {
    positives: 0, detected: 0, rightCategory: 0, negatives: 0, falseAlarms: 0,
    recall: 0, falseAlarmRate: 0, categoryAccuracy: 0, misses: [], alarms: [], wrongCategory: [],
  };
  for (const c of cases) {
    const hit = detectCrisis(c.text);
    if (c.expect === null) {
      s.negatives++;
      if (hit) {
        s.falseAlarms++;
        s.alarms.push(`${c.text}  ->  ${hit.category} (${explainCrisis(c.text)?.rule ?? '?'})`);
      }
      continue;
    }
    s.positives++;
    if (!hit) {
      s.misses.push(`${c.text}  (want ${c.expect})`);
      continue;
    }
    s.detected++;
    if (hit.category === c.expect) s.rightCategory++;
    else s.wrongCategory.push(`${c.text}  ->  ${hit.category}, want ${c.expect} (${explainCrisis(c.text)?.rule ?? '?'})`);
  }
  s.recall = s.positives === 0 ? 1 : s.detected / s.positives;
  s.falseAlarmRate = s.negatives === 0 ? 0 : s.falseAlarms / s.negatives;
  s.categoryAccuracy = s.detected === 0 ? 1 : s.rightCategory / s.detected;
  return s;
}

const SCORES = new Map<Lang, LangScore>(LANGS.map((l) => [l, score(l)]));

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`.padStart(7);
}

beforeAll(() => {
  const rows = [
    'lang  positives  recall   negatives  false alarms  category acc.',
    ...LANGS.map((l) => {
      const s = SCORES.get(l) as LangScore;
      return [
        l.padEnd(4),
        String(s.positives).padStart(9),
        pct(s.recall),
        String(s.negatives).padStart(11),
        `${pct(s.falseAlarmRate)} (${s.falseAlarms})`.padStart(13),
        pct(s.categoryAccuracy).padStart(14),
      ].join('  ');
    }),
  ];
  const details = LANGS.flatMap((l) => {
    const s = SCORES.get(l) as LangScore;
    return [
      ...s.misses.map((m) => `  [${l}] missed: ${m}`),
      ...s.alarms.map((m) => `  [${l}] false alarm: ${m}`),
      ...s.wrongCategory.map((m) => `  [${l}] category: ${m}`),
    ];
  });
  console.log(['Crisis detection on the labelled set', ...rows, ...(details.length ? ['', ...details] : [])].join('\n'));
});

describe('the labelled set', () => {
  test('has at least 70 phrases per language, 40 positives over all five categories and 30 look-alike negatives', () => {
    for (const lang of LANGS) {
      const cases = CRISIS_SET.filter((c) => c.lang === lang);
      expect(cases.length).toBeGreaterThanOrEqual(70);
      expect(cases.filter((c) => c.expect !== null).length).toBeGreaterThanOrEqual(40);
      expect(cases.filter((c) => c.expect === null).length).toBeGreaterThanOrEqual(30);
      for (const category of CATEGORIES) {
        expect(cases.filter((c) => c.expect === category).length).toBeGreaterThanOrEqual(5);
      }
    }
  });

  test('has no duplicate texts', () => {
    const seen = new Set<string>();
    const dupes = CRISIS_SET.filter((c) => (seen.has(c.text) ? true : (seen.add(c.text), false))).map((c) => c.text);
    expect(dupes).toEqual([]);
  });
});

describe.each(LANGS)('detection quality, %s', (lang) => {
  const s = (): LangScore => SCORES.get(lang) as LangScore;
  test('recall >= 0.95', () => {
    expect(s().recall).toBeGreaterThanOrEqual(0.95);
  });
  test('false-alarm rate <= 0.05', () => {
    expect(s().falseAlarmRate).toBeLessThanOrEqual(0.05);
  });
  test('category accuracy >= 0.85', () => {
    expect(s().categoryAccuracy).toBeGreaterThanOrEqual(0.85);
  });
});

describe('the cases named in the brief', () => {
  test.each([
    'jag hatar honom just nu',
    "I'm so angry I could scream",
    'vi bråkar om helger',
    'the film was killing me',
    'I could kill for a coffee',
    'han slog i huvudet på bordet',
    'he hit the ball',
    'I would never hurt myself',
    'jag har aldrig tänkt på självmord',
  ])('no alarm: %s', (text) => {
    expect(detectCrisis(text)).toBeNull();
  });

  test.each<[string, CrisisCategory]>([
    ['han sa att han ska döda mig', 'violence'],
    ['he threatened to hurt me and take the kids', 'violence'],
    ['هددني بالقتل', 'violence'],
    ['jag vill inte leva längre', 'suicide'],
    ["I don't want to be here anymore", 'suicide'],
    ['لا أريد أن أعيش', 'suicide'],
  ])('alarm: %s', (text, category) => {
    expect(detectCrisis(text)).toMatchObject({ level: 'acute', category });
  });
});

describe('negation', () => {
  test.each([
    'jag har aldrig tänkt på självmord',
    'jag har aldrig någonsin tänkt på självmord',
    'jag skulle aldrig skada mig själv',
    'han har inte slagit mig',
    'han slår mig inte',
    'hon har aldrig varit våldsam mot barnen',
    'I would never hurt myself',
    "I'm not suicidal",
    'I have never once thought about killing myself',
    "he doesn't hit the kids",
    'لن أؤذي نفسي أبدا',
    'ما عمري فكرت اقتل نفسي',
    'ما فكرت بالانتحار',
    'هو ابدا ما ضرب الاولاد',
  ])('negated, no alarm: %s', (text) => {
    expect(detectCrisis(text)).toBeNull();
  });

  test.each<[string, CrisisCategory]>([
    ['jag vill inte leva', 'suicide'],
    ['jag orkar inte mer, jag vill dö', 'suicide'],
    ['jag vet inte varför men jag tänker på självmord', 'suicide'],
    ['han slår mig inte bara, han hotar mig också', 'violence'],
    ["I don't know what to do. I want to kill myself", 'suicide'],
    ["I'm not okay, I want to die", 'suicide'],
    ['no one would care if I killed myself', 'suicide'],
    ['ما بدي عيش', 'suicide'],
    ['ما بعرف شو اعمل، بدي موت', 'suicide'],
    ['لا أريد أن أعيش', 'suicide'],
  ])('a negation elsewhere or inside the phrase still alarms: %s', (text, category) => {
    expect(detectCrisis(text)?.category).toBe(category);
  });
});

describe('hostile input', () => {
  const run = (text: string) => () => detectCrisis(text);

  test('never throws on odd values', () => {
    const odd: unknown[] = ['', ' ', '\u0000', '|||', ',,,', '\uD800', '\uDFFF\uD800', '🙂'.repeat(500), null, undefined, 42, {}];
    for (const value of odd) expect(run(value as string)).not.toThrow();
    expect(detectCrisis(null as unknown as string)).toBeNull();
    expect(detectCrisis('')).toBeNull();
  });

  // The chat refuses messages over 2 000 characters before detection runs; this proves the detector alone copes with far more.
  test('100 000 characters: a crisis phrase at the end is still found, and nothing throws', () => {
    const filler = 'vi bråkar om helger och hämtning '.repeat(4000).slice(0, 100_000);
    expect(detectCrisis(filler)).toBeNull();
    expect(detectCrisis(`${filler} jag vill inte leva längre`)?.category).toBe('suicide');
    expect(detectCrisis('a'.repeat(100_000))).toBeNull();
    expect(detectCrisis('ا'.repeat(100_000))).toBeNull();
    expect(detectCrisis('självmord'.repeat(11_000).slice(0, 100_000))?.category).toBe('suicide');
    expect(detectCrisis('x '.repeat(50_000))).toBeNull();
  });

  test('control, zero-width and bidi characters inside a word do not hide it', () => {
    expect(detectCrisis('själv\u202Emord')?.category).toBe('suicide');
    expect(detectCrisis('jag tänker på själv\u202Emord')?.category).toBe('suicide');
    expect(detectCrisis('sui\u200Bcide')?.category).toBe('suicide');
    expect(detectCrisis('kill\u0000 myself')?.category).toBe('suicide');
    expect(detectCrisis('i want to k\u00ADill my\u2066self')?.category).toBe('suicide');
    expect(detectCrisis('\u202Bانتح\u200Cار\u202C')?.category).toBe('suicide');
    expect(detectCrisis('\u0001\u0002\u0003\u001B[31m\u007F')).toBeNull();
  });

  test('shouting, stretching, leetspeak and full-width letters', () => {
    expect(detectCrisis('JAG VILL INTE LEVA')?.category).toBe('suicide');
    expect(detectCrisis('i want to diiiiiiie')?.category).toBe('suicide');
    expect(detectCrisis('su1c1de')?.category).toBe('suicide');
    expect(detectCrisis('ｓｕｉｃｉｄｅ')?.category).toBe('suicide');
    expect(detectCrisis('ضربنيييييي')?.category).toBe('violence');
  });

  test('normalisation folds Swedish and Arabic letter variants', () => {
    expect(normaliseForCrisis('Självmord').a.trim()).toBe('sjalvmord');
    expect(normaliseForCrisis('إنتحـــار').a.trim()).toBe(normaliseForCrisis('انتحار').a.trim());
    expect(normaliseForCrisis('مُهَدَّدَة').a.trim()).toBe(normaliseForCrisis('مهدده').a.trim());
    expect(normaliseForCrisis('أؤذي').b.trim()).toBe(normaliseForCrisis('اوذي').b.trim());
  });
});

describe('the literal prefilter', () => {
  test('joins words and alternatives into literals', () => {
    expect(literalNeeds('\\b(?:vill|orkar) (?:inte|ej) leva\\b')).toEqual([['vill inte leva', 'vill ej leva', 'orkar inte leva', 'orkar ej leva']]);
  });

  test('takes nothing from look-arounds or optional parts', () => {
    expect(literalNeeds('(?<!\\bjag )\\bslog(?: \\p{L}+)? mig\\b(?! i spelet)')).toEqual([['slog'], [' mig']]);
  });

  test('says nothing when an alternative has no literal, or the syntax is unknown', () => {
    expect(literalNeeds('\\b(?:kms|\\p{L}+)\\b')).toEqual([]);
    expect(literalNeeds('(ab)\\1')).toEqual([]);
  });

  test('every match of a phrase pattern in the labelled set holds a literal of each need', () => {
    const patterns = [
      ...Object.values(PHRASES).flatMap((lang) => Object.values(lang).flatMap((set) => [...(set.absolute ?? []), ...set.phrases])),
      ...Object.values(BENIGN).flat(),
    ].filter((p): p is RegExp => p instanceof RegExp);
    const texts = CRISIS_SET.flatMap((c) => Object.values(normaliseForCrisis(c.text)));
    let matches = 0;
    const misses: string[] = [];
    for (const p of patterns) {
      const needs = literalNeeds(p.source);
      for (const text of texts) {
        for (const m of text.matchAll(new RegExp(p.source, 'gu'))) {
          matches++;
          if (!needs.every((need) => need.some((literal) => m[0].includes(literal)))) misses.push(`${p.source}: "${m[0]}"`);
        }
      }
    }
    expect(misses).toEqual([]);
    expect(matches).toBeGreaterThan(250);
  });
});
