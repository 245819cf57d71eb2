import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ct } from '../../src/console/strings';
import { ROOT } from '../../src/paths';
import { auditActions, makeStaff } from '../console/client';
import { startTestServer, type TestServer } from '../helpers/server';
import { describeViolations, launchBrowser, newContext, runAxe } from './support';

/** The contact-centre console in a real browser: codes from creation to revocation, preview, diagrams; axe on every page. */
let server: TestServer;
let browser: Browser;
let anna: { username: string; password: string };
let root: { username: string; password: string };
const SHOTS = path.join(ROOT, 'test-results', 'console');

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  anna = await makeStaff(server, 'anna', 'staff', 'test');
  root = await makeStaff(server, 'root', 'admin', null);
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Collects what the browser reports as CSP violations or script errors. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().includes('/api/login')) errors.push(`${r.status()} ${r.url()}`);
  });
  return errors;
}

async function signIn(page: Page, who: { username: string; password: string }, lang: 'sv' | 'en' = 'sv') {
  await page.goto(`${server.url}/console?lang=${lang}`);
  await page.getByLabel(ct(lang, 'signin.username'), { exact: true }).fill(who.username);
  await page.getByLabel(ct(lang, 'signin.password'), { exact: true }).fill(who.password);
  await page.getByRole('button', { name: ct(lang, 'signin.submit') }).click();
  await page.waitForURL('**/console/codes');
}

const apiLogin = (context: BrowserContext, code: string) => context.request.post(`${server.url}/api/login`, { data: { code, locale: 'sv' }, failOnStatusCode: false });

test('sign in, create 5 parent codes, a parent logs in with one, it is revoked, and the next login fails (real CSP)', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const parent = await newContext(browser);
  try {
    await signIn(page, anna);
    await page.waitForSelector('#batches[aria-busy="false"]');

    await page.getByLabel(ct('sv', 'common.persona'), { exact: true }).selectOption('parent');
    await page.getByLabel(ct('sv', 'codes.count'), { exact: true }).fill('5');
    await page.getByLabel(ct('sv', 'codes.label'), { exact: true }).fill('Föräldragrupp maj');
    await page.getByRole('button', { name: ct('sv', 'codes.submit') }).click();
    await page.waitForSelector('#sheet:not([hidden]) .slip-code');
    const codes = await page.$$eval('.slip-code', (nodes) => nodes.map((n) => n.textContent ?? ''));
    expect(codes).toHaveLength(5);
    for (const c of codes) expect(c).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{4}$/);
    // Focus moves to the new codes; each slip carries the how-to.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sheet-h');
    expect(await page.locator('.slip').first().innerText()).toContain(`${server.url}/`);
    await page.screenshot({ path: path.join(SHOTS, 'codes-sheet.png'), fullPage: true });

    // The CSV download holds the same codes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: ct('sv', 'codes.csv') }).click()]);
    const csvPath = await download.path();
    const csv = readFileSync(csvPath, 'utf8');
    for (const c of codes) expect(csv).toContain(c);

    // A parent logs in with the first code in a second browser.
    const code = codes[0] as string;
    expect((await apiLogin(parent, code)).status()).toBe(200);

    // The batch list shows one used code (never which), from the day after: move that first use to yesterday.
    await server.rt.db.run('UPDATE access_code SET first_used_at = first_used_at - 86400000 WHERE first_used_at IS NOT NULL');
    await page.reload();
    await page.waitForSelector('#batches-table');
    const row = await page.locator('#batches-table tbody tr', { hasText: 'Föräldragrupp maj' }).innerText();
    expect(row.split('\t').map((c) => c.trim())).toEqual(expect.arrayContaining(['5', '1', '0']));

    // Revoke the typed code.
    await page.getByLabel(ct('sv', 'codes.code'), { exact: true }).fill(code.toLowerCase());
    await page.getByRole('button', { name: ct('sv', 'codes.revokeSubmit') }).click();
    await page.waitForSelector(`#codes-status:has-text("${ct('sv', 'codes.revoked')}")`);

    const next = await apiLogin(parent, code);
    expect(next.status()).toBe(401);
    // The other codes of the batch still work.
    expect((await apiLogin(parent, codes[1] as string)).status()).toBe(200);

    await page.getByRole('button', { name: ct('sv', 'nav.signOut') }).click();
    await page.waitForURL('**/console?reason=signedout');
    expect(await page.locator('#signin-message').innerText()).toBe(ct('sv', 'signin.signedOut'));
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await parent.close();
  }
}, 60_000);

test('the preview chat walks a module from a chosen step, and the flow diagram renders (real CSP)', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await signIn(page, anna, 'en');
    await page.getByRole('link', { name: ct('en', 'nav.preview') }).click();
    await page.getByLabel(ct('en', 'preview.module'), { exact: true }).selectOption('parent/base');
    const steps = await page.$$eval('#preview-step option', (o) => o.map((x) => (x as HTMLOptionElement).value));
    const chosen = steps[3] as string;
    await page.getByLabel(ct('en', 'preview.step'), { exact: true }).selectOption(chosen);
    await page.getByLabel(ct('en', 'preview.language'), { exact: true }).selectOption('ar');
    await page.getByRole('button', { name: ct('en', 'preview.start') }).click();
    await page.waitForSelector('#chat-log .msg.bot');
    expect(await page.getAttribute('#chat-log', 'dir')).toBe('rtl');
    const firstKeys = await page.$$eval('#chat-log .msg.bot .key code', (n) => n.map((x) => x.textContent));
    expect(firstKeys.some((k) => (k ?? '').startsWith(`${chosen}.`) || (k ?? '').startsWith('ui:') || (k ?? '').startsWith('video:'))).toBe(true);
    const before = await page.locator('#chat-log .msg').count();
    await page.locator('#chat-actions button').first().click();
    await page.waitForFunction((n) => document.querySelectorAll('#chat-log .msg').length > n + 1, before);
    await page.screenshot({ path: path.join(SHOTS, 'preview.png'), fullPage: true });

    await page.getByRole('link', { name: ct('en', 'nav.flows') }).click();
    await page.waitForSelector('#diagram[data-rendered="true"] svg', { timeout: 20_000 });
    await page.screenshot({ path: path.join(SHOTS, 'flows.png'), fullPage: true });
    await page.getByRole('button', { name: ct('en', 'flows.run') }).click();
    await page.waitForSelector('#test-lines li', { timeout: 45_000 });
    expect(await page.locator('#test-lines li.fail').count()).toBe(0);
    expect(await page.locator('#test-status').innerText()).toMatch(/0 failed/);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}, 90_000);

describe('axe-core finds no WCAG 2.1 A/AA violations', () => {
  for (const lang of ['sv', 'en'] as const) {
    test(`sign-in, codes (with a sheet), preview, flows, statistics and audit pages in ${lang}`, async () => {
      // axe is injected as a script: only this context bypasses CSP (the tests above run under the real one).
      const context = await newContext(browser, { bypassCSP: true });
      const page = await context.newPage();
      const check = async (name: string) => {
        expect(`${name}: ${describeViolations(await runAxe(page))}`).toBe(`${name}: `);
      };
      try {
        await page.goto(`${server.url}/console?lang=${lang}`);
        await check('sign-in');
        // A failed sign-in shows its message: still clean.
        await page.getByLabel(ct(lang, 'signin.username'), { exact: true }).fill('root');
        await page.getByLabel(ct(lang, 'signin.password'), { exact: true }).fill('wrong');
        await page.getByRole('button', { name: ct(lang, 'signin.submit') }).click();
        await page.waitForSelector('#signin-message:not(.empty)');
        await check('sign-in error');

        await signIn(page, root, lang);
        await page.waitForSelector('#batches[aria-busy="false"]');
        await page.getByLabel(ct(lang, 'common.persona'), { exact: true }).selectOption('child-next');
        await page.getByLabel(ct(lang, 'codes.count'), { exact: true }).fill('2');
        await page.getByLabel(ct(lang, 'codes.slipLanguage'), { exact: true }).selectOption('ar');
        await page.getByRole('button', { name: ct(lang, 'codes.submit') }).click();
        await page.waitForSelector('#sheet:not([hidden]) .slip-code');
        await page.waitForSelector('#batches-table');
        await check('codes');

        await page.goto(`${server.url}/console/preview`);
        await page.getByRole('button', { name: ct(lang, 'preview.start') }).click();
        await page.waitForSelector('#chat-log .msg.bot');
        await check('preview');

        await page.goto(`${server.url}/console/flows?flow=parent/base`);
        await page.waitForSelector('#diagram[data-rendered="true"] svg', { timeout: 20_000 });
        await check('flows');

        await page.goto(`${server.url}/console/stats?municipality=test`);
        await check('statistics');

        await page.goto(`${server.url}/console/audit`);
        await page.waitForSelector('#audit-table');
        await check('audit');
        await page.screenshot({ path: path.join(SHOTS, `audit-${lang}.png`), fullPage: true });
      } finally {
        await context.close();
      }
    }, 90_000);
  }
});

test('every staff action of the browser tests is in the audit log', async () => {
  const log = await auditActions(server);
  const did = (username: string | null, action: string) => log.some((e) => e.username === username && e.action === action);
  for (const action of ['signin', 'batch.create', 'code.revoke', 'signout', 'preview.start', 'flows.test']) expect([action, did('anna', action)]).toEqual([action, true]);
  for (const action of ['signin.failed', 'signin', 'batch.create', 'preview.start', 'stats.view', 'audit.view']) expect([action, did('root', action)]).toEqual([action, true]);
  // And the admin's audit page lists them.
  const context = await newContext(browser);
  const page = await context.newPage();
  try {
    await signIn(page, root);
    await page.goto(`${server.url}/console/audit`);
    const actions = await page.$$eval('#audit-table tbody tr', (rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions).toEqual(expect.arrayContaining(['signin', 'signin.failed', 'batch.create', 'code.revoke', 'signout', 'preview.start', 'flows.test', 'stats.view', 'audit.view']));
    const text = await page.locator('#audit-table').innerText();
    expect(text).toContain('anna');
  } finally {
    await context.close();
  }
}, 60_000);
