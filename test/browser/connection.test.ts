import net from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import type { Locale } from '../../src/flows/schema';
import { browserSuite, checkinLabel, clickAction, login, moduleTitle, openStart, PHONE, startDropProxy, stepText, ui, waitForBotText } from './support';

const BASE = 'parent/base';

interface StallProxy {
  url: string;
  /** Every open connection stays open but carries nothing, both ways (a dead mobile link); new ones too. */
  stall(): void;
  resume(): void;
  close(): Promise<void>;
}

/** A loopback proxy whose connections can go silent without closing: keep-alives stop, no close event comes. */
function startStallProxy(targetPort: number): Promise<StallProxy> {
  let stalled = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      s.on('close', () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
      if (stalled) s.pause();
    }
    // Flowing by hand, so that a stalled socket neither reads nor writes.
    client.on('data', (d) => upstream.write(d));
    upstream.on('data', (d) => client.write(d));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        stall: () => {
          stalled = true;
          for (const s of sockets) s.pause();
        },
        resume: () => {
          stalled = false;
          for (const s of sockets) s.resume();
        },
        close: () => {
          for (const s of sockets) s.destroy();
          return new Promise<void>((done) => server.close(() => done()));
        },
      });
    });
  });
}

type Stored = { type: string; text?: string; from: { role: string } };

/** Connection state that tells the truth: the bar follows the stream, a send that cannot go waits and says so, and goes once. */
describe('connection state and sending across an outage', () => {
  const suite = browserSuite();
  let context: BrowserContext;

  /** Logs in through `base` and opens the base module; returns the page and the login's token and conversation. */
  async function openBase(base: string, locale: Locale): Promise<{ page: Page; auth: () => { token: string; conversationId: string } }> {
    const [code] = await suite.server.codes('parent');
    context = await suite.context({ viewport: PHONE });
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
    await openStart(page, base, locale);
    await login(page, code as string);
    await clickAction(page, moduleTitle(locale, BASE));
    await waitForBotText(page, stepText(locale, BASE, 'checkin-start'));
    await page.waitForSelector('#connection[data-state="online"]');
    return { page, auth: () => ({ token, conversationId }) };
  }

  async function stored(token: string, conversationId: string): Promise<Stored[]> {
    const res = await fetch(`${suite.server.url}/v3/directline/conversations/${conversationId}/activities`, { headers: { Authorization: `Bearer ${token}` } });
    return ((await res.json()) as { activities: Stored[] }).activities;
  }

  const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);

  test.each<[Locale, number]>([
    ['sv', 35_000],
    ['ar', 25_000],
  ])('%s: with the server out of reach the bar says so at once; an answer waits in our words and is sent once when it is back', async (locale, outage) => {
    const proxy = await startDropProxy(suite.server.port);
    try {
      const { page, auth } = await openBase(proxy.url, locale);
      const answer = checkinLabel(locale, 'parent', 3);

      // The server is gone (the browser itself still thinks it is online): the stream closes, and the bar says so.
      proxy.drop();
      const lost = Date.now();
      await page.waitForSelector('#connection[data-state="offline"]', { timeout: 10_000 });
      expect(await page.textContent('#connection')).toBe(ui(locale, 'page.bar.status.offline'));

      // An answer while it is away: it waits, and once Web Chat gives up waiting it says so in our words.
      await clickAction(page, answer);
      await page.waitForFunction((t) => document.body.innerText.includes(t), ui(locale, 'page.chat.sendFailed'), { timeout: 40_000 });
      const waiting = await bodyText(page);
      expect(waiting).not.toContain('Det gick inte att skicka');
      expect(waiting).not.toContain('Försök igen med');
      expect(await page.textContent('#connection')).toBe(ui(locale, 'page.bar.status.offline'));
      await page.screenshot({ path: `/tmp/lotsen-connection-${locale}-waiting.png` });

      await page.waitForTimeout(Math.max(0, outage - (Date.now() - lost)));
      proxy.restore();

      // Back: the bar says so, the answer goes by itself, and the bot answers it.
      await page.waitForSelector('#connection[data-state="online"]', { timeout: 60_000 });
      await waitForBotText(page, stepText(locale, BASE, 'welcome'), 30_000);
      await page.waitForFunction((t) => !document.body.innerText.includes(t), ui(locale, 'page.chat.sendFailed'));
      await page.screenshot({ path: `/tmp/lotsen-connection-${locale}-back.png` });

      // Once on the server, once on the page: no failed copy beside the sent one.
      const { token, conversationId } = auth();
      const sent = (await stored(token, conversationId)).filter((a) => a.type === 'message' && a.from.role === 'user' && a.text === answer);
      expect(sent).toHaveLength(1);
      const bubbles = await page.$$eval('.lotsen-text--user', (nodes) => nodes.map((n) => (n.textContent ?? '').trim()));
      expect(bubbles.filter((b) => b === answer)).toHaveLength(1);

      // And the conversation goes on from here.
      await clickAction(page, ui(locale, 'buttons.continue'));
      await waitForBotText(page, stepText(locale, BASE, 'when'));
    } finally {
      await proxy.close();
    }
  }, 180_000);

  test('sv: a stream that goes silent (no keep-alives, no close) shows as lost, and comes back by itself', async () => {
    const proxy = await startStallProxy(suite.server.port);
    try {
      const { page } = await openBase(proxy.url, 'sv');
      proxy.stall();
      // The server sends a keep-alive every 15 s; after two missed ones the page stops believing in the stream.
      await page.waitForSelector('#connection[data-state="offline"]', { timeout: 70_000 });
      expect(await page.textContent('#connection')).toBe(ui('sv', 'page.bar.status.offline'));
      proxy.resume();
      await page.waitForSelector('#connection[data-state="online"]', { timeout: 60_000 });
      await clickAction(page, checkinLabel('sv', 'parent', 3));
      await waitForBotText(page, stepText('sv', BASE, 'welcome'));
    } finally {
      await proxy.close();
    }
  }, 180_000);
});
