import type { Activity } from 'botbuilder';
import pg from 'pg';
import WebSocket from 'ws';
import { login, type LoginResult } from '../helpers/directline';
import { describeWithPostgres, startPostgres, type TestPostgres } from '../helpers/postgres';
import { startTestServer, type TestServer } from '../helpers/server';

jest.setTimeout(180_000);

type A = Partial<Activity>;
const seqOf = (a: A) => Number(String(a.id).split('|')[1]);

/** A raw Direct Line stream: every activity it receives, in arrival order. */
class Stream {
  readonly seen: A[] = [];
  private readonly ws: WebSocket;
  private readonly waiters = new Set<() => void>();
  readonly closed: Promise<void>;

  constructor(base: string, auth: LoginResult, watermark: number | null = null) {
    const wm = watermark === null ? '' : `&watermark=${watermark}`;
    this.ws = new WebSocket(`${base.replace(/^http/, 'ws')}/v3/directline/conversations/${auth.conversationId}/stream?t=${encodeURIComponent(auth.token)}${wm}`);
    this.ws.on('message', (data) => {
      const text = String(data as Buffer);
      if (!text) return;
      const frame = JSON.parse(text) as { activities: A[] };
      this.seen.push(...frame.activities);
      for (const w of this.waiters) w();
    });
    this.ws.on('error', () => undefined);
    this.closed = new Promise((resolve) => this.ws.on('close', () => resolve()));
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.ws.readyState === WebSocket.OPEN) return resolve();
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
  }

  waitFor(predicate: (seen: A[]) => boolean, what: string, ms = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate(this.seen)) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}; saw ${this.seen.length}`));
      }, ms);
      this.waiters.add(check);
      check();
    });
  }

  /** Waits until the replies to `id` have arrived (the turn ends with the activity that carries `progress`). */
  repliesTo(id: string): Promise<void> {
    return this.waitFor((seen) => seen.some((a) => a.replyToId === id && (a.channelData as { progress?: unknown } | undefined)?.progress !== undefined), `replies to ${id}`);
  }

  close(): void {
    this.ws.close();
  }
}

async function post(base: string, auth: LoginResult, activity: A): Promise<string> {
  const res = await fetch(`${base}/v3/directline/conversations/${auth.conversationId}/activities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${auth.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ from: { id: 'user' }, ...activity }),
  });
  if (res.status !== 200) throw new Error(`post ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

const press = (base: string, auth: LoginResult, action: string) => post(base, auth, { type: 'message', text: action, value: { action } });

async function transcript(base: string, auth: LoginResult): Promise<A[]> {
  const res = await fetch(`${base}/v3/directline/conversations/${auth.conversationId}/activities`, { headers: { authorization: `Bearer ${auth.token}` } });
  return ((await res.json()) as { activities: A[] }).activities;
}

const firstButton = (seen: A[]): string => {
  const last = [...seen].reverse().find((a) => a.from?.role === 'bot' && a.suggestedActions);
  return (last?.suggestedActions?.actions[0]?.value as { action?: string } | undefined)?.action ?? 'continue';
};

/** Every activity once, seqs 0..n-1 in order; and every turn's replies directly after the user activity they answer. */
function expectWellFormed(list: A[]): void {
  expect(list.map(seqOf)).toEqual(list.map((_, i) => i));
  for (let i = 0; i < list.length; i += 1) {
    const a = list[i] as A;
    if (a.from?.role !== 'user') continue;
    let j = i + 1;
    while (j < list.length && list[j]?.replyToId === a.id) j += 1;
    // After a user activity and its replies, nothing else answers it later (no other turn interleaved).
    expect(list.slice(j).filter((b) => b.replyToId === a.id)).toEqual([]);
  }
}

describeWithPostgres('several instances on one PostgreSQL database', () => {
  let cluster: TestPostgres;
  let a: TestServer;
  let b: TestServer;
  let url: string;

  beforeAll(async () => {
    cluster = await startPostgres();
    url = await cluster.createDatabase('multi');
    a = await startTestServer({ LOTSEN_DB: url });
    b = await startTestServer({ LOTSEN_DB: url });
  });
  afterAll(async () => {
    await a?.stop().catch(() => undefined);
    await b?.stop().catch(() => undefined);
    await cluster?.stop();
  });

  test('log in through A, post through B: the stream on A gets every activity once, in order', async () => {
    const [code] = await a.codes('parent');
    const auth = await login(a.url, code as string);
    const stream = new Stream(a.url, auth);
    await stream.opened();
    await stream.waitFor((seen) => seen.some((x) => (x.channelData as { key?: string } | undefined)?.key === 'ui:menu.choose'), 'the welcome');
    let action = 'module:base';
    for (let i = 0; i < 4; i += 1) {
      const id = await press(b.url, auth, action);
      await stream.repliesTo(id);
      action = firstButton(stream.seen);
    }
    const stored = await transcript(b.url, auth);
    expect(stream.seen.map((x) => x.id)).toEqual(stored.map((x) => x.id));
    expect(stored.filter((x) => x.from?.role === 'user')).toHaveLength(4);
    expectWellFormed(stream.seen);
    stream.close();
  });

  test('the LISTEN connection drops: once it is back, the stream catches up on what was said meanwhile', async () => {
    const [code] = await a.codes('parent');
    const auth = await login(a.url, code as string);
    const stream = new Stream(a.url, auth);
    await stream.opened();
    await stream.waitFor((seen) => seen.length > 0, 'the welcome');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const killed = await admin.query("SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = 'lotsen-listen'");
      expect(killed.rowCount).toBe(2);
      // Posted while no instance listens: the notice is lost, the rows are not.
      const id = await press(b.url, auth, 'module:base');
      await stream.repliesTo(id);
      expect(stream.seen.map((x) => x.id)).toEqual((await transcript(a.url, auth)).map((x) => x.id));
      const listening = async () => (await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'lotsen-listen'")).rows[0]?.n;
      for (let i = 0; i < 50 && (await listening()) !== 2; i += 1) await new Promise((r) => setTimeout(r, 100));
      expect(await listening()).toBe(2);
    } finally {
      await admin.end();
      stream.close();
    }
  });

  test('50 concurrent conversations over both instances: nothing lost, nothing doubled, turns never interleave', async () => {
    const codes = await a.codes('parent', 50);
    const started = Date.now();
    const results = await Promise.all(
      codes.map(async (code, i) => {
        const [home, away] = i % 2 ? [a, b] : [b, a];
        const auth = await login(home.url, code);
        const stream = new Stream(away.url, auth);
        await stream.opened();
        // Two posts at once, one through each instance: the database lock runs them one after the other.
        const [x, y] = await Promise.all([press(home.url, auth, 'module:base'), post(away.url, auth, { type: 'message', text: 'hej' })]);
        await Promise.all([stream.repliesTo(x), stream.repliesTo(y)]);
        const z = await press(away.url, auth, firstButton(stream.seen));
        await stream.repliesTo(z);
        const stored = await transcript(home.url, auth);
        stream.close();
        return { seen: stream.seen, stored, posted: [x, y, z] };
      }),
    );
    const ms = Date.now() - started;
    let activities = 0;
    for (const r of results) {
      expect(r.seen.map((x) => x.id)).toEqual(r.stored.map((x) => x.id));
      expect(r.stored.filter((x) => x.from?.role === 'user').map((x) => x.id).sort()).toEqual([...r.posted].sort());
      expectWellFormed(r.stored);
      activities += r.stored.length;
    }
    console.log(`50 conversations, 150 turns over two instances: ${activities} activities in ${ms} ms`);
  });

  test('an instance goes away mid-conversation: the client reconnects to the other and resumes with the full transcript', async () => {
    const url = await cluster.createDatabase('failover');
    const c = await startTestServer({ LOTSEN_DB: url });
    const d = await startTestServer({ LOTSEN_DB: url });
    try {
      const [code] = await c.codes('parent');
      const auth = await login(c.url, code as string);
      const onC = new Stream(c.url, auth);
      await onC.opened();
      let action = 'module:base';
      for (let i = 0; i < 3; i += 1) {
        const id = await press(c.url, auth, action);
        await onC.repliesTo(id);
        action = firstButton(onC.seen);
      }
      await c.stop();
      await onC.closed;

      // Reconnect to D from where the stream stopped: nothing missing, nothing twice; then carry on there.
      const last = seqOf(onC.seen[onC.seen.length - 1] as A);
      const onD = new Stream(d.url, auth, last);
      await onD.opened();
      const id = await press(d.url, auth, action);
      await onD.repliesTo(id);
      const all = [...onC.seen, ...onD.seen];
      expectWellFormed(all);
      expect(all.map((x) => x.id)).toEqual((await transcript(d.url, auth)).map((x) => x.id));

      // A fresh device on D (a new login with the same code) replays the whole conversation.
      const again = await login(d.url, code as string);
      expect(again.conversationId).toBe(auth.conversationId);
      const replay = new Stream(d.url, again);
      await replay.waitFor((seen) => seen.length > all.length && seen.some((x) => (x.channelData as { key?: string } | undefined)?.key === 'ui:menu.welcomeBack'), 'the replay and welcome back');
      expect(replay.seen.slice(0, all.length).map((x) => x.id)).toEqual(all.map((x) => x.id));
      replay.close();
      onD.close();
    } finally {
      await c.stop().catch(() => undefined);
      await d.stop();
    }
  });
});
