import { decodeJwt } from 'jose';
import { login, type LoginResult } from '../helpers/directline';
import { startTestServer, type TestServer } from '../helpers/server';
import { uiText } from '../../src/i18n/ui';

// A code holder's session ends after a while without activity (SESSION_IDLE_SECONDS) and at the latest a fixed
// time after login (SESSION_MAX_SECONDS); after that a refresh is refused and the page asks for the code again.
// Time is moved by moving the session's own timestamps back in the database.

jest.setTimeout(60_000);

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function fresh(): Promise<LoginResult & { sid: string }> {
  const [code] = await s.codes('parent');
  const me = await login(s.url, code as string);
  return { ...me, sid: String(decodeJwt(me.token).sid) };
}

const refresh = (token: string, locale = 'en') =>
  fetch(`${s.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'accept-language': locale } });

/** Moves the session's login (`created_at`) back by `ms`. */
const loggedInAgo = (sid: string, ms: number) => s.rt.db.run('UPDATE session SET created_at = created_at - ? WHERE id = ?', [ms, sid]);
/** Moves the session's last activity (`seen_at`) back by `ms`. */
const lastSeenAgo = (sid: string, ms: number) => s.rt.db.run('UPDATE session SET seen_at = seen_at - ? WHERE id = ?', [ms, sid]);

describe('sessions end', () => {
  test('a refresh within both limits gets a fresh token for the same session', async () => {
    const me = await fresh();
    const res = await refresh(me.token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; expires_in: number };
    expect(decodeJwt(body.token).sid).toBe(me.sid);
    expect(body.expires_in).toBe(s.rt.config.TOKEN_TTL_SECONDS);
  });

  test('past the absolute lifetime (8 hours by default) the refresh is refused with a localized message, also though the user was active', async () => {
    const me = await fresh();
    await loggedInAgo(me.sid, 8 * HOUR + MINUTE);
    const res = await refresh(me.token, 'sv');
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('SessionEnded');
    expect(body.error.message).toBe(uiText('sv', 'api.sessionEnded'));
    // Nothing else of the session works either.
    const data = await fetch(`${s.url}/api/me/data`, { headers: { authorization: `Bearer ${me.token}` } });
    expect(data.status).toBe(401);
  });

  test('after 30 minutes without activity the refresh is refused; a user\'s message counts as activity, a refresh does not', async () => {
    const me = await fresh();
    await lastSeenAgo(me.sid, 25 * MINUTE);
    // A refresh is what Web Chat does by itself every 15 minutes: it keeps nobody logged in.
    expect((await refresh(me.token)).status).toBe(200);
    await lastSeenAgo(me.sid, 6 * MINUTE);
    expect((await refresh(me.token)).status).toBe(403);

    const other = await fresh();
    await lastSeenAgo(other.sid, 25 * MINUTE);
    const posted = await fetch(`${s.url}/v3/directline/conversations/${other.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${other.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'menu', from: { id: 'user' } }),
    });
    expect(posted.status).toBe(200);
    await lastSeenAgo(other.sid, 6 * MINUTE);
    expect((await refresh(other.token)).status).toBe(200);
  });

  test('a token never outlives its session: near the end, a refresh gets a token that expires with the session', async () => {
    const me = await fresh();
    await loggedInAgo(me.sid, 8 * HOUR - 10 * MINUTE);
    const res = await refresh(me.token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; expires_in: number };
    expect(body.expires_in).toBeLessThanOrEqual(600);
    expect(body.expires_in).toBeGreaterThan(500);
    const ends = await s.rt.sessions.endOf(me.sid, me.conversationId);
    expect(ends).not.toBeNull();
    expect(Number(decodeJwt(body.token).exp)).toBeLessThanOrEqual(Math.ceil((ends as number) / 1000));
  });

  test('the stream code can ask when a session ends: the earlier of idle and absolute end, and null once it has ended', async () => {
    const me = await fresh();
    const now = Date.now();
    const ends = (await s.rt.sessions.endOf(me.sid, me.conversationId)) as number;
    expect(ends).toBeGreaterThan(now + 29 * MINUTE);
    expect(ends).toBeLessThanOrEqual(now + 31 * MINUTE);
    expect(await s.rt.sessions.endOf(me.sid, 'another-conversation')).toBeNull();
    await lastSeenAgo(me.sid, 31 * MINUTE);
    expect(await s.rt.sessions.endOf(me.sid, me.conversationId)).toBeNull();
  });

  test('an idle session cannot be woken up by a message either', async () => {
    const me = await fresh();
    await lastSeenAgo(me.sid, 31 * MINUTE);
    const posted = await fetch(`${s.url}/v3/directline/conversations/${me.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${me.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'menu', from: { id: 'user' } }),
    });
    expect(posted.status).toBe(403);
    expect((await refresh(me.token)).status).toBe(403);
  });
});

describe('the resume cookie', () => {
  const loginRaw = async (headers: Record<string, string> = {}, server = s) => {
    const [code] = await server.codes('parent');
    return fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ code, locale: 'sv' }) });
  };

  test('over http: a browser-session cookie (no Max-Age, no Expires), HttpOnly, SameSite=Strict, not Secure', async () => {
    const res = await loginRaw();
    const set = res.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/^lotsen_resume=/);
    expect(set).not.toMatch(/max-age|expires/i);
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Strict/i);
    expect(set).not.toMatch(/Secure/i);
  });

  test('an idle session does not resume from the cookie', async () => {
    const res = await loginRaw();
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const me = (await res.json()) as { token: string };
    await lastSeenAgo(String(decodeJwt(me.token).sid), 31 * MINUTE);
    expect((await fetch(`${s.url}/api/resume`, { method: 'POST', headers: { cookie } })).status).toBe(401);
  });

  test('X-Forwarded-Proto is not believed without TRUST_PROXY', async () => {
    const set = (await loginRaw({ 'x-forwarded-proto': 'https' })).headers.get('set-cookie') ?? '';
    expect(set).toMatch(/^lotsen_resume=/);
    expect(set).not.toMatch(/Secure/i);
  });

  test('over https behind a trusted proxy: __Host- prefixed, Secure, Path=/; it resumes, and logout clears it', async () => {
    const proxied = await startTestServer({ TRUST_PROXY: 'true' });
    try {
      const https = { 'x-forwarded-proto': 'https' };
      const res = await loginRaw(https, proxied);
      expect(res.status).toBe(200);
      const set = res.headers.get('set-cookie') ?? '';
      expect(set).toMatch(/^__Host-lotsen_resume=/);
      expect(set).toMatch(/;\s*Secure/i);
      expect(set).toMatch(/;\s*Path=\/(;|$)/i);
      expect(set).not.toMatch(/max-age|expires|domain/i);
      const cookie = set.split(';')[0] as string;
      // Over plain http the prefixed cookie is not read.
      expect((await fetch(`${proxied.url}/api/resume`, { method: 'POST', headers: { cookie } })).status).toBe(401);
      const resumed = await fetch(`${proxied.url}/api/resume`, { method: 'POST', headers: { cookie, ...https } });
      expect(resumed.status).toBe(200);
      const { token } = (await resumed.json()) as { token: string };
      const out = await fetch(`${proxied.url}/api/me/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...https } });
      expect(out.status).toBe(204);
      const cleared = out.headers.get('set-cookie') ?? '';
      expect(cleared).toMatch(/^__Host-lotsen_resume=;/);
      expect(cleared).toMatch(/;\s*Secure/i);
      expect(cleared).toMatch(/;\s*Path=\/(;|$)/i);
      expect((await fetch(`${proxied.url}/api/resume`, { method: 'POST', headers: { cookie, ...https } })).status).toBe(401);
    } finally {
      await proxied.stop();
    }
  });

  test('with an https PUBLIC_URL the cookie is Secure and __Host- prefixed', async () => {
    const published = await startTestServer({ PUBLIC_URL: 'https://lotsen.example.se' });
    try {
      const set = (await loginRaw({}, published)).headers.get('set-cookie') ?? '';
      expect(set).toMatch(/^__Host-lotsen_resume=/);
      expect(set).toMatch(/;\s*Secure/i);
    } finally {
      await published.stop();
    }
  });
});
