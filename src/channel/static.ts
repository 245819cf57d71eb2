import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** Text formats worth compressing; images other than SVG are compressed already. */
const TEXT = /\.(html|css|js|mjs|json|svg|txt|vtt)$/i;

interface Prepared {
  raw: Buffer;
  gz: Buffer | null;
  etag: string;
  contentType: string;
}

function prepare(file: string, contentType: string): Prepared {
  const raw = readFileSync(file);
  return {
    raw,
    gz: TEXT.test(file) ? gzipSync(raw, { level: 9 }) : null,
    etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"`,
    contentType,
  };
}

function serve(p: Prepared, cacheControl: string, req: Request, res: Response): void {
  res.set('Content-Type', p.contentType);
  res.set('ETag', p.etag);
  res.set('Cache-Control', cacheControl);
  if (p.gz) res.set('Vary', 'Accept-Encoding');
  if (req.headers['if-none-match'] === p.etag) {
    res.status(304).end();
    return;
  }
  const gzip = p.gz !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (gzip) res.set('Content-Encoding', 'gzip');
  res.send(gzip ? p.gz : p.raw);
}

/** Serves one file from memory, gzipped once at start when the client accepts it, with a strong ETag; by default cached for a day. */
export function preparedFile(file: string, contentType: string, cacheControl = 'public, max-age=86400') {
  const p = prepare(file, contentType);
  return {
    bytes: p.raw.length,
    gzipBytes: p.gz?.length ?? p.raw.length,
    handler: (req: Request, res: Response): void => serve(p, cacheControl, req, res),
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full) : e.isFile() ? [full] : [];
  });
}

/**
 * The web page's own files (`public/`), read and gzipped once at start and served from memory. They are
 * revalidated on every load (`no-cache` with a strong ETag), so a new version shows at once; `/` is
 * `index.html` and `/name` is `name.html`. A file added while the server runs is not seen until it restarts.
 */
export function preparedDirectory(dir: string) {
  const files = new Map<string, Prepared>();
  for (const file of listFiles(dir)) {
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
    if (!type) continue;
    const url = `/${path.relative(dir, file).split(path.sep).join('/')}`;
    const p = prepare(file, type);
    files.set(url, p);
    if (url.endsWith('.html')) files.set(url === '/index.html' ? '/' : url.slice(0, -'.html'.length), p);
  }
  return {
    files,
    handler: (req: Request, res: Response, next: NextFunction): void => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      const p = files.get(req.path);
      if (!p) return next();
      serve(p, 'no-cache', req, res);
    },
  };
}
