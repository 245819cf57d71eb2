import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ActivityTypes, type Activity } from 'botbuilder';
import { Router, type Request, type Response } from 'express';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { Logger } from 'pino';
import type { Sessions } from '../../access/sessions';
import type { TokenClaims, TokenService } from '../../access/tokens';
import { StoreUnavailableError } from '../../store/db';
import { activityId, type LotsenStore } from '../../store/store';
import { TurnWorkerStoppedError, type TurnRunner } from '../../turns/runner';
import { toWire } from '../adapter';
import { route, sendError } from '../http';
import { publicBaseUrl } from '../publicUrl';
import type { ConversationHub } from './hub';
import type { StoredActivity } from '../../store/types';

const ConversationId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const Watermark = z.union([z.undefined(), z.literal(''), z.string().regex(/^-?\d{1,12}$/)]).transform((w) => (w === undefined || w === '' ? null : Number(w)));

/** What a client may post. Anything else is a 400; the server sets ids, timestamps and roles itself. */
const IncomingActivity = z.object({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().max(8000).optional(),
  textFormat: z.string().max(20).optional(),
  locale: z.string().max(20).optional(),
  name: z.string().max(100).optional(),
  value: z.union([z.object({ action: z.string().max(200) }).strip(), z.record(z.string(), z.unknown())]).optional(),
  from: z.object({ id: z.string().max(128), name: z.string().max(128).optional(), role: z.string().max(20).optional() }).strip().optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(z.unknown()).max(0, 'attachments are not accepted').optional(),
  timestamp: z.string().max(40).optional(),
  localTimestamp: z.string().max(40).optional(),
  timezone: z.string().max(64).optional(),
  entities: z.array(z.unknown()).max(10).optional(),
}).strip();

export interface DirectLineDeps {
  store: LotsenStore;
  tokens: TokenService;
  sessions: Sessions;
  hub: ConversationHub;
  turns: TurnRunner;
  log: Logger;
  keepAliveMs?: number;
}

type Authed = { claims: TokenClaims; token: string };

/** Reads and checks the bearer token; answers 403 itself when it does not hold. */
async function authenticate(deps: DirectLineDeps, req: Request, res: Response, conversationId?: string): Promise<Authed | null> {
  const header = req.headers.authorization;
  const token = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : undefined;
  const verified = await deps.tokens.verify(token);
  if (!verified.ok) {
    sendError(req, res, 403, verified.reason === 'expired' ? 'TokenExpired' : 'BadToken', 'forbidden');
    return null;
  }
  if (conversationId !== undefined && verified.claims.conv !== conversationId) {
    sendError(req, res, 403, 'BadToken', 'forbidden');
    return null;
  }
  if (!(await deps.store.sessionActive(verified.claims.sid, verified.claims.conv))) {
    sendError(req, res, 403, 'SessionEnded', 'sessionEnded');
    return null;
  }
  return { claims: verified.claims, token: token as string };
}

function streamUrl(req: Request, conversationId: string, token: string, watermark: number | null): string {
  const wm = watermark === null ? '' : `&watermark=${watermark}`;
  return `${publicBaseUrl(req).replace(/^http/, 'ws')}/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream?t=${encodeURIComponent(token)}${wm}`;
}

/** Runs one user activity: handed to the bot, then stored and echoed with its replies, one turn at a time per conversation. */
export async function postActivity(deps: DirectLineDeps, conversationId: string, incoming: Partial<Activity>): Promise<string> {
  return deps.hub.enqueue(conversationId, async () => {
    const channelData = incoming.channelData as Record<string, unknown> | undefined;
    const activity: Partial<Activity> = {
      ...incoming,
      channelId: 'directline',
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: incoming.from?.id ?? 'user', name: incoming.from?.name ?? '', role: 'user' },
      recipient: { id: 'lotsen', name: 'Lotsen', role: 'bot' },
      timestamp: new Date(),
      // Only what Web Chat needs to match its pending message; nothing else a client sends is kept.
      channelData: channelData && typeof channelData.clientActivityID === 'string' ? { clientActivityID: channelData.clientActivityID.slice(0, 100) } : undefined,
    };
    if (incoming.type === ActivityTypes.Typing) {
      const [stored] = await deps.store.appendActivities(conversationId, [toWire(activity)], 'user');
      if (!stored) throw new Error('append returned nothing');
      await deps.hub.publish(conversationId, [stored]);
      return String(stored.activity.id);
    }
    // Stored in the turn's own transaction, together with the replies: one write, one frame to the streams.
    const stored = await deps.turns.run(activity, true);
    if (!stored) throw new Error('the turn stored nothing');
    // The id follows from the conversation and the seq; reading `activity` would parse the whole activity for it (it
    // comes from the turn worker as JSON).
    return activityId(conversationId, stored.seq);
  });
}

/** A stream frame `{activities, watermark}`, from each activity's stored JSON where it has it. */
export function streamFrame(list: StoredActivity[], watermark: number): string {
  const parts = list.map((a) => a.json ?? JSON.stringify(a.activity));
  return `{"activities":[${parts.join(',')}],"watermark":${JSON.stringify(String(watermark))}}`;
}

/** The Direct Line 3.0-compatible REST routes. */
export function directLineRouter(deps: DirectLineDeps): Router {
  const r = Router();

  r.post('/v3/directline/conversations', route(async (req, res) => {
    const auth = await authenticate(deps, req, res);
    if (!auth) return;
    const id = auth.claims.conv;
    if (!(await deps.store.getConversation(id))) return sendError(req, res, 404, 'NotFound', 'notFound');
    res.status(201).json({ conversationId: id, token: auth.token, expires_in: deps.tokens.ttlSeconds, streamUrl: streamUrl(req, id, auth.token, null) });
  }));

  r.get('/v3/directline/conversations/:id', route(async (req, res) => {
    const id = ConversationId.safeParse(req.params.id);
    const wm = Watermark.safeParse(req.query.watermark);
    if (!id.success || !wm.success) return sendError(req, res, 400, 'BadArgument', 'badRequest');
    const auth = await authenticate(deps, req, res, id.data);
    if (!auth) return;
    if (!(await deps.store.getConversation(id.data))) return sendError(req, res, 404, 'NotFound', 'notFound');
    res.json({ conversationId: id.data, token: auth.token, expires_in: deps.tokens.ttlSeconds, streamUrl: streamUrl(req, id.data, auth.token, wm.data) });
  }));

  r.get('/v3/directline/conversations/:id/activities', route(async (req, res) => {
    const id = ConversationId.safeParse(req.params.id);
    const wm = Watermark.safeParse(req.query.watermark);
    if (!id.success || !wm.success) return sendError(req, res, 400, 'BadArgument', 'badRequest');
    const auth = await authenticate(deps, req, res, id.data);
    if (!auth) return;
    const activities = await deps.store.activitiesAfter(id.data, wm.data);
    const last = activities.length > 0 ? (activities[activities.length - 1]?.seq ?? -1) : (wm.data ?? (await deps.store.lastSeq(id.data)));
    res.json({ activities: activities.map((a) => a.activity), watermark: String(last) });
  }));

  r.post('/v3/directline/conversations/:id/activities', route(async (req, res) => {
    const id = ConversationId.safeParse(req.params.id);
    if (!id.success) return sendError(req, res, 400, 'BadArgument', 'badRequest');
    const auth = await authenticate(deps, req, res, id.data);
    if (!auth) return;
    const body = IncomingActivity.safeParse(req.body);
    if (!body.success) return sendError(req, res, 400, 'BadArgument', 'badRequest');
    await deps.sessions.touch(auth.claims.sid);
    try {
      const posted = await postActivity(deps, id.data, body.data as Partial<Activity>);
      res.status(200).json({ id: posted });
    } catch (err) {
      // Busy or full, or the turn worker stopped mid-turn (it starts again): the client may send it again shortly.
      if (err instanceof StoreUnavailableError || err instanceof TurnWorkerStoppedError) {
        res.set('Retry-After', '2');
        return sendError(req, res, 503, 'ServiceUnavailable', 'tooMany');
      }
      throw err;
    }
  }));

  r.post('/v3/directline/tokens/refresh', route(async (req, res) => {
    const auth = await authenticate(deps, req, res);
    if (!auth) return;
    // Never past the session's end; a refresh is not activity, so it keeps nobody logged in.
    const fresh = await deps.sessions.renew(auth.claims);
    if (!fresh) return sendError(req, res, 403, 'SessionEnded', 'sessionEnded');
    res.json({ conversationId: auth.claims.conv, token: fresh.token, expires_in: fresh.expiresIn });
  }));

  return r;
}

/** The WebSocket stream: replays what the client missed after its watermark, then pushes live; empty keep-alive frames. */
export function attachStream(deps: DirectLineDeps) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const keepAliveMs = deps.keepAliveMs ?? 15_000;

  return {
    wss,
    handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/.exec(url.pathname);
      const reject = (status: number, text: string) => {
        socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      };
      if (!match) return reject(404, 'Not Found');
      const id = ConversationId.safeParse(decodeURIComponent(match[1] ?? ''));
      const wm = Watermark.safeParse(url.searchParams.get('watermark') ?? undefined);
      if (!id.success || !wm.success) return reject(400, 'Bad Request');
      void (async () => {
        const verified = await deps.tokens.verify(url.searchParams.get('t') ?? undefined);
        if (!verified.ok || verified.claims.conv !== id.data || !(await deps.store.sessionActive(verified.claims.sid, id.data))) return reject(403, 'Forbidden');
        wss.handleUpgrade(req, socket, head, (ws) => openStream(ws, id.data, wm.data));
      })().catch((err: Error) => {
        deps.log.error({ err: { name: err.name, message: err.message } }, 'stream upgrade failed');
        reject(500, 'Internal Server Error');
      });
    },
  };

  function openStream(ws: WebSocket, conversationId: string, watermark: number | null): void {
    let lastSeq = watermark ?? -1;
    // Everything a stream sends goes through one chain, so frames leave in seq order.
    let chain: Promise<void> = Promise.resolve();
    const enqueue = (fn: () => Promise<void>) => {
      chain = chain.then(fn).catch((err: Error) => {
        deps.log.error({ err: { name: err.name, message: err.message } }, 'stream read failed');
        ws.close(1011);
      });
    };
    const send = (list: StoredActivity[]) => {
      const last = list[list.length - 1];
      if (!last || ws.readyState !== ws.OPEN) return;
      lastSeq = last.seq;
      ws.send(streamFrame(list, last.seq));
    };
    const push = async (stored: StoredActivity[]) => {
      let fresh = stored.filter((a) => a.seq > lastSeq).sort((a, b) => a.seq - b.seq);
      const first = fresh[0];
      if (!first || ws.readyState !== ws.OPEN) return;
      // Seqs have no holes: a gap means something published elsewhere has not reached us yet (another instance's
      // turn, or a notice still being read), so read what is missing from the database instead of skipping it.
      if (first.seq !== lastSeq + 1) fresh = await deps.store.activitiesAfter(conversationId, lastSeq, 100_000);
      send(fresh);
    };
    // Subscribe first, then replay; what is published meanwhile waits in the chain and goes out after the replay, each once, in order.
    const unsubscribe = deps.hub.subscribe(conversationId, (stored) => enqueue(() => push(stored)));
    enqueue(async () => send(await deps.store.activitiesAfter(conversationId, watermark, 100_000)));
    const keepAlive = setInterval(() => {
      if (ws.readyState === ws.OPEN) ws.send('');
    }, keepAliveMs);
    keepAlive.unref();
    ws.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
    ws.on('error', () => ws.terminate());
  }
}
