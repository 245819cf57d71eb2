import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { startServer, type Running } from './server-process';

// WebSocket upgrades with whatever a client can put in them (any bytes in the path and query, broken percent-escapes,
// odd hosts, missing or doubled headers), sent raw over a socket to a server running as its own process: every one
// is answered and closed, and the process is alive afterwards. An exception in the upgrade path ends the process.

const RUNS = Number(process.env.UPGRADE_RUNS ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const CONCURRENCY = 24;
const SECRET = Buffer.alloc(32, 7).toString('base64');

let dir: string;
let server: Running;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lotsen-upgrade-'));
  server = await startServer(path.join(dir, 'lotsen.db'), SECRET);
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  if (server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Sends `raw` and reads until the server closes the socket (or has sent a whole head and we close it). */
function exchange(raw: Buffer): Promise<{ status: number | null; head: string; error?: string }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let got = Buffer.alloc(0);
    let done = false;
    const finish = (error?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const head = got.toString('latin1').split('\r\n\r\n')[0] ?? '';
      const status = /^HTTP\/1\.1 (\d{3})/.exec(head)?.[1];
      resolve({ status: status ? Number(status) : null, head, error });
    };
    const timer = setTimeout(() => finish('no answer within 10 s'), 10_000);
    socket.on('data', (d: Buffer) => {
      got = Buffer.concat([got, d]);
      // A keep-alive answer to a request that was no upgrade: its head is all we need.
      if (got.includes('\r\n\r\n')) finish();
    });
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    socket.on('error', (err) => finish(got.length > 0 ? undefined : err.message));
    socket.write(raw);
  });
}

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`${server.url}/healthz`)).status === 200;
  } catch {
    return false;
  }
}

const UPGRADE = ['Connection: Upgrade', 'Upgrade: websocket', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=='];

const request = (target: string, headers: string[] = [`Host: 127.0.0.1:${port}`, ...UPGRADE]) => Buffer.from(`GET ${target} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`, 'latin1');

describe('the WebSocket upgrade path', () => {
  test('a broken percent-escape in the conversation id is answered 400 and the server lives', async () => {
    const r = await exchange(request('/v3/directline/conversations/%E0/stream'));
    expect(r.status).toBe(400);
    expect(await healthy()).toBe(true);
    expect(server.child.exitCode).toBeNull();
  });

  test('a request target that is no URL (a port out of range) is answered 400 and the server lives', async () => {
    const r = await exchange(request('//x:99999/v3'));
    expect(r.status).toBe(400);
    expect(await healthy()).toBe(true);
    expect(server.child.exitCode).toBeNull();
  });

  test('a client that resets its socket while its upgrade is being checked does not take the server down', async () => {
    for (let i = 0; i < 20; i += 1) {
      await new Promise<void>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.write(request(`/v3/directline/conversations/abc/stream?t=${'x'.repeat(200)}`));
          // The token check is asynchronous: reset at once, before the answer.
          socket.resetAndDestroy();
          resolve();
        });
        socket.on('error', () => resolve());
      });
    }
    expect(await healthy()).toBe(true);
    expect(server.child.exitCode).toBeNull();
  });

  // ---- generated requests ----

  const latin1Bytes = (max: number) => fc.uint8Array({ maxLength: max }).map((b) => Buffer.from(b).toString('latin1'));
  /** Bytes a request target can carry without ending the line (anything else is the parser's, which answers 400 itself). */
  const targetBytes = (max: number) => latin1Bytes(max).map((s) => s.replace(/[\r\n ]/g, ''));
  const brokenEscape = fc.constantFrom('%', '%E0', '%zz', '%C0%AF', '%ED%A0%80', '%F4%90%80%80', '%%', '%2', '%00', '%FF%FE', '%E2%80%AE');
  const segment = fc.oneof(
    { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/) },
    { weight: 3, arbitrary: targetBytes(40) },
    { weight: 3, arbitrary: fc.array(fc.oneof(brokenEscape, fc.stringMatching(/^[a-z0-9]{0,4}$/)), { maxLength: 5 }).map((p) => p.join('')) },
    { weight: 1, arbitrary: fc.constantFrom('', '..', '%2e%2e', 'a%2Fb', 'x'.repeat(300), '%u0041') },
  );
  const queryValue = fc.oneof(targetBytes(30), brokenEscape, fc.constantFrom('', '-1', '1e3', '9'.repeat(20), 'eyJhbGciOiJIUzI1NiJ9.e30.x'));
  const query = fc.oneof(
    fc.constant(''),
    fc.record({ t: queryValue, watermark: fc.option(queryValue, { nil: undefined }), extra: fc.option(targetBytes(20), { nil: undefined }) }).map(
      (q) => `?t=${q.t}${q.watermark === undefined ? '' : `&watermark=${q.watermark}`}${q.extra === undefined ? '' : `&${q.extra}`}`,
    ),
    targetBytes(40).map((s) => `?${s}`),
  );
  const target = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(segment, query).map(([s, q]) => `/v3/directline/conversations/${s}/stream${q}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('//x:99999', '//[::1', 'http://h:0', 'http://[zz]', '//', '///', 'http://a@b:c', '*', ''), query).map(([p, q]) => `${p}/v3${q}`) },
    { weight: 2, arbitrary: targetBytes(60).map((s) => `/${s}`) },
  );
  /** null: the server's own address (its port is known only once it runs). */
  const host = fc.oneof(
    fc.constant(null),
    fc.constantFrom('', 'x:99999', '[::1', '[zz]', 'ü.example', 'a'.repeat(300), '127.0.0.1:-1', 'localhost:65536'),
    latin1Bytes(30).map((s) => s.replace(/[\r\n]/g, '')),
  );
  /** Each upgrade header: as it should be, missing, doubled, or with an odd value. */
  const header = (line: string) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constant([line]) },
      { weight: 1, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.constant([line, line]) },
      { weight: 1, arbitrary: latin1Bytes(30).map((v) => [`${line.split(':')[0]}: ${v.replace(/[\r\n]/g, '')}`]) },
    );
  const raw = fc
    .record({
      target,
      host: fc.option(host, { nil: undefined }),
      headers: fc.tuple(...UPGRADE.map(header)),
      protocol: fc.option(fc.constantFrom('Sec-WebSocket-Protocol: ,,', 'Sec-WebSocket-Extensions: permessage-deflate; x=', 'Sec-WebSocket-Protocol: a, a', 'Origin: null'), { nil: undefined }),
    })
    .map((r) => {
      const lines = [...(r.host === undefined ? [] : [`Host: ${r.host ?? `127.0.0.1:${port}`}`]), ...r.headers.flat(), ...(r.protocol ? [r.protocol] : [])];
      return request(r.target, lines);
    });

  test(`${RUNS} generated upgrade requests are each answered without a 5xx, and the server lives`, async () => {
    const requests = fc.sample(raw, { numRuns: RUNS, seed: SEED });
    const failures: Array<{ request: string; status: number | null; error?: string }> = [];
    const statuses = new Map<number | null, number>();
    let next = 0;
    const worker = async () => {
      while (next < requests.length && server.child.exitCode === null) {
        const r = requests[next++] as Buffer;
        const answer = await exchange(r);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        // Every request gets an HTTP answer (no dropped socket), and none is a server error or an open stream.
        if (answer.status === null || answer.status >= 500 || answer.status === 101) failures.push({ request: r.toString('latin1').slice(0, 300), status: answer.status, error: answer.error });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    if (failures.length > 0) console.log(`seed ${SEED}: ${failures.length} wrong answers; the first:\n${JSON.stringify(failures.slice(0, 5), null, 2)}`);
    expect(server.child.exitCode).toBeNull();
    expect(failures).toEqual([]);
    // The run reached our handler, not only the HTTP parser's own 400s.
    expect(statuses.get(403) ?? 0).toBeGreaterThan(0);
    expect(await healthy()).toBe(true);
  }, 120_000);
});
