import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { Place } from '../bot/bot';
import type { StateRow } from '../store/botStorage';
import type { Tx } from '../store/db';
import { uiText, isLocale } from '../i18n/ui';
import { StoreUnavailableError } from '../store/db';
import type { LotsenStore } from '../store/store';
import type { StoredActivity } from '../store/types';
import type { ConversationHub } from './directline/hub';

export const BOT_ACCOUNT = { id: 'lotsen', name: 'Lotsen', role: 'bot' };
export const CHANNEL_ID = 'directline';

/** In a turn's state: the user's activity that started the turn, still to be stored with the turn's first write. */
const UNSTORED = Symbol('lotsen.unstoredUserActivity');
/** In a turn's state: that activity once stored (with its id), for later replies of the same turn to answer. */
const STORED = Symbol('lotsen.storedUserActivity');

/**
 * The in-process adapter behind our Direct Line endpoint: a bot reply is appended to the transcript
 * (durable) before it is published to the conversation's streams.
 */
export class DirectLineAdapter extends BotAdapter {
  constructor(
    private readonly store: LotsenStore,
    private readonly hub: ConversationHub,
    private readonly log: Logger,
  ) {
    super();
    this.onTurnError = async (context, error) => this.reportTurnError(context, error);
  }

  async sendActivities(context: TurnContext, activities: Array<Partial<Activity>>): Promise<ResourceResponse[]> {
    const conversationId = context.activity.conversation.id;
    const user = context.turnState.get(UNSTORED) as Partial<Activity> | undefined;
    const stored = await this.store.appendActivities(conversationId, this.stamp(context, activities), 'bot', user);
    await this.hub.publish(conversationId, stored);
    return this.settle(context, user, stored).map((s) => ({ id: String(s.activity.id) }));
  }

  /**
   * Commits a whole turn of a kept conversation in one transaction (the user's activity, the dialogue state, what
   * `effects` writes, the conversation's place and the bot's replies), then delivers it all: nothing of a turn is
   * seen, or acknowledged, before all of it is stored.
   */
  async commitTurn(context: TurnContext, turn: { state: StateRow; where: Place; activities: Array<Partial<Activity>> }, effects: (tx: Tx) => Promise<void>): Promise<void> {
    const conversationId = context.activity.conversation.id;
    const user = context.turnState.get(UNSTORED) as Partial<Activity> | undefined;
    const { stored } = await this.store.commitTurn(conversationId, { ...turn, user, activities: this.stamp(context, turn.activities) }, effects);
    await this.hub.publish(conversationId, stored);
    this.settle(context, user, stored);
  }

  /** After a successful write: marks the user's activity stored (it led `stored`) and gives the bot's part. */
  private settle(context: TurnContext, user: Partial<Activity> | undefined, stored: StoredActivity[]): StoredActivity[] {
    if (!user) return stored;
    const [first, ...replies] = stored;
    context.turnState.delete(UNSTORED);
    context.turnState.set(STORED, first);
    return replies;
  }

  /** Bot replies as they go over the wire and into the transcript. */
  private stamp(context: TurnContext, activities: Array<Partial<Activity>>): Array<Partial<Activity>> {
    const timestamp = new Date();
    return activities
      .filter((a) => a.type !== 'delay' && a.type !== ActivityTypes.InvokeResponse)
      .map((a) =>
        toWire({
          ...a,
          type: a.type ?? ActivityTypes.Message,
          channelId: CHANNEL_ID,
          conversation: { id: context.activity.conversation.id, isGroup: false, conversationType: 'personal', name: '' },
          from: BOT_ACCOUNT,
          recipient: context.activity.from,
          // A user's activity stored with these replies gets its id only then; the store sets replyToId to it.
          replyToId: (context.turnState.get(STORED) as StoredActivity | undefined)?.activity.id ?? context.activity.id,
          timestamp,
        }),
      );
  }

  async updateActivity(): Promise<void> {
    throw new Error('Direct Line: updating an activity is not supported');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('Direct Line: deleting an activity is not supported');
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  /**
   * Runs one turn for `activity`. With `keep`, the activity is the user's and goes into the transcript in the same
   * transaction as the turn's first write (its replies, or the error message), or alone if the turn writes nothing;
   * the stored activity is returned. If nothing of the turn could be stored, this throws and nothing is kept.
   */
  async runTurn(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>, keep = false): Promise<StoredActivity | undefined> {
    const context = new TurnContext(this, {
      channelId: CHANNEL_ID,
      serviceUrl: '',
      recipient: BOT_ACCOUNT,
      ...activity,
    } as Activity);
    if (keep) context.turnState.set(UNSTORED, toWire(activity));
    await this.runMiddleware(context, logic);
    const unstored = context.turnState.get(UNSTORED) as Partial<Activity> | undefined;
    if (unstored) {
      const conversationId = context.activity.conversation.id;
      const stored = await this.store.appendActivities(conversationId, [unstored], 'user');
      await this.hub.publish(conversationId, stored);
      this.settle(context, unstored, stored);
    }
    return context.turnState.get(STORED) as StoredActivity | undefined;
  }

  /** The one turn-error handler: logs with a request id (never the user's text) and tells the user, in their language, that their progress is safe. */
  private async reportTurnError(context: TurnContext, error: Error): Promise<void> {
    const requestId = randomUUID();
    const busy = error instanceof StoreUnavailableError;
    this.log.error(
      { requestId, conversationId: context.activity.conversation?.id, err: { name: error.name, message: error.message, stack: error.stack } },
      busy ? 'turn failed: store unavailable' : 'turn failed',
    );
    // The activity's language first; else the conversation's (the store may be what failed, so never rely on it).
    const asked = context.activity.locale?.toLowerCase().split('-')[0];
    const stored = isLocale(asked) ? undefined : await this.store.getConversation(context.activity.conversation?.id ?? '').catch(() => undefined);
    const locale = isLocale(asked) ? asked : (stored?.locale ?? 'sv');
    try {
      await context.sendActivity({
        type: ActivityTypes.Message,
        textFormat: 'plain',
        text: uiText(locale, busy ? 'errors.busy' : 'errors.turn'),
        channelData: { key: busy ? 'ui:errors.busy' : 'ui:errors.turn', requestId },
      });
    } catch (sendError) {
      // The store itself may be what failed; the client then gets the error through the HTTP answer.
      this.log.error({ requestId, err: { name: (sendError as Error).name, message: (sendError as Error).message } }, 'could not send the error message');
      throw error;
    }
  }
}

/**
 * What goes over the wire and into the transcript: dates as ISO strings, no undefined fields. Shallow: what an
 * activity holds below its top level is already plain JSON (parsed from a request, or built by the renderer).
 */
export function toWire(a: Partial<Activity>): Partial<Activity> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(a)) {
    if (value !== undefined) out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out as Partial<Activity>;
}

export type { StoredActivity };
