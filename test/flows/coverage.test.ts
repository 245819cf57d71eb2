import { getShortestPaths } from '@xstate/graph';
import { loadEngine } from '../../src/flows/engine';
import { canEnd, reachable } from '../../src/flows/graph';
import type { FlowEvent } from '../../src/flows/compile';
import type { Flow } from '../../src/flows/schema';
import { ROOT } from '../../src/paths';
import { AGE_BANDS } from '../../src/flows/schema';

const engine = loadEngine(ROOT);

/** Every answer a user can give anywhere in a flow, as machine events. */
function eventsOf(flow: Flow): FlowEvent[] {
  const values = new Set<string>(['continue', 'skip', 'written', 'watched', '1', '3', '5']);
  for (const s of flow.steps) if (s.kind === 'choice' || s.kind === 'dilemma') for (const o of s.options) values.add(o.value);
  return [...values].map((value) => ({ type: 'ANSWER', value, note: value === 'written' ? 'x' : null }) as FlowEvent);
}

/** Steps whose answer some `answer.is` guard reads. */
function guardedSteps(flow: Flow): string[] {
  const out = new Set<string>();
  for (const s of flow.steps) {
    const nexts = [s.kind === 'end' ? undefined : s.next, ...(s.kind === 'choice' || s.kind === 'dilemma' ? s.options.map((o) => o.next) : [])];
    for (const n of nexts) if (Array.isArray(n)) for (const c of n) if (c.when?.guard === 'answer.is') out.add(String(c.when.params?.step));
  }
  return [...out].sort();
}

describe.each([...engine.catalog.flows.values()].map((f) => [f.key, f] as const))('path coverage of %s', (_key, flow) => {
  const machine = engine.machines.get(flow.key);
  if (!machine) throw new Error('no machine');
  const bands = flow.persona === 'child-next' ? [...AGE_BANDS] : [null];

  test('every step is reachable in the compiled machine, and every reachable step can reach the end', () => {
    const reached = new Set<string>();
    for (const ageBand of bands) {
      // A state is its step and the answers guards can read; other answers, notes and history would make every path its own state.
      const read = guardedSteps(flow);
      const paths = getShortestPaths(machine, {
        events: eventsOf(flow),
        input: { ageBand },
        serializeState: (s) => {
          const snap = s as unknown as { value: unknown; context: { answers: Record<string, string> } };
          return `${String(snap.value)} ${read.map((id) => snap.context.answers[id] ?? '').join(',')}`;
        },
      });
      for (const p of paths) reached.add(String(p.state.value));
    }
    expect([...reached].sort()).toEqual(flow.steps.map((s) => s.id).sort());
    // The data graph agrees with the machine, and from every step an end is reachable.
    expect([...reachable(flow)].sort()).toEqual([...reached].sort());
    const ends = canEnd(flow);
    for (const id of reached) expect(ends.has(id) ? id : `${id} cannot end`).toBe(id);
  });
});
