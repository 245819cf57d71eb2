import { Client, keyOf, login } from '../helpers/directline';
import { startTestServer, type TestServer } from '../helpers/server';

// The export holds what docs/privacy.md says is stored: besides notes, plan and transcript also where the user is in
// each module and the dialogue state, in words a person can read, in the JSON file and in the printable page.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

interface ExportedModule {
  module: string;
  title: string;
  status: string;
  done: boolean;
  position: number;
  total: number;
  now: { step: string; text: string } | null;
  stepsDone: Array<{ step: string; text: string; answer: string | null }>;
  checkins: Array<{ step: string; value: number; label: string; at: string }>;
}
interface Exported {
  locale: string;
  modules: ExportedModule[];
  current: { module: string; title: string } | null;
  checkins: Array<{ module: string; title: string; value: number; label: string }>;
  storedState: { current: string | null; progress: Record<string, { step: string }>; runs: Record<string, unknown> } | null;
}

async function walk(locale: string) {
  const [code] = await server.codes('parent');
  const me = await login(server.url, code as string, locale);
  const c = new Client(server.url, me);
  await c.waitFor((seen) => seen.some((x) => keyOf(x) === 'ui:menu.choose'));
  await c.press('module:base');
  await c.press('2'); // the check-in: "quite hard"
  await c.press('continue'); // welcome
  await c.press('recent'); // how long ago
  c.end();
  return { authorization: `Bearer ${me.token}` };
}

test('the JSON export names each module, how far the user got, where they are, the steps done and the check-ins', async () => {
  const auth = await walk('sv');
  const res = await fetch(`${server.url}/api/me/export`, { headers: auth });
  expect(res.status).toBe(200);
  const data = (await res.json()) as Exported;
  const base = data.modules.find((m) => m.module === 'parent/base');
  expect(base).toMatchObject({ title: 'För barnens skull', done: false, status: 'Påbörjad', total: expect.any(Number) });
  expect(base?.position).toBeGreaterThan(1);
  // Where the user is now, as the text of that step.
  expect(base?.now).toEqual({ step: 'when-recent', text: expect.stringContaining('Då är mycket nog nytt') });
  // The steps done, in order, with the answers as the buttons said them.
  expect(base?.stepsDone.map((s) => s.step)).toEqual(['checkin-start', 'welcome', 'when']);
  expect(base?.stepsDone[0]).toMatchObject({ text: 'Hur mår du just nu, innan vi börjar?', answer: expect.stringContaining('2') });
  expect(base?.stepsDone[2]).toEqual({ step: 'when', text: 'Hur länge sedan är det som ni gick isär?', answer: 'Nyss, eller så är vi mitt i det' });
  expect(base?.checkins).toEqual([expect.objectContaining({ step: 'checkin-start', value: 2, label: expect.stringMatching(/^2 \S/) })]);
  expect(data.current).toEqual({ module: 'parent/base', title: 'För barnens skull' });
  expect(data.checkins).toEqual([expect.objectContaining({ module: 'parent/base', title: 'För barnens skull', value: 2 })]);
  // The JSON file also carries the stored state as it is.
  expect(data.storedState?.current).toBe('parent/base');
  expect(data.storedState?.progress['parent/base']?.step).toBe('when-recent');
});

test('the printable export is a page in the user’s language with the same progress, escaped', async () => {
  const auth = await walk('sv');
  const res = await fetch(`${server.url}/api/me/export?format=html`, { headers: auth });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/html');
  expect(res.headers.get('content-disposition')).toContain('lotsen-export.html');
  const html = await res.text();
  expect(html).toContain('<html lang="sv" dir="ltr">');
  expect(html).toContain('För barnens skull');
  expect(html).toContain('Hur länge sedan är det som ni gick isär?');
  expect(html).toContain('Nyss, eller så är vi mitt i det');
  expect(html).toContain('Då är mycket nog nytt');
  expect(html).not.toMatch(/<script/i);
  // No raw state: no snapshot or internal key in the page.
  expect(html).not.toContain('snapshot');
  expect(html).not.toContain('"progress"');

  const ar = await walk('ar');
  const page = await (await fetch(`${server.url}/api/me/export?format=html`, { headers: ar })).text();
  expect(page).toContain('<html lang="ar" dir="rtl">');
  const title = server.rt.engine.catalog.content.ar.get('parent/base')?.title ?? 'x';
  expect(page).toContain(title);

  expect((await fetch(`${server.url}/api/me/export?format=xml`, { headers: auth })).status).toBe(400);
  expect((await fetch(`${server.url}/api/me/export?format=html`)).status).toBe(401);
});
