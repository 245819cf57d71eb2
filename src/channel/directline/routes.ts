import { ActivityTypes, type Activity } from 'botbuilder';
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { Sessions } from '../../access/sessions';
import type { TokenClaims, TokenService } from '../../access/tokens';
import { ConfigSchema, type Config } from '../../config';
import type { Locale } from '../../flows/schema';
import { isLocale, uiText } from '../../i18n/ui';
import { StoreUnavailableError } from '../../store/db';
import { activityId, type LotsenStore } from '../../store/store';
import { TurnWorkerStoppedError, type TurnRunner } from '../../turns/runner';
import { requestLocale, route, sendError } from '../http';
import { publicBaseUrl } from '../publicUrl';
import type { ConversationHub } from './hub';
import { activityLimits, brokenLimit, clientActivityIdOf, IncomingActivity, ownShape, typingActivity, type ActivityLimits } from './incoming';
import { ActivityRate } from './rate';
import { ConversationId, Watermark } from './wire';

export { attachStream, streamFrame } from './stream';

/** The limits on what clients post and stream (settings; see src/config). */
export interface DirectLineLimits {
  activity: ActivityLimits;
  rate: ActivityRate;
  streamsPerSession: number;
  frameBytes: number;
}

export function directLineLimits(config: Config): DirectLineLimits {
  return {
    activity: activityLimits(config),
    rate: new ActivityRate({ perSession: config.ACTIVITIES_PER_MINUTE_SESSION, perConversation: config.ACTIVITIES_PER_MINUTE_CONVERSATION, burst: config.ACTIVITY_BURST }),
    streamsPerSession: config.STREAMS_PER_SESSION,
    frameBytes: config.STREAM_FRAME_BYTES,
  };
}

export interface DirectLineDeps {
  store: LotsenStore;
  tokens: TokenService;
  sessions: Sessions;
  hub: ConversationHub;
  turns: TurnRunner;
  log: Logger;
  keepAliveMs?: number;
  /** Defaults: the settings' defaults. */
  limits?: DirectLineLimits;
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

/**
 * Runs one user activity, in our own shape (see `ownShape`): handed to the bot, then stored and echoed with its
 * replies, one turn at a time per conversation. Typing is only echoed to the streams, never stored.
 */
export async function postActivity(deps: DirectLineDeps, conversationId: string, incoming: IncomingActivity): Promise<string> {
  const echo = clientActivityIdOf(incoming);
  if (incoming.type === ActivityTypes.Typing) {
    const typing = typingActivity(conversationId, echo);
    await deps.hub.publishEphemeral(conversationId, JSON.stringify(typing));
    return String(typing.id);
  }
  return deps.hub.enqueue(conversationId, async () => {
    // Read in the queue, after the turn before this one: the buttons of the step the user is at now.
    const offered = incoming.value === undefined ? new Set<string>() : (deps.hub.offeredActions(conversationId) ?? (await deps.store.offeredActions(conversationId)));
    const activity: Partial<Activity> = ownShape(incoming, conversationId, offered);
    // Stored in the turn's own transaction, together with the replies: one write, one frame to the streams.
    const stored = await deps.hub.withEcho(conversationId, echo, () => deps.turns.run(activity, true));
    if (!stored) throw new Error('the turn stored nothing');
    // The id follows from the conversation and the seq; reading `activity` would parse the whole activity for it (it
    // comes from the turn worker as JSON).
    return activityId(conversationId, stored.seq);
  });
}

/** The language to answer a client's post in: the one it asks for, else its conversation's, else its browser's. */
async function answerLocale(deps: DirectLineDeps, req: Request, conversationId: string): Promise<Locale> {
  const asked = (req.body as { locale?: unknown } | undefined)?.locale;
  const base = typeof asked === 'string' ? asked.toLowerCase().split('-')[0] : undefined;
  if (isLocale(base)) return base;
  return (await deps.store.getConversation(conversationId).catch(() => undefined))?.locale ?? requestLocale(req);
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

  const limits = deps.limits ?? directLineLimits(ConfigSchema.parse({}));

  r.post('/v3/directline/conversations/:id/activities', route(async (req, res) => {
    const id = ConversationId.safeParse(req.params.id);
    if (!id.success) return sendError(req, res, 400, 'BadArgument', 'badRequest');
    const auth = await authenticate(deps, req, res, id.data);
    if (!auth) return;
    // Every post counts, also one that is then refused: a flood of broken ones costs as much to read.
    const rate = limits.rate.take(auth.claims.sid, id.data);
    if (!rate.ok) {
      res.set('Retry-After', String(rate.retryAfterSeconds));
      res.status(429).json({ error: { code: 'TooManyRequests', message: uiText(await answerLocale(deps, req, id.data), 'limits.tooFast', { seconds: rate.retryAfterSeconds }), retryAfter: rate.retryAfterSeconds } });
      return;
    }
    const broken = brokenLimit(req.body, Buffer.byteLength(JSON.stringify(req.body ?? null)), limits.activity);
    if (broken) {
      res.status(400).json({ error: { code: 'BadArgument', message: uiText(await answerLocale(deps, req, id.data), `limits.${broken.field}`, { limit: broken.limit }), field: broken.field, limit: broken.limit, unit: broken.unit } });
      return;
    }
    const body = IncomingActivity.safeParse(req.body);
    if (!body.success) return sendError(req, res, 400, 'BadArgument', 'badRequest');
    await deps.sessions.touch(auth.claims.sid);
    try {
      const posted = await postActivity(deps, id.data, body.data);
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
