import type { BrowserContext, Page } from 'playwright-core';
import type { Locale } from '../../src/flows/schema';
import { browserSuite, checkinLabel, clickAction, login, moduleTitle, openStart, stepText, ui, waitForBotText } from './support';

const BASE = 'parent/base';

const userMessages = (page: Page) => page.$$eval('.lotsen-text--user', (nodes) => nodes.length);

describe('answers that cannot misfire, and a visible Back', () => {
  const suite = browserSuite();
  let context: BrowserContext;

  async function openBase(locale: Locale): Promise<Page> {
    const [code] = await suite.server.codes('parent');
    context = await suite.context({ viewport: { width: 390, height: 844 }, hasTouch: true });
    const page = await context.newPage();
    await openStart(page, suite.server.url, locale);
    await login(page, code as string);
    await clickAction(page, moduleTitle(locale, BASE));
    await waitForBotText(page, stepText(locale, BASE, 'checkin-start'));
    return page;
  }

  test.each<Locale>(['sv', 'ar'])('%s: two taps 0.7 s apart answer one question, not the next one too', async (locale) => {
    const page = await openBase(locale);
    await page.locator('.webchat__suggested-action[data-ready]').first().waitFor();
    const before = await userMessages(page);
    // The first button, tapped twice: the second tap lands on whatever has come up in its place by then.
    // Both taps from inside the page, 0.7 s apart by the page's own clock, whatever else the machine is doing.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const first = () => document.querySelector<HTMLElement>('.webchat__suggested-action');
          first()?.click();
          window.setTimeout(() => {
            first()?.click();
            resolve();
          }, 700);
        }),
    );
    await waitForBotText(page, stepText(locale, BASE, 'welcome'));
    await page.waitForTimeout(1500);
    expect(await userMessages(page)).toBe(before + 1);
    // The next set takes input once it has settled, and nothing of the pressed one carries over.
    await page.locator('.webchat__suggested-action[data-ready]').first().waitFor();
    expect(await page.$$eval('.webchat__suggested-action', (bs) => bs.filter((b) => b.classList.contains('is-spent') || b.getAttribute('aria-disabled') === 'true').length)).toBe(0);
    await clickAction(page, ui(locale, 'buttons.continue'));
    await waitForBotText(page, stepText(locale, BASE, 'when'));
    expect(await userMessages(page)).toBe(before + 2);
  }, 60_000);

  test.each<Locale>(['sv', 'ar'])('%s: a pressed set is disabled at once: a second tap on it sends nothing', async (locale) => {
    const page = await openBase(locale);
    const button = page.locator('.webchat__suggested-action[data-ready]', { hasText: checkinLabel(locale, 'parent', 3) }).first();
    await button.waitFor();
    const before = await userMessages(page);
    await button.dblclick({ delay: 60 });
    await waitForBotText(page, stepText(locale, BASE, 'welcome'));
    await page.waitForTimeout(1000);
    expect(await userMessages(page)).toBe(before + 1);
  }, 60_000);

  test.each<Locale>(['sv', 'ar'])('%s: Back shows in the bar where going back is possible, and goes back', async (locale) => {
    const page = await openBase(locale);
    expect(await page.isVisible('#back-button')).toBe(false);
    await clickAction(page, checkinLabel(locale, 'parent', 3));
    await waitForBotText(page, stepText(locale, BASE, 'welcome'));
    await clickAction(page, ui(locale, 'buttons.continue'));
    await waitForBotText(page, stepText(locale, BASE, 'when'));
    await page.waitForSelector('#back-button:not([hidden])');
    expect((await page.textContent('#back-button'))?.trim()).toBe(ui(locale, 'buttons.back'));
    const shown = await page.$$eval('.lotsen-text:not(.lotsen-text--user)', (n) => n.length);
    await page.click('#back-button');
    await page.waitForFunction((n) => document.querySelectorAll('.lotsen-text:not(.lotsen-text--user)').length > n, shown);
    const last = await page.$$eval('.lotsen-text:not(.lotsen-text--user)', (n) => n.map((x) => x.textContent ?? ''));
    expect(last.slice(shown).join(' ')).toContain(stepText(locale, BASE, 'welcome').slice(0, 30));
  }, 60_000);
});
