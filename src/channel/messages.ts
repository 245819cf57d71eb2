import { randomUUID } from 'node:crypto';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import express, { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { BoundedMemoryStorage } from '../bot/boundedStorage';
import { createBotFrameworkBot } from '../bot/botFramework';
import type { Config } from '../config';
import type { FlowEngine } from '../flows/engine';
import { isLocale, uiText } from '../i18n/ui';
import { requestLocale, route, sendError } from './http';

/**
 * `POST /api/messages`: the Bot Framework protocol, for Azure Bot Service and the Bot Framework Emulator.
 *
 * - With `MicrosoftAppId` set, botbuilder authenticates every request (a Bot Framework or Emulator token for that
 *   app, else 401); the serviceUrl replies go to is the one Azure's token vouches for.
 * - Without it, requests cannot be authenticated at all: the endpoint does not exist in production (404), and in
 *   development answers only a serviceUrl on this machine (http://localhost, 127.0.0.0/8, [::1]: the Emulator),
 *   anything else 403 before a request goes out, so it cannot be made to POST to an address the caller names.
 *
 * Its conversations are a namespace of their own (see `createBotFrameworkBot`), kept in memory, bounded in count
 * and time. Bodies are checked here, before botbuilder sees them: a bad one is a 400, never a 500.
 */

/** Larger than Direct Line's own limit: Azure channels (Teams) send activities with sizeable channel data. */
export const MESSAGES_BODY_LIMIT = '64kb';

/** Our settings as botbuilder's `ConfigurationBotFrameworkAuthentication` reads them (same names); unset ones left out. */
export function botFrameworkAuthOptions(config: Config): ConfigurationBotFrameworkAuthenticationOptions {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {};
  for (const key of ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId', 'MicrosoftAppType'] as const) {
    const value = config[key];
    if (value) options[key] = value;
  }
  return options;
}

/** The Emulator's serviceUrl: loopback only, as http(s), with no user info, query or fragment. Returns it normalized, or null. */
export function loopbackServiceUrl(raw: string): string | null {
  // A query or fragment would swallow the path botbuilder appends (`/v3/conversations/…`), even a bare `?`.
  if (/[?#]/.test(raw) || !URL.canParse(raw)) return null;
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  const host = url.hostname;
  if (host !== 'localhost' && host !== '[::1]' && !/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return null;
  // The parsed form, not the raw string: whatever botbuilder's HTTP client makes of it is then this same address.
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Visible ASCII (as every channel's ids are): botbuilder sends the conversation id in a header of its replies. */
const Id = z.string().regex(/^[\x20-\x7e]{1,1024}$/);
const Account = z.object({ id: z.string().max(1024), name: z.string().max(256).optional(), role: z.string().max(32).optional() }).strip();
const Timestamp = z
  .string()
  .max(40)
  .refine((t) => !Number.isNaN(Date.parse(t)), 'not a date')
  .transform((t) => new Date(t));

/**
 * What the bot and botbuilder use of an incoming activity; every other field is dropped. `invoke` is not among the
 * types: the bot answers none (botbuilder would answer 501).
 */
const IncomingActivity = z
  .object({
    type: z.enum(['message', 'conversationUpdate', 'event', 'typing', 'endOfConversation', 'messageReaction', 'installationUpdate', 'contactRelationUpdate', 'messageUpdate', 'messageDelete']),
    id: z.string().max(1024).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().min(1).max(2048).refine((u) => URL.canParse(u), 'not a URL'),
    conversation: z.object({ id: Id, isGroup: z.boolean().optional(), conversationType: z.string().max(64).optional(), tenantId: z.string().max(128).optional(), name: z.string().max(256).optional() }).strip(),
    from: Account,
    recipient: Account,
    text: z.string().max(8000).optional(),
    locale: z.string().max(20).optional(),
    name: z.string().max(100).optional(),
    value: z.json().optional(),
    deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).optional(),
    membersAdded: z.array(Account).max(100).optional(),
    membersRemoved: z.array(Account).max(100).optional(),
    replyToId: z.string().max(1024).optional(),
    timestamp: Timestamp.optional(),
    localTimestamp: Timestamp.optional(),
  })
  .strip();

/** A turn's replies could not be delivered to the serviceUrl (nor the apology after): 502, the caller's service failed. */
class RepliesUndeliveredError extends Error {
  constructor() {
    super('the replies could not be delivered to the serviceUrl');
    this.name = 'RepliesUndeliveredError';
  }
}

/** botbuilder's CloudAdapter, run on an activity already checked and authenticated here (its `process` logs whole errors to the console). */
class BotFrameworkChannelAdapter extends CloudAdapter {
  constructor(
    private readonly auth: ConfigurationBotFrameworkAuthentication,
    private readonly log: Logger,
  ) {
    super(auth);
    this.onTurnError = async (context, error) => this.reportTurnError(context, error);
  }

  authenticate(activity: Activity, authHeader: string) {
    return this.auth.authenticateRequest(activity, authHeader);
  }

  run(authenticated: Awaited<ReturnType<BotFrameworkChannelAdapter['authenticate']>>, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authenticated, activity, logic);
  }

  /** Logs (one line: ids and the error's name, never the user's text) and tells the user, in their language, that it went wrong. */
  private async reportTurnError(context: TurnContext, error: Error): Promise<void> {
    const requestId = randomUUID();
    const code = (error as { code?: unknown }).code;
    const statusCode = (error as { statusCode?: unknown }).statusCode;
    this.log.error({ requestId, err: { name: error.name, message: error.message.slice(0, 300), code, statusCode, stack: error.stack } }, 'bot framework turn failed');
    const asked = context.activity.locale?.toLowerCase().split('-')[0];
    try {
      await context.sendActivity({ type: 'message', textFormat: 'plain', text: uiText(isLocale(asked) ? asked : 'sv', 'errors.turn'), channelData: { key: 'ui:errors.turn', requestId } });
    } catch {
      throw new RepliesUndeliveredError();
    }
  }
}

const statusOf = (err: unknown): number | undefined => {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
};

/** The route, or null when it is off (production without an app id: then `/api/messages` is a 404 like any unknown path). */
export function botFrameworkRouter(deps: { config: Config; engine: FlowEngine; log: Logger }): Router | null {
  const { config, engine, log } = deps;
  const authenticated = Boolean(config.MicrosoftAppId);
  if (!authenticated && config.NODE_ENV === 'production') return null;

  const adapter = new BotFrameworkChannelAdapter(new ConfigurationBotFrameworkAuthentication(botFrameworkAuthOptions(config)), log);
  const storage = new BoundedMemoryStorage({ max: config.BOTFRAMEWORK_CONVERSATIONS_MAX, ttlMs: config.BOTFRAMEWORK_CONVERSATION_TTL_SECONDS * 1000 });
  const bot = createBotFrameworkBot({ engine, storage });
  const unavailable = (req: Request, res: Response, status: 502 | 503, code: string) =>
    void res.status(status).json({ error: { code, message: uiText(requestLocale(req), status === 503 ? 'errors.busy' : 'errors.turn') } });

  const router = Router();
  router.post(
    '/api/messages',
    express.json({ limit: MESSAGES_BODY_LIMIT, type: ['application/json', 'application/*+json'] }),
    route(async (req, res) => {
      const parsed = IncomingActivity.safeParse(req.body);
      if (!parsed.success) return sendError(req, res, 400, 'BadArgument', 'badRequest');
      let serviceUrl = parsed.data.serviceUrl;
      if (!authenticated) {
        const local = loopbackServiceUrl(serviceUrl);
        if (local === null) return sendError(req, res, 403, 'Forbidden', 'forbidden');
        serviceUrl = local;
      }
      const activity = { ...parsed.data, serviceUrl } as Activity;
      const header = req.headers.authorization;

      let identity: Awaited<ReturnType<BotFrameworkChannelAdapter['authenticate']>>;
      try {
        identity = await adapter.authenticate(activity, typeof header === 'string' ? header : '');
      } catch (err) {
        const status = statusOf(err);
        if (status !== undefined && status >= 400 && status < 500) return sendError(req, res, 401, 'Unauthorized', 'unauthorized');
        // Not the caller's fault: Bot Framework's signing keys could not be fetched.
        log.warn({ requestId: (req as Request & { id?: string }).id, err: { name: (err as Error).name, message: String((err as Error).message).slice(0, 300) } }, 'bot framework authentication unavailable');
        return unavailable(req, res, 503, 'ServiceUnavailable');
      }

      try {
        const result = await adapter.run(identity, activity, (context) => bot.run(context));
        res.status(result?.status ?? 200);
        if (result?.body !== undefined) res.json(result.body);
        else res.end();
      } catch (err) {
        if (!(err instanceof RepliesUndeliveredError)) throw err;
        log.warn({ requestId: (req as Request & { id?: string }).id }, 'bot framework replies undelivered');
        unavailable(req, res, 502, 'BadGateway');
      }
    }),
  );
  return router;
}
