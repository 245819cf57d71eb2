import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// `lotsen flows test` as authors and CI run it: the built CLI as a child process, on fixture projects.
const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const fixture = (name: string) => path.join(ROOT, 'test', 'fixtures', name);

function lotsen(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, 'flows', 'test', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Each run also writes JUnit XML, checked below, so that the fixtures run once per kind of outcome.
const tmp = mkdtempSync(path.join(tmpdir(), 'lotsen-flowtests-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const junitOf = (name: string) => path.join(tmp, `${name}.xml`);
let broken: ReturnType<typeof lotsen>;
let passing: ReturnType<typeof lotsen>;
beforeAll(() => {
  broken = lotsen('--root', fixture('transcripts-broken'), '--junit', junitOf('broken'));
  passing = lotsen('--root', fixture('transcripts'), '--junit', junitOf('passing'));
});

describe('mistakes in the command', () => {
  test('an unknown module is exit 2, naming it, the known ones and the likely one', () => {
    const r = lotsen('--root', fixture('transcripts'), 'parent/dmeo');
    expect(r.code).toBe(2);
    expect(r.err).toContain('no module parent/dmeo; known: parent/demo');
    expect(r.err).toContain('Did you mean parent/demo?');
  });

  test('a module without a test file is exit 2, naming the file to write', () => {
    const r = lotsen('--root', fixture('valid'), 'parent/demo');
    expect(r.code).toBe(2);
    expect(r.err).toContain('no test file for parent/demo: write test/flows/parent/demo.test.yaml');
  });

  test('an unknown flag is exit 2, naming it and the known flags', () => {
    const r = lotsen('--root', fixture('transcripts'), '--jnuit', 'out.xml');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown option --jnuit');
    expect(r.err).toContain('--junit FILE');
  });

  test('a minimum that is not a percentage is exit 2', () => {
    const r = lotsen('--root', fixture('transcripts'), '--min-coverage', 'most');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--min-coverage takes a number from 0 to 100, not "most"');
  });
});

describe('broken test files', () => {
  let r: ReturnType<typeof lotsen>;
  beforeAll(() => {
    r = broken;
  });

  test('each is named with file, line and the fix, and the exit code is 2', () => {
    expect(r.code).toBe(2);
    expect(r.out).toContain('test/flows/parent/unknown-field.test.yaml:7:9: unknown field "expct" in turn 1 of case "has a mistyped field": did you mean "expect"? The fields are open, login, button, say, expect, absent');
    expect(r.out).toContain('test/flows/parent/bad-key.test.yaml:9:18: no content key "intro.txt" in parent/demo: did you mean "intro.text"?');
    expect(r.out).toContain('test/flows/parent/bad-key.test.yaml:10:18: no UI string "reflect.svaed" in locales/sv/ui.json: did you mean "ui:reflect.saved"?');
    expect(r.out).toContain('test/flows/parent/bad-flow.test.yaml:1:7: no module parent/dmeo; known: parent/demo. Did you mean parent/demo?');
    expect(r.out).toContain('test/flows/parent/duplicate-name.test.yaml:8:11: case 1 has this name and runs in sv too: give each case its own name');
    expect(r.out).toContain('test/flows/parent/selects-nothing.test.yaml:2:10: case "runs in no language" selects no run: `locales` is empty; list some of sv, en, ar, or leave it out for all three');
  });

  test('the other files still run: one passes, one fails', () => {
    expect(r.out).toMatch(/FAIL test\/flows\/parent\/failing\.test\.yaml \[sv\] "expects the end too early" turn 1 \(open\): expected "end\.text"/);
    expect(r.out).toContain('1 passed, 1 failed, 5 test files with errors');
  });
});

describe('a passing project', () => {
  test('exit 0 and the counts', () => {
    const r = passing;
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('3 passed, 0 failed');
  });

  test('--coverage lists per module the steps and options no test reaches, with percentages', () => {
    const r = lotsen('--root', fixture('transcripts'), '--coverage');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/parent\/demo\s+steps 6\/8\s+options 2\/4\s+66\.7%/);
    expect(r.out).toContain('steps not reached: checkin-end, end');
    expect(r.out).toContain('options not reached: ask: no, dilemma: b');
    expect(r.out).toMatch(/total\s+8\/12\s+66\.7%/);
  });

  test('--min-coverage passes at or under the figure and fails (exit 1) above it', () => {
    expect(lotsen('--root', fixture('transcripts'), '--min-coverage', '66').code).toBe(0);
    const r = lotsen('--root', fixture('transcripts'), '--min-coverage', '70');
    expect(r.code).toBe(1);
    expect(r.out).toContain('coverage 66.7% is below --min-coverage 70');
    expect(r.out).toContain('options not reached: ask: no, dilemma: b');
  });

  test('--json prints the results and the coverage as JSON', () => {
    const r = lotsen('--root', fixture('transcripts'), '--json', '--coverage');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out) as {
      passed: number;
      failed: number;
      files: Array<{ file: string; flow: string; problems: unknown[]; cases: Array<{ name: string; locale: string; ageBand: string | null; passed: boolean }> }>;
      coverage: { percent: number; flows: Array<{ flow: string; steps: { reached: number; total: number; missed: string[] }; options: { reached: number; total: number; missed: string[] }; percent: number }> };
    };
    expect(data.passed).toBe(3);
    expect(data.failed).toBe(0);
    expect(data.files.map((f) => [f.file, f.flow, f.problems.length, f.cases.length])).toEqual([['test/flows/parent/demo.test.yaml', 'parent/demo', 0, 3]]);
    expect(data.files[0]?.cases.map((c) => `${c.locale} ${c.passed}`)).toEqual(['sv true', 'en true', 'sv true']);
    expect(data.coverage.flows).toEqual([
      { flow: 'parent/demo', steps: { reached: 6, total: 8, missed: ['checkin-end', 'end'] }, options: { reached: 2, total: 4, missed: ['ask: no', 'dilemma: b'] }, percent: 66.7 },
    ]);
    expect(data.coverage.percent).toBe(66.7);
  });
});

// ---- JUnit XML: a small well-formedness check, enough to trust what CI reads ----

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;

function decode(raw: string, where: string): string {
  for (let i = raw.indexOf('&'); i >= 0; i = raw.indexOf('&', i + 1)) {
    ENTITY.lastIndex = i;
    if (!ENTITY.test(raw)) throw new Error(`bare & in ${where}`);
  }
  if (raw.includes('<')) throw new Error(`bare < in ${where}`);
  return raw.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Parses XML strictly enough to reject what is not well-formed: unbalanced tags, bad attributes, raw < and &. */
function parseXml(xml: string): XmlElement {
  let s = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: XmlElement = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  while (s.length > 0) {
    const top = stack[stack.length - 1] as XmlElement;
    if (s.startsWith('<![CDATA[')) {
      const end = s.indexOf(']]>');
      if (end < 0) throw new Error('unclosed CDATA');
      top.text += s.slice(9, end);
      s = s.slice(end + 3);
    } else if (s.startsWith('</')) {
      const m = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(s);
      if (!m || m[1] !== top.name) throw new Error(`unexpected closing tag ${s.slice(0, 30)} in <${top.name}>`);
      stack.pop();
      s = s.slice(m[0].length);
    } else if (s.startsWith('<')) {
      const m = /^<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"]*")*)\s*(\/?)>/.exec(s);
      if (!m) throw new Error(`bad tag ${s.slice(0, 40)}`);
      const attrs: Record<string, string> = {};
      for (const a of (m[2] ?? '').matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) {
        const key = a[1] as string;
        if (key in attrs) throw new Error(`duplicate attribute ${key}`);
        attrs[key] = decode(a[2] as string, `attribute ${key}`);
      }
      const el: XmlElement = { name: m[1] as string, attrs, children: [], text: '' };
      top.children.push(el);
      if (m[3] !== '/') stack.push(el);
      s = s.slice(m[0].length);
    } else {
      const next = s.indexOf('<');
      const raw = next < 0 ? s : s.slice(0, next);
      top.text += decode(raw, `text of <${top.name}>`);
      s = next < 0 ? '' : s.slice(next);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
  const elements = root.children;
  if (elements.length !== 1 || root.text.trim() !== '') throw new Error('not exactly one root element');
  return elements[0] as XmlElement;
}

describe('--junit FILE', () => {
  test('the checker itself rejects what is not well-formed', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow();
    expect(() => parseXml('<a x="1 & 2"/>')).toThrow();
    expect(() => parseXml('<a>1 < 2</a>')).toThrow();
    expect(() => parseXml('<a>')).toThrow();
    expect(parseXml('<a x="&quot;1&quot;"><b/>1 &amp; 2</a>')).toEqual({ name: 'a', attrs: { x: '"1"' }, children: [{ name: 'b', attrs: {}, children: [], text: '' }], text: '1 & 2' });
  });

  test('writes one testsuite per file and one testcase per case, locale and age band; counts match', () => {
    expect(passing.code).toBe(0);
    const suites = parseXml(readFileSync(junitOf('passing'), 'utf8'));
    expect(suites.name).toBe('testsuites');
    expect(suites.attrs).toMatchObject({ tests: '3', failures: '0', errors: '0' });
    expect(suites.children.map((s) => [s.name, s.attrs.name, s.attrs.tests, s.attrs.failures])).toEqual([['testsuite', 'test/flows/parent/demo.test.yaml', '3', '0']]);
    const cases = suites.children[0]?.children ?? [];
    expect(cases.map((c) => c.attrs.name)).toEqual([
      'parent/demo [sv] walks to the film saying yes and choosing a',
      'parent/demo [en] walks to the film saying yes and choosing a',
      'parent/demo [sv] asks again when the text cannot be read',
    ]);
    expect(cases.every((c) => c.name === 'testcase' && c.children.length === 0)).toBe(true);
  });

  test('failures carry the message; a broken file is a suite with an error; counts match', () => {
    expect(broken.code).toBe(2);
    const suites = parseXml(readFileSync(junitOf('broken'), 'utf8'));
    const all = suites.children;
    expect(all.map((s) => s.attrs.name)).toEqual([
      'test/flows/parent/bad-flow.test.yaml',
      'test/flows/parent/bad-key.test.yaml',
      'test/flows/parent/demo.test.yaml',
      'test/flows/parent/duplicate-name.test.yaml',
      'test/flows/parent/failing.test.yaml',
      'test/flows/parent/selects-nothing.test.yaml',
      'test/flows/parent/unknown-field.test.yaml',
    ]);
    const count = (s: XmlElement, kind: string) => s.children.filter((c) => c.children.some((x) => x.name === kind)).length;
    for (const s of all) {
      expect(s.attrs.tests).toBe(String(s.children.length));
      expect(s.attrs.failures).toBe(String(count(s, 'failure')));
      expect(s.attrs.errors).toBe(String(count(s, 'error')));
    }
    const sum = (attr: string) => String(all.reduce((n, s) => n + Number(s.attrs[attr]), 0));
    expect(suites.attrs).toMatchObject({ tests: sum('tests'), failures: sum('failures'), errors: sum('errors') });
    expect(suites.attrs).toMatchObject({ tests: '7', failures: '1', errors: '5' });
    const failing = all[4]?.children[0]?.children[0];
    expect(failing?.name).toBe('failure');
    expect(failing?.attrs.message).toMatch(/^turn 1 \(open\): expected "end\.text" \(in order\) among \[/);
    const fileError = all[6]?.children[0]?.children[0];
    expect(fileError?.name).toBe('error');
    expect(fileError?.attrs.message).toContain('7:9: unknown field "expct"');
  });
});
