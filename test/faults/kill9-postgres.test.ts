import { ensureBuilt, startServer, type Running } from './server-process';
import { deriveKeys, Sealer } from '../../src/store/crypto';
import { Postgres } from '../../src/store/postgres';
import { describeWithPostgres, startPostgres, type TestPostgres } from '../helpers/postgres';
import { isBot, lastTurnEnd, login, nextButton, post, transcript, type Session } from './client';

// Two server processes on one PostgreSQL database. kill -9 of the one taking turns, in the middle of them: the other
// has every acknowledged message and its answer, takes the next turn at once (the dead one's turn lock went with its
// connection), and the stored state matches the transcript.

const SECRET = Buffer.alloc(32, 43).toString('base64');


async function takeTurns(base: string, session: Session, acknowledged: string[], stop: { now: boolean }): Promise<void> {
  let all = await transcript(base, session);
  let pick = 0;
  while (!stop.now) {
    try {
      const r = await post(base, session, nextButton(lastTurnEnd(all), (n) => (pick++ * 7) % Math.max(1, n)));
      if (r.status === 200 && r.id) acknowledged.push(r.id);
      all = await transcript(base, session);
    } catch {
      return;
    }
  }
}

describeWithPostgres('kill -9 of one of two instances on PostgreSQL', () => {
  let cluster: TestPostgres;
  let db: string;
  const servers: Running[] = [];

  beforeAll(async () => {
    ensureBuilt();
    cluster = await startPostgres();
    db = await cluster.createDatabase('kill');
  }, 180_000);

  afterAll(async () => {
    for (const s of servers) {
      if (s.child.exitCode === null && s.child.signalCode === null) {
        s.child.kill('SIGKILL');
        await s.exited;
      }
    }
    await cluster?.stop();
  });

  test('the other instance has every acknowledged turn and takes the next one at once', async () => {
    // Both start at once on an empty database: one migrates and makes the demo codes, the other waits and finds them.
    let [a, b] = (await Promise.all([startServer(db, SECRET), startServer(db, SECRET)])) as [Running, Running];
    servers.push(a, b);
    expect(b.codes).toEqual(a.codes);
    const codes = [a.codes.parent, a.codes.child];
    const acknowledged: string[][] = codes.map(() => []);
    const sessions = await Promise.all(codes.map((c) => login(a.url, c)));
    const sealer = new Sealer(deriveKeys(Buffer.from(SECRET, 'base64')).data);
    const reader = await Postgres.open(db, { max: 2, lockMax: 1 });

    try {
      for (let round = 0; round < 2; round += 1) {
        const stop = { now: false };
        const before = acknowledged.reduce((n, x) => n + x.length, 0);
        const turns = sessions.map((s, i) => takeTurns(a.url, s, acknowledged[i] as string[], stop));
        const deadline = Date.now() + 20_000;
        while (acknowledged.reduce((n, x) => n + x.length, 0) < before + 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 40)));
        a.child.kill('SIGKILL');
        await a.exited;
        stop.now = true;
        await Promise.all(turns);

        for (let i = 0; i < sessions.length; i += 1) {
          const session = sessions[i] as Session;
          // The same token works on the other instance.
          const all = await transcript(b.url, session);
          const ids = new Set(all.map((x) => x.id));
          for (const id of acknowledged[i] as string[]) {
            expect(ids).toContain(id);
            expect(all.some((x) => isBot(x) && x.replyToId === id)).toBe(true);
          }
          // The next turn runs on the survivor within seconds: no lock is left behind.
          const started = Date.now();
          const r = await post(b.url, session, nextButton(lastTurnEnd(all), () => 0));
          expect(r.status).toBe(200);
          expect(Date.now() - started).toBeLessThan(10_000);
          const after = await transcript(b.url, session);
          expect(after.some((x) => isBot(x) && x.replyToId === r.id)).toBe(true);
          const seqs = after.map((x) => Number(String(x.id).split('|')[1]));
          expect(seqs).toEqual(seqs.map((_, k) => k));
          // The stored dialogue state is where the transcript is.
          const key = `directline/conversations/${session.conversationId}/`;
          const row = await reader.get<{ body: Buffer }>('SELECT body FROM bot_state WHERE key = ?', [key]);
          const state = row ? (JSON.parse(sealer.open(row.body, `state:${key}`)) as { dialogue: { current: string | null; progress: Record<string, { position: number }> } }).dialogue : undefined;
          const end = lastTurnEnd(after)?.channelData?.progress;
          expect(state?.current ?? null).toBe(end ? end.flow : null);
          if (end && state?.current) expect(state.progress[state.current]?.position).toBe(end.position);
        }
        // Bring the dead one back and swap roles.
        const fresh = await startServer(db, SECRET);
        servers.push(fresh);
        [a, b] = [b, fresh];
      }
      expect(acknowledged.reduce((n, x) => n + x.length, 0)).toBeGreaterThanOrEqual(12);
    } finally {
      await reader.close();
    }
  }, 240_000);
});
