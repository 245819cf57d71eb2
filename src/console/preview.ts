import { z } from 'zod';
import { takeTurn, type DialogueDeps } from '../dialogue/core';
import { initialState, Profile, type DialogueState, type TurnResult, type UserInput } from '../dialogue/types';
import { runEvent } from '../flows/compile';
import type { FlowEngine } from '../flows/engine';
import type { AgeBand, Flow, Locale } from '../flows/schema';

/**
 * The console preview: the pure dialogue core, run on the server with its state kept in the staff session.
 * Effects (notes, check-ins, plan items, statistics) are dropped: a preview writes nothing a code holder owns.
 */

/** What the staff session keeps between preview turns. */
export const PreviewRecord = z.object({ profile: Profile, flow: z.string(), state: z.unknown() });
export type PreviewRecord = z.infer<typeof PreviewRecord>;

export type PreviewMessage =
  | { kind: 'text'; key: string; text: string; role: string | null }
  | { kind: 'video'; key: string; title: string; text: string[] }
  | { kind: 'image'; key: string; src: string; alt: string };

/** One preview turn as the console page renders it. */
export interface PreviewView {
  flow: string;
  locale: Locale;
  messages: PreviewMessage[];
  actions: Array<{ value: string; title: string }>;
  progress: TurnResult['progress'];
}

export const PreviewStart = z
  .object({
    flow: z.string().max(80),
    locale: z.enum(['sv', 'en', 'ar']),
    ageBand: z.enum(['6-8', '9-12', '13-17']).nullable().optional(),
    step: z.string().max(80).nullable().optional(),
  })
  .strict();

export const PreviewInput = z.union([
  z.object({ button: z.string().min(1).max(120) }).strict(),
  z.object({ text: z.string().max(4000) }).strict(),
]);

function view(flow: string, locale: Locale, result: TurnResult): PreviewView {
  return {
    flow,
    locale,
    messages: result.messages.map((m): PreviewMessage => {
      if (m.kind === 'video') return { kind: 'video', key: m.key, title: m.video.title, text: m.video.text };
      if (m.kind === 'image') return { kind: 'image', key: m.key, src: m.src, alt: m.alt };
      return { kind: 'text', key: m.key, text: m.text, role: m.role ?? null };
    }),
    actions: result.actions.map((a) => ({ value: a.value, title: a.title })),
    progress: result.progress,
  };
}

export type PreviewStartResult = { ok: true; record: PreviewRecord; view: PreviewView } | { ok: false; reason: 'flow' | 'step' };

/** Opens a module for a persona, language and age band, at its start or at any step ("jump to step"). */
export function startPreview(deps: DialogueDeps, req: { flow: string; locale: Locale; ageBand?: AgeBand | null; step?: string | null }): PreviewStartResult {
  const flow: Flow | undefined = deps.engine.flow(req.flow);
  if (!flow) return { ok: false, reason: 'flow' };
  const ageBand = flow.persona === 'child-next' ? (req.ageBand ?? '9-12') : null;
  const profile: Profile = { persona: flow.persona, ageBand, locale: req.locale };
  const step = req.step && req.step !== flow.start ? req.step : null;
  let result: TurnResult;
  if (step) {
    if (!flow.steps.some((s) => s.id === step)) return { ok: false, reason: 'step' };
    const state: DialogueState = { ...initialState(), current: flow.key, runs: { [flow.key]: jumpTo(deps.engine, flow, step, ageBand) } };
    // "resume" renders the step the run stands on, as after a reload.
    result = takeTurn(deps, profile, state, { type: 'button', value: 'intent:resume' });
  } else {
    result = takeTurn(deps, profile, initialState(), { type: 'button', value: `module:${flow.id}` });
  }
  return { ok: true, record: { profile, flow: flow.key, state: result.state }, view: view(flow.key, profile.locale, result) };
}

/** A module run standing on `step` with nothing answered yet. */
function jumpTo(engine: FlowEngine, flow: Flow, step: string, ageBand: AgeBand | null) {
  const machine = engine.machines.get(flow.key);
  if (!machine) throw new Error(`No compiled machine for ${flow.key}`);
  const snapshot = machine.resolveState({ value: step, context: { answers: {}, notes: {}, history: [], ageBand } });
  const { persisted } = runEvent(machine, snapshot, { ageBand }, undefined);
  return { flowId: flow.key, flowVersion: flow.version, snapshot: persisted };
}

/** The next turn of a running preview. */
export function previewTurn(deps: DialogueDeps, record: PreviewRecord, input: z.infer<typeof PreviewInput>): { record: PreviewRecord; view: PreviewView } {
  const userInput: UserInput = 'button' in input ? { type: 'button', value: input.button } : { type: 'text', text: input.text };
  const result = takeTurn(deps, record.profile, record.state, userInput);
  return { record: { ...record, state: result.state }, view: view(record.flow, record.profile.locale, result) };
}
