import http from 'node:http';
import os from 'node:os';
import fc from 'fast-check';
import { login } from '../helpers/directline';
import { startTestServer, type TestServer } from '../helpers/server';
import { keyOfReceived, postMessages, ServiceUrlServer } from '../helpers/serviceUrl';

// Generated requests against POST /api/messages (wrong types, huge strings, any Unicode, missing fields, broken
// JSON, any serviceUrl, a code holder's conversation id, tokens): each gets a 4xx, or a 2xx when it is a valid
// Emulator activity, never a 5xx or a dropped connection; no request goes anywhere but the local serviceUrl, the
// code holder's conversation stays as it was, and the server is alive afterwards.

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const CONCURRENCY = 8;

let s: TestServer;
let emulator: ServiceUrlServer;
/** Reachable at this machine's other addresses: whatever arrives here is a request that should never have gone out. */
let elsewhere: ServiceUrlServer;
let codeHolder: string;
const externalIp = Object.values(os.networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4')?.address ?? '0.0.0.0';

beforeAll(async () => {
  s = await startTestServer();
  emulator = await new ServiceUrlServer().start();
  elsewhere = await new ServiceUrlServer().start('0.0.0.0');
  const [code] = await s.codes('parent');
  codeHolder = (await login(s.url, code as string)).conversationId;
});
afterAll(async () => {
  await emulator.stop();
  await elsewhere.stop();
  await s.stop();
});

const huge = fc.integer({ min: 1000, max: 300_000 }).chain((n) => fc.constantFrom('x', 'å', '😀', '\u0000', '"', '\\', '\ud800').map((c) => c.repeat(n)));
const text = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 2000 }) },
);
const json = fc.jsonValue({ maxDepth: 3 });
const anyValue = fc.oneof(text, json, fc.constant(null), fc.integer(), fc.double(), fc.boolean(), fc.array(text, { maxLength: 3 }));
/** Mostly what the field holds in a real activity, sometimes anything at all. */
const mostly = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: anyValue });
const account = mostly(fc.record({ id: text, name: text, role: fc.oneof(fc.constantFrom('user', 'bot', 'skill'), text) }, { requiredKeys: ['id'] }));

/** `local`: the Emulator's recording server (the only place a request may go); `far`: one that must never be reached. */
const serviceUrl = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('local', 'local/', 'local/v3/x') },
  { weight: 2, arbitrary: fc.constantFrom('far-ip', 'far-zero', 'far-userinfo') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'http://192.0.2.2:9/', 'http://0.0.0.0:9/', 'http://10.0.0.1/', 'http://169.254.169.254/latest/', 'https://smba.trafficmanager.net/emea/',
      'http://localhost.invalid/', 'http://[::ffff:127.0.0.1]:9/', 'file:///etc/passwd', 'ftp://127.0.0.1/', 'http://u:p@127.0.0.1:9/', 'http://127.0.0.1:9/?q', 'javascript:alert(1)', '',
    ),
  },
  { weight: 1, arbitrary: anyValue },
);
const conversation = fc.oneof(
  { weight: 6, arbitrary: fc.record({ id: fc.constantFrom('fz-1', 'fz-2', 'fz-3|livechat', 'holder') }) },
  { weight: 2, arbitrary: fc.record({ id: text, isGroup: fc.oneof(fc.boolean(), anyValue) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: anyValue },
);

const fields = {
  type: mostly(fc.constantFrom('message', 'message', 'conversationUpdate', 'event', 'typing', 'invoke', 'endOfConversation', 'messageReaction', '')),
  id: mostly(fc.string({ minLength: 1, maxLength: 20 })),
  channelId: mostly(fc.constantFrom('emulator', 'directline', 'msteams', 'webchat')),
  serviceUrl,
  from: account,
  recipient: account,
  conversation,
  text: mostly(text),
  locale: mostly(fc.constantFrom('sv', 'en-US', 'ar', 'de', '')),
  name: mostly(fc.constantFrom('lotsen/start', 'webchat/join')),
  value: mostly(fc.record({ action: fc.oneof(fc.constantFrom('module:base', 'module:anger', 'intent:help', 'intent:menu', 'continue', 'skip', '3'), text) })),
  deliveryMode: mostly(fc.constantFrom('normal', 'expectReplies', 'notification')),
  membersAdded: mostly(fc.array(account, { maxLength: 3 })),
  timestamp: mostly(fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
  channelData: mostly(fc.dictionary(fc.string({ maxLength: 10 }), json, { maxKeys: 3 })),
  entities: mostly(fc.array(json, { maxLength: 3 })),
  attachments: mostly(fc.array(json, { maxLength: 2 })),
};
/** A plausible activity (what a valid one needs is always there, often right) or one with any keys missing. */
const activity = fc.oneof(
  { weight: 3, arbitrary: fc.record(fields, { requiredKeys: ['type', 'channelId', 'serviceUrl', 'from', 'recipient', 'conversation'] }) },
  { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
  { weight: 1, arbitrary: huge.map((h) => ({ type: 'message', channelId: 'emulator', serviceUrl: 'local', from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: 'fz-1' }, text: h })) },
);
const brokenJson = fc.oneof(
  fc.constantFrom('{', '{"type":', '{"type":"message",}', 'null', '[]', '"message"', '1e999999', '{"__proto__": {"polluted": 1}}', '{"constructor": {"prototype": {"x": 1}}}', '\u0000', ''),
  fc.string({ unit: 'binary', maxLength: 80 }),
  json.map((v) => JSON.stringify(v)),
);
const draft = fc.record({
  body: fc.oneof({ weight: 6, arbitrary: activity.map((a) => ({ activity: a as Record<string, unknown> })) }, { weight: 2, arbitrary: brokenJson.map((raw) => ({ raw })) }),
  contentType: fc.oneof({ weight: 8, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/json; charset=latin1', 'application/vnd.api+json', 'multipart/form-data; boundary=x') }),
  authorization: fc.option(fc.constantFrom('Bearer a.b.c', 'Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.', 'Basic dTpw', ''), { nil: undefined }),
});
type Draft = typeof draft extends fc.Arbitrary<infer T> ? T : never;

/** Puts the live addresses into a draft: `local…` the recording server, `holder` the code holder's conversation. */
function realize(d: Draft): string {
  if ('raw' in d.body) return d.body.raw;
  const a = { ...d.body.activity };
  if (typeof a.serviceUrl === 'string' && a.serviceUrl.startsWith('local')) a.serviceUrl = `${emulator.url}${a.serviceUrl.slice('local'.length)}`;
  else if (a.serviceUrl === 'far-ip') a.serviceUrl = `http://${externalIp}:${elsewhere.port}/internal`;
  else if (a.serviceUrl === 'far-zero') a.serviceUrl = `http://0.0.0.0:${elsewhere.port}/internal`;
  else if (a.serviceUrl === 'far-userinfo') a.serviceUrl = `http://127.0.0.1:${emulator.port}@${externalIp}:${elsewhere.port}/internal`;
  const conv = a.conversation as { id?: unknown } | undefined;
  if (conv && typeof conv === 'object' && conv.id === 'holder') a.conversation = { ...conv, id: codeHolder };
  return JSON.stringify(a);
}

function send(base: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const payload = Buffer.from(body, 'utf8');
    const req = http.request(
      { hostname: url.hostname, port: url.port, method: 'POST', path: '/api/messages', headers: { ...headers, 'content-length': String(payload.length) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.write(payload);
    req.end();
  });
}

test(`${RUNS} generated requests to /api/messages get no 5xx, reach nothing but the local serviceUrl, and the server lives`, async () => {
  const drafts = fc.sample(draft, { numRuns: RUNS, seed: SEED });
  const holderBefore = await s.rt.store.lastSeq(codeHolder);
  const failures: Array<{ status: number; body: string; error?: string }> = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < drafts.length) {
      const d = drafts[next++] as Draft;
      const body = realize(d);
      const headers: Record<string, string> = { 'content-type': d.contentType };
      if (d.authorization !== undefined) headers.authorization = d.authorization;
      let status = 0;
      let error: string | undefined;
      try {
        status = await send(s.url, body, headers);
      } catch (err) {
        error = (err as Error).message;
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 0 || status >= 500 || status < 200) failures.push({ status, body: body.length > 300 ? `${body.slice(0, 300)}… (${body.length} chars)` : body, error });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  if (process.env.FUZZ_VERBOSE) console.log(`statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
  if (failures.length > 0) console.log(`seed ${SEED}: ${failures.length} wrong answers; the first:\n${JSON.stringify(failures.slice(0, 5), null, 2)}`);
  expect(failures).toEqual([]);
  // The run got past the validators: some requests were valid, and the bot answered at the local serviceUrl.
  expect([...statuses.keys()].some((code) => code >= 200 && code < 300)).toBe(true);
  expect(emulator.received.length).toBeGreaterThan(0);
  expect(elsewhere.received).toEqual([]);
  expect(await s.rt.store.lastSeq(codeHolder)).toBe(holderBefore);

  // Alive: health, and the Emulator still gets its welcome.
  expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  const from = emulator.received.length;
  const res = await postMessages(s.url, {
    type: 'conversationUpdate', id: 'after', channelId: 'emulator', serviceUrl: emulator.url,
    from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: 'fz-after' }, membersAdded: [{ id: 'u' }],
  });
  expect(res.status).toBe(200);
  expect(emulator.since(from).map(keyOfReceived)).toContain('ui:menu.welcome');
}, 300_000);
