import type { Activity } from 'botbuilder';
import pino from 'pino';
import WebSocket from 'ws';
import { parseCode } from '../../src/access/codes';
import { PgHub } from '../../src/channel/directline/pgHub';
import type { StreamHandle } from '../../src/channel/directline/hub';
import { hmacHex } from '../../src/store/crypto';
import { Postgres } from '../../src/store/postgres';
import { makeStaff, signedIn } from '../console/client';
import { Client, keyOf, login, type LoginResult } from '../helpers/directline';
import { describeWithPostgres, startPostgres, type TestPostgres } from '../helpers/postgres';
import { startTestServer, type TestServer } from '../helpers/server';

jest.setTimeout(60_000);

// A stream ends with its session: logout (quick exit and pause log out too), deleting one's data, revoking the code
// (console or command line), the token expiring. After that it receives nothing, in particular not what the next
// login says. And one session holds only a few streams at once.

type A = Partial<Activity>;

/** A raw stream: its activities, and how it closed. */
class RawStream {
  readonly seen: A[] = [];
  readonly ws: WebSocket;
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiters = new Set<() => void>();

  constructor(base: string, auth: { conversationId: string; token: string }) {
    this.ws = new WebSocket(`${base.replace(/^http/, 'ws')}/v3/directline/conversations/${auth.conversationId}/stream?t=${encodeURIComponent(auth.token)}`);
    this.ws.on('message', (data) => {
      const text = String(data as Buffer);
      if (!text) return;
      this.seen.push(...(JSON.parse(text) as { activities: A[] }).activities);
      for (const w of this.waiters) w();
    });
    this.ws.on('error', () => undefined);
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade answered ${res.statusCode}`)));
    });
    this.opened.catch(() => undefined);
    this.closed = new Promise((resolve) => this.ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** Resolves once `predicate` holds over what the stream received. */
  until(predicate: (seen: A[]) => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!predicate(this.seen)) return;
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
      check();
    });
  }
}

const hasKey = (key: string) => (seen: A[]) => seen.some((a) => keyOf(a) === key);

/** Which comes first: the stream closing, or it receiving what `predicate` waits for (which it must not). */
async function closesBefore(stream: RawStream, predicate: (seen: A[]) => boolean): Promise<'closed' | 'received'> {
  return Promise.race([stream.closed.then(() => 'closed' as const), stream.until(predicate).then(() => 'received' as const)]);
}

describe('streams end with their session', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.stop());

  async function loggedInWithStream(): Promise<{ code: string; auth: LoginResult; stream: RawStream }> {
    const [code] = await s.codes('parent');
    const auth = await login(s.url, code as string);
    const stream = new RawStream(s.url, auth);
    await stream.opened;
    await stream.until(hasKey('ui:menu.choose'));
    return { code: code as string, auth, stream };
  }

  test('after logout the open stream closes and does not receive what the next login says', async () => {
    const { code, auth, stream } = await loggedInWithStream();
    const before = stream.seen.length;
    const logout = await fetch(`${s.url}/api/me/logout`, { method: 'POST', headers: { authorization: `Bearer ${auth.token}` } });
    expect(logout.status).toBe(204);
    // The next login on the same code puts its welcome into the transcript.
    const next = await login(s.url, code);
    expect(next.conversationId).toBe(auth.conversationId);
    expect(await closesBefore(stream, (seen) => seen.length > before)).toBe('closed');
    expect((await stream.closed).code).toBe(1008);
    expect(stream.seen).toHaveLength(before);
    // The new session's own stream gets it.
    const fresh = new RawStream(s.url, next);
    await fresh.until((seen) => seen.length > before);
    fresh.ws.close();
  });

  test('logging out one session leaves the streams of another session of the same code open', async () => {
    const { code, auth, stream } = await loggedInWithStream();
    const other = await login(s.url, code);
    const otherStream = new RawStream(s.url, other);
    await otherStream.opened;
    expect((await fetch(`${s.url}/api/me/logout`, { method: 'POST', headers: { authorization: `Bearer ${other.token}` } })).status).toBe(204);
    await otherStream.closed;
    // Still live: a turn of the first session reaches its stream.
    const posted = await fetch(`${s.url}/v3/directline/conversations/${auth.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${auth.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'Grunden', value: { action: 'module:base' }, from: { id: 'user' } }),
    });
    const { id } = (await posted.json()) as { id: string };
    await stream.until((seen) => seen.some((a) => a.replyToId === id));
    stream.ws.close();
  });

  test('deleting my data closes my streams', async () => {
    const { auth, stream } = await loggedInWithStream();
    const deleted = await fetch(`${s.url}/api/me`, { method: 'DELETE', headers: { authorization: `Bearer ${auth.token}` } });
    expect(deleted.status).toBe(204);
    expect((await stream.closed).code).toBe(1008);
  });

  test('revoking the code in the console closes its streams, and so does revoking its batch', async () => {
    const admin = await makeStaff(s, 'revoker', 'admin', null);
    const staff = await signedIn(s.url, admin.username, admin.password);
    const one = await loggedInWithStream();
    const revoked = await staff.post('/console/api/codes/revoke', { code: one.code });
    expect(revoked.status).toBe(200);
    expect((await one.stream.closed).code).toBe(1008);

    const [code] = await s.codes('parent');
    const auth = await login(s.url, code as string);
    const stream = new RawStream(s.url, auth);
    await stream.opened;
    const hash = hmacHex(s.rt.keys.codes, (parseCode(code as string) as { canonical: string }).canonical);
    const batchId = (await s.rt.store.findCode(hash))?.batchId;
    expect((await staff.post(`/console/api/batches/${batchId}/revoke`, {})).status).toBe(200);
    expect((await stream.closed).code).toBe(1008);
  });

  test('revoking the code from another process (the command line, straight in the database) closes its streams too', async () => {
    const { code, stream } = await loggedInWithStream();
    const hash = hmacHex(s.rt.keys.codes, (parseCode(code) as { canonical: string }).canonical);
    expect(await s.rt.store.revokeCode(hash, null)).toBe(true);
    expect((await stream.closed).code).toBe(1008);
  });

  test('a stream opened with a token closes when that token expires; the client reconnects with its fresh one', async () => {
    const { auth, stream: first } = await loggedInWithStream();
    first.ws.close();
    const verified = await s.rt.tokens.verify(auth.token);
    if (!verified.ok) throw new Error('token');
    const short = await s.rt.tokens.issue(verified.claims, 2);
    const stream = new RawStream(s.url, { conversationId: auth.conversationId, token: short.token });
    await stream.opened;
    expect((await stream.closed).code).toBe(1008);
    // The session itself is still on: a stream with the long token opens and replays.
    const again = new RawStream(s.url, auth);
    await again.until(hasKey('ui:menu.choose'));
    again.ws.close();
  });

  test('the real client stops receiving after logout', async () => {
    const streams = async () => s.rt.hub.streams();
    const open = await streams();
    const [code] = await s.codes('parent');
    const auth = await login(s.url, code as string);
    const client = new Client(s.url, auth);
    await client.waitFor((seen) => seen.some((a) => keyOf(a) === 'ui:menu.choose'));
    const before = client.seen.length;
    expect((await fetch(`${s.url}/api/me/logout`, { method: 'POST', headers: { authorization: `Bearer ${auth.token}` } })).status).toBe(204);
    // Its stream is gone from the server.
    while ((await streams()) > open) await new Promise((r) => setTimeout(r, 50));
    await login(s.url, code as string);
    // Reconnecting with the ended session's token is refused, so nothing of the new session reaches it.
    const fresh = new RawStream(s.url, { conversationId: auth.conversationId, token: auth.token });
    await expect(fresh.opened).rejects.toThrow('403');
    expect(client.seen.length).toBe(before);
    client.end();
  });

  test('one session holds at most STREAMS_PER_SESSION streams; the next upgrade is answered 429 until one closes', async () => {
    const own = await startTestServer({ STREAMS_PER_SESSION: '2' });
    try {
      const [code] = await own.codes('parent');
      const auth = await login(own.url, code as string);
      const a = new RawStream(own.url, auth);
      const b = new RawStream(own.url, auth);
      await Promise.all([a.opened, b.opened]);
      const c = new RawStream(own.url, auth);
      await expect(c.opened).rejects.toThrow('429');
      // Another session of the same code has its own streams.
      const other = await login(own.url, code as string);
      const d = new RawStream(own.url, other);
      await d.opened;
      a.ws.close();
      await a.closed;
      const verified = await own.rt.tokens.verify(auth.token);
      const sid = verified.ok ? verified.claims.sid : '';
      while (own.rt.hub.sessionStreams(sid) !== 1) await new Promise((r) => setTimeout(r, 20));
      const e = new RawStream(own.url, auth);
      await e.opened;
      for (const x of [b, d, e]) x.ws.close();
    } finally {
      await own.stop();
    }
  });
});

describeWithPostgres('with several instances, a session ends on every one', () => {
  let cluster: TestPostgres;
  let url: string;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    cluster = await startPostgres();
    url = await cluster.createDatabase('sessions');
    a = await startTestServer({ LOTSEN_DB: url });
    b = await startTestServer({ LOTSEN_DB: url });
  });
  afterAll(async () => {
    await a?.stop().catch(() => undefined);
    await b?.stop().catch(() => undefined);
    await cluster?.stop();
  });

  test('logout through B closes the stream on A before the next login is said there', async () => {
    const [code] = await a.codes('parent');
    const auth = await login(a.url, code as string);
    const stream = new RawStream(a.url, auth);
    await stream.opened;
    await stream.until(hasKey('ui:menu.choose'));
    const before = stream.seen.length;
    expect((await fetch(`${b.url}/api/me/logout`, { method: 'POST', headers: { authorization: `Bearer ${auth.token}` } })).status).toBe(204);
    await login(b.url, code as string);
    expect(await closesBefore(stream, (seen) => seen.length > before)).toBe('closed');
    expect(stream.seen).toHaveLength(before);
  });

  test('deleting through B closes the stream on A', async () => {
    const [code] = await a.codes('parent');
    const auth = await login(a.url, code as string);
    const stream = new RawStream(a.url, auth);
    await stream.opened;
    expect((await fetch(`${b.url}/api/me`, { method: 'DELETE', headers: { authorization: `Bearer ${auth.token}` } })).status).toBe(204);
    expect((await stream.closed).code).toBe(1008);
  });

  test("ending a session on one hub reaches the other hub's streams through NOTIFY", async () => {
    const log = pino({ level: 'silent' });
    const dbs = [await Postgres.open(url), await Postgres.open(url)];
    const hubs = dbs.map((db) => new PgHub(db, a.rt.store, log));
    try {
      await Promise.all(hubs.map((h) => h.start()));
      const ended: string[] = [];
      const handle = (sessionId: string): StreamHandle => ({ sessionId, deliver: () => undefined, ephemeral: () => undefined, end: () => ended.push(sessionId) });
      hubs[1]?.subscribe('conv1', handle('s1'));
      hubs[1]?.subscribe('conv1', handle('s2'));
      await hubs[0]?.endSession('conv1', 's1');
      while (ended.length < 1) await new Promise((r) => setTimeout(r, 10));
      await hubs[0]?.endSession('conv1');
      while (ended.length < 3) await new Promise((r) => setTimeout(r, 10));
      expect(ended).toEqual(['s1', 's1', 's2']);
    } finally {
      for (const h of hubs) await h.close();
      for (const db of dbs) await db.close();
    }
  });
});
