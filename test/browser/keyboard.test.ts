import type { BrowserContext, Page } from 'playwright-core';
import type { Locale } from '../../src/flows/schema';
import { browserSuite, checkinLabel, liveTexts, login, moduleTitle, openStart, optionLabel, PHONE, stepText, ui, waitForBotText, watchLiveRegions } from './support';

const BASE = 'parent/base';

/** The element that has focus: what it is and the words on it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { answer: !!el?.matches('.webchat__suggested-action'), text: (el?.textContent ?? '').trim(), id: el?.id ?? '', cls: String(el?.className ?? '') };
  });

/** Waits until focus is on an answer button with these words. */
async function expectFocusOnAnswer(page: Page, label: string): Promise<void> {
  await page
    .waitForFunction((l) => {
      const el = document.activeElement;
      return !!el && el.matches('.webchat__suggested-action') && (el.textContent ?? '').trim() === l;
    }, label, { timeout: 15_000 })
    .catch(() => undefined);
  expect(await focused(page)).toMatchObject({ answer: true, text: label });
}

/** Live-region entries of the transcript that carry `text`. */
async function announced(page: Page, text: string): Promise<number> {
  return (await liveTexts(page)).filter((e) => e.region.includes('webchat__live-region-transcript') && e.text.includes(text)).length;
}

describe('keyboard: focus after an answer, visible focus, no keyboard-help popup', () => {
  const suite = browserSuite();
  let context: BrowserContext;

  test.each<Locale>(['sv', 'ar'])('%s: after each answer focus is on the first of the next answers, and the new message is announced once', async (locale) => {
    const [code] = await suite.server.codes('parent');
    context = await suite.context({ viewport: PHONE });
    await watchLiveRegions(context);
    const page = await context.newPage();
    await openStart(page, suite.server.url, locale);
    await login(page, code as string);

    // The first Tab from the chat goes somewhere useful, and Web Chat's keyboard help never covers the chat.
    await page.locator('.webchat__suggested-action[data-ready]').first().waitFor();
    await page.focus('#chat-main');
    await page.keyboard.press('Tab');
    expect(await page.locator('.webchat__keyboard-help--shown').count()).toBe(0);
    expect((await focused(page)).cls).not.toContain('webchat__keyboard-help');

    // Into the module by keyboard: Tab to its button, Enter.
    const module = moduleTitle(locale, BASE);
    for (let i = 0; i < 40 && !((await focused(page)).answer && (await focused(page)).text === module); i += 1) await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ answer: true, text: module });
    await page.keyboard.press('Enter');

    const steps: Array<[first: string, key: 'Enter' | 'Space', next: string]> = [
      [checkinLabel(locale, 'parent', 1), 'Space', stepText(locale, BASE, 'welcome')],
      [ui(locale, 'buttons.continue'), 'Enter', stepText(locale, BASE, 'when')],
      [optionLabel(locale, BASE, 'when', 'recent'), 'Enter', stepText(locale, BASE, 'when-recent')],
    ];
    await waitForBotText(page, stepText(locale, BASE, 'checkin-start'));
    for (const [first, key, next] of steps) {
      // Focus is on the first answer of the new set: the next answer is no Tab away.
      await expectFocusOnAnswer(page, first);
      await page.locator('.webchat__suggested-action[data-ready]').first().waitFor();
      await page.screenshot({ path: `/tmp/lotsen-keyboard-${locale}-${steps.findIndex((s) => s[0] === first)}.png` });
      await page.keyboard.press(key);
      await waitForBotText(page, next);
      // Announced once: by the live region, and not a second time by a focus move onto the message.
      await page.waitForFunction((t) => (window as unknown as { __live: Array<{ region: string; text: string }> }).__live.some((e) => e.region.includes('webchat__live-region-transcript') && e.text.includes(t)), next);
      await page.waitForTimeout(300);
      expect(await announced(page, next)).toBe(1);
    }
    await expectFocusOnAnswer(page, ui(locale, 'buttons.continue'));
  }, 90_000);

  test.each<Locale>(['sv', 'ar'])('%s: the message box shows where focus is', async (locale) => {
    const [code] = await suite.server.codes('parent');
    context = await suite.context({ viewport: PHONE });
    const page = await context.newPage();
    await openStart(page, suite.server.url, locale);
    await login(page, code as string);
    await page.locator('.webchat__suggested-action[data-ready]').first().waitFor();
    // The blinking caret alone is no focus indicator: hidden here, so only the indicator can tell the two pictures apart.
    await page.addStyleTag({ content: 'textarea { caret-color: transparent !important; }' });
    const box = page.locator('.webchat__send-box');
    await page.focus('#chat-main');
    const before = await box.screenshot();
    // Shift+Tab from the send button lands in the message box, as a keyboard user gets there.
    await page.focus('.webchat__send-button');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe('webchat-sendbox-input');
    const after = await box.screenshot();
    await page.screenshot({ path: `/tmp/lotsen-keyboard-${locale}-sendbox.png` });
    expect(after.equals(before)).toBe(false);
  }, 60_000);
});
