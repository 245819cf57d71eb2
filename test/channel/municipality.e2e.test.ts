import { Client, keyOf, login } from '../helpers/directline';
import { startTestServer, type TestServer } from '../helpers/server';
import { startPageMunicipality } from '../../src/channel/municipality';
import { uiText } from '../../src/i18n/ui';

jest.setTimeout(60_000);

// startTestServer's own municipality ('test'), whose name and phone are also the configured demo ones; B is another on the same server.
const DEMO = { name: 'Testkommunen', phone: '010-123 45 67' };
const B = { name: 'B-kommun', phone: '010-111 11 11' };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await server.rt.store.ensureMunicipality('b', B.name, B.phone);
});
afterAll(() => server.stop());

/** Nothing of the demo municipality anywhere in a response body. */
const expectNoDemo = (body: unknown) => {
  const text = JSON.stringify(body);
  expect(text).not.toContain(DEMO.name);
  expect(text).not.toContain(DEMO.phone);
};

describe('the page learns the code holder\'s own municipality, never the demo one', () => {
  test('login and resume (the cookie path) answer with B\'s name and phone for a code of municipality B', async () => {
    const [code] = await server.codes('parent', 1, null, 'b');
    const res = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, locale: 'sv' }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { municipality: unknown };
    expect(body.municipality).toEqual(B);
    expectNoDemo(body);

    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(cookie).toMatch(/^lotsen_resume=/);
    const resumed = await fetch(`${server.url}/api/resume`, { method: 'POST', headers: { cookie } });
    expect(resumed.status).toBe(200);
    const again = (await resumed.json()) as { municipality: unknown };
    expect(again.municipality).toEqual(B);
    expectNoDemo(again);
  });

  test('a municipality without a phone number: the name, and phone null', async () => {
    const [code] = await server.codes('child-next', 1, '9-12', 'other');
    const me = await login(server.url, code as string);
    expect(me.municipality).toEqual({ name: 'Andra kommunen', phone: null });
  });

  test('the demo municipality\'s own code holder still gets its name and phone', async () => {
    const [code] = await server.codes('parent');
    const me = await login(server.url, code as string);
    expect(me.municipality).toEqual(DEMO);
  });

  test('before login, a server shared by several municipalities names none of them and gives no phone number', async () => {
    const config = (await (await fetch(`${server.url}/api/config`)).json()) as { locales: string[]; municipality: unknown };
    expect(config.locales).toEqual(['sv', 'en', 'ar']);
    expect(config.municipality).toBeNull();
    expectNoDemo(config);
  });

  test('the page and the bot agree: the bot\'s help names B\'s number to B\'s code holder', async () => {
    const [code] = await server.codes('parent', 1, null, 'b');
    const c = new Client(server.url, await login(server.url, code as string));
    try {
      await c.waitFor((seen) => seen.some((x) => keyOf(x) === 'ui:menu.choose'));
      const replies = await c.press('intent:help');
      const line = replies.find((a) => keyOf(a) === 'ui:help.municipality');
      expect(line?.text).toBe(uiText('sv', 'help.municipality', B));
      expectNoDemo(replies.map((a) => a.text));
    } finally {
      c.end();
    }
  });
});

describe('the start page\'s municipality', () => {
  const store = (rows: Array<{ id: string; name: string; phone: string | null }>) => ({ listMunicipalities: async () => rows });

  test('a server with one municipality names it (every code there is from it), without its phone', async () => {
    expect(await startPageMunicipality(store([{ id: 'demo', ...DEMO }]))).toEqual({ name: DEMO.name });
  });

  test('no municipality, or several: none', async () => {
    expect(await startPageMunicipality(store([]))).toBeNull();
    expect(await startPageMunicipality(store([{ id: 'demo', ...DEMO }, { id: 'b', ...B }]))).toBeNull();
  });
});
