import { readFileSync } from 'node:fs';
import net from 'node:net';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { Locale, Persona } from '../../src/flows/schema';
import { uiText, type UiKey } from '../../src/i18n/ui';
import { sharedEngine, startTestServer, type TestServer } from '../helpers/server';

/** Debian's chromium, headless, with nothing that reaches out to the network by itself. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** How the page paces the bot's messages: its own pace (`true`), none (`false`), or a fixed number of ms per message. */
export type Pacing = boolean | number;

/**
 * A context as a person would have it: real CSP, Swedish browser, a phone-ish or desktop viewport. The page's pacing
 * of bot messages is off unless asked for (`page.lotsenPacing`), so tests that wait for texts wait for the server only.
 */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}, pacing: Pacing = false): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 800 }, ...options });
  if (pacing !== true) {
    await context.addInitScript((p) => {
      (window as unknown as { lotsenPacing: number | false }).lotsenPacing = p;
    }, pacing);
  }
  return context;
}

export const PHONE = { width: 390, height: 844 };

export const ui = (locale: Locale, key: UiKey, vars: Record<string, string | number> = {}) => uiText(locale, key, vars);

/** A module's content in one language (content/<lang>/<persona>/<module>.yaml). */
export function moduleContent(locale: Locale, flowKey: string) {
  const content = sharedEngine().catalog.content[locale].get(flowKey);
  if (!content) throw new Error(`no content for ${flowKey} in ${locale}`);
  return content;
}

/** The first chat message of a content step (its `text`, or the first of a list). */
export function stepText(locale: Locale, flowKey: string, step: string): string {
  const text = moduleContent(locale, flowKey).steps[step]?.text;
  if (text === undefined) throw new Error(`no text for ${flowKey} ${step}`);
  return Array.isArray(text) ? (text[0] as string) : text;
}

export function optionLabel(locale: Locale, flowKey: string, step: string, value: string): string {
  const label = moduleContent(locale, flowKey).steps[step]?.options?.[value];
  if (!label) throw new Error(`no option ${value} for ${flowKey} ${step}`);
  return label;
}

export const checkinLabel = (locale: Locale, persona: Persona, n: 1 | 2 | 3 | 4 | 5) =>
  ui(locale, (persona === 'parent' ? `checkin.scale.${n}` : `checkin.scale_child.${n}`) as UiKey);

/** The first module of a persona's menu (what a new user sees first). */
export function firstModule(persona: Persona): string {
  const flow = sharedEngine().flowsOf(persona)[0];
  if (!flow) throw new Error(`no module for ${persona}`);
  return flow.key;
}

export const moduleTitle = (locale: Locale, flowKey: string) => moduleContent(locale, flowKey).title;

/** Opens the start page in a language and waits until the page has decided what to show. */
export async function openStart(page: Page, url: string, locale: Locale = 'sv'): Promise<void> {
  await page.goto(`${url}/`);
  await page.waitForSelector('body:not(.is-loading) #start-view:not([hidden])');
  if ((await page.getAttribute('html', 'lang')) !== locale) {
    await page.click(`.lang-button[data-lang="${locale}"]`);
    await page.waitForFunction((l) => document.documentElement.lang === l, locale);
  }
}

/** Logs in with a code from the start page and waits for the welcome and its menu buttons. */
export async function login(page: Page, code: string): Promise<void> {
  await page.fill('#code', code);
  await page.click('#login-button');
  await waitForChat(page);
}

export async function waitForChat(page: Page): Promise<void> {
  await page.waitForSelector('#app-view:not([hidden]) .webchat__suggested-action', { timeout: 20_000 });
}

/** Presses a suggested action by its label. */
export async function clickAction(page: Page, label: string): Promise<void> {
  // A new set of answers takes input once it has settled (data-ready), so that a double tap cannot misfire.
  await page.locator('.webchat__suggested-action[data-ready]', { hasText: label }).first().click();
}

/** Waits until a bot message containing `text` is in the transcript. */
export async function waitForBotText(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (t) => Array.from(document.querySelectorAll('.lotsen-text:not(.lotsen-text--user)')).some((n) => (n.textContent ?? '').includes(t)),
    text,
    { timeout },
  );
}

/** The text of every bot message in the transcript, in order. */
export function botTexts(page: Page): Promise<string[]> {
  return page.$$eval('.lotsen-text:not(.lotsen-text--user)', (nodes) =>
    nodes.map((n) => Array.from(n.querySelectorAll('p:not(.lotsen-adult-label)')).map((p) => p.textContent ?? '').join('\n')),
  );
}

/** Sends free text through Web Chat's send box. */
export async function typeMessage(page: Page, text: string): Promise<void> {
  const box = page.locator('[data-id="webchat-sendbox-input"]');
  await box.fill(text);
  await box.press('Enter');
}

/** Records every text added inside an aria-live region, with the region's class, from the first script on. */
export async function watchLiveRegions(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __live: Array<{ region: string; text: string }> };
    w.__live = [];
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        const nodes = m.type === 'characterData' ? [m.target] : Array.from(m.addedNodes);
        for (const n of nodes) {
          const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
          const host = el?.closest('[aria-live]');
          const text = (n.textContent ?? '').trim();
          if (host && text) w.__live.push({ region: String(host.className), text });
        }
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

export function liveTexts(page: Page): Promise<Array<{ region: string; text: string }>> {
  return page.evaluate(() => (window as unknown as { __live: Array<{ region: string; text: string }> }).__live);
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core's WCAG 2.1 A/AA rules on the page (the context must have bypassCSP to inject it). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

/** Readable axe output for a failing expectation. */
export const describeViolations = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n  ')}`).join('\n');

export interface DropProxy {
  url: string;
  /** Cuts every open connection (WebSocket included) and refuses new ones until `restore`. */
  drop(): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * A loopback TCP proxy in front of the test server. Chromium's offline emulation leaves an open WebSocket alone,
 * so a real network drop also needs the connections cut; this does that, on 127.0.0.1 only.
 */
export function startDropProxy(targetPort: number): Promise<DropProxy> {
  let dropped = false;
  const pairs = new Set<[net.Socket, net.Socket]>();
  const cut = () => {
    for (const [a, b] of pairs) {
      a.destroy();
      b.destroy();
    }
    pairs.clear();
  };
  const server = net.createServer((client) => {
    if (dropped) {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    const end = () => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    for (const s of pair) {
      s.on('error', end);
      s.on('close', end);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        drop: () => {
          dropped = true;
          cut();
        },
        restore: () => {
          dropped = false;
        },
        close: () => {
          cut();
          return new Promise<void>((done) => server.close(() => done()));
        },
      });
    });
  });
}

/** A test file's server and browser, started once for the file; every context a test opens is closed after it. */
export interface BrowserSuite {
  readonly server: TestServer;
  readonly browser: Browser;
  /** A new context (see `newContext`), closed after the test that opened it. */
  context(options?: BrowserContextOptions, pacing?: Pacing): Promise<BrowserContext>;
}

/** Call at the top of a `describe`: starts the server and the browser before its tests and stops them after. */
export function browserSuite(): BrowserSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const open: BrowserContext[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close().catch(() => undefined)));
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is not started: use browserSuite() inside a describe`);
    return value;
  };
  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async context(options = {}, pacing = false) {
      const context = await newContext(started(browser, 'browser'), options, pacing);
      open.push(context);
      return context;
    },
  };
}
