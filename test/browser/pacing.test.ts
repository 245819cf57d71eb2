import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { Locale } from '../../src/flows/schema';
import { browserSuite, checkinLabel, clickAction, login, moduleContent, moduleTitle, openStart, type Pacing, PHONE, stepText, ui, waitForBotText } from './support';

const BASE = 'parent/base';
/** A pace no test waits out: whatever shows before a minute has passed was not held back. */
const SLOW: Pacing = 60_000;

type Seen = { bubbles: number; typing: boolean };

/** The messages of the welcome step, which answering the first check-in brings (after a thank-you). */
function welcomeTexts(locale: Locale): string[] {
  const text = moduleContent(locale, BASE).steps.welcome?.text;
  return Array.isArray(text) ? (text as string[]) : [text as string];
}

describe('rhythm: the bot answer arrives one message at a time', () => {
  const suite = browserSuite();
  let context: BrowserContext;

  /** Logs in, opens the base module, and records from then on how many bot messages show and whether the dots do. */
  async function atCheckin(locale: Locale, pacing: Pacing, options: BrowserContextOptions = {}): Promise<Page> {
    const [code] = await suite.server.codes('parent');
    context = await suite.context({ viewport: PHONE, ...options }, pacing);
    await context.addInitScript(() => {
      const w = window as unknown as { __seen: Seen[] };
      w.__seen = [];
      new MutationObserver(() => {
        const now = { bubbles: document.querySelectorAll('.webchat__basic-transcript .lotsen-text:not(.lotsen-text--user)').length, typing: !!document.querySelector('.lotsen-typing') };
        const last = w.__seen[w.__seen.length - 1];
        if (!last || last.bubbles !== now.bubbles || last.typing !== now.typing) w.__seen.push(now);
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await openStart(page, suite.server.url, locale);
    // The welcome after login is no answer to anything: it shows at once, whatever the pace.
    await login(page, code as string);
    await clickAction(page, moduleTitle(locale, BASE));
    await waitForBotText(page, stepText(locale, BASE, 'checkin-start'));
    await page.locator('.webchat__suggested-action[data-ready]').first().waitFor();
    return page;
  }

  const seen = (page: Page) => page.evaluate(() => (window as unknown as { __seen: Seen[] }).__seen);

  test.each<Locale>(['sv', 'ar'])('%s: at its own pace, the messages of an answer come one by one, with the typing dots before each', async (locale) => {
    const page = await atCheckin(locale, true);
    const from = (await seen(page)).length;
    const before = (await seen(page))[from - 1]?.bubbles ?? 0;
    await clickAction(page, checkinLabel(locale, 'parent', 3));
    const texts = welcomeTexts(locale);
    await waitForBotText(page, texts[texts.length - 1] as string);
    await page.locator('.webchat__suggested-action[data-ready]').first().waitFor();
    const log = (await seen(page)).slice(from);
    // A thank-you and the step's messages: each new message after the first came after the dots had shown.
    const counts = [...new Set(log.map((s) => s.bubbles))].filter((n) => n > before);
    expect(counts).toEqual(Array.from({ length: texts.length + 1 }, (_, i) => before + 1 + i));
    for (const n of counts.slice(1)) {
      const at = log.findIndex((s) => s.bubbles === n);
      expect({ n, typingBefore: log.slice(0, at).some((s) => s.typing && s.bubbles === n - 1) }).toEqual({ n, typingBefore: true });
    }
  }, 60_000);

  test.each<Locale>(['sv', 'ar'])('%s: a key or a tap shows the rest of the answer at once', async (locale) => {
    const page = await atCheckin(locale, SLOW);
    const texts = welcomeTexts(locale);
    await clickAction(page, checkinLabel(locale, 'parent', 3));
    // The first message shows, then the dots, and the next waits.
    await waitForBotText(page, ui(locale, 'checkin.thanks'));
    await page.waitForSelector('.lotsen-typing');
    await page.waitForTimeout(1500);
    expect((await page.textContent('.webchat__basic-transcript')) ?? '').not.toContain(texts[0]);
    await page.screenshot({ path: `/tmp/lotsen-pacing-${locale}-typing.png` });
    await page.keyboard.press('Shift');
    await waitForBotText(page, texts[texts.length - 1] as string, 5_000);
    await page.locator('.webchat__suggested-action[data-ready]', { hasText: ui(locale, 'buttons.continue') }).first().waitFor();
    await page.screenshot({ path: `/tmp/lotsen-pacing-${locale}-all.png` });

    // A tap does the same.
    await clickAction(page, ui(locale, 'buttons.continue'));
    await page.locator('.webchat__suggested-action[data-ready]').first().waitFor();
    await clickAction(page, (await page.locator('.webchat__suggested-action[data-ready]').first().textContent())?.trim() ?? '');
    await page.waitForSelector('.lotsen-typing');
    await page.mouse.click(200, 400);
    await page.waitForFunction(() => !document.querySelector('.lotsen-typing'), undefined, { timeout: 10_000 });
    await page.locator('.webchat__suggested-action[data-ready]').first().waitFor({ timeout: 5_000 });
  }, 60_000);

  test.each<Locale>(['sv', 'ar'])('%s: with reduced motion there is no pacing and no dots', async (locale) => {
    const page = await atCheckin(locale, SLOW, { reducedMotion: 'reduce' });
    const from = (await seen(page)).length;
    const texts = welcomeTexts(locale);
    await clickAction(page, checkinLabel(locale, 'parent', 3));
    // Three messages at a minute each would take three minutes: they are all there long before that.
    await waitForBotText(page, texts[texts.length - 1] as string, 15_000);
    expect((await seen(page)).slice(from).some((s) => s.typing)).toBe(false);
  }, 60_000);
});
