import { DialogueState } from '../dialogue/types';
import { FlowContext } from './registry';
import type { Flow } from './schema';

/**
 * What transcript tests reach: the steps the dialogue showed and the choice and dilemma options answered, per
 * module. It reads the dialogue state after each turn (the step each run stands at, the steps its history has
 * passed, the answers it holds), so the dialogue itself needs no hook.
 */
export class Reached {
  readonly steps = new Map<string, Set<string>>();
  readonly answers = new Map<string, Set<string>>();

  /** Takes in a dialogue state as the bot stored it after a turn; anything else is ignored. */
  observe(stored: unknown): void {
    const state = DialogueState.safeParse(stored);
    if (!state.success) return;
    for (const [flow, p] of Object.entries(state.data.progress)) this.step(flow, p.step);
    for (const [flow, run] of Object.entries(state.data.runs)) {
      const snapshot = run.snapshot as { value?: unknown; context?: unknown } | null;
      if (typeof snapshot?.value === 'string') this.step(flow, snapshot.value);
      const context = FlowContext.safeParse(snapshot?.context);
      if (!context.success) continue;
      for (const id of context.data.history) this.step(flow, id);
      for (const [id, value] of Object.entries(context.data.answers)) add(this.answers, flow, answerKey(id, value));
    }
  }

  private step(flow: string, id: string): void {
    add(this.steps, flow, id);
  }
}

const add = (map: Map<string, Set<string>>, flow: string, item: string) => {
  const set = map.get(flow) ?? new Set<string>();
  set.add(item);
  map.set(flow, set);
};
const answerKey = (step: string, value: string) => `${step}\u0000${value}`;

export interface Count {
  reached: number;
  total: number;
  /** Steps by id; options as `step: value`. */
  missed: string[];
}

export interface FlowCoverage {
  flow: string;
  steps: Count;
  options: Count;
  /** Steps and options reached, in per cent of both, to one decimal. */
  percent: number;
}

export interface CoverageReport {
  flows: FlowCoverage[];
  reached: number;
  total: number;
  percent: number;
}

/** Shown to one decimal; a minimum is held against the exact share (`reached` and `total`). */
const percentOf = (reached: number, total: number) => (total === 0 ? 100 : Math.round((reached / total) * 1000) / 10);

/** Per module, the steps and the choice and dilemma options no test reached; check-in values do not count. */
export function coverageOf(flows: Flow[], reached: Reached): CoverageReport {
  const out = flows.map((flow): FlowCoverage => {
    const steps = reached.steps.get(flow.key) ?? new Set<string>();
    const answers = reached.answers.get(flow.key) ?? new Set<string>();
    const missedSteps = flow.steps.filter((s) => !steps.has(s.id)).map((s) => s.id);
    const options = flow.steps.flatMap((s) => (s.kind === 'choice' || s.kind === 'dilemma' ? s.options.map((o) => ({ step: s.id, value: o.value })) : []));
    const missedOptions = options.filter((o) => !answers.has(answerKey(o.step, o.value))).map((o) => `${o.step}: ${o.value}`);
    const total = flow.steps.length + options.length;
    return {
      flow: flow.key,
      steps: { reached: flow.steps.length - missedSteps.length, total: flow.steps.length, missed: missedSteps },
      options: { reached: options.length - missedOptions.length, total: options.length, missed: missedOptions },
      percent: percentOf(total - missedSteps.length - missedOptions.length, total),
    };
  });
  const total = out.reduce((n, f) => n + f.steps.total + f.options.total, 0);
  const got = out.reduce((n, f) => n + f.steps.reached + f.options.reached, 0);
  return { flows: out, reached: got, total, percent: percentOf(got, total) };
}

/** The report as lines for a terminal: one line per module, what it misses below it, then the total. */
export function formatCoverage(report: CoverageReport): string[] {
  const width = Math.max(24, ...report.flows.map((f) => f.flow.length + 2));
  const lines = ['Coverage: the steps and the choice and dilemma options the tests reach'];
  for (const f of report.flows) {
    lines.push(`${f.flow.padEnd(width)} steps ${`${f.steps.reached}/${f.steps.total}`.padEnd(7)} options ${`${f.options.reached}/${f.options.total}`.padEnd(7)} ${f.percent.toFixed(1)}%`);
    if (f.steps.missed.length > 0) lines.push(`  steps not reached: ${f.steps.missed.join(', ')}`);
    if (f.options.missed.length > 0) lines.push(`  options not reached: ${f.options.missed.join(', ')}`);
  }
  lines.push(`${'total'.padEnd(width)} ${`${report.reached}/${report.total}`.padEnd(7)} ${report.percent.toFixed(1)}%`);
  return lines;
}
