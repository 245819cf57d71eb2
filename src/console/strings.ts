import { readFileSync } from 'node:fs';
import type { Locale } from '../flows/schema';
import { projectPath } from '../paths';

/** The console speaks Swedish and English; the code slips it prints also come in Arabic. */
export const CONSOLE_LOCALES = ['sv', 'en'] as const;
export type ConsoleLocale = (typeof CONSOLE_LOCALES)[number];
export const isConsoleLocale = (v: unknown): v is ConsoleLocale => v === 'sv' || v === 'en';

export type ConsoleStrings = typeof import('../../locales/sv/console.json');
export type SlipStrings = ConsoleStrings['slip'];

/** Dot paths to every string in locales/sv/console.json: a wrong key is a compile error. */
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : T[K] extends readonly string[] ? never : `${K}.${Paths<T[K]>}`;
}[keyof T & string];
export type ConsoleKey = Paths<ConsoleStrings>;

/** Every leaf path of a JSON value, lists as one leaf: for comparing a translation's shape with the source. */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

function readJson(lng: string): unknown {
  return JSON.parse(readFileSync(projectPath('locales', lng, 'console.json'), 'utf8')) as unknown;
}

/** Throws when a translation lacks a key of the Swedish source or has one the source does not. */
function checkSameShape(source: unknown, other: unknown, where: string): void {
  const want = new Set(leafPaths(source));
  const have = new Set(leafPaths(other));
  const missing = [...want].filter((k) => !have.has(k));
  const extra = [...have].filter((k) => !want.has(k));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`${where}: ${missing.length > 0 ? `missing ${missing.join(', ')}` : ''}${missing.length > 0 && extra.length > 0 ? '; ' : ''}${extra.length > 0 ? `not in the Swedish source: ${extra.join(', ')}` : ''}`);
  }
}

let loaded: { strings: Record<ConsoleLocale, ConsoleStrings>; slips: Record<Locale, SlipStrings> } | undefined;

/** Loads locales/{sv,en}/console.json and the slip texts (ar: locales/ar/console.json holds only `slip`), checked once. */
function load() {
  if (loaded) return loaded;
  const sv = readJson('sv') as ConsoleStrings;
  const en = readJson('en');
  checkSameShape(sv, en, 'locales/en/console.json');
  const ar = readJson('ar') as { slip: unknown };
  checkSameShape(sv.slip, ar.slip, 'locales/ar/console.json (slip)');
  const enStrings = en as ConsoleStrings;
  loaded = { strings: { sv, en: enStrings }, slips: { sv: sv.slip, en: enStrings.slip, ar: ar.slip as SlipStrings } };
  return loaded;
}

export function consoleStrings(locale: ConsoleLocale): ConsoleStrings {
  return load().strings[locale];
}

export function slipStrings(locale: Locale): SlipStrings {
  return load().slips[locale];
}

export function interpolate(text: string, vars: Record<string, string | number> = {}): string {
  return text.replace(/\{\{(\w+)\}\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** One console string, with `{{name}}` placeholders filled in. */
export function ct(locale: ConsoleLocale, key: ConsoleKey, vars: Record<string, string | number> = {}): string {
  let node: unknown = consoleStrings(locale);
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`Console string "${key}" is missing in locales/${locale}/console.json`);
  return interpolate(node, vars);
}

/**
 * Looks up a key that is data (an audit action, a step kind): the string, or the fallback when there is none.
 * Keys that are part of the UI go through `ct`, which type-checks them.
 */
export function ctDynamic(locale: ConsoleLocale, prefix: 'audit.actions' | 'preview.stepKinds' | 'personas' | 'ageBands' | 'locales' | 'roles', key: string, fallback = key): string {
  let node: unknown = consoleStrings(locale);
  for (const part of prefix.split('.')) node = (node as Record<string, unknown>)[part];
  const value = (node as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : fallback;
}
