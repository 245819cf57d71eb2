import { randomBytes } from 'node:crypto';
import { Sealer } from '../../src/store/crypto';
import { startTestServer, type TestServer } from '../helpers/server';
import { button, keyOf, lastTurnEnd, login, nextButton, post, repliesTo, say, transcript, type Session, type WireActivity } from './client';

// A stored dialogue state that is corrupt or belongs elsewhere must never break a conversation for good:
// the user's next message gets a short apology and the module start (or the menu), and the server lives on.

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.stop();
});

const stateKey = (conversationId: string) => `directline/conversations/${conversationId}/`;

/** A parent two steps into the first module. */
async function someoneInAModule(): Promise<Session> {
  const [code] = await s.codes('parent');
  const session = await login(s.url, code as string);
  expect((await post(s.url, session, button('module:base'))).status).toBe(200);
  expect((await post(s.url, session, nextButton(lastTurnEnd(await transcript(s.url, session))))).status).toBe(200);
  const row = await s.rt.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM bot_state WHERE key = ?', [stateKey(session.conversationId)]);
  expect(row?.n).toBe(1);
  return session;
}

/** Replaces the row's body, with a new eTag as every write of a state gives it (an instance that knows the old one reads it again). */
async function replaceState(conversationId: string, body: Buffer): Promise<void> {
  const r = await s.rt.db.run('UPDATE bot_state SET body = ?, etag = ? WHERE key = ?', [body, `replaced-${Date.now()}-${Math.random()}`, stateKey(conversationId)]);
  expect(r.changes).toBe(1);
}

const sealedAs = (conversationId: string, plain: string) => new Sealer(s.rt.keys.data).seal(plain, `state:${stateKey(conversationId)}`);

const bodies: Array<[string, (conversationId: string) => Promise<Buffer>]> = [
  ['JSON of another shape', async (id) => sealedAs(id, JSON.stringify({ dialogue: { version: 7, where: 'somewhere', runs: ['a', 'b'] } }))],
  [
    'a module run at a step that does not exist',
    async (id) =>
      sealedAs(id, JSON.stringify({
        dialogue: {
          v: 1, current: 'parent/base', misses: 0, crisisShown: false,
          runs: { 'parent/base': { flowId: 'parent/base', flowVersion: 1, snapshot: { value: 'no-such-step', context: { answers: {}, notes: {}, history: [] }, status: 'active' } } },
          progress: { 'parent/base': { position: 3, total: 20, done: false, step: 'no-such-step' } },
        },
      })),
  ],
  ['a run of one module stored under another', async (id) =>
    sealedAs(id, JSON.stringify({
      dialogue: {
        v: 1, current: 'parent/base', misses: 0, crisisShown: false,
        runs: { 'parent/base': { flowId: 'parent/anger', flowVersion: 1, snapshot: { value: 'start', context: {}, status: 'active' } } },
        progress: {},
      },
    }))],
  ['text that is not JSON', async (id) => sealedAs(id, '{"dialogue": {"v": 1, "current": "parent/ba')],
  ['a row sealed for another conversation', async () => {
    const other = await someoneInAModule();
    const row = await s.rt.db.get<{ body: Buffer }>('SELECT body FROM bot_state WHERE key = ?', [stateKey(other.conversationId)]);
    if (!row) throw new Error('no state row');
    return row.body;
  }],
  ['random bytes', async () => randomBytes(80)],
];

describe('a corrupt or foreign dialogue state', () => {
  test.each(bodies)('%s: the next message gets an apology and a fresh start, and the server lives', async (_name, makeBody) => {
    const session = await someoneInAModule();
    await replaceState(session.conversationId, await makeBody(session.conversationId));

    const r = await post(s.url, session, say('Hej, jag är tillbaka'));
    expect(r.status).toBe(200);
    const all = await transcript(s.url, session);
    const reply = repliesTo(all, r.id as string);
    const keys = reply.map(keyOf);
    expect(keys).toContain('ui:flow.reset');
    expect(keys.filter((k) => k.startsWith('ui:errors.'))).toEqual([]);
    const end = reply[reply.length - 1] as WireActivity;
    const atModuleStart = end.channelData?.progress?.position === 1;
    const atMenu = keys.includes('ui:menu.choose') && (end.suggestedActions?.actions ?? []).some((a) => a.value?.action?.startsWith('module:'));
    expect(atModuleStart || atMenu).toBe(true);

    // The apology is said once: the turn after it is an ordinary one.
    const next = await post(s.url, session, button('module:base'));
    expect(next.status).toBe(200);
    const nextKeys = repliesTo(await transcript(s.url, session), next.id as string).map(keyOf);
    expect(nextKeys).not.toContain('ui:flow.reset');
    expect(nextKeys.filter((k) => k.startsWith('ui:errors.'))).toEqual([]);
    expect(nextKeys.length).toBeGreaterThan(0);

    const health = await fetch(`${s.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
