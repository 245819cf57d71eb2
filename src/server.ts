import { randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import { loginRouter } from './access/login';
import { attachStream, directLineLimits, directLineRouter } from './channel/directline/routes';
import { errorHandler, route, sendError } from './channel/http';
import { preparedDirectory, preparedFile } from './channel/static';
import { meRouter } from './channel/me';
import { botFrameworkRouter } from './channel/messages';
import { configurePublicUrl } from './channel/publicUrl';
import { startPageMunicipality } from './channel/municipality';
import { consoleRouter } from './console/routes';
import { projectPath } from './paths';
import type { Runtime } from './runtime';
import { isLocale, uiText } from './i18n/ui';
import { LOCALES, type Locale } from './flows/schema';

export const WEBCHAT_BUNDLE = projectPath('node_modules', 'botframework-webchat', 'dist', 'webchat-minimal.js');

/**
 * A middleware that sets the same headers on every response (helmet, with a configuration fixed at start), run
 * once against a recording response; the returned one sets what it recorded. Throws at start if the middleware
 * needs a request or does not finish at once, so it can never silently set less.
 */
export function fixedHeaders(middleware: RequestHandler): RequestHandler {
  const set: Array<[string, string | number | readonly string[]]> = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => set.push([name, value]),
    removeHeader: (name: string) => removed.push(name),
  };
  let finished = false;
  const req = new Proxy(
    {},
    {
      get: (_target, prop) => {
        throw new Error(`fixedHeaders: the middleware reads req.${String(prop)}`);
      },
    },
  );
  void middleware(req as Request, recorder as unknown as Response, (err?: unknown) => {
    if (err) throw err;
    finished = true;
  });
  if (!finished || set.length === 0) throw new Error('fixedHeaders: the middleware did not set its headers at once');
  return (_req, res, next) => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}

/** Features the page never uses, off for it and anything it could load (videos keep fullscreen and picture-in-picture). */
const PERMISSIONS_POLICY = [
  'accelerometer', 'browsing-topics', 'camera', 'display-capture', 'geolocation', 'gyroscope', 'hid', 'magnetometer',
  'microphone', 'midi', 'payment', 'publickey-credentials-get', 'screen-wake-lock', 'serial', 'usb', 'xr-spatial-tracking',
].map((feature) => `${feature}=()`).join(', ');

const permissionsPolicy: RequestHandler = (_req, res, next) => {
  res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
  next();
};

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const FORWARDING = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip', 'via'];

/** A connection from this machine that carries no sign of having come through a proxy (a proxy on this machine would look local). */
function fromThisMachine(req: Request): boolean {
  return LOOPBACK.has(req.socket.remoteAddress ?? '') && FORWARDING.every((h) => req.headers[h] === undefined);
}

/** The express app and HTTP server: web page, login, Direct Line, Emulator endpoint. */
export function createServer(rt: Runtime) {
  const app = express();
  app.disable('x-powered-by');
  // Dynamic JSON is never revalidated (API answers are no-store); static files keep their own ETags.
  app.set('etag', false);
  app.set('trust proxy', rt.config.TRUST_PROXY);
  configurePublicUrl(app, rt.config.PUBLIC_URL ?? null);

  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    req.id = randomUUID();
    res.set('X-Request-Id', req.id);
    next();
  });
  app.use(
    fixedHeaders(helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Web Chat styles itself with generated <style> elements.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          mediaSrc: ["'self'", 'blob:'],
          // The stream is a WebSocket to this same origin, which 'self' covers (CSP Level 3).
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      },
      // HSTS only matters over https; browsers ignore it on http.
      strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
      referrerPolicy: { policy: 'no-referrer' },
      // The same as frame-ancestors 'none', for browsers that know only this header.
      xFrameOptions: { action: 'deny' },
      crossOriginEmbedderPolicy: false,
    })),
  );
  app.use(permissionsPolicy);
  app.use(['/api', '/v3'], (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  const json = express.json({ limit: rt.config.BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  const deps = { store: rt.store, tokens: rt.tokens, sessions: rt.sessions, hub: rt.hub, turns: rt.turns, log: rt.log, limits: directLineLimits(rt.config) };
  // A chat's every turn comes this way: first in line, so its requests pass no other route on the way.
  app.use('/v3/directline', json);
  app.use(directLineRouter(deps));

  // For load balancers and monitors: up or not, nothing about use.
  app.get('/healthz', (_req, res) => {
    res.type('text/plain').send('ok');
  });
  // How many modules and open streams: only to a client on this machine that did not come through a proxy.
  app.get('/healthz/details', (req, res) => {
    if (!fromThisMachine(req)) return sendError(req, res, 404, 'NotFound', 'notFound');
    res.set('Cache-Control', 'no-store');
    res.json({ status: 'ok', modules: rt.engine.catalog.flows.size, streams: rt.hub.streams() });
  });

  const webchat = preparedFile(WEBCHAT_BUNDLE, 'application/javascript; charset=utf-8');
  app.get('/vendor/webchat.js', webchat.handler);
  app.get('/captions/:file', (req, res) => {
    const file = String(req.params.file);
    if (!/^[a-z0-9-]+\.(sv|en|ar)\.vtt$/.test(file)) return sendError(req, res, 404, 'NotFound', 'notFound');
    res.type('text/vtt; charset=utf-8').sendFile(projectPath('content', 'videos', file), (err) => {
      if (err && !res.headersSent) sendError(req, res, 404, 'NotFound', 'notFound');
    });
  });
  // Before login: the start page's municipality, if the server has one only. The code holder's own comes with login and resume.
  app.get('/api/config', route(async (_req, res) => {
    res.json({ locales: ['sv', 'en', 'ar'], municipality: await startPageMunicipality(rt.store) });
  }));
  // Module titles and reflection questions (public content), so the notes page can name what each note answers.
  app.get('/api/modules/:locale', (req, res) => {
    const locale = String(req.params.locale);
    if (!isLocale(locale)) return sendError(req, res, 404, 'NotFound', 'notFound');
    const modules: Record<string, { title: string; questions: Record<string, string> }> = {};
    for (const flow of rt.engine.catalog.flows.values()) {
      const content = rt.engine.catalog.content[locale].get(flow.key);
      if (!content) continue;
      const questions: Record<string, string> = {};
      for (const step of flow.steps) {
        const text = step.kind === 'reflect' ? content.steps[step.id]?.text : undefined;
        if (text !== undefined) questions[step.id] = Array.isArray(text) ? text.join(' ') : String(text);
        // A practice's follow-up answer is filed under its step: "How it went to try: worry time …".
        const practice = step.kind === 'choice' && step.practice ? content.steps[step.id]?.practice : undefined;
        if (practice !== undefined) questions[step.id] = uiText(locale, 'practice.noteQuestion', { title: practice });
      }
      modules[flow.key] = { title: content.title, questions };
    }
    res.set('Cache-Control', 'no-cache');
    res.json(modules);
  });
  const strings = new Map(LOCALES.map((l) => [l, preparedFile(projectPath('locales', l, 'ui.json'), 'application/json; charset=utf-8', 'no-cache')]));
  app.get('/api/strings/:locale', (req, res) => {
    const prepared = strings.get(String(req.params.locale) as Locale);
    if (!prepared) return sendError(req, res, 404, 'NotFound', 'notFound');
    prepared.handler(req, res);
  });

  app.use(['/api/login', '/api/resume'], json);
  app.use(loginRouter({ ...deps, throttle: rt.throttle, codeKey: rt.keys.codes }));
  app.use('/api/me', json);
  app.use(meRouter(deps, rt.engine));
  app.use('/console', consoleRouter(rt));

  // The Bot Framework Emulator and Azure Bot Service (src/channel/messages.ts): off in production without an app id.
  const botFramework = botFrameworkRouter({ config: rt.config, engine: rt.engine, log: rt.log });
  if (botFramework) app.use(botFramework);

  app.use(preparedDirectory(projectPath('public')).handler);
  app.use(['/api', '/v3'], (req, res) => sendError(req, res, 404, 'NotFound', 'notFound'));
  app.use(errorHandler(rt.log));

  const server = http.createServer(app);
  const stream = attachStream(deps, { publicUrl: rt.config.PUBLIC_URL ?? null });
  server.on('upgrade', (req, socket, head) => stream.handleUpgrade(req, socket, head));
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;

  return {
    app,
    server,
    webchatBytes: { raw: webchat.bytes, gzip: webchat.gzipBytes },
    listen: (port: number, host: string) =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      stream.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

export const publicDir = () => path.join(projectPath('public'));
