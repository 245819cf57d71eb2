import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import type { AddressInfo } from 'node:net';
import { fixedHeaders } from '../../src/server';

// fixedHeaders runs a middleware once and replays the headers it set: a response gets exactly what the middleware
// itself would have given it, and a middleware that depends on the request is refused at start.

async function headersFrom(middleware: RequestHandler): Promise<Record<string, string>> {
  const app = express();
  app.use(middleware);
  app.get('/', (_req, res) => {
    res.json({ ok: true });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const out: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      if (name !== 'date' && name !== 'etag') out[name] = value;
    });
    return out;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

test('the replayed headers are the ones helmet sets, and X-Powered-By stays removed', async () => {
  const config = { contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] } }, referrerPolicy: { policy: 'no-referrer' as const } };
  const direct = await headersFrom(helmet(config));
  const replayed = await headersFrom(fixedHeaders(helmet(config)));
  expect(replayed).toEqual(direct);
  expect(replayed['content-security-policy']).toBe("default-src 'self';frame-ancestors 'none'");
  expect(replayed['x-content-type-options']).toBe('nosniff');
  expect(replayed['x-powered-by']).toBeUndefined();
});

test('a middleware that reads the request, or does not finish at once, is refused', () => {
  expect(() => fixedHeaders((req, res, next) => {
    res.setHeader('Vary', String(req.headers.origin));
    next();
  })).toThrow(/reads req\.headers/);
  expect(() => fixedHeaders((_req, res, next) => {
    res.setHeader('X-Later', '1');
    setImmediate(next);
  })).toThrow(/did not set its headers at once/);
});
