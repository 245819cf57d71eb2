import { startTestServer, type TestServer } from '../helpers/server';
import { auditActions, ConsoleClient, makeStaff, signedIn } from './client';

// Municipality isolation, roles, sessions and CSRF: what keeps one municipality's staff out of another's codes.
let s: TestServer;
let anna: { username: string; password: string };
let bo: { username: string; password: string };
let root: { username: string; password: string };

beforeAll(async () => {
  s = await startTestServer();
  anna = await makeStaff(s, 'anna', 'staff', 'test');
  bo = await makeStaff(s, 'bo', 'staff', 'other');
  root = await makeStaff(s, 'root', 'admin', null);
});
afterAll(() => s.stop());

type Batch = { id: string; municipalityId: string; total: number; used: number | null; revoked: number };

test('the sign-in page is served under the CSP with no inline script, and pages need a session', async () => {
  const page = await fetch(`${s.url}/console`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  const html = await page.text();
  expect(html).toContain('<html lang="sv">');
  expect(html).toMatch(/<label for="username">/);
  // Only external scripts and a non-executed JSON data block.
  for (const tag of html.match(/<script[^>]*>/g) ?? []) expect(tag).toMatch(/src="|type="application\/json"/);
  const en = await fetch(`${s.url}/console?lang=en`);
  expect(await en.text()).toContain('<html lang="en">');

  for (const path of ['/console/codes', '/console/preview', '/console/flows', '/console/stats', '/console/audit']) {
    const r = await fetch(`${s.url}${path}`, { redirect: 'manual' });
    expect([path, r.status, r.headers.get('location')]).toEqual([path, 303, '/console']);
  }
  const api = await fetch(`${s.url}/console/api/batches`);
  expect(api.status).toBe(401);
});

test('sign-in sets an HttpOnly SameSite=Strict session cookie limited to /console over http; wrong passwords get 401', async () => {
  const bad = new ConsoleClient(s.url);
  expect((await bad.signIn('anna', 'not-the-password')).status).toBe(401);
  expect((await bad.signIn('nobody', 'whatever')).status).toBe(401);

  const res = await fetch(`${s.url}/console/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(anna) });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lotsen_console='));
  expect(cookie).toBeDefined();
  expect(cookie).toMatch(/; Path=\/console/);
  expect(cookie).toMatch(/; HttpOnly/);
  expect(cookie).toMatch(/; SameSite=Strict/);
  expect(cookie).not.toMatch(/; Secure/);

  // The session id in the database is a hash of the cookie value, never the value itself.
  const value = (cookie ?? '').split(';')[0]?.split('=')[1] ?? '';
  expect(await s.rt.store.countRows('staff_session', 'id = ?', [value])).toBe(0);
});

test('behind an https proxy the cookie is __Host-lotsen_console, Secure, Path=/', async () => {
  const t = await startTestServer({ TRUST_PROXY: '1' });
  try {
    const who = await makeStaff(t, 'https-user', 'staff', 'test');
    const res = await fetch(`${t.url}/console/api/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' }, body: JSON.stringify(who) });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-lotsen_console='));
    expect(cookie).toMatch(/; Path=\/;/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
  } finally {
    await t.stop();
  }
});

test('the sign-in form posts without script and redirects to the codes page', async () => {
  const form = new URLSearchParams({ username: anna.username, password: anna.password });
  const ok = await fetch(`${s.url}/console/login`, { method: 'POST', body: form, redirect: 'manual' });
  expect(ok.status).toBe(303);
  expect(ok.headers.get('location')).toBe('/console/codes');
  const wrong = await fetch(`${s.url}/console/login`, { method: 'POST', body: new URLSearchParams({ username: 'anna', password: 'nope' }), redirect: 'manual' });
  expect(wrong.status).toBe(401);
  expect(await wrong.text()).toContain('role="alert"');
  // A form posted from another site is refused.
  const foreign = await fetch(`${s.url}/console/login`, { method: 'POST', body: form, redirect: 'manual', headers: { origin: 'https://evil.example' } });
  expect(foreign.status).toBe(403);
});

test('every state-changing request needs the CSRF token', async () => {
  const a = await signedIn(s.url, anna.username, anna.password);
  const body = { persona: 'parent', count: 1, expiresDays: 30, slipLocale: 'sv' };
  expect((await a.post('/console/api/batches', body, { csrf: false })).status).toBe(403);
  expect((await a.post('/console/api/batches', body, { csrf: false, headers: { 'x-csrf-token': 'forged' } })).status).toBe(403);
  expect((await a.post('/console/api/batches', body, { headers: { origin: 'https://evil.example' } })).status).toBe(403);
  expect((await a.post('/console/api/codes/revoke', { code: 'AAAAA-AAAAA-AAAA' }, { csrf: false })).status).toBe(403);
  expect((await a.post('/console/api/logout', {}, { csrf: false })).status).toBe(403);
  expect((await a.post('/console/api/batches', body)).status).toBe(201);
});

test('staff of one municipality can neither see nor revoke the codes of another', async () => {
  const a = await signedIn(s.url, anna.username, anna.password);
  const b = await signedIn(s.url, bo.username, bo.password);

  const made = await b.post<{ batchId: string; codes: string[] }>('/console/api/batches', { persona: 'parent', count: 3, expiresDays: 30, label: 'B-grupp', slipLocale: 'en' });
  expect(made.status).toBe(201);
  expect(made.body.codes).toHaveLength(3);
  const [bCode] = made.body.codes;
  const mine = await a.post<{ batchId: string; codes: string[] }>('/console/api/batches', { persona: 'child-next', ageBand: '6-8', count: 2, expiresDays: 0, slipLocale: 'ar' });
  expect(mine.status).toBe(201);

  // Lists: A sees only A's batches; asking for B's municipality is refused.
  const listA = await a.get<{ batches: Batch[] }>('/console/api/batches');
  expect(listA.body.batches.length).toBeGreaterThan(0);
  expect(listA.body.batches.every((x) => x.municipalityId === 'test')).toBe(true);
  expect(listA.body.batches.some((x) => x.id === made.body.batchId)).toBe(false);
  expect((await a.get('/console/api/batches?municipality=other')).status).toBe(403);

  // Revoking B's batch or B's code from A: not found, and nothing changes.
  expect((await a.post(`/console/api/batches/${made.body.batchId}/revoke`)).status).toBe(404);
  expect((await a.post('/console/api/codes/revoke', { code: bCode })).status).toBe(404);
  // A staff user cannot create codes for another municipality either.
  expect((await a.post('/console/api/batches', { municipality: 'other', persona: 'parent', count: 1, expiresDays: 1, slipLocale: 'sv' })).status).toBe(403);
  const listB = await b.get<{ batches: Batch[] }>('/console/api/batches');
  expect(listB.body.batches.find((x) => x.id === made.body.batchId)?.revoked).toBe(0);
  const login = await fetch(`${s.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: bCode }) });
  expect(login.status).toBe(200);

  // Statistics: own municipality only, in the API and on the page.
  expect((await a.get('/console/api/stats?municipality=other')).status).toBe(403);
  expect((await a.get('/console/api/stats.csv?municipality=other')).status).toBe(403);
  expect((await a.get('/console/stats?municipality=other')).status).toBe(403);
  expect((await a.get('/console/api/stats')).status).toBe(200);

  // B can revoke its own code.
  const after = await b.get<{ batches: Batch[] }>('/console/api/batches');
  // A batch of 3 codes: its use is never shown.
  expect(after.body.batches.find((x) => x.id === made.body.batchId)).toMatchObject({ total: 3, used: null, revoked: 0 });
  expect((await b.post('/console/api/codes/revoke', { code: bCode })).status).toBe(200);
  expect((await b.post(`/console/api/batches/${made.body.batchId}/revoke`)).body).toMatchObject({ revoked: 2 });
});

test('a staff user cannot reach admin functions; an admin sees every municipality and the audit log', async () => {
  const a = await signedIn(s.url, anna.username, anna.password);
  expect((await a.get('/console/api/audit')).status).toBe(403);
  const page = await a.get('/console/audit');
  expect(page.status).toBe(403);
  expect(page.text).not.toContain('audit-table');
  expect((await a.get('/console/codes')).text).not.toContain('href="/console/audit"');

  const admin = await signedIn(s.url, root.username, root.password);
  const all = await admin.get<{ batches: Batch[] }>('/console/api/batches');
  expect(new Set(all.body.batches.map((x) => x.municipalityId))).toEqual(new Set(['test', 'other']));
  expect((await admin.get('/console/api/stats?municipality=other')).status).toBe(200);
  expect((await admin.get('/console/api/audit')).status).toBe(200);
  const auditPage = await admin.get('/console/audit');
  expect(auditPage.status).toBe(200);
  expect(auditPage.text).toContain('<th scope="col">');
  expect((await admin.get('/console/codes')).text).toContain('href="/console/audit"');
});

test('a typed code is revoked by its hash and its holder is signed out', async () => {
  const a = await signedIn(s.url, anna.username, anna.password);
  const made = await a.post<{ codes: string[] }>('/console/api/batches', { persona: 'parent', count: 1, expiresDays: 30, slipLocale: 'sv' });
  const [code] = made.body.codes;
  const first = await fetch(`${s.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  const { token } = (await first.json()) as { token: string };
  // Typed sloppily, as staff on the phone would: lower case, no dashes.
  expect((await a.post('/console/api/codes/revoke', { code: String(code).toLowerCase().replace(/-/g, ' ') })).status).toBe(200);
  expect((await a.post('/console/api/codes/revoke', { code })).status).toBe(404);
  expect((await a.post('/console/api/codes/revoke', { code: 'not a code' })).status).toBe(400);
  const again = await fetch(`${s.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  expect(again.status).toBe(401);
  const me = await fetch(`${s.url}/api/me/data`, { headers: { authorization: `Bearer ${token}` } });
  expect(me.status).toBe(401);
});

test('an idle session expires; sign-out ends the session', async () => {
  const a = await signedIn(s.url, anna.username, anna.password);
  expect((await a.get('/console/api/session')).status).toBe(200);
  await s.rt.db.run('UPDATE staff_session SET seen_at = ? WHERE staff_id = (SELECT id FROM staff WHERE username = ?)', [Date.now() - 31 * 60_000, 'anna']);
  expect((await a.get('/console/api/session')).status).toBe(401);
  const page = await a.get('/console/codes');
  expect(page.status).toBe(303);

  const b = await signedIn(s.url, anna.username, anna.password);
  expect((await b.post('/console/api/logout')).status).toBe(200);
  expect(b.cookies.has('lotsen_console')).toBe(false);
  b.cookies.set('lotsen_console', 'stale');
  expect((await b.get('/console/api/session')).status).toBe(401);
});

test('every staff action above is in the audit log, with who did it and never a code or password', async () => {
  const log = await auditActions(s);
  const did = (username: string | null, action: string) => log.some((e) => e.username === username && e.action === action);
  expect(did('anna', 'signin')).toBe(true);
  expect(did('anna', 'signin.failed')).toBe(true);
  expect(did(null, 'signin.failed')).toBe(true); // unknown username
  expect(did('anna', 'batch.create')).toBe(true);
  expect(did('bo', 'batch.create')).toBe(true);
  // Another municipality's batch and code: denied, not merely not found.
  expect(log.filter((e) => e.username === 'anna' && e.action === 'denied' && (e.detail?.asked === 'batch' || e.detail?.asked === 'code'))).toHaveLength(2);
  expect(log.some((e) => e.username === 'anna' && e.action === 'code.revoke' && e.detail?.result === 'not_found')).toBe(true);
  expect(log.some((e) => e.username === 'anna' && e.action === 'code.revoke' && e.detail?.result === 'revoked')).toBe(true);
  expect(did('bo', 'code.revoke')).toBe(true);
  expect(did('bo', 'batch.revoke')).toBe(true);
  expect(did('anna', 'denied')).toBe(true);
  expect(did('anna', 'stats.view')).toBe(true);
  expect(did('root', 'audit.view')).toBe(true);
  expect(did('root', 'stats.view')).toBe(true);
  expect(did('anna', 'signout')).toBe(true);
  const text = JSON.stringify(log);
  expect(text).not.toContain(anna.password);
  expect(text).not.toMatch(/[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{4}/);
});
