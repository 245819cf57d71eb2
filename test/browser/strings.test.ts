import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LOCALES } from '../../src/flows/schema';
import { PLAN_FIELDS } from '../../src/flows/registry';
import { projectPath } from '../../src/paths';

/** The web page's strings: every key the page uses exists in sv, en and ar, and the three "page" sections match. */
describe('web page strings (locales/*/ui.json "page")', () => {
  const strings = Object.fromEntries(LOCALES.map((l) => [l, JSON.parse(readFileSync(projectPath('locales', l, 'ui.json'), 'utf8')) as Record<string, unknown>]));

  const lookup = (obj: unknown, key: string): unknown =>
    key.split('.').reduce<unknown>((node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), obj);

  const leaves = (obj: unknown, prefix = ''): string[] =>
    obj !== null && typeof obj === 'object' && !Array.isArray(obj)
      ? Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
      : [prefix];

  const pageFiles = (['js', '.'] as const).flatMap((dir) =>
    readdirSync(projectPath('public', dir))
      .filter((f) => /\.(js|html)$/.test(f))
      .map((f) => path.join(projectPath('public', dir), f)),
  );

  /** Keys written out in the page's own files: t('…'), data-i18n="…", data-i18n-list="…", data-i18n-aria-label="…". */
  const literalKeys = [
    ...new Set(
      pageFiles.flatMap((file) => {
        const source = readFileSync(file, 'utf8');
        const found = [...source.matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g), ...source.matchAll(/data-i18n(?:-list|-aria-label)?="([a-zA-Z0-9_.]+)"/g), ...source.matchAll(/'((?:page|help|buttons|pause|login|video|checkin)\.[a-zA-Z0-9_.]+[a-zA-Z0-9_])'/g)];
        // A key ending in "." is a prefix the page completes (see builtKeys).
        return found.map((m) => m[1] as string).filter((k) => !k.endsWith('.'));
      }),
    ),
  ];

  /** Keys the page builds from a prefix and a value. */
  const builtKeys = [
    ...['connecting', 'online', 'offline', 'ended'].map((s) => `page.bar.status.${s}`),
    ...PLAN_FIELDS.map((f) => `page.notes.plan.${f}`),
    ...LOCALES.map((l) => `page.languages.${l}`),
    ...[1, 2, 3, 4, 5].flatMap((n) => [`checkin.scale.${n}`, `checkin.scale_child.${n}`]),
  ];

  test('the page uses keys, and finds each of them in every language', () => {
    expect(literalKeys.length).toBeGreaterThan(40);
    for (const locale of LOCALES) {
      const missing = [...literalKeys, ...builtKeys].filter((k) => {
        const v = lookup(strings[locale], k);
        return !(typeof v === 'string' || Array.isArray(v));
      });
      expect({ locale, missing }).toEqual({ locale, missing: [] });
    }
  });

  test('sv, en and ar have the same "page" keys, none of them empty', () => {
    const sv = leaves(strings.sv?.page).sort();
    for (const locale of LOCALES) {
      expect(leaves(strings[locale]?.page).sort()).toEqual(sv);
      for (const key of sv) {
        const v = lookup(strings[locale]?.page, key);
        const texts = Array.isArray(v) ? v : [v];
        for (const text of texts) expect(typeof text === 'string' && text.trim().length > 0).toBe(true);
      }
    }
  });

  test('the code hint shows the code pattern in every language', () => {
    for (const locale of LOCALES) expect(lookup(strings[locale], 'page.login.hint')).toContain('XXXXX-XXXXX-XXXX');
  });

  test('public/accessibility.html says what docs/accessibility-statement.md says', () => {
    const plain = (text: string) => text.replace(/\s+/g, ' ').trim();
    const md = readFileSync(projectPath('docs', 'accessibility-statement.md'), 'utf8');
    const page = readFileSync(projectPath('public', 'accessibility.html'), 'utf8')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
    const lines = md
      .split('\n')
      .filter((l) => l.trim() && l.trim() !== '---' && !l.startsWith('*English'))
      .map((l) => plain(l.replace(/^#+ |^- /, '').replace(/\*\*|`/g, '').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')));
    const text = plain(page);
    expect(lines.filter((l) => !text.includes(l))).toEqual([]);
  });
});
