import WebSocket from 'ws';
import { login } from '../helpers/directline';
import { startTestServer, type TestServer } from '../helpers/server';

jest.setTimeout(60_000);

// A browser always sends Origin with a WebSocket handshake: a page on another site must not open a stream, even with
// a token it somehow holds. Clients that are not browsers send no Origin and are held by the token alone.

async function upgrade(server: TestServer, origin: string | undefined): Promise<number> {
  const [code] = await server.codes('parent');
  const auth = await login(server.url, code as string);
  const res = await fetch(`${server.url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${auth.token}` } });
  const { streamUrl } = (await res.json()) as { streamUrl: string };
  return new Promise((resolve) => {
    // The server's own address, whatever public address the stream URL names.
    const u = new URL(streamUrl);
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}${u.pathname}${u.search}`, origin ? { headers: { Origin: origin } } : {});
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, r) => resolve(r.statusCode ?? 0));
    ws.on('error', () => undefined);
  });
}

describe('the stream checks the Origin of a browser', () => {
  let server: TestServer;
  afterEach(async () => server?.stop());

  test('without PUBLIC_URL: the page\'s own origin opens, another site gets 403, no Origin (not a browser) opens', async () => {
    server = await startTestServer();
    expect(await upgrade(server, server.url)).toBe(101);
    expect(await upgrade(server, 'https://evil.example')).toBe(403);
    expect(await upgrade(server, 'null')).toBe(403);
    expect(await upgrade(server, undefined)).toBe(101);
  });

  test('with PUBLIC_URL: only that origin', async () => {
    server = await startTestServer({ PUBLIC_URL: 'https://lotsen.example.se' });
    expect(await upgrade(server, 'https://lotsen.example.se')).toBe(101);
    expect(await upgrade(server, server.url)).toBe(403);
    expect(await upgrade(server, 'https://lotsen.example.se.evil.example')).toBe(403);
  });
});
