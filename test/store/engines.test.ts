import { readdirSync } from 'node:fs';
import { projectPath } from '../../src/paths';
import { DbBotStorage } from '../../src/store/botStorage';
import { Sealer } from '../../src/store/crypto';
import { StoreUnavailableError } from '../../src/store/db';
import { Postgres, toPgPlaceholders } from '../../src/store/postgres';
import { Sqlite } from '../../src/store/sqlite';
import { LotsenStore } from '../../src/store/store';
import { describeWithPostgres, startPostgres, type TestPostgres } from '../helpers/postgres';
import { storageContract } from './contract';
import { lotsenStoreContract } from './storeContract';

jest.setTimeout(120_000);
const sealer = () => new Sealer(Buffer.alloc(32, 1));

lotsenStoreContract('SQLite', async () => {
  const db = await Sqlite.open(':memory:');
  await db.migrate();
  return { store: new LotsenStore(db, sealer()), close: () => db.close() };
});

test('placeholders: `?` becomes $1…, but not inside quotes or comments', () => {
  expect(toPgPlaceholders("SELECT a FROM t WHERE b = ? AND c = '?' AND \"d?\" = ? -- e?\nAND f = ?")).toBe(
    "SELECT a FROM t WHERE b = $1 AND c = '?' AND \"d?\" = $2 -- e?\nAND f = $3",
  );
});

describeWithPostgres('PostgreSQL', () => {
  let cluster: TestPostgres;
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(() => cluster?.stop());

  const fresh = async () => {
    const db = await Postgres.open(await cluster.createDatabase('store'), { max: 4, lockMax: 2 });
    await db.migrate();
    return db;
  };

  storageContract('DbBotStorage on PostgreSQL', async () => {
    const db = await fresh();
    return { storage: new DbBotStorage(db, sealer()), close: () => db.close() };
  });

  lotsenStoreContract('PostgreSQL', async () => {
    const db = await fresh();
    return { store: new LotsenStore(db, sealer()), close: () => db.close() };
  });

  test('eTags hold across connections: of concurrent writers with the same eTag exactly one wins', async () => {
    const db = await fresh();
    const other = await Postgres.open(db.url, { max: 4 });
    try {
      const a = new DbBotStorage(db, sealer());
      const b = new DbBotStorage(other, sealer());
      await a.write({ k: { n: 0 } });
      const { k } = await a.read(['k']);
      const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).write({ k: { n: i + 1, eTag: k?.eTag } })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    } finally {
      await other.close();
      await db.close();
    }
  });

  test('a turn lock not granted in time fails as "store unavailable" (a 503 for the client)', async () => {
    const db = await fresh();
    const other = await Postgres.open(db.url);
    try {
      let release: () => void = () => undefined;
      const held = db.withLock('conversation:busy', () => new Promise<void>((r) => (release = r)));
      await new Promise((r) => setTimeout(r, 100));
      await expect(other.withLock('conversation:busy', async () => 'ran', 200)).rejects.toBeInstanceOf(StoreUnavailableError);
      release();
      await held;
      await expect(other.withLock('conversation:busy', async () => 'ran', 200)).resolves.toBe('ran');
    } finally {
      await other.close();
      await db.close();
    }
  });

  test('a migrated database migrates to nothing again, also from two instances at once', async () => {
    const url = await cluster.createDatabase('mig');
    const [x, y] = await Promise.all([Postgres.open(url), Postgres.open(url)]);
    try {
      const [ax, ay] = await Promise.all([x.migrate(), y.migrate()]);
      const versions = readdirSync(projectPath('src', 'store', 'migrations', 'postgres')).filter((f) => /^\d{3}_.+\.sql$/.test(f)).map((f) => Number(f.slice(0, 3)));
      expect([...ax, ...ay].sort((a, b) => a - b)).toEqual(versions.sort((a, b) => a - b));
      expect(await x.migrate()).toEqual([]);
    } finally {
      await x.close();
      await y.close();
    }
  });

  test('the turn lock: tasks on one key never overlap across instances; other keys run alongside', async () => {
    const db = await fresh();
    const other = await Postgres.open(db.url);
    try {
      let inside = 0;
      let most = 0;
      const task = async () => {
        inside += 1;
        most = Math.max(most, inside);
        await new Promise((r) => setTimeout(r, 20));
        inside -= 1;
      };
      await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? db : other).withLock('conversation:x', task)));
      expect(most).toBe(1);
      let parallel = 0;
      let peak = 0;
      const slow = async () => {
        parallel += 1;
        peak = Math.max(peak, parallel);
        await new Promise((r) => setTimeout(r, 100));
        parallel -= 1;
      };
      await Promise.all([db.withLock('a', slow), other.withLock('b', slow)]);
      expect(peak).toBe(2);
    } finally {
      await other.close();
      await db.close();
    }
  });
});
