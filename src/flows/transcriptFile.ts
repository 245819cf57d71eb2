import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { ui } from '../i18n/ui';
import type { FlowEngine } from './engine';
import { AGE_BANDS, AgeBand, LOCALES, Locale, Persona, type Flow } from './schema';

const TurnFields = z
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
  .strict();
const Turn = TurnFields.refine((t) => [t.open, t.login, t.button, t.say].filter((x) => x !== undefined).length === 1, 'each turn has exactly one of open, login, button, say');
export type TranscriptTurn = z.infer<typeof Turn>;

const Case = z
  .object({ name: z.string(), ageBand: AgeBand.optional(), ageBands: z.array(AgeBand).optional(), locales: z.array(Locale).optional(), turns: z.array(Turn).min(1) })
  .strict();

export const TranscriptFile = z
  .object({
    flow: z.string().regex(/^(parent|child-mini|child-next)\/[a-z0-9-]+$/, 'write the module as <persona>/<module>, as in parent/anger'),
    ageBand: AgeBand.optional(),
    ageBands: z.array(AgeBand).optional(),
    locales: z.array(Locale).default([...LOCALES]),
    cases: z.array(Case).min(1),
  })
  .strict();
export type TranscriptFile = z.infer<typeof TranscriptFile>;

const FIELDS = { file: Object.keys(TranscriptFile.shape), case: Object.keys(Case.shape), turn: Object.keys(TurnFields.shape) };

/** One run of a case: a locale and, for child-next, an age band. */
export interface CaseRun {
  file: string;
  flow: string;
  name: string;
  locale: Locale;
  ageBand: AgeBand | null;
  turns: TranscriptTurn[];
}

/** Something wrong with a test file, where it is (1-based line and column) and how to fix it. */
export interface TestFileProblem {
  line: number;
  col: number;
  message: string;
}

export interface ReadTranscript {
  /** Relative to the project, with forward slashes. */
  file: string;
  /** The module the file names, when it can be read. */
  flow: string | null;
  /** Empty when there are problems: a file runs whole or not at all. */
  runs: CaseRun[];
  problems: TestFileProblem[];
}

export const formatProblem = (file: string, p: TestFileProblem) => `${file}:${p.line}:${p.col}: ${p.message}`;

/**
 * Reads and checks a transcript test file: its YAML, its fields, and, given the engine, that its module exists, that
 * every key in `expect` and `absent` is one the module's content or the UI strings have, and that every case runs at
 * least once. Each problem carries the line and column of the node it is about.
 */
export function readTranscriptFile(root: string, file: string, engine?: FlowEngine): ReadTranscript {
  const rel = path.relative(root, file).split(path.sep).join('/');
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined) => lineCounter.linePos(offset ?? 0);
  const problem = (where: Where, message: string): TestFileProblem => ({ ...at(where.offset), message });
  const out: ReadTranscript = { file: rel, flow: null, runs: [], problems: [] };

  if (doc.errors.length > 0) {
    out.problems = doc.errors.map((e) => ({ ...at(e.pos[0]), message: `is not valid YAML: ${e.message.split('\n')[0] ?? ''}` }));
    return out;
  }
  const raw: unknown = doc.toJS();
  const parsed = TranscriptFile.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const issuePath = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        const fields = issuePath.length === 0 ? FIELDS.file : issuePath.length === 2 ? FIELDS.case : FIELDS.turn;
        for (const key of issue.keys) {
          const like = closest(key, fields);
          const fix = like ? `: did you mean "${like}"? The fields are ${fields.join(', ')}` : `; the fields are ${fields.join(', ')}`;
          out.problems.push(problem(keyAt(doc, issuePath, key), `unknown field "${key}" in ${describe(raw, issuePath)}${fix}`));
        }
      } else {
        out.problems.push(problem(nodeAt(doc, issuePath), `${describe(raw, issuePath)}: ${issue.message}`));
      }
    }
    return out;
  }
  const data = parsed.data;
  out.flow = data.flow;
  const persona = Persona.parse(data.flow.split('/')[0]);
  const flow = engine?.flow(data.flow);
  if (engine && !flow) out.problems.push(problem(nodeAt(doc, ['flow']), unknownModule(data.flow, [...engine.catalog.flows.keys()])));

  const known = engine && flow ? knownKeys(engine, flow) : undefined;
  const runs: CaseRun[] = [];
  if (persona !== 'child-next') {
    for (const field of ['ageBand', 'ageBands'] as const) {
      if (data[field] !== undefined) out.problems.push(problem(nodeAt(doc, [field]), `${field} applies only to child-next modules; ${data.flow} has no age bands: remove it`));
    }
  }
  for (const [i, c] of data.cases.entries()) {
    if (persona !== 'child-next') {
      for (const field of ['ageBand', 'ageBands'] as const) {
        if (c[field] !== undefined) out.problems.push(problem(nodeAt(doc, ['cases', i, field]), `${field} applies only to child-next modules; ${data.flow} has no age bands: remove it from case "${c.name}"`));
      }
    }
    const locales = c.locales ?? data.locales;
    if (locales.length === 0) {
      const where = c.locales ? nodeAt(doc, ['cases', i, 'locales']) : nodeAt(doc, ['locales']);
      out.problems.push(problem(where, `case "${c.name}" selects no run: \`locales\` is empty; list some of ${LOCALES.join(', ')}, or leave it out for all three`));
    }
    const bands: Array<AgeBand | null> = persona !== 'child-next' ? [null] : (c.ageBands ?? (c.ageBand ? [c.ageBand] : undefined) ?? data.ageBands ?? (data.ageBand ? [data.ageBand] : ['9-12']));
    if (bands.length === 0) {
      const where = c.ageBands ? nodeAt(doc, ['cases', i, 'ageBands']) : nodeAt(doc, ['ageBands']);
      out.problems.push(problem(where, `case "${c.name}" selects no run: \`ageBands\` is empty; list some of ${AGE_BANDS.join(', ')}, or leave it out for 9-12`));
    }
    if (known && flow) {
      for (const [j, turn] of c.turns.entries()) {
        for (const list of ['expect', 'absent'] as const) {
          for (const [k, key] of turn[list].entries()) {
            const message = checkKey(key, flow, known);
            if (message) out.problems.push(problem(nodeAt(doc, ['cases', i, 'turns', j, list, k]), message));
          }
        }
      }
    }
    const own = locales.flatMap((locale) => bands.map((ageBand) => ({ file: rel, flow: data.flow, name: c.name, locale, ageBand, turns: c.turns })));
    // Cases may share a name across locales (the same check in each language), but a report must tell runs apart.
    const twice = own.find((r) => runs.some((o) => o.name === r.name && o.locale === r.locale && o.ageBand === r.ageBand));
    if (twice) {
      const first = data.cases.findIndex((o) => o.name === c.name);
      out.problems.push(problem(nodeAt(doc, ['cases', i, 'name']), `case ${first + 1} has this name and runs in ${twice.locale}${twice.ageBand ? ` ${twice.ageBand}` : ''} too: give each case its own name, so that a report can tell them apart`));
    }
    runs.push(...own);
  }
  if (out.problems.length === 0) out.runs = runs;
  return out;
}

/** "no module parent/angr; known: …. Did you mean parent/anger?" */
export function unknownModule(key: string, known: string[]): string {
  const like = closest(key, known);
  return `no module ${key}; known: ${known.join(', ')}${like ? `. Did you mean ${like}?` : ''}`;
}

// ---- keys ----

interface KnownKeys {
  content: Set<string>;
  notes: Set<string>;
  videos: Set<string>;
  ui: Set<string>;
}

let uiKeys: Set<string> | undefined;

/** Every UI string a turn can name, without its persona variant (`menu.welcome` for `menu.welcome_child`). */
function knownUiKeys(): Set<string> {
  if (uiKeys) return uiKeys;
  const out = new Set<string>();
  const walk = (value: unknown, at: string[]) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, [...at, k.replace(/_(child|mini)$/, '')]);
    } else out.add(at.join('.'));
  };
  walk(ui().getResourceBundle('sv', 'ui'), []);
  uiKeys = out;
  return out;
}

/** The keys a module's messages can carry: `<step>.<field>` from its content in any language, its note slots and the films. */
function knownKeys(engine: FlowEngine, flow: Flow): KnownKeys {
  const content = new Set<string>();
  for (const locale of LOCALES) {
    for (const [step, c] of Object.entries(engine.catalog.content[locale].get(flow.key)?.steps ?? {})) {
      for (const field of ['text', 'hint', 'adult', 'alt'] as const) if (c[field] !== undefined) content.add(`${step}.${field}`);
      for (const value of Object.keys(c.feedback ?? {})) content.add(`${step}.feedback.${value}`);
    }
  }
  const notes = new Set(flow.steps.flatMap((s) => (s.kind === 'reflect' ? [s.slot] : [])));
  const videos = new Set([...engine.catalog.videos.keys()].flatMap((id) => [id, `${id}.text`]));
  return { content, notes, videos, ui: knownUiKeys() };
}

/** Why a key can never come, with the likely one; undefined for a key that can. */
function checkKey(key: string, flow: Flow, known: KnownKeys): string | undefined {
  const all = [...known.content, ...[...known.ui].map((k) => `ui:${k}`), ...[...known.videos].map((k) => `video:${k}`), ...[...known.notes].map((k) => `note:${k}`)];
  const like = closest(key, all);
  const fix = (otherwise: string) => (like ? `: did you mean "${like}"?` : `; ${otherwise}`);
  if (key.startsWith('ui:')) {
    return known.ui.has(key.slice(3)) ? undefined : `no UI string "${key.slice(3)}" in locales/sv/ui.json${fix('UI strings are written ui:<key> with a key of locales/sv/ui.json')}`;
  }
  if (key.startsWith('video:')) {
    return known.videos.has(key.slice(6)) ? undefined : `no film "${key.slice(6)}" in content/videos${fix('films are written video:<id> or video:<id>.text')}`;
  }
  if (key.startsWith('note:')) {
    return known.notes.has(key.slice(5)) ? undefined : `no reflection slot "${key.slice(5)}" in ${flow.key}${fix(`its slots are ${[...known.notes].join(', ') || 'none'}`)}`;
  }
  return known.content.has(key) ? undefined : `no content key "${key}" in ${flow.key}${fix(`content keys are <step>.<field> (text, hint, adult, alt, feedback.<option>) of content/sv/${flow.key}.yaml`)}`;
}

// ---- positions and wording ----

interface Where {
  offset: number | undefined;
}

/** The node a schema path points at, or the nearest one above it that exists. */
function nodeAt(doc: Document, at: ReadonlyArray<string | number>): Where {
  let node: unknown = doc.contents;
  for (const seg of at) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
      if (!pair) break;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
      node = node.items[seg];
    } else break;
  }
  return { offset: rangeOf(node) };
}

/** Where a key of the map at a path is written (for an unknown field, the field's name). */
function keyAt(doc: Document, at: ReadonlyArray<string | number>, key: string): Where {
  const parent = doc.getIn(at, true);
  const map = at.length === 0 ? doc.contents : parent;
  if (isMap(map)) {
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (pair) return { offset: rangeOf(pair.key) };
  }
  return nodeAt(doc, at);
}

const rangeOf = (node: unknown): number | undefined => {
  const range = (node as { range?: unknown } | null)?.range;
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : undefined;
};

/** "the file", `case "name"`, `turn 2 of case "name"`, then any field below. */
function describe(raw: unknown, at: ReadonlyArray<string | number>): string {
  if (at.length === 0) return 'the file';
  if (at[0] !== 'cases' || typeof at[1] !== 'number') return `"${at.join('.')}"`;
  const c = (raw as { cases?: Array<{ name?: unknown }> }).cases?.[at[1]];
  const name = typeof c?.name === 'string' ? `case "${c.name}"` : `case ${at[1] + 1}`;
  const inTurn = at[2] === 'turns' && typeof at[3] === 'number';
  const where = inTurn ? `turn ${(at[3] as number) + 1} of ${name}` : name;
  const rest = at.slice(inTurn ? 4 : 2);
  return rest.length > 0 ? `"${rest.join('.')}" in ${where}` : where;
}

/** The candidate nearest to a mistyped word, if one is near enough to be what was meant. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Edit distance, with a swap of two neighbouring letters counted as one edit. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Infinity;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const cell = (i: number, j: number) => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(cell(i - 1, j) + 1, cell(i, j - 1) + 1, cell(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, cell(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = v;
    }
  }
  return cell(a.length, b.length);
}
