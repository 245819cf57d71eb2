import { startTestServer, type TestServer } from '../helpers/server';
import { auditActions, ConsoleClient, makeStaff } from './client';

// Failed staff sign-ins are throttled per username and per address (its own server: every request here comes from 127.0.0.1).
let s: TestServer;
let LIMITS: { perUser: number; perIp: number };
beforeAll(async () => {
  s = await startTestServer();
  LIMITS = { perUser: s.rt.config.CONSOLE_SIGNIN_FAILS_PER_USER, perIp: s.rt.config.CONSOLE_SIGNIN_FAILS_PER_IP };
});
afterAll(() => s.stop());

test('after too many wrong passwords for a username, even the right one gets 429 with Retry-After', async () => {
  const frida = await makeStaff(s, 'frida', 'staff', 'test');
  const c = new ConsoleClient(s.url);
  for (let i = 0; i < LIMITS.perUser; i += 1) expect((await c.signIn('frida', `wrong-${i}`)).status).toBe(401);
  const blocked = await c.signIn('frida', frida.password);
  expect(blocked.status).toBe(429);
  expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(blocked.body).toMatchObject({ error: 'throttled' });
  // Case does not get around it.
  expect((await c.signIn('FRIDA', frida.password)).status).toBe(429);
  // Another user from the same address is not locked out by frida's failures.
  const gustav = await makeStaff(s, 'gustav', 'staff', 'test');
  expect((await c.signIn('gustav', gustav.password)).status).toBe(200);
  // The form shows the same, as a page.
  const form = await fetch(`${s.url}/console/login`, { method: 'POST', body: new URLSearchParams({ username: 'frida', password: frida.password }), redirect: 'manual' });
  expect(form.status).toBe(429);
  expect(form.headers.get('retry-after')).not.toBeNull();
});

test('too many failures from one address block every username from it', async () => {
  const helga = await makeStaff(s, 'helga', 'staff', 'test');
  const c = new ConsoleClient(s.url);
  const failuresSoFar = LIMITS.perUser;
  for (let i = failuresSoFar; i < LIMITS.perIp; i += 1) expect((await c.signIn(`guess-${i}`, 'x')).status).toBe(401);
  const blocked = await c.signIn('helga', helga.password);
  expect(blocked.status).toBe(429);
  expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
});

test('failed and throttled sign-ins are in the audit log; typed usernames and passwords are not', async () => {
  const log = await auditActions(s);
  expect(log.filter((e) => e.username === 'frida' && e.action === 'signin.failed')).toHaveLength(LIMITS.perUser);
  expect(log.some((e) => e.username === 'frida' && e.action === 'signin.throttled')).toBe(true);
  expect(log.some((e) => e.username === 'helga' && e.action === 'signin.throttled')).toBe(true);
  expect(log.some((e) => e.username === null && e.action === 'signin.failed' && e.detail?.knownUser === false)).toBe(true);
  expect(JSON.stringify(log)).not.toMatch(/guess-|wrong-/);
});
