import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { FlowIssue } from './issues';
import {
  ContentFile,
  Flow,
  FlowFile,
  LOCALES,
  Locale,
  PERSONAS,
  Persona,
  VideoMeta,
  VideoText,
} from './schema';

/** Everything the flows need, read from disk once at start. */
export interface Catalog {
  root: string;
  flows: Map<string, Flow>;
  /** content[locale].get(flow.key) */
  content: Record<Locale, Map<string, ContentFile>>;
  videos: Map<string, VideoMeta>;
  videoTexts: Record<Locale, Map<string, VideoText>>;
  /** Captions present on disk, `${id}.${locale}`. */
  captions: Set<string>;
  images: Set<string>;
}

export interface LoadResult {
  catalog: Catalog;
  issues: FlowIssue[];
}

const rel = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

function listYaml(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => path.join(dir, f));
}

function readYaml<T>(root: string, file: string, schema: z.ZodType<T>, issues: FlowIssue[]): T | undefined {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    issues.push({ file: rel(root, file), severity: 'structure', message: `is not valid YAML: ${(err as Error).message.split('\n')[0]}` });
    return undefined;
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const problem of parsed.error.issues) {
      const at = problem.path.join('.');
      issues.push({
        file: rel(root, file),
        severity: 'structure',
        message: `${at ? `at "${at}": ` : ''}${problem.message}`,
        step: stepAt(data, problem.path),
      });
    }
    return undefined;
  }
  return parsed.data;
}

/** The id of the step a schema problem points into, so the message can name it. */
function stepAt(data: unknown, at: readonly PropertyKey[]): string | undefined {
  if (at[0] !== 'steps' || typeof at[1] === 'symbol' || at[1] === undefined) return undefined;
  if (typeof at[1] === 'string') return at[1];
  const steps = (data as { steps?: Array<{ id?: unknown }> }).steps;
  const id = Array.isArray(steps) ? steps[Number(at[1])]?.id : undefined;
  return typeof id === 'string' ? id : undefined;
}

export function loadCatalog(root: string): LoadResult {
  const issues: FlowIssue[] = [];
  const flows = new Map<string, Flow>();
  for (const persona of PERSONAS) {
    for (const file of listYaml(path.join(root, 'flows', persona))) {
      const data = readYaml(root, file, FlowFile, issues);
      if (!data) continue;
      const expected = path.basename(file, '.yaml');
      if (data.id !== expected) {
        issues.push({ file: rel(root, file), severity: 'structure', message: `id "${data.id}" must equal the file name "${expected}"` });
        continue;
      }
      flows.set(`${persona}/${data.id}`, { ...data, persona: persona as Persona, key: `${persona}/${data.id}`, file: rel(root, file) });
    }
  }

  const content = {} as Record<Locale, Map<string, ContentFile>>;
  const videoTexts = {} as Record<Locale, Map<string, VideoText>>;
  for (const locale of LOCALES) {
    content[locale] = new Map();
    for (const flow of flows.values()) {
      const file = path.join(root, 'content', locale, flow.persona, `${flow.id}.yaml`);
      if (!existsSync(file)) continue;
      const data = readYaml(root, file, ContentFile, issues);
      if (data) content[locale].set(flow.key, data);
    }
    videoTexts[locale] = new Map();
    for (const file of listYaml(path.join(root, 'content', locale, 'videos'))) {
      const data = readYaml(root, file, VideoText, issues);
      if (data) videoTexts[locale].set(path.basename(file, '.yaml'), data);
    }
  }

  const videos = new Map<string, VideoMeta>();
  const captions = new Set<string>();
  const videoDir = path.join(root, 'content', 'videos');
  for (const file of listYaml(videoDir)) {
    const data = readYaml(root, file, VideoMeta, issues);
    if (data) videos.set(path.basename(file, '.yaml'), data);
  }
  if (existsSync(videoDir)) {
    for (const f of readdirSync(videoDir)) {
      const m = /^(.+)\.(sv|en|ar)\.vtt$/.exec(f);
      if (m) captions.add(`${m[1]}.${m[2]}`);
    }
  }
  const imgDir = path.join(root, 'public', 'img');
  const images = new Set(existsSync(imgDir) ? readdirSync(imgDir).filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -4)) : []);

  return { catalog: { root, flows, content, videos, videoTexts, captions, images }, issues };
}

/** Flows of one persona in menu order. */
export function flowsOf(catalog: Catalog, persona: Persona): Flow[] {
  return [...catalog.flows.values()].filter((f) => f.persona === persona).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
