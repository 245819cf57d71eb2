import os from 'node:os';
import { Writable } from 'node:stream';
import pino from 'pino';
import { Client, keyOf, login } from '../helpers/directline';
import { startTestServer, type TestServer } from '../helpers/server';
import { keyOfReceived, postMessages, ServiceUrlServer } from '../helpers/serviceUrl';

// POST /api/messages: the Bot Framework channel (the Emulator in development, Azure Bot Service with an app id).
// Without an app id it is off in production and, in development, talks only to a serviceUrl on this machine;
// its conversations live apart from Direct Line's.

jest.setTimeout(120_000);

/** An Emulator's activity in conversation `conversation`, its replies to go to `serviceUrl`. */
const activity = (serviceUrl: string, conversation: string, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  id: `a-${Math.random().toString(36).slice(2)}`,
  text: 'hi',
  channelId: 'emulator',
  serviceUrl,
  from: { id: 'u', name: 'User' },
  recipient: { id: 'b', name: 'Bot' },
  conversation: { id: conversation },
  ...extra,
});
const joined = (serviceUrl: string, conversation: string, extra: Record<string, unknown> = {}) =>
  activity(serviceUrl, conversation, { type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'u', name: 'User' }, { id: 'b', name: 'Bot' }], ...extra });

/** Collects pino's JSON lines. */
function recordingLogger(level = 'info') {
  const lines: string[] = [];
  const logger = pino(
    { level },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter((l) => l.length > 0));
        done();
      },
    }),
  );
  return { logger, lines };
}

/** What botbuilder or anything else writes to the console instead of the logger. */
function recordConsole() {
  const written: string[] = [];
  const spies = (['error', 'warn', 'log', 'info'] as const).map((m) => jest.spyOn(console, m).mockImplementation((...args: unknown[]) => void written.push(args.map(String).join(' '))));
  return { written, restore: () => spies.forEach((s) => s.mockRestore()) };
}

describe('development without an app id: the Emulator', () => {
  let s: TestServer;
  let emulator: ServiceUrlServer;
  let log: ReturnType<typeof recordingLogger>;

  beforeAll(async () => {
    log = recordingLogger();
    s = await startTestServer({ LOG_LEVEL: 'info' }, log.logger);
    emulator = await new ServiceUrlServer().start('0.0.0.0');
  });
  afterAll(async () => {
    await emulator.stop();
    await s.stop();
  });

  test('plays the Emulator: the bot answers at the local serviceUrl, reply by reply, and keeps the conversation going', async () => {
    const from = emulator.received.length;
    const join = joined(emulator.url, 'emu-play|livechat');
    const r1 = await postMessages(s.url, join);
    expect(r1.status).toBe(200);
    const welcome = emulator.since(from);
    expect(welcome.length).toBeGreaterThan(0);
    for (const r of welcome) {
      expect(r.method).toBe('POST');
      expect(r.path).toBe(`/v3/conversations/${encodeURIComponent('emu-play|livechat')}/activities/${encodeURIComponent(join.id)}`);
      expect(r.body.replyToId).toBe(join.id);
      expect(r.body.conversation?.id).toBe('emu-play|livechat');
    }
    expect(welcome.map(keyOfReceived)).toContain('ui:menu.welcome');

    const start = activity(emulator.url, 'emu-play|livechat', { text: 'Grunden', value: { action: 'module:base' } });
    const at = emulator.received.length;
    expect((await postMessages(s.url, start)).status).toBe(200);
    const step = emulator.since(at);
    expect(step.length).toBeGreaterThan(0);
    expect(step.every((r) => r.path.endsWith(`/activities/${start.id}`))).toBe(true);
    // The module's first step (its own content keys), not an interface message.
    expect(step.some((r) => /^[a-z0-9-]+\.text$/.test(keyOfReceived(r) ?? ''))).toBe(true);

    // The same conversation again: it is where it was (in a module), so it is welcomed back.
    const again = emulator.received.length;
    expect((await postMessages(s.url, joined(emulator.url, 'emu-play|livechat'))).status).toBe(200);
    expect(emulator.since(again).map(keyOfReceived)).toContain('ui:menu.welcomeBack');
  });

  test('a serviceUrl not on this machine is refused with 403 before any request goes out', async () => {
    const external = Object.values(os.networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === 'IPv4')
      .map((i) => i?.address as string);
    const p = emulator.port;
    const refused = [
      // Addresses that do reach the recording server here: a request going out would show.
      ...external.map((a) => `http://${a}:${p}/internal`),
      `http://0.0.0.0:${p}/internal`,
      `http://127.0.0.1:${p}@${external[0] ?? '0.0.0.0'}:${p}/internal`,
      // Loopback, but with what a loopback check must not let through.
      `http://u:pw@127.0.0.1:${p}/internal`,
      `http://127.0.0.1:${p}/api/messages?x=`,
      `http://127.0.0.1:${p}/#x`,
      `ftp://127.0.0.1:${p}/`,
      `http://[::ffff:127.0.0.1]:${p}/`,
      'http://localhost.example.invalid/',
      'http://169.254.169.254/latest/meta-data/',
    ];
    const before = emulator.received.length;
    for (const serviceUrl of refused) {
      const res = await postMessages(s.url, activity(serviceUrl, 'emu-ssrf'));
      expect({ serviceUrl, status: res.status }).toEqual({ serviceUrl, status: 403 });
    }
    expect(emulator.since(before)).toEqual([]);

    // Loopback in its forms is the Emulator: http://localhost, 127.0.0.0/8, [::1].
    for (const serviceUrl of [`http://localhost:${p}`, `http://127.0.0.1:${p}/`, `http://127.1:${p}`]) {
      const res = await postMessages(s.url, activity(serviceUrl, 'emu-loopback'));
      expect({ serviceUrl, status: res.status }).toEqual({ serviceUrl, status: 200 });
    }
    expect(emulator.since(before).length).toBeGreaterThanOrEqual(3);
  });

  test('cannot read or write a Direct Line conversation: not its dialogue, transcript, notes, statistics or stream', async () => {
    const [code] = await s.codes('parent');
    const me = await login(s.url, code as string);
    const c = new Client(s.url, me);
    await c.waitFor((seen) => seen.some((x) => keyOf(x) === 'ui:menu.choose'));
    const id = me.conversationId;
    const stats = () => s.rt.store.countRows('stat_event', '1 = 1', []);
    const before = { seq: await s.rt.store.lastSeq(id), state: await s.rt.conversationStateOf(id), notes: await s.rt.store.notes(id), stats: await stats() };
    const seenBefore = c.seen.length;

    const from = emulator.received.length;
    for (const channelId of ['directline', 'emulator', 'webchat']) {
      expect((await postMessages(s.url, joined(emulator.url, id, { channelId }))).status).toBe(200);
      expect((await postMessages(s.url, activity(emulator.url, id, { channelId, text: 'Grunden', value: { action: 'module:base' } }))).status).toBe(200);
      expect((await postMessages(s.url, activity(emulator.url, id, { channelId, text: 'Jag skriver något eget här' }))).status).toBe(200);
    }
    // The Emulator got its own conversation: a first welcome, not the code holder's "welcome back".
    const replies = emulator.since(from).map(keyOfReceived);
    expect(replies).toContain('ui:menu.welcome');
    expect(replies).not.toContain('ui:menu.welcomeBack');

    expect(await s.rt.store.lastSeq(id)).toBe(before.seq);
    expect(await s.rt.conversationStateOf(id)).toEqual(before.state);
    expect(await s.rt.store.notes(id)).toEqual(before.notes);
    expect(await stats()).toBe(before.stats);

    // The stream is ordered: the code holder's own next turn arrives after anything pushed before it.
    await c.press('module:base');
    expect(c.seen.slice(seenBefore).every((a) => a.channelId === 'directline' && a.conversation?.id === id)).toBe(true);
    expect(c.seen.slice(seenBefore)[0]?.from?.role).not.toBe('bot');
    c.end();
  });

  test('bad bodies get a 4xx (400, 413 when too large), never a 5xx, and nothing is dumped to the console', async () => {
    const u = emulator.url;
    const bodies: Array<[string, string | unknown, Record<string, string>?]> = [
      ['empty object', {}],
      ['array', [activity(u, 'emu-bad')]],
      ['string', '"message"'],
      ['null', 'null'],
      ['not JSON', '{"type": "message",'],
      ['not JSON at all', 'hello', { 'content-type': 'text/plain' }],
      ['type a number', { ...activity(u, 'emu-bad'), type: 5 }],
      ['unknown type', { ...activity(u, 'emu-bad'), type: 'nonsense' }],
      ['invoke', { ...activity(u, 'emu-bad'), type: 'invoke', name: 'x' }],
      ['no conversation', { ...activity(u, 'emu-bad'), conversation: undefined }],
      ['conversation id an object', { ...activity(u, 'emu-bad'), conversation: { id: { $ne: 1 } } }],
      ['no serviceUrl', { ...activity(u, 'emu-bad'), serviceUrl: undefined }],
      ['serviceUrl a number', { ...activity(u, 'emu-bad'), serviceUrl: 127001 }],
      ['serviceUrl not a URL', { ...activity(u, 'emu-bad'), serviceUrl: 'not a url' }],
      ['no from', { ...activity(u, 'emu-bad'), from: undefined }],
      ['text a number', { ...activity(u, 'emu-bad'), text: 42 }],
      ['membersAdded a string', { ...joined(u, 'emu-bad'), membersAdded: 'everyone' }],
      ['timestamp an object', { ...activity(u, 'emu-bad'), timestamp: { a: 1 } }],
      ['channelId empty', { ...activity(u, 'emu-bad'), channelId: '' }],
    ];
    const consoleOut = recordConsole();
    const logFrom = log.lines.length;
    const before = emulator.received.length;
    try {
      for (const [name, body, headers] of bodies) {
        const res = await postMessages(s.url, body, headers);
        expect({ name, status: res.status }).toEqual({ name, status: 400 });
        expect(JSON.parse(res.text)).toEqual({ error: { code: 'BadArgument', message: expect.any(String) } });
      }
      const huge = await postMessages(s.url, activity(u, 'emu-bad', { text: 'x'.repeat(300_000) }));
      expect(huge.status).toBe(413);
    } finally {
      consoleOut.restore();
    }
    expect(emulator.since(before)).toEqual([]);
    expect(consoleOut.written).toEqual([]);
    // Every log line is one JSON object; none is an error for what is only a bad request.
    for (const line of log.lines.slice(logFrom)) {
      const entry = JSON.parse(line) as { level: number };
      expect(entry.level).toBeLessThan(50);
    }
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });
});

describe('a cap and a lifetime on the conversations kept', () => {
  test('beyond BOTFRAMEWORK_CONVERSATIONS_MAX the oldest conversation is forgotten and starts afresh', async () => {
    const s = await startTestServer({ BOTFRAMEWORK_CONVERSATIONS_MAX: '2' });
    const emulator = await new ServiceUrlServer().start();
    try {
      const welcomeOf = async (conversation: string) => {
        const from = emulator.received.length;
        expect((await postMessages(s.url, joined(emulator.url, conversation))).status).toBe(200);
        return emulator.since(from).map(keyOfReceived);
      };
      await welcomeOf('cap-a');
      await postMessages(s.url, activity(emulator.url, 'cap-a', { value: { action: 'module:base' } }));
      await welcomeOf('cap-b');
      // Two kept (a and b): a is still where it was.
      expect(await welcomeOf('cap-a')).toContain('ui:menu.welcomeBack');
      await welcomeOf('cap-b');
      await welcomeOf('cap-c');
      // c made three: a, used longest ago, went.
      expect(await welcomeOf('cap-a')).toContain('ui:menu.welcome');
    } finally {
      await emulator.stop();
      await s.stop();
    }
  });
});

describe('production without an app id', () => {
  test('/api/messages does not exist: 404, and nothing goes out', async () => {
    const s = await startTestServer({ NODE_ENV: 'production', PUBLIC_URL: 'https://lotsen.example.se' });
    const emulator = await new ServiceUrlServer().start();
    try {
      const res = await postMessages(s.url, {
        type: 'message', id: 'a1', text: 'hi', channelId: 'emulator', serviceUrl: `http://127.0.0.1:${emulator.port}/internal`,
        from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: 'c1' },
      });
      expect(res.status).toBe(404);
      expect(JSON.parse(res.text)).toEqual({ error: { code: 'NotFound', message: expect.any(String) } });
      expect(emulator.received).toEqual([]);
    } finally {
      await emulator.stop();
      await s.stop();
    }
  });
});

describe('an app id configured', () => {
  const settings: Record<string, string> = { MicrosoftAppId: '00000000-0000-0000-0000-00000000beef', MicrosoftAppPassword: 'not-a-real-password' };

  test.each([['development', {}], ['production', { NODE_ENV: 'production', PUBLIC_URL: 'https://lotsen.example.se' }]])('in %s, a request without a valid Bot Framework token gets 401 and nothing goes out', async (_name, env: Record<string, string>) => {
    const log = recordingLogger();
    const s = await startTestServer({ ...settings, ...env, LOG_LEVEL: 'info' }, log.logger);
    const emulator = await new ServiceUrlServer().start();
    const consoleOut = recordConsole();
    try {
      const unauthenticated: Array<Record<string, string>> = [{}, { authorization: 'Bearer a.b.c' }, { authorization: 'Basic dTpw' }, { authorization: '' }];
      for (const headers of unauthenticated) {
        const res = await postMessages(s.url, activity(emulator.url, 'auth-1'), headers);
        expect({ headers, status: res.status }).toEqual({ headers, status: 401 });
        expect(JSON.parse(res.text)).toEqual({ error: { code: 'Unauthorized', message: expect.any(String) } });
      }
      // A serviceUrl elsewhere is Azure's to vouch for (in its token): without one, still 401.
      expect((await postMessages(s.url, activity('https://smba.trafficmanager.net/emea/', 'auth-2'))).status).toBe(401);
      // A bad body is still a 400, before any token is looked at.
      expect((await postMessages(s.url, {})).status).toBe(400);
    } finally {
      consoleOut.restore();
      await emulator.stop();
      await s.stop();
    }
    expect(emulator.received).toEqual([]);
    expect(consoleOut.written).toEqual([]);
    for (const line of log.lines) expect((JSON.parse(line) as { level: number }).level).toBeLessThan(50);
  });
});
