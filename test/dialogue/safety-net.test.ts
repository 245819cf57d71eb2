import { takeTurn, type DialogueDeps } from '../../src/dialogue/core';
import { initialState, type Profile, type TurnResult, type UserInput } from '../../src/dialogue/types';
import type { Locale } from '../../src/flows/schema';
import { detectCrisis } from '../../src/safety/crisis';
import { ACUTE_CATEGORIES, CONCERN_CATEGORIES, levelOf, type CrisisCategory } from '../../src/safety/types';
import { sharedEngine } from '../helpers/server';

const engine = sharedEngine();
const LOCALES: readonly Locale[] = ['sv', 'en', 'ar'];

type Conversation = { deps: DialogueDeps; profile: Profile; state: unknown; last: TurnResult };

function start(profile: Profile, deps: Partial<DialogueDeps> = {}): Conversation {
  const full: DialogueDeps = { engine, detectCrisis, ...deps };
  const last = takeTurn(full, profile, initialState(), { type: 'start' });
  return { deps: full, profile, state: last.state, last };
}

function send(c: Conversation, input: UserInput): TurnResult {
  c.last = takeTurn(c.deps, c.profile, c.state, input);
  c.state = c.last.state;
  return c.last;
}

/** The current step of the conversation's module, from the state the core returned. */
function current(c: Conversation): { flow: string; step: string; kind: string } | null {
  const state = c.state as { current: string | null; progress: Record<string, { step: string }> };
  if (!state.current) return null;
  const step = state.progress[state.current]?.step ?? '';
  const kind = engine.flow(state.current)?.steps.find((s) => s.id === step)?.kind ?? '';
  return { flow: state.current, step, kind };
}

/** Opens a module and presses its first offered button until a step of the given kind is shown. */
function walkTo(c: Conversation, module: string, kind: string): void {
  send(c, { type: 'button', value: `module:${module}` });
  for (let i = 0; i < 60; i += 1) {
    const here = current(c);
    if (here?.kind === kind) return;
    const next = c.last.actions.find((a) => !a.value.startsWith('intent:') && !a.value.startsWith('module:') && a.value !== 'text');
    if (here?.kind === 'reflect') send(c, { type: 'button', value: 'skip' });
    else if (next) send(c, { type: 'button', value: next.value });
    else throw new Error(`no way on from ${here?.flow}#${here?.step}`);
  }
  throw new Error(`no ${kind} step reached in ${module}`);
}

const keys = (r: TurnResult) => r.messages.map((m) => m.key);
const values = (r: TurnResult) => r.actions.map((a) => a.value);

const parent = (locale: Locale): Profile => ({ persona: 'parent', ageBand: null, locale });
const child = (locale: Locale): Profile => ({ persona: 'child-next', ageBand: '9-12', locale });

/** Texts a person might type that are not a continue word and not an answer; some of them say something is wrong. */
const TYPED: Record<Locale, string[]> = {
  sv: ['någon tar på mig på ett sätt jag inte vill', 'vet inte', 'hmm varför då'],
  en: ["someone touches me in a way I don't want", 'dunno', 'why though'],
  ar: ['أحد يلمسني بطريقة لا أريدها', 'ما بعرف', 'ليش'],
};
const CONTINUE: Record<Locale, string[]> = { sv: ['ok', 'Fortsätt', 'nästa!'], en: ['OK', 'next', 'continue.'], ar: ['تابع', 'التالي', 'حسنا'] };

describe('nothing typed is passed over', () => {
  describe.each(LOCALES)('%s', (locale) => {
    for (const [who, profile, module] of [
      ['parent', parent(locale), 'base'],
      ['child', child(locale), 'feelings'],
    ] as const) {
      for (const kind of ['say', 'video'] as const) {
        test.each(TYPED[locale])(`${who}: typed on a ${kind} step, "%s" gets help and the step again`, (text) => {
          const c = start(profile);
          walkTo(c, module, kind);
          const before = current(c);
          const shown = c.last.actions.map((a) => a.value);
          const r = send(c, { type: 'text', text });
          expect(current(c)).toEqual(before);
          // Either the crisis answer, or the reply that the guide cannot read text, and help one tap away.
          expect(keys(r).some((k) => k.startsWith('ui:crisis.') || k === 'ui:reprompt.notRead' || k === 'ui:reprompt.buttons' || k.startsWith('ui:concern.'))).toBe(true);
          // The crisis answer is help itself, and leads back to the step; any other reply keeps the step's buttons and adds Help.
          if (!keys(r).includes('ui:crisis.intro')) {
            expect(values(r)).toContain('intent:help');
            for (const v of shown) expect(values(r)).toContain(v);
          }
        });
        test.each(CONTINUE[locale])(`${who}: a continue word on a ${kind} step, "%s", continues`, (text) => {
          const c = start(profile);
          walkTo(c, module, kind);
          const before = current(c);
          send(c, { type: 'text', text });
          expect(current(c)?.step).not.toBe(before?.step);
        });
      }
      test(`${who}: free text in the menu gets the reply and the menu again, never the same re-prompt twice in a row`, () => {
        const c = start(profile);
        const first = send(c, { type: 'text', text: TYPED[locale][1] ?? '' });
        expect(keys(first)).toContain('ui:reprompt.notRead');
        expect(values(first)).toContain('intent:help');
        expect(values(first).some((v) => v.startsWith('module:'))).toBe(true);
        const second = send(c, { type: 'text', text: TYPED[locale][2] ?? '' });
        expect(keys(second)).toContain('ui:reprompt.buttons');
        expect(keys(second)).not.toContain('ui:reprompt.notRead');
      });
      test(`${who}: the same re-prompt is never given twice in a row on a step`, () => {
        const c = start(profile);
        walkTo(c, module, 'say');
        const a = send(c, { type: 'text', text: TYPED[locale][1] ?? '' });
        const b = send(c, { type: 'text', text: TYPED[locale][2] ?? '' });
        expect(keys(a)).toEqual(['ui:reprompt.notRead']);
        expect(keys(b)).toEqual(['ui:reprompt.buttons']);
      });
    }
  });
});

describe('check-ins that listen', () => {
  test.each(LOCALES)('%s: a check-in of 1 gets a gentle pointer to help; a child hears of BRIS', (locale) => {
    for (const [profile, module, number] of [
      [parent(locale), 'base', /90101|112/],
      [child(locale), 'feelings', /116 111/],
    ] as const) {
      const c = start(profile);
      send(c, { type: 'button', value: `module:${module}` });
      expect(current(c)?.kind).toBe('checkin');
      const r = send(c, { type: 'button', value: '1' });
      expect(keys(r)[0]).toBe('ui:checkin.low');
      expect(keys(r)).not.toContain('ui:checkin.thanks');
      expect(values(r)).toContain('intent:help');
      if (profile.persona !== 'parent') expect(r.messages[0]?.kind === 'text' && r.messages[0].text).toMatch(number);
      const other = start(profile);
      send(other, { type: 'button', value: `module:${module}` });
      expect(keys(send(other, { type: 'button', value: '3' }))[0]).toBe('ui:checkin.thanks');
    }
  });
});

describe('the right help first', () => {
  const FIRST_FOR_PARENT: Record<(typeof ACUTE_CATEGORIES)[number], string> = {
    suicide: 'ui:help.lines.mind',
    'self-harm': 'ui:help.lines.mind',
    violence: 'ui:crisis.lines.emergencyNow',
    abuse: 'ui:crisis.lines.social',
    'child-danger': 'ui:crisis.lines.social',
  };
  const hitOf = (category: CrisisCategory) => () => ({ level: levelOf(category), category, rule: 'given' });

  describe.each(LOCALES)('%s', (locale) => {
    test.each(ACUTE_CATEGORIES)('%s: the crisis answer leads with its own line of help, per persona', (category) => {
      for (const profile of [parent(locale), child(locale), { persona: 'child-mini', ageBand: null, locale } as Profile]) {
        const c = start(profile, { detectCrisis: hitOf(category) });
        walkTo(c, profile.persona === 'parent' ? 'base' : profile.persona === 'child-mini' ? engine.flowsOf('child-mini')[0]!.id : 'feelings', 'say');
        const r = send(c, { type: 'text', text: 'x' });
        const k = keys(r);
        expect(k[0]).toBe('ui:crisis.intro');
        expect(k[1]).toBe(profile.persona === 'parent' ? FIRST_FOR_PARENT[category] : 'ui:help.lines.bris');
        if (profile.persona !== 'parent') expect(k).toContain('ui:crisis.lines.safeAdult');
        expect(k[k.length - 1]).toBe('ui:crisis.offer');
        expect(values(r)).toContain('intent:resume');
      }
    });

    test('a municipality with a number is named straight after the first line', () => {
      const c = start(parent(locale), { detectCrisis: hitOf('violence'), municipality: { name: 'Exempelby kommun', phone: '0771-00 00 00' } });
      const k = keys(send(c, { type: 'text', text: 'x' }));
      expect(k.slice(0, 3)).toEqual(['ui:crisis.intro', 'ui:crisis.lines.emergencyNow', 'ui:help.municipality']);
    });

    test('violence, abuse and a child at risk offer the not-safe module to a parent', () => {
      for (const category of ['violence', 'abuse', 'child-danger'] as const) {
        const c = start(parent(locale), { detectCrisis: hitOf(category) });
        expect(values(send(c, { type: 'text', text: 'x' }))).toContain('module:not-safe');
      }
    });

    test.each(CONCERN_CATEGORIES)('concern %s: one short offer of help, and the module goes on', (category) => {
      for (const profile of [parent(locale), child(locale)]) {
        const c = start(profile, { detectCrisis: hitOf(category) });
        walkTo(c, profile.persona === 'parent' ? 'base' : 'feelings', 'reflect');
        const before = current(c);
        const r = send(c, { type: 'text', text: 'x' });
        expect(keys(r)[0]).toMatch(/^ui:concern\./);
        expect(keys(r)).not.toContain('ui:crisis.intro');
        expect(keys(r)).toContain('ui:reflect.saved');
        expect(current(c)?.step).not.toBe(before?.step);
        expect(values(r)[0]).toBe(profile.persona === 'parent' && (category === 'fear' || category === 'control') ? 'module:not-safe' : 'intent:help');
        expect(r.effects).toContainEqual(expect.objectContaining({ type: 'stat', event: 'crisis', category }));
        if (profile.persona !== 'parent') expect(r.messages[0]?.kind === 'text' && r.messages[0].text).toMatch(/116 111/);
      }
    });

    test('a concern typed on a say step offers help and shows the step again, without a second re-prompt', () => {
      const c = start(parent(locale), { detectCrisis: hitOf('hopelessness') });
      walkTo(c, 'base', 'say');
      const before = current(c);
      const r = send(c, { type: 'text', text: 'x' });
      expect(keys(r)).toEqual(['ui:concern.general']);
      expect(current(c)).toEqual(before);
      expect(values(r)).toEqual(expect.arrayContaining(['intent:help', 'continue']));
    });
  });
});
