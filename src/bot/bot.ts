import { ActivityHandler, ActivityTypes, type Activity, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { takeTurn, type DialogueDeps } from '../dialogue/core';
import type { DialogueState, Effect, Municipality, Profile, UserInput } from '../dialogue/types';
import { toActivities } from './render';

/** Where a conversation stands after a turn: the module and step, or none (the menu). */
export type Place = { flow: string | null; step: string | null };

/** What one turn of a kept conversation stores, all at once: its new state, its effects and the bot's replies. */
export interface TurnOutcome {
  state: DialogueState;
  effects: Effect[];
  where: Place;
  activities: Array<Partial<Activity>>;
}

/** Who the turn is for, and for a code holder's conversation, its stored state and how to commit the turn. */
export interface TurnScope {
  profile: Profile;
  municipality?: Municipality;
  /**
   * A conversation we keep (a code holder's): the dialogue state as stored, and a commit that stores state, effects
   * (notes, check-ins, plan items, statistics) and replies in one transaction, then delivers the replies.
   * Absent for conversations we do not keep (the Emulator): those use botbuilder's ConversationState and store nothing else.
   */
  kept?: { stored: unknown; commit: (context: TurnContext, outcome: TurnOutcome) => Promise<void> };
}

export type ScopeResolver = (context: TurnContext) => Promise<TurnScope>;

/** Reads what the user did from an activity: a button press (`value.action`) or typed text. */
export function userInputOf(context: TurnContext): UserInput {
  const activity = context.activity;
  if (activity.type === ActivityTypes.ConversationUpdate || activity.type === ActivityTypes.Event) return { type: 'start' };
  const value = activity.value as { action?: unknown } | undefined;
  if (value && typeof value === 'object' && typeof value.action === 'string') return { type: 'button', value: value.action };
  return { type: 'text', text: typeof activity.text === 'string' ? activity.text : '' };
}

/** The bot: hands every turn to the dialogue core and sends back what it renders. Same class for every channel. */
export class LotsenBot extends ActivityHandler {
  private readonly dialogue: StatePropertyAccessor<unknown>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly deps: Omit<DialogueDeps, 'municipality'>,
    private readonly resolveScope: ScopeResolver,
  ) {
    super();
    this.dialogue = conversationState.createProperty('dialogue');
    this.onMessage(async (context, next) => {
      await this.turn(context, userInputOf(context));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id !== botId)) await this.turn(context, { type: 'start' });
      await next();
    });
    this.onEvent(async (context, next) => {
      if (context.activity.name === 'lotsen/start') await this.turn(context, { type: 'start' });
      await next();
    });
  }

  private async turn(context: TurnContext, input: UserInput): Promise<void> {
    const scope = await this.resolveScope(context);
    const deps = { ...this.deps, municipality: scope.municipality };
    if (scope.kept) {
      const result = takeTurn(deps, scope.profile, scope.kept.stored, input);
      const where = result.state.current ? { flow: result.state.current, step: result.state.progress[result.state.current]?.step ?? null } : { flow: null, step: null };
      await scope.kept.commit(context, { state: result.state, effects: result.effects, where, activities: toActivities(result, scope.profile.locale) });
      return;
    }
    const result = takeTurn(deps, scope.profile, await this.dialogue.get(context), input);
    await this.dialogue.set(context, result.state);
    // State first, then replies: a reply is only sent for a turn whose state is saved.
    await this.conversationState.saveChanges(context);
    const activities = toActivities(result, scope.profile.locale);
    if (activities.length > 0) await context.sendActivities(activities);
  }
}
