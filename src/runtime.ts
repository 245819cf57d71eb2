import { ConversationState } from 'botbuilder';
import pino, { type Logger } from 'pino';
import { LoginThrottle } from './access/throttle';
import { TokenService } from './access/tokens';
import { LotsenBot, type TurnScope } from './bot/bot';
import { DirectLineAdapter } from './channel/adapter';
import { ownMunicipality, type OwnMunicipality } from './channel/municipality';
import { ConversationHub } from './channel/directline/hub';
import { PgHub } from './channel/directline/pgHub';
import type { Config } from './config';
import { loadEngine, type FlowEngine } from './flows/engine';
import { isLocale } from './i18n/ui';
import { ROOT } from './paths';
import { detectCrisis } from './safety/crisis';
import { DbBotStorage } from './store/botStorage';
import { deriveKeys, loadMasterSecret, Sealer, type Keys } from './store/crypto';
import { openDb, type Db, type Tx } from './store/db';
import { Postgres } from './store/postgres';
import { DialogueState, type Effect } from './dialogue/types';
import { LotsenStore } from './store/store';

/** Everything a running server holds, built once at start. */
export interface Runtime {
  config: Config;
  log: Logger;
  keys: Keys;
  db: Db;
  store: LotsenStore;
  engine: FlowEngine;
  tokens: TokenService;
  throttle: LoginThrottle;
  hub: ConversationHub;
  adapter: DirectLineAdapter;
  bot: LotsenBot;
  secretCreated: boolean;
  /** The stored dialogue state of a Direct Line conversation (for tests and support tools). */
  conversationStateOf(conversationId: string): Promise<DialogueState | undefined>;
  close(): Promise<void>;
}

/** Where botbuilder's ConversationState keeps a Direct Line conversation's state; kept conversations use the same row. */
export const stateKey = (conversationId: string): string => `directline/conversations/${conversationId}/`;

export function createLogger(config: Config): Logger {
  // Logs carry ids and events, never what a user wrote: nothing logs activity text or bodies.
  return pino({ level: config.LOG_LEVEL, base: { service: 'lotsen' }, redact: { paths: ['req.headers.authorization', 'token', '*.token', 'code', '*.code'], remove: true } });
}

export async function createRuntime(config: Config, log: Logger = createLogger(config), engine: FlowEngine = loadEngine(ROOT)): Promise<Runtime> {
  const { master, created } = loadMasterSecret(config.LOTSEN_SECRET, config.LOTSEN_SECRET_FILE);
  const keys = deriveKeys(master);
  const db = await openDb(config.LOTSEN_DB);
  await db.migrate();
  const sealer = new Sealer(keys.data);
  const store = new LotsenStore(db, sealer);
  const tokens = new TokenService(keys.tokens, config.TOKEN_TTL_SECONDS);
  const throttle = new LoginThrottle(store, keys.ips, { perIp: config.LOGIN_FAILS_PER_IP, global: config.LOGIN_FAILS_GLOBAL, windowSeconds: config.LOGIN_WINDOW_SECONDS });
  // One instance (SQLite): turns queue and streams fan out in process. PostgreSQL: through the database, across instances.
  let hub: ConversationHub;
  if (db instanceof Postgres) {
    const pgHub = new PgHub(db, store, log);
    await pgHub.start();
    hub = pgHub;
  } else hub = new ConversationHub();
  const adapter = new DirectLineAdapter(store, hub, log);
  const unreadable = () => ({ dialogue: { unreadable: true } });
  // A state row that does not open or parse reaches the dialogue core as a state it rejects: it apologizes and starts over.
  const botStorage = new DbBotStorage(db, sealer, { unreadable });
  const conversationState = new ConversationState(botStorage);

  // Municipalities change seldom (never, from the product itself): read each at most once a minute, not every turn.
  const municipalities = new Map<string, { at: number; value: Promise<OwnMunicipality | null> }>();
  const municipalityOf = (id: string) => {
    const hit = municipalities.get(id);
    if (hit && Date.now() - hit.at < 60_000) return hit.value;
    const value = ownMunicipality(store, id);
    municipalities.set(id, { at: Date.now(), value });
    value.catch(() => municipalities.delete(id));
    return value;
  };

  const resolveScope = async (context: { activity: { conversation?: { id?: string }; locale?: string } }): Promise<TurnScope> => {
    const conversationId = context.activity.conversation?.id ?? '';
    const key = stateKey(conversationId);
    const [conversation, stored] = await Promise.all([store.getConversation(conversationId), store.readState(key, unreadable)]);
    const asked = context.activity.locale?.toLowerCase().split('-')[0];
    if (!conversation) {
      // Not a code holder's conversation (the Emulator, Azure channels): a parent, nothing stored beyond bot state.
      return { profile: { persona: 'parent', ageBand: null, locale: isLocale(asked) ? asked : 'sv' } };
    }
    let locale = conversation.locale;
    if (isLocale(asked) && asked !== locale) {
      locale = asked;
      await store.setLocale(conversation.id, locale);
    }
    const recordEffects = (effects: Effect[]) => async (tx: Tx) => {
      for (const e of effects) {
        if (e.type === 'note') await store.saveNote(conversation.id, e, tx);
        else if (e.type === 'checkin') await store.saveCheckin(conversation.id, e, tx);
        else if (e.type === 'plan') await store.savePlanItem(conversation.id, e.field, e.text, tx);
        else if (e.event !== 'step') {
          await store.recordStat({ municipalityId: conversation.municipalityId, event: e.event, persona: conversation.persona, locale, flow: e.flow, step: e.step, category: e.category }, tx);
        }
      }
    };
    return {
      profile: { persona: conversation.persona, ageBand: conversation.ageBand, locale },
      municipality: (await municipalityOf(conversation.municipalityId)) ?? undefined,
      kept: {
        stored: stored?.value.dialogue,
        commit: (turnContext, outcome) =>
          adapter.commitTurn(turnContext, { state: { key, value: { dialogue: outcome.state }, eTag: stored?.eTag }, where: outcome.where, activities: outcome.activities }, recordEffects(outcome.effects)),
      },
    };
  };
  const bot = new LotsenBot(conversationState, { engine, detectCrisis }, resolveScope);

  return {
    config, log, keys, db, store, engine, tokens, throttle, hub, adapter, bot,
    secretCreated: created,
    conversationStateOf: async (conversationId) => {
      const parsed = DialogueState.safeParse((await store.readState(stateKey(conversationId), unreadable))?.value.dialogue);
      return parsed.success ? parsed.data : undefined;
    },
    close: async () => {
      await hub.close();
      await db.close();
    },
  };
}
