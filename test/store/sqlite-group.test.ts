import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Sqlite } from '../../src/store/sqlite';

// Group commit: transactions that wait for the connection share one COMMIT, each in its own savepoint.

let dir: string;
let db: Sqlite;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lotsen-group-'));
  db = await Sqlite.open(path.join(dir, 'group.db'));
  await db.run('CREATE TABLE item (id INTEGER PRIMARY KEY, owner INTEGER REFERENCES item (id) DEFERRABLE INITIALLY DEFERRED)');
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = async () => (await db.all<{ id: number }>('SELECT id FROM item ORDER BY id')).map((r) => r.id);

test('concurrent transactions share commits, and one that fails rolls back alone', async () => {
  const before = { ...db.counters };
  const results = await Promise.allSettled(
    Array.from({ length: 40 }, (_, i) =>
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO item (id) VALUES (?)', [i]);
        await tx.run('INSERT INTO item (id) VALUES (?)', [1000 + i]);
        if (i === 7) throw new Error('seven fails after its writes');
        return i;
      }),
    ),
  );
  expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  expect((results[7] as PromiseRejectedResult).reason).toEqual(new Error('seven fails after its writes'));
  const stored = await ids();
  expect(stored).toHaveLength(78);
  expect(stored).not.toContain(7);
  expect(stored).not.toContain(1007);
  const commits = db.counters.commits - before.commits;
  expect(db.counters.transactions - before.transactions).toBe(39);
  expect(commits).toBeLessThan(39);
});

test('a transaction alone that fails leaves nothing behind', async () => {
  await expect(
    db.transaction(async (tx) => {
      await tx.run('INSERT INTO item (id) VALUES (1)');
      throw new Error('no');
    }),
  ).rejects.toThrow('no');
  expect(await ids()).toEqual([]);
});

test('reads outside a transaction see only what is committed, and do not wait for a running one', async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let inserted!: () => void;
  const didInsert = new Promise<void>((resolve) => (inserted = resolve));
  const writing = db.transaction(async (tx) => {
    await tx.run('INSERT INTO item (id) VALUES (5)');
    inserted();
    await held;
  });
  await didInsert;
  expect(await ids()).toEqual([]);
  release();
  await writing;
  expect(await ids()).toEqual([5]);
});

test('when the shared commit fails, every transaction of the group is refused and none is stored', async () => {
  // The writer is busy with the first transaction, so the next three wait and then commit as one group.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let running!: () => void;
  const isRunning = new Promise<void>((resolve) => (running = resolve));
  const first = db.transaction(async (tx) => {
    await tx.run('INSERT INTO item (id) VALUES (1)');
    running();
    await held;
  });
  await isRunning;
  const group = [
    db.transaction((tx) => tx.run('INSERT INTO item (id) VALUES (2)')),
    // A deferred foreign key is only checked at COMMIT: this one makes the group's commit fail.
    db.transaction((tx) => tx.run('INSERT INTO item (id, owner) VALUES (3, 999)')),
    db.transaction((tx) => tx.run('INSERT INTO item (id) VALUES (4)')),
  ];
  release();
  await first;
  const settled = await Promise.allSettled(group);
  expect(settled.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  expect(await ids()).toEqual([1]);
  // The connection is usable again.
  await db.run('INSERT INTO item (id) VALUES (6)');
  expect(await ids()).toEqual([1, 6]);
});
