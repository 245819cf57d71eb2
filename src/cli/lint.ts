import { formatIssue } from '../flows/issues';
import { loadCatalog } from '../flows/load';
import { POLICY, validateCatalog } from '../flows/validate';

/** `lotsen flows lint`: every check, then the readability report. Returns the exit code. */
export function lintFlows(root: string, out: (line: string) => void = console.log): number {
  const { catalog, issues: loadIssues } = loadCatalog(root);
  const { issues, reports } = validateCatalog(catalog);
  const all = [...loadIssues, ...issues];
  out(`Readability (Swedish): LIX per module, longest sentence in words`);
  out(`${'module'.padEnd(28)} ${'steps'.padStart(5)} ${'LIX'.padStart(6)} ${'max'.padStart(4)} ${'longest'.padStart(8)}`);
  for (const r of reports.sort((a, b) => a.key.localeCompare(b.key))) {
    const persona = catalog.flows.get(r.key)?.persona ?? 'parent';
    out(`${r.key.padEnd(28)} ${String(r.steps).padStart(5)} ${r.readability.lix.toFixed(1).padStart(6)} ${String(POLICY[persona].maxLix).padStart(4)} ${String(r.readability.longestSentence).padStart(8)}`);
  }
  if (all.length === 0) {
    out(`\n${catalog.flows.size} modules: flows, content and translations are consistent.`);
    return 0;
  }
  out(`\n${all.length} problem(s):`);
  for (const issue of all) out(`  ${formatIssue(issue)}`);
  return 1;
}
