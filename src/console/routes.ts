import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { parseCode } from '../access/codes';
import { issueCodes } from '../access/issue';
import { readCookie } from '../access/resume';
import { route } from '../channel/http';
import { preparedFile } from '../channel/static';
import { findTranscriptFiles } from '../flows/transcripts';
import { AgeBand, Locale, Persona } from '../flows/schema';
import { projectPath, ROOT } from '../paths';
import type { Runtime } from '../runtime';
import { detectCrisis } from '../safety/crisis';
import { hmacHex } from '../store/crypto';
import { audit } from './audit';
import { runModuleTests } from './flowtests';
import { auditPage, codesPage, flowsPage, forbiddenPage, mermaidFor, moduleTitle, previewPage, signinPage, statsPage, type PageContext } from './pages';
import { PreviewInput, PreviewRecord, PreviewStart, previewTurn, startPreview } from './preview';
import { csrfOk, endSession, readDevice, readSession, rememberDevice, sameOrigin, staffOf, startSession, type StaffPrincipal } from './session';
import { verifySignin } from './staff';
import { batchUsage, defaultMonth, isMonth, monthStats, startOfToday, statsCsv } from './stats';
import { ct, isConsoleLocale, slipStrings, type ConsoleKey, type ConsoleLocale } from './strings';

export const MERMAID_BUNDLE = projectPath('node_modules', 'mermaid', 'dist', 'mermaid.min.js');
const LANG_COOKIE = 'lotsen_console_lang';
const AUDIT_PAGE = 100;

const SigninBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }).strip();
const CreateBatch = z
  .object({
    municipality: z.string().max(60).optional(),
    persona: Persona,
    ageBand: AgeBand.nullable().optional(),
    count: z.coerce.number().int().min(1).max(500),
    expiresDays: z.coerce.number().int().min(0).max(3650),
    label: z.string().trim().max(80).nullable().optional(),
    slipLocale: Locale.default('sv'),
  })
  .strict();
const RevokeCode = z.object({ code: z.string().max(64) }).strict();

/** Which console API a request was for, as a fixed name (never an id or anything typed). */
const API_NAMES: Array<[RegExp, string]> = [
  [/^\/logout$/, 'logout'],
  [/^\/batches$/, 'batches'],
  [/^\/batches\/[^/]+\/revoke$/, 'batch.revoke'],
  [/^\/codes\/revoke$/, 'code.revoke'],
  [/^\/preview\/(start|turn)$/, 'preview'],
  [/^\/flows\/[^/]+\/[^/]+\/test$/, 'flows.test'],
];
const apiName = (path: string) => API_NAMES.find(([re]) => re.test(path))?.[1] ?? 'other';

/** Serves a large file from memory, read and gzipped on first request (not at every server start). */
function lazyFile(file: string, type: string) {
  let prepared: ReturnType<typeof preparedFile> | undefined;
  return (req: Request, res: Response) => (prepared ??= preparedFile(file, type)).handler(req, res);
}

/** The contact-centre console (staff only), mounted at /console. */
export function consoleRouter(rt: Runtime): Router {
  const r = Router();
  const store = rt.store;

  r.use(express.static(projectPath('public', 'console'), { index: false, redirect: false, maxAge: 0, fallthrough: true }));
  // Mermaid renders the flow diagrams in the page; served from node_modules, never from a CDN.
  r.get('/vendor/mermaid.js', lazyFile(MERMAID_BUNDLE, 'application/javascript; charset=utf-8'));

  r.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    // same-origin (not no-referrer): the browser then sends our Origin on same-origin POSTs, which CSRF checks read.
    res.set('Referrer-Policy', 'same-origin');
    next();
  });
  r.use('/api', express.json({ limit: '16kb', type: ['application/json'] }));
  r.use('/login', express.urlencoded({ extended: false, limit: '4kb' }));

  // Every request: who is signed in, and in which language the console speaks to them.
  const identify = async (req: Request, res: Response): Promise<void> => {
    const lookup = await readSession(store, req);
    res.locals.sessionState = lookup.state;
    if (lookup.state === 'ok') res.locals.staff = lookup.staff;
    const asked = req.query.lang;
    let locale: ConsoleLocale;
    if (isConsoleLocale(asked)) {
      locale = asked;
      res.cookie(LANG_COOKIE, asked, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/console', maxAge: 365 * 86_400_000 });
      if (lookup.state === 'ok' && lookup.staff.locale !== asked) {
        await store.setStaffSessionLocale(lookup.staff.sessionId, asked);
        lookup.staff.locale = asked;
      }
    } else if (lookup.state === 'ok') {
      locale = lookup.staff.locale;
    } else {
      const cookie = readCookie(req, LANG_COOKIE);
      const header = String(req.headers['accept-language'] ?? '').toLowerCase();
      locale = isConsoleLocale(cookie) ? cookie : header.startsWith('en') ? 'en' : 'sv';
    }
    res.locals.locale = locale;
  };
  r.use((req, res, next) => {
    identify(req, res).then(() => next(), next);
  });

  const localeOf = (res: Response): ConsoleLocale => res.locals.locale as ConsoleLocale;
  const apiError = (res: Response, status: number, error: string, key: ConsoleKey, extra: Record<string, unknown> = {}) =>
    res.status(status).json({ error, message: ct(localeOf(res), key), ...extra });

  const municipalitiesFor = async (staff: StaffPrincipal | null) => {
    if (!staff) return [];
    if (staff.role === 'admin') return store.listMunicipalities();
    const own = staff.municipalityId ? await store.getMunicipality(staff.municipalityId) : undefined;
    return own ? [own] : [];
  };
  const pageContext = async (req: Request, res: Response): Promise<PageContext> => {
    const staff = (res.locals.staff as StaffPrincipal | undefined) ?? null;
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string' && k !== 'lang') query.set(k, v);
    return { locale: localeOf(res), staff, municipalities: (await municipalitiesFor(staff)).map((m) => ({ id: m.id, name: m.name })), path: `/console${req.path === '/' ? '' : req.path}`, query };
  };
  const html = (res: Response, status: number, body: string) => res.status(status).type('html').send(body);

  /**
   * Which municipality a request may act on. Staff: only their own; asking for another is refused (403)
   * and logged. Admins: the one asked for (it must exist), else their own, else all (null).
   */
  const scopeOf = async (staff: StaffPrincipal, asked: unknown): Promise<{ ok: true; municipalityId: string | null } | { ok: false; status: 403 | 404 }> => {
    const wanted = typeof asked === 'string' && asked !== '' ? asked : null;
    if (staff.role !== 'admin') {
      if (wanted !== null && wanted !== staff.municipalityId) {
        await audit(store, { staffId: staff.staffId, municipalityId: staff.municipalityId, action: 'denied', detail: { asked: wanted.slice(0, 60) } });
        return { ok: false, status: 403 };
      }
      if (!staff.municipalityId) return { ok: false, status: 403 };
      return { ok: true, municipalityId: staff.municipalityId };
    }
    if (wanted !== null) return (await store.getMunicipality(wanted)) ? { ok: true, municipalityId: wanted } : { ok: false, status: 404 };
    return { ok: true, municipalityId: staff.municipalityId };
  };

  // ---- sign-in and sign-out ----

  type SigninOutcome = { ok: true; csrf: string } | { ok: false; status: 400 | 401 | 403 | 429; key: ConsoleKey; retryAfter?: number };

  const signinLimits = { perUser: rt.config.CONSOLE_SIGNIN_FAILS_PER_USER, perIp: rt.config.CONSOLE_SIGNIN_FAILS_PER_IP, windowSeconds: rt.config.CONSOLE_SIGNIN_WINDOW_SECONDS };
  const signin = async (req: Request, res: Response): Promise<SigninOutcome> => {
    if (!sameOrigin(req)) return { ok: false, status: 403, key: 'common.forbidden' };
    const body = SigninBody.safeParse(req.body);
    if (!body.success) return { ok: false, status: 400, key: 'common.badRequest' };
    const result = await verifySignin(store, rt.keys.ips, signinLimits, {
      username: body.data.username,
      password: body.data.password,
      ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      device: readDevice(req),
    });
    if (!result.ok) {
      await audit(store, { staffId: result.staffId, municipalityId: null, action: result.reason === 'throttled' ? 'signin.throttled' : 'signin.failed', detail: { knownUser: result.staffId !== null } });
      if (result.reason === 'throttled') return { ok: false, status: 429, key: 'signin.throttled', retryAfter: result.retryAfterSeconds };
      return { ok: false, status: 401, key: 'signin.failed' };
    }
    rememberDevice(req, res, result.device);
    const { csrf } = await startSession(store, req, res, result.staff.id, localeOf(res));
    await audit(store, { staffId: result.staff.id, municipalityId: result.staff.municipalityId, action: 'signin' });
    return { ok: true, csrf };
  };
  const throttledText = (res: Response, retryAfter: number) => ct(localeOf(res), 'signin.throttled', { minutes: Math.max(1, Math.ceil(retryAfter / 60)) });

  // The sign-in form posts here (works without script); the JSON API below does the same for scripts and tests.
  r.post('/login', route(async (req, res) => {
    const outcome = await signin(req, res);
    if (outcome.ok) {
      res.redirect(303, '/console/codes');
      return;
    }
    if (outcome.retryAfter) res.set('Retry-After', String(outcome.retryAfter));
    const text = outcome.retryAfter ? throttledText(res, outcome.retryAfter) : ct(localeOf(res), outcome.key);
    const typed: unknown = (req.body as Record<string, unknown> | undefined)?.username;
    const username = typeof typed === 'string' ? typed.slice(0, 100) : '';
    html(res, outcome.status, signinPage(await pageContext(req, res), { kind: 'error', text }, username));
  }));

  r.post('/api/login', route(async (req, res) => {
    const outcome = await signin(req, res);
    if (outcome.ok) {
      res.json({ ok: true, csrf: outcome.csrf, next: '/console/codes' });
      return;
    }
    if (outcome.retryAfter) {
      res.set('Retry-After', String(outcome.retryAfter));
      res.status(429).json({ error: 'throttled', message: throttledText(res, outcome.retryAfter), retryAfter: outcome.retryAfter });
      return;
    }
    apiError(res, outcome.status, outcome.status === 401 ? 'invalid_credentials' : outcome.status === 403 ? 'forbidden' : 'bad_request', outcome.key);
  }));

  // ---- everything below needs a session; state-changing API requests also the CSRF token ----

  r.use('/api', (req, res, next) => {
    const staff = res.locals.staff as StaffPrincipal | undefined;
    if (!staff) return void apiError(res, 401, 'no_session', 'common.session');
    if (req.method === 'GET' || req.method === 'HEAD' || csrfOk(req, staff)) return void next();
    // Logged with the method and which kind of request only: never its body, query or ids.
    audit(store, { staffId: staff.staffId, municipalityId: staff.municipalityId, action: 'denied', detail: { reason: 'csrf', method: req.method.slice(0, 10), api: apiName(req.path) } }).then(
      () => void apiError(res, 403, 'csrf', 'common.csrf'),
      next,
    );
  });

  r.get('/api/session', route(async (_req, res) => {
    const staff = staffOf(res);
    res.json({ username: staff.username, role: staff.role, municipalityId: staff.municipalityId, locale: staff.locale, csrf: staff.csrf, municipalities: await municipalitiesFor(staff) });
  }));

  r.post('/api/logout', route(async (req, res) => {
    const staff = staffOf(res);
    await audit(store, { staffId: staff.staffId, municipalityId: staff.municipalityId, action: 'signout' });
    await endSession(store, req, res);
    res.json({ ok: true, next: '/console?reason=signedout' });
  }));

  // ---- codes ----

  r.get('/api/batches', route(async (req, res) => {
    const staff = staffOf(res);
    const scope = await scopeOf(staff, req.query.municipality);
    if (!scope.ok) return void apiError(res, scope.status, scope.status === 403 ? 'forbidden' : 'not_found', scope.status === 403 ? 'common.forbidden' : 'common.notFound');
    const rows = await store.listBatches(scope.municipalityId, startOfToday());
    res.json({
      municipalityId: scope.municipalityId,
      batches: rows.map((b) => ({
        id: b.id, municipalityId: b.municipality_id, persona: b.persona, ageBand: b.age_band, label: b.label, createdBy: b.created_by,
        createdAt: b.created_at, expiresAt: b.expires_at, total: b.total, used: batchUsage(b.total, b.used), revoked: b.revoked,
      })),
    });
  }));

  r.post('/api/batches', route(async (req, res) => {
    const staff = staffOf(res);
    const body = CreateBatch.safeParse(req.body);
    if (!body.success) return void apiError(res, 400, 'bad_request', 'common.badRequest');
    const scope = await scopeOf(staff, body.data.municipality);
    if (!scope.ok) return void apiError(res, scope.status, scope.status === 403 ? 'forbidden' : 'not_found', scope.status === 403 ? 'common.forbidden' : 'common.notFound');
    const municipality = scope.municipalityId ? await store.getMunicipality(scope.municipalityId) : undefined;
    if (!municipality) return void apiError(res, 400, 'bad_request', 'common.badRequest');
    const d = body.data;
    const ageBand = d.persona === 'child-next' ? (d.ageBand ?? '9-12') : null;
    const expiresAt = d.expiresDays > 0 ? Date.now() + d.expiresDays * 86_400_000 : null;
    const { batchId, codes } = await issueCodes(store, rt.keys.codes, {
      municipalityId: municipality.id, persona: d.persona, ageBand, count: d.count, expiresAt, label: d.label ? d.label : null, createdBy: staff.username,
    });
    await audit(store, { staffId: staff.staffId, municipalityId: municipality.id, action: 'batch.create', detail: { batchId, persona: d.persona, ageBand, count: d.count, expiresDays: d.expiresDays } });
    // The plain codes leave the server only in this answer: the page shows them once.
    res.status(201).json({
      batchId, codes, persona: d.persona, ageBand, expiresAt,
      municipality: { id: municipality.id, name: municipality.name },
      slipLocale: d.slipLocale, slip: slipStrings(d.slipLocale),
    });
  }));

  r.post('/api/batches/:id/revoke', route(async (req, res) => {
    const staff = staffOf(res);
    const scope = await scopeOf(staff, undefined);
    if (!scope.ok) return void apiError(res, 403, 'forbidden', 'common.forbidden');
    const batchId = String(req.params.id).slice(0, 60);
    // A batch of another municipality is "not found": staff never learn that it exists. The log says what it was.
    const owner = staff.role === 'admin' ? undefined : await store.batchMunicipality(batchId);
    if (owner !== undefined && owner !== scope.municipalityId) {
      await audit(store, { staffId: staff.staffId, municipalityId: staff.municipalityId, action: 'denied', detail: { asked: 'batch', batchId, owner } });
      return void apiError(res, 404, 'not_found', 'common.notFound');
    }
    const revoked = await store.revokeBatch(batchId, staff.role === 'admin' ? null : scope.municipalityId);
    if (revoked) for (const c of await store.conversationsOfBatch(batchId)) await rt.hub.endSession(c);
    await audit(store, { staffId: staff.staffId, municipalityId: staff.municipalityId, action: 'batch.revoke', detail: { batchId, result: revoked === null ? 'not_found' : 'revoked', revoked: revoked ?? 0 } });
    if (revoked === null) return void apiError(res, 404, 'not_found', 'common.notFound');
    res.json({ ok: true, revoked });
  }));

  r.post('/api/codes/revoke', route(async (req, res) => {
    const staff = staffOf(res);
    const body = RevokeCode.safeParse(req.body);
    if (!body.success) return void apiError(res, 400, 'bad_request', 'common.badRequest');
    const parsed = parseCode(body.data.code);
    if (!parsed.ok) return void apiError(res, 400, parsed.reason === 'check' ? 'check_symbol' : 'bad_code', parsed.reason === 'check' ? 'codes.checkSymbol' : 'codes.badCode');
    const hash = hmacHex(rt.keys.codes, parsed.canonical);
    const code = await store.findCode(hash);
    const own = staff.role === 'admin' || (code !== undefined && code.municipalityId === staff.municipalityId);
    if (code !== undefined && !own) {
      // Another municipality's code: answered like an unknown one, logged as denied (with its batch, never the code).
      await audit(store, { staffId: staff.staffId, municipalityId: staff.municipalityId, action: 'denied', detail: { asked: 'code', batchId: code.batchId, owner: code.municipalityId } });
      return void apiError(res, 404, 'not_found', 'codes.revokeNotFound');
    }
    const done = code !== undefined && own && code.revokedAt === null ? await store.revokeCode(hash, code.municipalityId) : false;
    if (done) for (const c of await store.conversationsOfCode(hash)) await rt.hub.endSession(c);
    await audit(store, {
      staffId: staff.staffId,
      municipalityId: staff.municipalityId,
      action: 'code.revoke',
      detail: { result: done ? 'revoked' : 'not_found', batchId: done && code ? code.batchId : null },
    });
    if (!done) return void apiError(res, 404, 'not_found', 'codes.revokeNotFound');
    res.json({ ok: true });
  }));

  // ---- preview ----

  const dialogueDeps = async (staff: StaffPrincipal) => {
    const m = staff.municipalityId ? await store.getMunicipality(staff.municipalityId) : undefined;
    return { engine: rt.engine, detectCrisis, municipality: m ? { name: m.name, phone: m.phone } : undefined };
  };

  r.post('/api/preview/start', route(async (req, res) => {
    const staff = staffOf(res);
    const body = PreviewStart.safeParse(req.body);
    if (!body.success) return void apiError(res, 400, 'bad_request', 'common.badRequest');
    const started = startPreview(await dialogueDeps(staff), body.data);
    if (!started.ok) return void apiError(res, 404, 'not_found', 'common.notFound');
    await store.setStaffPreview(staff.sessionId, started.record);
    await audit(store, {
      staffId: staff.staffId, municipalityId: staff.municipalityId, action: 'preview.start',
      detail: { flow: started.record.flow, locale: started.record.profile.locale, ageBand: started.record.profile.ageBand, step: body.data.step || null },
    });
    res.json(started.view);
  }));

  r.post('/api/preview/turn', route(async (req, res) => {
    const staff = staffOf(res);
    const body = PreviewInput.safeParse(req.body);
    if (!body.success) return void apiError(res, 400, 'bad_request', 'common.badRequest');
    const record = PreviewRecord.safeParse(await store.staffPreview(staff.sessionId));
    if (!record.success) return void apiError(res, 409, 'no_preview', 'preview.empty');
    const next = previewTurn(await dialogueDeps(staff), record.data, body.data);
    await store.setStaffPreview(staff.sessionId, next.record);
    res.json(next.view);
  }));

  // ---- flows: diagram and transcript tests ----

  const flowParam = (req: Request) => rt.engine.flow(`${String(req.params.persona)}/${String(req.params.module)}`);

  r.get('/api/flows/:persona/:module', route(async (req, res) => {
    const flow = flowParam(req);
    if (!flow) return void apiError(res, 404, 'not_found', 'common.notFound');
    const L = localeOf(res);
    res.json({
      key: flow.key, title: moduleTitle(rt.engine, flow, L), start: flow.start,
      steps: flow.steps.map((s) => ({ id: s.id, kind: s.kind })),
      mermaid: mermaidFor(rt.engine, flow, L), hasTests: findTranscriptFiles(ROOT, flow.key).length > 0,
    });
  }));

  r.post('/api/flows/:persona/:module/test', route(async (req, res) => {
    const staff = staffOf(res);
    const flow = flowParam(req);
    if (!flow) return void apiError(res, 404, 'not_found', 'common.notFound');
    const report = await runModuleTests(ROOT, rt.engine, flow.key);
    await audit(store, { staffId: staff.staffId, municipalityId: staff.municipalityId, action: 'flows.test', detail: { flow: flow.key, passed: report.passed, failed: report.failed } });
    res.json(report);
  }));

  // ---- statistics ----

  const statsScope = async (req: Request, res: Response) => {
    const staff = staffOf(res);
    const scope = await scopeOf(staff, req.query.municipality);
    if (!scope.ok) return scope;
    const municipalityId = scope.municipalityId ?? (await store.listMunicipalities())[0]?.id ?? null;
    if (!municipalityId) return { ok: false as const, status: 404 as const };
    const month = req.query.month === undefined || req.query.month === '' ? defaultMonth() : req.query.month;
    return { ok: true as const, staff, municipalityId, month: isMonth(month) ? month : null };
  };

  r.get('/api/stats', route(async (req, res) => {
    const s = await statsScope(req, res);
    if (!s.ok) return void apiError(res, s.status, s.status === 403 ? 'forbidden' : 'not_found', s.status === 403 ? 'common.forbidden' : 'common.notFound');
    if (!s.month) return void apiError(res, 400, 'bad_request', 'stats.badMonth');
    await audit(store, { staffId: s.staff.staffId, municipalityId: s.municipalityId, action: 'stats.view', detail: { month: s.month } });
    res.json(await monthStats(store, rt.engine, s.municipalityId, s.month));
  }));

  r.get('/api/stats.csv', route(async (req, res) => {
    const s = await statsScope(req, res);
    if (!s.ok) return void apiError(res, s.status, s.status === 403 ? 'forbidden' : 'not_found', s.status === 403 ? 'common.forbidden' : 'common.notFound');
    if (!s.month) return void apiError(res, 400, 'bad_request', 'stats.badMonth');
    await audit(store, { staffId: s.staff.staffId, municipalityId: s.municipalityId, action: 'stats.export', detail: { month: s.month } });
    res.set('Content-Disposition', `attachment; filename="lotsen-${s.municipalityId.replace(/[^a-z0-9-]/gi, '')}-${s.month}.csv"`);
    res.type('text/csv; charset=utf-8').send(statsCsv(await monthStats(store, rt.engine, s.municipalityId, s.month)));
  }));

  // ---- audit log (admins) ----

  const auditRows = async (before: unknown) => {
    const n = typeof before === 'string' && /^\d{1,15}$/.test(before) ? Number(before) : undefined;
    const rows = await store.listAudit({ before: n, limit: AUDIT_PAGE + 1 });
    return { rows: rows.slice(0, AUDIT_PAGE), hasOlder: rows.length > AUDIT_PAGE };
  };

  r.get('/api/audit', route(async (req, res) => {
    const staff = staffOf(res);
    if (staff.role !== 'admin') {
      await audit(store, { staffId: staff.staffId, municipalityId: staff.municipalityId, action: 'denied', detail: { asked: 'audit' } });
      return void apiError(res, 403, 'forbidden', 'common.forbidden');
    }
    const { rows, hasOlder } = await auditRows(req.query.before);
    await audit(store, { staffId: staff.staffId, municipalityId: staff.municipalityId, action: 'audit.view' });
    res.json({
      entries: rows.map((a) => ({ id: a.id, at: a.at, staffId: a.staff_id, username: a.username, actor: a.actor, municipalityId: a.municipality_id, action: a.action, detail: a.detail ? (JSON.parse(a.detail) as unknown) : null })),
      hasOlder,
    });
  }));

  r.use('/api', (_req, res) => void apiError(res, 404, 'not_found', 'common.notFound'));

  // ---- pages ----

  r.get('/', route(async (req, res) => {
    if (res.locals.staff) return void res.redirect(303, '/console/codes');
    const L = localeOf(res);
    const reason = req.query.reason;
    const notice = reason === 'signedout' ? { kind: 'info' as const, text: ct(L, 'signin.signedOut') } : reason === 'expired' || res.locals.sessionState === 'expired' ? { kind: 'info' as const, text: ct(L, 'signin.expired') } : null;
    html(res, 200, signinPage(await pageContext(req, res), notice));
  }));

  /** Pages need a session: without one, back to sign-in (saying why when a session just ran out). */
  const page = (fn: (req: Request, res: Response, staff: StaffPrincipal) => Promise<void>) =>
    route(async (req, res) => {
      const staff = res.locals.staff as StaffPrincipal | undefined;
      if (!staff) return void res.redirect(303, res.locals.sessionState === 'expired' ? '/console?reason=expired' : '/console');
      await fn(req, res, staff);
    });

  r.get('/codes', page(async (req, res) => void html(res, 200, codesPage(await pageContext(req, res)))));
  r.get('/preview', page(async (req, res) => void html(res, 200, previewPage(await pageContext(req, res), rt.engine))));

  r.get('/flows', page(async (req, res) => {
    const asked = typeof req.query.flow === 'string' ? rt.engine.flow(req.query.flow) : undefined;
    const flow = asked ?? rt.engine.flow('parent/base') ?? [...rt.engine.catalog.flows.values()][0];
    if (!flow) return void html(res, 404, forbiddenPage(await pageContext(req, res)));
    html(res, 200, flowsPage(await pageContext(req, res), rt.engine, flow, findTranscriptFiles(ROOT, flow.key).length > 0));
  }));

  r.get('/stats', page(async (req, res) => {
    const s = await statsScope(req, res);
    const ctx = await pageContext(req, res);
    if (!s.ok) return void html(res, s.status, forbiddenPage(ctx));
    if (!s.month) return void html(res, 400, statsPage(ctx, rt.engine, null, String(req.query.month ?? '').slice(0, 7), s.municipalityId, ct(ctx.locale, 'stats.badMonth')));
    await audit(store, { staffId: s.staff.staffId, municipalityId: s.municipalityId, action: 'stats.view', detail: { month: s.month } });
    html(res, 200, statsPage(ctx, rt.engine, await monthStats(store, rt.engine, s.municipalityId, s.month), s.month, s.municipalityId, null));
  }));

  r.get('/audit', page(async (req, res, staff) => {
    const ctx = await pageContext(req, res);
    if (staff.role !== 'admin') {
      await audit(store, { staffId: staff.staffId, municipalityId: staff.municipalityId, action: 'denied', detail: { asked: 'audit' } });
      return void html(res, 403, forbiddenPage(ctx));
    }
    const { rows, hasOlder } = await auditRows(req.query.before);
    await audit(store, { staffId: staff.staffId, municipalityId: staff.municipalityId, action: 'audit.view' });
    html(res, 200, auditPage(ctx, rows, hasOlder));
  }));

  return r;
}
