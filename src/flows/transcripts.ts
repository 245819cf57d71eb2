import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConversationState, TestAdapter, type Activity } from 'botbuilder';
import { LotsenBot } from '../bot/bot';
import { keysOf } from '../bot/render';
import { detectCrisis } from '../safety/crisis';
import { DbBotStorage } from '../store/botStorage';
import { Sealer } from '../store/crypto';
import { Sqlite } from '../store/sqlite';
import { coverageOf, Reached, type CoverageReport } from './coverage';
import { loadEngine, type FlowEngine } from './engine';
import { formatProblem, readTranscriptFile, type CaseRun, type ReadTranscript, type TestFileProblem } from './transcriptFile';
import { Persona, type AgeBand, type Locale } from './schema';

export { TranscriptFile, type CaseRun, type TranscriptTurn } from './transcriptFile';

/** Every transcript test file under test/flows, optionally only one module's. */
export function findTranscriptFiles(root: string, only?: string): string[] {
  const dir = path.join(root, 'test', 'flows');
  const out: string[] = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const f of readdirSync(d).sort()) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.test.yaml')) out.push(p);
    }
  };
  walk(dir);
  return only ? out.filter((f) => f.replace(/\\/g, '/').includes(`/${only.includes('/') ? only : `parent/${only}`}.test.yaml`)) : out;
}

/** A test file that cannot run as written; the message lists every problem with its line. */
export class TranscriptFileError extends Error {
  constructor(readonly read: ReadTranscript) {
    super(read.problems.map((p) => formatProblem(read.file, p)).join('\n'));
    this.name = 'TranscriptFileError';
  }
}

/**
 * Expands a file into one run per case, locale and age band. Throws TranscriptFileError on a file with problems;
 * given the engine, a module or key that does not exist is one.
 */
export function expandTranscriptFile(root: string, file: string, engine?: FlowEngine): CaseRun[] {
  const read = readTranscriptFile(root, file, engine);
  if (read.problems.length > 0) throw new TranscriptFileError(read);
  return read.runs;
}

/** `file [locale age band] "case"`, as failures and reports name a run. */
export const runLabel = (run: CaseRun) => `${run.file} [${run.locale}${run.ageBand ? ` ${run.ageBand}` : ''}] "${run.name}"`;

/**
 * Plays one case through the real bot on botbuilder's TestAdapter and returns its failures, each starting at the
 * turn (empty when it passed). Given `reached`, the dialogue state after every turn goes to it, for coverage.
 */
export async function playCase(engine: FlowEngine, run: CaseRun, reached?: Reached): Promise<string[]> {
  const db = await Sqlite.open(':memory:');
  await db.migrate();
  const storage = new DbBotStorage(db, new Sealer(Buffer.alloc(32, 7)));
  const persona = Persona.parse(run.flow.split('/')[0]);
  const moduleId = run.flow.split('/')[1] ?? '';
  const profile = { persona, ageBand: run.ageBand, locale: run.locale };
  const conversationState = new ConversationState(storage);
  const bot = new LotsenBot(conversationState, { engine, detectCrisis }, async () => ({ profile }));
  let sent: Array<Partial<Activity>> = [];
  const adapter = new TestAdapter(async (context) => {
    context.onSendActivities(async (_ctx, activities, next) => {
      sent.push(...activities);
      return next();
    });
    await bot.run(context);
    // The state this turn saved, as the bot keeps it: where the run stands and what it has answered.
    if (reached) reached.observe((conversationState.get(context) as { dialogue?: unknown } | undefined)?.dialogue);
  });
  const failures: string[] = [];
  try {
    for (const [i, turn] of run.turns.entries()) {
      sent = [];
      const value = turn.open ? `module:${moduleId}` : turn.button;
      if (turn.login) await adapter.send({ type: 'event', name: 'lotsen/start', locale: run.locale }).startTest();
      else await adapter.send(value !== undefined ? { type: 'message', text: value, value: { action: value }, locale: run.locale } : { type: 'message', text: turn.say ?? '', locale: run.locale }).startTest();
      const keys = keysOf(sent);
      let at = 0;
      for (const expected of turn.expect) {
        const found = keys.indexOf(expected, at);
        if (found < 0) {
          failures.push(`turn ${i + 1} (${turn.open ? 'open' : turn.login ? 'login' : turn.button !== undefined ? `button ${turn.button}` : `say "${turn.say}"`}): expected "${expected}" (in order) among [${keys.join(', ')}]`);
          break;
        }
        at = found + 1;
      }
      for (const key of turn.absent) {
        if (keys.includes(key)) failures.push(`turn ${i + 1}: "${key}" must not be among [${keys.join(', ')}]`);
      }
      if (failures.length > 0) break;
      if (sent.some((a) => a.type === 'message' && !a.text && !(a.attachments && a.attachments.length > 0))) failures.push(`turn ${i + 1}: an empty message was sent`);
    }
  } finally {
    await db.close();
  }
  return failures;
}

/** Runs one case; returns the failures, each naming the file, locale, age band and case (empty when it passed). */
export async function runCase(engine: FlowEngine, run: CaseRun, reached?: Reached): Promise<string[]> {
  return (await playCase(engine, run, reached)).map((f) => `${runLabel(run)} ${f}`);
}

export interface CaseResult {
  name: string;
  locale: Locale;
  ageBand: AgeBand | null;
  /** Each from its turn on; empty when the run passed. */
  failures: string[];
}

export interface FileResult {
  file: string;
  flow: string | null;
  /** A file with problems runs no case. */
  problems: TestFileProblem[];
  cases: CaseResult[];
}

export interface TranscriptReport {
  files: FileResult[];
  passed: number;
  failed: number;
  /** Files with problems. */
  broken: number;
  coverage?: CoverageReport;
}

/**
 * `lotsen flows test`: checks and runs every transcript file (or one module's). A file with problems is reported
 * and skipped; the others still run. With `coverage`, also what the runs reached, for the module asked for or all.
 */
export async function runTranscriptFiles(root: string, options: { only?: string; engine?: FlowEngine; coverage?: boolean } = {}): Promise<TranscriptReport> {
  const engine = options.engine ?? loadEngine(root);
  const reached = options.coverage ? new Reached() : undefined;
  const report: TranscriptReport = { files: [], passed: 0, failed: 0, broken: 0 };
  for (const file of findTranscriptFiles(root, options.only)) {
    const read = readTranscriptFile(root, file, engine);
    const result: FileResult = { file: read.file, flow: read.flow, problems: read.problems, cases: [] };
    if (read.problems.length > 0) report.broken += 1;
    for (const run of read.runs) {
      const failures = await playCase(engine, run, reached);
      result.cases.push({ name: run.name, locale: run.locale, ageBand: run.ageBand, failures });
      if (failures.length === 0) report.passed += 1;
      else report.failed += 1;
    }
    report.files.push(result);
  }
  if (reached) {
    const only = options.only ? engine.flow(options.only.includes('/') ? options.only : `parent/${options.only}`) : undefined;
    const flows = only ? [only] : [...engine.catalog.flows.values()].sort((a, b) => a.key.localeCompare(b.key));
    report.coverage = coverageOf(flows, reached);
  }
  return report;
}
