import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { ActivityTypes } from 'botbuilder';
import type { Logger } from 'pino';
import { uiText } from '../i18n/ui';
import { requestLocale, route } from '../channel/http';
import type { DirectLineDeps } from '../channel/directline/routes';
import { ownMunicipality } from '../channel/municipality';
import { hmacHex } from '../store/crypto';
import { parseCode } from './codes';
import type { LoginThrottle } from './throttle';
import { readCookie, RESUME_COOKIE, setResumeCookie } from './resume';

const LoginBody = z.object({ code: z.string().max(64), locale: z.string().max(20).optional() }).strip();

export interface LoginDeps extends DirectLineDeps {
  throttle: LoginThrottle;
  codeKey: Buffer;
  log: Logger;
}

/** `POST /api/login`: anonymous code in, token and the code's one conversation out, with its municipality for the help panel. */
export function loginRouter(deps: LoginDeps): Router {
  const r = Router();
  r.post('/api/login', route(async (req: Request, res: Response) => {
    const body = LoginBody.safeParse(req.body);
    const locale = requestLocale(req, body.success ? body.data.locale : undefined);
    if (!body.success) {
      res.status(400).json({ error: 'bad_request', message: uiText(locale, 'login.badRequest') });
      return;
    }
    const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const verdict = await deps.throttle.check(ip);
    if (!verdict.allowed) {
      res.set('Retry-After', String(verdict.retryAfterSeconds));
      res.status(429).json({ error: 'throttled', message: uiText(locale, 'login.throttled'), retryAfter: verdict.retryAfterSeconds });
      return;
    }
    const parsed = parseCode(body.data.code);
    const fail = async (reason: 'format' | 'check' | 'unknown') => {
      await deps.throttle.record(ip, false);
      res.status(401).json({ error: 'invalid_code', reason, message: uiText(locale, reason === 'check' ? 'login.checkSymbol' : 'login.invalidCode') });
    };
    if (!parsed.ok) return fail(parsed.reason);
    const code = await deps.store.findCode(hmacHex(deps.codeKey, parsed.canonical));
    const now = Date.now();
    if (!code || code.revokedAt !== null || (code.expiresAt !== null && code.expiresAt < now)) return fail('unknown');
    await deps.throttle.record(ip, true);

    const { conversation, created } = await deps.store.conversationForCode(code, locale);
    if (conversation.locale !== locale && body.data.locale) await deps.store.setLocale(conversation.id, locale);
    const sid = await deps.store.createSession(conversation.id);
    const { token, expiresIn } = await deps.tokens.issue({ conv: conversation.id, sid, persona: conversation.persona, band: conversation.ageBand });
    // The welcome (or "welcome back" and the step you were on) is in the transcript before the client connects.
    await deps.hub.enqueue(conversation.id, () =>
      deps.turns.run(
        created
          ? { type: ActivityTypes.ConversationUpdate, conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' }, from: { id: 'user', name: '', role: 'user' }, membersAdded: [{ id: 'user', name: '' }], locale }
          : { type: ActivityTypes.Event, name: 'lotsen/start', conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' }, from: { id: 'user', name: '', role: 'user' }, locale },
        false,
      ),
    );
    await setResumeCookie(req, res, deps.tokens, { conv: conversation.id, sid, persona: conversation.persona, band: conversation.ageBand });
    await deps.store.recordStat({ municipalityId: conversation.municipalityId, event: 'login', persona: conversation.persona, locale });
    deps.log.info({ conversationId: conversation.id, created, persona: conversation.persona }, 'login');
    const municipality = await ownMunicipality(deps.store, conversation.municipalityId);
    res.json({ token, conversationId: conversation.id, persona: conversation.persona, ageBand: conversation.ageBand, locale, expiresIn, municipality });
  }));
  // A reload in the same tab: the HttpOnly cookie (never readable by page script) brings a fresh token.
  r.post('/api/resume', route(async (req: Request, res: Response) => {
    const verified = await deps.tokens.verify(readCookie(req, RESUME_COOKIE), 'resume');
    if (!verified.ok || !(await deps.store.sessionActive(verified.claims.sid, verified.claims.conv))) {
      res.status(401).json({ error: 'no_session', message: uiText(requestLocale(req), 'api.unauthorized') });
      return;
    }
    const conversation = await deps.store.getConversation(verified.claims.conv);
    if (!conversation) {
      res.status(401).json({ error: 'no_session', message: uiText(requestLocale(req), 'api.unauthorized') });
      return;
    }
    const { token, expiresIn } = await deps.tokens.issue(verified.claims);
    await setResumeCookie(req, res, deps.tokens, verified.claims);
    const municipality = await ownMunicipality(deps.store, conversation.municipalityId);
    res.json({ token, conversationId: conversation.id, persona: conversation.persona, ageBand: conversation.ageBand, locale: conversation.locale, expiresIn, municipality });
  }));
  return r;
}
