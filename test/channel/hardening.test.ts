import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { login } from '../helpers/directline';
import { startTestServer, type TestServer } from '../helpers/server';

// Settings and headers a deployment relies on: the proxy setting, where absolute URLs come from, file modes of
// what holds data and keys, response headers and what the health check tells.

jest.setTimeout(60_000);

/** A raw request with a Host header of our choosing (fetch does not let a caller set Host). */
function raw(url: string, method: string, pathname: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${pathname}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function streamUrlFor(s: TestServer, headers: Record<string, string>): Promise<string> {
  const [code] = await s.codes('parent');
  const me = await login(s.url, code as string);
  const res = await raw(s.url, 'POST', '/v3/directline/conversations', { authorization: `Bearer ${me.token}`, 'content-type': 'application/json', ...headers }, '{}');
  expect(res.status).toBe(201);
  return (JSON.parse(res.body) as { streamUrl: string }).streamUrl;
}

describe('the stream URL never comes from an untrusted Host header', () => {
  test('without PUBLIC_URL: the address the server was reached at, whatever Host says', async () => {
    const s = await startTestServer();
    try {
      const url = await streamUrlFor(s, { host: 'evil.example' });
      expect(url.startsWith(`ws://127.0.0.1:${s.port}/v3/directline/conversations/`)).toBe(true);
      // A loopback name the browser itself used (through a local port forward, say) is kept, so the page's origin matches.
      expect((await streamUrlFor(s, { host: 'localhost:4000' })).startsWith('ws://localhost:4000/')).toBe(true);
      // X-Forwarded-Host is a header anyone can send: not believed without TRUST_PROXY.
      expect((await streamUrlFor(s, { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' })).startsWith(`ws://127.0.0.1:${s.port}/`)).toBe(true);
    } finally {
      await s.stop();
    }
  });

  test('with PUBLIC_URL: always from it (https → wss)', async () => {
    const s = await startTestServer({ PUBLIC_URL: 'https://lotsen.example.se' });
    try {
      const url = await streamUrlFor(s, { host: 'evil.example' });
      expect(url.startsWith('wss://lotsen.example.se/v3/directline/conversations/')).toBe(true);
    } finally {
      await s.stop();
    }
  });

  test('behind a trusted proxy without PUBLIC_URL: from the proxy\'s X-Forwarded-Host and -Proto', async () => {
    const s = await startTestServer({ TRUST_PROXY: 'loopback' });
    try {
      const url = await streamUrlFor(s, { host: 'internal:3978', 'x-forwarded-host': 'lotsen.example.se', 'x-forwarded-proto': 'https' });
      expect(url.startsWith('wss://lotsen.example.se/v3/directline/')).toBe(true);
    } finally {
      await s.stop();
    }
  });
});

describe('TRUST_PROXY', () => {
  test('`true` starts the server, and the client address and https come from the forwarding headers', async () => {
    const s = await startTestServer({ TRUST_PROXY: 'true' });
    try {
      const res = await raw(s.url, 'POST', '/api/login', { 'content-type': 'application/json', 'x-forwarded-proto': 'https' }, JSON.stringify({ code: (await s.codes('parent'))[0] }));
      expect(res.status).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/Secure/);
    } finally {
      await s.stop();
    }
  });

  test('a list of addresses starts the server too', async () => {
    const s = await startTestServer({ TRUST_PROXY: '10.0.0.1, 127.0.0.1' });
    try {
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    } finally {
      await s.stop();
    }
  });
});

describe('files that hold data and keys', () => {
  test('the SQLite file (and its -wal and -shm) and the key file are 0600, the folders we create 0700', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'lotsen-modes-'));
    try {
      const dbFile = path.join(root, 'data', 'lotsen.db');
      const keyFile = path.join(root, 'secrets', 'lotsen.key');
      const s = await startTestServer({ LOTSEN_DB: dbFile, LOTSEN_SECRET: '', LOTSEN_SECRET_FILE: keyFile });
      try {
        const [code] = await s.codes('parent');
        await login(s.url, code as string);
        const mode = (p: string) => statSync(p).mode & 0o777;
        expect(mode(dbFile)).toBe(0o600);
        expect(mode(`${dbFile}-wal`)).toBe(0o600);
        expect(mode(`${dbFile}-shm`)).toBe(0o600);
        expect(mode(path.dirname(dbFile))).toBe(0o700);
        expect(mode(keyFile)).toBe(0o600);
        expect(mode(path.dirname(keyFile))).toBe(0o700);
      } finally {
        await s.stop({ keepFiles: true });
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('headers and the health check', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.stop());

  test('framing is refused twice over; camera, microphone, geolocation and the like are off; scripts connect only to this origin', async () => {
    const res = await fetch(`${s.url}/`);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    const permissions = res.headers.get('permissions-policy') ?? '';
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'browsing-topics']) expect(permissions).toContain(`${feature}=()`);
    // The same on API answers.
    expect((await fetch(`${s.url}/api/config`)).headers.get('permissions-policy')).toBe(permissions);
  });

  test('/healthz says only "ok"', async () => {
    const res = await fetch(`${s.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });

  test('the counts are for the machine itself only: not through a proxy', async () => {
    const local = await fetch(`${s.url}/healthz/details`);
    expect(local.status).toBe(200);
    expect(await local.json()).toEqual({ status: 'ok', modules: expect.any(Number), streams: expect.any(Number) });
    expect((await fetch(`${s.url}/healthz/details`, { headers: { 'x-forwarded-for': '192.0.2.1' } })).status).toBe(404);
    expect((await fetch(`${s.url}/healthz/details`, { headers: { forwarded: 'for=192.0.2.1' } })).status).toBe(404);
  });
});
