import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { StoredActivity } from '../../store/types';
import type { DirectLineDeps } from './routes';
import { ConversationId, Watermark } from './wire';
import type { StreamHandle } from './hub';

/** A stream frame `{activities, watermark}`, from each activity's stored JSON where it has it. */
export function streamFrame(list: StoredActivity[], watermark: number): string {
  const parts = list.map((a) => a.json ?? JSON.stringify(a.activity));
  return `{"activities":[${parts.join(',')}],"watermark":${JSON.stringify(String(watermark))}}`;
}

/** Activities cut into frames of at most `maxBytes` (one larger activity goes alone), in order. */
export function framesOf(list: StoredActivity[], maxBytes: number): StoredActivity[][] {
  const frames: StoredActivity[][] = [];
  let frame: StoredActivity[] = [];
  let bytes = 0;
  for (const a of list) {
    const size = Buffer.byteLength(a.json ?? JSON.stringify(a.activity)) + 1;
    if (frame.length > 0 && bytes + size > maxBytes) {
      frames.push(frame);
      frame = [];
      bytes = 0;
    }
    frame.push(a);
    bytes += size;
  }
  if (frame.length > 0) frames.push(frame);
  return frames;
}

/** Rows read at a time while a stream catches up. */
const PAGE = 200;
/** How often every open stream's session and token are checked again (ends that did not come through the hub: another process, expiry). */
const SESSION_CHECK_MS = 1000;

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error' };

export interface StreamOptions {
  keepAliveMs?: number;
  streamsPerSession?: number;
  frameBytes?: number;
  /** PUBLIC_URL: the one origin a browser may open streams from. Without it, the origin of the Host the request names. */
  publicUrl?: string | null;
}

/**
 * A browser always sends Origin with a WebSocket handshake: a page of another site must not open a stream, even with
 * a token it holds. No Origin means no browser, held by the token alone.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, publicUrl: string | null): boolean {
  if (origin === undefined) return true;
  if (publicUrl) return origin === publicUrl;
  try {
    const o = new URL(origin);
    return (o.protocol === 'http:' || o.protocol === 'https:') && host !== undefined && o.host === host.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * The WebSocket stream: replays what the client missed after its watermark, in frames of bounded size, then pushes
 * live; empty keep-alive frames, with a ping whose missing pong ends a dead connection. A stream ends when its
 * session does (logout, deletion, revocation: through the hub, on every instance) or its token expires.
 */
export function attachStream(deps: DirectLineDeps, options: StreamOptions = {}) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  // Errors of the server object itself (none are expected with noServer) must not go unhandled.
  wss.on('error', (err) => deps.log.error({ err: { name: err.name, message: err.message } }, 'stream server error'));
  const keepAliveMs = options.keepAliveMs ?? deps.keepAliveMs ?? 15_000;
  const perSession = options.streamsPerSession ?? deps.limits?.streamsPerSession ?? 4;
  const frameBytes = options.frameBytes ?? deps.limits?.frameBytes ?? 65_536;
  const expiry = new Map<StreamHandle, number>();

  // Sessions can also end where the hub does not hear of it (the command line revoking a code, another process), and
  // tokens expire: every second, the streams of sessions no longer active, or of expired tokens, end.
  let checking = false;
  const checker = setInterval(() => {
    if (checking || expiry.size === 0) return;
    checking = true;
    void checkSessions()
      .catch((err: Error) => deps.log.error({ err: { name: err.name, message: err.message } }, 'stream session check failed'))
      .finally(() => {
        checking = false;
      });
  }, SESSION_CHECK_MS);
  checker.unref();

  async function checkSessions(): Promise<void> {
    const now = Date.now();
    const open = [...deps.hub.openStreams()].map((o) => o.stream);
    for (const s of open) if ((expiry.get(s) ?? Infinity) <= now) s.end();
    const ids = [...new Set(open.filter((s) => expiry.has(s)).map((s) => s.sessionId))];
    if (ids.length === 0) return;
    const active = await deps.store.activeSessions(ids);
    for (const s of open) if (!active.has(s.sessionId)) s.end();
  }

  /** Answers a request that does not become a stream, and closes the socket. Never throws. */
  const reject = (socket: Duplex, status: number, headers: Record<string, string> = {}) => {
    try {
      if (socket.destroyed) return;
      const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
      socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n${extra}\r\n`);
      // A client that never closes its side is not waited for.
      setTimeout(() => socket.destroy(), 5000).unref();
    } catch {
      socket.destroy();
    }
  };

  /** Reads the conversation id and query of an upgrade's target; null for anything malformed. */
  function parseTarget(target: string | undefined): { found: false } | { found: true; id: string; watermark: number | null; token: string | undefined } | null {
    let url: URL;
    try {
      url = new URL(target ?? '/', 'http://localhost');
    } catch {
      return null;
    }
    const match = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/.exec(url.pathname);
    if (!match) return { found: false };
    let raw: string;
    try {
      raw = decodeURIComponent(match[1] ?? '');
    } catch {
      return null;
    }
    // URLSearchParams decodes leniently (a broken escape stays as it is), so what it gives is checked like the rest.
    const id = ConversationId.safeParse(raw);
    const wm = Watermark.safeParse(url.searchParams.get('watermark') ?? undefined);
    if (!id.success || !wm.success) return null;
    return { found: true, id: id.data, watermark: wm.data, token: url.searchParams.get('t') ?? undefined };
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Node hands the socket over without its own error handler: a client resetting it must not be an uncaught error.
    socket.on('error', () => socket.destroy());
    try {
      const target = parseTarget(req.url);
      if (target === null) return reject(socket, 400);
      if (!target.found) return reject(socket, 404);
      const origin = req.headers.origin;
      if (Array.isArray(origin) || !originAllowed(origin, req.headers.host, options.publicUrl ?? null)) return reject(socket, 403);
      void (async () => {
        const verified = await deps.tokens.verify(target.token);
        if (!verified.ok || verified.claims.conv !== target.id || !(await deps.store.sessionActive(verified.claims.sid, target.id))) return reject(socket, 403);
        if (socket.destroyed) return;
        if (deps.hub.sessionStreams(verified.claims.sid) >= perSession) return reject(socket, 429, { 'Retry-After': '5' });
        // ws answers a malformed handshake (version, key, protocols, extensions) with 400 itself; the callback runs
        // at once, so no other stream of the session can open between the count above and this one.
        wss.handleUpgrade(req, socket, head, (ws) => openStream(ws, target.id, target.watermark, verified.claims.sid, verified.exp));
      })().catch((err: Error) => {
        deps.log.error({ err: { name: err.name, message: err.message } }, 'stream upgrade failed');
        reject(socket, 500);
      });
    } catch (err) {
      deps.log.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'stream upgrade failed');
      reject(socket, 400);
    }
  }

  function openStream(ws: WebSocket, conversationId: string, watermark: number | null, sessionId: string, exp: number): void {
    let lastSeq = watermark ?? -1;
    let ended = false;
    let alive = true;
    const open = () => !ended && ws.readyState === ws.OPEN;
    // Everything a stream sends goes through one chain, so frames leave in seq order.
    let chain: Promise<void> = Promise.resolve();
    const enqueue = (fn: () => Promise<void>) => {
      chain = chain.then(fn).catch((err: Error) => {
        deps.log.error({ err: { name: err.name, message: err.message } }, 'stream read failed');
        stop(1011, 'read failed');
      });
    };
    /** Sends one frame and waits until it is handed to the socket, so a long replay is never buffered whole. */
    const sendFrame = (data: string) =>
      new Promise<void>((resolve) => {
        if (!open()) return resolve();
        ws.send(data, () => resolve());
      });
    const send = async (list: StoredActivity[]) => {
      for (const frame of framesOf(list, frameBytes)) {
        const last = frame[frame.length - 1] as StoredActivity;
        if (!open()) return;
        lastSeq = last.seq;
        await sendFrame(streamFrame(frame, last.seq));
      }
    };
    /** Everything after `after`, read in pages; rows also in `published` go out as published (with their echo ids). */
    const catchUp = async (after: number, published: StoredActivity[] = []) => {
      const bySeq = new Map(published.map((a) => [a.seq, a]));
      for (let at = after; open(); ) {
        const rows = await deps.store.activitiesAfter(conversationId, at, PAGE);
        if (rows.length === 0) return;
        await send(rows.map((r) => bySeq.get(r.seq) ?? r));
        at = (rows[rows.length - 1] as StoredActivity).seq;
        if (rows.length < PAGE) return;
      }
    };
    const push = async (stored: StoredActivity[]) => {
      const fresh = stored.filter((a) => a.seq > lastSeq).sort((a, b) => a.seq - b.seq);
      const first = fresh[0];
      if (!first || !open()) return;
      // Seqs have no holes: a gap means something published elsewhere has not reached us yet (another instance's
      // turn, or a notice still being read), so read what is missing from the database instead of skipping it.
      if (first.seq !== lastSeq + 1) return catchUp(lastSeq, fresh);
      await send(fresh);
    };
    const handle: StreamHandle = {
      sessionId,
      deliver: (stored) => enqueue(() => push(stored)),
      ephemeral: (json) => enqueue(async () => sendFrame(`{"activities":[${json}]}`)),
      end: () => stop(1008, 'session ended'),
    };
    // Subscribe first, then replay; what is published meanwhile waits in the chain and goes out after the replay, each once, in order.
    const unsubscribe = deps.hub.subscribe(conversationId, handle);
    expiry.set(handle, exp * 1000);
    const keepAlive = setInterval(() => {
      try {
        if (!alive) return ws.terminate();
        alive = false;
        if (ws.readyState !== ws.OPEN) return;
        ws.ping();
        ws.send('');
      } catch {
        ws.terminate();
      }
    }, keepAliveMs);
    keepAlive.unref();
    function stop(code: number, reason: string): void {
      if (ended) return;
      ended = true;
      cleanup();
      try {
        ws.close(code, reason);
      } catch {
        ws.terminate();
      }
    }
    function cleanup(): void {
      clearInterval(keepAlive);
      expiry.delete(handle);
      unsubscribe();
    }
    // Over the limit after all (it cannot happen while the count and the upgrade run in one go, but it is the rule).
    if (deps.hub.sessionStreams(sessionId) > perSession) {
      stop(1008, 'too many streams');
      return;
    }
    enqueue(() => catchUp(watermark ?? -1));
    ws.on('pong', () => {
      alive = true;
    });
    // Clients send nothing but keep-alives; whatever they send is read and dropped.
    ws.on('message', () => undefined);
    ws.on('close', () => {
      ended = true;
      cleanup();
    });
    ws.on('error', () => ws.terminate());
  }

  return {
    wss,
    handleUpgrade,
    close: () => {
      clearInterval(checker);
      for (const c of wss.clients) c.terminate();
    },
  };
}
