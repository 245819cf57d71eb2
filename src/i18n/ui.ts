import { readFileSync } from 'node:fs';
import i18next, { type i18n } from 'i18next';
import { projectPath } from '../paths';
import { LOCALES, type Locale, type Persona } from '../flows/schema';

type UiResources = typeof import('../../locales/sv/ui.json');

/** Dot paths to every string or list of strings in locales/sv/ui.json: a wrong key is a compile error. */
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string | readonly string[] ? K : `${K}.${Paths<T[K]>}`;
}[keyof T & string];
export type UiKey = Paths<UiResources>;
/** Keys without their persona variant suffix. */
export type UiBaseKey = Exclude<UiKey, `${string}_child` | `${string}_mini` | `${string}_child.${string}`>;

let instance: i18n | undefined;

/** The shared i18next instance, loaded synchronously from locales/ on first use. */
export function ui(): i18n {
  if (instance) return instance;
  const resources = Object.fromEntries(
    LOCALES.map((lng) => [lng, { ui: JSON.parse(readFileSync(projectPath('locales', lng, 'ui.json'), 'utf8')) as UiResources }]),
  );
  const created = i18next.createInstance();
  void created.init({
    resources,
    lng: 'sv',
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    ns: ['ui'],
    defaultNS: 'ui',
    initAsync: false,
    showSupportNotice: false,
    returnNull: false,
    interpolation: { escapeValue: false },
    // A missing key is a bug: surface it instead of showing the key to a user.
    saveMissing: false,
  });
  instance = created;
  return created;
}

/** Which variant suffixes to try for a persona, most specific first. */
export function personaContexts(persona: Persona | undefined): string[] {
  if (persona === 'child-mini') return ['_mini', '_child', ''];
  if (persona === 'child-next') return ['_child', ''];
  return [''];
}

/** Resolves a key for a persona: `key_mini`, `key_child`, `key`; returns the key actually used. */
export function resolveKey(locale: Locale, key: UiBaseKey, persona?: Persona): UiKey {
  const memo = `${locale}\u0000${key}\u0000${persona ?? ''}`;
  const known = resolved.get(memo);
  if (known) return known;
  const found = findKey(locale, key, persona);
  resolved.set(memo, found);
  return found;
}

/*
 * The strings never change while the server runs, so what a key resolves to, and a string without variables, is
 * looked up in i18next once per locale and then remembered: a turn asks for dozens of them.
 */
const resolved = new Map<string, UiKey>();
const plain = new Map<string, string>();
const lines = new Map<string, readonly string[]>();

function findKey(locale: Locale, key: UiBaseKey, persona?: Persona): UiKey {
  const t = ui();
  for (const suffix of personaContexts(persona)) {
    const candidate = withSuffix(key, suffix);
    if (t.exists(candidate, { lng: locale })) return candidate as UiKey;
  }
  throw new Error(`UI string "${key}" is missing in locales/${locale}/ui.json`);
}

/** `checkin.scale.1` + `_child` → `checkin.scale_child.1`: the suffix goes on the segment that has variants. */
function withSuffix(key: string, suffix: string): string {
  if (!suffix) return key;
  const t = ui();
  const parts = key.split('.');
  for (let i = parts.length - 1; i >= 0; i -= 1) {
    const candidate = [...parts.slice(0, i), `${parts[i]}${suffix}`, ...parts.slice(i + 1)].join('.');
    if (t.exists(candidate, { lng: 'sv' })) return candidate;
  }
  return `${key}${suffix}`;
}

export function uiText(locale: Locale, key: UiKey, vars?: Record<string, string | number>): string {
  if (vars === undefined || Object.keys(vars).length === 0) {
    const memo = `${locale}\u0000${key}`;
    let text = plain.get(memo);
    if (text === undefined) {
      text = lookUpText(locale, key, {});
      plain.set(memo, text);
    }
    return text;
  }
  return lookUpText(locale, key, vars);
}

function lookUpText(locale: Locale, key: UiKey, vars: Record<string, string | number>): string {
  const t = ui();
  if (!t.exists(key, { lng: locale })) throw new Error(`UI string "${key}" is missing in locales/${locale}/ui.json`);
  const value: unknown = t.t(key, { lng: locale, ...vars, returnObjects: true });
  if (Array.isArray(value)) return value.join('\n');
  return String(value);
}

export function uiLines(locale: Locale, key: UiKey): string[] {
  const memo = `${locale}\u0000${key}`;
  let known = lines.get(memo);
  if (!known) {
    const value: unknown = ui().t(key, { lng: locale, returnObjects: true });
    known = Array.isArray(value) ? value.map(String) : [String(value)];
    lines.set(memo, known);
  }
  return [...known];
}

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The best supported locale for a BCP 47 tag such as `ar-SA` or `sv-SE`; Swedish when nothing fits. */
export function pickLocale(tag: unknown): Locale {
  if (typeof tag !== 'string') return 'sv';
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return isLocale(base) ? base : 'sv';
}
