import { z } from 'zod';
import { canEnd, reachable, stepMap, successors } from './graph';
import type { FlowIssue } from './issues';
import type { Catalog } from './load';
import { readability, type Readability } from './readability';
import { ACTIONS, GUARDS, isActionName, isGuardName } from './registry';
import { LOCALES, SOURCE_LOCALE, type ContentFile, type Flow, type Next, type Persona, type Step, type StepContent } from './schema';

/** Size and kind rules per persona (the content guide's agreements). */
export const POLICY: Record<Persona, { minSteps: number; maxSteps: number; maxLix: number; maxSentenceWords: number | null }> = {
  parent: { minSteps: 8, maxSteps: 25, maxLix: 40, maxSentenceWords: null },
  'child-next': { minSteps: 8, maxSteps: 25, maxLix: 30, maxSentenceWords: 20 },
  'child-mini': { minSteps: 8, maxSteps: 25, maxLix: 25, maxSentenceWords: 20 },
};
const BASE_MIN_STEPS = 20;

/**
 * Parent modules whose advice assumes the parents can safely deal with each other: every `cooperation`
 * module, the base module (area `all`, with its part on talking to the other parent), and the children
 * modules that ask the reader to keep handovers and contact going. Each needs a safety line.
 */
const SAFETY_LINE_AREAS: ReadonlySet<string> = new Set(['cooperation', 'all']);
const SAFETY_LINE_MODULES: ReadonlySet<string> = new Set(['two-homes', 'loyalty']);
export const needsSafetyLine = (flow: Flow): boolean => flow.persona === 'parent' && (SAFETY_LINE_AREAS.has(flow.area) || SAFETY_LINE_MODULES.has(flow.id));

export interface ModuleReport {
  key: string;
  steps: number;
  readability: Readability;
}

/** All checks on a loaded catalog. Every issue names the file (and step) and says what to do. */
export function validateCatalog(catalog: Catalog): { issues: FlowIssue[]; reports: ModuleReport[] } {
  const issues: FlowIssue[] = [];
  const reports: ModuleReport[] = [];
  for (const flow of catalog.flows.values()) {
    issues.push(...checkStructure(flow, catalog));
    issues.push(...checkContent(flow, catalog));
    issues.push(...checkPolicy(flow));
    issues.push(...checkSafetyLine(flow));
    const texts = moduleTexts(flow, catalog.content[SOURCE_LOCALE].get(flow.key), catalog);
    const report = { key: flow.key, steps: flow.steps.length, readability: readability(texts) };
    reports.push(report);
    const policy = POLICY[flow.persona];
    if (texts.length > 0 && report.readability.lix > policy.maxLix) {
      issues.push(policyIssue(contentFile(flow, SOURCE_LOCALE), `Swedish LIX is ${report.readability.lix}, above ${policy.maxLix}: use shorter sentences and shorter words`));
    }
    if (policy.maxSentenceWords !== null && report.readability.longestSentence > policy.maxSentenceWords) {
      issues.push(
        policyIssue(
          contentFile(flow, SOURCE_LOCALE),
          `a sentence has ${report.readability.longestSentence} words (at most ${policy.maxSentenceWords} for children): "${report.readability.longestSentenceText}"`,
        ),
      );
    }
  }
  return { issues, reports };
}

const contentFile = (flow: Flow, locale: string) => `content/${locale}/${flow.persona}/${flow.id}.yaml`;
const structure = (file: string, message: string, step?: string): FlowIssue => ({ file, step, message, severity: 'structure' });
const policyIssue = (file: string, message: string, step?: string): FlowIssue => ({ file, step, message, severity: 'policy' });

function checkStructure(flow: Flow, catalog: Catalog): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const steps = stepMap(flow);
  const seen = new Set<string>();
  for (const step of flow.steps) {
    if (seen.has(step.id)) issues.push(structure(flow.file, 'the id is used twice: give each step its own id', step.id));
    seen.add(step.id);
  }
  if (!steps.has(flow.start)) issues.push(structure(flow.file, `start "${flow.start}" is not a step: name an existing step`));
  if (!flow.steps.some((s) => s.kind === 'end')) issues.push(structure(flow.file, 'has no `end` step: add one'));

  const checkNext = (step: Step, next: Next | undefined, what: string) => {
    if (next === undefined) return;
    const list = typeof next === 'string' ? [{ to: next, when: undefined }] : next;
    list.forEach((n, i) => {
      if (!steps.has(n.to)) issues.push(structure(flow.file, `${what} "${n.to}" does not exist: name an existing step`, step.id));
      if (n.when) issues.push(...checkGuard(flow, step, n.when.guard, n.when.params));
      if (typeof next !== 'string' && i === list.length - 1 && n.when) {
        issues.push(structure(flow.file, `${what}: the last entry must have no \`when\`, so some step always follows`, step.id));
      }
    });
  };

  for (const step of flow.steps) {
    if (step.kind === 'choice' || step.kind === 'dilemma') {
      const values = new Set<string>();
      for (const option of step.options) {
        if (values.has(option.value)) issues.push(structure(flow.file, `option "${option.value}" appears twice`, step.id));
        values.add(option.value);
        if (!option.next && !step.next) issues.push(structure(flow.file, `option "${option.value}" has no next and the step has none: add \`next\``, step.id));
        checkNext(step, option.next, `option "${option.value}": next`);
      }
      checkNext(step, step.next, 'next');
      if (step.kind === 'choice' && step.practice) {
        const have = step.options.map((o) => o.value).sort().join(',');
        if (have !== 'no,try') issues.push(structure(flow.file, `a practice step has exactly the options \`try\` and \`no\` (it has ${have})`, step.id));
      }
    } else if (step.kind !== 'end') {
      checkNext(step, step.next, 'next');
    }
    if (step.kind === 'video' && !catalog.videos.has(step.video)) {
      issues.push(structure(flow.file, `video "${step.video}" has no content/videos/${step.video}.yaml: add it`, step.id));
    }
    if (step.image && !catalog.images.has(step.image)) {
      issues.push(structure(flow.file, `image "${step.image}" has no public/img/${step.image}.svg: add it`, step.id));
    }
    for (const action of step.actions ?? []) {
      if (!isActionName(action.name)) {
        issues.push(structure(flow.file, `unknown action "${action.name}": use one of ${Object.keys(ACTIONS).join(', ')}`, step.id));
        continue;
      }
      const def = ACTIONS[action.name];
      const parsed = def.params.safeParse(action.params ?? {});
      if (!parsed.success) issues.push(structure(flow.file, `action "${action.name}" has wrong params: ${z.prettifyError(parsed.error)}`, step.id));
      if (def.needsSlot && step.kind !== 'reflect') issues.push(structure(flow.file, `action "${action.name}" belongs on a reflect step`, step.id));
    }
  }

  const live = reachable(flow);
  for (const step of flow.steps) {
    if (!live.has(step.id)) issues.push(structure(flow.file, 'is unreachable from the start: link to it with `next` or remove it', step.id));
  }
  const ending = canEnd(flow);
  for (const step of flow.steps) {
    if (live.has(step.id) && !ending.has(step.id)) {
      issues.push(structure(flow.file, 'is a dead end: no path from it reaches an `end` step; give it a `next` that leads to one', step.id));
    }
  }
  for (const other of flow.suggests) {
    if (!catalog.flows.has(`${flow.persona}/${other}`)) issues.push(structure(flow.file, `suggests "${other}", which is no ${flow.persona} module`));
  }
  return issues;
}

function checkGuard(flow: Flow, step: Step, name: string, params: unknown): FlowIssue[] {
  if (!isGuardName(name)) {
    return [structure(flow.file, `unknown guard "${name}": use one of ${Object.keys(GUARDS).join(', ')}`, step.id)];
  }
  const parsed = GUARDS[name].params.safeParse(params ?? {});
  if (!parsed.success) return [structure(flow.file, `guard "${name}" has wrong params: ${z.prettifyError(parsed.error)}`, step.id)];
  if (name === 'answer.is') {
    const p = parsed.data as { step: string; value: string };
    const target = flow.steps.find((s) => s.id === p.step);
    const values = target && (target.kind === 'choice' || target.kind === 'dilemma') ? target.options.map((o) => o.value) : target?.kind === 'checkin' ? ['1', '2', '3', '4', '5'] : null;
    if (!values) return [structure(flow.file, `guard "answer.is" names step "${p.step}", which is no choice, dilemma or check-in`, step.id)];
    if (!values.includes(p.value)) return [structure(flow.file, `guard "answer.is": step "${p.step}" has no option "${p.value}"`, step.id)];
  }
  if (name === 'note.given') {
    const p = parsed.data as { slot: string };
    if (!flow.steps.some((s) => s.kind === 'reflect' && s.slot === p.slot)) return [structure(flow.file, `guard "note.given": no reflect step has slot "${p.slot}"`, step.id)];
  }
  return [];
}

/** The content keys a step needs, as `field` or `field.sub`. */
export function requiredKeys(step: Step): string[] {
  const keys: string[] = [];
  if (step.kind !== 'video') keys.push('text');
  if (step.kind === 'choice' || step.kind === 'dilemma') for (const o of step.options) keys.push(`options.${o.value}`);
  if (step.kind === 'dilemma') for (const o of step.options) keys.push(`feedback.${o.value}`);
  if (step.kind === 'choice' && step.practice) keys.push('practice');
  if (step.adult) keys.push('adult');
  if (step.image) keys.push('alt');
  return keys;
}

function presentKeys(content: StepContent | undefined): Set<string> {
  const keys = new Set<string>();
  if (!content) return keys;
  for (const [field, value] of Object.entries(content)) {
    if (value === undefined) continue;
    if ((field === 'options' || field === 'feedback') && typeof value === 'object' && !Array.isArray(value)) {
      for (const sub of Object.keys(value)) keys.add(`${field}.${sub}`);
    } else keys.add(field);
  }
  return keys;
}

function checkContent(flow: Flow, catalog: Catalog): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const source = catalog.content[SOURCE_LOCALE].get(flow.key);
  for (const locale of LOCALES) {
    const file = contentFile(flow, locale);
    const content = catalog.content[locale].get(flow.key);
    if (!content) {
      issues.push(structure(file, `is missing: every module needs its texts in ${LOCALES.join(', ')}`));
      continue;
    }
    for (const step of flow.steps) {
      const have = presentKeys(content.steps[step.id]);
      for (const key of requiredKeys(step)) {
        if (!have.has(key)) issues.push(structure(file, `key "${key}" is missing in ${locale}: add steps.${step.id}.${key}`, step.id));
      }
      if (locale !== SOURCE_LOCALE && source) {
        for (const key of presentKeys(source.steps[step.id])) {
          if (!have.has(key) && !requiredKeys(step).includes(key)) issues.push(structure(file, `key "${key}" is in sv but missing in ${locale}: translate it`, step.id));
        }
      }
      for (const key of have) {
        const allowed = requiredKeys(step).includes(key) || ['text', 'hint'].includes(key);
        if (!allowed) issues.push(structure(file, `key "${key}" is not used by a ${step.kind} step: remove it or fix the step`, step.id));
      }
    }
    for (const id of Object.keys(content.steps)) {
      if (!flow.steps.some((s) => s.id === id)) issues.push(structure(file, `has texts for "${id}", which is no step of ${flow.file}: remove them or fix the id`));
    }
    for (const step of flow.steps) {
      if (step.kind !== 'video') continue;
      if (!catalog.videoTexts[locale].has(step.video)) {
        issues.push(structure(`content/${locale}/videos/${step.video}.yaml`, `is missing: the text version of video "${step.video}" is required in ${locale}`, step.id));
      }
    }
  }
  return issues;
}

function checkPolicy(flow: Flow): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const policy = POLICY[flow.persona];
  const min = flow.persona === 'parent' && flow.id === 'base' ? BASE_MIN_STEPS : policy.minSteps;
  const n = flow.steps.length;
  if (n < min || n > policy.maxSteps) issues.push(policyIssue(flow.file, `has ${n} steps; a ${flow.persona} module has ${min}–${policy.maxSteps}`));
  for (const kind of ['reflect', 'dilemma', 'video'] as const) {
    if (!flow.steps.some((s) => s.kind === kind)) issues.push(policyIssue(flow.file, `has no ${kind} step; every module needs at least one`));
  }
  const start = flow.steps.find((s) => s.id === flow.start);
  if (start && start.kind !== 'checkin') issues.push(policyIssue(flow.file, 'must begin with a check-in: make the start step a `checkin`', start.id));
  for (const end of flow.steps.filter((s) => s.kind === 'end')) {
    const before = flow.steps.filter((s) => s.kind !== 'end' && s.kind !== 'choice' && s.kind !== 'dilemma' && nextIncludes(s.next, end.id));
    if (before.length === 0 || before.some((s) => s.kind !== 'checkin')) {
      issues.push(policyIssue(flow.file, 'must be reached through a closing check-in: put a `checkin` step right before it', end.id));
    }
  }
  if (flow.persona === 'child-mini') {
    for (const step of flow.steps) if (!step.adult) issues.push(policyIssue(flow.file, 'child-mini steps are read with an adult: add `adult: true` and a guide line', step.id));
  }
  return issues;
}

const isSafetyLine = (step: Step | undefined): boolean => step?.kind === 'say' && step.safety === true;

/**
 * A module that gives advice on cooperating says, on every path, that the advice assumes it is safe to
 * cooperate, and offers the not-safe module. A safety line on one branch only would leave the others without it.
 */
function checkSafetyLine(flow: Flow): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const lines = flow.steps.filter(isSafetyLine);
  for (const step of lines) {
    if (!step.actions?.some((a) => a.name === 'offer.notSafe')) {
      issues.push(policyIssue(flow.file, 'a safety line offers the not-safe module: add `actions: [ { name: offer.notSafe } ]`', step.id));
    }
  }
  if (!needsSafetyLine(flow)) return issues;
  if (lines.length === 0) {
    const what = flow.area === 'cooperation' ? 'is a cooperation module' : 'gives advice on cooperating with the other parent';
    issues.push(
      policyIssue(
        flow.file,
        `${what} without a safety line: add a \`say\` step with \`safety: true\` and \`actions: [ { name: offer.notSafe } ]\` whose text says the advice assumes it is safe to cooperate, with its text in every language`,
      ),
    );
    return issues;
  }
  // Shortest walk from the start to an end that passes no safety line, if there is one.
  const steps = stepMap(flow);
  const from = new Map<string, string | null>([[flow.start, null]]);
  const queue = isSafetyLine(steps.get(flow.start)) ? [] : [flow.start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const step = steps.get(id);
    if (!step) continue;
    if (step.kind === 'end') {
      const path: string[] = [];
      for (let at: string | null = id; at !== null; at = from.get(at) ?? null) path.unshift(at);
      issues.push(
        policyIssue(
          flow.file,
          `a path reaches the end without a safety line (${path.join(' → ')}): mark a \`say\` step that every path passes with \`safety: true\`, or one on each branch`,
        ),
      );
      break;
    }
    for (const next of successors(step)) {
      if (from.has(next) || isSafetyLine(steps.get(next))) continue;
      from.set(next, id);
      queue.push(next);
    }
  }
  return issues;
}

const nextIncludes = (next: Next | undefined, id: string) => next !== undefined && (typeof next === 'string' ? next === id : next.some((n) => n.to === id));

/** All Swedish texts of a module, its videos' text versions included, for the readability report. */
function moduleTexts(flow: Flow, content: ContentFile | undefined, catalog: Catalog): string[] {
  if (!content) return [];
  const out: string[] = [content.summary];
  const add = (t: string | string[] | undefined) => {
    if (t === undefined) return;
    out.push(...(Array.isArray(t) ? t : [t]));
  };
  for (const step of flow.steps) {
    const c = content.steps[step.id];
    if (!c) continue;
    add(c.text);
    add(c.hint);
    add(c.adult);
    for (const f of Object.values(c.feedback ?? {})) add(f);
    if (step.kind === 'video') add(catalog.videoTexts[SOURCE_LOCALE].get(step.video)?.text);
  }
  return out;
}

