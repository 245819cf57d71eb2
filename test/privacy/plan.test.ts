import { Client, keyOf, login } from '../helpers/directline';
import { startTestServer, type TestServer } from '../helpers/server';
import { PLAN_FIELDS } from '../../src/flows/registry';

jest.setTimeout(90_000);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

test.each(['sv', 'en', 'ar'] as const)('the agreements module builds a plan from every answer (%s), kept for the user and exported', async (locale) => {
  const [code] = await server.codes('parent');
  const me = await login(server.url, code as string, locale);
  const c = new Client(server.url, me);
  await c.waitFor((seen) => seen.some((x) => keyOf(x) === 'ui:menu.choose'));
  let replies = await c.press('module:agreements');
  const written: string[] = [];
  for (let guard = 0; guard < 60; guard += 1) {
    const last = replies[replies.length - 1];
    const actions = last?.suggestedActions?.actions ?? [];
    const values = actions.map((a) => (a.value as { action?: string }).action);
    if (values.includes('intent:menu') && replies.some((r) => keyOf(r) === 'end.text')) break;
    if (values.length === 1 && values[0] === 'skip') {
      const answer = `${locale} answer ${written.length + 1}: every second weekend`;
      written.push(answer);
      replies = await c.say(answer);
    } else {
      replies = await c.press(values[0] ?? 'continue');
    }
  }
  c.end();
  const data = (await (await fetch(`${server.url}/api/me/data`, { headers: { authorization: `Bearer ${me.token}` } })).json()) as { plan: Record<string, string | null>; locale: string };
  expect(data.locale).toBe(locale);
  for (const field of PLAN_FIELDS) expect(written).toContain(data.plan[field]);
  const exported = (await (await fetch(`${server.url}/api/me/export`, { headers: { authorization: `Bearer ${me.token}` } })).json()) as { plan: Record<string, string | null> };
  expect(Object.keys(exported.plan).sort()).toEqual([...PLAN_FIELDS].sort());
});
