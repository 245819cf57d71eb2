import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConversationState, TestAdapter, type Activity } from 'botbuilder';
import { parse } from 'yaml';
import { z } from 'zod';
import { LotsenBot } from '../bot/bot';
import { keysOf } from '../bot/render';
import { detectCrisis } from '../safety/crisis';
import { DbBotStorage } from '../store/botStorage';
import { Sealer } from '../store/crypto';
import { Sqlite } from '../store/sqlite';
import { loadEngine, type FlowEngine } from './engine';
import { AgeBand, LOCALES, Locale, Persona } from './schema';

const Turn = z
  .object({
    open: z.literal(true).optional(),
    /** A new login to the same conversation: the welcome (back), as when someone comes back with their code. */
    login: z.literal(true).optional(),
    button: z.union([z.string(), z.number()]).transform(String).optional(),
    say: z.string().optional(),
    expect: z.array(z.string()).default([]),
    /** Keys that must not be among the replies (a question never asked twice, say). */
    absent: z.array(z.string()).default([]),
  })
  .strict()
  .refine((t) => [t.open, t.login, t.button, t.say].filter((x) => x !== undefined).length === 1, 'each turn has exactly one of open, login, button, say');
export type TranscriptTurn = z.infer<typeof Turn>;

const Case = z
  .object({ name: z.string(), ageBand: AgeBand.optional(), ageBands: z.array(AgeBand).optional(), locales: z.array(Locale).optional(), turns: z.array(Turn).min(1) })
  .strict();

export const TranscriptFile = z
  .object({
    flow: z.string().regex(/^(parent|child-mini|child-next)\/[a-z0-9-]+$/),
    ageBand: AgeBand.optional(),
    ageBands: z.array(AgeBand).optional(),
    locales: z.array(Locale).default([...LOCALES]),
    cases: z.array(Case).min(1),
  })
  .strict();
export type TranscriptFile = z.infer<typeof TranscriptFile>;

export interface CaseRun {
  file: string;
  flow: string;
  name: string;
  locale: Locale;
  ageBand: AgeBand | null;
  turns: TranscriptTurn[];
}

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

/** Expands a file into one run per case, locale and age band. */
export function expandTranscriptFile(root: string, file: string): CaseRun[] {
  const data = TranscriptFile.parse(parse(readFileSync(file, 'utf8')));
  const rel = path.relative(root, file).split(path.sep).join('/');
  const persona = Persona.parse(data.flow.split('/')[0]);
  return data.cases.flatMap((c) => {
    const bands: Array<AgeBand | null> =
      persona !== 'child-next' ? [null] : (c.ageBands ?? (c.ageBand ? [c.ageBand] : undefined) ?? data.ageBands ?? (data.ageBand ? [data.ageBand] : ['9-12']));
    return (c.locales ?? data.locales).flatMap((locale) => bands.map((ageBand) => ({ file: rel, flow: data.flow, name: c.name, locale, ageBand, turns: c.turns })));
  });
}

/** Runs one case through the real bot on botbuilder's TestAdapter; returns the failures (empty when it passed). */
export async function runCase(engine: FlowEngine, run: CaseRun): Promise<string[]> {
  const db = await Sqlite.open(':memory:');
  await db.migrate();
  const storage = new DbBotStorage(db, new Sealer(Buffer.alloc(32, 7)));
  const persona = Persona.parse(run.flow.split('/')[0]);
  const moduleId = run.flow.split('/')[1] ?? '';
  const profile = { persona, ageBand: run.ageBand, locale: run.locale };
  const bot = new LotsenBot(new ConversationState(storage), { engine, detectCrisis }, async () => ({ profile }));
  let sent: Array<Partial<Activity>> = [];
  const adapter = new TestAdapter(async (context) => {
    context.onSendActivities(async (_ctx, activities, next) => {
      sent.push(...activities);
      return next();
    });
    await bot.run(context);
  });
  const failures: string[] = [];
  const where = `${run.file} [${run.locale}${run.ageBand ? ` ${run.ageBand}` : ''}] "${run.name}"`;
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
          failures.push(`${where} turn ${i + 1} (${turn.open ? 'open' : turn.login ? 'login' : turn.button !== undefined ? `button ${turn.button}` : `say "${turn.say}"`}): expected "${expected}" (in order) among [${keys.join(', ')}]`);
          break;
        }
        at = found + 1;
      }
      for (const key of turn.absent) {
        if (keys.includes(key)) failures.push(`${where} turn ${i + 1}: "${key}" must not be among [${keys.join(', ')}]`);
      }
      if (failures.length > 0) break;
      if (sent.some((a) => a.type === 'message' && !a.text && !(a.attachments && a.attachments.length > 0))) failures.push(`${where} turn ${i + 1}: an empty message was sent`);
    }
  } finally {
    await db.close();
  }
  return failures;
}

/** `lotsen flows test`: runs every transcript file (or one module's) and reports. */
export async function runTranscriptFiles(root: string, only?: string): Promise<{ passed: number; failed: number; lines: string[] }> {
  const engine = loadEngine(root);
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const file of findTranscriptFiles(root, only)) {
    for (const run of expandTranscriptFile(root, file)) {
      const failures = await runCase(engine, run);
      if (failures.length === 0) passed += 1;
      else {
        failed += 1;
        lines.push(...failures.map((f) => `FAIL ${f}`));
      }
    }
  }
  return { passed, failed, lines };
}
