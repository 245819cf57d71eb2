import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { addStaff } from '../../src/console/staff';
import { projectPath } from '../../src/paths';
import { startTestServer, type TestServer } from '../helpers/server';
import { ConsoleClient, makeStaff, signedIn } from './client';

const run = promisify(execFile);

// Accounts and the audit log: what the command line does is logged, refused requests are logged, and an account
// can be disabled or given a new password. The CLI runs as an operator runs it, on the server's own SQLite file.
let s: TestServer;
const SECRET = 'dGVzdC1zZWNyZXQtdGVzdC1zZWNyZXQtdGVzdC1zZWNyZXQtdGVzdA==';
const cli = (...args: string[]) =>
  run(process.execPath, [projectPath('dist', 'src', 'cli', 'main.js'), ...args], { env: { ...process.env, LOTSEN_DB: s.dbFile, LOTSEN_SECRET: SECRET, LOG_LEVEL: 'silent' } });

type Row = { action: string; actor: string | null; username: string | null; municipality_id: string | null; detail: Record<string, unknown> | null };
const auditRows = async (): Promise<Row[]> =>
  (await s.rt.store.listAudit({ limit: 10_000 })).reverse().map((r) => ({ action: r.action, actor: r.actor, username: r.username, municipality_id: r.municipality_id, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }));

beforeAll(async () => {
  s = await startTestServer({ TURN_WORKER: 'false' });
});
afterAll(() => s.stop());

test('codes create, codes revoke and staff add from the command line write audit rows by the command line', async () => {
  const made = await cli('codes', 'create', '--municipality', 'test', '--persona', 'parent', '--count', '2');
  const codes = made.stdout.trim().split('\n');
  expect(codes).toHaveLength(2);
  await cli('codes', 'revoke', codes[0] as string);
  const added = await cli('staff', 'add', '--municipality', 'test', '--role', 'staff', '--username', 'cecilia');
  expect(added.stdout).toMatch(/Password \(shown once\): \S{20}/);

  const rows = await auditRows();
  const create = rows.find((r) => r.action === 'batch.create');
  expect(create).toMatchObject({ actor: 'cli', username: null, municipality_id: 'test', detail: { count: 2, persona: 'parent' } });
  expect(rows.find((r) => r.action === 'code.revoke')).toMatchObject({ actor: 'cli', municipality_id: 'test', detail: { result: 'revoked' } });
  expect(rows.find((r) => r.action === 'staff.add')).toMatchObject({ actor: 'cli', municipality_id: 'test', detail: { username: 'cecilia', role: 'staff' } });
  // Never a code or a password.
  const text = JSON.stringify(rows);
  for (const code of codes) expect(text).not.toContain(code);
  expect(text).not.toContain(added.stdout.split(': ').pop()?.trim() ?? 'x');
});

test('municipality add creates a municipality, once, and says so', async () => {
  const { stdout } = await cli('municipality', 'add', '--id', 'norr', '--name', 'Norrkommunen', '--phone', '010-111 22 33');
  expect(stdout).toContain('norr');
  expect(await s.rt.store.getMunicipality('norr')).toEqual({ id: 'norr', name: 'Norrkommunen', phone: '010-111 22 33' });
  await expect(cli('municipality', 'add', '--id', 'norr', '--name', 'Igen')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('already exists') });
  await expect(cli('municipality', 'add', '--id', 'Bad Id!', '--name', 'X')).rejects.toMatchObject({ code: 1 });
  expect((await auditRows()).filter((r) => r.action === 'municipality.add')).toEqual([expect.objectContaining({ actor: 'cli', municipality_id: 'norr' })]);
});

test('usernames are unique without regard to case, and sign-in ignores case', async () => {
  const eva = await makeStaff(s, 'eva', 'staff', 'test');
  await expect(addStaff(s.rt.store, { username: 'EVA', role: 'staff', municipalityId: 'test' })).rejects.toThrow(/already/);
  await expect(cli('staff', 'add', '--municipality', 'test', '--username', 'Eva')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('already') });
  expect(await s.rt.store.countRows('staff', 'lower(username) = ?', ['eva'])).toBe(1);
  // The database itself refuses a second spelling.
  const second = await s.rt.db.run("INSERT INTO staff (id, username, municipality_id, role, password_hash, created_at) VALUES ('x', 'eVa', 'test', 'staff', 'h', 0)").then(
    async () => ({ inserted: true, indexes: await s.rt.db.all("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'staff'"), migrations: await s.rt.db.all('SELECT version FROM schema_migration') }),
    (err: Error) => err.message,
  );
  expect(second).toEqual(expect.stringMatching(/unique/i));
  const c = new ConsoleClient(s.url);
  expect((await c.signIn('EVA', eva.password)).status).toBe(200);
});

test('staff disable ends the sessions and stops sign-in; staff reset-password prints a new password once', async () => {
  const dag = await makeStaff(s, 'dag', 'staff', 'test');
  const session = await signedIn(s.url, dag.username, dag.password);
  expect((await session.get('/console/api/session')).status).toBe(200);

  const reset = await cli('staff', 'reset-password', '--username', 'DAG');
  const password = /Password \(shown once\): (\S+)/.exec(reset.stdout)?.[1] ?? '';
  expect(password.length).toBeGreaterThanOrEqual(20);
  // The old session is over and the old password no longer works.
  expect((await session.get('/console/api/session')).status).toBe(401);
  expect((await new ConsoleClient(s.url).signIn('dag', dag.password)).status).toBe(401);
  const again = await signedIn(s.url, 'dag', password);
  expect((await again.get('/console/api/session')).status).toBe(200);

  const disabled = await cli('staff', 'disable', '--username', 'dag');
  expect(disabled.stdout).toContain('dag');
  expect((await again.get('/console/api/session')).status).toBe(401);
  expect(await s.rt.store.countRows('staff_session', 'staff_id = (SELECT id FROM staff WHERE username = ?)', ['dag'])).toBe(0);
  expect((await new ConsoleClient(s.url).signIn('dag', password)).status).toBe(401);
  await expect(cli('staff', 'disable', '--username', 'nobody')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('No staff user') });

  const rows = await auditRows();
  expect(rows.find((r) => r.action === 'staff.password')).toMatchObject({ actor: 'cli', detail: { username: 'dag' } });
  expect(rows.find((r) => r.action === 'staff.disable')).toMatchObject({ actor: 'cli', detail: { username: 'dag' } });
  expect(JSON.stringify(rows)).not.toContain(password);
});

test('a request without the CSRF token is refused and logged as denied, with no request text', async () => {
  const who = await makeStaff(s, 'frida', 'staff', 'test');
  const c = await signedIn(s.url, who.username, who.password);
  const r = await c.post('/console/api/batches', { persona: 'parent', count: 1, expiresDays: 1, label: 'Hemlig etikett', slipLocale: 'sv' }, { csrf: false });
  expect(r.status).toBe(403);
  const denied = (await auditRows()).filter((row) => row.action === 'denied' && row.username === 'frida');
  expect(denied).toEqual([expect.objectContaining({ municipality_id: 'test', detail: expect.objectContaining({ reason: 'csrf' }) })]);
  expect(JSON.stringify(denied)).not.toContain('Hemlig');
});

test("acting on another municipality's batch or code is logged as denied, and still answered as not found", async () => {
  const gun = await makeStaff(s, 'gun', 'staff', 'test');
  const other = await makeStaff(s, 'hugo', 'staff', 'other');
  const a = await signedIn(s.url, gun.username, gun.password);
  const b = await signedIn(s.url, other.username, other.password);
  const made = await b.post<{ batchId: string; codes: string[] }>('/console/api/batches', { persona: 'parent', count: 2, expiresDays: 30, slipLocale: 'sv' });
  expect(made.status).toBe(201);
  expect((await a.post(`/console/api/batches/${made.body.batchId}/revoke`)).status).toBe(404);
  expect((await a.post('/console/api/codes/revoke', { code: made.body.codes[0] })).status).toBe(404);
  // A batch that exists nowhere is only not found.
  expect((await a.post('/console/api/batches/no-such-batch/revoke')).status).toBe(404);

  const denied = (await auditRows()).filter((row) => row.action === 'denied' && row.username === 'gun');
  expect(denied.map((d) => d.detail?.asked)).toEqual(['batch', 'code']);
  expect(JSON.stringify(denied)).not.toContain(made.body.codes[0] ?? 'x');
});
