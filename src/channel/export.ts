import type { FlowEngine } from '../flows/engine';
import type { PlanField } from '../flows/registry';
import type { Flow, Locale } from '../flows/schema';
import { resolveKey, uiText } from '../i18n/ui';
import type { DialogueState } from '../dialogue/types';
import type { UserData } from '../store/types';

/*
 * The code holder's export: everything docs/privacy.md lists as stored for them, in words they can read (module
 * titles, step texts and answers in their language), as JSON and as a printable page. The JSON file also carries the
 * stored dialogue state as it is.
 */

export interface ExportStep {
  step: string;
  text: string;
  /** The answer as the button said it, the text written, or null where a step takes none ("continue"). */
  answer: string | null;
}

export interface ExportModule {
  module: string;
  title: string;
  status: string;
  done: boolean;
  position: number;
  total: number;
  /** The step the user is on, unless the module is finished. */
  now: { step: string; text: string } | null;
  /** The steps of the run in progress, in the order they were answered. */
  stepsDone: ExportStep[];
  checkins: Array<{ step: string; value: number; label: string; at: string }>;
}

export interface UserExport {
  exportedAt: string;
  persona: string;
  ageBand: string | null;
  locale: Locale;
  current: { module: string; title: string } | null;
  modules: ExportModule[];
  notes: Array<{ module: string; title: string; question: string; text: string | null; savedAt: string; flow: string; slot: string; step: string }>;
  checkins: Array<{ module: string; title: string; step: string; value: number; label: string; at: string }>;
  plan: Partial<Record<PlanField, string | null>>;
  transcript: Array<{ role: 'bot' | 'user'; text: string; timestamp: string | undefined }>;
  /** The stored dialogue state, unchanged (the readable form is `modules`). */
  storedState: DialogueState | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const joined = (text: string | readonly string[] | undefined) => (text === undefined ? '' : typeof text === 'string' ? text : text.join(' '));

/** Runs are stored as XState snapshots; only their context's answers, notes and history are read here. */
function runContext(state: DialogueState, key: string): { answers: Record<string, string>; notes: Record<string, string | null>; history: string[] } | null {
  const snapshot = state.runs[key]?.snapshot as { context?: { answers?: unknown; notes?: unknown; history?: unknown } } | null | undefined;
  const ctx = snapshot?.context;
  if (!ctx || typeof ctx.answers !== 'object' || ctx.answers === null || !Array.isArray(ctx.history)) return null;
  return {
    answers: ctx.answers as Record<string, string>,
    notes: typeof ctx.notes === 'object' && ctx.notes !== null ? (ctx.notes as Record<string, string | null>) : {},
    history: ctx.history.filter((h): h is string => typeof h === 'string'),
  };
}

export function buildExport(engine: FlowEngine, data: UserData, state: DialogueState | null, now = Date.now()): UserExport {
  const { locale, persona } = data.conversation;
  const content = (flow: Flow | undefined) => (flow ? engine.catalog.content[locale].get(flow.key) : undefined);
  const titleOf = (key: string) => content(engine.flow(key))?.title ?? key;
  const checkinLabel = (value: number) => uiText(locale, resolveKey(locale, `checkin.scale.${value}` as 'checkin.scale.1', persona));
  const stepText = (flow: Flow | undefined, stepId: string): string => {
    const step = flow?.steps.find((s) => s.id === stepId);
    const c = content(flow)?.steps[stepId];
    const text = joined(c?.text);
    if (text || step?.kind !== 'video') return text || (c?.alt ?? '');
    const video = engine.catalog.videoTexts[locale].get(step.video);
    return video ? uiText(locale, 'page.export.video', { title: video.title }) : '';
  };
  const answerText = (flow: Flow, stepId: string, ctx: NonNullable<ReturnType<typeof runContext>>): string | null => {
    const step = flow.steps.find((s) => s.id === stepId);
    const value = ctx.answers[stepId];
    if (!step || value === undefined) return null;
    switch (step.kind) {
      case 'choice':
      case 'dilemma':
        return content(flow)?.steps[stepId]?.options?.[value] ?? value;
      case 'checkin':
        return /^[1-5]$/.test(value) ? checkinLabel(Number(value)) : value;
      case 'reflect':
        return ctx.notes[step.slot] ?? uiText(locale, 'page.notes.skipped');
      default:
        return null;
    }
  };

  const checkins = data.checkins.map((c) => ({ module: c.flow, title: titleOf(c.flow), step: c.step, value: c.value, label: checkinLabel(c.value), at: iso(c.at) }));
  // Modules in the registry's order: every one with progress, or with a check-in or note kept from it.
  const used = new Set([...Object.keys(state?.progress ?? {}), ...data.checkins.map((c) => c.flow), ...data.notes.map((n) => n.flow)]);
  const modules: ExportModule[] = [...engine.catalog.flows.values()]
    .filter((f) => used.has(f.key))
    .map((flow) => {
      const p = state?.progress[flow.key];
      const ctx = state ? runContext(state, flow.key) : null;
      const done = p?.done ?? false;
      const inRun = ctx !== null && p !== undefined && flow.steps.some((s) => s.id === p.step && s.kind !== 'end');
      return {
        module: flow.key,
        title: titleOf(flow.key),
        status: uiText(locale, done ? 'page.export.done' : 'page.export.started'),
        done,
        position: p?.position ?? 0,
        total: p?.total ?? engine.progress.get(flow.key)?.total ?? flow.steps.length,
        now: inRun && p ? { step: p.step, text: stepText(flow, p.step) } : null,
        stepsDone: ctx ? ctx.history.filter((id) => flow.steps.some((s) => s.id === id)).map((id) => ({ step: id, text: stepText(flow, id), answer: answerText(flow, id, ctx) })) : [],
        checkins: checkins.filter((c) => c.module === flow.key).map(({ step, value, label, at }) => ({ step, value, label, at })),
      };
    });

  const question = (flowKey: string, stepId: string) => stepText(engine.flow(flowKey), stepId);
  return {
    exportedAt: iso(now),
    persona,
    ageBand: data.conversation.ageBand,
    locale,
    current: state?.current ? { module: state.current, title: titleOf(state.current) } : null,
    modules,
    notes: data.notes.map((n) => ({ module: n.flow, title: titleOf(n.flow), question: question(n.flow, n.step), text: n.text, savedAt: iso(n.updatedAt), flow: n.flow, slot: n.slot, step: n.step })),
    checkins,
    plan: data.plan,
    transcript: data.transcript.map((t) => ({ role: t.activity.from?.role === 'bot' ? 'bot' : 'user', text: t.activity.text ?? '', timestamp: t.activity.timestamp === undefined ? undefined : String(t.activity.timestamp as unknown) })),
    storedState: state,
  };
}

const esc = (v: string | number): string =>
  String(v).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const PLAN_FIELDS: PlanField[] = ['residence', 'handovers', 'holidays', 'school', 'money', 'talking', 'changes'];

/** The same export as a self-contained page to read or print: no script, nothing loaded from elsewhere. */
export function exportHtml(x: UserExport): string {
  const L = x.locale;
  const t = (key: Parameters<typeof uiText>[1], vars?: Record<string, string | number>) => esc(uiText(L, key, vars));
  const when = (at: string) => (new Intl.DateTimeFormat(L === 'ar' ? 'ar-u-nu-latn' : L, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(at)));
  const p = (text: string | null | undefined, cls = '') => `<p${cls ? ` class="${cls}"` : ''} dir="auto">${esc(text ?? '')}</p>`;
  const modules = x.modules.length === 0
    ? `<p>${t('page.export.none')}</p>`
    : x.modules
        .map((m) => {
          const steps = m.stepsDone.length === 0 ? '' : `<h4>${t('page.export.stepsDone')}</h4><ol>${m.stepsDone.map((s) => `<li>${p(s.text)}${s.answer === null ? '' : p(uiText(L, 'page.export.answer', { answer: s.answer }), 'answer')}</li>`).join('')}</ol>`;
          const checkins = m.checkins.length === 0 ? '' : `<h4>${t('page.notes.checkins')}</h4><ul>${m.checkins.map((c) => `<li>${esc(c.label)} · ${esc(when(c.at))}</li>`).join('')}</ul>`;
          return `<section><h3>${esc(m.title)}</h3><p>${esc(m.status)} · ${t('page.export.progress', { position: m.position, total: m.total })}</p>${m.now ? `<h4>${t('page.export.now')}</h4>${p(m.now.text)}` : ''}${steps}${checkins}</section>`;
        })
        .join('');
  const notes = x.notes.length === 0 ? '' : `<h2>${t('page.notes.heading')}</h2>${x.notes.map((n) => `<section><h3>${esc(n.title)}</h3>${p(n.question, 'question')}${n.text ? p(n.text) : `<p>${t('page.notes.skipped')}</p>`}<p class="meta">${t('page.notes.savedOn', { date: when(n.savedAt) })}</p></section>`).join('')}`;
  const planFields = PLAN_FIELDS.filter((f) => Object.prototype.hasOwnProperty.call(x.plan, f));
  const plan = planFields.length === 0 ? '' : `<h2>${t('page.notes.planHeading')}</h2>${planFields.map((f) => `<h3>${t(`page.notes.plan.${f}`)}</h3>${x.plan[f] ? p(x.plan[f]) : `<p>${t('page.notes.skipped')}</p>`}`).join('')}`;
  const transcript = x.transcript.length === 0 ? '' : `<h2>${t('page.export.transcript')}</h2><dl>${x.transcript.map((m) => `<dt>${t(m.role === 'bot' ? 'page.export.bot' : 'page.export.you')}</dt><dd>${p(m.text)}</dd>`).join('')}</dl>`;
  return `<!doctype html>
<html lang="${L}" dir="${L === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('page.export.title')}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:45rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}h2{margin-top:2.5rem;border-bottom:1px solid #999}section{break-inside:avoid;margin-bottom:1.5rem}.answer,.meta{color:#333}dt{font-weight:bold;margin-top:.75rem}dd{margin:0}</style>
</head>
<body>
<h1>${t('page.export.title')}</h1>
<p>${t('page.export.intro', { date: when(x.exportedAt) })}</p>
${x.current ? `<p>${t('page.export.current', { title: x.current.title })}</p>` : ''}
<h2>${t('page.export.modulesHeading')}</h2>
${modules}
${plan}
${notes}
${transcript}
</body>
</html>
`;
}
