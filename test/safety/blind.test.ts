import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { evaluate, formatEvaluation, type EvalCase } from './evaluate';

/**
 * The blind evaluation sets (test/safety/blind/README.md): written from the category descriptions alone, by someone who
 * had not seen the detector or its development phrases. Nobody tunes the detector on them: this test prints the
 * figures and nothing of the misses, so that reading its output cannot turn a set into a development set.
 */
const BlindFile = z.object({
  lang: z.enum(['sv', 'en', 'ar']),
  set: z.string(),
  cases: z.array(
    z.object({
      text: z.string().min(1),
      level: z.enum(['acute', 'concern', 'none']),
      category: z.enum(['suicide', 'violence', 'sexual-abuse', 'child-at-risk', 'hopelessness', 'fear', 'control', 'secrecy', 'lookalike', 'everyday']),
      persona: z.enum(['parent', 'child']),
      note: z.string().optional(),
    }),
  ),
});

function load(set: string): EvalCase[] {
  return (['sv', 'en', 'ar'] as const).flatMap((lang) => {
    const file = BlindFile.parse(JSON.parse(readFileSync(path.join(__dirname, 'blind', set, `${lang}.json`), 'utf8')));
    return file.cases.map((c) => ({ text: c.text, level: c.level, category: c.category, lang: file.lang }));
  });
}

describe.each(['a', 'b', 'c'])('blind set %s', (set) => {
  const cases = load(set);
  const result = evaluate(cases);

  test('has at least 150 positives and 100 look-alike or everyday negatives per language', () => {
    for (const lang of ['sv', 'en', 'ar']) {
      const mine = cases.filter((c) => c.lang === lang);
      expect(mine.filter((c) => c.level !== 'none').length).toBeGreaterThanOrEqual(150);
      expect(mine.filter((c) => c.level === 'none').length).toBeGreaterThanOrEqual(100);
    }
  });

  test('figures per language and category (printed; the misses are not)', () => {
    const { misses: _m, falseAlarms: _f, wrongCategory: _w, ...figures } = result;
    console.log(formatEvaluation(`Crisis detection on blind set ${set}`, { ...figures, misses: [], falseAlarms: [], wrongCategory: [] }));
    expect(result.acute.cases + result.concern.cases + result.none.cases).toBe(cases.length);
  });
});
