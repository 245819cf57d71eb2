import type { Flow, Next, Step } from './schema';

/** Targets of a `next` field, in order. */
export function nextTargets(next: Next | undefined): string[] {
  if (next === undefined) return [];
  return typeof next === 'string' ? [next] : next.map((n) => n.to);
}

/** Every step this step can lead to. */
export function successors(step: Step): string[] {
  const out = new Set<string>();
  if (step.kind === 'choice' || step.kind === 'dilemma') {
    for (const option of step.options) for (const t of nextTargets(option.next ?? step.next)) out.add(t);
  } else if (step.kind !== 'end') {
    for (const t of nextTargets(step.next)) out.add(t);
  }
  return [...out];
}

export function stepMap(flow: Flow): Map<string, Step> {
  return new Map(flow.steps.map((s) => [s.id, s]));
}

/** Steps reachable from the start. */
export function reachable(flow: Flow): Set<string> {
  const steps = stepMap(flow);
  const seen = new Set<string>();
  const queue = [flow.start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    const step = steps.get(id);
    if (!step) continue;
    seen.add(id);
    queue.push(...successors(step));
  }
  return seen;
}

/** Steps from which some `end` step can be reached. */
export function canEnd(flow: Flow): Set<string> {
  const preds = predecessors(flow);
  const ok = new Set<string>();
  const queue = flow.steps.filter((s) => s.kind === 'end').map((s) => s.id);
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (ok.has(id)) continue;
    ok.add(id);
    queue.push(...(preds.get(id) ?? []));
  }
  return ok;
}

export function predecessors(flow: Flow): Map<string, string[]> {
  const preds = new Map<string, string[]>();
  for (const step of flow.steps) {
    for (const t of successors(step)) preds.set(t, [...(preds.get(t) ?? []), step.id]);
  }
  return preds;
}

/** Position of each step on the longest path from the start, and that length: "step x of y". */
export function progressIndex(flow: Flow): { position: Map<string, number>; total: number } {
  const steps = stepMap(flow);
  const position = new Map<string, number>();
  // Longest distance from the start over a DAG walk; loops (back edges) are ignored.
  const visit = (id: string, depth: number, onPath: Set<string>) => {
    if (onPath.has(id) || (position.get(id) ?? 0) >= depth) return;
    position.set(id, depth);
    const step = steps.get(id);
    if (!step) return;
    onPath.add(id);
    for (const t of successors(step)) visit(t, depth + 1, onPath);
    onPath.delete(id);
  };
  visit(flow.start, 1, new Set());
  const total = Math.max(1, ...flow.steps.filter((s) => s.kind === 'end').map((s) => position.get(s.id) ?? 0));
  return { position, total };
}

/** The flow as a Mermaid state diagram. */
export function toMermaid(flow: Flow): string {
  const lines = ['stateDiagram-v2', `  [*] --> ${safe(flow.start)}`];
  for (const step of flow.steps) {
    lines.push(`  ${safe(step.id)} : ${step.id} (${step.kind})`);
    if (step.kind === 'end') {
      lines.push(`  ${safe(step.id)} --> [*]`);
      continue;
    }
    if (step.kind === 'choice' || step.kind === 'dilemma') {
      for (const option of step.options) {
        for (const t of nextTargets(option.next ?? step.next)) lines.push(`  ${safe(step.id)} --> ${safe(t)} : ${option.value}`);
      }
    } else {
      for (const n of typeof step.next === 'string' ? [{ to: step.next, when: undefined }] : step.next) {
        lines.push(`  ${safe(step.id)} --> ${safe(n.to)}${n.when ? ` : ${n.when.guard}` : ''}`);
      }
    }
  }
  return lines.join('\n');
}

const safe = (id: string) => id.replace(/-/g, '_');
