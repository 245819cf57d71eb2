import { startTestServer, type TestServer } from '../helpers/server';
import { auditActions, makeStaff, signedIn, type ConsoleClient } from './client';

// The preview runs the real dialogue core but writes nothing a code holder owns; flow tests and diagrams from the console.
let s: TestServer;
let c: ConsoleClient;

type View = { flow: string; locale: string; messages: Array<{ kind: string; key: string; text?: string }>; actions: Array<{ value: string; title: string }>; progress: { flow: string; position: number; total: number } | null };

const USER_TABLES = ['conversation', 'activity', 'note', 'checkin', 'plan_item', 'stat_event', 'session', 'bot_state', 'access_code'] as const;
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of USER_TABLES) out[t] = await s.rt.store.countRows(t, '1 = 1', []);
  return out;
}

beforeAll(async () => {
  s = await startTestServer();
  const who = await makeStaff(s, 'cecilia', 'staff', 'test');
  c = await signedIn(s.url, who.username, who.password);
  // Real data exists beside the preview, so "nothing changed" is not trivially zero.
  const [code] = await s.codes('parent');
  await fetch(`${s.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
});
afterAll(() => s.stop());

/** Answers whatever the current step asks with its first button (a reflection gets a written answer). */
function answerFor(view: View): { button: string } | { text: string } {
  const first = view.actions[0];
  if (!first || first.value === 'skip') return { text: 'Det här skriver personalen bara för att prova.' };
  return { button: first.value };
}

test('preview walks the base module from a chosen step to its end without creating any rows', async () => {
  const flow = s.rt.engine.flow('parent/base');
  if (!flow) throw new Error('parent/base is missing');
  const start = flow.steps[Math.min(3, flow.steps.length - 2)];
  if (!start) throw new Error('parent/base has too few steps');
  const before = await counts();

  const opened = await c.post<View>('/console/api/preview/start', { flow: 'parent/base', locale: 'en', step: start.id });
  expect(opened.status).toBe(200);
  expect(opened.body.messages.length).toBeGreaterThan(0);
  // The jumped-to step is what is shown (its content key, or the UI text of a step without own text).
  const contentKeys = opened.body.messages.map((m) => m.key);
  if (s.rt.engine.catalog.content.en.get('parent/base')?.steps[start.id]?.text) expect(contentKeys).toContain(`${start.id}.text`);
  expect(opened.body.progress?.flow).toBe('parent/base');

  let view = opened.body;
  let ended = false;
  for (let i = 0; i < 80 && !ended; i += 1) {
    const next = await c.post<View>('/console/api/preview/turn', answerFor(view));
    expect(next.status).toBe(200);
    view = next.body;
    ended = view.messages.some((m) => m.key === 'ui:end.suggest' || m.key === 'ui:end.noSuggest');
  }
  expect(ended).toBe(true);

  // Global actions work too: help, menu.
  const help = await c.post<View>('/console/api/preview/turn', { button: 'intent:help' });
  expect(help.body.messages.some((m) => m.key === 'ui:help.intro')).toBe(true);
  const menu = await c.post<View>('/console/api/preview/turn', { button: 'intent:menu' });
  expect(menu.body.actions.some((a) => a.value === 'module:base')).toBe(true);

  expect(await counts()).toEqual(before);
});

test('preview works for every persona and language, from the start or any step', async () => {
  const before = await counts();
  const child = await c.post<View>('/console/api/preview/start', { flow: 'child-next/feelings', locale: 'ar', ageBand: '6-8' });
  expect(child.status).toBe(200);
  expect(child.body.locale).toBe('ar');
  expect(child.body.messages.length).toBeGreaterThan(0);
  const mini = s.rt.engine.flowsOf('child-mini')[0];
  if (!mini) throw new Error('no child-mini module');
  const last = mini.steps[mini.steps.length - 1];
  const atEnd = await c.post<View>('/console/api/preview/start', { flow: mini.key, locale: 'sv', step: last?.id });
  expect(atEnd.status).toBe(200);
  expect((await c.post('/console/api/preview/start', { flow: 'parent/base', locale: 'sv', step: 'no-such-step' })).status).toBe(404);
  expect((await c.post('/console/api/preview/start', { flow: 'parent/nope', locale: 'sv' })).status).toBe(404);
  expect((await c.post('/console/api/preview/start', { flow: 'parent/base', locale: 'de' })).status).toBe(400);
  // A crisis phrase in the preview shows the help, and still counts nothing.
  await c.post('/console/api/preview/start', { flow: 'parent/base', locale: 'sv' });
  const crisis = await c.post<View>('/console/api/preview/turn', { text: 'jag vill inte leva längre' });
  expect(crisis.body.messages.some((m) => m.key === 'ui:crisis.intro')).toBe(true);
  expect(await counts()).toEqual(before);
});

test('the preview state lives in the staff session, sealed', async () => {
  const rows = await s.rt.db.all<{ preview: Buffer | null }>('SELECT preview FROM staff_session WHERE preview IS NOT NULL');
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(r.preview?.toString('utf8')).not.toContain('personalen');
});

test('a turn without a started preview is refused', async () => {
  const who = await makeStaff(s, 'david', 'staff', 'test');
  const d = await signedIn(s.url, who.username, who.password);
  expect((await d.post('/console/api/preview/turn', { button: 'continue' })).status).toBe(409);
});

test('the flow page shows the Mermaid diagram text and the steps table; the tests of a module run from the console', async () => {
  const page = await c.get('/console/flows?flow=parent/base');
  expect(page.status).toBe(200);
  expect(page.text).toContain('stateDiagram-v2');
  expect(page.text).toContain('src="/console/vendor/mermaid.js"');
  const diagram = await c.get<{ mermaid: string; steps: unknown[]; hasTests: boolean }>('/console/api/flows/parent/base');
  expect(diagram.body.mermaid.split('\n')[0]).toBe('stateDiagram-v2');
  expect(diagram.body.hasTests).toBe(true);

  const vendor = await fetch(`${s.url}/console/vendor/mermaid.js`, { headers: { 'accept-encoding': 'gzip' } });
  expect(vendor.status).toBe(200);
  expect(vendor.headers.get('content-type')).toContain('javascript');

  const before = await counts();
  const run = await c.post<{ passed: number; failed: number; lines: Array<{ ok: boolean; text: string }> }>('/console/api/flows/child-mini/two-homes/test');
  expect(run.status).toBe(200);
  expect(run.body.failed).toBe(0);
  expect(run.body.passed).toBeGreaterThan(0);
  expect(run.body.lines.every((l) => l.ok && l.text.startsWith('PASS test/flows/child-mini/two-homes.test.yaml'))).toBe(true);
  expect(await counts()).toEqual(before);
  expect((await c.post('/console/api/flows/parent/nope/test')).status).toBe(404);
});

test('preview and test runs are in the audit log', async () => {
  const log = await auditActions(s);
  const previews = log.filter((e) => e.username === 'cecilia' && e.action === 'preview.start');
  expect(previews.map((e) => e.detail?.flow)).toEqual(expect.arrayContaining(['parent/base', 'child-next/feelings']));
  expect(previews.some((e) => e.detail?.locale === 'ar' && e.detail?.ageBand === '6-8')).toBe(true);
  expect(log.some((e) => e.username === 'cecilia' && e.action === 'flows.test' && e.detail?.flow === 'child-mini/two-homes' && e.detail?.failed === 0)).toBe(true);
  expect(log.some((e) => e.username === 'cecilia' && e.action === 'signin')).toBe(true);
  // What staff typed into the preview is not in the log.
  expect(JSON.stringify(log)).not.toContain('personalen');
});
