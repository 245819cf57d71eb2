import { Router, type Request, type Response } from 'express';
import type { TokenClaims } from '../access/tokens';
import type { DirectLineDeps } from './directline/routes';
import { route, sendError } from './http';
import { clearResumeCookie } from '../access/resume';
import type { UserData } from '../store/types';
import { DialogueState } from '../dialogue/types';
import type { FlowEngine } from '../flows/engine';
import { stateKey, unreadable } from '../turns/pipeline';
import { buildExport, exportHtml } from './export';

async function claimsOf(deps: DirectLineDeps, req: Request, res: Response): Promise<TokenClaims | null> {
  const header = req.headers.authorization;
  const token = typeof header === 'string' ? header.replace(/^Bearer\s+/i, '').trim() : undefined;
  const verified = await deps.tokens.verify(token);
  if (!verified.ok || !(await deps.store.sessionActive(verified.claims.sid, verified.claims.conv))) {
    sendError(req, res, 401, verified.ok ? 'SessionEnded' : verified.reason === 'expired' ? 'TokenExpired' : 'BadToken', 'unauthorized');
    return null;
  }
  return verified.claims;
}

/** What "my notes" shows and the export starts with. */
const ownData = (data: UserData) => ({
  persona: data.conversation.persona,
  ageBand: data.conversation.ageBand,
  locale: data.conversation.locale,
  notes: data.notes,
  checkins: data.checkins,
  plan: data.plan,
});

/** What the code holder can do with their own data: read, export, delete; and log out. */
export function meRouter(deps: DirectLineDeps, engine: FlowEngine): Router {
  const r = Router();

  r.get('/api/me/data', route(async (req, res) => {
    const claims = await claimsOf(deps, req, res);
    if (!claims) return;
    const data = await deps.store.userData(claims.conv, { transcript: false });
    if (!data) return sendError(req, res, 404, 'NotFound', 'notFound');
    res.json(ownData(data));
  }));

  // Everything stored for the code holder: JSON (`?format=json`, the default) or a printable page (`?format=html`).
  r.get('/api/me/export', route(async (req, res) => {
    const format = req.query.format ?? 'json';
    if (format !== 'json' && format !== 'html') return sendError(req, res, 400, 'BadArgument', 'badRequest');
    const claims = await claimsOf(deps, req, res);
    if (!claims) return;
    const data = await deps.store.userData(claims.conv, { transcript: true });
    if (!data) return sendError(req, res, 404, 'NotFound', 'notFound');
    const stored = DialogueState.safeParse((await deps.store.readState(stateKey(claims.conv), unreadable))?.value.dialogue);
    const exported = buildExport(engine, data, stored.success ? stored.data : null);
    if (format === 'html') {
      res.set('Content-Disposition', 'attachment; filename="lotsen-export.html"');
      res.type('html').send(exportHtml(exported));
      return;
    }
    res.set('Content-Disposition', 'attachment; filename="lotsen-export.json"');
    res.json(exported);
  }));

  r.delete('/api/me', route(async (req, res) => {
    const claims = await claimsOf(deps, req, res);
    if (!claims) return;
    await deps.hub.enqueue(claims.conv, () => deps.store.deleteUser(claims.conv));
    await deps.hub.endSession(claims.conv);
    clearResumeCookie(req, res);
    res.set('Clear-Site-Data', '"cache", "cookies", "storage"');
    res.status(204).end();
  }));

  r.post('/api/me/logout', route(async (req, res) => {
    const claims = await claimsOf(deps, req, res);
    if (!claims) return;
    await deps.store.revokeSession(claims.sid);
    await deps.hub.endSession(claims.conv, claims.sid);
    clearResumeCookie(req, res);
    res.set('Clear-Site-Data', '"cache", "cookies", "storage"');
    res.status(204).end();
  }));

  return r;
}
