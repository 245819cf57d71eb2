import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import pino from 'pino';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { Client, keyOf, login } from '../helpers/directline';
import { startTestServer, type TestServer } from '../helpers/server';
import { parseCode } from '../../src/access/codes';
import type { Sqlite } from '../../src/store/sqlite';

jest.setTimeout(120_000);

describe('resume on any device through the real DirectLineJS client', () => {
  test('log in, answer three steps, disconnect; a new client (also after a server restart) resumes the same conversation at the same step', async () => {
    let server: TestServer = await startTestServer();
    const [code] = await server.codes('parent');
    if (!code) throw new Error('no code');
    const dbFile = server.dbFile;

    const first = await login(server.url, code);
    const a = new Client(server.url, first);
    await a.waitFor((seen) => seen.some((x) => keyOf(x) === 'ui:menu.choose'));
    // Answer three steps with the first button the bot offers each time.
    const firstButton = (replies: Array<Partial<import('botbuilder').Activity>>) => {
      const action = replies[replies.length - 1]?.suggestedActions?.actions[0]?.value as { action?: string } | undefined;
      return action?.action ?? 'continue';
    };
    const r0 = await a.press('module:base');
    const r1 = await a.press(firstButton(r0));
    const r2 = await a.press(firstButton(r1));
    const r3 = await a.press(firstButton(r2));
    for (const r of [r1, r2, r3]) expect(r.length).toBeGreaterThan(0);
    const lastPrompt = r3[r3.length - 1];
    const lastKey = keyOf(lastPrompt ?? {});
    expect(lastKey).toMatch(/\.text$/);
    const before = a.seen.map((x) => x.id);
    a.end();

    // Another device, same code: same conversation, the transcript replayed, and the same step offered again.
    const second = await login(server.url, code);
    expect(second.conversationId).toBe(first.conversationId);
    const b = new Client(server.url, second);
    const resumedAt = (seen: Array<Partial<import('botbuilder').Activity>>, from: number) => {
      const welcome = seen.findIndex((x, i) => i >= from && keyOf(x) === 'ui:menu.welcomeBack');
      return welcome >= 0 && seen.slice(welcome).some((x) => keyOf(x) === lastKey);
    };
    await b.waitFor((seen) => resumedAt(seen, before.length));
    expect(b.seen.slice(0, before.length).map((x) => x.id)).toEqual(before);
    b.end();

    // Restart the server process on the same database: resume still works.
    await server.stop({ keepFiles: true });
    server = await startTestServer({ LOTSEN_DB: dbFile });
    const third = await login(server.url, code);
    expect(third.conversationId).toBe(first.conversationId);
    const c = new Client(server.url, third);
    const seenByB = b.seen.length;
    await c.waitFor((seen) => resumedAt(seen, seenByB));
    const reply = await c.press(lastPrompt?.suggestedActions?.actions[0]?.value ? String((lastPrompt.suggestedActions.actions[0].value as { action: string }).action) : 'continue');
    expect(reply.length).toBeGreaterThan(0);
    expect(keyOf(reply[reply.length - 1] ?? {})).not.toBe(lastKey);
    c.end();
    await server.stop();
  });
});

describe('the Direct Line endpoint', () => {
  let server: TestServer;
  const logLines: string[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    server = await startTestServer({ LOG_LEVEL: 'debug' }, pino({ level: 'debug' }, sink));
  });
  afterAll(() => server.stop());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  test('two clients on one code sending at the same time never fork the state: every message is answered, in order', async () => {
    const [code] = await server.codes('parent');
    const one = await login(server.url, code as string);
    const two = await login(server.url, code as string);
    expect(two.conversationId).toBe(one.conversationId);
    const id = one.conversationId;
    const auth = (t: string) => ({ authorization: `Bearer ${t}` });
    await post(`/v3/directline/conversations/${id}/activities`, { type: 'message', text: 'x', value: { action: 'module:anger' }, from: { id: 'u' } }, auth(one.token));
    // Unmatched text at a check-in: each message is one miss the state must count.
    const n = 12;
    const sends = Array.from({ length: n }, (_, i) =>
      post(`/v3/directline/conversations/${id}/activities`, { type: 'message', text: `message ${i}`, from: { id: i % 2 ? 'a' : 'b' } }, auth(i % 2 ? one.token : two.token)),
    );
    const responses = await Promise.all(sends);
    for (const r of responses) expect(r.status).toBe(200);
    const got = (await (await fetch(`${server.url}/v3/directline/conversations/${id}/activities`, { headers: auth(one.token) })).json()) as { activities: Array<{ id: string; from: { role: string }; replyToId?: string; text?: string }> };
    const acts = got.activities;
    // Each user message is followed directly by the bot's replies to it, before the next user message.
    const users = acts.filter((a) => a.from.role === 'user' && a.text?.startsWith('message '));
    expect(users).toHaveLength(n);
    for (const u of users) {
      const at = acts.indexOf(u);
      const next = acts[at + 1];
      expect(next?.from.role).toBe('bot');
      expect(next?.replyToId).toBe(u.id);
    }
    const state = await server.rt.conversationStateOf(id);
    expect(state?.misses).toBe(n);
  });

  test("a user's activity is kept with its replies, echoed in one frame with them; one the bot does not answer is kept alone; typing is echoed, never kept", async () => {
    const [code] = await server.codes('parent');
    const me = await login(server.url, code as string);
    const id = me.conversationId;
    const auth = { authorization: `Bearer ${me.token}` };
    const frames: Array<{ activities: Array<{ id: string; from: { role: string }; replyToId?: string; type: string }> }> = [];
    const created = (await (await post('/v3/directline/conversations', {}, auth)).json()) as { streamUrl: string };
    const ws = new WebSocket(created.streamUrl);
    ws.onmessage = (e) => {
      if (typeof e.data === 'string' && e.data.length > 0) frames.push(JSON.parse(e.data) as (typeof frames)[number]);
    };
    await new Promise((resolve, reject) => {
      ws.onopen = resolve;
      ws.onerror = reject;
    });
    const until = async (ok: () => boolean) => {
      for (let i = 0; i < 200 && !ok(); i += 1) await new Promise((r) => setTimeout(r, 20));
      expect(ok()).toBe(true);
    };
    await until(() => frames.length > 0);
    const replayed = frames.length;

    const sent = (await (await post(`/v3/directline/conversations/${id}/activities`, { type: 'message', text: 'x', value: { action: 'module:anger' }, from: { id: 'u' } }, auth)).json()) as { id: string };
    await until(() => frames.slice(replayed).some((f) => f.activities.some((a) => a.id === sent.id)));
    const frame = frames.slice(replayed).find((f) => f.activities.some((a) => a.id === sent.id));
    expect(frame?.activities[0]?.id).toBe(sent.id);
    expect(frame?.activities.length).toBeGreaterThan(1);
    for (const a of frame?.activities.slice(1) ?? []) {
      expect(a.from.role).toBe('bot');
      expect(a.replyToId).toBe(sent.id);
    }

    const event = await post(`/v3/directline/conversations/${id}/activities`, { type: 'event', name: 'something/else', from: { id: 'u' } }, auth);
    expect(event.status).toBe(200);
    const typing = await post(`/v3/directline/conversations/${id}/activities`, { type: 'typing', from: { id: 'u' } }, auth);
    expect(typing.status).toBe(200);
    const ids = [((await event.json()) as { id: string }).id, ((await typing.json()) as { id: string }).id];
    const got = (await (await fetch(`${server.url}/v3/directline/conversations/${id}/activities`, { headers: auth })).json()) as { activities: Array<{ id: string; type: string }> };
    const tail = got.activities.slice(-1);
    expect(tail.map((a) => a.id)).toEqual([ids[0]]);
    expect(tail.map((a) => a.type)).toEqual(['event']);
    expect(got.activities.some((a) => a.type === 'typing')).toBe(false);
    await until(() => frames.some((f) => f.activities.some((a) => a.id === ids[1] && a.type === 'typing')));
    ws.close();
  });

  test('bad input gets a precise 4xx and the server stays up', async () => {
    const [code] = await server.codes('parent');
    const me = await login(server.url, code as string);
    const other = await login(server.url, (await server.codes('parent'))[0] as string);
    const auth = { authorization: `Bearer ${me.token}` };

    const wrong = await post('/api/login', { code: 'AAAAA-AAAAA-AAAA', locale: 'en' });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { message: string }).message).toMatch(/code/i);
    const wrongSv = await post('/api/login', { code: 'AAAAA-AAAAA-AAAA' }, { 'accept-language': 'sv-SE' });
    expect(((await wrongSv.json()) as { message: string }).message).toMatch(/Koden/);

    expect((await post('/api/login', '{"code": ')).status).toBe(400);
    expect((await post(`/v3/directline/conversations/${me.conversationId}/activities`, '{"type": "mess', auth)).status).toBe(400);
    expect((await post(`/v3/directline/conversations/${me.conversationId}/activities`, { type: 'message', text: 'x'.repeat(17 * 1024) }, auth)).status).toBe(413);
    expect((await post(`/v3/directline/conversations/${me.conversationId}/activities`, { type: 42 }, auth)).status).toBe(400);
    expect((await post('/v3/directline/conversations/doesnotexist/activities', { type: 'message', text: 'hi' }, auth)).status).toBe(403);
    expect((await post(`/v3/directline/conversations/${other.conversationId}/activities`, { type: 'message', text: 'hi' }, auth)).status).toBe(403);
    expect((await fetch(`${server.url}/v3/directline/conversations/${other.conversationId}/activities`, { headers: auth })).status).toBe(403);
    expect((await post(`/v3/directline/conversations/${me.conversationId}/activities`, { type: 'message', text: 'hi' })).status).toBe(403);

    const expired = await new SignJWT({ conv: me.conversationId, sid: 'x', persona: 'parent' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('lotsen')
      .setAudience('lotsen/directline')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 1800)
      .sign(server.rt.keys.tokens);
    const expiredRes = await post(`/v3/directline/conversations/${me.conversationId}/activities`, { type: 'message', text: 'hi' }, { authorization: `Bearer ${expired}` });
    expect(expiredRes.status).toBe(403);
    expect(((await expiredRes.json()) as { error: { code: string } }).error.code).toBe('TokenExpired');

    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  test('20 wrong codes from one address get 429 with Retry-After', async () => {
    const own = await startTestServer();
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${own.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 20; i += 1) {
      const r = await post('/api/login', { code: 'BBBBB-BBBBB-BBBB' }, { 'x-test': String(i) });
      statuses.push(r.status);
      if (r.status === 429) retryAfter = r.headers.get('retry-after');
    }
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // A right code from the same address is throttled too while the window lasts: no guessing around it.
    const [good] = await own.codes('parent');
    expect((await post('/api/login', { code: good })).status).toBe(429);
    await own.stop();
  });

  test('the Emulator endpoint answers with the welcome (expectReplies)', async () => {
    const res = await post('/api/messages', {
      type: 'message',
      id: 'm1',
      text: 'hello',
      locale: 'en-US',
      channelId: 'emulator',
      serviceUrl: 'http://127.0.0.1:1',
      deliveryMode: 'expectReplies',
      conversation: { id: 'emulator-conv-1' },
      from: { id: 'user1', name: 'User' },
      recipient: { id: 'bot', name: 'Bot' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: Array<{ text: string; channelData?: { key?: string } }> };
    expect(body.activities.map((a) => a.channelData?.key)).toContain('ui:menu.welcome');
    expect(body.activities[0]?.text).toMatch(/welcome to Lotsen/);
  });

  test('the database holds no plaintext code or user sentence, and the logs no user text', async () => {
    const [code] = await server.codes('parent');
    const me = await login(server.url, code as string);
    const c = new Client(server.url, me);
    await c.waitFor((seen) => seen.some((x) => keyOf(x) === 'ui:menu.choose'));
    await c.press('module:base');
    const secretSentence = 'Min hemliga mening om hundar och regn';
    await c.say(secretSentence);
    c.end();
    await (server.rt.db as Sqlite).checkpoint();
    const bytes = readFileSync(server.dbFile);
    const canonical = (parseCode(code).ok && (parseCode(code) as { canonical: string }).canonical) || '';
    for (const needle of [code as string, canonical, secretSentence, 'hundar och regn']) {
      expect(bytes.includes(Buffer.from(needle as string))).toBe(false);
    }
    const logs = logLines.join('');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain('hundar');
    expect(logs).not.toContain(canonical);
  });
});
