import type { Snapshot } from 'xstate';
import { contextOf, restoreSnapshot, runEvent, stepOf, type FlowEvent, type RunSnapshot } from '../flows/compile';
import type { FlowEngine } from '../flows/engine';
import type { FlowContext } from '../flows/registry';
import { LOCALES, type Flow, type Locale, type Step } from '../flows/schema';
import { resolveKey, uiLines, uiText, type UiBaseKey } from '../i18n/ui';
import { cleanUserText, foldForMatch } from './text';
import {
  DialogueState,
  initialState,
  isProduced,
  markProduced,
  type Effect,
  type Municipality,
  type OutMessage,
  type Profile,
  type SuggestedAction,
  type TurnResult,
  type UserInput,
  type VideoDescriptor,
} from './types';

/** Longest user message accepted, in characters. */
export const MAX_TEXT = 2000;

export type { CrisisCategory, CrisisHit, CrisisLevel } from '../safety/types';
import type { CrisisHit } from '../safety/types';

export interface DialogueDeps {
  engine: FlowEngine;
  municipality?: Municipality;
  /** Runs on every typed text before the flow sees it. */
  detectCrisis?: (text: string) => CrisisHit | null;
}

const INTENTS = ['help', 'menu', 'pause', 'back', 'restart'] as const;
type Intent = (typeof INTENTS)[number] | 'resume';

/** The turn: user input and stored state in; messages, new state and effects out. Pure apart from reading the engine. */
export function takeTurn(deps: DialogueDeps, profile: Profile, stored: unknown, input: UserInput): TurnResult {
  return new Turn(deps, profile, stored).run(input);
}

class Turn {
  private readonly messages: OutMessage[] = [];
  private actions: SuggestedAction[] = [];
  private readonly effects: Effect[] = [];
  /** Module runs restored from the state in this turn, by flow key. */
  private readonly restored = new Map<string, Snapshot<unknown>>();
  private state: DialogueState;
  private progressInfo: TurnResult['progress'] = null;
  private readonly locale: Locale;

  constructor(
    private readonly deps: DialogueDeps,
    private readonly profile: Profile,
    stored: unknown,
  ) {
    this.locale = profile.locale;
    if (isProduced(stored)) {
      // A turn changes the state's top level and replaces entries of runs and progress, never anything inside them.
      this.state = { ...stored, runs: { ...stored.runs }, progress: { ...stored.progress } };
      return;
    }
    const parsed = stored === undefined || stored === null ? null : DialogueState.safeParse(stored);
    if (parsed && !parsed.success) {
      // A foreign or corrupt row: keep the user going with an apology instead of failing every turn.
      this.state = initialState();
      this.ui('flow.reset');
    } else {
      this.state = parsed?.data ?? initialState();
    }
  }

  run(input: UserInput): TurnResult {
    if (input.type === 'start') this.welcome();
    else if (input.type === 'button') this.button(input.value);
    else this.text(input.text);
    this.forgetFinishedRuns();
    return { messages: this.messages, actions: this.actions, state: markProduced(this.state), effects: this.effects, progress: this.progressInfo };
  }

  // ---- input routing ----

  private text(raw: string): void {
    const text = cleanUserText(raw);
    if (text.length === 0) {
      this.ui('errors.empty');
      this.repeatActions();
      return;
    }
    if ([...text].length > MAX_TEXT) {
      this.ui('errors.tooLong', { max: MAX_TEXT });
      this.repeatActions();
      return;
    }
    const hit = this.deps.detectCrisis?.(text) ?? null;
    if (hit?.level === 'acute') {
      this.crisis(hit);
      return;
    }
    // A concern is answered with a short offer of help; what was typed then goes where it would have gone.
    if (hit) this.concern(hit);
    const intent = matchIntent(text);
    if (intent) {
      delete this.state.followUp;
      this.intent(intent);
    } else if (this.state.followUp) {
      // Words typed while Lotsen asks how a practice went are the answer, in the user's own words.
      this.finishFollowUp(text);
    } else {
      const flow = this.currentFlow();
      if (!flow) this.typedInMenu(text);
      else this.answer(flow, { typed: text });
    }
    if (hit) this.offerHelp(hit);
  }

  /** Free text in the menu: a continue word shows the menu again; anything else is never passed over in silence. */
  private typedInMenu(text: string): void {
    // After an apology (a state that could not be read) or a concern's offer, the menu itself is the answer.
    if (isContinueWord(text) || this.concerned || this.messages.length > 0) {
      this.menu();
      return;
    }
    const first = this.state.misses % 2 === 0;
    // A first contact that starts with typed words (the Emulator, a channel without a conversation update) gets the welcome too.
    if (Object.keys(this.state.progress).length === 0 && this.state.misses === 0) this.uiEach('menu.welcome');
    this.menu(first ? 'reprompt.notRead' : 'reprompt.buttons');
    // The menu forgets misses; here they alternate the two re-prompts, never the same one twice in a row.
    this.state.misses = first ? 1 : 0;
    this.actions.push({ value: 'intent:help', title: this.label('buttons.help') });
  }

  private button(value: string): void {
    if (value.startsWith('practice:')) {
      this.practiceAnswer(value.slice('practice:'.length));
      return;
    }
    // Any other button leaves a follow-up question unanswered: it is not asked again.
    delete this.state.followUp;
    if (value.startsWith('intent:')) {
      const intent = value.slice('intent:'.length);
      if ((INTENTS as readonly string[]).includes(intent) || intent === 'resume') this.intent(intent as Intent);
      else this.menu();
      return;
    }
    if (value.startsWith('module:')) {
      this.openModule(value.slice('module:'.length));
      return;
    }
    const flow = this.currentFlow();
    if (!flow) {
      this.menu();
      return;
    }
    this.answer(flow, { button: value });
  }

  private intent(intent: Intent): void {
    const flow = this.currentFlow();
    switch (intent) {
      case 'help':
        this.help();
        return;
      case 'menu':
        this.state.current = null;
        this.menu();
        return;
      case 'pause':
        this.ui('pause.text');
        this.actions = [{ value: 'intent:resume', title: this.label('buttons.resume') }];
        return;
      case 'resume':
        if (flow) this.showCurrent(flow);
        else this.menu();
        return;
      case 'back':
      case 'restart':
        if (!flow) {
          this.menu();
          return;
        }
        this.move(flow, intent === 'back' ? { type: 'BACK' } : { type: 'RESTART' });
        return;
    }
  }

  // ---- menu, help, crisis ----

  private welcome(): void {
    const pending = Object.entries(this.state.practices ?? {}).find(([key, p]) => p.status === 'chosen' && this.deps.engine.flow(key));
    if (pending) {
      this.ui('menu.welcomeBackMenu');
      this.askPractice(pending[0]);
      return;
    }
    const flow = this.currentFlow();
    const firstVisit = Object.keys(this.state.progress).length === 0;
    if (flow) {
      this.ui('menu.welcomeBack');
      this.showCurrent(flow);
      return;
    }
    if (firstVisit) this.uiEach('menu.welcome');
    else if (this.messages.length === 0) this.ui('menu.welcomeBackMenu');
    this.menu();
  }

  private menu(prompt?: UiBaseKey): void {
    this.state.current = null;
    this.state.misses = 0;
    const flows = this.deps.engine.flowsOf(this.profile.persona);
    const allDone = flows.length > 0 && flows.every((f) => this.state.progress[f.key]?.done);
    this.ui(prompt ?? (allDone ? 'menu.allDone' : 'menu.choose'));
    this.actions = flows.map((f) => ({ value: `module:${f.id}`, title: this.menuLabel(f) }));
  }

  private menuLabel(flow: Flow): string {
    const title = this.content(flow).title;
    const p = this.state.progress[flow.key];
    if (!p) return uiText(this.locale, 'menu.notStarted', { title });
    if (p.done) return uiText(this.locale, 'menu.done', { title });
    return uiText(this.locale, 'menu.started', { title, step: p.position, total: p.total });
  }

  private help(): void {
    this.effects.push({ type: 'stat', event: 'help', flow: this.state.current ?? undefined });
    this.ui('help.intro');
    this.helplines('help');
    this.ui('help.continue');
    this.afterHelpActions();
  }

  /** The crisis answer at once, with the help that fits the danger first. */
  private crisis(hit: CrisisHit): void {
    this.state.crisisShown = true;
    this.effects.push({ type: 'stat', event: 'crisis', category: hit.category, flow: this.state.current ?? undefined });
    this.ui('crisis.intro', {}, 'crisis');
    const [first, ...rest] = crisisLines(hit.category, this.profile.persona !== 'parent');
    if (first) this.ui(first, {}, 'crisis');
    // A person to talk to beats a list: the municipality's own contact comes straight after the first line.
    this.municipalityLine('crisis');
    for (const key of rest) this.ui(key, {}, 'crisis');
    this.ui('crisis.offer', {}, 'crisis');
    this.afterHelpActions(hit.category === 'violence' || hit.category === 'abuse' || hit.category === 'child-danger');
  }

  /** Set in a turn where a concern was answered: the step's own re-prompt is then left out, the offer is enough. */
  private concerned = false;

  /** A concern: one short, warm line that offers help, without taking the user out of the module. */
  private concern(hit: CrisisHit): void {
    this.concerned = true;
    this.state.crisisShown = true;
    this.effects.push({ type: 'stat', event: 'crisis', category: hit.category, flow: this.state.current ?? undefined });
    const key: UiBaseKey = unsafeConcern(hit) ? 'concern.unsafe' : hit.category === 'secrecy' ? 'concern.secrecy' : 'concern.general';
    this.ui(key, {}, 'help');
  }

  /** After a concern: help (and, for a parent who may not be safe, the `not-safe` module) beside the step's buttons. */
  private offerHelp(hit: CrisisHit): void {
    const child = this.profile.persona !== 'parent';
    const unsafe = unsafeConcern(hit);
    const offers: SuggestedAction[] = [];
    if (!child && unsafe && this.deps.engine.flow('parent/not-safe') && this.state.current !== 'parent/not-safe') {
      offers.push({ value: 'module:not-safe', title: this.label('buttons.notSafe') });
    }
    offers.push({ value: 'intent:help', title: this.label(child ? 'buttons.whoToTalkTo' : 'buttons.help') });
    this.actions = [...offers, ...this.actions.filter((a) => !offers.some((o) => o.value === a.value) && a.value !== 'intent:help')];
  }

  private municipalityLine(role: 'help' | 'crisis'): void {
    const m = this.deps.municipality;
    if (m?.phone) this.push({ kind: 'text', key: 'ui:help.municipality', text: uiText(this.locale, 'help.municipality', { name: m.name, phone: m.phone }), role });
  }

  /** The persona's helplines: children get BRIS first; the municipality's own number when configured. */
  private helplines(role: 'help' | 'crisis'): void {
    const child = this.profile.persona !== 'parent';
    const lines: UiBaseKey[] = child
      ? ['help.lines.bris', 'help.lines.emergency']
      : ['help.lines.emergency', 'help.lines.mind', 'help.lines.kvinnofrid', 'help.lines.health', 'help.lines.police'];
    for (const key of lines) this.ui(key, {}, role);
    this.municipalityLine(role);
  }

  private afterHelpActions(offerNotSafe = true): void {
    const actions: SuggestedAction[] = [{ value: 'intent:resume', title: this.label('buttons.resume') }];
    if (offerNotSafe && this.profile.persona === 'parent' && this.deps.engine.flow('parent/not-safe') && this.state.current !== 'parent/not-safe') {
      actions.push({ value: 'module:not-safe', title: this.label('buttons.notSafe') });
    }
    actions.push({ value: 'intent:menu', title: this.label('buttons.menu') });
    this.actions = actions;
  }

  // ---- practice between visits ----

  /** A practice's short name in the user's language, from the module's practice step. */
  private practiceTitle(flowKey: string): string | undefined {
    const flow = this.deps.engine.flow(flowKey);
    const step = this.state.practices?.[flowKey]?.step;
    return flow && step ? this.content(flow).steps[step]?.practice : undefined;
  }

  /** Once, at the login after a practice was chosen: how did it go? Answering is never required. */
  private askPractice(flowKey: string): void {
    const practice = this.state.practices?.[flowKey];
    if (!practice) return;
    this.state.practices = { ...this.state.practices, [flowKey]: { ...practice, status: 'asked' } };
    this.state.followUp = { flow: flowKey };
    this.ui('practice.ask', { title: this.practiceTitle(flowKey) ?? '' });
    this.actions = (['well', 'partly', 'notTried', 'skip'] as const).map((a) => ({ value: `practice:${a}`, title: this.label(`practice.options.${a}`) }));
  }

  private practiceAnswer(answer: string): void {
    const followUp = this.state.followUp;
    if (!followUp) {
      this.afterFollowUp();
      return;
    }
    if (answer === 'skip') {
      this.endPractice(followUp.flow);
      this.ui('practice.skipped');
      this.afterFollowUp();
      return;
    }
    if (answer === 'noWords') {
      this.finishFollowUp(null);
      return;
    }
    if (answer !== 'well' && answer !== 'partly' && answer !== 'notTried') {
      this.askPractice(followUp.flow);
      return;
    }
    this.state.followUp = { flow: followUp.flow, answer };
    this.ui('practice.reflect');
    this.actions = [{ value: 'practice:noWords', title: this.label('buttons.skip') }];
  }

  /** The answer joins My notes: the choice in the user's language and, when written, their own words. */
  private finishFollowUp(words: string | null): void {
    const followUp = this.state.followUp;
    if (!followUp) return;
    const step = this.state.practices?.[followUp.flow]?.step ?? 'practice';
    const chosen = followUp.answer === 'well' || followUp.answer === 'partly' || followUp.answer === 'notTried' ? uiText(this.locale, `practice.options.${followUp.answer}`) : null;
    const text = [chosen, words].filter((t): t is string => typeof t === 'string' && t.length > 0).join('\n\n');
    this.effects.push({ type: 'note', flow: followUp.flow, slot: 'practice', step, text: text || null });
    this.endPractice(followUp.flow);
    this.ui('practice.saved');
    this.afterFollowUp();
  }

  private endPractice(flowKey: string): void {
    const practice = this.state.practices?.[flowKey];
    if (practice) this.state.practices = { ...this.state.practices, [flowKey]: { ...practice, status: 'done' } };
    delete this.state.followUp;
  }

  /** Back to where the user was: their module's step, or the menu. */
  private afterFollowUp(): void {
    const flow = this.currentFlow();
    if (flow) this.showCurrent(flow);
    else this.menu();
  }

  // ---- module runs ----

  private currentFlow(): Flow | undefined {
    return this.state.current ? this.deps.engine.flow(this.state.current) : undefined;
  }

  private openModule(id: string): void {
    const flow = this.deps.engine.flow(`${this.profile.persona}/${id}`);
    if (!flow) {
      // A module of another persona or an unknown id: never opened, the menu instead.
      this.menu();
      return;
    }
    this.state.current = flow.key;
    this.state.misses = 0;
    const progress = this.state.progress[flow.key];
    if (!this.state.runs[flow.key] || progress?.done) {
      delete this.state.runs[flow.key];
      this.effects.push({ type: 'stat', event: 'module.start', flow: flow.key });
      const result = runEvent(this.machine(flow), undefined, this.input(), undefined);
      this.saveRun(flow, result.persisted, stepOf(result.snapshot));
    }
    this.showCurrent(flow);
  }

  /**
   * A finished module opens afresh (openModule), so its run is needed only while it is the current one. Kept, the runs
   * of every module someone has finished made up four fifths of their state (9.6 of 11.6 KiB after all of them),
   * and the whole state is serialized, sealed and written on every turn.
   */
  private forgetFinishedRuns(): void {
    for (const key of Object.keys(this.state.runs)) {
      if (key !== this.state.current && this.state.progress[key]?.done) delete this.state.runs[key];
    }
  }

  private machine(flow: Flow) {
    const machine = this.deps.engine.machines.get(flow.key);
    if (!machine) throw new Error(`No compiled machine for ${flow.key}`);
    return machine;
  }

  private input() {
    return { ageBand: this.profile.persona === 'child-next' ? this.profile.ageBand : null };
  }

  /** The stored run of a module, checked against the current flow version; a reset restarts it with an apology. */
  private snapshotOf(flow: Flow): Snapshot<unknown> {
    // Restored once per turn and run: saveRun forgets it when the run changes.
    const known = this.restored.get(flow.key);
    if (known) return known;
    const snapshot = this.restoreRun(flow);
    this.restored.set(flow.key, snapshot);
    return snapshot;
  }

  private restoreRun(flow: Flow): Snapshot<unknown> {
    const stored = this.state.runs[flow.key] as RunSnapshot | undefined;
    const machine = this.machine(flow);
    if (stored) {
      const restored = restoreSnapshot(flow, machine, stored);
      if (restored.kind === 'same') return restored.snapshot;
      if (restored.kind === 'migrated') {
        this.ui('flow.updated');
        const persisted = runEvent(machine, restored.snapshot, this.input(), undefined);
        this.saveRun(flow, persisted.persisted, restored.step);
        return restored.snapshot;
      }
      this.ui('flow.reset');
    }
    const fresh = runEvent(machine, undefined, this.input(), undefined);
    this.saveRun(flow, fresh.persisted, stepOf(fresh.snapshot));
    return fresh.snapshot;
  }

  private saveRun(flow: Flow, persisted: unknown, step: string): void {
    this.state.runs[flow.key] = { flowId: flow.key, flowVersion: flow.version, snapshot: persisted };
    this.restored.delete(flow.key);
    const index = this.deps.engine.progress.get(flow.key);
    const position = index?.position.get(step) ?? 1;
    const total = index?.total ?? flow.steps.length;
    const kind = flow.steps.find((s) => s.id === step)?.kind;
    const wasDone = this.state.progress[flow.key]?.done ?? false;
    const done = kind === 'end' || wasDone;
    this.state.progress[flow.key] = { position: kind === 'end' ? total : position, total, done, step };
    this.progressInfo = { flow: flow.key, title: this.content(flow).title, position: kind === 'end' ? total : position, total };
  }

  private showCurrent(flow: Flow): void {
    const snapshot = this.snapshotOf(flow);
    const ctx = contextOf(snapshot);
    this.renderStep(flow, this.stepById(flow, String((snapshot as { value?: unknown }).value)), ctx);
  }

  private stepById(flow: Flow, id: string): Step {
    const step = flow.steps.find((s) => s.id === id);
    if (!step) throw new Error(`${flow.file}: no step "${id}"`);
    return step;
  }

  /** Runs a flow event and renders where it leads. */
  private move(flow: Flow, event: FlowEvent, before: () => void = () => undefined): void {
    const snapshot = this.snapshotOf(flow);
    const from = String((snapshot as { value?: unknown }).value);
    const result = runEvent(this.machine(flow), snapshot, this.input(), event);
    const to = stepOf(result.snapshot);
    const ctx = contextOf(result.snapshot);
    this.state.misses = 0;
    if (event.type === 'BACK' && from === to) this.ui('back.none');
    if (event.type === 'RESTART') this.ui('restart.done');
    before();
    for (const effect of result.effects) {
      if (effect.type === 'plan.record') this.effects.push({ type: 'plan', field: effect.field, text: ctx.notes[effect.slot] ?? null });
      if (effect.type === 'offer.notSafe' && this.profile.persona === 'parent') this.ui('notSafe.offer');
    }
    this.saveRun(flow, result.persisted, to);
    const step = this.stepById(flow, to);
    if (from !== to) this.effects.push({ type: 'stat', event: 'step', flow: flow.key, step: to });
    if (step.kind === 'end' && from !== to) this.effects.push({ type: 'stat', event: 'module.complete', flow: flow.key });
    this.renderStep(flow, step, ctx);
    if (result.effects.some((e) => e.type === 'offer.notSafe') && this.profile.persona === 'parent' && this.deps.engine.flow('parent/not-safe')) {
      this.actions.push({ value: 'module:not-safe', title: this.label('buttons.notSafe') });
    }
  }

  /** The user's answer to the current step. */
  private answer(flow: Flow, given: { typed?: string; button?: string }): void {
    const snapshot = this.snapshotOf(flow);
    const step = this.stepById(flow, String((snapshot as { value?: unknown }).value));
    const ctx = contextOf(snapshot);
    const value = given.button;
    switch (step.kind) {
      case 'say':
        // A button press, or a word that means "continue"; anything else typed is never taken as "continue".
        if (value !== undefined || isContinueWord(given.typed ?? '')) this.move(flow, { type: 'ANSWER', value: 'continue' });
        else this.miss(flow, step, ctx);
        return;
      case 'choice':
      case 'dilemma': {
        const chosen = value !== undefined ? step.options.find((o) => o.value === value) : this.matchOption(flow, step, given.typed ?? '');
        if (!chosen) return this.miss(flow, step, ctx);
        this.move(flow, { type: 'ANSWER', value: chosen.value }, () => {
          if (step.kind === 'dilemma') this.contentMessages(flow, step, `feedback.${chosen.value}`);
          if (step.kind === 'choice' && step.practice) this.choosePractice(flow, step.id, chosen.value === 'try');
        });
        return;
      }
      case 'reflect': {
        if (value === 'skip') {
          this.effects.push({ type: 'note', flow: flow.key, slot: step.slot, step: step.id, text: null });
          this.move(flow, { type: 'ANSWER', value: 'skip', note: null }, () => this.ui('reflect.skipped'));
          return;
        }
        if (given.typed === undefined) return this.miss(flow, step, ctx);
        const note = given.typed;
        this.effects.push({ type: 'note', flow: flow.key, slot: step.slot, step: step.id, text: note });
        this.move(flow, { type: 'ANSWER', value: 'written', note }, () => this.ui('reflect.saved'));
        return;
      }
      case 'video': {
        if (value === 'text') {
          this.videoText(this.video(step.video));
          this.actions = [{ value: 'watched', title: this.label('buttons.continue') }];
          this.progressOnly(flow, step);
          return;
        }
        if (value === 'watched' || value === 'skip' || value === 'continue' || (value === undefined && isContinueWord(given.typed ?? ''))) {
          this.move(flow, { type: 'ANSWER', value: 'watched' });
          return;
        }
        return this.miss(flow, step, ctx);
      }
      case 'checkin': {
        const n = value ?? foldForMatch(given.typed ?? '').match(/^[1-5]$/)?.[0];
        if (!n || !/^[1-5]$/.test(n)) return this.miss(flow, step, ctx);
        this.effects.push({ type: 'checkin', flow: flow.key, step: step.id, value: Number(n) });
        // The lowest answer is listened to: a gentle pointer to help (BRIS for children), and Help beside the buttons.
        this.move(flow, { type: 'ANSWER', value: n }, () => this.ui(n === '1' ? 'checkin.low' : 'checkin.thanks'));
        if (n === '1' && !this.actions.some((a) => a.value === 'intent:help')) {
          this.actions.push({ value: 'intent:help', title: this.label(this.profile.persona === 'parent' ? 'buttons.help' : 'buttons.whoToTalkTo') });
        }
        return;
      }
      case 'end':
        if (value !== undefined || isContinueWord(given.typed ?? '')) this.menu();
        else this.miss(flow, step, ctx);
        return;
    }
  }

  /** Chosen: asked about once at the next login. Declined: never asked. */
  private choosePractice(flow: Flow, step: string, chosen: boolean): void {
    const before = this.state.practices?.[flow.key]?.status;
    if (chosen && before !== 'chosen') this.ui('practice.chosen');
    this.state.practices = { ...this.state.practices, [flow.key]: { step, status: chosen ? 'chosen' : 'declined' } };
  }

  private progressOnly(flow: Flow, step: Step): void {
    const index = this.deps.engine.progress.get(flow.key);
    this.progressInfo = { flow: flow.key, title: this.content(flow).title, position: index?.position.get(step.id) ?? 1, total: index?.total ?? flow.steps.length };
  }

  /** Typed text that matches no option: rephrase once, then the buttons with a way out; never the same prompt twice in a row. */
  private miss(flow: Flow, step: Step, ctx: FlowContext): void {
    const first = this.state.misses % 2 === 0;
    this.state.misses += 1;
    // After a concern's offer of help in this turn, the step's buttons again are enough.
    if (!this.concerned) {
      if (step.kind === 'checkin') this.ui(first ? 'checkin.prompt' : 'reprompt.buttons');
      else if (step.kind === 'reflect') this.ui(first ? 'reflect.prompt' : 'reprompt.buttons');
      else if (step.kind === 'choice' || step.kind === 'dilemma') this.ui(first ? 'reprompt.first' : 'reprompt.buttons');
      else this.ui(first ? 'reprompt.notRead' : 'reprompt.buttons');
    }
    this.stepActions(flow, step, ctx);
    const help = { value: 'intent:help', title: this.label('buttons.help') };
    if (!first) this.actions.push({ value: 'intent:menu', title: this.label('buttons.menu') });
    // Text the guide cannot read may be someone saying something is wrong: help is one tap away every time.
    if (step.kind !== 'checkin' && step.kind !== 'reflect' && !this.actions.some((a) => a.value === 'intent:help')) this.actions.push(help);
    else if (!first && !this.actions.some((a) => a.value === 'intent:help')) this.actions.push(help);
    this.progressOnly(flow, step);
  }

  private matchOption(flow: Flow, step: Extract<Step, { kind: 'choice' | 'dilemma' }>, typed: string) {
    const folded = foldForMatch(typed);
    const number = /^\d+$/.test(folded) ? Number(folded) : NaN;
    if (Number.isInteger(number) && number >= 1 && number <= step.options.length) return step.options[number - 1];
    // Any language's label counts: a user may type in the language they think in.
    return step.options.find((o) => LOCALES.some((lng) => foldForMatch(this.deps.engine.catalog.content[lng].get(flow.key)?.steps[step.id]?.options?.[o.value] ?? '\u0000') === folded));
  }

  // ---- rendering ----

  private renderStep(flow: Flow, step: Step, ctx: FlowContext): void {
    const c = this.content(flow).steps[step.id] ?? {};
    if (step.image && c.alt) this.push({ kind: 'image', key: `${step.id}.alt`, src: `/img/${step.image}.svg`, alt: c.alt });
    if (c.text) this.contentMessages(flow, step, 'text');
    if (c.hint) this.push({ kind: 'text', key: `${step.id}.hint`, text: c.hint });
    if (step.kind === 'reflect' && this.profile.persona !== 'parent') this.ui('reflect.privateNote');
    if (step.adult && c.adult) this.push({ kind: 'text', key: `${step.id}.adult`, text: c.adult, role: 'adult' });
    if (step.kind === 'video') {
      // Without a film file there is nothing to watch: the text version is the message, for every channel.
      const video = this.video(step.video);
      if (video.src) this.push({ kind: 'video', key: `video:${step.video}`, video });
      else this.videoText(video);
    }
    if (step.kind === 'end') this.renderEnd(flow, ctx);
    this.stepActions(flow, step, ctx);
    this.progressOnly(flow, step);
    if (step.kind === 'end') this.progressInfo = { flow: flow.key, title: this.content(flow).title, position: this.progressInfo?.total ?? 1, total: this.progressInfo?.total ?? 1 };
  }

  private renderEnd(flow: Flow, ctx: FlowContext): void {
    const notes = flow.steps.flatMap((s) => (s.kind === 'reflect' && typeof ctx.notes[s.slot] === 'string' ? [{ slot: s.slot, text: ctx.notes[s.slot] as string }] : []));
    if (notes.length > 0) {
      this.ui('end.yourNotes');
      for (const n of notes) this.push({ kind: 'text', key: `note:${n.slot}`, text: n.text, role: 'notes' });
    }
    const suggested = flow.suggests.map((id) => this.deps.engine.flow(`${flow.persona}/${id}`)).filter((f): f is Flow => f !== undefined);
    this.ui(suggested.length > 0 ? 'end.suggest' : 'end.noSuggest');
  }

  private stepActions(flow: Flow, step: Step, _ctx: FlowContext): void {
    const c = this.content(flow).steps[step.id] ?? {};
    switch (step.kind) {
      case 'say':
        this.actions = [{ value: 'continue', title: this.label('buttons.continue') }];
        break;
      case 'choice':
      case 'dilemma':
        this.actions = step.options.map((o) => ({ value: o.value, title: c.options?.[o.value] ?? o.value }));
        break;
      case 'reflect':
        this.actions = [{ value: 'skip', title: this.label('buttons.skip') }];
        break;
      case 'video':
        this.actions = this.deps.engine.catalog.videos.get(step.video)?.src
          ? [
              { value: 'watched', title: this.label('buttons.watched') },
              { value: 'text', title: this.label('buttons.showText') },
            ]
          : [{ value: 'watched', title: this.label('buttons.continue') }];
        break;
      case 'checkin':
        this.actions = (['1', '2', '3', '4', '5'] as const).map((n) => ({ value: n, title: this.label(`checkin.scale.${n}`) }));
        break;
      case 'end':
        this.actions = [
          ...flow.suggests
            .map((id) => this.deps.engine.flow(`${flow.persona}/${id}`))
            .filter((f): f is Flow => f !== undefined)
            .map((f) => ({ value: `module:${f.id}`, title: this.content(f).title })),
          { value: 'intent:menu', title: this.label('buttons.menu') },
        ];
        break;
    }
    if (this.state.crisisShown && !this.actions.some((a) => a.value === 'intent:help')) this.actions.push({ value: 'intent:help', title: this.label('buttons.help') });
  }

  private repeatActions(): void {
    const flow = this.currentFlow();
    if (!flow) {
      this.menu();
      return;
    }
    const snapshot = this.snapshotOf(flow);
    const step = this.stepById(flow, String((snapshot as { value?: unknown }).value));
    this.stepActions(flow, step, contextOf(snapshot));
  }

  private contentMessages(flow: Flow, step: Step, field: string): void {
    const c = this.content(flow).steps[step.id];
    const value = field === 'text' ? c?.text : field.startsWith('feedback.') ? c?.feedback?.[field.slice(9)] : undefined;
    if (value === undefined) throw new Error(`${flow.file}: step "${step.id}" has no ${field} in ${this.locale}`);
    for (const text of Array.isArray(value) ? value : [value]) this.push({ kind: 'text', key: `${step.id}.${field}`, text });
  }

  private content(flow: Flow) {
    const c = this.deps.engine.catalog.content[this.locale].get(flow.key);
    if (!c) throw new Error(`content/${this.locale}/${flow.persona}/${flow.id}.yaml is not loaded`);
    return c;
  }

  private video(id: string): VideoDescriptor {
    const meta = this.deps.engine.catalog.videos.get(id);
    const text = this.deps.engine.catalog.videoTexts[this.locale].get(id);
    if (!meta || !text) throw new Error(`Video "${id}" is not loaded for ${this.locale}`);
    const captions: VideoDescriptor['captions'] = {};
    for (const lng of LOCALES) if (this.deps.engine.catalog.captions.has(`${id}.${lng}`)) captions[lng] = `/captions/${id}.${lng}.vtt`;
    return { id, title: text.title, duration: meta.duration, src: meta.src, captions, text: text.text };
  }

  /** A film's text version as one message: "The film as text: <title>", then its paragraphs. */
  private videoText(video: VideoDescriptor): void {
    this.push({ kind: 'text', key: `video:${video.id}.text`, text: [uiText(this.locale, 'video.textTitle', { title: video.title }), ...video.text].join('\n\n') });
  }

  private label(key: UiBaseKey): string {
    return uiText(this.locale, resolveKey(this.locale, key, this.profile.persona));
  }

  /** One UI message (a list in the locale file becomes one message with line breaks). */
  private ui(key: UiBaseKey, vars: Record<string, string | number> = {}, role?: 'help' | 'crisis'): void {
    const resolved = resolveKey(this.locale, key, this.profile.persona);
    this.push({ kind: 'text', key: `ui:${key}`, text: uiText(this.locale, resolved, vars), ...(role ? { role } : {}) });
  }

  /** Each line of a UI list as its own message. */
  private uiEach(key: UiBaseKey): void {
    const resolved = resolveKey(this.locale, key, this.profile.persona);
    for (const text of uiLines(this.locale, resolved)) this.push({ kind: 'text', key: `ui:${key}`, text });
  }

  private push(message: OutMessage): void {
    this.messages.push(message);
  }
}

/** Fear of someone and coercive control: a parent may not be safe with the other, so the not-safe module is offered. */
const unsafeConcern = (hit: CrisisHit): boolean => hit.category === 'fear' || hit.category === 'control';

let intentTable: Array<{ intent: Intent; phrase: string }> | undefined;
let continueWords: ReadonlySet<string> | undefined;

/** "ok", "fortsätt", "next", "تابع" and the like, in any of the three languages: the only typed text a step that waits for a button takes as "continue". */
export function isContinueWord(text: string): boolean {
  continueWords ??= new Set(LOCALES.flatMap((lng) => uiText(lng, 'intents.continue').split('|').map((w) => foldForMatch(w))));
  const folded = foldForMatch(text).replace(/[.!]+$/u, '').trim();
  return folded.length > 0 && continueWords.has(folded);
}

/**
 * The crisis answer's help lines, the one that fits the danger first. Children: BRIS, then 112, then a safe adult.
 * Parents: thoughts of suicide or self-harm lead with Mind Självmordslinjen; violence or threats with 112 if it is
 * happening now and Kvinnofridslinjen; a child at risk from an adult with social services.
 */
export function crisisLines(category: CrisisHit['category'], child: boolean): UiBaseKey[] {
  if (child) return ['help.lines.bris', 'help.lines.emergency', 'crisis.lines.safeAdult'];
  switch (category) {
    case 'suicide':
    case 'self-harm':
      return ['help.lines.mind', 'help.lines.emergency', 'help.lines.health'];
    case 'violence':
      return ['crisis.lines.emergencyNow', 'help.lines.kvinnofrid', 'crisis.lines.notSafe', 'help.lines.police'];
    case 'abuse':
    case 'child-danger':
      return ['crisis.lines.social', 'crisis.lines.emergencyNow', 'help.lines.police'];
    default:
      return ['help.lines.emergency', 'help.lines.mind', 'help.lines.kvinnofrid', 'help.lines.health', 'help.lines.police'];
  }
}

/** A typed word such as "hjälp", "menu" or "مساعدة" in any of the three languages. */
export function matchIntent(text: string): Intent | null {
  intentTable ??= INTENTS.flatMap((intent) =>
    LOCALES.flatMap((lng) => uiText(lng, `intents.${intent}`).split('|').map((phrase) => ({ intent, phrase: foldForMatch(phrase) }))),
  );
  const folded = foldForMatch(text);
  return intentTable.find((e) => e.phrase === folded)?.intent ?? null;
}
