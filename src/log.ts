import pino, { type Logger } from 'pino';
import type { Config } from './config';

/** The server's logger (the event loop's and the turn worker's). */
export function createLogger(config: Config): Logger {
  // Logs carry ids and events, never what a user wrote: nothing logs activity text or bodies.
  return pino({ level: config.LOG_LEVEL, base: { service: 'lotsen' }, redact: { paths: ['req.headers.authorization', 'token', '*.token', 'code', '*.code'], remove: true } });
}
