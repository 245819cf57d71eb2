import { ACUTE_CATEGORIES, CONCERN_CATEGORIES, type CrisisHit } from '../../src/safety/types';
import { CRISIS_SET, DEV_CASES } from './crisis-set';
import { evaluate, formatEvaluation } from './evaluate';

/**
 * Figures on the development set (the set the detector is tuned on): recall per level and category, false alarms
 * per language. The floors hold on this set; they say nothing of unseen wording, which another set measures.
 */
const LANGS = ['sv', 'en', 'ar'] as const;
const result = evaluate(DEV_CASES);

beforeAll(() => {
  console.log(formatEvaluation('Crisis detection on the development set', result));
});

describe('the development set', () => {
  test('covers every category in every language, with look-alikes', () => {
    for (const lang of LANGS) {
      const cases = CRISIS_SET.filter((c) => c.lang === lang);
      for (const category of ACUTE_CATEGORIES) expect(cases.filter((c) => c.expect === category).length).toBeGreaterThanOrEqual(5);
      for (const category of CONCERN_CATEGORIES) expect(cases.filter((c) => c.expect === category).length).toBeGreaterThanOrEqual(5);
      expect(cases.filter((c) => c.expect === null).length).toBeGreaterThanOrEqual(50);
    }
  });

  test('has no duplicate texts', () => {
    const seen = new Set<string>();
    const dupes = CRISIS_SET.filter((c) => (seen.has(c.text) ? true : (seen.add(c.text), false))).map((c) => c.text);
    expect(dupes).toEqual([]);
  });
});

describe.each(LANGS)('detection on the development set, %s', (lang) => {
  const figures = () => result.byLanguage[lang];
  test('acute recall >= 95 %', () => {
    expect(figures()?.acute.recall).toBeGreaterThanOrEqual(0.95);
  });
  test('concern recall >= 90 %', () => {
    expect(figures()?.concern.recall).toBeGreaterThanOrEqual(0.9);
  });
  test('false alarms <= 5 %', () => {
    expect(figures()?.none.falseAlarmRate).toBeLessThanOrEqual(0.05);
  });
});

describe('categories on the development set', () => {
  test.each([...ACUTE_CATEGORIES, ...CONCERN_CATEGORIES])('%s: recall >= 90 %, and the category right in 85 % of the caught', (category) => {
    const r = result.byCategory[category];
    expect(r?.recall).toBeGreaterThanOrEqual(0.9);
    expect((r?.rightCategory ?? 0) / Math.max(1, r?.caught ?? 0)).toBeGreaterThanOrEqual(0.85);
  });
});

describe('evaluate', () => {
  test('maps another set\'s category names, counts a concern caught at any level and an acute case only at acute', () => {
    const hits: Record<string, CrisisHit> = {
      a: { level: 'acute', category: 'abuse', rule: 'r' },
      b: { level: 'concern', category: 'fear', rule: 'r' },
      c: { level: 'acute', category: 'violence', rule: 'r' },
      d: { level: 'acute', category: 'self-harm', rule: 'r' },
      e: { level: 'concern', category: 'hopelessness', rule: 'r' },
    };
    const e = evaluate(
      [
        { text: 'a', level: 'acute', category: 'sexual-abuse', lang: 'x' },
        { text: 'b', level: 'acute', category: 'child-at-risk', lang: 'x' },
        { text: 'c', level: 'concern', category: 'fear', lang: 'x' },
        { text: 'd', level: 'acute', category: 'suicide', lang: 'x' },
        { text: 'e', level: 'none', category: 'everyday', lang: 'x' },
        { text: 'f', level: 'none', category: 'lookalike', lang: 'x' },
      ],
      (text) => hits[text] ?? null,
    );
    expect(e.byCategory['abuse']).toMatchObject({ cases: 1, caught: 1, rightCategory: 1 });
    expect(e.byCategory['child-danger']).toMatchObject({ cases: 1, caught: 0 });
    expect(e.byCategory['fear']).toMatchObject({ cases: 1, caught: 1, rightCategory: 0 });
    expect(e.byCategory['suicide']).toMatchObject({ cases: 1, caught: 1, rightCategory: 1 });
    expect(e.byLanguage['x']?.acute).toMatchObject({ cases: 3, caught: 2 });
    expect(e.byLanguage['x']?.none).toMatchObject({ cases: 2, alarms: 1, falseAlarmRate: 0.5 });
  });
});
