import { compileFlow, type FlowMachine } from './compile';
import { formatIssue, type FlowIssue } from './issues';
import { flowsOf, loadCatalog, type Catalog } from './load';
import { progressIndex } from './graph';
import type { Flow, Persona } from './schema';
import { validateCatalog, type ModuleReport } from './validate';

/** Loaded, validated and compiled flows: built once at start, shared by every turn. */
export interface FlowEngine {
  catalog: Catalog;
  machines: Map<string, FlowMachine>;
  progress: Map<string, { position: Map<string, number>; total: number }>;
  flowsOf(persona: Persona): Flow[];
  flow(key: string): Flow | undefined;
}

export class FlowLoadError extends Error {
  constructor(readonly issues: FlowIssue[]) {
    super(`The flows have ${issues.length} problem(s):\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'FlowLoadError';
  }
}

/** Loads and checks every flow; throws FlowLoadError on a structural problem (policy problems are the linter's). */
export function loadEngine(root: string): FlowEngine & { policyIssues: FlowIssue[]; reports: ModuleReport[] } {
  const { catalog, issues: loadIssues } = loadCatalog(root);
  const { issues, reports } = validateCatalog(catalog);
  const all = [...loadIssues, ...issues];
  const broken = all.filter((i) => i.severity === 'structure');
  if (broken.length > 0) throw new FlowLoadError(broken);
  const machines = new Map<string, FlowMachine>();
  const progress = new Map<string, { position: Map<string, number>; total: number }>();
  for (const flow of catalog.flows.values()) {
    machines.set(flow.key, compileFlow(flow));
    progress.set(flow.key, progressIndex(flow));
  }
  return {
    catalog,
    machines,
    progress,
    flowsOf: (persona) => flowsOf(catalog, persona),
    flow: (key) => catalog.flows.get(key),
    policyIssues: all.filter((i) => i.severity === 'policy'),
    reports,
  };
}
