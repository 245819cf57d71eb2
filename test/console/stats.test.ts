import { shown, statsCsv, SUPPRESSED } from '../../src/console/stats';
import { previousDay, stockholmDay } from '../../src/store/days';
import { startTestServer, type TestServer } from '../helpers/server';
import { auditActions, makeStaff, signedIn, type ConsoleClient } from './client';

// Statistics per municipality and month: real logins counted without knowing who, small counts hidden. Figures stop
// at yesterday, so the events made here are moved to yesterday as if the test had run then.
let s: TestServer;
let admin: ConsoleClient;
let staff: ConsoleClient;
const yesterday = previousDay(stockholmDay(Date.now()));
const currentMonth = () => yesterday.slice(0, 7);

type Stats = { logins: string; loginsByPersona: Array<{ persona: string; value: string }>; loginsByLocale: Array<{ locale: string; value: string }>; modules: Array<{ flow: string; started: string; completed: string }>; dropoff: Array<{ flow: string; step: string; value: string }> };

async function login(code: string, locale = 'sv') {
  const r = await fetch(`${s.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, locale }) });
  expect(r.status).toBe(200);
}

beforeAll(async () => {
  s = await startTestServer();
  const root = await makeStaff(s, 'root', 'admin', null);
  const eva = await makeStaff(s, 'eva', 'staff', 'other');
  admin = await signedIn(s.url, root.username, root.password);
  staff = await signedIn(s.url, eva.username, eva.password);
  // 3 logins in "test"; 7 in "other": five parents (one in English) and two children.
  for (const code of await s.codes('parent', 3, null, 'test')) await login(code);
  const parents = await s.codes('parent', 5, null, 'other');
  for (const [i, code] of parents.entries()) await login(code, i === 0 ? 'en' : 'sv');
  for (const code of await s.codes('child-next', 2, '9-12', 'other')) await login(code);
  // Two people start a module in "other" and stop at the same step.
  for (let i = 0; i < 2; i += 1) {
    await s.rt.store.recordStat({ municipalityId: 'other', event: 'module.start', persona: 'parent', locale: 'sv', flow: 'parent/base' });
  }
  await s.rt.db.run('UPDATE stat_event SET day = ?, month = ?', [yesterday, yesterday.slice(0, 7)]);
});
afterAll(() => s.stop());

test('statistics show "< 5" for 3 logins and "7" for 7 logins: API, page and CSV', async () => {
  const month = currentMonth();
  const few = await admin.get<Stats>(`/console/api/stats?municipality=test&month=${month}`);
  expect(few.status).toBe(200);
  expect(few.body.logins).toBe('< 5');
  const more = await admin.get<Stats>(`/console/api/stats?municipality=other&month=${month}`);
  expect(more.body.logins).toBe('7');

  const other = await admin.get(`/console/stats?municipality=other&month=${month}`);
  expect(other.text).toMatch(/id="logins-total" class="num">7</);
  const test = await admin.get(`/console/stats?municipality=test&month=${month}`);
  expect(test.text).toMatch(/id="logins-total" class="num">&lt; 5</);

  const csv = await admin.get(`/console/api/stats.csv?municipality=test&month=${month}`);
  expect(csv.headers.get('content-type')).toContain('text/csv');
  expect(csv.headers.get('content-disposition')).toContain('attachment');
  expect(csv.text).toContain(`test,${month},logins,all,< 5\r\n`);
  const csv7 = await admin.get(`/console/api/stats.csv?municipality=other&month=${month}`);
  expect(csv7.text).toContain(`other,${month},logins,all,7\r\n`);
  // Nothing exact below 5 anywhere in the export.
  for (const line of [...csv.text.split('\r\n'), ...csv7.text.split('\r\n')].filter((l) => l !== '' && !l.startsWith('municipality,') && !l.includes(',through,'))) {
    const value = line.split(',').pop() ?? '';
    if (value !== SUPPRESSED) expect(Number(value)).toBeGreaterThanOrEqual(5);
  }
  // Another month has nothing: shown as "< 5" too, never as 0.
  expect((await admin.get<Stats>('/console/api/stats?municipality=other&month=2020-01')).body.logins).toBe(SUPPRESSED);
});

test('breakdowns by persona and language hide small cells', async () => {
  const r = await admin.get<Stats>(`/console/api/stats?municipality=other&month=${currentMonth()}`);
  // 5 parents, 0 small children, 2 older children; 6 in Swedish, 1 in English, 0 in Arabic.
  expect(r.body.loginsByPersona).toEqual([
    { persona: 'parent', value: '5' },
    { persona: 'child-mini', value: SUPPRESSED },
    { persona: 'child-next', value: SUPPRESSED },
  ]);
  expect(r.body.loginsByLocale).toEqual([
    { locale: 'sv', value: '6' },
    { locale: 'en', value: SUPPRESSED },
    { locale: 'ar', value: SUPPRESSED },
  ]);
  expect(r.body.modules.find((m) => m.flow === 'parent/base')).toEqual({ flow: 'parent/base', started: SUPPRESSED, completed: SUPPRESSED });
  expect(r.body.modules).toHaveLength(s.rt.engine.catalog.flows.size);
});

test('step figures: how often each step of a module started at least 5 times was reached', async () => {
  const flow = s.rt.engine.flow('parent/base');
  const mid = flow?.steps.find((st) => st.kind !== 'end' && st.id !== flow.start)?.id ?? '';
  for (let i = 0; i < 3; i += 1) await s.rt.store.recordStat({ municipalityId: 'other', event: 'module.start', persona: 'parent', locale: 'sv', flow: 'parent/base' });
  for (let i = 0; i < 5; i += 1) await s.rt.store.recordStat({ municipalityId: 'other', event: 'step', persona: 'parent', locale: 'sv', flow: 'parent/base', step: mid });
  await s.rt.db.run('UPDATE stat_event SET day = ?, month = ?', [yesterday, yesterday.slice(0, 7)]);
  const r = await admin.get<Stats>(`/console/api/stats?municipality=other&month=${currentMonth()}`);
  // Five starts now: every step that is not an ending has a row; five reached `mid`.
  expect(r.body.dropoff.find((d) => d.step === mid)).toEqual({ flow: 'parent/base', step: mid, value: '5' });
  expect(r.body.dropoff.find((d) => d.step === flow?.start)?.value).toBe('5');
  expect(r.body.dropoff.every((d) => d.flow === 'parent/base')).toBe(true);
  const page = await admin.get(`/console/stats?municipality=other&month=${currentMonth()}`);
  expect(page.text).toContain(`<td>${mid}</td>`);
});

test('staff see their own municipality only; a bad month is a 400', async () => {
  const own = await staff.get<Stats & { municipalityId: string }>('/console/api/stats');
  expect(own.status).toBe(200);
  expect(own.body.municipalityId).toBe('other');
  expect((await staff.get('/console/api/stats?municipality=test')).status).toBe(403);
  expect((await staff.get('/console/stats?municipality=test')).status).toBe(403);
  expect((await staff.get('/console/api/stats?month=2024-13')).status).toBe(400);
  expect((await staff.get('/console/stats')).status).toBe(200);
});

test('suppression helpers', () => {
  expect([0, 1, 4, 5, 7].map(shown)).toEqual(['< 5', '< 5', '< 5', '5', '7']);
  const csv = statsCsv({ municipalityId: 'x', month: '2025-01', through: '2025-01-31', logins: '7', loginsByPersona: [], loginsByLocale: [], modules: [], dropoff: [{ flow: 'parent/base', step: '=cmd', value: '< 5' }], help: '< 5', crisis: '< 5' });
  expect(csv).toContain('x,2025-01,logins,all,7\r\n');
  expect(csv).toContain('x,2025-01,through,all,2025-01-31\r\n');
  expect(csv).not.toMatch(/,=cmd/);
});

test('viewing and exporting statistics are in the audit log', async () => {
  const log = await auditActions(s);
  expect(log.some((e) => e.username === 'root' && e.action === 'stats.view' && e.detail?.month === currentMonth())).toBe(true);
  expect(log.some((e) => e.username === 'root' && e.action === 'stats.export' && e.detail?.month === currentMonth())).toBe(true);
  expect(log.some((e) => e.username === 'eva' && e.action === 'stats.view')).toBe(true);
  expect(log.some((e) => e.username === 'eva' && e.action === 'denied')).toBe(true);
});
