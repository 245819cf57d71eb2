import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatCoverage } from '../flows/coverage';
import { FlowLoadError, loadEngine, type FlowEngine } from '../flows/engine';
import { closest, formatProblem, unknownModule } from '../flows/transcriptFile';
import { findTranscriptFiles, runTranscriptFiles, type TranscriptReport } from '../flows/transcripts';

const OPTIONS = {
  junit: { type: 'string' },
  json: { type: 'boolean', default: false },
  coverage: { type: 'boolean', default: false },
  'min-coverage': { type: 'string' },
  root: { type: 'string' },
} as const;
const OPTION_HELP = '--junit FILE, --json, --coverage, --min-coverage N, --root DIR';

/** Thrown for a mistake in the command itself: exit 2 with the message. */
class UsageError extends Error {}

interface Args {
  only: string | undefined;
  junit: string | undefined;
  json: boolean;
  coverage: boolean;
  minCoverage: number | undefined;
  root: string;
}

function parse(argv: string[], defaultRoot: string): Args {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const message = err instanceof Error ? err.message : String(err);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const name = /'(-[^']*)'/.exec(message)?.[1] ?? message;
      const like = closest(name, Object.keys(OPTIONS).map((o) => `--${o}`));
      throw new UsageError(`unknown option ${name}${like ? `: did you mean ${like}?` : ''}; the options are ${OPTION_HELP}`);
    }
    throw new UsageError(`${message.split('.')[0] ?? message}; the options are ${OPTION_HELP}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`one module at most, as in parent/anger; got ${positionals.join(' ')}`);
  let minCoverage: number | undefined;
  if (values['min-coverage'] !== undefined) {
    const raw = values['min-coverage'];
    minCoverage = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!(minCoverage >= 0 && minCoverage <= 100)) throw new UsageError(`--min-coverage takes a number from 0 to 100, not "${raw}"`);
  }
  const root = values.root === undefined ? defaultRoot : path.resolve(values.root);
  if (!existsSync(path.join(root, 'flows'))) throw new UsageError(`no flows/ folder in ${root}: --root names a project folder`);
  return { only: positionals[0], junit: values.junit, json: values.json, coverage: values.coverage, minCoverage, root };
}

/** The module a command names (`anger` is `parent/anger`), checked against the flows and the test files. */
function selected(engine: FlowEngine, root: string, only: string | undefined): string | undefined {
  if (only === undefined) return undefined;
  const key = only.includes('/') ? only : `parent/${only}`;
  if (!engine.flow(key)) throw new UsageError(unknownModule(key, [...engine.catalog.flows.keys()]));
  if (findTranscriptFiles(root, key).length === 0) throw new UsageError(`no test file for ${key}: write test/flows/${key}.test.yaml (see docs/flow-format.md, Transcript tests)`);
  return key;
}

/**
 * `lotsen flows test [persona/module] [--coverage] [--min-coverage N] [--junit FILE] [--json]`. Exit 0 when every
 * case passes (and coverage is at least the minimum), 1 when a case fails or coverage is below it, 2 when the command
 * or a test file is wrong: those files' cases do not run, the others' do.
 */
export async function flowsTest(argv: string[], defaultRoot: string, out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  let args: Args;
  let engine: FlowEngine;
  let only: string | undefined;
  try {
    args = parse(argv, defaultRoot);
    engine = loadEngine(args.root);
    only = selected(engine, args.root, args.only);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`lotsen flows test: ${e.message}`);
      return 2;
    }
    if (e instanceof FlowLoadError) {
      err(`${e.message}\nFix the flows first (lotsen flows lint).`);
      return 2;
    }
    throw e;
  }
  const wantCoverage = args.coverage || args.minCoverage !== undefined;
  const report = await runTranscriptFiles(args.root, { only, engine, coverage: wantCoverage });
  const coverage = report.coverage;
  const below = coverage !== undefined && args.minCoverage !== undefined && coverage.reached * 100 < args.minCoverage * coverage.total;

  if (args.junit !== undefined) {
    try {
      writeFileSync(args.junit, toJUnit(report));
    } catch (e) {
      err(`lotsen flows test: cannot write --junit ${args.junit}: ${e instanceof Error ? e.message : String(e)}`);
      return 2;
    }
  }
  if (args.json) {
    out(JSON.stringify(toJson(report), null, 2));
    if (below) err(`coverage ${coverage.percent.toFixed(1)}% is below --min-coverage ${args.minCoverage}`);
  } else {
    for (const file of report.files) {
      for (const p of file.problems) out(formatProblem(file.file, p));
      for (const c of file.cases) for (const f of c.failures) out(`FAIL ${file.file} [${c.locale}${c.ageBand ? ` ${c.ageBand}` : ''}] "${c.name}" ${f}`);
    }
    if (coverage && (args.coverage || below)) for (const line of formatCoverage(coverage)) out(line);
    const broken = report.broken > 0 ? `, ${report.broken} test file${report.broken === 1 ? '' : 's'} with errors (fix them: their cases did not run)` : '';
    out(`${report.passed} passed, ${report.failed} failed${broken}`);
    if (coverage && args.minCoverage !== undefined) {
      out(below
        ? `coverage ${coverage.percent.toFixed(1)}% is below --min-coverage ${args.minCoverage}: add cases that reach the steps and options not reached`
        : `coverage ${coverage.percent.toFixed(1)}% (at least ${args.minCoverage}%)`);
    }
  }
  if (report.broken > 0) return 2;
  return report.failed > 0 || below ? 1 : 0;
}

function toJson(report: TranscriptReport) {
  return {
    passed: report.passed,
    failed: report.failed,
    broken: report.broken,
    files: report.files.map((f) => ({ ...f, cases: f.cases.map((c) => ({ name: c.name, locale: c.locale, ageBand: c.ageBand, passed: c.failures.length === 0, failures: c.failures })) })),
    ...(report.coverage ? { coverage: report.coverage } : {}),
  };
}

/** Text as XML 1.0 allows it in attributes and elements: escaped, without the control characters it forbids. */
const xml = (s: string) =>
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** JUnit XML as CI systems read it: one testsuite per file, one testcase per case, locale and age band. */
export function toJUnit(report: TranscriptReport): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const file of report.files) {
    const cases: string[] = [];
    let fileFailures = 0;
    if (file.problems.length > 0) {
      const first = file.problems[0];
      const message = first ? `${first.line}:${first.col}: ${first.message}` : '';
      cases.push(`    <testcase classname="${xml(file.file)}" name="${xml(`${file.flow ?? file.file} test file`)}">\n      <error message="${xml(message)}">${xml(file.problems.map((p) => formatProblem(file.file, p)).join('\n'))}</error>\n    </testcase>`);
    }
    for (const c of file.cases) {
      const name = `${file.flow ?? ''} [${c.locale}${c.ageBand ? ` ${c.ageBand}` : ''}] ${c.name}`;
      if (c.failures.length === 0) cases.push(`    <testcase classname="${xml(file.file)}" name="${xml(name)}"/>`);
      else {
        fileFailures += 1;
        cases.push(`    <testcase classname="${xml(file.file)}" name="${xml(name)}">\n      <failure message="${xml(c.failures[0] ?? '')}">${xml(c.failures.join('\n'))}</failure>\n    </testcase>`);
      }
    }
    const fileErrors = file.problems.length > 0 ? 1 : 0;
    tests += cases.length;
    failures += fileFailures;
    errors += fileErrors;
    suites.push(`  <testsuite name="${xml(file.file)}" tests="${cases.length}" failures="${fileFailures}" errors="${fileErrors}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="lotsen flows test" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`;
}
