import { and, assign, createActor, emit, setup, type AnyMachineSnapshot, type Snapshot } from 'xstate';
import { nextTargets, predecessors } from './graph';
import { ACTIONS, actionEffect, FlowContext, GUARDS, testGuard, type FlowEffect } from './registry';
import type { AgeBand, Flow, Next, Step } from './schema';

/** What the dialogue core sends to a module run. */
export type FlowEvent =
  | { type: 'ANSWER'; value: string; note?: string | null }
  | { type: 'BACK' }
  | { type: 'RESTART' };

export type FlowEmitted = { type: 'effect'; effect: FlowEffect };

type GuardParams = Record<string, unknown> | undefined;
type TransitionConfig = {
  target: string;
  guard?: unknown;
  actions?: unknown[];
};

const guardImpls = Object.fromEntries(
  Object.keys(GUARDS).map((name) => [name, ({ context }: { context: FlowContext }, params: GuardParams) => testGuard(name, params, context)]),
);
const actionImpls = Object.fromEntries(
  Object.keys(ACTIONS).map((name) => [
    name,
    emit((_: unknown, params: { slot?: string; params?: Record<string, unknown> }) => ({
      type: 'effect' as const,
      effect: actionEffect(name, params.params, params.slot),
    })),
  ]),
);

/** The machine setup every flow shares: one registry of guards and actions. */
const flowSetup = setup({
  types: {
    context: {} as FlowContext,
    events: {} as FlowEvent,
    input: {} as { ageBand: AgeBand | null },
    emitted: {} as FlowEmitted,
  },
  guards: {
    ...guardImpls,
    'option.is': ({ event }, params: { value: string }) => event.type === 'ANSWER' && event.value === params.value,
    'history.top': ({ context }, params: { step: string }) => context.history.at(-1) === params.step,
  },
  actions: {
    ...actionImpls,
    record: assign(({ context, event }, params: { step: string; slot?: string }) => {
      if (event.type !== 'ANSWER') return {};
      const answers = { ...context.answers, [params.step]: event.value };
      const notes = params.slot === undefined ? context.notes : { ...context.notes, [params.slot]: event.note ?? null };
      return { answers, notes, history: [...context.history, params.step] };
    }),
    'history.pop': assign(({ context }) => ({ history: context.history.slice(0, -1) })),
    reset: assign(({ context }) => ({ answers: {}, notes: {}, history: [], ageBand: context.ageBand })),
  },
});

export type FlowMachine = ReturnType<typeof compileFlow>;

/** Flow data → XState machine. Assumes the flow passed validation. */
export function compileFlow(flow: Flow) {
  const preds = predecessors(flow);
  const states: Record<string, { on: Record<string, TransitionConfig[]>; tags?: string[] }> = {};
  for (const step of flow.steps) {
    const on: Record<string, TransitionConfig[]> = {};
    if (step.kind !== 'end') on.ANSWER = answerTransitions(step);
    on.BACK = (preds.get(step.id) ?? []).map((p) => ({ target: p, guard: { type: 'history.top', params: { step: p } }, actions: ['history.pop'] }));
    states[step.id] = { on, tags: [step.kind] };
  }
  // The generated config is checked by validation, not by XState's static types.
  const config = {
    id: flow.key.replace('/', '.'),
    initial: flow.start,
    context: ({ input }: { input: { ageBand: AgeBand | null } }) => ({ answers: {}, notes: {}, history: [], ageBand: input.ageBand }),
    on: { RESTART: { target: `.${flow.start}`, actions: ['reset'] } },
    states,
  } as unknown as Parameters<typeof flowSetup.createMachine>[0];
  return flowSetup.createMachine(config);
}

function answerTransitions(step: Exclude<Step, { kind: 'end' }>): TransitionConfig[] {
  const record = { type: 'record', params: { step: step.id, slot: step.kind === 'reflect' ? step.slot : undefined } };
  const own = (step.actions ?? []).map((a) => ({ type: a.name, params: { params: a.params, slot: step.kind === 'reflect' ? step.slot : undefined } }));
  const actions = [record, ...own];
  if (step.kind === 'choice' || step.kind === 'dilemma') {
    return step.options.flatMap((option) => {
      const optionGuard = { type: 'option.is', params: { value: option.value } };
      return nextTransitions(option.next ?? step.next, actions, optionGuard);
    });
  }
  return nextTransitions(step.next, actions, undefined);
}

function nextTransitions(next: Next | undefined, actions: unknown[], extraGuard: unknown): TransitionConfig[] {
  if (next === undefined) return [];
  const list = typeof next === 'string' ? [{ to: next, when: undefined }] : next;
  return list.map((n) => {
    const own = n.when ? { type: n.when.guard, params: n.when.params ?? {} } : undefined;
    const guard = own && extraGuard ? and([extraGuard, own] as never) : (own ?? extraGuard);
    return guard ? { target: n.to, guard, actions } : { target: n.to, actions };
  });
}

/** A module run as stored: enough to rebuild the snapshot after a restart. */
export interface RunSnapshot {
  flowId: string;
  flowVersion: number;
  snapshot: unknown;
}

export type Restored =
  | { kind: 'same'; snapshot: Snapshot<unknown> }
  | { kind: 'migrated'; snapshot: Snapshot<unknown>; step: string }
  | { kind: 'reset'; reason: string };

/**
 * The snapshot behind each persisted run this process made, by the persisted object (which is never changed): a
 * later turn handed that very object, as the store keeps a state between turns, restores it without checking and
 * rebuilding it. Only for the machine that made it (the same flow and version).
 */
const produced = new WeakMap<object, { machine: FlowMachine; snapshot: AnyMachineSnapshot }>();

/**
 * Checks a stored snapshot against the current flow. Never throws: a snapshot that does not fit
 * (foreign, corrupt, or from a version whose step is gone) becomes a reset.
 */
export function restoreSnapshot(flow: Flow, machine: FlowMachine, stored: RunSnapshot): Restored {
  const raw = stored.snapshot as { value?: unknown; context?: unknown; status?: unknown } | null;
  if (stored.flowId !== flow.key || raw === null || typeof raw !== 'object') return { kind: 'reset', reason: 'foreign snapshot' };
  const known = produced.get(raw);
  if (known && known.machine === machine && stored.flowVersion === flow.version) return { kind: 'same', snapshot: known.snapshot };
  const context = FlowContext.safeParse(raw.context);
  if (!context.success || typeof raw.value !== 'string' || raw.status !== 'active') return { kind: 'reset', reason: 'corrupt snapshot' };
  const exists = flow.steps.some((s) => s.id === raw.value);
  if (stored.flowVersion === flow.version && exists) {
    return { kind: 'same', snapshot: machine.resolveState({ value: raw.value, context: context.data }) };
  }
  if (exists) {
    // Keep only history entries that still exist, so "back" cannot aim at a removed step.
    const ids = new Set(flow.steps.map((s) => s.id));
    const ctx = { ...context.data, history: context.data.history.filter((h) => ids.has(h)) };
    return { kind: 'migrated', snapshot: machine.resolveState({ value: raw.value, context: ctx }), step: raw.value };
  }
  return { kind: 'reset', reason: 'step removed in a newer version' };
}

/** What `runEvent` computes with: a scope that runs no actor, and the effects the last event emitted. */
interface EventScope {
  scope: Parameters<FlowMachine['transition']>[2];
  emitted: FlowEffect[];
}
const scopes = new WeakMap<FlowMachine, EventScope>();

/**
 * One scope per machine, made once. The machine's own transition function runs with it, so an event creates no
 * actor (an actor per event, started, fed and stopped, was most of a turn's time in XState); the built-in actions
 * (`assign`) are applied by the transition itself, and the one other kind the flows use, `emit`, reaches
 * `actionExecutor` as an `xstate.emit` action, whose effect is collected here. Nothing is spawned or delayed.
 */
function eventScope(machine: FlowMachine): EventScope {
  const known = scopes.get(machine);
  if (known) return known;
  const self = createActor(machine, { input: { ageBand: null } });
  const emitted: FlowEffect[] = [];
  const none = () => undefined;
  const scope = {
    self,
    id: '',
    sessionId: '',
    system: self.system,
    logger: none,
    defer: none,
    stopChild: none,
    emit: none,
    actionExecutor: (action: { type: string; params?: unknown }) => {
      if (action.type !== 'xstate.emit') throw new Error(`flow action ${action.type}: only assign and emit are run outside an actor`);
      const event = (action.params as { event?: FlowEmitted } | undefined)?.event;
      if (event?.type === 'effect') emitted.push(event.effect);
    },
  } as unknown as EventScope['scope'];
  const made = { scope, emitted };
  scopes.set(machine, made);
  return made;
}

/** Runs one event through a module run (from its start when there is no snapshot) and collects the effects its actions emitted. */
export function runEvent(
  machine: FlowMachine,
  snapshot: Snapshot<unknown> | undefined,
  input: { ageBand: AgeBand | null },
  event: FlowEvent | undefined,
): { snapshot: AnyMachineSnapshot; persisted: unknown; effects: FlowEffect[] } {
  const { scope, emitted } = eventScope(machine);
  // Emptied after every event, thrown or not, so the next one starts with none.
  try {
    let snap = (snapshot as AnyMachineSnapshot | undefined) ?? machine.getInitialSnapshot(scope, input);
    if (event) snap = machine.transition(snap as Parameters<FlowMachine['transition']>[0], event, scope);
    if (snap.status !== 'active') throw new Error(`flow ${machine.id}: the run ended as ${snap.status}`);
    const persisted = machine.getPersistedSnapshot(snap);
    produced.set(persisted, { machine, snapshot: snap });
    return { snapshot: snap, persisted, effects: [...emitted] };
  } finally {
    emitted.length = 0;
  }
}

export const stepOf = (snapshot: AnyMachineSnapshot): string => String(snapshot.value);

/**
 * A module run's context. Its type is FlowContext by the machine's setup, and a stored one is validated before it
 * becomes a snapshot (`restoreSnapshot`), so reading it needs no second check.
 */
export const contextOf = (snapshot: Snapshot<unknown>): FlowContext => (snapshot as unknown as { context: FlowContext }).context;
export { nextTargets };
