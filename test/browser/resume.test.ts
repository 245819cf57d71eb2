import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Locale } from '../../src/flows/schema';
import { startTestServer, type TestServer } from '../helpers/server';
import { botTexts, checkinLabel, clickAction, launchBrowser, login, moduleContent, moduleTitle, newContext, openStart, PHONE, stepText, ui, waitForBotText, waitForChat } from './support';

const BASE = 'parent/base';

const count = (texts: string[], text: string) => texts.filter((t) => t === text).length;

describe('plain words, resuming, and the language in the chat', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  async function fresh(locale: Locale): Promise<Page> {
    await context?.close();
    context = await newContext(browser, { viewport: PHONE });
    const page = await context.newPage();
    await openStart(page, server.url, locale);
    return page;
  }

  test.each<Locale>(['sv', 'ar'])('%s: coming back shows "welcome back" and the step you were on once, after a new login and after a reload', async (locale) => {
    const [code] = await server.codes('parent');
    let page = await fresh(locale);
    await login(page, code as string);
    await clickAction(page, moduleTitle(locale, BASE));
    await waitForBotText(page, stepText(locale, BASE, 'checkin-start'));
    await clickAction(page, checkinLabel(locale, 'parent', 3));
    const step = stepText(locale, BASE, 'welcome');
    await waitForBotText(page, step);

    const back = ui(locale, 'menu.welcomeBack');
    const check = async (moment: string) => {
      await waitForBotText(page, back);
      await page.waitForSelector('.webchat__suggested-action[data-ready]');
      await page.waitForTimeout(500);
      const texts = await botTexts(page);
      expect({ moment, step: count(texts, step), back: count(texts, back) }).toEqual({ moment, step: 1, back: 1 });
      // The step is shown under "welcome back", with its buttons.
      expect(texts.indexOf(back)).toBeLessThan(texts.indexOf(step));
      expect(texts[texts.length - 1]).toBe(lastOfStep(locale));
    };

    // Another device (a new login with the same code), twice, then a reload there (the resume cookie).
    page = await fresh(locale);
    await login(page, code as string);
    await check('second login');
    page = await fresh(locale);
    await login(page, code as string);
    await check('third login');
    await page.screenshot({ path: `/tmp/lotsen-resume-${locale}.png` });
    await page.reload();
    await waitForChat(page);
    await check('reload');
  }, 90_000);

  /** The last message of the base module's welcome step (the step has several). */
  function lastOfStep(locale: Locale): string {
    const text = moduleContent(locale, BASE).steps.welcome?.text;
    return Array.isArray(text) ? (text[text.length - 1] as string) : (text as string);
  }

  test.each<[Locale, Locale]>([
    ['sv', 'ar'],
    ['ar', 'sv'],
  ])('%s → %s: the bar switches the language of the page and of the bot, and it stays after a reload', async (from, to) => {
    const [code] = await server.codes('parent');
    const page = await fresh(from);
    await login(page, code as string);
    await clickAction(page, moduleTitle(from, BASE));
    await waitForBotText(page, stepText(from, BASE, 'checkin-start'));
    await page.locator('.webchat__suggested-action[data-ready]').first().waitFor();

    const control = page.locator('#chat-language');
    expect(await control.isVisible()).toBe(true);
    await control.selectOption(to);
    await page.waitForFunction((l) => document.documentElement.lang === l, to);
    expect(await page.getAttribute('html', 'dir')).toBe(to === 'ar' ? 'rtl' : 'ltr');
    expect((await page.textContent('#menu-button'))?.trim()).toBe(ui(to, 'buttons.menu'));
    // The bot shows the step you are on again, now in the new language, and its buttons answer in it.
    await waitForBotText(page, stepText(to, BASE, 'checkin-start'));
    await page.screenshot({ path: `/tmp/lotsen-language-${from}-${to}.png` });
    await clickAction(page, checkinLabel(to, 'parent', 3));
    await waitForBotText(page, stepText(to, BASE, 'welcome'));
    expect(await page.getAttribute('[data-id="webchat-sendbox-input"]', 'placeholder')).not.toBe(null);

    await page.reload();
    await waitForChat(page);
    expect(await page.getAttribute('html', 'lang')).toBe(to);
    expect(await page.inputValue('#chat-language')).toBe(to);
  }, 90_000);

  test.each<Locale>(['sv', 'ar'])('%s: the notes page says in plain words what the download is and what it is for', async (locale) => {
    const [code] = await server.codes('parent');
    const page = await fresh(locale);
    await login(page, code as string);
    await page.click('#notes-button');
    await page.waitForSelector('#notes-content > *');
    const button = page.locator('#notes-export');
    const label = ((await button.textContent()) ?? '').trim();
    expect(label).toBe(ui(locale, 'page.notes.export'));
    // No file format for anyone to puzzle over.
    expect(label).not.toMatch(/JSON|\(|\)/);
    const hint = await button.getAttribute('aria-describedby');
    expect(hint).toBeTruthy();
    expect(((await page.textContent(`#${hint as string}`)) ?? '').trim()).toBe(ui(locale, 'page.notes.exportHint'));
    expect(await page.isVisible(`#${hint as string}`)).toBe(true);
  }, 60_000);
});
