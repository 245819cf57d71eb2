import type { Activity } from 'botbuilder';
import WebSocket from 'ws';
import { login, type LoginResult } from '../helpers/directline';
import { describeWithPostgres, startPostgres, type TestPostgres } from '../helpers/postgres';
import { startTestServer, type TestServer } from '../helpers/server';

jest.setTimeout(60_000);

// What a token may post, and what of it is kept: rate limits per session and per conversation, caps on an
// activity's size and parts, typing echoed but never stored, the user's activity stored in our own shape, and
// replays of a long transcript in frames of bounded size.

type A = Partial<Activity>;
type Frame = { activities: A[]; watermark?: string };

async function post(base: string, auth: LoginResult, activity: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/v3/directline/conversations/${auth.conversationId}/activities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${auth.token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { id?: string; error?: { code: string; message: string; field?: string; limit?: number } } };
}

async function transcript(base: string, auth: LoginResult, watermark?: number): Promise<A[]> {
  const res = await fetch(`${base}/v3/directline/conversations/${auth.conversationId}/activities${watermark === undefined ? '' : `?watermark=${watermark}`}`, { headers: { authorization: `Bearer ${auth.token}` } });
  return ((await res.json()) as { activities: A[] }).activities;
}

/** A raw stream that keeps whole frames. */
class FrameStream {
  readonly frames: Frame[] = [];
  readonly raw: string[] = [];
  readonly ws: WebSocket;
  private readonly waiters = new Set<() => void>();
  constructor(base: string, auth: LoginResult, watermark?: string) {
    this.ws = new WebSocket(`${base.replace(/^http/, 'ws')}/v3/directline/conversations/${auth.conversationId}/stream?t=${encodeURIComponent(auth.token)}${watermark === undefined ? '' : `&watermark=${watermark}`}`);
    this.ws.on('message', (data) => {
      const text = String(data as Buffer);
      if (!text) return;
      this.raw.push(text);
      this.frames.push(JSON.parse(text) as Frame);
      for (const w of this.waiters) w();
    });
    this.ws.on('error', () => undefined);
  }
  get seen(): A[] {
    return this.frames.flatMap((f) => f.activities);
  }
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

const typing = { type: 'typing', from: { id: 'user' } };
const say = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'message', text, from: { id: 'user' }, ...extra });

describe('rate limits', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ ACTIVITY_BURST: '4', ACTIVITIES_PER_MINUTE_SESSION: '6', ACTIVITIES_PER_MINUTE_CONVERSATION: '0' });
  });
  afterAll(() => s.stop());

  test('a session that posts faster than its rate gets 429 with Retry-After and a message in its own language', async () => {
    const [code] = await s.codes('parent');
    const auth = await login(s.url, code as string, 'ar');
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 6; i += 1) {
      const r = await post(s.url, auth, typing);
      statuses.push(r.status);
      if (r.status === 429) refused ??= r;
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect(Number(refused?.retryAfter)).toBeGreaterThan(0);
    expect(refused?.body.error?.code).toBe('TooManyRequests');
    expect(refused?.body.error?.message).toMatch(/[\u0600-\u06FF]/);
    // Another session of the same code has its own allowance.
    const other = await login(s.url, code as string, 'en');
    const r = await post(s.url, other, typing);
    expect(r.status).toBe(200);
  });

  test('the sessions of one conversation share its rate', async () => {
    const own = await startTestServer({ ACTIVITY_BURST: '3', ACTIVITIES_PER_MINUTE_SESSION: '0', ACTIVITIES_PER_MINUTE_CONVERSATION: '6' });
    try {
      const [code] = await own.codes('parent');
      const one = await login(own.url, code as string, 'en');
      const two = await login(own.url, code as string, 'en');
      const statuses = [];
      for (const auth of [one, two, one, two]) statuses.push((await post(own.url, auth, typing)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await post(own.url, one, typing);
      expect(refused.body.error?.message).toMatch(/sending very fast/);
    } finally {
      await own.stop();
    }
  });
});

describe('what is posted, and what is kept of it', () => {
  let s: TestServer;
  let frameServer: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    frameServer = await startTestServer({ STREAM_FRAME_BYTES: '8192' });
  });
  afterAll(async () => {
    await s.stop();
    await frameServer.stop();
  });

  const someone = async (server = s, locale = 'sv') => login(server.url, (await server.codes('parent'))[0] as string, locale);

  test('typing is echoed on the stream and never stored', async () => {
    const auth = await someone();
    const stream = new FrameStream(s.url, auth);
    await stream.until((seen) => seen.length > 0);
    const rows = async () => s.rt.store.countRows('activity', 'conversation_id = ?', [auth.conversationId]);
    const before = await rows();
    const r = await post(s.url, auth, { ...typing, channelData: { clientActivityID: 'typing1' }, entities: Array.from({ length: 5 }, () => ({ type: 'x', pad: 'y'.repeat(100) })) });
    expect(r.status).toBe(200);
    await stream.until((seen) => seen.some((a) => a.type === 'typing' && a.id === r.body.id));
    const echoed = stream.seen.find((a) => a.type === 'typing');
    expect(echoed?.from).toEqual({ id: 'user', name: '', role: 'user' });
    expect(echoed).not.toHaveProperty('entities');
    expect(await rows()).toBe(before);
    expect((await transcript(s.url, auth)).some((a) => a.type === 'typing')).toBe(false);
    stream.ws.close();
  });

  test.each([
    ['too many entities', { entities: Array.from({ length: 6 }, () => ({ type: 'x' })) }, 'entities', 5],
    ['an attachment', { attachments: [{ contentType: 'image/png', contentUrl: 'http://x' }] }, 'attachments', 0],
    ['a value nested five deep', { value: { a: { b: { c: { d: { e: 1 } } } } } }, 'value', 4],
    ['an activity over 8 KiB', { text: 'x'.repeat(7000), entities: [{ type: 'pad', pad: 'y'.repeat(2000) }] }, 'activity', 8192],
  ])('%s is answered 400 naming the limit it broke, in the user’s language', async (_name, extra, field, limit) => {
    const auth = await someone(s, 'en');
    const r = await post(s.url, auth, say('hej', extra));
    expect(r.status).toBe(400);
    expect(r.body.error?.field).toBe(field);
    expect(r.body.error?.limit).toBe(limit);
    expect(r.body.error?.message).toMatch(/message|Attachments/i);
  });

  test('a value four deep and five entities are accepted', async () => {
    const auth = await someone();
    const r = await post(s.url, auth, say('hej', { value: { a: { b: { c: { d: 1 } } } }, entities: Array.from({ length: 5 }, () => ({ type: 'x' })) }));
    expect(r.status).toBe(200);
  });

  test("the user's activity is stored in our own shape: cleaned text, our own from, no client fields", async () => {
    const auth = await someone();
    const r = await post(s.url, auth, {
      type: 'message',
      text: 'Hej\u0000 då\u202E\u2066 ok\u0007\tnu\r\nrad två',
      textFormat: 'markdown',
      locale: 'en-GB',
      from: { id: 'attacker', name: 'Lotsen', role: 'bot' },
      channelData: { clientActivityID: 'abc123', foo: 'bar' },
      entities: [{ type: 'ClientCapabilities', requiresBotState: true }],
      localTimestamp: '2026-01-01T00:00:00+01:00',
      localTimezone: 'Europe/Stockholm',
      timestamp: '1999-01-01T00:00:00Z',
      attachments: [],
    });
    expect(r.status).toBe(200);
    const all = await transcript(s.url, auth);
    const mine = all.find((a) => a.id === r.body.id) as A;
    expect(mine.text).toBe('Hej då ok nu\nrad två');
    expect(mine.from).toEqual({ id: 'user', name: '', role: 'user' });
    expect(mine.textFormat).toBe('plain');
    expect(mine.locale).toBe('en');
    expect(Object.keys(mine).sort()).toEqual(['channelId', 'conversation', 'from', 'id', 'locale', 'recipient', 'text', 'textFormat', 'timestamp', 'type']);
    expect(mine.timestamp).not.toBe('1999-01-01T00:00:00Z');
    // The bot's replies address our own user too.
    for (const reply of all.filter((a) => a.replyToId === r.body.id)) expect(reply.recipient).toEqual({ id: 'user', name: '', role: 'user' });
  });

  test('a button value is kept only when the bot offered it at that step; otherwise the press counts as its typed label', async () => {
    const auth = await someone();
    // At the menu: the modules are offered, "continue" is not.
    const stale = await post(s.url, auth, say('Fortsätt', { value: { action: 'continue', extra: { deep: true } } }));
    const offered = await post(s.url, auth, say('Grunden', { value: { action: 'module:base', extra: 'x' } }));
    const intent = await post(s.url, auth, say('Meny', { value: { action: 'intent:menu' } }));
    const all = await transcript(s.url, auth);
    const byId = (id?: string) => all.find((a) => a.id === id) as A;
    expect(byId(stale.body.id)).not.toHaveProperty('value');
    expect(byId(stale.body.id).text).toBe('Fortsätt');
    expect(byId(offered.body.id).value).toEqual({ action: 'module:base' });
    expect(byId(intent.body.id).value).toEqual({ action: 'intent:menu' });
    // The module did open: the bot read the kept value.
    const replies = all.filter((a) => a.replyToId === offered.body.id);
    expect(replies.some((a) => (a.channelData as { progress?: { flow?: string } } | undefined)?.progress?.flow === 'parent/base')).toBe(true);
  });

  test("the echo on the stream carries the client's clientActivityID; the transcript does not keep it", async () => {
    const auth = await someone();
    const stream = new FrameStream(s.url, auth);
    await stream.until((seen) => seen.length > 0);
    const r = await post(s.url, auth, say('Grunden', { value: { action: 'module:base' }, channelData: { clientActivityID: 'k3x9q', other: 1 } }));
    await stream.until((seen) => seen.some((a) => a.id === r.body.id));
    const echo = stream.seen.find((a) => a.id === r.body.id);
    expect(echo?.channelData).toEqual({ clientActivityID: 'k3x9q' });
    const stored = (await transcript(s.url, auth)).find((a) => a.id === r.body.id);
    expect(stored).not.toHaveProperty('channelData');
    // A reconnect replays the stored activity.
    const again = new FrameStream(s.url, auth);
    await again.until((seen) => seen.some((a) => a.id === r.body.id));
    expect(again.seen.find((a) => a.id === r.body.id)).not.toHaveProperty('channelData');
    stream.ws.close();
    again.ws.close();
  });

  test('a long transcript is replayed in frames of bounded size, each with its watermark; a reconnect from one of them gets the rest', async () => {
    const auth = await someone(frameServer);
    const filler = Array.from({ length: 60 }, (_, i) => ({ type: 'message', from: { id: 'lotsen', name: 'Lotsen', role: 'bot' }, text: `${i} ${'lorem ipsum '.repeat(80)}` }));
    await frameServer.rt.store.appendActivities(auth.conversationId, filler, 'bot');
    const all = await transcript(frameServer.url, auth);
    const stream = new FrameStream(frameServer.url, auth);
    await stream.until((seen) => seen.length >= all.length);
    expect(stream.seen.map((a) => a.id)).toEqual(all.map((a) => a.id));
    expect(stream.frames.length).toBeGreaterThan(5);
    for (let i = 0; i < stream.frames.length; i += 1) {
      const frame = stream.frames[i] as Frame;
      expect(Buffer.byteLength(stream.raw[i] as string)).toBeLessThan(8192 + 200);
      const last = frame.activities[frame.activities.length - 1] as A;
      expect(frame.watermark).toBe(String(Number(String(last.id).split('|')[1])));
    }
    const middle = stream.frames[2] as Frame;
    const rest = new FrameStream(frameServer.url, auth, middle.watermark);
    const expected = all.filter((a) => Number(String(a.id).split('|')[1]) > Number(middle.watermark));
    await rest.until((seen) => seen.length >= expected.length);
    expect(rest.seen.map((a) => a.id)).toEqual(expected.map((a) => a.id));
    stream.ws.close();
    rest.ws.close();
  });
});

describeWithPostgres('the echo with several instances', () => {
  let cluster: TestPostgres;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    cluster = await startPostgres();
    const url = await cluster.createDatabase('echo');
    a = await startTestServer({ LOTSEN_DB: url });
    b = await startTestServer({ LOTSEN_DB: url });
  });
  afterAll(async () => {
    await a?.stop().catch(() => undefined);
    await b?.stop().catch(() => undefined);
    await cluster?.stop();
  });

  test('posted through B, the stream on A gets the echo with its clientActivityID, and typing', async () => {
    const auth = await login(a.url, (await a.codes('parent'))[0] as string);
    const stream = new FrameStream(a.url, auth);
    await stream.until((seen) => seen.length > 0);
    const r = await post(b.url, auth, say('Grunden', { value: { action: 'module:base' }, channelData: { clientActivityID: 'pg-echo-1' } }));
    await stream.until((seen) => seen.some((x) => x.id === r.body.id));
    expect(stream.seen.find((x) => x.id === r.body.id)?.channelData).toEqual({ clientActivityID: 'pg-echo-1' });
    const t = await post(b.url, auth, { ...typing, channelData: { clientActivityID: 'pg-typing-1' } });
    expect(t.status).toBe(200);
    await stream.until((seen) => seen.some((x) => x.type === 'typing' && (x.channelData as { clientActivityID?: string } | undefined)?.clientActivityID === 'pg-typing-1'));
    stream.ws.close();
  });
});
