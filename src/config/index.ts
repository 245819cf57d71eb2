import { isIP } from 'node:net';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Names express's `trust proxy` knows for ranges of addresses. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One entry of a `trust proxy` list: a range name, an address, or an address with a prefix length or (IPv4) netmask. */
function proxyEntryOk(entry: string): boolean {
  if (PROXY_RANGES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (/^\d{1,3}$/.test(bits)) return Number(bits) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(bits) === 4;
}

/**
 * Express's `trust proxy`, as it reads it: `true` (every hop: only when the proxy in front replaces the client's
 * X-Forwarded-For), `false`, a number of hops, or a comma-separated list of proxy addresses and subnets.
 */
const trustProxy = z.string().transform((v, ctx): boolean | number | string[] => {
  const value = v.trim();
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const list = value.split(',').map((e) => e.trim()).filter((e) => e !== '');
  if (list.length > 0 && list.every(proxyEntryOk)) return list;
  ctx.addIssue({ code: 'custom', message: 'true, false, a number of hops, or a comma-separated list of addresses, subnets (10.0.0.0/8) and loopback, linklocal, uniquelocal' });
  return z.NEVER;
});

/** The address people open, as an origin: http(s), a host and maybe a port, nothing after it. */
const publicUrl = z.string().transform((v, ctx) => {
  let url: URL | null = null;
  try {
    url = new URL(v);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.pathname !== '/' || url.search || url.hash || v.includes('?') || v.includes('#')) {
    ctx.addIssue({ code: 'custom', message: 'an origin such as https://lotsen.example.se (http or https, no path, query or credentials)' });
    return z.NEVER;
  }
  return url.origin;
});

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
  TRUST_PROXY: trustProxy.default(false),
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
  /**
   * Create the demo municipality and its codes (see DEMO_CODE_DAYS) and print them at start. On by default for
   * development (`npm start` on a fresh clone); with NODE_ENV=production off unless set (see `loadConfig`).
   */
  LOTSEN_DEMO: bool.default(true),
  /**
   * With a SQLite file: run turns (bot, dialogue and their writes) in a worker thread with its own connection, so that
   * HTTP and the streams keep the event loop. `false` runs them on the event loop (as always with PostgreSQL).
   */
  TURN_WORKER: bool.default(true),
  /** Largest accepted JSON body. */
  BODY_LIMIT: z.string().default('16kb'),
  /**
   * `production`: `POST /api/messages` is off unless an app id is set, the demo is off by default and PUBLIC_URL is
   * required. Anything else is development.
   */
  NODE_ENV: z.string().default('development'),
  // The Bot Framework channel (`POST /api/messages`: Azure Bot Service, the Emulator), named as botbuilder names them.
  /**
   * The bot's app id in Azure Bot Service. Set: every request must carry a Bot Framework token for it (else 401).
   * Unset: the endpoint is off in production and, in development, answers only a loopback serviceUrl (the Emulator).
   */
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  /** The app's Entra ID tenant: needed for `SingleTenant` and `UserAssignedMsi`. */
  MicrosoftAppTenantId: z.string().optional(),
  /** `MultiTenant` (botbuilder's default), `SingleTenant` or `UserAssignedMsi`; any case. */
  MicrosoftAppType: z
    .string()
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.enum(['multitenant', 'singletenant', 'userassignedmsi']))
    .transform((v) => ({ multitenant: 'MultiTenant', singletenant: 'SingleTenant', userassignedmsi: 'UserAssignedMsi' })[v])
    .optional(),
  /** How many of that channel's conversations are kept (in memory); beyond it the one used longest ago is forgotten. */
  BOTFRAMEWORK_CONVERSATIONS_MAX: z.coerce.number().int().positive().default(1000),
  /** A conversation of that channel not used for this long is forgotten (it starts again at the welcome). */
  BOTFRAMEWORK_CONVERSATION_TTL_SECONDS: z.coerce.number().int().positive().default(86_400),
  /**
   * The address people open (`https://lotsen.example.se`): absolute URLs (the stream URL) are built from it, never from
   * a request's Host header. Required in production; without it in development, from the address the request reached.
   */
  PUBLIC_URL: publicUrl.optional(),
  /** A code holder's session ends after this long without a message from them (a token refresh is not one)… */
  SESSION_IDLE_SECONDS: z.coerce.number().int().min(60).max(86_400).default(1800),
  /** …and at the latest this long after login, however active: then the code is needed again. */
  SESSION_MAX_SECONDS: z.coerce.number().int().min(60).max(7 * 86_400).default(8 * 3600),
  /** The demo codes stop working this many days after they were first made. */
  DEMO_CODE_DAYS: z.coerce.number().int().positive().max(3650).default(30),
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
}).superRefine((c, ctx) => {
  if (c.SESSION_IDLE_SECONDS > c.SESSION_MAX_SECONDS) ctx.addIssue({ code: 'custom', path: ['SESSION_IDLE_SECONDS'], message: 'must not be longer than SESSION_MAX_SECONDS' });
  if (c.NODE_ENV === 'production' && c.PUBLIC_URL === undefined) ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'required in production: the address people open, e.g. https://lotsen.example.se' });
  // Checked here rather than by botbuilder at the first request, and so that a setting given without the app id
  // it belongs to (a typo in the name) never leaves the endpoint open without authentication.
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (!c.MicrosoftAppId) {
    for (const key of ['MicrosoftAppPassword', 'MicrosoftAppTenantId', 'MicrosoftAppType'] as const) if (c[key]) issue(key, `${key} is set but MicrosoftAppId is not`);
    return;
  }
  if (c.MicrosoftAppType === 'UserAssignedMsi') {
    if (!c.MicrosoftAppTenantId) issue('MicrosoftAppTenantId', 'UserAssignedMsi needs MicrosoftAppTenantId');
    if (c.MicrosoftAppPassword) issue('MicrosoftAppPassword', 'UserAssignedMsi takes no MicrosoftAppPassword');
  } else if (!c.MicrosoftAppPassword) {
    issue('MicrosoftAppPassword', `${c.MicrosoftAppType ?? 'MultiTenant'} needs MicrosoftAppPassword`);
  } else if (c.MicrosoftAppType === 'SingleTenant' && !c.MicrosoftAppTenantId) {
    issue('MicrosoftAppTenantId', 'SingleTenant needs MicrosoftAppTenantId');
  }
});
export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Record<keyof Config, string>> = {}): Config {
  const source: Record<string, string | undefined> = {};
  for (const key of Object.keys(ConfigSchema.shape)) source[key] = overrides[key as keyof Config] ?? env[key];
  for (const key of Object.keys(source)) if (source[key] === '') delete source[key];
  // The demo's default depends on where it runs: a fresh clone shows its codes, a production server does not.
  if (source.LOTSEN_DEMO === undefined) source.LOTSEN_DEMO = source.NODE_ENV === 'production' ? 'false' : 'true';
  const parsed = ConfigSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Configuration error:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** How long a code holder's session lasts, in milliseconds. */
export interface SessionLimits {
  idleMs: number;
  lifetimeMs: number;
}

export const sessionLimitsOf = (c: Pick<Config, 'SESSION_IDLE_SECONDS' | 'SESSION_MAX_SECONDS'>): SessionLimits => ({
  idleMs: c.SESSION_IDLE_SECONDS * 1000,
  lifetimeMs: c.SESSION_MAX_SECONDS * 1000,
});

/** The schema's own defaults, for a store opened without a configuration of its own. */
export const DEFAULT_SESSION_SETTINGS = {
  SESSION_IDLE_SECONDS: ConfigSchema.shape.SESSION_IDLE_SECONDS.parse(undefined),
  SESSION_MAX_SECONDS: ConfigSchema.shape.SESSION_MAX_SECONDS.parse(undefined),
};
