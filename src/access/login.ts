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
import { readResumeCookie, setResumeCookie } from './resume';

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
    const throttled = (retryAfterSeconds: number) => {
      res.set('Retry-After', String(retryAfterSeconds));
      res.status(429).json({ error: 'throttled', message: uiText(locale, 'login.throttled'), retryAfter: retryAfterSeconds });
    };
    // This address failed too often: no guessing around it, not even with a right code.
    if (!verdict.allowed && verdict.limit === 'address') return throttled(verdict.retryAfterSeconds);
    const parsed = parseCode(body.data.code);
    const fail = async (reason: 'format' | 'check' | 'unknown') => {
      await deps.throttle.record(ip, false);
      // Everyone together failed too often: a wrong code waits, but the code is checked first, so a right one from
      // a user who has not been failing is never refused because of others.
      if (!verdict.allowed && reason === 'unknown') return throttled(verdict.retryAfterSeconds);
      res.status(401).json({ error: 'invalid_code', reason, message: uiText(locale, reason === 'check' ? 'login.checkSymbol' : 'login.invalidCode') });
    };
    if (!parsed.ok) return fail(parsed.reason);
    const code = await deps.store.findCode(hmacHex(deps.codeKey, parsed.canonical));
    const now = Date.now();
    if (!code || code.revokedAt !== null || (code.expiresAt !== null && code.expiresAt < now)) return fail('unknown');
    await deps.throttle.record(ip, true);

    const { conversation, created } = await deps.store.conversationForCode(code, locale);
    if (conversation.locale !== locale && body.data.locale) await deps.store.setLocale(conversation.id, locale);
    const { sid, token, expiresIn } = await deps.sessions.start({ conv: conversation.id, persona: conversation.persona, band: conversation.ageBand });
    // The welcome (or "welcome back" and the step you were on) is in the transcript before the client connects.
    await deps.hub.enqueue(conversation.id, () =>
      deps.turns.run(
        created
          ? { type: ActivityTypes.ConversationUpdate, conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' }, from: { id: 'user', name: '', role: 'user' }, membersAdded: [{ id: 'user', name: '' }], locale }
          : { type: ActivityTypes.Event, name: 'lotsen/start', conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' }, from: { id: 'user', name: '', role: 'user' }, locale },
        false,
      ),
    );
    await setResumeCookie(req, res, deps.sessions, { conv: conversation.id, sid, persona: conversation.persona, band: conversation.ageBand });
    await deps.store.recordStat({ municipalityId: conversation.municipalityId, event: 'login', persona: conversation.persona, locale });
    deps.log.info({ conversationId: conversation.id, created, persona: conversation.persona }, 'login');
    const municipality = await ownMunicipality(deps.store, conversation.municipalityId);
    res.json({ token, conversationId: conversation.id, persona: conversation.persona, ageBand: conversation.ageBand, locale, expiresIn, municipality });
  }));
  // A reload in the same tab: the HttpOnly cookie (never readable by page script) brings a fresh token while the
  // session lives; coming back is activity.
  r.post('/api/resume', route(async (req: Request, res: Response) => {
    const noSession = () => {
      res.status(401).json({ error: 'no_session', message: uiText(requestLocale(req), 'api.unauthorized') });
    };
    const verified = await deps.tokens.verify(readResumeCookie(req), 'resume');
    if (!verified.ok) return noSession();
    const conversation = await deps.store.getConversation(verified.claims.conv);
    const fresh = conversation ? await deps.sessions.renew(verified.claims) : null;
    if (!conversation || !fresh) return noSession();
    await deps.sessions.touch(verified.claims.sid);
    const { token, expiresIn } = fresh;
    await setResumeCookie(req, res, deps.sessions, verified.claims);
    const municipality = await ownMunicipality(deps.store, conversation.municipalityId);
    res.json({ token, conversationId: conversation.id, persona: conversation.persona, ageBand: conversation.ageBand, locale: conversation.locale, expiresIn, municipality });
  }));
  return r;
}
