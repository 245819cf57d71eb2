import { ensureDemo } from '../src/demo';
import { hmacHex } from '../src/store/crypto';
import { parseCode } from '../src/access/codes';
import { startTestServer, type TestServer } from './helpers/server';

// The demo codes are for trying Lotsen out: they expire DEMO_CODE_DAYS after they were first made.

jest.setTimeout(60_000);

const DAY = 86_400_000;

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

const hashOf = (code: string) => {
  const parsed = parseCode(code);
  if (!parsed.ok) throw new Error('bad demo code');
  return hmacHex(s.rt.keys.codes, parsed.canonical);
};
const login = (code: string) => fetch(`${s.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });

test('made with an expiry 30 days ahead; a later start keeps that date and prints the same codes', async () => {
  const before = Date.now();
  const demo = await ensureDemo(s.rt);
  expect(demo.expiresAt).toBeGreaterThanOrEqual(before + 30 * DAY);
  expect(demo.expiresAt).toBeLessThanOrEqual(Date.now() + 30 * DAY);
  expect(demo.expired).toBe(false);
  for (const code of [demo.parent, demo.child]) expect((await s.rt.store.findCode(hashOf(code)))?.expiresAt).toBe(demo.expiresAt);
  expect((await login(demo.parent)).status).toBe(200);

  const again = await ensureDemo(s.rt);
  expect(again).toEqual(demo);
});

test('demo codes made before they expired get their 30 days from when they were made, and then stop working', async () => {
  const demo = await ensureDemo(s.rt);
  // As an older version left them: no expiry, made 40 days ago.
  for (const code of [demo.parent, demo.child]) {
    await s.rt.db.run('UPDATE access_code SET expires_at = NULL, created_at = ? WHERE hash = ?', [Date.now() - 40 * DAY, hashOf(code)]);
  }
  const later = await ensureDemo(s.rt);
  expect(later.expired).toBe(true);
  expect(later.expiresAt).toBeLessThan(Date.now() - 9 * DAY);
  expect((await login(demo.child)).status).toBe(401);
});
