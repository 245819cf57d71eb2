import { startTestServer, type TestServer } from '../helpers/server';
import { ConsoleClient, makeStaff } from './client';

/*
 * A contact centre signs in from one shared address. Somebody guessing from it must not lock out the colleagues whose
 * browsers have signed in before; those browsers have a limit of their own. (Its own server: the address's count.)
 */
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

const DEVICE = 'lotsen_console_device';

test('a browser that signed in before gets through a blocked address; a new browser, another username or a forged cookie does not', async () => {
  const { perUser, perIp } = { perUser: s.rt.config.CONSOLE_SIGNIN_FAILS_PER_USER, perIp: s.rt.config.CONSOLE_SIGNIN_FAILS_PER_IP };
  const ingrid = await makeStaff(s, 'ingrid', 'staff', 'test');
  const jonas = await makeStaff(s, 'jonas', 'staff', 'test');

  const desk = new ConsoleClient(s.url);
  const first = await desk.signIn('ingrid', ingrid.password);
  expect(first.status).toBe(200);
  const set = first.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE}=`)) ?? '';
  expect(set).toMatch(/HttpOnly/i);
  expect(set).toMatch(/SameSite=Strict/i);
  expect(set).toMatch(/Path=\/console/i);
  expect(Number(/Max-Age=(\d+)/i.exec(set)?.[1])).toBe(180 * 86_400);
  const token = desk.cookies.get(DEVICE) as string;
  expect(token).toMatch(/^[A-Za-z0-9_-]{22}\.[0-9a-f]{32}$/);
  expect(token).not.toContain('ingrid');
  // Signing out ends the session, not the browser's standing.
  expect((await desk.post('/console/api/logout')).status).toBe(200);

  // Someone at the same address guesses until the address is blocked.
  const guesser = new ConsoleClient(s.url);
  for (let i = 0; i < perIp; i += 1) expect((await guesser.signIn(`nobody-${i}`, 'x')).status).toBe(401);
  expect((await guesser.signIn('ingrid', ingrid.password)).status).toBe(429);

  // Ingrid's own browser still gets in.
  expect((await desk.signIn('ingrid', ingrid.password)).status).toBe(200);
  expect(desk.cookies.get(DEVICE)).toBe(token);

  // The cookie vouches for ingrid only: jonas in the same browser is held by the address.
  expect((await desk.signIn('jonas', jonas.password)).status).toBe(429);

  // A forged or altered cookie is no cookie.
  const forger = new ConsoleClient(s.url);
  forger.cookies.set(DEVICE, `${token.slice(0, 22)}.${'0'.repeat(32)}`);
  expect((await forger.signIn('ingrid', ingrid.password)).status).toBe(429);

  // Guessing with ingrid's cookie is limited like guessing her username, and then even her password waits.
  for (let i = 0; i < perUser; i += 1) expect((await desk.signIn('ingrid', `wrong-${i}`)).status).toBe(401);
  const held = await desk.signIn('ingrid', ingrid.password);
  expect(held.status).toBe(429);
  expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
});
