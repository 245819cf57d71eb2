import { takeTurn, type DialogueDeps } from '../../src/dialogue/core';
import { initialState, type Profile, type TurnResult, type UserInput } from '../../src/dialogue/types';
import { uiText } from '../../src/i18n/ui';
import { sharedEngine } from '../helpers/server';

const engine = sharedEngine();
const deps: DialogueDeps = { engine };

function conversation(profile: Profile, with_: DialogueDeps = deps) {
  let state: unknown = initialState();
  return (input: UserInput): TurnResult => {
    const r = takeTurn(with_, profile, state, input);
    state = r.state;
    return r;
  };
}

/** Presses buttons through a module until its practice step, then answers it. */
function toPractice(send: (i: UserInput) => TurnResult, module: string): TurnResult {
  let r = send({ type: 'button', value: `module:${module}` });
  for (let i = 0; i < 80; i += 1) {
    if (r.messages.some((m) => m.key === 'practice.text')) return r;
    const a = r.actions.find((x) => !x.value.startsWith('intent:') && !x.value.startsWith('module:')) ?? { value: 'skip' };
    r = send({ type: 'button', value: a.value });
  }
  throw new Error(`no practice step in ${module}`);
}

describe.each(['worry', 'anger', 'communication', 'upset-child'])('practice between visits in parent/%s', (module) => {
  test.each(['sv', 'en', 'ar'] as const)('%s: the follow-up answer joins My notes as the choice and the words, under the practice step', (locale) => {
    const send = conversation({ persona: 'parent', ageBand: null, locale });
    toPractice(send, module);
    const chosen = send({ type: 'button', value: 'try' });
    expect(chosen.messages[0]?.key).toBe('ui:practice.chosen');
    const back = send({ type: 'start' });
    const ask = back.messages.find((m) => m.key === 'ui:practice.ask');
    const title = engine.catalog.content[locale].get(`parent/${module}`)?.steps.practice?.practice ?? '';
    expect(title.length).toBeGreaterThan(3);
    expect(ask?.kind === 'text' && ask.text).toContain(title);
    send({ type: 'button', value: 'practice:well' });
    const saved = send({ type: 'text', text: 'Words of my own' });
    expect(saved.effects).toContainEqual({
      type: 'note',
      flow: `parent/${module}`,
      slot: 'practice',
      step: 'practice',
      text: `${uiText(locale, 'practice.options.well')}\n\nWords of my own`,
    });
    // Never asked twice, whatever happens next.
    expect(send({ type: 'start' }).messages.map((m) => m.key)).not.toContain('ui:practice.ask');
  });
});

test('a crisis typed as the follow-up answer gets the crisis answer first, and the question stays open', () => {
  const detectCrisis = (text: string) => (text === 'danger' ? ({ level: 'acute', category: 'suicide', rule: 'given' } as const) : null);
  const send = conversation({ persona: 'parent', ageBand: null, locale: 'sv' }, { engine, detectCrisis });
  toPractice(send, 'worry');
  send({ type: 'button', value: 'try' });
  send({ type: 'start' });
  send({ type: 'button', value: 'practice:notTried' });
  const r = send({ type: 'text', text: 'danger' });
  expect(r.messages[0]?.key).toBe('ui:crisis.intro');
  expect(r.effects.some((e) => e.type === 'note')).toBe(false);
});
