import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db, Tx } from '../../src/store/db';
import { StoreUnavailableError } from '../../src/store/sqlite';
import { startTestServer, type TestServer } from '../helpers/server';
import { isBot, keyOf, lastTurnEnd, login, nextButton, post, repliesTo, transcript, type PostResult, type Session } from './client';

// SQLite busy or the disk full during a turn: the user is told in their language to try again (or the POST
// gets 503 with Retry-After), nothing acknowledged before is lost, and the next turn works.
// The errors are injected into the store of this process, so the turns run here (TURN_WORKER=false): the same
// adapter, store and error handler as in the turn worker, where turn-worker.test.ts holds a real lock instead.

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ TURN_WORKER: 'false' });
});
afterAll(async () => {
  await s.stop();
});

const busyText = (locale: string) => (JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'locales', locale, 'ui.json'), 'utf8')) as { errors: { busy: string } }).errors.busy;

/** An error as SQLite reports it, wrapped the way src/store/sqlite.ts wraps busy, locked and full. */
function sqliteError(code: string): StoreUnavailableError {
  const cause = Object.assign(new Error(`${code}: ${code === 'SQLITE_FULL' ? 'database or disk is full' : 'database is locked'}`), { code, errno: code === 'SQLITE_FULL' ? 13 : 5 });
  return new StoreUnavailableError(code, cause);
}

/**
 * Makes the `nth` transaction (1 = the next one) from now fail with `code`, `times` in a row, without touching
 * the database; the others go through. With `late`, the failing transaction first runs its statements up to the
 * one matching `late` (so earlier writes of it are made), then fails there. Returns a function that restores it.
 */
function failOn(db: Db, nth: number, code: string, times = 1, late?: RegExp): () => void {
  const original = db.transaction.bind(db);
  let calls = 0;
  const wrapped = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    calls += 1;
    if (calls < nth || calls >= nth + times) return original(fn);
    if (!late) return Promise.reject(sqliteError(code));
    return original((tx) =>
      fn({
        ...tx,
        run: (sql, params) => (late.test(sql) ? Promise.reject(sqliteError(code)) : tx.run(sql, params)),
      }),
    );
  };
  Object.defineProperty(db, 'transaction', { value: wrapped, configurable: true, writable: true });
  return () => {
    delete (db as unknown as Record<string, unknown>).transaction;
  };
}

async function someoneInAModule(locale: string): Promise<{ session: Session; acknowledged: string[] }> {
  const [code] = await s.codes('parent');
  const session = await login(s.url, code as string, locale);
  const acknowledged: string[] = [];
  for (const input of [{ type: 'message', text: 'Grunden', value: { action: 'module:base' }, from: { id: 'user' }, locale }, null, null]) {
    const r = await post(s.url, session, input ?? { ...nextButton(lastTurnEnd(await transcript(s.url, session))), locale });
    expect(r.status).toBe(200);
    acknowledged.push(r.id as string);
  }
  return { session, acknowledged };
}

// A turn is one transaction: the user's activity, the dialogue state, notes and statistics, the conversation's
// place and the bot's replies. After a failed turn, the user's activity and the apology are a second one.
const cases: Array<{ name: string; nth: number; times: number; late?: RegExp; expect: '503' | 'busy' }> = [
  { name: 'storing the turn', nth: 1, times: 1, expect: 'busy' },
  { name: "storing the activities, after the state is written in the same transaction", nth: 1, times: 1, late: /INSERT INTO activity/, expect: 'busy' },
  { name: 'storing the turn, and then the apology too', nth: 1, times: 2, expect: '503' },
];
describe.each(['SQLITE_BUSY', 'SQLITE_FULL'])('%s', (code) => {
  test.each(cases)('while $name', async (c) => {
    const locale = c.expect === 'busy' ? 'en' : 'sv';
    const { session, acknowledged } = await someoneInAModule(locale);
    const before = await transcript(s.url, session);

    const stateBefore = await s.rt.conversationStateOf(session.conversationId);
    const restore = failOn(s.rt.db, c.nth, code, c.times, c.late);
    let r: PostResult;
    try {
      r = await post(s.url, session, { ...nextButton(lastTurnEnd(before)), locale });
    } finally {
      restore();
    }

    const after = await transcript(s.url, session);
    if (c.expect === '503') {
      expect(r.status).toBe(503);
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
    } else {
      expect(r.status).toBe(200);
      acknowledged.push(r.id as string);
      const reply = repliesTo(after, r.id as string);
      const busy = reply.find((a) => keyOf(a) === 'ui:errors.busy');
      expect(busy?.text).toBe(busyText(locale));
    }
    // A failed turn stores nothing of itself: the dialogue state is the one before it.
    expect(await s.rt.conversationStateOf(session.conversationId)).toEqual(stateBefore);
    // Nothing acknowledged is lost, and the transcript before the fault is unchanged.
    const ids = after.map((a) => a.id);
    for (const id of acknowledged) expect(ids).toContain(id);
    expect(after.slice(0, before.length)).toEqual(before);

    // The next turn works: the user presses a button of the last real prompt.
    const next = await post(s.url, session, { ...nextButton(lastTurnEnd(after)), locale });
    expect(next.status).toBe(200);
    const nextReply = repliesTo(await transcript(s.url, session), next.id as string);
    expect(nextReply.filter(isBot).map(keyOf).filter((k) => k.startsWith('ui:errors.'))).toEqual([]);
    expect(nextReply.some((a) => a.channelData && 'progress' in a.channelData)).toBe(true);

    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });
});
