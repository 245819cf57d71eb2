import type { BrowserContext, Page } from 'playwright-core';
import type { Locale } from '../../src/flows/schema';
import { browserSuite, checkinLabel, clickAction, describeViolations, login, moduleContent, moduleTitle, openStart, PHONE, runAxe, stepText, ui, waitForBotText } from './support';

const BASE = 'parent/base';

type Voice = { lang: string; name: string };
type SpeechEvent = { type: 'speak'; text: string; lang: string; voice: string | null } | { type: 'cancel' };

/**
 * The browser's speech synthesis, replaced before any page script runs (headless Chromium has no voices): a device
 * with exactly these voices, which says what it is asked to say into `log` instead of out loud.
 */
async function fakeSpeech(context: BrowserContext, voices: Voice[], log: SpeechEvent[]): Promise<void> {
  await context.exposeFunction('lotsenTestSpeech', (e: SpeechEvent) => {
    log.push(e);
  });
  await context.addInitScript((list: Voice[]) => {
    type Utterance = { text: string; lang: string; voice: { name: string } | null; onend: (() => void) | null; onstart: (() => void) | null; onerror: (() => void) | null };
    const report = (window as unknown as { lotsenTestSpeech: (e: object) => void }).lotsenTestSpeech;
    class FakeUtterance implements Utterance {
      lang = '';
      voice: { name: string } | null = null;
      onend: (() => void) | null = null;
      onstart: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(public text: string) {}
    }
    let current: Utterance | null = null;
    const voices = list.map((v) => ({ ...v, voiceURI: v.name, localService: true, default: false }));
    const listeners: Array<() => void> = [];
    const synth = {
      speaking: false,
      pending: false,
      paused: false,
      onvoiceschanged: null as (() => void) | null,
      getVoices: () => voices,
      speak(u: Utterance) {
        current = u;
        synth.speaking = true;
        report({ type: 'speak', text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null });
        u.onstart?.();
      },
      cancel() {
        report({ type: 'cancel' });
        synth.speaking = false;
        const was = current;
        current = null;
        was?.onend?.();
      },
      pause() {},
      resume() {},
      addEventListener(type: string, fn: () => void) {
        if (type === 'voiceschanged') listeners.push(fn);
      },
      removeEventListener() {},
    };
    // Voices often arrive after the page has loaded: the test adds one later, as a browser would.
    (window as unknown as { lotsenTestAddVoice: (v: { lang: string; name: string }) => void }).lotsenTestAddVoice = (v) => {
      voices.push({ ...v, voiceURI: v.name, localService: true, default: false });
      synth.onvoiceschanged?.();
      for (const fn of listeners) fn();
    };
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: synth });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { configurable: true, writable: true, value: FakeUtterance });
  }, voices);
}

const normal = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('read aloud: a listen button on each bot message, with the device own voices', () => {
  const suite = browserSuite();
  let context: BrowserContext;

  async function open(locale: Locale, voices: Voice[], log: SpeechEvent[], bypassCSP = false): Promise<Page> {
    const [code] = await suite.server.codes('parent');
    context = await suite.context({ viewport: PHONE, bypassCSP });
    await context.route('https://www.google.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Weather</title><p>Weather</p>' }));
    await fakeSpeech(context, voices, log);
    const page = await context.newPage();
    await openStart(page, suite.server.url, locale);
    await login(page, code as string);
    await clickAction(page, moduleTitle(locale, BASE));
    await waitForBotText(page, stepText(locale, BASE, 'checkin-start'));
    await clickAction(page, checkinLabel(locale, 'parent', 3));
    // The step's last message too: then every message of the answer is there.
    const welcome = moduleContent(locale, BASE).steps.welcome?.text;
    await waitForBotText(page, Array.isArray(welcome) ? (welcome[welcome.length - 1] as string) : stepText(locale, BASE, 'welcome'));
    await page.locator('.webchat__suggested-action[data-ready]').first().waitFor();
    return page;
  }

  const visibleListenButtons = (page: Page) => page.$$eval('.lotsen-listen', (bs) => bs.filter((b) => (b as HTMLElement).offsetParent !== null).length);

  test.each<[Locale, string]>([
    ['sv', 'sv-SE'],
    ['ar', 'ar-SA'],
  ])('%s: each bot message has Listen; it speaks the message in the chat language, a second one stops the first, quick exit stops it', async (locale, lang) => {
    const log: SpeechEvent[] = [];
    const page = await open(locale, [{ lang: 'en-GB', name: 'Daniel' }, { lang, name: `Voice ${lang}` }], log);
    const bot = page.locator('.lotsen-text:not(.lotsen-text--user):not(.lotsen-text--caption)');
    const messages = await bot.count();
    expect(messages).toBeGreaterThan(3);
    await page.waitForFunction((n) => Array.from(document.querySelectorAll('.lotsen-listen')).filter((b) => (b as HTMLElement).offsetParent !== null).length >= n, messages);
    expect(await visibleListenButtons(page)).toBe(messages);
    // No button on what the user wrote.
    expect(await page.locator('.lotsen-text--user .lotsen-listen').count()).toBe(0);

    const last = bot.last();
    const listen = last.locator('.lotsen-listen');
    expect(normal((await listen.textContent()) ?? '')).toBe(ui(locale, 'page.chat.listen'));
    await page.screenshot({ path: `/tmp/lotsen-listen-${locale}.png` });
    await listen.click();
    await page.waitForFunction(() => document.querySelector('.lotsen-listen[aria-pressed="true"]') !== null);
    const said = log.filter((e): e is Extract<SpeechEvent, { type: 'speak' }> => e.type === 'speak');
    expect(said).toHaveLength(1);
    const shown = normal(await last.locator('p').allTextContents().then((ps) => ps.join(' ')));
    expect(normal(said[0]?.text ?? '')).toBe(shown);
    expect(said[0]?.lang).toBe(lang);
    expect(said[0]?.voice).toBe(`Voice ${lang}`);

    // Another message: the first stops before the second starts.
    const before = log.length;
    await bot.first().locator('.lotsen-listen').click();
    await page.waitForFunction(() => document.querySelectorAll('.lotsen-listen[aria-pressed="true"]').length === 1);
    const next = log.slice(before);
    expect(next.map((e) => e.type)).toEqual(['cancel', 'speak']);

    // Quick exit: silence at once, whatever was being read.
    const atExit = log.length;
    await page.click('#exit-button');
    await page.waitForURL(/google\.com/);
    expect(log.slice(atExit).some((e) => e.type === 'cancel')).toBe(true);
  }, 60_000);

  test.each<[Locale, string]>([
    ['sv', 'sv-SE'],
    ['ar', 'ar-EG'],
  ])('%s: hidden where the device has no voice for the language; shown once one arrives', async (locale, lang) => {
    const log: SpeechEvent[] = [];
    const page = await open(locale, [{ lang: 'en-US', name: 'Samantha' }, { lang: 'de-DE', name: 'Anna' }], log);
    await page.waitForTimeout(500);
    expect(await page.locator('.lotsen-text:not(.lotsen-text--user) .lotsen-listen').count()).toBeGreaterThan(0);
    expect(await visibleListenButtons(page)).toBe(0);
    await page.screenshot({ path: `/tmp/lotsen-listen-${locale}-novoice.png` });
    expect(log).toEqual([]);
    // The device's voices came late (as they often do): now there is one for the language, and the buttons show.
    await page.evaluate((v) => (window as unknown as { lotsenTestAddVoice: (v: object) => void }).lotsenTestAddVoice(v), { lang, name: `Late ${lang}` });
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.lotsen-listen')).some((b) => (b as HTMLElement).offsetParent !== null));
  }, 60_000);

  test.each<[Locale, string]>([
    ['sv', 'sv-SE'],
    ['ar', 'ar-SA'],
  ])('%s: with the buttons showing, axe-core finds nothing, and Tab still gets from the messages to the answers', async (locale, lang) => {
    const log: SpeechEvent[] = [];
    // axe is injected as a script: this context alone bypasses CSP.
    const page = await open(locale, [{ lang, name: `Voice ${lang}` }], log, true);
    await page.waitForSelector('.lotsen-listen:not([hidden])');
    expect(describeViolations(await runAxe(page))).toBe('');
    // Listen buttons sit inside the messages; Tab from the message list must not get caught among them.
    await page.focus('.webchat__basic-transcript');
    let reached = false;
    for (let i = 0; i < 12 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => !!document.activeElement?.matches('.webchat__suggested-action'));
    }
    expect(reached).toBe(true);
  }, 60_000);
});
