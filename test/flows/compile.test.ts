import { takeTurn } from '../../src/dialogue/core';
import { initialState, type DialogueState, type Profile, type TurnResult, type UserInput } from '../../src/dialogue/types';
import { loadEngine, type FlowEngine } from '../../src/flows/engine';
import type { AnyMachineSnapshot } from 'xstate';
import { compileFlow, contextOf, restoreSnapshot, runEvent, stepOf } from '../../src/flows/compile';
import type { Flow } from '../../src/flows/schema';
import { ROOT } from '../../src/paths';
import { uiText } from '../../src/i18n/ui';

const profile: Profile = { persona: 'parent', ageBand: null, locale: 'sv' };
const keys = (r: TurnResult) => r.messages.map((m) => m.key);

function walk(engine: FlowEngine, inputs: UserInput[], start: unknown = initialState()) {
  let state: unknown = start;
  let last: TurnResult | undefined;
  for (const input of inputs) {
    last = takeTurn({ engine }, profile, state, input);
    state = last.state;
  }
  return { state: state as DialogueState, last: last as TurnResult };
}

const btn = (value: string): UserInput => ({ type: 'button', value });

describe('persisted module runs', () => {
  test('a snapshot saved mid-module continues at the same step after a restart', () => {
    const before = loadEngine(ROOT);
    const { state } = walk(before, [btn('module:base'), btn('3'), btn('continue'), btn('continue')]);
    const stored = JSON.parse(JSON.stringify(state)) as DialogueState; // as written to the database
    const stepBefore = stored.progress['parent/base']?.step;
    expect(stepBefore).toBeDefined();

    // A fresh engine and fresh machines, as after a process restart.
    const after = loadEngine(ROOT);
    const resumed = takeTurn({ engine: after }, profile, stored, { type: 'start' });
    expect(keys(resumed)).toEqual(expect.arrayContaining(['ui:menu.welcomeBack', `${stepBefore}.text`]));
    expect(resumed.state.progress['parent/base']?.step).toBe(stepBefore);

    const answer = resumed.actions[0]?.value ?? 'continue';
    const next = takeTurn({ engine: after }, profile, resumed.state, btn(answer === 'text' ? 'watched' : answer));
    expect(next.state.progress['parent/base']?.step).not.toBe(stepBefore);
  });

  test('a snapshot from an older flow version resumes at the same step when it still exists', () => {
    const engine = loadEngine(ROOT);
    const { state } = walk(engine, [btn('module:base'), btn('3'), btn('continue')]);
    const run = state.runs['parent/base'];
    if (!run) throw new Error('no run');
    const old = { ...state, runs: { 'parent/base': { ...run, flowVersion: run.flowVersion - 1 + 100 } } };
    const step = state.progress['parent/base']?.step;
    const resumed = takeTurn({ engine }, profile, old, { type: 'start' });
    expect(keys(resumed)).toContain('ui:flow.updated');
    expect(resumed.state.progress['parent/base']?.step).toBe(step);
    expect(resumed.state.runs['parent/base']?.flowVersion).toBe(engine.flow('parent/base')?.version);
  });

  test('a snapshot whose step was removed in a newer version restarts the module with a short apology', () => {
    const engine = loadEngine(ROOT);
    const flow = engine.flow('parent/base') as Flow;
    const { state } = walk(engine, [btn('module:base'), btn('3'), btn('continue')]);
    const run = state.runs['parent/base'];
    if (!run) throw new Error('no run');
    const snapshot = { ...(run.snapshot as object), value: 'a-step-that-was-removed' };
    const old = { ...state, runs: { 'parent/base': { flowId: 'parent/base', flowVersion: flow.version - 1, snapshot } } };
    const resumed = takeTurn({ engine }, profile, old, { type: 'start' });
    expect(keys(resumed)).toContain('ui:flow.reset');
    expect(resumed.state.progress['parent/base']?.step).toBe(flow.start);
  });

  test.each([
    ['garbage', 'not json at all'],
    ['foreign object', { hello: 'world' }],
    ['wrong run', { v: 1, current: 'parent/base', runs: { 'parent/base': { flowId: 'parent/anger', flowVersion: 1, snapshot: { value: 'intro' } } }, progress: {}, misses: 0, crisisShown: false }],
  ])('a %s state never crashes: the user gets a start and an apology', (_name, stored) => {
    const engine = loadEngine(ROOT);
    const result = takeTurn({ engine }, profile, stored, { type: 'text', text: 'hej' });
    expect(keys(result).some((k) => k === 'ui:flow.reset' || k === 'ui:menu.choose')).toBe(true);
    expect(result.messages.length).toBeGreaterThan(0);
  });

  test('a finished module keeps no run once the user has left it, and opens afresh; an unfinished one keeps its place', () => {
    const engine = loadEngine(ROOT);
    // Half-way through one module, then to the end of another.
    let { state, last } = walk(engine, [btn('module:communication'), btn('3'), btn('continue')]);
    const halfWay = state.progress['parent/communication']?.step;
    ({ state, last } = walk(engine, [btn('module:base')], state));
    for (let i = 0; i < 200 && !state.progress['parent/base']?.done; i += 1) ({ state, last } = walk(engine, [btn(last.actions[0]?.value ?? 'continue')], state));
    expect(state.progress['parent/base']?.done).toBe(true);
    // Still in it: its run is there (back, restart and the end step need it).
    expect(state.current).toBe('parent/base');
    expect(state.runs['parent/base']).toBeDefined();

    ({ state, last } = walk(engine, [btn('intent:menu')], state));
    expect(state.runs['parent/base']).toBeUndefined();
    expect(state.progress['parent/base']?.done).toBe(true);
    expect(state.runs['parent/communication']).toBeDefined();
    expect(last.actions.map((a) => a.title)).toContain(uiText('sv', 'menu.done', { title: engine.catalog.content.sv.get('parent/base')?.title ?? '' }));

    const reopened = walk(engine, [btn('module:base')], state);
    expect(reopened.state.progress['parent/base']?.step).toBe(engine.flow('parent/base')?.steps[0]?.id);
    const resumed = walk(engine, [btn('module:communication')], state);
    expect(resumed.state.progress['parent/communication']?.step).toBe(halfWay);
  });

  test('a run this process persisted is restored as it was made; a copy of it, or one for another machine, is checked and rebuilt to the same', () => {
    const engine = loadEngine(ROOT);
    const flow = engine.flow('parent/base') as Flow;
    const machine = engine.machines.get(flow.key);
    if (!machine) throw new Error('no machine');
    const first = runEvent(machine, undefined, { ageBand: null }, undefined);
    const next = runEvent(machine, first.snapshot, { ageBand: null }, { type: 'ANSWER', value: '3' });
    const stored = { flowId: flow.key, flowVersion: flow.version, snapshot: next.persisted };

    const same = restoreSnapshot(flow, machine, stored);
    expect(same).toEqual({ kind: 'same', snapshot: next.snapshot });
    if (same.kind !== 'same') throw new Error('not restored');
    expect(same.snapshot).toBe(next.snapshot);

    const copy = restoreSnapshot(flow, machine, JSON.parse(JSON.stringify(stored)) as typeof stored);
    const otherMachine = restoreSnapshot(flow, compileFlow(flow), stored);
    for (const r of [copy, otherMachine]) {
      if (r.kind !== 'same') throw new Error(`not restored: ${r.kind}`);
      expect(r.snapshot).not.toBe(next.snapshot);
      expect(stepOf(r.snapshot as AnyMachineSnapshot)).toBe(stepOf(next.snapshot));
      expect(contextOf(r.snapshot)).toEqual(contextOf(next.snapshot));
    }
    // A newer version of the flow never takes the snapshot as it is.
    expect(restoreSnapshot({ ...flow, version: flow.version + 1 }, machine, stored).kind).toBe('migrated');
  });

  test('an event emits the effects of its step\'s actions, and only those', () => {
    const engine = loadEngine(ROOT);
    const flow = engine.flow('parent/agreements') as Flow;
    const machine = engine.machines.get(flow.key);
    if (!machine) throw new Error('no machine');
    const step = flow.steps.find((s) => s.id === 'residence');
    expect(step?.kind).toBe('reflect');
    const at = machine.resolveState({ value: 'residence', context: { answers: {}, notes: {}, history: [], ageBand: null } });
    const answered = runEvent(machine, at, { ageBand: null }, { type: 'ANSWER', value: 'typed', note: 'varannan vecka' });
    expect(answered.effects).toEqual([{ type: 'plan.record', field: 'residence', slot: 'plan-residence' }]);
    expect(contextOf(answered.snapshot).notes['plan-residence']).toBe('varannan vecka');
    // The next event starts with no effects left over.
    expect(runEvent(machine, answered.snapshot, { ageBand: null }, { type: 'BACK' }).effects).toEqual([]);
  });

  test('restoreSnapshot rejects a snapshot of another flow', () => {
    const engine = loadEngine(ROOT);
    const flow = engine.flow('parent/base') as Flow;
    expect(restoreSnapshot(flow, compileFlow(flow), { flowId: 'parent/anger', flowVersion: 1, snapshot: {} }).kind).toBe('reset');
  });
});

describe('global intents', () => {
  const engine = loadEngine(ROOT);
  test('help works in every step of every parent flow and offers the not-safe module one step away', () => {
    for (const flow of engine.flowsOf('parent')) {
      let state: unknown = walk(engine, [btn(`module:${flow.id}`)]).state;
      for (let i = 0; i < 4; i += 1) {
        const help = takeTurn({ engine }, profile, state, { type: 'text', text: 'hjälp' });
        expect(keys(help)).toContain('ui:help.intro');
        if (flow.id !== 'not-safe') expect(help.actions.map((a) => a.value)).toContain('module:not-safe');
        // Help never moves the user: resume shows the same step again.
        const resumed = takeTurn({ engine }, profile, help.state, btn('intent:resume'));
        const step = (help.state as DialogueState).progress[flow.key]?.step;
        expect((resumed.state as DialogueState).progress[flow.key]?.step).toBe(step);
        const first = resumed.actions[0]?.value ?? 'continue';
        state = takeTurn({ engine }, profile, resumed.state, btn(first === 'text' ? 'watched' : first)).state;
      }
    }
  });

  test('in every state of every parent flow, help is there and the not-safe module is one step away', () => {
    for (const flow of engine.flowsOf('parent')) {
      for (const step of flow.steps) {
        const at: DialogueState = {
          v: 1,
          current: flow.key,
          runs: { [flow.key]: { flowId: flow.key, flowVersion: flow.version, snapshot: { status: 'active', value: step.id, context: { answers: {}, notes: {}, history: [], ageBand: null } } } },
          progress: {},
          misses: 0,
          crisisShown: false,
        };
        for (const input of [btn('intent:help'), { type: 'text', text: 'help' } as UserInput, { type: 'text', text: 'مساعدة' } as UserInput]) {
          const help = takeTurn({ engine }, profile, at, input);
          expect([flow.key, step.id, keys(help)[0]]).toEqual([flow.key, step.id, 'ui:help.intro']);
          if (flow.id !== 'not-safe') expect([flow.key, step.id, help.actions.map((a) => a.value)]).toEqual([flow.key, step.id, expect.arrayContaining(['module:not-safe'])]);
        }
        const open = takeTurn({ engine }, profile, takeTurn({ engine }, profile, at, btn('intent:help')).state, btn('module:not-safe'));
        expect(open.state.current).toBe('parent/not-safe');
      }
    }
  });

  test('back returns to the previous step, restart to the first', () => {
    const { state } = walk(engine, [btn('module:anger'), btn('3'), btn('continue')]);
    const here = state.progress['parent/anger']?.step;
    const back = takeTurn({ engine }, profile, state, { type: 'text', text: 'tillbaka' });
    expect(back.state.progress['parent/anger']?.step).not.toBe(here);
    const restart = takeTurn({ engine }, profile, back.state, btn('intent:restart'));
    expect(keys(restart)).toContain('ui:restart.done');
    expect(restart.state.progress['parent/anger']?.step).toBe(engine.flow('parent/anger')?.start);
  });

  test('a re-prompt is never the same twice in a row', () => {
    const { state } = walk(engine, [btn('module:base')]);
    const one = takeTurn({ engine }, profile, state, { type: 'text', text: 'bananas' });
    const two = takeTurn({ engine }, profile, one.state, { type: 'text', text: 'bananas' });
    expect(keys(one)[0]).not.toBe(keys(two)[0]);
  });

  test('a child never reaches a parent module, and the child menu lists only child modules', () => {
    const child: Profile = { persona: 'child-next', ageBand: '9-12', locale: 'sv' };
    const menu = takeTurn({ engine }, child, initialState(), { type: 'start' });
    const ids = menu.actions.map((a) => a.value);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(engine.flow(`child-next/${id.replace('module:', '')}`)).toBeDefined();
    const attempt = takeTurn({ engine }, child, menu.state, btn('module:base'));
    expect(attempt.state.current).toBeNull();
    expect(keys(attempt)).toContain('ui:menu.choose');
    const parent = takeTurn({ engine }, profile, initialState(), { type: 'start' });
    expect(parent.actions.map((a) => a.value)).not.toContain('module:my-family');
  });

  test('a child asking for help gets BRIS first, in their language', () => {
    for (const locale of ['sv', 'en', 'ar'] as const) {
      const child: Profile = { persona: 'child-next', ageBand: '6-8', locale };
      const help = takeTurn({ engine }, child, initialState(), btn('intent:help'));
      const lines = help.messages.filter((m) => m.kind === 'text' && m.key.startsWith('ui:help.lines'));
      expect(lines[0]?.key).toBe('ui:help.lines.bris');
      expect(lines[0]?.kind === 'text' && lines[0].text).toContain('116 111');
    }
  });
});

describe('films', () => {
  const toFilm = [btn('module:base'), btn('3'), btn('continue'), btn('recent'), btn('continue'), btn('continue')];

  test('a film without a file: its text version is the message, and "Continue" the only button', () => {
    const engine = loadEngine(ROOT);
    expect(engine.catalog.videos.get('base-your-situation')?.src).toBe('');
    const { last, state } = walk(engine, toFilm);
    expect(last.messages.filter((m) => m.kind === 'video')).toEqual([]);
    const text = last.messages.find((m) => m.key === 'video:base-your-situation.text');
    expect(text?.kind === 'text' && text.text).toContain(uiText('sv', 'video.textTitle', { title: engine.catalog.videoTexts.sv.get('base-your-situation')?.title ?? '?' }));
    expect(last.actions).toEqual([{ value: 'watched', title: uiText('sv', 'buttons.continue') }]);
    expect(keys(takeTurn({ engine }, profile, state, btn('watched')))).toContain('hardest.text');
  });

  test('a film with a file: the player, "I have watched it" and "Show as text", which shows the text and stays', () => {
    const engine = loadEngine(ROOT);
    const meta = engine.catalog.videos.get('base-your-situation');
    engine.catalog.videos.set('base-your-situation', { duration: meta?.duration ?? 60, src: '/films/base-your-situation.mp4' });
    const { last, state } = walk(engine, toFilm);
    const film = last.messages.find((m) => m.kind === 'video');
    expect(film?.kind === 'video' && film.video.src).toBe('/films/base-your-situation.mp4');
    expect(keys(last)).not.toContain('video:base-your-situation.text');
    expect(last.actions.map((a) => a.value)).toEqual(['watched', 'text']);
    const asText = takeTurn({ engine }, profile, state, btn('text'));
    expect(keys(asText)).toContain('video:base-your-situation.text');
    expect(asText.actions).toEqual([{ value: 'watched', title: uiText('sv', 'buttons.continue') }]);
  });
});
