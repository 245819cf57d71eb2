import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, startServer, type Running } from './server-process';
import { deriveKeys, Sealer } from '../../src/store/crypto';
import { Sqlite } from '../../src/store/sqlite';
import { isBot, lastTurnEnd, login, nextButton, post, transcript, type Session, type WireActivity } from './client';

// kill -9 of the server in the middle of a stream of turns, then a restart on the same database: no
// acknowledged message (a POST answered 200 with an id) is missing, and the stored dialogue state matches
// the transcript.

const SECRET = Buffer.alloc(32, 42).toString('base64');
const KILLS = 3;


interface DialogueState {
  current: string | null;
  progress: Record<string, { position: number; total: number; done: boolean; step: string }>;
}

/** The stored dialogue state of a conversation, read from the database as the server stores it. */
async function storedState(dbFile: string, conversationId: string): Promise<DialogueState | undefined> {
  const db = await Sqlite.open(dbFile);
  try {
    const key = `directline/conversations/${conversationId}/`;
    const row = await db.get<{ body: Buffer }>('SELECT body FROM bot_state WHERE key = ?', [key]);
    if (!row) return undefined;
    return (JSON.parse(new Sealer(deriveKeys(Buffer.from(SECRET, 'base64')).data).open(row.body, `state:${key}`)) as { dialogue: DialogueState }).dialogue;
  } finally {
    await db.close();
  }
}

/** Where the transcript's last turn left the user, in the terms of the stored state. */
function placeOf(end: WireActivity | undefined): { flow: string | null; position: number | null } {
  const p = end?.channelData?.progress;
  return p ? { flow: p.flow, position: p.position } : { flow: null, position: null };
}
function placeOfState(state: DialogueState | undefined): { flow: string | null; position: number | null } {
  if (!state?.current) return { flow: null, position: null };
  return { flow: state.current, position: state.progress[state.current]?.position ?? null };
}

/** Takes turns one after another (each waits for the answer) until stopped; records what was acknowledged. */
async function takeTurns(base: string, session: Session, acknowledged: string[], stop: { now: boolean }): Promise<void> {
  let all = await transcript(base, session);
  let pick = 0;
  while (!stop.now) {
    try {
      const r = await post(base, session, nextButton(lastTurnEnd(all), (n) => (pick++ * 7) % Math.max(1, n)));
      if (r.status === 200 && r.id) acknowledged.push(r.id);
      all = await transcript(base, session);
    } catch {
      return; // the server is gone
    }
  }
}

let dir: string;
let dbFile: string;
let server: Running | undefined;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), 'lotsen-kill9-'));
  dbFile = path.join(dir, 'lotsen.db');
}, 120_000);

afterAll(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

test(`kill -9 in the middle of turns, ${KILLS} times: nothing acknowledged is lost and the state matches the transcript`, async () => {
  server = await startServer(dbFile, SECRET);
  const codes = [server.codes.parent, server.codes.child];
  const acknowledged: string[][] = codes.map(() => []);
  let sessions = await Promise.all(codes.map((c) => login((server as Running).url, c)));
  let turnsBefore = 0;

  for (let k = 0; k < KILLS; k += 1) {
    const running = server as Running;
    const stop = { now: false };
    const streams = sessions.map((session, i) => takeTurns(running.url, session, acknowledged[i] as string[], stop));
    // Let some turns complete, then kill in the middle of whatever is running.
    const enough = turnsBefore + 6;
    const deadline = Date.now() + 20_000;
    while (acknowledged.reduce((n, a) => n + a.length, 0) < enough && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 40)));
    running.child.kill('SIGKILL');
    await running.exited;
    stop.now = true;
    await Promise.all(streams);
    turnsBefore = acknowledged.reduce((n, a) => n + a.length, 0);

    server = await startServer(dbFile, SECRET);
    const base = server.url;
    for (let i = 0; i < sessions.length; i += 1) {
      const session = sessions[i] as Session;
      // The token of the killed server's session still holds: read what is stored before logging in again.
      const all = await transcript(base, session);
      const ids = new Set(all.map((a) => a.id));
      for (const id of acknowledged[i] as string[]) {
        expect(ids).toContain(id);
        // Acknowledged means the whole turn ran: the bot's answer is stored too.
        expect(all.some((a) => isBot(a) && a.replyToId === id)).toBe(true);
      }
      const state = await storedState(dbFile, session.conversationId);
      const last = all[all.length - 1];
      const inTranscript = placeOf(lastTurnEnd(all));
      // Killed after the user's activity was stored, before its turn committed: that activity was not acknowledged.
      if (last && !isBot(last)) expect(acknowledged[i]).not.toContain(last.id);
      // A turn's state and replies commit together, so the state is always where the transcript is.
      expect(placeOfState(state)).toEqual(inTranscript);
    }

    // Logging in again shows where the user is: afterwards the transcript and the state agree in every case.
    sessions = await Promise.all(codes.map((c) => login(base, c)));
    for (const session of sessions) {
      const all = await transcript(base, session);
      expect(placeOfState(await storedState(dbFile, session.conversationId))).toEqual(placeOf(lastTurnEnd(all)));
    }
  }
  expect(acknowledged.reduce((n, a) => n + a.length, 0)).toBeGreaterThanOrEqual(KILLS * 6);
}, 240_000);
