import { detectCrisis, explainCrisis, tokensForCrisis } from '../../src/safety/crisis';
import type { CrisisCategory } from '../../src/safety/types';

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

  // The chat refuses messages over 2 000 characters before detection runs; the detector reads the first and the last
  // 1 000 characters of anything longer, so its work stays bounded.
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
    expect(tokensForCrisis('Självmord')).toEqual(['sjalvmord']);
    expect(tokensForCrisis('إنتحـــار')).toEqual(tokensForCrisis('انتحار'));
    expect(tokensForCrisis('مُهَدَّدَة')).toEqual(tokensForCrisis('مهدده'));
    expect(tokensForCrisis('أؤذي')).toEqual(tokensForCrisis('اوذي'));
  });
});

describe('inflections through the Snowball stemmers, and irregular forms listed', () => {
  test.each<[string, CrisisCategory]>([
    ['han knuffat mig', 'violence'], // not listed: the Swedish stemmer finds "knuff"
    ['exet har sparkat mig', 'violence'],
    ['he keeps slapping me', 'violence'], // "slapping" → "slap"
    ['she is threatening me', 'violence'],
    ['my ex strangles me', 'violence'],
    ['han ströp mig', 'violence'], // a strong verb's form, listed
    ['تضربني', 'violence'], // the present with ت, from the past ضرب
    ['بيهددني كل يوم', 'violence'],
    ['هددتني', 'violence'],
  ])('%s → %s', (text, category) => {
    expect(detectCrisis(text)).toMatchObject({ level: 'acute', category });
  });
});

describe('spelling: misspelt key words, missing diacritics, teen spelling', () => {
  test.each<[string, CrisisCategory]>([
    ['sjalvmort', 'suicide'],
    ['tankar pa självmor', 'suicide'],
    ['i want to kill myslef', 'suicide'],
    ['jag vill do', 'suicide'],
    ['han slar mig', 'violence'],
    ['kms', 'suicide'],
    ['vill dö', 'suicide'],
    ['orkar inte leva', 'suicide'],
    ['i wanna unalive myself', 'suicide'],
  ])('%s → %s', (text, category) => {
    expect(detectCrisis(text)?.category).toBe(category);
  });
});

describe('spoken Arabic and Arabic in Latin letters', () => {
  test.each<[string, CrisisCategory]>([
    ['بدي موت', 'suicide'],
    ['ابغى اموت', 'suicide'],
    ['عايز اموت', 'suicide'],
    ['ضربني', 'violence'],
    ['زوجي يضربني', 'violence'],
    ['طليقي بيضربني', 'violence'],
    ['ابوي بيضربني', 'child-danger'],
    ['بابا ضربني', 'child-danger'],
    ['bdi mot', 'suicide'],
    ['ma bdi 3ish', 'suicide'],
    ['bfakker bil inti7ar', 'suicide'],
    ['darabni', 'violence'],
    ['ana 5ayfe mno', 'fear'],
  ])('%s → %s', (text, category) => {
    expect(detectCrisis(text)?.category).toBe(category);
  });

  test.each(['bdi nam', 'ana ta3bane ktir', 'wallah ma 2darabni', 'yalla bye'])('no alarm: %s', (text) => {
    expect(detectCrisis(text)).toBeNull();
  });
});

describe('levels', () => {
  test('a concern is reported at the concern level', () => {
    expect(detectCrisis("I'm scared of him")).toMatchObject({ level: 'concern', category: 'fear' });
    expect(detectCrisis('han läser alla mina sms')).toMatchObject({ level: 'concern', category: 'control' });
    expect(detectCrisis('بابا قال لا تقولي لماما')).toMatchObject({ level: 'concern', category: 'secrecy' });
    expect(detectCrisis('jag orkar inte mer')).toMatchObject({ level: 'concern', category: 'hopelessness' });
  });

  test('acute wins over concern, and the most specific acute category over the others', () => {
    expect(detectCrisis("I'm scared of him. Yesterday he hit me")).toMatchObject({ level: 'acute', category: 'violence' });
    expect(detectCrisis('he hits me and I want to die')).toMatchObject({ level: 'acute', category: 'suicide' });
    expect(detectCrisis('han hotar mig och säger att jag inte får berätta')).toMatchObject({ level: 'acute', category: 'violence' });
    expect(detectCrisis('my stepdad touches me and says it is our secret')).toMatchObject({ level: 'acute', category: 'abuse' });
  });

  test('negation applies to the clause it is in, and "I don\'t know how" negates nothing', () => {
    expect(detectCrisis('han har aldrig slagit mig')).toBeNull();
    expect(detectCrisis("I don't want to die")).toBeNull();
    expect(detectCrisis('jag vet inte hur jag ska orka mer')?.category).toBe('hopelessness');
    expect(detectCrisis("I can't stop thinking about killing myself")?.category).toBe('suicide');
    expect(detectCrisis('he never hits me, but yesterday he choked me')?.category).toBe('violence');
  });
});

describe('explainCrisis', () => {
  test('names the rule, the lexicon language and the tokens of each slot', () => {
    expect(explainCrisis('Mitt ex slog mig igår')).toEqual({
      level: 'acute',
      category: 'violence',
      rule: 'violence.hurts-me',
      lang: 'sv',
      matched: [
        { role: 'other', tokens: ['mitt', 'ex'] },
        { role: 'hit', tokens: ['slog'] },
        { role: 'victim', tokens: ['mig'] },
      ],
    });
    expect(explainCrisis('vi bråkar om helger')).toBeNull();
    expect(explainCrisis(42 as unknown as string)).toBeNull();
  });
});

describe('bounded work', () => {
  test('a message is read to at most 2,000 characters: its first and last 1,000', () => {
    const long = 'vi bråkar om helger och hämtning '.repeat(3000);
    expect(tokensForCrisis(long).length).toBeLessThanOrEqual(2000 / 2);
    expect(tokensForCrisis(`${long}jag vill inte leva`).slice(-4)).toEqual(['jag', 'vill', 'inte', 'leva']);
  });
});
