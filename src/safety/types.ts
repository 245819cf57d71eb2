/** What crisis detection reports: the danger's level and category, and the rule that found it. */

/** Acute: the crisis answer at once. Concern: a short, warm offer of help that does not interrupt more than that. */
export type CrisisLevel = 'acute' | 'concern';

/** Acute dangers: thoughts of suicide or self-harm, violence happening or threatened, sexual abuse, a child in danger. */
export type AcuteCategory = 'suicide' | 'self-harm' | 'violence' | 'abuse' | 'child-danger';
/** Concerns: hopelessness, fear of someone, coercive control, an adult asking a child to keep a secret. */
export type ConcernCategory = 'hopelessness' | 'fear' | 'control' | 'secrecy';
export type CrisisCategory = AcuteCategory | ConcernCategory;

export const ACUTE_CATEGORIES: readonly AcuteCategory[] = ['suicide', 'self-harm', 'violence', 'abuse', 'child-danger'];
export const CONCERN_CATEGORIES: readonly ConcernCategory[] = ['hopelessness', 'fear', 'control', 'secrecy'];

export function levelOf(category: CrisisCategory): CrisisLevel {
  return (ACUTE_CATEGORIES as readonly string[]).includes(category) ? 'acute' : 'concern';
}

export interface CrisisHit {
  level: CrisisLevel;
  category: CrisisCategory;
  /** The name of the rule that matched, for `explainCrisis` and tests; never shown to users or logged with the text. */
  rule: string;
}
