import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { ConversationHub } from '../channel/directline/hub';
import { loadEngine } from '../flows/engine';
import { ROOT } from '../paths';
import { createLogger } from '../log';
import { Sealer } from '../store/crypto';
import { StoreUnavailableError } from '../store/db';
import { Sqlite } from '../store/sqlite';
import { LotsenStore } from '../store/store';
import type { StoredActivity } from '../store/types';
import { createTurnPipeline } from './pipeline';
import { toPort, type FromWorker, type ToWorker, type TurnWorkerData } from './protocol';

// The turn worker (see WorkerTurns): runs turns on its own connection to the server's SQLite file and sends back
// what each stored. The server has migrated the file before starting it.

if (!parentPort) throw new Error('the turn worker runs in a worker thread');
const port = parentPort;
const send = (msg: FromWorker) => port.postMessage(msg);

type TurnMessage = Extract<ToWorker, { type: 'turn' }>;

/** Stored activities go to the event loop, which holds the streams. */
class ForwardingHub extends ConversationHub {
  override publish(conversationId: string, stored: StoredActivity[]): Promise<void> {
    send({ type: 'publish', conversationId, stored: stored.map(toPort) });
    return Promise.resolve();
  }
}

async function main(): Promise<void> {
  const { config, dataKey } = workerData as TurnWorkerData;
  const log = createLogger(config).child({ thread: 'turns' });
  const db = await Sqlite.open(config.LOTSEN_DB);
  const sealer = new Sealer(Buffer.from(dataKey));
  const store = new LotsenStore(db, sealer);
  const { adapter, bot } = createTurnPipeline({ db, store, sealer, engine: loadEngine(ROOT), hub: new ForwardingHub(), log });
  let inFlight = 0;
  let closing: (() => void) | null = null;

  // Turns start from a setImmediate callback, all that arrived since the last one, not each inside its own message
  // event. Node hands a port's messages over one after another, at least 1,000 per wake-up and also those that
  // arrive meanwhile, before its loop looks at finished I/O again; run inside those events, turns kept the finished
  // log syncs, and with them the answers of the turns they made durable, waiting while new turns came in. Measured
  // at 100 conversations (bench/latency.js; docs/performance.md): 1,450 → 1,950 turns/s, the worker 85 → 92 % busy.
  const queued: TurnMessage[] = [];
  const startQueued = () => {
    for (const msg of queued.splice(0)) start(msg);
  };
  const start = (msg: TurnMessage) => {
    adapter
      .runTurn(msg.activity, (ctx) => bot.run(ctx), msg.keep)
      .then(
        (stored) => send({ type: 'done', id: msg.id, stored: stored && toPort(stored) }),
        (err: Error) => send({ type: 'failed', id: msg.id, error: { name: err.name, message: err.message, code: err instanceof StoreUnavailableError ? err.code : undefined } }),
      )
      .finally(() => {
        inFlight -= 1;
        if (inFlight === 0) closing?.();
      });
  };

  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'close') {
      closing = () => void db.close().then(() => port.close());
      if (inFlight === 0) closing();
      return;
    }
    if (msg.type === 'stats') {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (msg.gc && gc) gc();
      send({ type: 'stats', id: msg.id, stats: { db: { ...db.counters }, heapUsed: process.memoryUsage().heapUsed, elu: performance.eventLoopUtilization() } });
      return;
    }
    if (msg.type !== 'turn') throw new Error(`turn worker: unknown message ${String((msg as { type?: unknown }).type)}`);
    inFlight += 1;
    queued.push(msg);
    if (queued.length === 1) setImmediate(startQueued);
  });

  send({ type: 'ready' });
}

main().catch((err: unknown) => {
  // The event loop sees the exit and fails the turns in flight; this says why.
  console.error(err);
  process.exit(1);
});
