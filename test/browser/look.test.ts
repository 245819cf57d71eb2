import { mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import type { Locale } from '../../src/flows/schema';
import { projectPath } from '../../src/paths';
import { startTestServer, type TestServer } from '../helpers/server';
import { checkinLabel, clickAction, firstModule, launchBrowser, login, moduleTitle, newContext, openStart, stepText, ui, waitForBotText } from './support';

const SHOTS = projectPath('docs', 'screenshots');
const BASE = 'parent/base';

/** How the pages look (screenshots for docs/screenshots/, looked at by a person) and what they weigh. */
describe('look and weight', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Nothing sideways: the page fits its width (WCAG 1.4.10 reflow at 320 CSS px). */
  const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  /** Logs in, opens the base module and answers the check-in: a module step with text and a button is showing. */
  async function parentAtAStep(page: Page, locale: Locale): Promise<void> {
    const [code] = await server.codes('parent');
    await login(page, code as string);
    await clickAction(page, moduleTitle(locale, BASE));
    await waitForBotText(page, stepText(locale, BASE, 'checkin-start'));
    await clickAction(page, checkinLabel(locale, 'parent', 3));
    await waitForBotText(page, stepText(locale, BASE, 'welcome'));
    // Let Web Chat finish scrolling to the newest message.
    await page.waitForTimeout(600);
  }

  for (const locale of ['sv', 'ar'] as const) {
    for (const width of [320, 1280]) {
      test(`start and chat pages in ${locale} at ${width} px`, async () => {
        const context = await newContext(browser, { viewport: { width, height: width === 320 ? 640 : 800 } });
        const page = await context.newPage();
        try {
          await openStart(page, server.url, locale);
          expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
          await page.screenshot({ path: `${SHOTS}/start-${locale}-${width}.png`, fullPage: true });

          await parentAtAStep(page, locale);
          expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
          await page.screenshot({ path: `${SHOTS}/chat-${locale}-${width}.png` });

          if (width === 320) {
            await page.click('#help-button');
            await page.waitForSelector('#help-dialog[open]');
            await page.screenshot({ path: `${SHOTS}/help-${locale}-${width}.png` });
            await page.keyboard.press('Escape');
            await page.click('#notes-button');
            await page.waitForSelector('#notes-content .notes-module');
            expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
            await page.screenshot({ path: `${SHOTS}/notes-${locale}-${width}.png`, fullPage: true });
          }
        } finally {
          await context.close();
        }
      }, 60_000);
    }
  }

  for (const persona of ['child-next', 'child-mini'] as const) {
    test(`${persona} at 320 px and 200 % zoom: fits, large targets${persona === 'child-mini' ? ', pictures and the line for the grown-up' : ''}`, async () => {
      // 200 % zoom on a 640 px wide window is a 320 CSS px viewport at device scale 2.
      const context = await newContext(browser, { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2 });
      const page = await context.newPage();
      try {
        const [code] = await server.codes(persona);
        await openStart(page, server.url, 'sv');
        await login(page, code as string);
        const flow = firstModule(persona);
        await clickAction(page, moduleTitle('sv', flow));
        if (persona === 'child-mini') {
          // The youngest start with a picture and a line for the grown-up to read.
          await page.waitForSelector('.lotsen-image img');
          await page.waitForSelector('.lotsen-text--adult .lotsen-adult-label');
          expect(await page.$eval('.lotsen-image img', (img) => (img as HTMLImageElement).alt.length)).toBeGreaterThan(0);
        } else {
          await page.waitForSelector(`.webchat__suggested-action >> text=${checkinLabel('sv', persona, 3)}`);
        }
        await page.waitForTimeout(600);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        // Every answer button is a comfortable target: at least 44 × 44 CSS px.
        const sizes = await page.$$eval('.webchat__suggested-action', (bs) => bs.map((b) => b.getBoundingClientRect()).map((r) => [r.width, r.height]));
        expect(sizes.length).toBeGreaterThan(0);
        for (const [w, h] of sizes) {
          expect(w).toBeGreaterThanOrEqual(44);
          expect(h).toBeGreaterThanOrEqual(44);
        }
        await page.screenshot({ path: `${SHOTS}/chat-${persona}-sv-320.png` });
      } finally {
        await context.close();
      }
    }, 60_000);
  }

  test('my notes: grouped by module in the user\'s language, the plan in its order, and printing shows only the notes', async () => {
    const [code] = await server.codes('parent');
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      let conversationId = '';
      page.on('response', async (res) => {
        if (res.url().endsWith('/api/login') && res.status() === 200) conversationId = ((await res.json()) as { conversationId: string }).conversationId;
      });
      await openStart(page, server.url, 'en');
      await login(page, code as string);
      const store = server.rt.store;
      await store.saveNote(conversationId, { flow: 'parent/base', slot: 'hardest-now', step: 'hardest', text: 'Sleeping at night.\nAnd the mornings.' });
      await store.saveCheckin(conversationId, { flow: 'parent/base', step: 'checkin-start', value: 2 });
      await store.saveNote(conversationId, { flow: 'parent/agreements', slot: 'residence', step: 'residence', text: null });
      await store.savePlanItem(conversationId, 'changes', 'We talk first, then decide.');
      await store.savePlanItem(conversationId, 'residence', 'Every other week.');
      await store.savePlanItem(conversationId, 'money', null);

      await page.click('#notes-button');
      await page.waitForSelector('#notes-content .notes-plan');
      expect(await page.getAttribute('#notes-button', 'aria-pressed')).toBe('true');
      expect(await page.$$eval('#notes-content > section > h2', (hs) => hs.map((h) => h.textContent))).toEqual([
        ui('en', 'page.notes.planHeading'),
        moduleTitle('en', 'parent/base'),
        moduleTitle('en', 'parent/agreements'),
      ]);
      expect(await page.$$eval('.notes-plan h3', (hs) => hs.map((h) => h.textContent))).toEqual(
        (['residence', 'money', 'changes'] as const).map((f) => ui('en', `page.notes.plan.${f}`)),
      );
      expect(await page.textContent('.notes-module .note-question')).toBe(stepText('en', BASE, 'hardest'));
      expect(await page.textContent('.notes-module .note-text')).toBe('Sleeping at night.\nAnd the mornings.');
      expect(await page.textContent('.notes-module .checkin-value')).toBe(ui('en', 'checkin.scale.2'));
      expect(await page.$$eval('.note-skipped', (ps) => ps.map((p) => p.textContent))).toContain(ui('en', 'page.notes.skipped'));
      await page.screenshot({ path: `${SHOTS}/notes-en-1280.png`, fullPage: true });

      await page.emulateMedia({ media: 'print' });
      for (const hidden of ['.bar', '#chat-main', '.notes-actions', '.danger-zone']) expect(await page.isVisible(hidden)).toBe(false);
      expect(await page.isVisible('.notes-plan')).toBe(true);
      await page.screenshot({ path: `${SHOTS}/notes-print-en.png`, fullPage: true });
      await page.emulateMedia({ media: 'screen' });

      await page.click('#notes-back');
      expect(await page.isVisible('#chat-main')).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('chat-main');
    } finally {
      await context.close();
    }
  }, 60_000);

  test('the chat page without videos weighs at most 600 KB gzipped (HTML, CSS, JS incl. Web Chat, pictures)', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const sizes = new Map<string, { raw: number; gzip: number }>();
    page.on('response', async (res) => {
      const type = res.request().resourceType();
      if (!['document', 'stylesheet', 'script', 'image', 'font'].includes(type) || !res.url().startsWith(server.url)) return;
      const body = await res.body().catch(() => null);
      if (!body) return;
      // What travels: the real gzip size where the server compresses (Web Chat), else what gzip would make of it.
      const sent = res.headers()['content-encoding'] === 'gzip' ? Number(res.headers()['content-length'] ?? gzipSync(body, { level: 9 }).length) : gzipSync(body).length;
      sizes.set(new URL(res.url()).pathname, { raw: body.length, gzip: sent });
    });
    try {
      await openStart(page, server.url, 'sv');
      await parentAtAStep(page, 'sv');
      const total = [...sizes.values()].reduce((a, s) => a + s.gzip, 0);
      const rows = [...sizes.entries()].map(([p, s]) => `${p}: ${(s.raw / 1024).toFixed(1)} KB raw, ${(s.gzip / 1024).toFixed(1)} KB gzip`);
      process.stdout.write(`Chat page weight: ${(total / 1024).toFixed(1)} KB gzipped\n  ${rows.join('\n  ')}\n`);
      expect(sizes.has('/vendor/webchat.js')).toBe(true);
      expect(total).toBeLessThanOrEqual(600 * 1024);
    } finally {
      await context.close();
    }
  }, 60_000);
});
