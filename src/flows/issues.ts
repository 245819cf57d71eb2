/** One problem found in flows, content or translations. Structural problems stop the server; policy problems fail the linter. */
export interface FlowIssue {
  file: string;
  step?: string;
  message: string;
  severity: 'structure' | 'policy';
}

export function formatIssue(issue: FlowIssue): string {
  const where = issue.step ? `${issue.file}: step "${issue.step}"` : issue.file;
  return `${where}: ${issue.message}`;
}
