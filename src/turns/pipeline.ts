import { ConversationState } from 'botbuilder';
import type { Logger } from 'pino';
import { LotsenBot, type TurnScope } from '../bot/bot';
import { DirectLineAdapter } from '../channel/adapter';
import type { ConversationHub } from '../channel/directline/hub';
import { ownMunicipality, type OwnMunicipality } from '../channel/municipality';
import type { Effect } from '../dialogue/types';
import type { FlowEngine } from '../flows/engine';
import { isLocale } from '../i18n/ui';
import { detectCrisis } from '../safety/crisis';
import { DbBotStorage } from '../store/botStorage';
import type { Sealer } from '../store/crypto';
import type { Db, Tx } from '../store/db';
import type { LotsenStore } from '../store/store';

/** Where botbuilder's ConversationState keeps a Direct Line conversation's state; kept conversations use the same row. */
export const stateKey = (conversationId: string): string => `directline/conversations/${conversationId}/`;

/** What `readState` gives for a state row that does not open or parse: the dialogue core rejects it, apologizes and starts over. */
export const unreadable = () => ({ dialogue: { unreadable: true } });

/** What runs a turn: the adapter (store, then publish) and the bot. */
export interface TurnPipeline {
  adapter: DirectLineAdapter;
  bot: LotsenBot;
}

/** The adapter and bot over one store: the same on the event loop and in the turn worker. */
export function createTurnPipeline(parts: { db: Db; store: LotsenStore; sealer: Sealer; engine: FlowEngine; hub: ConversationHub; log: Logger }): TurnPipeline {
  const { db, store, sealer, engine, hub, log } = parts;
  const adapter = new DirectLineAdapter(store, hub, log);
  const conversationState = new ConversationState(new DbBotStorage(db, sealer, { unreadable }));

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
  return { adapter, bot: new LotsenBot(conversationState, { engine, detectCrisis }, resolveScope) };
}
