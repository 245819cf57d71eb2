import { z } from 'zod';
import { AgeBand } from './schema';

/** What a module run remembers. Part of the persisted snapshot. */
export const FlowContext = z.object({
  /** Option value chosen per step id (choice, dilemma, checkin). */
  answers: z.record(z.string(), z.string()),
  /** Reflection per slot; `null` when the user skipped it. */
  notes: z.record(z.string(), z.string().nullable()),
  /** Steps answered on the way here, for "back". */
  history: z.array(z.string()),
  ageBand: AgeBand.nullable(),
});
export type FlowContext = z.infer<typeof FlowContext>;

export const PLAN_FIELDS = ['residence', 'handovers', 'holidays', 'school', 'money', 'talking', 'changes'] as const;
export const PlanField = z.enum(PLAN_FIELDS);
export type PlanField = z.infer<typeof PlanField>;

/** A side effect a flow asks for; the dialogue core carries it out. */
export type FlowEffect =
  | { type: 'plan.record'; field: PlanField; slot: string }
  | { type: 'offer.notSafe' };

interface GuardDef<P extends z.ZodType> {
  params: P;
  test: (context: FlowContext, params: z.infer<P>) => boolean;
  describe: string;
}
interface ActionDef<P extends z.ZodType> {
  params: P;
  /** `slot` is the reflect step's slot, when the action sits on a reflect step. */
  effect: (params: z.infer<P>, slot: string | undefined) => FlowEffect;
  describe: string;
  needsSlot: boolean;
}
const guard = <P extends z.ZodType>(def: GuardDef<P>) => def;
const action = <P extends z.ZodType>(def: ActionDef<P>) => def;

/** The only logic a flow file may name. Adding a guard here makes it available to every flow. */
export const GUARDS = {
  'persona.ageBand': guard({
    params: z.object({ in: z.array(AgeBand).min(1) }).strict(),
    test: (context, p) => context.ageBand !== null && p.in.includes(context.ageBand),
    describe: "the child's age band is one of `in`",
  }),
  'answer.is': guard({
    params: z.object({ step: z.string(), value: z.string() }).strict(),
    test: (context, p) => context.answers[p.step] === p.value,
    describe: 'the user chose `value` at `step`',
  }),
  'note.given': guard({
    params: z.object({ slot: z.string() }).strict(),
    test: (context, p) => typeof context.notes[p.slot] === 'string',
    describe: 'the user wrote a reflection for `slot`',
  }),
} as const;

export const ACTIONS = {
  'plan.record': action({
    params: z.object({ field: PlanField }).strict(),
    effect: (p, slot) => ({ type: 'plan.record', field: p.field, slot: slot ?? '' }),
    describe: "stores the reflection in the user's agreement plan under `field`",
    needsSlot: true,
  }),
  'offer.notSafe': action({
    params: z.object({}).strict(),
    effect: () => ({ type: 'offer.notSafe' }),
    describe: 'offers the not-safe module after this step',
    needsSlot: false,
  }),
} as const;

export type GuardName = keyof typeof GUARDS;
export type ActionName = keyof typeof ACTIONS;
export const isGuardName = (name: string): name is GuardName => Object.hasOwn(GUARDS, name);
export const isActionName = (name: string): name is ActionName => Object.hasOwn(ACTIONS, name);

export function testGuard(name: string, params: unknown, context: FlowContext): boolean {
  if (!isGuardName(name)) throw new Error(`Unknown guard "${name}"; known guards: ${Object.keys(GUARDS).join(', ')}`);
  const def: GuardDef<z.ZodType> = GUARDS[name];
  return def.test(context, def.params.parse(params ?? {}));
}

export function actionEffect(name: string, params: unknown, slot: string | undefined): FlowEffect {
  if (!isActionName(name)) throw new Error(`Unknown action "${name}"; known actions: ${Object.keys(ACTIONS).join(', ')}`);
  const def: ActionDef<z.ZodType> = ACTIONS[name];
  return def.effect(def.params.parse(params ?? {}), slot);
}
