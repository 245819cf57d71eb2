import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCatalog } from '../../src/flows/load';
import { LOCALES, type Locale } from '../../src/flows/schema';
import { ROOT } from '../../src/paths';

// The content guide's safety rules that a reader can check in a single text, in every language.
// Each rule names words the text must hold; the words are what a worried reader needs to see.
const { catalog } = loadCatalog(ROOT);

function text(locale: Locale, module: string, step: string, field: 'text' | `feedback.${string}`): string {
  const content = catalog.content[locale].get(`parent/${module}`)?.steps[step];
  const value = field === 'text' ? content?.text : content?.feedback?.[field.slice('feedback.'.length)];
  if (value === undefined) throw new Error(`no ${locale} text for ${module}.${step}.${field}`);
  return Array.isArray(value) ? value.join(' ') : value;
}

function ui(locale: Locale, key: string): string {
  const strings = JSON.parse(readFileSync(path.join(ROOT, 'locales', locale, 'ui.json'), 'utf8')) as Record<string, unknown>;
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], strings);
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** Words per language: the text must match every pattern. */
const FEAR: Record<Locale, RegExp[]> = {
  sv: [/rädd/i, /allvar/i, /socialtjänsten/i],
  en: [/afraid|scared/i, /seriously/i, /social services/i],
  ar: [/خائف|خوف|الخوف/, /بجدية|على محمل الجد/, /الخدمات الاجتماعية/],
};

describe.each(LOCALES.map((l) => [l] as const))('safety texts in %s', (locale) => {
  test.each([
    ['two-homes', 'sunday', 'feedback.stay'],
    ['two-homes', 'landing', 'text'],
    ['children-react', 'small-info', 'text'],
  ] as const)('reassurance about a reluctant child in %s.%s.%s says to take fear seriously and where to turn', (module, step, field) => {
    const t = text(locale, module, step, field);
    for (const pattern of FEAR[locale]) expect(t).toMatch(pattern);
  });

  test('self-talk that denies blame is validated, and violence is never the reader’s fault', () => {
    const t = text(locale, 'grief', 'self-talk', 'feedback.deny');
    const never: Record<Locale, RegExp[]> = {
      sv: [/våld/i, /aldrig ditt fel/i],
      en: [/violence/i, /never your fault/i],
      ar: [/عنف/, /لم يكن .*ذنبك|ليس ذنبك أبدًا|لم يكن ذنبك/],
    };
    for (const pattern of never[locale]) expect(t).toMatch(pattern);
    // The old feedback told everyone to take a share of the responsibility.
    const share: Record<Locale, RegExp> = { sv: /inte ta något ansvar/i, en: /taking no responsibility/i, ar: /عدم تحمّل أي مسؤولية|لا تتحمل أي مسؤولية/ };
    expect(t).not.toMatch(share[locale]);
  });

  test('a child’s privacy note says that whoever has the code can read it too', () => {
    const code: Record<Locale, RegExp> = { sv: /kod/i, en: /code/i, ar: /رمز/ };
    expect(ui(locale, 'reflect.privateNote')).toMatch(code[locale]);
  });
});
