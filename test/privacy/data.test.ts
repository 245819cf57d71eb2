import { Client, keyOf, login } from '../helpers/directline';
import { startTestServer, type TestServer } from '../helpers/server';
import { CONVERSATION_TABLES } from '../../src/store/store';

jest.setTimeout(60_000);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const firstButton = (replies: Array<Partial<import('botbuilder').Activity>>) =>
  (replies[replies.length - 1]?.suggestedActions?.actions[0]?.value as { action?: string } | undefined)?.action ?? 'continue';

/** Walks a module until `count` reflections are written, answering everything else with the first button. */
async function writeReflections(c: Client, moduleId: string, texts: string[]): Promise<void> {
  let replies = await c.press(`module:${moduleId}`);
  const left = [...texts];
  for (let guard = 0; left.length > 0 && guard < 60; guard += 1) {
    const actions = replies[replies.length - 1]?.suggestedActions?.actions ?? [];
    const isReflect = actions.length === 1 && (actions[0]?.value as { action?: string }).action === 'skip';
    replies = isReflect ? await c.say(left.shift() as string) : await c.press(firstButton(replies));
  }
  expect(left).toEqual([]);
}

describe("the code holder's own data", () => {
  test('export holds every reflection; delete leaves no row in any table and the code stops working', async () => {
    const [code] = await server.codes('parent');
    const me = await login(server.url, code as string);
    const c = new Client(server.url, me);
    await c.waitFor((seen) => seen.some((x) => keyOf(x) === 'ui:menu.choose'));
    const reflections = ['Första tanken om sömn', 'Andra tanken om ilska', 'Tredje tanken om barnen'];
    await writeReflections(c, 'base', reflections);
    c.end();

    const auth = { authorization: `Bearer ${me.token}` };
    const exported = (await (await fetch(`${server.url}/api/me/export`, { headers: auth })).json()) as { notes: Array<{ text: string | null }>; transcript: Array<{ text: string }> };
    for (const text of reflections) {
      expect(exported.notes.map((n) => n.text)).toContain(text);
      expect(exported.transcript.map((t) => t.text)).toContain(text);
    }
    const data = (await (await fetch(`${server.url}/api/me/data`, { headers: auth })).json()) as { notes: unknown[]; checkins: unknown[] };
    expect(data.notes.length).toBeGreaterThanOrEqual(3);
    expect(data.checkins.length).toBeGreaterThanOrEqual(1);

    const del = await fetch(`${server.url}/api/me`, { method: 'DELETE', headers: auth });
    expect(del.status).toBe(204);
    expect(del.headers.get('clear-site-data')).toContain('storage');

    // No row of that conversation is left anywhere: every table with a conversation_id, and the conversation itself.
    const tables = await server.rt.db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'");
    for (const { name } of tables) {
      const columns = await server.rt.db.all<{ name: string }>(`PRAGMA table_info(${name})`);
      if (columns.some((col) => col.name === 'conversation_id')) {
        expect([name, await server.rt.store.countRows(name, 'conversation_id = ?', [me.conversationId])]).toEqual([name, 0]);
      }
    }
    expect(await server.rt.store.countRows('conversation', 'id = ?', [me.conversationId])).toBe(0);
    expect(CONVERSATION_TABLES.length).toBeGreaterThan(0);
    // bot_state rows are keyed by conversation too.
    expect(await server.rt.store.countRows('bot_state', 'key LIKE ?', [`%${me.conversationId}%`])).toBe(0);

    const again = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    expect(again.status).toBe(401);
    expect((await fetch(`${server.url}/api/me/data`, { headers: auth })).status).toBe(401);
  });

  test('purge deletes conversations inactive longer than N days, and only those', async () => {
    const [old, fresh] = await server.codes('parent', 2);
    const a = await login(server.url, old as string);
    const b = await login(server.url, fresh as string);
    await server.rt.db.run('UPDATE conversation SET active_at = ? WHERE id = ?', [Date.now() - 40 * 86_400_000, a.conversationId]);
    expect(await server.rt.store.purgeInactive(30)).toBe(1);
    expect(await server.rt.store.getConversation(a.conversationId)).toBeUndefined();
    expect(await server.rt.store.getConversation(b.conversationId)).toBeDefined();
  });
});

describe('HTTP hardening', () => {
  test('a strict Content-Security-Policy without inline scripts, and no-store on API answers', async () => {
    const page = await fetch(`${server.url}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc).toBe("'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-powered-by')).toBeNull();
    const api = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(api.headers.get('cache-control')).toBe('no-store');
  });
});
