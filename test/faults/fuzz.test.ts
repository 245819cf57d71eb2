import http from 'node:http';
import fc from 'fast-check';
import WebSocket from 'ws';
import { ConfigSchema } from '../../src/config';
import { startTestServer, type TestServer } from '../helpers/server';
import { login, type Session } from './client';

// 10,000 generated requests against login and Direct Line (wrong types, huge strings, any Unicode, missing
// fields, broken JSON, wrong tokens): the server answers each with a 4xx (or a 2xx when the request is
// valid), never a 5xx and never a dropped connection, and it is alive afterwards.

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const CONCURRENCY = 16;

interface FuzzRequest {
  kind: string;
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The token is not the session's own: anything but a 4xx is wrong. */
  badToken: boolean;
}

let s: TestServer;
let sessions: Session[] = [];

beforeAll(async () => {
  // With the rate limits as in production: thousands of posts from three sessions meet them.
  const defaults = ConfigSchema.parse({});
  s = await startTestServer({ ACTIVITIES_PER_MINUTE_SESSION: String(defaults.ACTIVITIES_PER_MINUTE_SESSION), ACTIVITIES_PER_MINUTE_CONVERSATION: String(defaults.ACTIVITIES_PER_MINUTE_CONVERSATION) });
  const codes = await s.codes('parent', 3);
  sessions = [];
  for (const code of codes) sessions.push(await login(s.url, code));
});
afterAll(async () => {
  await s.stop();
});

// ---- generators ----

const huge = fc.integer({ min: 1000, max: 40_000 }).chain((n) => fc.constantFrom('x', 'å', '😀', '\u0000', '"', '\\', '\ud800').map((c) => c.repeat(n)));
const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: huge },
);
const json = fc.jsonValue({ maxDepth: 3 });
const anyValue = fc.oneof(text, json, fc.constant(null), fc.integer(), fc.double(), fc.boolean(), fc.array(text, { maxLength: 3 }));
/** Header values must be visible ASCII to be sent at all. */
const headerValue = fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((v) => v.replace(/[^\x20-\x7e]/g, ''));

const plausibleCode = fc.oneof(
  fc.constant('ABCDE-FGHJK-MNPQ'),
  fc.stringMatching(/^[0-9A-Za-z]{5}-?[0-9A-Za-z]{5}-?[0-9A-Za-z]{4}$/),
  fc.string({ maxLength: 20 }),
);

const activity = fc.record(
  {
    type: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('message', 'event', 'typing', 'conversationUpdate', 'invoke', '') }, { weight: 1, arbitrary: anyValue }),
    text: fc.oneof({ weight: 3, arbitrary: text }, { weight: 1, arbitrary: anyValue }),
    textFormat: fc.oneof(fc.constantFrom('plain', 'markdown', 'xml'), anyValue),
    locale: fc.oneof(fc.constantFrom('sv', 'en', 'ar', 'sv-SE', 'de', ''), anyValue),
    name: fc.oneof(fc.constantFrom('lotsen/start', 'webchat/join'), anyValue),
    value: fc.oneof(
      fc.record({ action: fc.oneof(fc.constantFrom('module:base', 'module:anger', 'module:../../etc', 'intent:help', 'intent:menu', 'intent:back', 'intent:restart', 'intent:pause', 'intent:resume', 'intent:nope', 'continue', 'skip', 'watched', 'text', '1', '5', '6'), text) }),
      anyValue,
    ),
    from: fc.oneof(fc.record({ id: text, name: text, role: fc.oneof(fc.constantFrom('user', 'bot'), text) }, { requiredKeys: [] }), anyValue),
    channelData: fc.oneof(fc.record({ clientActivityID: fc.oneof(text, anyValue) }, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 10 }), json, { maxKeys: 3 }), anyValue),
    attachments: fc.oneof(fc.constant([]), fc.array(json, { maxLength: 2 }), anyValue),
    entities: fc.oneof(fc.array(json, { maxLength: 12 }), anyValue),
    timestamp: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), anyValue),
    id: anyValue,
    conversation: anyValue,
    recipient: anyValue,
  },
  { requiredKeys: [] },
);

const brokenJson = fc.oneof(
  fc.constantFrom('{', '{"type":', '{"type":"message",}', 'null', '[]', '"message"', '1e999999', '{"__proto__": {"polluted": 1}}', '{"constructor": {"prototype": {"x": 1}}}', '\u0000', ''),
  fc.string({ unit: 'binary', maxLength: 80 }),
  json.map((v) => JSON.stringify(v)),
);

const body = fc.oneof({ weight: 5, arbitrary: activity.map((a) => JSON.stringify(a)) }, { weight: 2, arbitrary: brokenJson }, { weight: 1, arbitrary: huge.map((h) => JSON.stringify({ type: 'message', text: h })) });
const contentType = fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/vnd.api+json', 'multipart/form-data; boundary=x') }, { weight: 1, arbitrary: headerValue });

/** 0–2: one of the real sessions; otherwise a token that is not valid for the conversation asked for. */
const tokenChoice = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 2 }).map((i) => ({ index: i, raw: undefined as string | undefined })) },
  { weight: 3, arbitrary: fc.oneof(headerValue, fc.constantFrom('', 'null', 'eyJhbGciOiJub25lIn0.eyJjb252IjoieCJ9.', 'a.b.c', 'Bearer')).map((raw) => ({ index: -1, raw })) },
  { weight: 1, arbitrary: fc.constant({ index: -2, raw: undefined as string | undefined }) },
);
const conversationChoice = fc.oneof(
  { weight: 5, arbitrary: fc.constant('own') },
  { weight: 2, arbitrary: fc.constant('other') },
  { weight: 2, arbitrary: fc.oneof(fc.string({ maxLength: 70 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('..', '%2e%2e', '%00', '%', 'a%2Fb', 'x'.repeat(65))) },
);
const watermark = fc.option(fc.oneof(fc.integer({ min: -5, max: 1_000_000_000 }).map(String), fc.constantFrom('', 'abc', '1e3', '-0', '9'.repeat(20), '%00')), { nil: undefined });

type Draft = { kind: string; method: 'GET' | 'POST' | 'DELETE'; route: 'login' | 'resume' | 'start' | 'conversation' | 'activities' | 'post' | 'refresh' | 'me' | 'export' | 'logout'; token: { index: number; raw: string | undefined }; conversation: string; watermark: string | undefined; body: string | undefined; contentType: string; acceptLanguage: string; cookie: string | undefined };

const draft: fc.Arbitrary<Draft> = fc
  .record({
    route: fc.constantFrom('login', 'login', 'resume', 'start', 'conversation', 'activities', 'post', 'post', 'post', 'refresh', 'me', 'export', 'logout'),
    token: tokenChoice,
    conversation: conversationChoice,
    watermark,
    body,
    loginBody: fc.oneof(
      { weight: 4, arbitrary: fc.record({ code: fc.oneof(plausibleCode, anyValue), locale: fc.oneof(fc.constantFrom('sv', 'en', 'ar', 'xx'), anyValue) }, { requiredKeys: [] }).map((b) => JSON.stringify(b)) },
      { weight: 2, arbitrary: brokenJson },
      { weight: 1, arbitrary: huge.map((h) => JSON.stringify({ code: h })) },
    ),
    contentType,
    acceptLanguage: fc.oneof(fc.constantFrom('sv', 'en-GB,en;q=0.9', 'ar', '*', ''), headerValue),
    cookie: fc.option(fc.oneof(headerValue.map((v) => `lotsen_resume=${v}`), headerValue), { nil: undefined }),
  })
  .map((r) => ({
    kind: r.route,
    method: r.route === 'conversation' || r.route === 'activities' || r.route === 'me' || r.route === 'export' ? 'GET' : 'POST',
    route: r.route,
    token: r.token,
    conversation: r.conversation,
    watermark: r.watermark,
    body: r.route === 'login' ? r.loginBody : r.route === 'post' ? r.body : undefined,
    contentType: r.contentType,
    acceptLanguage: r.acceptLanguage,
    cookie: r.cookie,
  }));

/** Turns a draft into a request against the live sessions (their tokens exist only once the server runs). */
function realize(d: Draft): FuzzRequest {
  const own = d.token.index >= 0 ? sessions[d.token.index] : undefined;
  const other = sessions[(Math.max(0, d.token.index) + 1) % sessions.length] as Session;
  const token = own ? own.token : d.token.index === -2 ? undefined : d.token.raw;
  const conversation = d.conversation === 'own' ? (own?.conversationId ?? other.conversationId) : d.conversation === 'other' ? other.conversationId : encodeURIComponent(d.conversation);
  const badToken = !own || (d.conversation !== 'own' && conversation !== own.conversationId);
  const wm = d.watermark === undefined ? '' : `?watermark=${encodeURIComponent(d.watermark)}`;
  const paths: Record<Draft['route'], string> = {
    login: '/api/login',
    resume: '/api/resume',
    start: '/v3/directline/conversations',
    conversation: `/v3/directline/conversations/${conversation}${wm}`,
    activities: `/v3/directline/conversations/${conversation}/activities${wm}`,
    post: `/v3/directline/conversations/${conversation}/activities`,
    refresh: '/v3/directline/tokens/refresh',
    me: '/api/me/data',
    export: '/api/me/export',
    logout: '/api/me/logout',
  };
  const headers: Record<string, string> = { 'accept-language': d.acceptLanguage };
  if (token !== undefined && d.route !== 'login' && d.route !== 'resume') headers.authorization = token.startsWith('ey') || own ? `Bearer ${token}` : token;
  if (d.body !== undefined) headers['content-type'] = d.contentType;
  if (d.cookie !== undefined) headers.cookie = d.cookie;
  // Logging out would end a session the rest of the run uses: only with tokens that are not valid.
  const route = d.route === 'logout' && own ? 'me' : d.route;
  return {
    kind: route,
    method: route === 'logout' ? 'POST' : route === 'me' ? 'GET' : d.method,
    path: paths[route],
    headers,
    body: d.body,
    badToken: route === 'login' || route === 'resume' ? false : route === 'start' || route === 'refresh' || route === 'me' || route === 'export' || route === 'logout' ? !own : badToken,
  };
}

function send(base: string, r: FuzzRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const payload = r.body === undefined ? undefined : Buffer.from(r.body, 'utf8');
    const req = http.request(
      { hostname: url.hostname, port: url.port, method: r.method, path: r.path, headers: { ...r.headers, ...(payload ? { 'content-length': String(payload.length) } : {}) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** A WebSocket upgrade with a generated path and token: the answer is 101 for a valid one, else a 4xx. */
function upgrade(base: string, path: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}${path}`, { handshakeTimeout: 10_000 });
    ws.once('open', () => {
      ws.terminate();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', () => resolve(0));
  });
}

const streamPath = fc.record({ conversation: conversationChoice, token: tokenChoice, watermark });

test(`${RUNS} generated requests get no 5xx and the server lives`, async () => {
  const drafts = fc.sample(draft, { numRuns: RUNS, seed: SEED });
  const streams = fc.sample(streamPath, { numRuns: Math.ceil(RUNS / 50), seed: SEED + 1 });
  const failures: Array<{ status: number; request: FuzzRequest | string; error?: string }> = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < drafts.length) {
      const r = realize(drafts[next++] as Draft);
      let status = 0;
      let error: string | undefined;
      try {
        status = await send(s.url, r);
      } catch (err) {
        error = (err as Error).message;
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const wrong = status === 0 || status >= 500 || status < 200 || (r.badToken && status < 400);
      if (wrong) failures.push({ status, request: { ...r, body: r.body && r.body.length > 300 ? `${r.body.slice(0, 300)}… (${r.body.length} chars)` : r.body }, error });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  for (const p of streams) {
    const own = p.token.index >= 0 ? sessions[p.token.index] : undefined;
    const conversation = p.conversation === 'own' ? (own?.conversationId ?? 'x') : p.conversation === 'other' ? (sessions[0] as Session).conversationId : encodeURIComponent(p.conversation);
    const token = own?.token ?? p.token.raw ?? '';
    const path = `/v3/directline/conversations/${conversation}/stream?t=${encodeURIComponent(token)}${p.watermark === undefined ? '' : `&watermark=${encodeURIComponent(p.watermark)}`}`;
    const status = await upgrade(s.url, path);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const valid = own !== undefined && conversation === own.conversationId;
    if (status === 0 || status >= 500 || (!valid && status === 101)) failures.push({ status, request: `upgrade ${path.slice(0, 300)}` });
  }

  if (process.env.FUZZ_VERBOSE) console.log(`statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
  if (failures.length > 0) console.log(`seed ${SEED}: ${failures.length} wrong answers; the first:\n${JSON.stringify(failures.slice(0, 5), null, 2)}`);
  expect(failures).toEqual([]);
  // The run hit more than the validators: some requests were valid and got 2xx.
  expect([...statuses.keys()].some((code) => code >= 200 && code < 300)).toBe(true);

  // Alive: health, and a real user can still take a turn. (New logins from this address are throttled by now:
  // the run made thousands of failed ones.)
  // The run has used up its sessions' allowance of posts: a user told to wait (429 with Retry-After) waits and sends again.
  expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  const user = sessions[0] as Session;
  const turn = () =>
    fetch(`${s.url}/v3/directline/conversations/${user.conversationId}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
      body: JSON.stringify({ type: 'message', text: 'Grunden', value: { action: 'module:base' }, from: { id: 'user' } }),
    });
  let res = await turn();
  if (res.status === 429) {
    await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after')) * 1000));
    res = await turn();
  }
  expect(res.status).toBe(200);
}, 180_000);
