import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting, from the environment, with its default. The one place defaults live. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
  /** Where data lives: a SQLite file (`:memory:` for tests), or a `postgres://` URL for several instances on one database. */
  LOTSEN_DB: z.string().default('./data/lotsen.db'),
  /** Master secret (≥ 32 bytes, base64 or hex). Without it a key file is created on first start. */
  LOTSEN_SECRET: z.string().min(32).optional(),
  LOTSEN_SECRET_FILE: z.string().default('./.secrets/lotsen.key'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(1800).default(1800),
  /** Failed logins per address in the window before 429. */
  LOGIN_FAILS_PER_IP: z.coerce.number().int().positive().default(10),
  /** Failed logins from all addresses in the window before 429 for everyone failing. */
  LOGIN_FAILS_GLOBAL: z.coerce.number().int().positive().default(500),
  /** At most a day: attempts older than that are deleted with the daily purge. */
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().positive().max(86_400).default(900),
  /**
   * Staff sign-in: failed attempts per username, and per address, within the window before 429. A browser in which
   * that staff member has signed in before is not held by its address's count (it has its own, of the per-username
   * size), so failures behind a contact centre's one shared address do not lock out the colleagues.
   */
  CONSOLE_SIGNIN_FAILS_PER_USER: z.coerce.number().int().positive().default(5),
  CONSOLE_SIGNIN_FAILS_PER_IP: z.coerce.number().int().positive().default(20),
  /** At most 12 hours: staff sign-in attempts older than that are deleted when a session starts. */
  CONSOLE_SIGNIN_WINDOW_SECONDS: z.coerce.number().int().positive().max(43_200).default(900),
  /** Set when behind a reverse proxy (e.g. `1` for one hop), so client addresses and https are seen. */
  TRUST_PROXY: z.string().default('false'),
  PURGE_INACTIVE_DAYS: z.coerce.number().int().positive().default(365),
  /**
   * Staff audit entries older than this many days are deleted with the purge; 0 (the default) keeps them, since a
   * municipality's own rules on keeping records (gallring) decide how long.
   */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(0).default(0),
  PURGE_INTERVAL_HOURS: z.coerce.number().min(0).default(24),
  DEMO_MUNICIPALITY_NAME: z.string().default('Demokommunen'),
  /** The contact centre's number, named in help answers; empty (the default) names none rather than a made-up number. */
  DEMO_MUNICIPALITY_PHONE: z.string().default(''),
  /** Create the demo municipality and print demo codes on an empty database. */
  LOTSEN_DEMO: bool.default(true),
  /**
   * With a SQLite file: run turns (bot, dialogue and their writes) in a worker thread with its own connection, so that
   * HTTP and the streams keep the event loop. `false` runs them on the event loop (as always with PostgreSQL).
   */
  TURN_WORKER: bool.default(true),
  /** Largest accepted JSON body. */
  BODY_LIMIT: z.string().default('16kb'),
  // ---- what a Direct Line client may post and stream ----
  /** Activities one login session may post per minute (typing included), and at once after a pause (the burst); 0 turns the limit off. */
  ACTIVITIES_PER_MINUTE_SESSION: z.coerce.number().int().min(0).default(30),
  /** Activities one conversation may take per minute from all its sessions together; 0 turns the limit off. */
  ACTIVITIES_PER_MINUTE_CONVERSATION: z.coerce.number().int().min(0).default(60),
  ACTIVITY_BURST: z.coerce.number().int().positive().default(20),
  /** Largest activity a client may post, as JSON in bytes; larger ones get 400. */
  ACTIVITY_MAX_BYTES: z.coerce.number().int().positive().default(8192),
  /** Most `entities` one activity may carry (Web Chat sends one). */
  ACTIVITY_MAX_ENTITIES: z.coerce.number().int().min(0).default(5),
  /** Deepest nesting of objects and arrays in an activity's `value` (a button press is `{ action }`, depth 1). */
  ACTIVITY_MAX_VALUE_DEPTH: z.coerce.number().int().positive().default(4),
  /** Open streams (WebSockets) one login session may hold on one instance; more are answered 429. */
  STREAMS_PER_SESSION: z.coerce.number().int().positive().default(4),
  /** Largest stream frame of a replay, in bytes (a frame holds at least one activity): a long transcript goes in several frames. */
  STREAM_FRAME_BYTES: z.coerce.number().int().min(1024).default(65_536),
});
export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Record<keyof Config, string>> = {}): Config {
  const source: Record<string, string | undefined> = {};
  for (const key of Object.keys(ConfigSchema.shape)) source[key] = overrides[key as keyof Config] ?? env[key];
  for (const key of Object.keys(source)) if (source[key] === '') delete source[key];
  const parsed = ConfigSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Configuration error:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
