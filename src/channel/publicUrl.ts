import type { Application, Request } from 'express';

/**
 * Where absolute URLs (the Direct Line stream URL) point. A request's Host header is whatever its sender wrote, so it
 * is never used as it stands: PUBLIC_URL when it is set; else, behind a trusted proxy, what that proxy forwarded
 * (X-Forwarded-Host and -Proto); else the address this connection reached, or a loopback name for it.
 */
interface PublicUrlSettings {
  /** PUBLIC_URL, an origin without a trailing slash. */
  publicUrl: string | null;
}

const settings = new WeakMap<Application, PublicUrlSettings>();

/** Set once, when the app is composed (src/server.ts). */
export function configurePublicUrl(app: Application, publicUrl: string | null): void {
  settings.set(app, { publicUrl });
}

/** Whether the page is served over https: PUBLIC_URL says so, or the request came over https (a trusted proxy's X-Forwarded-Proto counts). */
export function servedOverHttps(req: Request): boolean {
  const publicUrl = settings.get(req.app)?.publicUrl ?? null;
  return req.secure || (publicUrl !== null && publicUrl.startsWith('https:'));
}

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/i;
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** `host:port` of the address this connection reached, IPv6 in brackets, IPv4-mapped IPv6 as IPv4. */
function ownAddress(req: Request): string {
  const raw = req.socket.localAddress ?? '127.0.0.1';
  const address = raw.startsWith('::ffff:') && raw.includes('.') ? raw.slice('::ffff:'.length) : raw;
  const host = address.includes(':') ? `[${address}]` : address;
  return `${host}:${req.socket.localPort ?? 80}`;
}

/** True when the request reached us directly from a proxy that `trust proxy` trusts. */
function fromTrustedProxy(req: Request): boolean {
  const trust: unknown = req.app.get('trust proxy fn');
  return typeof trust === 'function' && Boolean((trust as (addr: string, i: number) => boolean)(req.socket.remoteAddress ?? '', 0));
}

/**
 * The origin absolute URLs are built from, `http(s)://host[:port]` without a trailing slash. For a WebSocket URL,
 * replace the leading `http` with `ws`.
 */
export function publicBaseUrl(req: Request): string {
  const configured = settings.get(req.app)?.publicUrl ?? null;
  if (configured !== null) return configured;
  const forwardedHost = req.headers['x-forwarded-host'];
  if (typeof forwardedHost === 'string' && fromTrustedProxy(req)) {
    // express reads X-Forwarded-Host and -Proto only from trusted hops (req.host, req.protocol).
    const host = req.host;
    if (HOST.test(host)) return `${req.protocol}://${host}`;
  }
  const own = ownAddress(req);
  const host = req.headers.host;
  // The address the browser used, when it is this very address or a loopback name (a local port forward, a test
  // proxy): the page's origin and the stream's then match, as `connect-src 'self'` needs.
  if (typeof host === 'string' && (host === own || LOOPBACK_HOST.test(host))) return `http://${host}`;
  return `http://${own}`;
}
