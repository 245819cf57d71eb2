import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectPath } from '../../src/paths';
import { openDb } from '../../src/store/db';
import { Sealer } from '../../src/store/crypto';
import { LotsenStore } from '../../src/store/store';

const run = promisify(execFile);

/** `lotsen purge` on a SQLite file, as an operator runs it (the built CLI, its own process). */
describe('lotsen purge', () => {
  let dir: string;
  let file: string;
  const env = () => ({ ...process.env, LOTSEN_DB: file, LOTSEN_SECRET: Buffer.alloc(32, 7).toString('base64'), LOG_LEVEL: 'silent' });
  const cli = (...args: string[]) => run(process.execPath, [projectPath('dist', 'src', 'cli', 'main.js'), ...args], { env: env() });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lotsen-purge-'));
    file = path.join(dir, 'lotsen.db');
    const db = await openDb(file);
    await db.migrate();
    const store = new LotsenStore(db, new Sealer(Buffer.alloc(32, 1)));
    const day = 86_400_000;
    await store.writeAudit({ staffId: null, municipalityId: null, action: 'signin', detail: null, at: Date.now() - 400 * day });
    await store.writeAudit({ staffId: null, municipalityId: null, action: 'signout', detail: null, at: Date.now() - 2 * day });
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('--audit-days deletes older audit entries and keeps the rest', async () => {
    const { stdout } = await cli('purge', '--audit-days', '365');
    expect(stdout).toContain('Deleted 1 audit entry older than 365 days.');
    const db = await openDb(file);
    try {
      expect((await db.all<{ action: string }>('SELECT action FROM audit')).map((r) => r.action)).toEqual(['signout']);
    } finally {
      await db.close();
    }
  });

  test('without a period, or with a wrong one, it says what to give; both periods at once work', async () => {
    await expect(cli('purge')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('--inactive-days N, --audit-days N') });
    await expect(cli('purge', '--audit-days', '0')).rejects.toMatchObject({ stderr: expect.stringContaining('--audit-days N: a whole number ≥ 1') });
    const { stdout } = await cli('purge', '--inactive-days', '30', '--audit-days', '1');
    expect(stdout).toContain('Deleted 0 conversation(s) inactive for more than 30 days.');
    expect(stdout).toContain('Deleted 1 audit entry older than 1 day.');
  });
});
