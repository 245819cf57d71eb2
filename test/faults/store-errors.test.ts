import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/store/db';
import { StoreUnavailableError } from '../../src/store/sqlite';
import { startTestServer, type TestServer } from '../helpers/server';
import { isBot, keyOf, lastTurnEnd, login, nextButton, post, repliesTo, transcript, type PostResult, type Session } from './client';

// SQLite busy or the disk full during a turn: the user is told in their language to try again (or the POST
// gets 503 with Retry-After), nothing acknowledged before is lost, and the next turn works.

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
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

type Method = 'transaction' | 'run';

/**
 * Makes the `nth` call (1 = the next one) of `rt.db[method]` from now fail with `code`, `times` calls in a row,
 * without touching the database; every other call goes through. Returns a function that restores the method.
 */
function failOn(db: Db, method: Method, nth: number, code: string, times = 1): () => void {
  const original = db[method];
  let calls = 0;
  const wrapped = function (this: Db, ...args: unknown[]): Promise<unknown> {
    calls += 1;
    if (calls >= nth && calls < nth + times) return Promise.reject(sqliteError(code));
    return (original as (...a: unknown[]) => Promise<unknown>).apply(this, args);
  };
  Object.defineProperty(db, method, { value: wrapped, configurable: true, writable: true });
  return () => {
    delete (db as unknown as Record<string, unknown>)[method];
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

// During a turn the store runs three transactions: 1 the user's activity, 2 the dialogue state, 3 the bot's replies;
// and single statements in between (the conversation's place, statistics, notes).
const cases: Array<{ name: string; method: Method; nth: number; times: number; expect: '503' | 'busy' }> = [
  { name: "storing the user's activity", method: 'transaction', nth: 1, times: 1, expect: '503' },
  { name: 'saving the dialogue state', method: 'transaction', nth: 2, times: 1, expect: 'busy' },
  { name: "storing the bot's replies", method: 'transaction', nth: 3, times: 1, expect: 'busy' },
  { name: 'saving the state, and then the apology too', method: 'transaction', nth: 2, times: 2, expect: '503' },
  { name: 'a single statement after the state is saved', method: 'run', nth: 1, times: 1, expect: 'busy' },
];

describe.each(['SQLITE_BUSY', 'SQLITE_FULL'])('%s', (code) => {
  test.each(cases)('while $name', async (c) => {
    const locale = c.nth === 2 ? 'en' : 'sv';
    const { session, acknowledged } = await someoneInAModule(locale);
    const before = await transcript(s.url, session);

    const restore = failOn(s.rt.db, c.method, c.nth, code, c.times);
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
