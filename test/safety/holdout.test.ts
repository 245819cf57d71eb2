import { levelOfExpect, evaluate, formatEvaluation, type EvalCase } from './evaluate';
import type { CrisisCase } from './crisis-set';
import { HOLDOUT_1 } from './holdout-1';

/**
 * The current holdout round: wording written before the detector was last widened and not tuned on. Its figures
 * are the honest ones for unseen wording; once a round is measured and acted on, its cases join the development set.
 */
function cases(set: readonly CrisisCase[]): EvalCase[] {
  return set.map((c) => ({ text: c.text, lang: c.lang, level: levelOfExpect(c.expect), category: c.expect ?? 'lookalike' }));
}
const result = evaluate(cases(HOLDOUT_1));

beforeAll(() => {
  console.log(formatEvaluation('Crisis detection on the current holdout round', result));
});

test('false alarms stay within the budget of 10 %', () => {
  expect(result.none.falseAlarmRate).toBeLessThanOrEqual(0.1);
});
