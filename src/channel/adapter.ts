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
    const stored = await this.store.appendActivities(conversationId, this.stamp(context, activities), 'bot');
    await this.hub.publish(conversationId, stored);
    return stored.map((s) => ({ id: String(s.activity.id) }));
  }

  /**
   * Commits a whole turn of a kept conversation in one transaction (its state, what `effects` writes, its place
   * and the bot's replies), then delivers the replies: nothing of a turn is seen before all of it is stored.
   */
  async commitTurn(context: TurnContext, turn: { state: StateRow; where: Place; activities: Array<Partial<Activity>> }, effects: (tx: Tx) => Promise<void>): Promise<void> {
    const conversationId = context.activity.conversation.id;
    const { stored } = await this.store.commitTurn(conversationId, { ...turn, activities: this.stamp(context, turn.activities) }, effects);
    await this.hub.publish(conversationId, stored);
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
          replyToId: context.activity.id,
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

  /** Runs one turn for an activity already stored in the transcript. */
  async runTurn(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, {
      channelId: CHANNEL_ID,
      serviceUrl: '',
      recipient: BOT_ACCOUNT,
      ...activity,
    } as Activity);
    await this.runMiddleware(context, logic);
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
