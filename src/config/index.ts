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
  /** `production` turns `POST /api/messages` off unless an app id is set; anything else is development. */
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
}).superRefine((c, ctx) => {
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
  const parsed = ConfigSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Configuration error:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
