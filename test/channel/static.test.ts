import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { projectPath } from '../../src/paths';
import { startTestServer, type TestServer } from '../helpers/server';

// The page's own files: from memory, gzipped when the client accepts it, revalidated with a strong ETag.

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.stop();
});

/** A raw GET (fetch would decompress and hide what went over the wire). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${s.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('text files go gzipped when accepted, plain otherwise, with their content type', async () => {
  const file = readFileSync(projectPath('public', 'js', 'app.js'));
  const zipped = await get('/js/app.js', { 'accept-encoding': 'gzip, deflate, br' });
  expect(zipped.status).toBe(200);
  expect(zipped.headers['content-encoding']).toBe('gzip');
  expect(zipped.headers['content-type']).toBe('application/javascript; charset=utf-8');
  expect(zipped.headers.vary).toContain('Accept-Encoding');
  expect(zipped.body.length).toBeLessThan(file.length / 2);
  expect(gunzipSync(zipped.body).equals(file)).toBe(true);

  const plain = await get('/js/app.js');
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.equals(file)).toBe(true);
});

test('"/" is index.html and "/accessibility" its page; unknown paths are 404', async () => {
  const index = await get('/');
  expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(index.body.equals(readFileSync(projectPath('public', 'index.html')))).toBe(true);
  expect((await get('/accessibility')).body.equals(readFileSync(projectPath('public', 'accessibility.html')))).toBe(true);
  expect((await get('/nope.js')).status).toBe(404);
  expect((await get('/js/../../package.json')).status).toBe(404);
});

test('every load revalidates: the same ETag gets 304 without a body; HEAD has no body', async () => {
  const first = await get('/css/app.css', { 'accept-encoding': 'gzip' });
  expect(first.headers['cache-control']).toBe('no-cache');
  const etag = String(first.headers.etag);
  expect(etag).toMatch(/^"[\w-]{27}"$/);
  const again = await get('/css/app.css', { 'if-none-match': etag, 'accept-encoding': 'gzip' });
  expect(again.status).toBe(304);
  expect(again.body.length).toBe(0);
  const head = await get('/css/app.css', {}, 'HEAD');
  expect(head.status).toBe(200);
  expect(head.body.length).toBe(0);
});

test('the interface strings come gzipped and revalidated; an unknown language is 404', async () => {
  const ar = await get('/api/strings/ar', { 'accept-encoding': 'gzip' });
  expect(ar.status).toBe(200);
  expect(ar.headers['content-encoding']).toBe('gzip');
  expect(ar.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(ar.headers['cache-control']).toBe('no-cache');
  expect(gunzipSync(ar.body).equals(readFileSync(projectPath('locales', 'ar', 'ui.json')))).toBe(true);
  expect((await get('/api/strings/xx')).status).toBe(404);
});
