import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server';
import {
  botTexts,
  checkinLabel,
  clickAction,
  launchBrowser,
  liveTexts,
  login,
  moduleTitle,
  newContext,
  openStart,
  optionLabel,
  startDropProxy,
  stepText,
  typeMessage,
  ui,
  waitForBotText,
  waitForChat,
  watchLiveRegions,
} from './support';

const BASE = 'parent/base';

describe('the chat page in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async () => {
    await context?.close();
  });

  type Target = { id: string } | { action: string };
  /** Presses Tab until the target has focus; fails after `max` presses. */
  async function tabTo(page: Page, target: Target, max = 80): Promise<void> {
    // A new set of answers takes input once it has settled, so that a double tap cannot misfire.
    if ('action' in target) await page.locator('.webchat__suggested-action[data-ready]', { hasText: target.action }).first().waitFor();
    for (let i = 0; i < max; i += 1) {
      await page.keyboard.press('Tab');
      const hit = await page.evaluate((t) => {
        const el = document.activeElement;
        if (!el) return false;
        if ('id' in t) return el.id === t.id;
        return el.matches('.webchat__suggested-action') && (el.textContent ?? '').trim() === t.action;
      }, target);
      if (hit) return;
    }
    throw new Error(`Tab never reached ${JSON.stringify(target)}`);
  }

  async function expectLiveAnnounces(page: Page, text: string): Promise<void> {
    await page.waitForFunction(
      (t) => (window as unknown as { __live: Array<{ region: string; text: string }> }).__live.some((e) => e.region.includes('webchat__live-region-transcript') && e.text.includes(t)),
      text,
      { timeout: 15_000 },
    );
  }

  test('keyboard only: log in with a fresh code, open the base module and answer three steps; each answer is announced', async () => {
    const [code] = await server.codes('parent');
    context = await newContext(browser);
    await watchLiveRegions(context);
    const page = await context.newPage();
    await openStart(page, server.url, 'sv');

    await tabTo(page, { id: 'code' });
    // As people type it: lower case, spaces instead of dashes.
    await page.keyboard.type((code as string).toLowerCase().replace(/-/g, ' '));
    await page.keyboard.press('Enter');
    await waitForChat(page);
    await expectLiveAnnounces(page, ui('sv', 'menu.choose'));

    await tabTo(page, { action: moduleTitle('sv', BASE) });
    await page.keyboard.press('Enter');
    await expectLiveAnnounces(page, stepText('sv', BASE, 'checkin-start'));

    const steps: Array<[label: string, key: 'Space' | 'Enter', next: string]> = [
      [checkinLabel('sv', 'parent', 3), 'Space', stepText('sv', BASE, 'welcome')],
      [ui('sv', 'buttons.continue'), 'Enter', stepText('sv', BASE, 'when')],
      [optionLabel('sv', BASE, 'when', 'recent'), 'Space', stepText('sv', BASE, 'when-recent')],
    ];
    for (const [label, key, next] of steps) {
      const before = (await liveTexts(page)).length;
      await tabTo(page, { action: label });
      await page.keyboard.press(key);
      await expectLiveAnnounces(page, next);
      const added = (await liveTexts(page)).slice(before);
      expect(added.some((e) => e.region.includes('webchat__live-region-transcript') && e.text.includes(next))).toBe(true);
    }
    expect(await page.getAttribute('#progress', 'class')).toBe('progress');
    expect(await page.textContent('#progress')).toContain(moduleTitle('sv', BASE));

    // Who said what, in our words: Web Chat's own Swedish says "Roboten sade:".
    const spoken = (await liveTexts(page)).filter((e) => e.region.includes('webchat__live-region-transcript')).map((e) => e.text);
    expect(spoken.some((t) => t.startsWith(ui('sv', 'page.chat.announce.botSaid')))).toBe(true);
    expect(spoken.filter((t) => /robot/i.test(t))).toEqual([]);
  }, 90_000);

  test('a reload resumes with the transcript; a 10-second network drop loses and doubles nothing', async () => {
    const [code] = await server.codes('parent');
    const proxy = await startDropProxy(server.port);
    try {
      context = await newContext(browser);
      const page = await context.newPage();
      let token = '';
      let conversationId = '';
      page.on('response', async (res) => {
        if (/\/api\/(login|resume)$/.test(res.url()) && res.status() === 200) {
          const body = (await res.json()) as { token: string; conversationId: string };
          token = body.token;
          conversationId = body.conversationId;
        }
      });
      await openStart(page, proxy.url, 'sv');
      await login(page, code as string);
      await clickAction(page, moduleTitle('sv', BASE));
      await waitForBotText(page, stepText('sv', BASE, 'checkin-start'));

      // Reload: the HttpOnly cookie brings the same conversation back, transcript and all; no code typed.
      await page.reload();
      await waitForChat(page);
      await waitForBotText(page, stepText('sv', BASE, 'checkin-start'));
      expect(await page.isVisible('#start-view')).toBe(false);
      expect(await botTexts(page)).toContain(ui('sv', 'menu.welcome').split('\n')[0]);

      // Drop: every connection cut and the browser offline for 10 s. Meanwhile the conversation moves on elsewhere
      // (the same code on another device answers the check-in), so there is something to catch up on.
      proxy.drop();
      await context.setOffline(true);
      await page.waitForSelector('#connection[data-state="offline"]');
      const elsewhere = await fetch(`${server.url}/v3/directline/conversations/${conversationId}/activities`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: '3', from: { id: 'user' }, locale: 'sv' }),
      });
      expect(elsewhere.status).toBe(200);
      await page.waitForTimeout(10_000);
      await context.setOffline(false);
      proxy.restore();
      await page.waitForSelector('#connection[data-state="online"]', { timeout: 30_000 });
      await waitForBotText(page, stepText('sv', BASE, 'welcome'), 30_000);

      // After recovery: a message from this page.
      await clickAction(page, ui('sv', 'buttons.continue'));
      await waitForBotText(page, stepText('sv', BASE, 'when'));

      // The page shows exactly what the server stored: every bot message once, in order; each user message once.
      const res = await fetch(`${server.url}/v3/directline/conversations/${conversationId}/activities`, { headers: { Authorization: `Bearer ${token}` } });
      const stored = ((await res.json()) as { activities: Array<{ type: string; text?: string; from: { role: string } }> }).activities;
      const storedBot = stored.filter((a) => a.type === 'message' && a.from.role === 'bot' && a.text).map((a) => a.text as string);
      const storedUser = stored.filter((a) => a.type === 'message' && a.from.role === 'user' && a.text).map((a) => a.text as string);
      expect(await botTexts(page)).toEqual(storedBot);
      const userBubbles = await page.$$eval('.lotsen-text--user', (nodes) => nodes.map((n) => n.textContent ?? ''));
      expect(userBubbles).toEqual(storedUser);
      expect(new Set(storedBot).size).toBe(storedBot.length);
    } finally {
      await proxy.close();
    }
  }, 90_000);

  test('a session ended elsewhere: at the next reconnect the page goes back to the start page and says so', async () => {
    const [code] = await server.codes('parent');
    const proxy = await startDropProxy(server.port);
    try {
      context = await newContext(browser);
      const page = await context.newPage();
      let token = '';
      page.on('response', async (res) => {
        if (res.url().endsWith('/api/login') && res.status() === 200) token = ((await res.json()) as { token: string }).token;
      });
      await openStart(page, proxy.url, 'sv');
      await login(page, code as string);
      expect((await fetch(`${server.url}/api/me/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } })).status).toBe(204);
      proxy.drop();
      proxy.restore();
      await page.waitForSelector('#start-view:not([hidden]) #notice:not(:empty)', { timeout: 30_000 });
      expect(await page.textContent('#notice')).toBe(ui('sv', 'page.notice.ended'));
      expect(await page.locator('.webchat__basic-transcript').count()).toBe(0);
    } finally {
      await proxy.close();
    }
  }, 60_000);

  test('a session that ran out: Web Chat\'s next token refresh is refused, and the page asks for the code again and says so', async () => {
    const [code] = await server.codes('parent');
    context = await newContext(browser);
    const page = await context.newPage();
    // Web Chat refreshes its token every 15 minutes: the page's clock is moved on instead of waiting.
    await page.clock.install();
    let token = '';
    page.on('response', async (res) => {
      if (res.url().endsWith('/api/login') && res.status() === 200) token = ((await res.json()) as { token: string }).token;
    });
    await openStart(page, server.url, 'sv');
    await login(page, code as string);
    // 31 minutes without a message, on the server's side.
    const sid = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sid: string };
    await server.rt.db.run('UPDATE session SET seen_at = seen_at - ? WHERE id = ?', [31 * 60_000, sid.sid]);
    const refresh = page.waitForResponse((res) => res.url().endsWith('/v3/directline/tokens/refresh'));
    await page.clock.fastForward('15:01');
    expect((await refresh).status()).toBe(403);
    await page.waitForSelector('#start-view:not([hidden]) #notice:not(:empty)');
    expect(await page.textContent('#notice')).toBe(ui('sv', 'page.notice.ended'));
    expect(await page.isVisible('#code')).toBe(true);
    expect(await page.locator('.webchat__basic-transcript').count()).toBe(0);
  }, 60_000);

  test("a child's mood buttons: each in the Tab order, in a group rather than a toolbar, named by their words without the emoji", async () => {
    const [code] = await server.codes('child-next', 1, '9-12');
    context = await newContext(browser);
    const page = await context.newPage();
    await openStart(page, server.url, 'sv');
    await login(page, code as string);
    await clickAction(page, moduleTitle('sv', 'child-next/my-family'));
    const label = checkinLabel('sv', 'child-next', 1);
    expect(label).toMatch(/^\p{Extended_Pictographic}/u);
    await page.waitForSelector(`.webchat__suggested-action >> text=${label}`);
    await page.waitForFunction(() => document.querySelectorAll('.webchat__suggested-action[aria-label]').length >= 5);
    const buttons = await page.$$eval('.webchat__suggested-action', (bs) => bs.map((b) => ({ text: (b.textContent ?? '').trim(), name: b.getAttribute('aria-label'), tab: b.getAttribute('tabindex') })));
    const words = ([1, 2, 3, 4, 5] as const).map((n) => checkinLabel('sv', 'child-next', n).replace(/^\S+\s+/, ''));
    expect(buttons.map((b) => b.name)).toEqual(words);
    expect(buttons.every((b) => b.tab === '0')).toBe(true);
    expect(await page.$$eval('.webchat__suggested-actions', (rows) => rows.map((r) => r.getAttribute('role')))).toEqual(['group']);

    // The next answers' buttons (Web Chat keys them by position, so they may be the same elements) keep no name from before.
    await clickAction(page, label);
    await page.waitForFunction((first) => {
      const bs = Array.from(document.querySelectorAll('.webchat__suggested-action'));
      return bs.length > 0 && !bs.some((b) => (b.textContent ?? '').includes(first));
    }, label);
    const next = await page.$$eval('.webchat__suggested-action', (bs) => bs.map((b) => ({ text: (b.textContent ?? '').trim(), name: b.getAttribute('aria-label') })));
    expect(next.length).toBeGreaterThan(0);
    for (const b of next) expect(b.name === null || b.text.endsWith(b.name)).toBe(true);
  }, 60_000);

  test('Arabic: the whole page is right-to-left and Arabic; the user text takes dir="auto"', async () => {
    const [code] = await server.codes('parent');
    context = await newContext(browser, { viewport: { width: 390, height: 844 } });
    await watchLiveRegions(context);
    const page = await context.newPage();
    await openStart(page, server.url, 'ar');
    // The accessibility statement opens at its Arabic part.
    expect(await page.getAttribute('#a11y-link', 'href')).toBe('/accessibility.html#ar');
    await login(page, code as string);
    await clickAction(page, moduleTitle('ar', BASE));
    await waitForBotText(page, stepText('ar', BASE, 'checkin-start'));
    await typeMessage(page, 'Hej, مرحبا');
    await page.waitForSelector('.lotsen-text--user');

    await page.click('#help-button');
    await page.waitForSelector('#help-dialog[open]');
    await page.keyboard.press('Escape');
    await page.click('#notes-button');
    await page.waitForSelector('#notes-content > *');

    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getAttribute('.lotsen-text--user', 'dir')).toBe('auto');
    expect(await page.$$eval('.lotsen-text--user p', (ps) => ps.every((p) => p.getAttribute('dir') === 'auto'))).toBe(true);

    const municipality = await server.rt.store.getMunicipality('test');
    // Names that stay as they are in every language: the service, the helplines' own names, the code pattern, the file
    // format, the municipality, the user's own words, and key names as printed on keyboards (Web Chat's keyboard help).
    const helplines = ['BRIS', 'Mind Självmordslinjen', 'Kvinnofridslinjen', 'Vårdguiden'];
    const allowed = ['Lotsen', ...helplines, 'XXXXX-XXXXX-XXXX', 'JSON', municipality?.name ?? '', 'Hej', 'Shift', 'Tab', 'tab', 'Enter', 'Escape', 'Alt'];
    const leftovers = await page.evaluate((names) => {
      const found: string[] = [];
      const latin = /[A-Za-zÅÄÖåäöÉé]{2,}/;
      const clean = (s: string) => names.reduce((acc, n) => acc.split(n).join(' '), s);
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        if (!parent || parent.closest('[lang]:not([lang="ar"])') || parent.closest('script,style')) continue;
        const text = clean(n.textContent ?? '');
        if (latin.test(text)) found.push(text.trim());
      }
      for (const el of Array.from(document.querySelectorAll('[aria-label],[placeholder],[title],[alt],[aria-roledescription]'))) {
        if (el.closest('[lang]:not([lang="ar"])')) continue;
        for (const attr of ['aria-label', 'placeholder', 'title', 'alt', 'aria-roledescription']) {
          const v = el.getAttribute(attr);
          if (v && latin.test(clean(v))) found.push(`${attr}=${v}`);
        }
      }
      return found;
    }, allowed);
    expect(leftovers).toEqual([]);

    // A screen reader hears each message introduced in Arabic, in our words: Web Chat's own Arabic says "the robot met".
    await expectLiveAnnounces(page, ui('ar', 'page.chat.announce.botSaid'));
    const spoken = (await liveTexts(page)).filter((e) => e.region.includes('webchat__live-region-transcript')).map((e) => e.text);
    expect(spoken.filter((t) => t.includes('الروبوت') || /[A-Za-z]{2,}/.test(t.split('Lotsen').join('').split('Hej').join('').replace(/Shift|Tab|Alt/g, '')))).toEqual([]);
  }, 60_000);

  test('Arabic: helpline numbers keep their groups in reading order (020-50 50 50, 114 14, 116 111) in the help panel, the bot and the page', async () => {
    /** Where each number shows: true when its groups stand left to right as written, for every place it shows. */
    const inOrder = (page: Page, scope: string, num: string) =>
      page.evaluate(
        ([sel, n]) => {
          const groups = (n as string).split(/[ -]/);
          const places: boolean[] = [];
          for (const root of Array.from(document.querySelectorAll(sel as string))) {
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let t = walker.nextNode(); t; t = walker.nextNode()) {
              const at = (t.textContent ?? '').indexOf(n as string);
              if (at < 0) continue;
              let from = at;
              const xs = groups.map((g) => {
                const i = (t.textContent ?? '').indexOf(g, from);
                from = i + g.length;
                const r = document.createRange();
                r.setStart(t, i);
                r.setEnd(t, i + g.length);
                return r.getBoundingClientRect().left;
              });
              // A number in a part of the page that is not shown (the start page after login) has no place on screen.
              if (xs.every((x) => x === 0)) continue;
              places.push(xs.every((x, i) => i === 0 || x > (xs[i - 1] as number)));
            }
          }
          return places;
        },
        [scope, num],
      );

    const [parentCode] = await server.codes('parent');
    context = await newContext(browser, { viewport: { width: 390, height: 844 } });
    let page = await context.newPage();
    await openStart(page, server.url, 'ar');
    await login(page, parentCode as string);
    await page.click('#help-button');
    await page.waitForSelector('#help-dialog[open]');
    expect(await inOrder(page, '#help-lines', '020-50 50 50')).toEqual([true]);
    expect(await inOrder(page, '#help-lines', '114 14')).toEqual([true]);
    await page.keyboard.press('Escape');
    // Words about violence: the bot answers with the helplines, Kvinnofridslinjen's number among them.
    await typeMessage(page, 'ضربني طليقي قدام الاولاد');
    await waitForBotText(page, '020-50 50 50');
    const bot = await inOrder(page, '.lotsen-text:not(.lotsen-text--user)', '020-50 50 50');
    expect(bot.length).toBeGreaterThan(0);
    expect(bot.every(Boolean)).toBe(true);
    await context.close();

    // A child's page says where to call, under the box for writing.
    const [childCode] = await server.codes('child-next', 1, '13-17');
    context = await newContext(browser, { viewport: { width: 390, height: 844 } });
    page = await context.newPage();
    await openStart(page, server.url, 'ar');
    await login(page, childCode as string);
    await page.waitForFunction(() => document.body.innerText.includes('116 111'));
    // The chat's own view: the start page's help lines (hidden now) have no layout to measure.
    const child = await inOrder(page, '#app-view', '116 111');
    expect(child.length).toBeGreaterThan(0);
    expect(child.every(Boolean)).toBe(true);
  }, 60_000);

  test('quick exit: one click leaves, Back does not bring the chat back, and the session is gone', async () => {
    const [code] = await server.codes('parent');
    context = await newContext(browser);
    await context.route('https://www.google.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Weather</title><p>Weather</p>' }));
    const page = await context.newPage();
    let token = '';
    page.on('response', async (res) => {
      if (res.url().endsWith('/api/login') && res.status() === 200) token = ((await res.json()) as { token: string }).token;
    });
    // Someone came here from another page; Back from the neutral site must not lead into the chat.
    await page.goto(`${server.url}/accessibility.html`);
    await openStart(page, server.url, 'sv');
    await login(page, code as string);
    expect(await page.evaluate(() => history.length)).toBe(3);

    await page.click('#exit-button');
    await page.waitForURL(/google\.com/);
    await page.goBack().catch(() => null);
    await page.waitForTimeout(500);
    const url = page.url();
    if (url.startsWith(server.url)) {
      // Even if some history led back here, the page opens on the start page, never the chat.
      await page.waitForSelector('body:not(.is-loading)');
      expect(await page.isVisible('#app-view')).toBe(false);
    }
    expect(await page.locator('.webchat__basic-transcript').count()).toBe(0);

    // The session ended on the server: no resume from the cookie, and the old token is refused.
    let resume = 0;
    for (let i = 0; i < 50; i += 1) {
      resume = (await context.request.post(`${server.url}/api/resume`)).status();
      if (resume === 401) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(resume).toBe(401);
    expect((await context.request.get(`${server.url}/api/me/data`, { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
  }, 60_000);

  test('pause: the bot says the code brings you back, then the session ends and the start page says so', async () => {
    const [code] = await server.codes('parent');
    context = await newContext(browser);
    const page = await context.newPage();
    await openStart(page, server.url, 'sv');
    await login(page, code as string);
    await page.click('#pause-button');
    await page.waitForSelector('#start-view:not([hidden]) #notice:not(:empty)');
    expect(await page.textContent('#notice')).toBe(ui('sv', 'pause.text'));
    expect(page.url()).toBe(`${server.url}/`);
    expect((await context.request.post(`${server.url}/api/resume`)).status()).toBe(401);
    // The same code brings the conversation back, pause message included.
    await login(page, code as string);
    await waitForBotText(page, ui('sv', 'pause.text'));
  }, 60_000);

  test('delete all my data: a confirm step, then the start page confirms and the code stops working', async () => {
    const [code] = await server.codes('child-next');
    context = await newContext(browser);
    const page = await context.newPage();
    await openStart(page, server.url, 'en');
    await login(page, code as string);
    await page.click('#notes-button');
    await page.waitForSelector('#notes-content > *');
    await page.click('#delete-button');
    expect(await page.getAttribute('#delete-button', 'aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('delete-question');
    await page.click('#delete-no');
    expect(await page.isVisible('#delete-confirm')).toBe(false);
    await page.click('#delete-button');
    await page.click('#delete-yes');
    await page.waitForSelector('#start-view:not([hidden]) #notice:not(:empty)');
    expect(await page.textContent('#notice')).toBe(ui('en', 'page.notice.deleted'));
    await page.fill('#code', code as string);
    await page.click('#login-button');
    await page.waitForSelector('#code-error:not(:empty)');
    expect(await page.textContent('#code-error')).toBe(ui('en', 'login.invalidCode'));
    expect(await page.getAttribute('#code', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('code');
  }, 60_000);

  test('films and pictures: a film with a file gets a player with captions per language; without one its text shows', async () => {
    context = await newContext(browser);
    const page = await context.newPage();
    await openStart(page, server.url, 'en');
    const result = await page.evaluate(() => {
      type Element = { ref: (node: HTMLElement | null) => void; props: { className: string } };
      type Render = (args: { activity: object; attachment: object }) => Element;
      const lotsen = (window as unknown as { Lotsen: { attachments: { attachmentMiddleware: () => (next: Render) => Render } } }).Lotsen;
      const render = lotsen.attachments.attachmentMiddleware()(() => ({ ref: () => undefined, props: { className: 'next' } }));
      const mount = (element: Element) => {
        const div = document.createElement('div');
        element.ref(div);
        return div;
      };
      const activity = { from: { role: 'bot' }, locale: 'en' };
      const film = (src: string) =>
        mount(render({ activity, attachment: { contentType: 'application/vnd.lotsen.video+json', content: { id: 'f', title: 'A film', duration: 95, src, captions: { sv: '/captions/f.sv.vtt', en: '/captions/f.en.vtt', ar: '/captions/f.ar.vtt' }, text: ['One.', 'Two.'] } } }));
      const withFile = film('/media/f.mp4');
      const withoutFile = film('');
      const picture = mount(render({ activity, attachment: { contentType: 'application/vnd.lotsen.image+json', content: { src: '/img/mini-hello.svg', alt: 'Noa waves' } } }));
      const foreign = mount(render({ activity, attachment: { contentType: 'application/vnd.lotsen.image+json', content: { src: 'https://example.org/x.png', alt: 'x' } } }));
      return {
        title: withFile.querySelector('figure figcaption')?.textContent,
        video: withFile.querySelectorAll('video[controls]').length,
        tracks: Array.from(withFile.querySelectorAll('track')).map((t) => [t.getAttribute('kind'), t.getAttribute('srclang'), t.hasAttribute('default')]),
        textClosedWithFile: !(withFile.querySelector('details') as HTMLDetailsElement).open,
        summary: withFile.querySelector('details summary')?.textContent,
        noVideoWithoutFile: withoutFile.querySelectorAll('video').length === 0,
        textOpenWithoutFile: (withoutFile.querySelector('details') as HTMLDetailsElement).open,
        paragraphs: Array.from(withoutFile.querySelectorAll('details p')).map((p) => p.textContent),
        img: [picture.querySelector('img')?.getAttribute('src'), picture.querySelector('img')?.getAttribute('alt')],
        foreignImages: foreign.querySelectorAll('img').length,
      };
    });
    expect(result.title).toBe(`A film${ui('en', 'video.minutes', { minutes: 2 })}`);
    expect(result.video).toBe(1);
    expect(result.tracks).toEqual([
      ['captions', 'sv', false],
      ['captions', 'en', true],
      ['captions', 'ar', false],
    ]);
    expect(result.textClosedWithFile).toBe(true);
    expect(result.summary).toBe(ui('en', 'page.video.textVersion'));
    expect(result.noVideoWithoutFile).toBe(true);
    expect(result.textOpenWithoutFile).toBe(true);
    expect(result.paragraphs).toEqual(['One.', 'Two.']);
    expect(result.img).toEqual(['/img/mini-hello.svg', 'Noa waves']);
    expect(result.foreignImages).toBe(0);
  }, 30_000);

  test('works under the real Content Security Policy, with no violation reported', async () => {
    const [code] = await server.codes('child-next');
    context = await newContext(browser);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to|Permissions-Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    const response = await page.goto(`${server.url}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForSelector('body:not(.is-loading)');
    await login(page, code as string);
    await waitForBotText(page, ui('sv', 'menu.choose'));

    // The token lives in the page's memory only: nothing in web storage, no cookie the page can read.
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);

    // Help lists the child's helplines the way the bot does: BRIS first, then the municipality's own number.
    await page.click('#help-button');
    const lines = await page.$$eval('#help-lines li', (lis) => lis.map((li) => li.textContent));
    expect(lines).toEqual([ui('sv', 'help.lines.bris'), ui('sv', 'help.lines.emergency_child'), ui('sv', 'help.municipality', { name: 'Testkommunen', phone: '010-123 45 67' })]);
    expect(await page.textContent('#help-intro')).toBe(ui('sv', 'help.intro_child'));
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('help-button');
    expect(problems).toEqual([]);
  }, 60_000);

  test('a code of a second municipality: help names that municipality and its number, also after a reload, and nothing of the demo one', async () => {
    const b = { name: 'B-kommun', phone: '010-111 11 11' };
    const demo = { name: 'Testkommunen', phone: '010-123 45 67' };
    await server.rt.store.ensureMunicipality('b', b.name, b.phone);
    const [code] = await server.codes('parent', 1, null, 'b');
    context = await newContext(browser);
    const page = await context.newPage();
    await openStart(page, server.url, 'sv');
    // Before login a server shared by several municipalities names none: where codes come from, in general words.
    expect(await page.textContent('#where-code')).toBe(ui('sv', 'page.login.whereCodeAny'));
    expect(await page.textContent('#offered-by')).toBe('');
    await login(page, code as string);

    for (const moment of ['after login', 'after a reload']) {
      if (moment === 'after a reload') {
        await page.reload();
        await waitForChat(page);
      }
      // By keyboard, as before: Enter opens the dialog with focus on Close, Escape gives focus back to Help.
      await page.focus('#help-button');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#help-dialog[open]');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('help-close');
      const line = await page.textContent('#help-lines .help-municipality');
      const href = await page.getAttribute('#help-lines .help-municipality a', 'href');
      expect({ moment, line, href }).toEqual({ moment, line: ui('sv', 'help.municipality', b), href: 'tel:0101111111' });
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('help-button');
      const text = await page.evaluate(() => document.body.textContent ?? '');
      expect(text).not.toContain(demo.name);
      expect(text).not.toContain(demo.phone);
    }
  }, 60_000);

  test('a reflection with HTML and a right-to-left override stays literal text in the chat, the notes and the export', async () => {
    const [code] = await server.codes('parent');
    context = await newContext(browser, { acceptDownloads: true });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const evil = 'Det svåraste <img src=x onerror=alert(1)> \u202Eär detta';
    await openStart(page, server.url, 'sv');
    await login(page, code as string);
    await clickAction(page, moduleTitle('sv', BASE));
    const path: Array<[string, string]> = [
      [checkinLabel('sv', 'parent', 3), stepText('sv', BASE, 'welcome')],
      [ui('sv', 'buttons.continue'), stepText('sv', BASE, 'when')],
      [optionLabel('sv', BASE, 'when', 'recent'), stepText('sv', BASE, 'when-recent')],
      [ui('sv', 'buttons.continue'), stepText('sv', BASE, 'part-you')],
      [ui('sv', 'buttons.continue'), stepText('sv', BASE, 'film-situation')],
      // No film file in this deployment: the film's text is the message, and "Continue" the one button.
      [ui('sv', 'buttons.continue'), stepText('sv', BASE, 'hardest')],
    ];
    for (const [label, next] of path) {
      await clickAction(page, label);
      await waitForBotText(page, next);
    }
    await typeMessage(page, evil);
    await waitForBotText(page, ui('sv', 'reflect.saved'));

    const userTexts = await page.$$eval('.lotsen-text--user', (nodes) => nodes.map((n) => n.textContent ?? ''));
    expect(userTexts).toContain(evil);
    expect(await page.locator('img[src="x"]').count()).toBe(0);

    // The server keeps notes without direction overrides (src/dialogue/text.ts); the markup stays, as text.
    const saved = evil.replace('\u202E', '');
    await page.click('#notes-button');
    await page.waitForSelector('#notes-content .note-text');
    expect(await page.$$eval('#notes-content .note-text', (nodes) => nodes.map((n) => n.textContent))).toContain(saved);
    expect(await page.getAttribute('#notes-content .note-text', 'dir')).toBe('auto');
    expect(await page.textContent('#notes-content')).toContain(moduleTitle('sv', BASE));
    expect(await page.locator('img[src="x"]').count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#notes-export')]);
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { notes: Array<{ text: string | null }>; transcript: Array<{ text: string }> };
    expect(exported.notes.map((n) => n.text)).toContain(saved);
    expect(exported.transcript.map((t) => t.text).some((t) => t.includes('<img src=x onerror=alert(1)>'))).toBe(true);
    expect(dialogs).toEqual([]);
  }, 90_000);
});
