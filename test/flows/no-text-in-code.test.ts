import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../src/paths';

function files(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

const stripComments = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
// Phrase lists for crisis detection and letter folding tables are data about languages, not text for people.
const LANGUAGE_DATA = ['src/safety/', 'src/dialogue/text.ts'];

test('TypeScript holds no text for parents or children: Swedish and Arabic live in locales/ and content/', () => {
  const offenders = files(path.join(ROOT, 'src'), '.ts')
    .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
    .filter((f) => !LANGUAGE_DATA.some((d) => f.startsWith(d)))
    .filter((f) => /[åäöÅÄÖ\u0600-\u06FF]/.test(stripComments(readFileSync(path.join(ROOT, f), 'utf8'))));
  expect(offenders).toEqual([]);
});

test('no `any` in src/', () => {
  const offenders = files(path.join(ROOT, 'src'), '.ts').filter((f) => /(:|<|\bas)\s*any\b/.test(stripComments(readFileSync(f, 'utf8'))));
  expect(offenders).toEqual([]);
});
