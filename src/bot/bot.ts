import { ActivityHandler, ActivityTypes, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { takeTurn, type DialogueDeps } from '../dialogue/core';
import type { Effect, Municipality, Profile, UserInput } from '../dialogue/types';
import { toActivities } from './render';

/** Who the turn is for and where its effects go: the runtime answers this from the conversation record. */
export interface TurnScope {
  profile: Profile;
  municipality?: Municipality;
  /** Stores notes, check-ins, plan items and statistics; absent for conversations we do not keep (the Emulator). */
  apply?: (effects: Effect[], where: { flow: string | null; step: string | null }) => Promise<void>;
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
    const stored = await this.dialogue.get(context);
    const result = takeTurn({ ...this.deps, municipality: scope.municipality }, scope.profile, stored, input);
    await this.dialogue.set(context, result.state);
    // State first, then effects, then replies: a reply is only sent for a turn whose state is saved.
    await this.conversationState.saveChanges(context);
    const where = result.state.current ? { flow: result.state.current, step: result.state.progress[result.state.current]?.step ?? null } : { flow: null, step: null };
    await scope.apply?.(result.effects, where);
    const activities = toActivities(result, scope.profile.locale);
    if (activities.length > 0) await context.sendActivities(activities);
  }
}
