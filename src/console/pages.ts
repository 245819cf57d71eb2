import type { FlowEngine } from '../flows/engine';
import { nextTargets, toMermaid } from '../flows/graph';
import { AGE_BANDS, LOCALES, PERSONAS, type Flow, type Step } from '../flows/schema';
import type { StaffPrincipal } from './session';
import { CONSOLE_LOCALES, consoleStrings, ct, ctDynamic, type ConsoleKey, type ConsoleLocale } from './strings';
import type { MonthStats } from './stats';

/** Escapes text for HTML element content and attribute values. */
export const esc = (v: string | number): string =>
  String(v).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** JSON inside a non-executed `<script type="application/json">` block: nothing can close the element early. */
const jsonBlock = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

export type ConsolePage = 'signin' | 'codes' | 'preview' | 'flows' | 'stats' | 'audit' | 'forbidden';

export interface PageContext {
  locale: ConsoleLocale;
  staff: StaffPrincipal | null;
  /** Municipalities this staff member may choose: all for an admin, the own one for staff. */
  municipalities: Array<{ id: string; name: string }>;
  path: string;
  query: URLSearchParams;
}

const NAV: Array<{ page: ConsolePage; key: ConsoleKey; adminOnly?: boolean }> = [
  { page: 'codes', key: 'nav.codes' },
  { page: 'preview', key: 'nav.preview' },
  { page: 'flows', key: 'nav.flows' },
  { page: 'stats', key: 'nav.stats' },
  { page: 'audit', key: 'nav.audit', adminOnly: true },
];

function langLinks(ctx: PageContext): string {
  const links = CONSOLE_LOCALES.filter((l) => l !== ctx.locale).map((l) => {
    const q = new URLSearchParams(ctx.query);
    q.set('lang', l);
    return `<a href="${esc(`${ctx.path}?${q.toString()}`)}" lang="${l}" hreflang="${l}">${esc(consoleStrings(l).meta.langName)}</a>`;
  });
  return `<nav class="lang" aria-label="${esc(ct(ctx.locale, 'meta.language'))}">${links.join(' ')}</nav>`;
}

/** The page frame: skip link, header with navigation and language switch, main, and the data block for console.js. */
export function layout(ctx: PageContext, page: ConsolePage, title: string, main: string, data: Record<string, unknown> = {}, scripts: string[] = []): string {
  const L = ctx.locale;
  const staff = ctx.staff;
  const nav = staff
    ? `<nav class="main-nav" aria-label="${esc(ct(L, 'nav.label'))}"><ul>${NAV.filter((n) => !n.adminOnly || staff.role === 'admin')
        .map((n) => `<li><a href="/console/${n.page}"${n.page === page ? ' aria-current="page"' : ''}>${esc(ct(L, n.key))}</a></li>`)
        .join('')}</ul></nav>`
    : '';
  const home = staff ? (staff.municipalityId ? (ctx.municipalities.find((m) => m.id === staff.municipalityId)?.name ?? staff.municipalityId) : ct(L, 'nav.allMunicipalities')) : '';
  const who = staff
    ? `<div class="who"><p>${esc(ct(L, 'nav.signedInAs', { username: staff.username, role: ctDynamic(L, 'roles', staff.role) }))} · ${esc(home)}</p><button type="button" id="sign-out" class="secondary">${esc(ct(L, 'nav.signOut'))}</button></div>`
    : '';
  const payload = { page, locale: L, csrf: staff?.csrf ?? null, role: staff?.role ?? null, strings: consoleStrings(L), ...data };
  return `<!doctype html>
<html lang="${L}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} – ${esc(ct(L, 'meta.titleSuffix'))}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/console.css">
${scripts.map((s) => `<script src="${esc(s)}" defer></script>`).join('\n')}
<script src="/console/console.js" defer></script>
</head>
<body data-page="${page}">
<a class="skip" href="#main">${esc(ct(L, 'meta.skip'))}</a>
<header class="site-header">
<p class="brand">${esc(ct(L, 'meta.app'))}</p>
${nav}
${who}
${langLinks(ctx)}
</header>
<main id="main" tabindex="-1">
${main}
</main>
<script type="application/json" id="console-data">${jsonBlock(payload)}</script>
</body>
</html>
`;
}

const option = (value: string, label: string, selected = false) => `<option value="${esc(value)}"${selected ? ' selected' : ''}>${esc(label)}</option>`;

function field(id: string, label: string, control: string, hint?: string): string {
  return `<div class="field"><label for="${id}">${esc(label)}</label>${control}${hint ? `<p class="hint" id="${id}-hint">${esc(hint)}</p>` : ''}</div>`;
}

function municipalityField(ctx: PageContext, selected: string | null, id = 'municipality', allOption = false): string {
  const L = ctx.locale;
  if (ctx.municipalities.length === 1 && ctx.staff?.role !== 'admin') {
    const only = ctx.municipalities[0];
    return only ? `<p class="fixed"><span class="label">${esc(ct(L, 'common.municipality'))}:</span> ${esc(only.name)}<input type="hidden" name="municipality" value="${esc(only.id)}"></p>` : '';
  }
  const all = allOption ? option('', ct(L, 'common.allMunicipalities'), selected === null) : '';
  return field(id, ct(L, 'common.municipality'), `<select id="${id}" name="municipality">${all}${ctx.municipalities.map((m) => option(m.id, m.name, m.id === selected)).join('')}</select>`);
}

function messageBox(id: string, role: 'status' | 'alert', text = ''): string {
  return `<div id="${id}" class="message${text ? '' : ' empty'}" role="${role}">${esc(text)}</div>`;
}

// ---- sign-in ----

export function signinPage(ctx: PageContext, notice: { kind: 'info' | 'error'; text: string } | null, username = ''): string {
  const L = ctx.locale;
  const main = `<h1>${esc(ct(L, 'signin.title'))}</h1>
<p>${esc(ct(L, 'signin.intro'))}</p>
${notice?.kind === 'error' ? messageBox('signin-message', 'alert', notice.text) : messageBox('signin-message', 'status', notice?.text ?? '')}
<form id="signin-form" class="stack" method="post" action="/console/login">
${field('username', ct(L, 'signin.username'), `<input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="100" value="${esc(username)}">`)}
${field('password', ct(L, 'signin.password'), '<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200">')}
<button type="submit">${esc(ct(L, 'signin.submit'))}</button>
</form>
<p class="hint">${esc(ct(L, 'signin.noAccount'))}</p>`;
  return layout(ctx, 'signin', ct(L, 'signin.title'), main);
}

export function forbiddenPage(ctx: PageContext): string {
  const L = ctx.locale;
  const main = `<h1>${esc(ct(L, 'common.forbiddenTitle'))}</h1><p>${esc(ct(L, 'common.forbidden'))}</p><p><a href="/console/codes">${esc(ct(L, 'common.back'))}</a></p>`;
  return layout(ctx, 'forbidden', ct(L, 'common.forbiddenTitle'), main);
}

// ---- codes ----

export function codesPage(ctx: PageContext): string {
  const L = ctx.locale;
  const personas = PERSONAS.map((p) => option(p, ctDynamic(L, 'personas', p))).join('');
  const bands = AGE_BANDS.map((b) => option(b, ctDynamic(L, 'ageBands', b), b === '9-12')).join('');
  const slipLangs = LOCALES.map((l) => option(l, ctDynamic(L, 'locales', l), l === L)).join('');
  const main = `<h1>${esc(ct(L, 'codes.title'))}</h1>
<p>${esc(ct(L, 'codes.intro'))}</p>
${messageBox('codes-status', 'status')}
${messageBox('codes-error', 'alert')}
<section class="no-print" aria-labelledby="create-h">
<h2 id="create-h">${esc(ct(L, 'codes.createHeading'))}</h2>
<form id="create-form" class="stack" novalidate>
${municipalityField(ctx, ctx.staff?.municipalityId ?? ctx.municipalities[0]?.id ?? null, 'create-municipality')}
${field('persona', ct(L, 'common.persona'), `<select id="persona" name="persona">${personas}</select>`)}
<div id="age-band-field" hidden>${field('ageBand', ct(L, 'common.ageBand'), `<select id="ageBand" name="ageBand" aria-describedby="ageBand-hint">${bands}</select>`, ct(L, 'common.ageBandHint'))}</div>
${field('count', ct(L, 'codes.count'), '<input id="count" name="count" type="number" inputmode="numeric" min="1" max="500" step="1" value="10" required aria-describedby="count-hint">', ct(L, 'codes.countHint'))}
${field('expiresDays', ct(L, 'codes.expiresDays'), '<input id="expiresDays" name="expiresDays" type="number" inputmode="numeric" min="0" max="3650" step="1" value="365" required aria-describedby="expiresDays-hint">', ct(L, 'codes.expiresHint'))}
${field('label', ct(L, 'codes.label'), '<input id="label" name="label" maxlength="80" autocomplete="off" aria-describedby="label-hint">', ct(L, 'codes.labelHint'))}
${field('slipLocale', ct(L, 'codes.slipLanguage'), `<select id="slipLocale" name="slipLocale">${slipLangs}</select>`)}
<button type="submit">${esc(ct(L, 'codes.submit'))}</button>
</form>
</section>
<section id="sheet" class="sheet" aria-labelledby="sheet-h" hidden>
<h2 id="sheet-h" tabindex="-1">${esc(ct(L, 'codes.sheetHeading'))}</h2>
<p class="warning no-print">${esc(ct(L, 'codes.once'))}</p>
<div class="toolbar no-print">
<button type="button" id="print-slips">${esc(ct(L, 'codes.print'))}</button>
<button type="button" id="download-csv" class="secondary">${esc(ct(L, 'codes.csv'))}</button>
<button type="button" id="hide-sheet" class="secondary">${esc(ct(L, 'codes.hide'))}</button>
</div>
<ul id="slips" class="slips"></ul>
</section>
<section class="no-print" aria-labelledby="revoke-h">
<h2 id="revoke-h">${esc(ct(L, 'codes.revokeHeading'))}</h2>
<p>${esc(ct(L, 'codes.revokeIntro'))}</p>
<form id="revoke-form" class="stack" novalidate>
${field('code', ct(L, 'codes.code'), '<input id="code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40" required aria-describedby="code-hint">', ct(L, 'codes.codeHint'))}
<button type="submit">${esc(ct(L, 'codes.revokeSubmit'))}</button>
</form>
</section>
<section class="no-print" aria-labelledby="batches-h">
<h2 id="batches-h">${esc(ct(L, 'codes.batchesHeading'))}</h2>
${ctx.staff?.role === 'admin' ? `<form id="batches-filter" class="inline">${municipalityField(ctx, ctx.query.get('municipality'), 'batches-municipality', true)}<button type="submit" class="secondary">${esc(ct(L, 'common.show'))}</button></form>` : ''}
<div id="batches" aria-busy="true"><p>${esc(ct(L, 'codes.loading'))}</p></div>
</section>`;
  return layout(ctx, 'codes', ct(L, 'codes.title'), main, { municipalities: ctx.municipalities });
}

// ---- modules (preview and flows) ----

export function moduleTitle(engine: FlowEngine, flow: Flow, locale: ConsoleLocale): string {
  return engine.catalog.content[locale].get(flow.key)?.title ?? flow.key;
}

function moduleOptions(engine: FlowEngine, L: ConsoleLocale, selected: string | null): string {
  return PERSONAS.map((p) => {
    const flows = engine.flowsOf(p);
    return `<optgroup label="${esc(ctDynamic(L, 'personas', p))}">${flows.map((f) => option(f.key, `${moduleTitle(engine, f, L)} (${f.key})`, f.key === selected)).join('')}</optgroup>`;
  }).join('');
}

export function previewPage(ctx: PageContext, engine: FlowEngine): string {
  const L = ctx.locale;
  const flows = [...engine.catalog.flows.values()];
  const steps = Object.fromEntries(flows.map((f) => [f.key, { persona: f.persona, start: f.start, steps: f.steps.map((s) => ({ id: s.id, kind: s.kind })) }]));
  const first = engine.flow('parent/base') ? 'parent/base' : (flows[0]?.key ?? null);
  const main = `<h1>${esc(ct(L, 'preview.title'))}</h1>
<p>${esc(ct(L, 'preview.intro'))}</p>
${messageBox('preview-error', 'alert')}
<div class="columns">
<section aria-labelledby="setup-h">
<h2 id="setup-h">${esc(ct(L, 'preview.setupHeading'))}</h2>
<form id="preview-form" class="stack" novalidate>
${field('preview-flow', ct(L, 'preview.module'), `<select id="preview-flow" name="flow">${moduleOptions(engine, L, first)}</select>`)}
${field('preview-locale', ct(L, 'preview.language'), `<select id="preview-locale" name="locale">${LOCALES.map((l) => option(l, ctDynamic(L, 'locales', l), l === L)).join('')}</select>`)}
<div id="preview-age-field" hidden>${field('preview-age', ct(L, 'common.ageBand'), `<select id="preview-age" name="ageBand">${AGE_BANDS.map((b) => option(b, ctDynamic(L, 'ageBands', b), b === '9-12')).join('')}</select>`)}</div>
${field('preview-step', ct(L, 'preview.step'), `<select id="preview-step" name="step">${option('', ct(L, 'preview.fromStart'), true)}</select>`)}
<button type="submit">${esc(ct(L, 'preview.start'))}</button>
</form>
</section>
<section aria-labelledby="chat-h" class="chat-panel">
<h2 id="chat-h" tabindex="-1">${esc(ct(L, 'preview.chatHeading'))}</h2>
<p class="note">${esc(ct(L, 'preview.notSaved'))}</p>
<p id="preview-progress" class="progress" role="status"></p>
<div id="chat-log" class="chat" role="log" aria-labelledby="chat-h"><p class="empty-chat">${esc(ct(L, 'preview.empty'))}</p></div>
<div id="chat-actions" class="chat-actions" role="group" aria-label="${esc(ct(L, 'preview.answers'))}"></div>
<div class="chat-global" role="group" aria-label="${esc(ct(L, 'preview.globalActions'))}">
<button type="button" class="secondary" data-intent="intent:help" disabled>${esc(ct(L, 'preview.help'))}</button>
<button type="button" class="secondary" data-intent="intent:menu" disabled>${esc(ct(L, 'preview.menu'))}</button>
<button type="button" class="secondary" data-intent="intent:back" disabled>${esc(ct(L, 'preview.back'))}</button>
<button type="button" class="secondary" data-intent="intent:restart" disabled>${esc(ct(L, 'preview.restart'))}</button>
</div>
<form id="chat-form" class="inline">
<label for="chat-input">${esc(ct(L, 'preview.input'))}</label>
<input id="chat-input" name="text" autocomplete="off" maxlength="2000" disabled>
<button type="submit" disabled>${esc(ct(L, 'preview.send'))}</button>
</form>
</section>
</div>`;
  return layout(ctx, 'preview', ct(L, 'preview.title'), main, { flows: steps });
}

/** Mermaid text for the page: the CLI's diagram with an accessible title for the rendered SVG. */
export function mermaidFor(engine: FlowEngine, flow: Flow, L: ConsoleLocale): string {
  const [head, ...rest] = toMermaid(flow).split('\n');
  const title = ct(L, 'flows.diagramAlt', { title: moduleTitle(engine, flow, L) }).replace(/[\n\r]/g, ' ');
  return [head, `  accTitle: ${title}`, ...rest].join('\n');
}

function nextOf(step: Step): string {
  if (step.kind === 'end') return '';
  if (step.kind === 'choice' || step.kind === 'dilemma') return step.options.map((o) => `${o.value} → ${nextTargets(o.next ?? step.next).join(' / ')}`).join('; ');
  return nextTargets(step.next).join(' / ');
}

export function flowsPage(ctx: PageContext, engine: FlowEngine, flow: Flow, hasTests: boolean): string {
  const L = ctx.locale;
  const title = moduleTitle(engine, flow, L);
  const main = `<h1>${esc(ct(L, 'flows.title'))}</h1>
<p>${esc(ct(L, 'flows.intro'))}</p>
<form id="flow-form" class="inline" method="get" action="/console/flows">
${field('flow', ct(L, 'flows.module'), `<select id="flow" name="flow">${moduleOptions(engine, L, flow.key)}</select>`)}
<button type="submit" class="secondary">${esc(ct(L, 'flows.show'))}</button>
</form>
<h2>${esc(`${title} (${flow.key})`)}</h2>
<section aria-labelledby="diagram-h">
<h3 id="diagram-h">${esc(ct(L, 'flows.diagramHeading'))}</h3>
<figure class="diagram-figure">
<div id="diagram" class="diagram"></div>
<figcaption>${esc(ct(L, 'flows.diagramAlt', { title }))}</figcaption>
</figure>
<details><summary>${esc(ct(L, 'flows.mermaid'))}</summary><pre id="mermaid-src">${esc(mermaidFor(engine, flow, L))}</pre></details>
</section>
<section aria-labelledby="steps-h">
<h3 id="steps-h">${esc(ct(L, 'flows.stepsHeading'))}</h3>
<table>
<caption>${esc(ct(L, 'flows.stepsCaption'))}</caption>
<thead><tr><th scope="col">${esc(ct(L, 'flows.stepId'))}</th><th scope="col">${esc(ct(L, 'flows.kind'))}</th><th scope="col">${esc(ct(L, 'flows.next'))}</th></tr></thead>
<tbody>${flow.steps.map((s) => `<tr><th scope="row">${esc(s.id)}</th><td>${esc(ctDynamic(L, 'preview.stepKinds', s.kind))}</td><td>${esc(nextOf(s) || ct(L, 'common.none'))}</td></tr>`).join('')}</tbody>
</table>
</section>
<section aria-labelledby="tests-h">
<h3 id="tests-h">${esc(ct(L, 'flows.testsHeading'))}</h3>
${hasTests ? `<button type="button" id="run-tests" data-flow="${esc(flow.key)}">${esc(ct(L, 'flows.run'))}</button>` : `<p>${esc(ct(L, 'flows.noTests'))}</p>`}
${messageBox('test-status', 'status')}
<ul id="test-lines" class="test-lines"></ul>
</section>`;
  return layout(ctx, 'flows', ct(L, 'flows.title'), main, { flow: flow.key }, ['/console/vendor/mermaid.js']);
}

// ---- statistics ----

export function statsPage(ctx: PageContext, engine: FlowEngine, s: MonthStats | null, month: string, municipalityId: string, error: string | null): string {
  const L = ctx.locale;
  const muniName = ctx.municipalities.find((m) => m.id === municipalityId)?.name ?? municipalityId;
  const flowTitle = (key: string) => {
    const f = engine.flow(key);
    return f ? `${moduleTitle(engine, f, L)} (${f.persona})` : key;
  };
  /** Column headers; the count columns (all but the named text ones) are right-aligned like their numbers. */
  const head = (text: number, ...cols: string[]) => `<thead><tr>${cols.map((c, i) => `<th scope="col"${i >= text ? ' class="num"' : ''}>${esc(c)}</th>`).join('')}</tr></thead>`;
  const csv = `/console/api/stats.csv?${new URLSearchParams({ municipality: municipalityId, month }).toString()}`;
  const body = s
    ? `<section aria-labelledby="stats-h">
<h2 id="stats-h">${esc(ct(L, 'stats.heading', { municipality: muniName, month }))}</h2>
<p id="stats-through">${esc(s.through ? ct(L, 'stats.through', { date: formatDay(s.through, L) }) : ct(L, 'stats.notYet'))}</p>
<p><a href="${esc(csv)}" download>${esc(ct(L, 'stats.csv'))}</a></p>
<h3>${esc(ct(L, 'stats.logins'))}</h3>
<table class="compact"><caption>${esc(ct(L, 'stats.loginsTotal'))}</caption><tbody><tr><th scope="row">${esc(ct(L, 'stats.loginsTotal'))}</th><td id="logins-total" class="num">${esc(s.logins)}</td></tr></tbody></table>
<table class="compact"><caption>${esc(ct(L, 'stats.byPersona'))}</caption>${head(1, ct(L, 'common.persona'), ct(L, 'stats.count'))}
<tbody>${s.loginsByPersona.map((p) => `<tr><th scope="row">${esc(ctDynamic(L, 'personas', p.persona))}</th><td class="num">${esc(p.value)}</td></tr>`).join('')}</tbody></table>
<table class="compact"><caption>${esc(ct(L, 'stats.byLanguage'))}</caption>${head(1, ct(L, 'common.language'), ct(L, 'stats.count'))}
<tbody>${s.loginsByLocale.map((p) => `<tr><th scope="row">${esc(ctDynamic(L, 'locales', p.locale))}</th><td class="num">${esc(p.value)}</td></tr>`).join('')}</tbody></table>
<h3>${esc(ct(L, 'stats.modules'))}</h3>
<table><caption>${esc(ct(L, 'stats.modulesCaption'))}</caption>${head(1, ct(L, 'flows.module'), ct(L, 'stats.started'), ct(L, 'stats.completed'))}
<tbody>${s.modules.map((m) => `<tr><th scope="row">${esc(flowTitle(m.flow))}</th><td class="num">${esc(m.started)}</td><td class="num">${esc(m.completed)}</td></tr>`).join('')}</tbody></table>
<h3>${esc(ct(L, 'stats.dropoff'))}</h3>
<p>${esc(ct(L, 'stats.dropoffIntro'))}</p>
${s.dropoff.length === 0 ? `<p>${esc(ct(L, 'stats.noDropoff'))}</p>` : `<table><caption>${esc(ct(L, 'stats.dropoffCaption'))}</caption>${head(2, ct(L, 'flows.module'), ct(L, 'stats.step'), ct(L, 'stats.count'))}
<tbody>${s.dropoff.map((d) => `<tr><th scope="row">${esc(flowTitle(d.flow))}</th><td>${esc(d.step)}</td><td class="num">${esc(d.value)}</td></tr>`).join('')}</tbody></table>`}
<h3>${esc(ct(L, 'stats.support'))}</h3>
<table class="compact"><caption>${esc(ct(L, 'stats.support'))}</caption>${head(1, ct(L, 'stats.support'), ct(L, 'stats.count'))}
<tbody><tr><th scope="row">${esc(ct(L, 'stats.help'))}</th><td class="num">${esc(s.help)}</td></tr><tr><th scope="row">${esc(ct(L, 'stats.crisis'))}</th><td class="num">${esc(s.crisis)}</td></tr></tbody></table>
</section>`
    : '';
  const main = `<h1>${esc(ct(L, 'stats.title'))}</h1>
<p>${esc(ct(L, 'stats.intro'))}</p>
${error ? messageBox('stats-error', 'alert', error) : ''}
<form id="stats-form" class="inline" method="get" action="/console/stats">
${municipalityField(ctx, municipalityId, 'stats-municipality')}
${field('month', ct(L, 'stats.month'), `<input id="month" name="month" type="month" value="${esc(month)}" pattern="\\d{4}-\\d{2}" required>`)}
<button type="submit" class="secondary">${esc(ct(L, 'stats.show'))}</button>
</form>
${body}`;
  return layout(ctx, 'stats', ct(L, 'stats.title'), main);
}

// ---- audit ----

export interface AuditRow {
  id: number;
  username: string | null;
  /** 'cli' for what the command line did. */
  actor: string | null;
  municipality_id: string | null;
  action: string;
  detail: string | null;
  at: number;
}

/** A `YYYY-MM-DD` day as the console's language writes dates. */
export function formatDay(day: string, L: ConsoleLocale): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(L === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatTime(at: number, L: ConsoleLocale): string {
  return new Intl.DateTimeFormat(L === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Stockholm' }).format(new Date(at));
}

function detailText(detail: string | null): string {
  if (!detail) return '';
  try {
    const parsed = JSON.parse(detail) as Record<string, unknown>;
    return Object.entries(parsed)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join(', ');
  } catch {
    return detail;
  }
}

export function auditPage(ctx: PageContext, rows: AuditRow[], hasOlder: boolean): string {
  const L = ctx.locale;
  const muni = (id: string | null) => (id ? (ctx.municipalities.find((m) => m.id === id)?.name ?? id) : ct(L, 'common.none'));
  const last = rows[rows.length - 1];
  const main = `<h1>${esc(ct(L, 'audit.title'))}</h1>
<p>${esc(ct(L, 'audit.intro'))}</p>
${rows.length === 0 ? `<p>${esc(ct(L, 'audit.empty'))}</p>` : `<table id="audit-table">
<caption>${esc(ct(L, 'audit.caption'))}</caption>
<thead><tr><th scope="col">${esc(ct(L, 'audit.when'))}</th><th scope="col">${esc(ct(L, 'audit.who'))}</th><th scope="col">${esc(ct(L, 'audit.action'))}</th><th scope="col">${esc(ct(L, 'audit.municipality'))}</th><th scope="col">${esc(ct(L, 'audit.detail'))}</th></tr></thead>
<tbody>${rows
    .map(
      (r) =>
        `<tr data-action="${esc(r.action)}"><th scope="row"><time datetime="${new Date(r.at).toISOString()}">${esc(formatTime(r.at, L))}</time></th><td>${esc(r.username ?? (r.actor === 'cli' ? ct(L, 'audit.cli') : ct(L, 'audit.unknownUser')))}</td><td>${esc(ctDynamic(L, 'audit.actions', r.action))}</td><td>${esc(muni(r.municipality_id))}</td><td>${esc(detailText(r.detail))}</td></tr>`,
    )
    .join('')}</tbody>
</table>`}
<nav class="pager" aria-label="${esc(ct(L, 'audit.title'))}">
${ctx.query.has('before') ? `<a href="/console/audit">${esc(ct(L, 'audit.newest'))}</a>` : ''}
${hasOlder && last ? `<a href="/console/audit?before=${last.id}">${esc(ct(L, 'audit.older'))}</a>` : ''}
</nav>`;
  return layout(ctx, 'audit', ct(L, 'audit.title'), main);
}
