import path from 'node:path';
import { lintFlows } from '../../src/cli/lint';
import { loadEngine, FlowLoadError } from '../../src/flows/engine';
import { ROOT } from '../../src/paths';

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', name);

function lintAt(root: string): { code: number; output: string } {
  const lines: string[] = [];
  const code = lintFlows(root, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}
const lint = (name: string) => lintAt(fixture(name));

describe('lotsen flows lint', () => {
  test('passes on a consistent module and prints its readability', () => {
    const { code, output } = lint('valid');
    expect(code).toBe(0);
    expect(output).toMatch(/parent\/demo\s+8\s+\d+\.\d/);
  });

  // Each broken fixture differs from `valid` by one mistake; the message must name the file and the step.
  test.each([
    ['dangling-next', 'flows/parent/demo.yaml: step "intro": next "asks" does not exist'],
    ['unknown-guard', 'flows/parent/demo.yaml: step "film": unknown guard "mood.isLow"'],
    ['missing-arabic', 'content/ar/parent/demo.yaml: step "think": key "text" is missing in ar'],
    ['unreachable', 'flows/parent/demo.yaml: step "orphan": is unreachable from the start'],
    ['dead-end', 'flows/parent/demo.yaml: step "loop-a": is a dead end'],
    ['no-safety-line', 'flows/parent/demo.yaml: is a cooperation module without a safety line: add a `say` step with `safety: true`'],
    ['safety-line-one-branch', 'flows/parent/demo.yaml: a path reaches the end without a safety line (checkin-start → intro → ask → think'],
    ['safety-line-no-offer', 'flows/parent/demo.yaml: step "intro": a safety line offers the not-safe module: add `actions: [ { name: offer.notSafe } ]`'],
  ])('fails on %s, naming file and step', (name, message) => {
    const { code, output } = lint(name);
    expect(code).toBe(1);
    expect(output).toContain(message);
  });

  test('the shipped modules pass every check, safety lines included', () => {
    const { code, output } = lintAt(ROOT);
    expect(output).not.toContain('problem(s)');
    expect(code).toBe(0);
  });

  test('the server refuses to start on a broken flow', () => {
    expect(() => loadEngine(fixture('dangling-next'))).toThrow(FlowLoadError);
    expect(() => loadEngine(fixture('dangling-next'))).toThrow(/step "intro": next "asks" does not exist/);
  });
});
