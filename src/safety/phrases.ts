import type { CrisisCategory } from '../dialogue/core';

export type Lang = 'sv' | 'en' | 'ar';
export type Phrase = string | RegExp;
export interface CategoryPhrases {
  readonly phrases: readonly Phrase[];
  readonly absolute?: readonly Phrase[];
}
export type LanguagePhrases = Readonly<Record<CrisisCategory, CategoryPhrases>>;

export const PHRASES: Readonly<Record<Lang, LanguagePhrases>> = {
  sv: {
    suicide: { phrases: ['självmord', 'ta livet av mig', 'vill dö'], absolute: ['vill inte leva'] },
    'self-harm': { phrases: ['skada mig själv'] },
    violence: { phrases: ['han slog mig', 'döda mig'] },
    'child-danger': { phrases: ['skada barnen'] },
    abuse: { phrases: ['övergrepp'] },
  },
  en: {
    suicide: { phrases: ['suicide', 'kill myself', 'want to die'], absolute: ['dont want to live'] },
    'self-harm': { phrases: ['cut myself', 'hurt myself'] },
    violence: { phrases: ['he hit me', 'kill me'] },
    'child-danger': { phrases: ['hurt the kids'] },
    abuse: { phrases: ['sexually abused'] },
  },
  ar: {
    suicide: { phrases: ['انتحار', 'اقتل نفسي'] },
    'self-harm': { phrases: ['اجرح نفسي'] },
    violence: { phrases: ['ضربني', 'هددني'] },
    'child-danger': { phrases: ['خطف الاولاد'] },
    abuse: { phrases: ['تحرش'] },
  },
};

export const NEGATIONS: Readonly<Record<Lang, Readonly<Record<string, number>>>> = {
  sv: { inte: 3, aldrig: 3, ej: 3, inga: 2, ingen: 2, inget: 2 },
  en: { not: 3, never: 3, dont: 3, didnt: 3, wouldnt: 3, wont: 3, cant: 3, no: 1 },
  ar: { لا: 3, لم: 3, لن: 3, ما: 2, مش: 3, ليس: 3, ابدا: 3 },
};
export const NEGATION_FILLERS: readonly string[] = ['ever', 'någonsin', 'ens', 'really'];
export const NEGATION_BREAKS: readonly string[] = ['but', 'men', 'لكن', 'بس'];
export const BENIGN: Readonly<Record<Lang, readonly RegExp[]>> = { sv: [], en: [], ar: [] };
export const FUZZY_WORDS: readonly string[] = [];
