import type { BrowserContext, Page } from 'playwright-core';
import type { Locale } from '../../src/flows/schema';
import { browserSuite, login, typeMessage, openStart, waitForBotText } from './support';

/** The helplines of the content guide, as they are written in every language. */
const HELPLINES = ['020-50 50 50', '116 111', '114 14', '90101', '1177', '112'];

/**
 * Every helpline number shown in `scope`, with the tel: link it sits in (null when it is plain text). The user's own
 * words are left out: what someone typed is shown as typed.
 */
function numbersIn(page: Page, scope: string) {
  return page.evaluate(
    ([sel, numbers]) => {
      const found: Array<{ number: string; href: string | null; where: string }> = [];
      const pattern = new RegExp(`(^|[^\\d])(${(numbers as string[]).join('|')})(?![\\d])`, 'g');
      for (const root of Array.from(document.querySelectorAll(sel as string))) {
        // Text split over a link's spans is read whole from the element that holds the number.
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
        for (let n = walker.currentNode as Element | null; n; n = walker.nextNode() as Element | null) {
          // Web Chat repeats each message for screen readers as plain text (its live region, the focused activity's label); the message itself is checked.
          if (n.closest('.lotsen-text--user, script, style, [hidden], [class*="webchat__live-region"], [class*="activity-active-descendant"]')) continue;
          if (!['P', 'LI', 'SPAN', 'A', 'DIV', 'SMALL', 'STRONG'].includes(n.tagName)) continue;
          const own = Array.from(n.childNodes).filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent ?? '').join('\u0000');
          for (const m of own.matchAll(pattern)) found.push({ number: m[2] as string, href: n.closest('a')?.getAttribute('href') ?? null, where: `${n.tagName}.${n.className}<${n.parentElement?.className ?? ''}` });
          // A number isolated in its own left-to-right span counts where the span is.
        }
      }
      return found;
    },
    [scope, HELPLINES] as const,
  );
}

const digits = (n: string) => `tel:${n.replace(/[^0-9]/g, '')}`;

const VIOLENCE: Record<Locale, string> = { sv: 'han sa att han ska döda mig', en: 'he threatened to hurt me and take the kids', ar: 'هددني بالقتل' };
const SUICIDE: Record<Locale, string> = { sv: 'jag vill inte leva längre', en: "I don't want to be here anymore", ar: 'لا أريد أن أعيش' };

describe('helpline numbers are links that call them', () => {
  const suite = browserSuite();
  let context: BrowserContext;

  test.each<Locale>(['sv', 'en', 'ar'])('%s: in the help panel, in the crisis answers and on a child\'s page, every number is a tel: link', async (locale) => {
    const [parentCode] = await suite.server.codes('parent');
    context = await suite.context({ viewport: { width: 390, height: 844 } });
    let page = await context.newPage();
    await openStart(page, suite.server.url, locale);
    // Before login: someone in crisis without a code sees where to call.
    const start = await numbersIn(page, '#start-view');
    expect(start.map((n) => n.number)).toEqual(expect.arrayContaining(['112', '116 111', '90101', '020-50 50 50', '114 14']));
    for (const n of start) expect(n).toEqual({ ...n, href: digits(n.number) });
    await login(page, parentCode as string);

    await page.click('#help-button');
    await page.waitForSelector('#help-dialog[open]');
    const panel = await numbersIn(page, '#help-lines');
    expect(panel.map((n) => n.number)).toEqual(expect.arrayContaining(['112', '90101', '020-50 50 50', '114 14']));
    for (const n of panel) expect(n.href).toBe(digits(n.number));
    await page.keyboard.press('Escape');

    await typeMessage(page, VIOLENCE[locale]);
    await waitForBotText(page, '020-50 50 50');
    await typeMessage(page, SUICIDE[locale]);
    await waitForBotText(page, '90101');
    const chat = await numbersIn(page, '.lotsen-text:not(.lotsen-text--user)');
    expect(chat.map((n) => n.number)).toEqual(expect.arrayContaining(['112', '90101', '020-50 50 50']));
    for (const n of chat) expect(n.href).toBe(digits(n.number));
    // The whole page, the bar and the start texts included.
    for (const n of await numbersIn(page, 'body')) expect(n).toEqual({ ...n, href: digits(n.number) });
    await context.close();

    const [childCode] = await suite.server.codes('child-next', 1, '9-12');
    context = await suite.context({ viewport: { width: 390, height: 844 } });
    page = await context.newPage();
    await openStart(page, suite.server.url, locale);
    await login(page, childCode as string);
    await typeMessage(page, SUICIDE[locale]);
    // The page already names BRIS under the box for writing; the crisis answer is in when its 112 line is.
    await waitForBotText(page, '112');
    const child = await numbersIn(page, 'body');
    expect(child.map((n) => n.number)).toEqual(expect.arrayContaining(['116 111', '112']));
    for (const n of child) expect(n.href).toBe(digits(n.number));
  }, 90_000);

  test('the first HTML, before any script, already has the helplines as tel: links', async () => {
    const html = await (await fetch(`${suite.server.url}/`)).text();
    for (const n of ['112', '116 111', '90101', '020-50 50 50', '114 14']) expect(html).toContain(`href="${digits(n)}">${n}</a>`);
  });
});
