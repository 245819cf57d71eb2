import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadCatalog } from '../../src/flows/load';
import { LOCALES, type Locale, type StepContent, type Text } from '../../src/flows/schema';
import { ROOT } from '../../src/paths';

// Corrections from a language review, guarded where a reader's point can be checked in the text itself.
const { catalog } = loadCatalog(ROOT);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/** Every text file a reader's words come from: module and video texts, captions, interface strings. */
const TEXT_FILES = [...filesUnder(path.join(ROOT, 'content')), ...filesUnder(path.join(ROOT, 'locales'))].filter((f) => /\.(ya?ml|vtt|json)$/.test(f));
const ARABIC_FILES = TEXT_FILES.filter((f) => /[/\\]ar[/\\]|\.ar\.vtt$/.test(path.relative(ROOT, f)));
const rel = (f: string) => path.relative(ROOT, f).replace(/\\/g, '/');

const join = (t: Text | undefined): string => (t === undefined ? '' : Array.isArray(t) ? t.join(' ') : t);

function step(locale: Locale, module: string, id: string): StepContent {
  const s = catalog.content[locale].get(module)?.steps[id];
  if (!s) throw new Error(`no ${locale} content for ${module}.${id}`);
  return s;
}

/** `module step field`, field being text, text[n], feedback.x, options.x, adult, hint or alt. */
function field(locale: Locale, ref: string): string {
  const [module = '', id = '', f = 'text'] = ref.split(' ');
  const s = step(locale, module, id);
  const item = /^text\[(\d+)\]$/.exec(f);
  if (item) return (Array.isArray(s.text) ? s.text : [s.text ?? ''])[Number(item[1])] ?? '';
  if (f === 'text') return join(s.text);
  if (f === 'adult' || f === 'hint' || f === 'alt') return s[f] ?? '';
  const [group, key = ''] = f.split('.');
  if (group === 'feedback') return join(s.feedback?.[key]);
  if (group === 'options') return s.options?.[key] ?? '';
  throw new Error(`unknown field ${f}`);
}

function video(locale: Locale, id: string): string {
  const v = catalog.videoTexts[locale].get(id);
  if (!v) throw new Error(`no ${locale} text for video ${id}`);
  return v.text.join(' ');
}

function ui(locale: Locale, key: string, file = 'ui.json'): string {
  const strings = JSON.parse(readFileSync(path.join(ROOT, 'locales', locale, file), 'utf8')) as Record<string, unknown>;
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], strings);
  if (value === undefined) throw new Error(`no ${locale} string ${key}`);
  return Array.isArray(value) ? value.join(' ') : String(value);
}

test('no text calls the other parent «والده الآخر» ("his other father")', () => {
  const found = TEXT_FILES.filter((f) => readFileSync(f, 'utf8').includes('والده الآخر')).map(rel);
  expect(found).toEqual([]);
});

test('a picture story’s reflection asks the child to tell the grown-up with them, not an unnamed "us"', () => {
  const prompts = [...catalog.flows.values()]
    .filter((f) => f.persona === 'child-mini')
    .flatMap((f) => f.steps.filter((s) => s.kind === 'reflect').map((s) => `${f.key} ${s.id}`));
  expect(prompts).toHaveLength(3);
  for (const ref of prompts) {
    expect(field('en', ref)).not.toMatch(/\bus\b/i);
    expect(field('en', ref)).toMatch(/the grown-up with you/);
    expect(field('ar', ref)).not.toMatch(/لنا/);
    expect(field('ar', ref)).toMatch(/(ال|لل)كبير الذي معك/);
  }
});

test('Arabic writes the accusative tanween one way only: ـًا, never اً', () => {
  const found = ARABIC_FILES.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((line, i) => (line.includes('اً') ? [`${rel(f)}:${i + 1}`] : [])),
  );
  expect(found).toEqual([]);
});

describe('Arabic puts فاء before an imperative that answers a condition', () => {
  // A condition (إذا / إن), its clause, a comma or colon, then an imperative with no فاء.
  const MISSING_FA = /(?:^|[\s«"])و?(?:إذا|إن)\s[^.؟!]*?[،:]\s*و?(?:اتصل|تحدّث|تحدث|أخبر|اضغط|تواصل|اطلب)(?=[\s.،])/;
  const refs = [
    'parent/not-safe checkin-start',
    'parent/not-safe help-now',
    'parent/not-safe help-talk',
    'parent/not-safe handover-choice feedback.public',
    'child-next/not-my-fault argue feedback.room',
    'child-next/not-my-fault bris',
    'child-next/feelings sad-at-school feedback.friend',
    'child-next/feelings bris',
    'child-mini/who-can-help bris',
  ];
  test.each(refs)('%s', (ref) => {
    const t = field('ar', ref);
    expect(t).toMatch(/(?:إذا|إن)\s/);
    expect(t).not.toMatch(MISSING_FA);
  });
  test.each(['next-not-my-fault'])('video %s', (id) => expect(video('ar', id)).not.toMatch(MISSING_FA));
  test.each(['help.lines.emergency_child', 'crisis.lines.emergencyNow', 'crisis.lines.social', 'reprompt.first', 'reprompt.buttons'])('ui %s', (key) => {
    expect(ui('ar', key)).not.toMatch(MISSING_FA);
  });
});

describe.each(LOCALES.map((l) => [l] as const))('in %s', (locale) => {
  test('the example of a child carrying messages does not give the other parent a gender', () => {
    const gendered: Record<Locale, RegExp> = { sv: /mamma|pappa/i, en: /\b(mum|mom|mummy|dad|daddy)\b/i, ar: /(لأمك|لأمّك|لأبيك|لوالدتك|أمك|أبيك)/ };
    expect(field(locale, 'parent/communication no-messenger text[0]')).not.toMatch(gendered[locale]);
  });

  test('BRIS is explained where a reader first meets it in a module, and in the help and privacy texts', () => {
    const explained: Record<Locale, RegExp> = {
      sv: /stödlinje för barn och unga under 18/,
      en: /helpline for children and young people under 18/,
      ar: /خط مساعدة للأطفال والشباب دون سن 18/,
    };
    const unexplained: string[] = [];
    for (const flow of catalog.flows.values()) {
      // Steps in file order are the reading order; a video step's text version is read with it.
      const first = flow.steps
        .map((s) => {
          const c = catalog.content[locale].get(flow.key)?.steps[s.id];
          const parts = [join(c?.text), c?.hint, c?.adult, ...Object.values(c?.options ?? {}), ...Object.values(c?.feedback ?? {}).map(join)];
          if (s.kind === 'video') parts.push(video(locale, s.video));
          return { id: s.id, text: parts.join(' ') };
        })
        .find((s) => s.text.includes('BRIS'));
      if (first && !explained[locale].test(first.text)) unexplained.push(`${flow.key} ${first.id}`);
    }
    expect(unexplained).toEqual([]);
    expect(ui(locale, 'help.lines.bris')).toMatch(explained[locale]);
    expect(ui(locale, 'reflect.privateNote')).toMatch(explained[locale]);
  });

  test('the not-safe module says whom Kvinnofridslinjen is for', () => {
    const words: Record<Locale, RegExp[]> = {
      sv: [/nationell/, /hot, våld eller sexuellt våld/, /anhöriga/, /vänner/, /yrkesverksamma/],
      en: [/national/, /threats, violence or sexual violence/, /relatives/, /friends/, /professionals/],
      ar: [/وطني/, /(ال|لل)تهديد أو العنف أو العنف الجنسي/, /أقارب/, /أصدقا(ء|ئ)/, /مهنيين/],
    };
    const t = field(locale, 'parent/not-safe help-talk');
    for (const w of words[locale]) expect(t).toMatch(w);
    // Only the numbers the module already gave.
    expect(t.match(/\d[\d -]*\d/g)?.map((n) => n.trim())).toEqual(['020-50 50 50', '1177']);
  });
});

test('English keeps the Swedish advice on speaking of the other parent as firm as the Swedish', () => {
  expect(field('sv', 'parent/base keep-away text[2]')).toMatch(/^Prata inte illa/);
  expect(field('en', 'parent/base keep-away text[2]')).toMatch(/^Don’t speak badly|^Don't speak badly/);
  expect(field('ar', 'parent/base keep-away text[2]')).toMatch(/^لا تتحدث بسوء/);
});

test('English not-safe uses natural contractions', () => {
  const content = catalog.content.en.get('parent/not-safe');
  const texts = Object.values(content?.steps ?? {}).flatMap((c) => [join(c.text), c.hint ?? '', ...Object.values(c.options ?? {}), ...Object.values(c.feedback ?? {}).map(join)]);
  const stiff = /\b(do|does|is|are|was|were|have|has|should|would|could|will)\s+not\b|\b(it|that|you|they|we|let)\s+(is|are|us)\b/i;
  expect(texts.filter((t) => stiff.test(t))).toEqual([]);
  expect(video('en', 'not-safe-help')).not.toMatch(stiff);
});

describe('Arabic interface wording', () => {
  test('the crisis and help intros say "you are not alone with this" in a form that reads the same for anyone', () => {
    for (const key of ['crisis.intro', 'crisis.intro_child', 'help.intro_child']) {
      const t = ui('ar', key);
      expect(t).not.toMatch(/لا يجب/);
      expect(t).toMatch(/لست وحدك/);
    }
  });

  test('the too-long message does not pair a counted noun with a number it cannot agree with', () => {
    expect(ui('ar', 'errors.tooLong')).toContain('{{max}}');
    expect(ui('ar', 'errors.tooLong')).not.toMatch(/\{\{max\}\}\s*(حرفًا|حرف|أحرف|حروف)/);
  });

  test('the reflection prompt quotes the Skip button by its label', () => {
    expect(ui('ar', 'reflect.prompt')).toContain(`«${ui('ar', 'buttons.skip')}»`);
  });

  test('a short film is «فيلم» everywhere, never «فيديو»', () => {
    const found = ARABIC_FILES.filter((f) => /فيديو/.test(readFileSync(f, 'utf8'))).map(rel);
    expect(found).toEqual([]);
  });

  test('social services are named with their Swedish name, which is what the reader will hear', () => {
    const found = ARABIC_FILES.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/الخدمات الاجتماعية(?!\s*\(socialtjänsten\))/.test(line) ? [`${rel(f)}:${i + 1}`] : [])),
    );
    expect(found).toEqual([]);
  });
});

test('the big-feelings picture shows one face for each answer', () => {
  const flow = catalog.flows.get('child-mini/big-feelings');
  const which = flow?.steps.find((s) => s.id === 'which');
  if (!which || which.kind !== 'choice' || !which.image) throw new Error('no picture choice "which" in child-mini/big-feelings');
  const svg = readFileSync(path.join(ROOT, 'public', 'img', `${which.image}.svg`), 'utf8');
  // A face is a large circle; eyes and other details are small ones.
  const faces = [...svg.matchAll(/<circle\b[^>]*\br="(\d+(?:\.\d+)?)"/g)].filter((m) => Number(m[1]) >= 25);
  expect(faces).toHaveLength(which.options.length);
  const four: Record<Locale, RegExp> = { sv: /^Fyra ansikten/, en: /^Four faces/, ar: /^أربعة وجوه/ };
  for (const locale of LOCALES) expect(field(locale, 'child-mini/big-feelings which alt')).toMatch(four[locale]);
});
