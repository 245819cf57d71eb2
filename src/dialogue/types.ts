import { z } from 'zod';
import type { PlanField } from '../flows/registry';
import { AgeBand, Locale, Persona } from '../flows/schema';

/** Who is chatting: from the code they logged in with. */
export const Profile = z.object({
  persona: Persona,
  ageBand: AgeBand.nullable(),
  locale: Locale,
});
export type Profile = z.infer<typeof Profile>;

/** The contact centre to name in help answers. */
export interface Municipality {
  name: string;
  phone: string | null;
}

/** What the user did this turn. */
export type UserInput = { type: 'start' } | { type: 'text'; text: string } | { type: 'button'; value: string };

const RunSnapshot = z.object({ flowId: z.string(), flowVersion: z.number(), snapshot: z.unknown() });

/** Per-module progress shown in the menu. */
const ModuleProgress = z.object({ position: z.number(), total: z.number(), done: z.boolean(), step: z.string() });
export type ModuleProgress = z.infer<typeof ModuleProgress>;

/** The whole conversation state the core needs between turns (stored encrypted by the runtime). */
export const DialogueState = z.object({
  v: z.literal(1),
  /** The module being done, or null in the menu. */
  current: z.string().nullable(),
  /** One run per module started and not finished, so returning to a module resumes it; a finished module keeps its run only while it is the current one. */
  runs: z.record(z.string(), RunSnapshot),
  progress: z.record(z.string(), ModuleProgress),
  /** How many times in a row the current step did not understand the user. */
  misses: z.number().int().nonnegative(),
  /** Set after a crisis answer: help stays one tap away for the rest of the session. */
  crisisShown: z.boolean(),
  /**
   * Practices between visits, by module: chosen (to be asked about at the next login), asked (the question was put),
   * declined or done. Each is asked about at most once.
   */
  practices: z.record(z.string(), z.object({ step: z.string(), status: z.enum(['chosen', 'asked', 'declined', 'done']) })).optional(),
  /** The follow-up being answered now: which module's practice, and the answer chosen so far. */
  followUp: z.object({ flow: z.string(), answer: z.string().optional() }).optional(),
});
export type DialogueState = z.infer<typeof DialogueState>;

export const initialState = (): DialogueState => ({ v: 1, current: null, runs: {}, progress: {}, misses: 0, crisisShown: false });

/**
 * States the dialogue core returned itself. They are valid by construction (a test holds the core to that), so a
 * later turn handed the very same object, as the store keeps it between turns, need not validate it again.
 */
const produced = new WeakSet<DialogueState>();
export const markProduced = (state: DialogueState): DialogueState => {
  produced.add(state);
  return state;
};
export const isProduced = (value: unknown): value is DialogueState => typeof value === 'object' && value !== null && produced.has(value as DialogueState);

export interface VideoDescriptor {
  id: string;
  title: string;
  duration: number;
  src: string;
  /** Caption track URLs by locale, where a track exists. */
  captions: Partial<Record<Locale, string>>;
  text: string[];
}

/** One message for the channel to render. `key` names the text's source for tests and statistics. */
export type OutMessage =
  | { kind: 'text'; key: string; text: string; role?: 'adult' | 'help' | 'crisis' | 'notes' }
  | { kind: 'video'; key: string; video: VideoDescriptor }
  | { kind: 'image'; key: string; src: string; alt: string };

export interface SuggestedAction {
  value: string;
  title: string;
}

/** Something the runtime must store or count; the core itself stores nothing. */
export type Effect =
  | { type: 'note'; flow: string; slot: string; step: string; text: string | null }
  | { type: 'checkin'; flow: string; step: string; value: number }
  | { type: 'plan'; field: PlanField; text: string | null }
  | { type: 'stat'; event: 'module.start' | 'module.complete' | 'step' | 'crisis' | 'help'; flow?: string; step?: string; category?: string };

export interface TurnResult {
  messages: OutMessage[];
  actions: SuggestedAction[];
  state: DialogueState;
  effects: Effect[];
  /** Where the user is, for the page's progress display. */
  progress: { flow: string; title: string; position: number; total: number } | null;
}
