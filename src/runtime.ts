import type { Logger } from 'pino';
import { Sessions } from './access/sessions';
import { LoginThrottle } from './access/throttle';
import { TokenService } from './access/tokens';
import type { LotsenBot } from './bot/bot';
import type { DirectLineAdapter } from './channel/adapter';
import { ConversationHub } from './channel/directline/hub';
import { PgHub } from './channel/directline/pgHub';
import { sessionLimitsOf, type Config } from './config';
import { loadEngine, type FlowEngine } from './flows/engine';
import { createLogger } from './log';
import { ROOT } from './paths';
import { deriveKeys, loadMasterSecret, Sealer, type Keys } from './store/crypto';
import { openDb, type Db } from './store/db';
import { Postgres } from './store/postgres';
import { Sqlite } from './store/sqlite';
import { DialogueState } from './dialogue/types';
import { LotsenStore } from './store/store';
import { createTurnPipeline, stateKey, unreadable } from './turns/pipeline';
import { InProcessTurns, WorkerTurns, type TurnRunner } from './turns/runner';

/** Everything a running server holds, built once at start. */
export interface Runtime {
  config: Config;
  log: Logger;
  keys: Keys;
  db: Db;
  store: LotsenStore;
  engine: FlowEngine;
  tokens: TokenService;
  /** Code holders' login sessions: start, activity, renewal, when each ends. */
  sessions: Sessions;
  throttle: LoginThrottle;
  hub: ConversationHub;
  adapter: DirectLineAdapter;
  bot: LotsenBot;
  /** Where Direct Line turns run: a worker thread for a SQLite file, else the event loop. */
  turns: TurnRunner;
  secretCreated: boolean;
  /** The stored dialogue state of a Direct Line conversation (for tests and support tools). */
  conversationStateOf(conversationId: string): Promise<DialogueState | undefined>;
  close(): Promise<void>;
}

export { createLogger, stateKey };

/** One instance (SQLite): turns queue and streams fan out in process. PostgreSQL: through the database, across instances. */
async function hubFor(db: Db, store: LotsenStore, log: Logger): Promise<ConversationHub> {
  if (!(db instanceof Postgres)) return new ConversationHub();
  const hub = new PgHub(db, store, log);
  await hub.start();
  return hub;
}

/** Builds the server's parts. `given`: flows loaded already (tests load them once per file); else they load from the project, as the turn worker always does. */
export async function createRuntime(config: Config, log: Logger = createLogger(config), given?: FlowEngine): Promise<Runtime> {
  const { master, created } = loadMasterSecret(config.LOTSEN_SECRET, config.LOTSEN_SECRET_FILE);
  const keys = deriveKeys(master);
  const db = await openDb(config.LOTSEN_DB);
  await db.migrate();
  const sealer = new Sealer(keys.data);
  const store = new LotsenStore(db, sealer, sessionLimitsOf(config));
  const hub = await hubFor(db, store, log);
  // A SQLite file: turns run in a worker thread on their own connection (src/turns/runner.ts); else on the event loop.
  // It starts now, once the file is migrated, and loads its modules and flows while this thread loads its own.
  const useWorker = config.TURN_WORKER && db instanceof Sqlite && db.file !== ':memory:';
  const starting = useWorker ? WorkerTurns.start(config, keys.data, hub, log) : null;
  starting?.catch(() => undefined); // awaited below; this only keeps it from counting as unhandled meanwhile
  const engine = given ?? loadEngine(ROOT);
  const tokens = new TokenService(keys.tokens, config.TOKEN_TTL_SECONDS);
  const sessions = new Sessions(store, tokens);
  const throttle = new LoginThrottle(store, keys.ips, { perIp: config.LOGIN_FAILS_PER_IP, global: config.LOGIN_FAILS_GLOBAL, windowSeconds: config.LOGIN_WINDOW_SECONDS });
  const { adapter, bot } = createTurnPipeline({ db, store, sealer, engine, hub, log });
  let turns: TurnRunner;
  try {
    turns = starting ? await starting : new InProcessTurns({ adapter, bot });
  } catch (err) {
    await db.close();
    throw err;
  }

  return {
    config, log, keys, db, store, engine, tokens, sessions, throttle, hub, adapter, bot, turns,
    secretCreated: created,
    conversationStateOf: async (conversationId) => {
      const parsed = DialogueState.safeParse((await store.readState(stateKey(conversationId), unreadable))?.value.dialogue);
      return parsed.success ? parsed.data : undefined;
    },
    close: async () => {
      await turns.close();
      await hub.close();
      await db.close();
    },
  };
}
