import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';

/** Serves one file from memory, gzipped once at start when the client accepts it, with a strong ETag. */
export function preparedFile(file: string, contentType: string) {
  const raw = readFileSync(file);
  const gz = gzipSync(raw, { level: 9 });
  const etag = `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"`;
  return {
    bytes: raw.length,
    gzipBytes: gz.length,
    handler: (req: Request, res: Response): void => {
      res.set('Content-Type', contentType);
      res.set('ETag', etag);
      res.set('Cache-Control', 'public, max-age=86400');
      res.set('Vary', 'Accept-Encoding');
      if (req.headers['if-none-match'] === etag) {
        res.status(304).end();
        return;
      }
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      if (gzip) res.set('Content-Encoding', 'gzip');
      res.send(gzip ? gz : raw);
    },
  };
}
