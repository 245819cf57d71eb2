import { z } from 'zod';

/** Personas and age bands: the one list the whole project uses. */
export const PERSONAS = ['parent', 'child-mini', 'child-next'] as const;
export const Persona = z.enum(PERSONAS);
export type Persona = z.infer<typeof Persona>;

export const AGE_BANDS = ['6-8', '9-12', '13-17'] as const;
export const AgeBand = z.enum(AGE_BANDS);
export type AgeBand = z.infer<typeof AgeBand>;

export const LOCALES = ['sv', 'en', 'ar'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;
export const SOURCE_LOCALE: Locale = 'sv';
export const RTL_LOCALES: readonly Locale[] = ['ar'];

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase words joined by "-"');

const GuardRef = z.object({ guard: z.string(), params: z.record(z.string(), z.unknown()).optional() }).strict();
export type GuardRef = z.infer<typeof GuardRef>;

const ActionRef = z.object({ name: z.string(), params: z.record(z.string(), z.unknown()).optional() }).strict();
export type ActionRef = z.infer<typeof ActionRef>;

const ConditionalNext = z.object({ when: GuardRef.optional(), to: Id }).strict();
export const Next = z.union([Id, z.array(ConditionalNext).min(1)]);
export type Next = z.infer<typeof Next>;

const Option = z.object({ value: Id, next: Id.optional() }).strict();
export type Option = z.infer<typeof Option>;

const common = {
  id: Id,
  adult: z.boolean().optional(),
  image: Id.optional(),
  actions: z.array(ActionRef).optional(),
};

/** `safety`: this step is the module's safety line (see `needsSafetyLine` in validate.ts). */
const SayStep = z.object({ ...common, kind: z.literal('say'), safety: z.boolean().optional(), next: Next }).strict();
/**
 * `practice`: a choice that offers something to try before the next visit (options `try` and `no`); its text names it
 * (`practice` in the content), and the next login asks once how it went.
 */
const ChoiceStep = z
  .object({ ...common, kind: z.literal('choice'), practice: z.boolean().optional(), options: z.array(Option).min(2).max(6), next: Next.optional() })
  .strict();
const ReflectStep = z.object({ ...common, kind: z.literal('reflect'), slot: Id, next: Next }).strict();
const DilemmaStep = z.object({ ...common, kind: z.literal('dilemma'), options: z.array(Option).min(2).max(4), next: Next.optional() }).strict();
const VideoStep = z.object({ ...common, kind: z.literal('video'), video: Id, next: Next }).strict();
const CheckinStep = z.object({ ...common, kind: z.literal('checkin'), next: Next }).strict();
const EndStep = z.object({ ...common, kind: z.literal('end') }).strict();

export const Step = z.discriminatedUnion('kind', [SayStep, ChoiceStep, ReflectStep, DilemmaStep, VideoStep, CheckinStep, EndStep]);
export type Step = z.infer<typeof Step>;
export type StepKind = Step['kind'];
export type OptionStep = Extract<Step, { kind: 'choice' | 'dilemma' }>;

export const Area = z.enum(['you', 'children', 'cooperation', 'safety', 'all']);

export const FlowFile = z
  .object({
    id: Id,
    version: z.number().int().positive(),
    area: Area,
    order: z.number().int().nonnegative(),
    suggests: z.array(Id).max(3).default([]),
    start: Id,
    steps: z.array(Step).min(1),
  })
  .strict();
export type FlowFile = z.infer<typeof FlowFile>;

/** A flow as loaded: its file data plus where it came from. */
export interface Flow extends FlowFile {
  persona: Persona;
  /** `persona/id`, unique across the project. */
  key: string;
  file: string;
}

const Text = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
export type Text = z.infer<typeof Text>;

export const StepContent = z
  .object({
    text: Text.optional(),
    hint: z.string().min(1).optional(),
    adult: z.string().min(1).optional(),
    alt: z.string().min(1).optional(),
    options: z.record(z.string(), z.string().min(1)).optional(),
    feedback: z.record(z.string(), Text).optional(),
    /** A practice step's short name of what to try ("Worry time for a few days"), used when the next visit asks. */
    practice: z.string().min(1).optional(),
  })
  .strict();
export type StepContent = z.infer<typeof StepContent>;

export const ContentFile = z
  .object({
    title: z.string().min(1),
    summary: z.string().min(1),
    minutes: z.number().int().positive().optional(),
    steps: z.record(z.string(), StepContent),
  })
  .strict();
export type ContentFile = z.infer<typeof ContentFile>;

export const VideoMeta = z.object({ duration: z.number().int().positive(), src: z.string().default('') }).strict();
export type VideoMeta = z.infer<typeof VideoMeta>;

export const VideoText = z.object({ title: z.string().min(1), text: z.array(z.string().min(1)).min(1) }).strict();
export type VideoText = z.infer<typeof VideoText>;

/** Button values the dialogue understands besides option values. */
export const CONTROL_VALUES = ['continue', 'skip', 'watched', 'text'] as const;
