import { monthStats, SUPPRESSED } from '../../src/console/stats';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeStaff, signedIn, type ConsoleClient } from './client';

// What statistics must not give away: today's activity, whether a module was started at all, one person's steps,
// and whether the family behind a small batch has logged in.
let s: TestServer;
let admin: ConsoleClient;

type Stats = { logins: string; modules: Array<{ flow: string; started: string; completed: string }>; dropoff: Array<{ flow: string; step: string; value: string }>; through: string | null };
type Batch = { id: string; total: number; used: number | null; label: string | null };

/** The calendar day of an instant in Stockholm, written out independently of the code under test. */
const stockholmDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));

async function login(code: string) {
  const r = await fetch(`${s.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, locale: 'sv' }) });
  expect(r.status).toBe(200);
}

const stat = (event: string, at: number, flow: string | null = null, step: string | null = null, municipalityId = 'test') =>
  s.rt.store.recordStat({ municipalityId, event, persona: 'parent', locale: 'sv', flow, step, at });

beforeAll(async () => {
  s = await startTestServer();
  await s.rt.store.ensureMunicipality('quiet', 'Tysta kommunen', null);
  await s.rt.store.ensureMunicipality('march', 'Marskommunen', null);
  const root = await makeStaff(s, 'root', 'admin', null);
  admin = await signedIn(s.url, root.username, root.password);
});
afterAll(() => s.stop());

test("today is never counted: figures run up to yesterday, in Stockholm's time", async () => {
  // 5 logins on 9 March 2025; 3 more on the 10th, one of them at 00:30 Stockholm time (23:30 UTC on the 9th).
  for (let i = 0; i < 5; i += 1) await stat('login', Date.UTC(2025, 2, 9, 12), null, null, 'march');
  await stat('login', Date.UTC(2025, 2, 9, 23, 30), null, null, 'march');
  for (let i = 0; i < 2; i += 1) await stat('login', Date.UTC(2025, 2, 10, 9), null, null, 'march');
  const onTenth = await monthStats(s.rt.store, s.rt.engine, 'march', '2025-03', Date.UTC(2025, 2, 10, 15));
  expect(onTenth.logins).toBe('5');
  expect(onTenth.through).toBe('2025-03-09');
  const onEleventh = await monthStats(s.rt.store, s.rt.engine, 'march', '2025-03', Date.UTC(2025, 2, 11, 8));
  expect(onEleventh.logins).toBe('8');
  // A month that has not begun shows nothing at all.
  const ahead = await monthStats(s.rt.store, s.rt.engine, 'march', '2025-04', Date.UTC(2025, 2, 11, 8));
  expect(ahead.through).toBeNull();
});

test('logins made today do not show in the console until tomorrow', async () => {
  for (const code of await s.codes('parent', 6, null, 'other')) await login(code);
  const month = stockholmDay(Date.now()).slice(0, 7);
  const r = await admin.get<Stats>(`/console/api/stats?municipality=other&month=${month}`);
  expect(r.status).toBe(200);
  expect(r.body.logins).toBe(SUPPRESSED);
  const tomorrow = await monthStats(s.rt.store, s.rt.engine, 'other', month, Date.now() + 86_400_000);
  expect(tomorrow.logins).toBe('6');
});

test('every module of every persona has a row, also when nobody started it', async () => {
  const r = await admin.get<Stats>('/console/api/stats?municipality=quiet&month=2024-02');
  expect(r.status).toBe(200);
  expect(r.body.modules.map((m) => m.flow)).toEqual([...s.rt.engine.catalog.flows.keys()]);
  for (const m of r.body.modules) expect([m.started, m.completed]).toEqual([SUPPRESSED, SUPPRESSED]);
  expect(r.body.dropoff).toEqual([]);
});

test('step-level figures only for modules with at least 5 starts, then for every step', async () => {
  const at = Date.UTC(2024, 4, 10, 12);
  const notSafe = s.rt.engine.flow('parent/not-safe');
  const base = s.rt.engine.flow('parent/base');
  if (!notSafe || !base) throw new Error('modules missing');
  // One person's way through not-safe, and four more starts: four is too few to show any step.
  for (let i = 0; i < 4; i += 1) await stat('module.start', at, notSafe.key);
  for (const step of notSafe.steps.slice(1)) await stat('step', at, notSafe.key, step.id);
  // Five starts of base; six people reached its second step.
  const second = base.steps.find((st) => st.id !== base.start && st.kind !== 'end');
  if (!second) throw new Error('base has no second step');
  for (let i = 0; i < 5; i += 1) await stat('module.start', at, base.key);
  for (let i = 0; i < 6; i += 1) await stat('step', at, base.key, second.id);

  const r = await admin.get<Stats>('/console/api/stats?municipality=test&month=2024-05');
  expect(r.body.dropoff.filter((d) => d.flow === notSafe.key)).toEqual([]);
  const rows = r.body.dropoff.filter((d) => d.flow === base.key);
  // Every step that is not an ending, in the module's order, whether anybody reached it or not.
  expect(rows.map((d) => d.step)).toEqual(base.steps.filter((st) => st.kind !== 'end').map((st) => st.id));
  expect(rows.find((d) => d.step === second.id)?.value).toBe('6');
  for (const d of rows) if (d.step !== second.id && d.step !== base.start) expect(d.value).toBe(SUPPRESSED);

  const page = await admin.get('/console/stats?municipality=test&month=2024-05');
  expect(page.status).toBe(200);
  expect(page.text).toContain(`<td>${second.id}</td>`);
  const only = notSafe.steps.find((st) => !base.steps.some((b) => b.id === st.id));
  if (only) expect(page.text).not.toContain(`<td>${only.id}</td>`);
});

test('batch usage is shown only for batches of at least 5 codes, and not for today', async () => {
  const [one] = await s.codes('parent', 1, null, 'quiet');
  const five = await s.codes('parent', 5, null, 'quiet');
  await login(one as string);
  await login(five[0] as string);
  await login(five[1] as string);
  const list = async () => (await admin.get<{ batches: Batch[] }>('/console/api/batches?municipality=quiet')).body.batches;
  const batches = await list();
  const small = batches.find((b) => b.total === 1);
  const big = batches.find((b) => b.total === 5);
  expect(small?.used).toBeNull();
  // Logged in today: not counted yet.
  expect(big?.used).toBe(0);
  // As if those two logins were yesterday.
  await s.rt.db.run("UPDATE access_code SET first_used_at = first_used_at - 86400000 WHERE batch_id = ? AND first_used_at IS NOT NULL", [big?.id ?? '']);
  expect((await list()).find((b) => b.total === 5)?.used).toBe(2);
  expect((await list()).find((b) => b.total === 1)?.used).toBeNull();
});

test('the statistics page renders every module and says up to which day the figures run', async () => {
  const page = await admin.get('/console/stats?municipality=quiet&month=2024-02&lang=en');
  expect(page.status).toBe(200);
  for (const flow of s.rt.engine.catalog.flows.values()) {
    const title = s.rt.engine.catalog.content.en.get(flow.key)?.title ?? flow.key;
    expect(page.text).toContain(title.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
  }
  expect(page.text).toContain('29/02/2024');
});
