import { ConversationState, type Storage } from 'botbuilder';
import type { FlowEngine } from '../flows/engine';
import { isLocale } from '../i18n/ui';
import { detectCrisis } from '../safety/crisis';
import { LotsenBot, type TurnScope } from './bot';

/**
 * The bot for the Bot Framework channel (`POST /api/messages`: the Emulator, Azure Bot Service). Its conversations
 * are a namespace of their own: their state lives in `storage` only (never in the store), and a turn here never
 * looks up a code holder's conversation, whatever id it names, so it reads and writes no Direct Line transcript,
 * dialogue, note or statistic. Everyone here is an anonymous parent; effects (notes, statistics) are not kept.
 */
export function createBotFrameworkBot(parts: { engine: FlowEngine; storage: Storage }): LotsenBot {
  const resolveScope = async (context: { activity: { locale?: string } }): Promise<TurnScope> => {
    const asked = context.activity.locale?.toLowerCase().split('-')[0];
    return { profile: { persona: 'parent', ageBand: null, locale: isLocale(asked) ? asked : 'sv' } };
  };
  return new LotsenBot(new ConversationState(parts.storage), { engine: parts.engine, detectCrisis }, resolveScope);
}
