import Database from 'better-sqlite3';
import type { Worker } from 'node:worker_threads';
import { Sqlite } from '../../src/store/sqlite';
import { WorkerTurns } from '../../src/turns/runner';
import { startTestServer, type TestServer } from '../helpers/server';
import { isBot, keyOf, lastTurnEnd, login, nextButton, post, transcript, type Session } from './client';

// With a SQLite file, turns run in a worker thread on its own connection (src/turns/runner.ts). The worker
// stopping in the middle of turns, and a real lock held on the database by another connection: the client gets
// 503 with Retry-After (never a 500 or no answer), nothing acknowledged is lost, and the next turn works.

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.stop();
});

const turns = () => s.rt.turns as WorkerTurns;
const workerOf = (t: WorkerTurns) => (t as unknown as { worker: Worker | null }).worker;

async function someone(): Promise<Session> {
  const [code] = await s.codes('parent');
  return login(s.url, code as string, 'sv');
}

async function nextTurn(session: Session) {
  return post(s.url, session, nextButton(lastTurnEnd(await transcript(s.url, session))));
}

test('turns run in the worker: their writes go through its connection, not the event loop’s', async () => {
  expect(s.rt.turns).toBeInstanceOf(WorkerTurns);
  const session = await someone();
  const inWorker = (await turns().stats())?.db?.commits ?? 0;
  const onLoop = (s.rt.db as Sqlite).counters.commits;
  const r = await nextTurn(session);
  expect(r.status).toBe(200);
  expect((await turns().stats())?.db?.commits).toBe(inWorker + 1);
  expect((s.rt.db as Sqlite).counters.commits).toBe(onLoop);
  // The reply reached the transcript in the same turn.
  expect((await transcript(s.url, session)).some((a) => isBot(a) && a.replyToId === r.id)).toBe(true);
});

test('the worker stopping in the middle of turns: 200 or 503 for each, nothing acknowledged lost, the next turn works', async () => {
  const sessions = await Promise.all([1, 2, 3, 4].map(() => someone()));
  const acknowledged: string[][] = sessions.map(() => []);
  const statuses: number[] = [];
  const stop = { now: false };
  const streams = sessions.map(async (session, i) => {
    while (!stop.now) {
      const r = await nextTurn(session);
      statuses.push(r.status);
      if (r.status === 200 && r.id) acknowledged[i]?.push(r.id);
      else expect(r.retryAfter).not.toBeNull();
    }
  });
  while (acknowledged.flat().length < 8) await new Promise((r) => setTimeout(r, 5));
  const before = workerOf(turns());
  await before?.terminate();
  // It starts again by itself; turns in between wait for it.
  const deadline = Date.now() + 20_000;
  while ((workerOf(turns()) === before || workerOf(turns()) === null) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  expect(workerOf(turns())).not.toBe(before);
  const afterRestart = acknowledged.flat().length;
  while (acknowledged.flat().length < afterRestart + 8 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  stop.now = true;
  await Promise.all(streams);

  expect(statuses.every((x) => x === 200 || x === 503)).toBe(true);
  expect(acknowledged.flat().length).toBeGreaterThanOrEqual(afterRestart + 8);
  for (const [i, session] of sessions.entries()) {
    const all = await transcript(s.url, session);
    const ids = new Set(all.map((a) => a.id));
    for (const id of acknowledged[i] ?? []) {
      expect(ids).toContain(id);
      expect(all.some((a) => isBot(a) && a.replyToId === id)).toBe(true);
    }
    // The dialogue state is where the transcript is.
    const state = await s.rt.conversationStateOf(session.conversationId);
    const end = lastTurnEnd(all)?.channelData?.progress;
    expect(state?.current ?? null).toBe(end?.flow ?? null);
    if (state?.current && end) expect(state.progress[state.current]?.position).toBe(end.position);
    expect((await nextTurn(session)).status).toBe(200);
  }
}, 60_000);

test('a real lock on the database while a turn runs in the worker: 503 with Retry-After, then the next turn works', async () => {
  const session = await someone();
  expect((await nextTurn(session)).status).toBe(200);
  const before = await transcript(s.url, session);
  // Another connection holds the write lock longer than the worker waits for it (its busy timeout), twice over:
  // for the turn and for the apology that would tell the user to try again.
  const other = new Database(s.dbFile, { timeout: 0 });
  other.exec('BEGIN IMMEDIATE');
  let r;
  try {
    r = await nextTurn(session);
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
  expect(r.status).toBe(503);
  expect(Number(r.retryAfter)).toBeGreaterThan(0);
  const after = await transcript(s.url, session);
  expect(after.map((a) => a.id)).toEqual(before.map((a) => a.id));
  const again = await nextTurn(session);
  expect(again.status).toBe(200);
  const last = (await transcript(s.url, session)).filter((a) => isBot(a) && a.replyToId === again.id);
  expect(last.length).toBeGreaterThan(0);
  expect(last.some((a) => keyOf(a).startsWith('ui:errors.'))).toBe(false);
}, 30_000);

test('a turn worker that cannot start stops the server from starting, with the reason', async () => {
  const config = s.rt.config;
  await expect(WorkerTurns.start(config, s.rt.keys.data, s.rt.hub, s.rt.log, `${s.dir}/no-such-worker.js`)).rejects.toThrow(/no-such-worker|Cannot find module/);
});
