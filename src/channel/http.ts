import type { NextFunction, Request, Response } from 'express';
import { pickLocale, uiText } from '../i18n/ui';
import type { Locale } from '../flows/schema';

/** The locale a client prefers: an explicit value, else Accept-Language, else Swedish. */
export function requestLocale(req: Request, explicit?: unknown): Locale {
  if (typeof explicit === 'string') return pickLocale(explicit);
  const header = req.headers['accept-language'];
  return pickLocale(typeof header === 'string' ? header.split(',')[0] : undefined);
}

export type ApiErrorKey = 'badRequest' | 'tooLarge' | 'unauthorized' | 'forbidden' | 'sessionEnded' | 'notFound' | 'tooMany' | 'conflict';

/** A JSON error in the Direct Line shape, with a message in the client's language. */
export function sendError(req: Request, res: Response, status: number, code: string, key: ApiErrorKey, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ error: { code, message: uiText(requestLocale(req), `api.${key}`), ...extra } });
}

/** Last error handler: body-parser failures become precise 4xx; anything else is a 500 that logs no user data. */
export function errorHandler(log: { error: (obj: object, msg: string) => void }) {
  return (err: Error & { type?: string; status?: number }, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(err);
    if (err.type === 'entity.too.large') return sendError(req, res, 413, 'PayloadTooLarge', 'tooLarge');
    if (err.type === 'entity.parse.failed' || err.type === 'encoding.unsupported' || err.type === 'charset.unsupported') return sendError(req, res, 400, 'BadArgument', 'badRequest');
    if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) return sendError(req, res, err.status, 'BadArgument', 'badRequest');
    const requestId = (req as Request & { id?: string }).id;
    log.error({ requestId, err: { name: err.name, message: err.message, stack: err.stack } }, 'request failed');
    res.status(500).json({ error: { code: 'ServiceError', message: uiText(requestLocale(req), 'errors.turn'), requestId } });
  };
}

/** Wraps an async handler so a rejected promise reaches the error handler. */
export const route =
  (fn: (req: Request, res: Response) => Promise<void>) =>
  (req: Request, res: Response, next: NextFunction): void => {
    fn(req, res).catch(next);
  };
