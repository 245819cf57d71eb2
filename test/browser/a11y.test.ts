import type { Browser } from 'playwright-core';
import type { Locale, Persona } from '../../src/flows/schema';
import { startTestServer, type TestServer } from '../helpers/server';
import { checkinLabel, describeViolations, firstModule, launchBrowser, login, moduleTitle, newContext, openStart, runAxe, ui, waitForBotText } from './support';

/** axe-core's WCAG 2.1 A and AA rules find nothing on the start page, the chat and the notes, in every language. */
describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the accessibility statement page (Swedish, English and Arabic, the Arabic right to left)', async () => {
    const context = await newContext(browser, { bypassCSP: true, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    try {
      const res = await page.goto(`${server.url}/accessibility.html`);
      expect(res?.status()).toBe(200);
      expect(await page.textContent('#sv h1')).toContain('Tillgänglighetsredogörelse');
      expect(await page.getAttribute('#en', 'lang')).toBe('en');
      expect([await page.getAttribute('#ar', 'lang'), await page.getAttribute('#ar', 'dir')]).toEqual(['ar', 'rtl']);
      expect(describeViolations(await runAxe(page))).toBe('');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  }, 30_000);

  const locales: Locale[] = ['sv', 'en', 'ar'];
  const matrix: Array<[Locale, Persona]> = [
    ...locales.flatMap((l) => (['parent', 'child-next'] as const).map((p): [Locale, Persona] => [l, p])),
    // The youngest: pictures and the lines for the grown-up.
    ['sv', 'child-mini'],
  ];

  for (const [locale, persona] of matrix) {
    test(`${persona} in ${locale}: start page, chat with a module step, notes${persona === 'parent' ? ', help' : ', a login error'}`, async () => {
      const [code] = await server.codes(persona);
      // axe is injected as a script: this context alone bypasses CSP (the CSP test runs without).
      const context = await newContext(browser, { bypassCSP: true, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      try {
        await openStart(page, server.url, locale);
        expect(describeViolations(await runAxe(page))).toBe('');
        if (persona !== 'parent') {
          // The start page with a login error showing, too.
          await page.fill('#code', 'ABCDE-FGHJK-MNPQ');
          await page.click('#login-button');
          await page.waitForSelector('#code-error:not(:empty)');
          expect(describeViolations(await runAxe(page))).toBe('');
        }

        await login(page, code as string);
        const flow = firstModule(persona);
        await page.locator('.webchat__suggested-action[data-ready]', { hasText: moduleTitle(locale, flow) }).first().click();
        await page.waitForSelector(`.webchat__suggested-action >> text=${checkinLabel(locale, persona, 3)}`);
        expect(describeViolations(await runAxe(page))).toBe('');

        if (persona === 'parent') {
          await page.click('#help-button');
          await page.waitForSelector('#help-dialog[open]');
          expect(describeViolations(await runAxe(page))).toBe('');
          await page.keyboard.press('Escape');
        }

        // A check-in answer gives the notes page something to show.
        await page.locator('.webchat__suggested-action[data-ready]', { hasText: checkinLabel(locale, persona, 3) }).first().click();
        await waitForBotText(page, ui(locale, 'checkin.thanks'));
        await page.click('#notes-button');
        await page.waitForSelector('#notes-content .notes-module');
        expect(describeViolations(await runAxe(page))).toBe('');
      } finally {
        await context.close();
      }
    }, 60_000);
  }
});
