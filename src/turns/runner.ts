import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationHub } from '../channel/directline/hub';
import type { Config } from '../config';
import { ROOT } from '../paths';
import { StoreUnavailableError } from '../store/db';
import type { StoredActivity } from '../store/types';
import type { TurnPipeline } from './pipeline';
import { fromPort, type FromWorker, type ToWorker, type TurnStats, type TurnWorkerData } from './protocol';

/**
 * Runs the turns of Direct Line conversations (posted activities and the welcome at login), one at a time per
 * conversation by the hub's queue. With `keep`, the activity is the user's and is stored with the turn. Resolves
 * with the user's activity as stored; rejects when nothing of the turn could be stored.
 */
export interface TurnRunner {
  run(activity: Partial<Activity>, keep: boolean): Promise<StoredActivity | undefined>;
  /** For benchmarks: the worker's database counters and live heap (after a collection with `gc`, when exposed); undefined in process. */
  stats(gc?: boolean): Promise<TurnStats | undefined>;
  close(): Promise<void>;
}

/** On the event loop, through the runtime's own store. */
export class InProcessTurns implements TurnRunner {
  constructor(private readonly pipeline: TurnPipeline) {}

  run(activity: Partial<Activity>, keep: boolean): Promise<StoredActivity | undefined> {
    return this.pipeline.adapter.runTurn(activity, (ctx) => this.pipeline.bot.run(ctx), keep);
  }

  stats(): Promise<TurnStats | undefined> {
    // The same thread and database as the rest of the server: its own figures say it all.
    return Promise.resolve(undefined);
  }

  close() {
    return Promise.resolve();
  }
}

/** The worker's entry: built JavaScript, also when the caller runs from TypeScript sources (tests build first). */
export const WORKER_FILE = __filename.endsWith('.ts') ? path.join(ROOT, 'dist', 'src', 'turns', 'worker.js') : path.join(__dirname, 'worker.js');

/** The worker stopped with turns in flight: they may or may not be stored (the transcript tells), the client may retry. */
export class TurnWorkerStoppedError extends Error {
  constructor(reason: string) {
    super(`The turn worker stopped: ${reason}`);
    this.name = 'TurnWorkerStoppedError';
  }
}

interface Pending {
  resolve: (stored: StoredActivity | undefined) => void;
  reject: (err: Error) => void;
}

/**
 * In a worker thread, with its own connection to the same SQLite file, flows and bot: the event loop is left with
 * HTTP, tokens and streams, so a turn's two halves run on two cores. What a turn stores comes back as a message and
 * is published to the streams here, before the turn's promise resolves, as in process.
 * A worker that dies is started again; the turns it had in flight fail with TurnWorkerStoppedError.
 */
export class WorkerTurns implements TurnRunner {
  private worker: Worker | null = null;
  private ready: Promise<void> = Promise.resolve();
  private readonly pending = new Map<number, Pending>();
  private readonly statRequests = new Map<number, (s: TurnStats | undefined) => void>();
  private nextId = 1;
  private closing = false;
  private restarts = 0;
  private startedAt = 0;

  private constructor(
    private readonly data: TurnWorkerData,
    private readonly hub: ConversationHub,
    private readonly log: Logger,
    private readonly file: string,
  ) {}

  static async start(config: Config, dataKey: Buffer, hub: ConversationHub, log: Logger, file = WORKER_FILE): Promise<WorkerTurns> {
    // The worker gets the one key it uses (sealing), not the master secret the others derive from.
    const turns = new WorkerTurns({ config: { ...config, LOTSEN_SECRET: undefined }, dataKey: new Uint8Array(dataKey) }, hub, log, file);
    turns.ready = turns.spawn();
    await turns.ready;
    return turns;
  }

  private spawn(): Promise<void> {
    this.startedAt = Date.now();
    return new Promise<void>((resolve, reject) => {
      const worker = new Worker(this.file, { workerData: this.data });
      let started = false;
      worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'ready') {
          started = true;
          this.worker = worker;
          resolve();
        } else this.receive(msg);
      });
      worker.on('error', (err) => {
        this.log.error({ err: { name: err.name, message: err.message, stack: err.stack } }, 'turn worker failed');
        if (!started) reject(err);
      });
      worker.on('exit', (code) => {
        if (this.worker === worker) this.worker = null;
        this.failAll(new TurnWorkerStoppedError(`exit code ${code}`));
        if (!started) reject(new TurnWorkerStoppedError(`exit code ${code} before it was ready`));
        else if (!this.closing) this.respawn(code);
      });
    });
  }

  /** Starts a new worker: at once after one that ran for a second or more, else a second later, so a broken worker does not spin. */
  private respawn(code: number | null): void {
    this.restarts += 1;
    this.log.error({ code, restarts: this.restarts }, 'turn worker stopped; starting it again');
    const delay = Date.now() - this.startedAt < 1000 ? 1000 : 0;
    this.ready = new Promise<void>((resolve) => setTimeout(resolve, delay))
      .then(() => this.spawn())
      .catch((err: Error) => {
        this.log.error({ err: { name: err.name, message: err.message } }, 'turn worker did not start again');
        if (!this.closing) this.respawn(null);
        throw new TurnWorkerStoppedError('starting again');
      });
    // Turns posted meanwhile wait for `ready`; a failed start is theirs to report (503), not an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  private receive(msg: FromWorker): void {
    if (msg.type === 'ready') return;
    if (msg.type === 'publish') {
      // What could not be announced is read from the database by the streams' next catch-up; it must not end the process.
      this.hub.publish(msg.conversationId, msg.stored.map(fromPort)).catch((err: Error) => this.log.error({ conversationId: msg.conversationId, err: { name: err.name, message: err.message } }, 'publishing a turn failed'));
      return;
    }
    if (msg.type === 'stats') {
      this.statRequests.get(msg.id)?.(msg.stats);
      this.statRequests.delete(msg.id);
      return;
    }
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.type === 'done') {
      p.resolve(msg.stored && fromPort(msg.stored));
      return;
    }
    const { name, message, code } = msg.error;
    p.reject(name === 'StoreUnavailableError' ? new StoreUnavailableError(code ?? 'UNKNOWN', message) : Object.assign(new Error(message), { name }));
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    for (const r of this.statRequests.values()) r(undefined);
    this.statRequests.clear();
  }

  private async post(msg: ToWorker): Promise<Worker> {
    await this.ready;
    const worker = this.worker;
    if (!worker || this.closing) throw new TurnWorkerStoppedError('not running');
    worker.postMessage(msg);
    return worker;
  }

  async run(activity: Partial<Activity>, keep: boolean): Promise<StoredActivity | undefined> {
    const id = this.nextId++;
    const done = new Promise<StoredActivity | undefined>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    try {
      await this.post({ type: 'turn', id, activity, keep });
    } catch (err) {
      this.pending.delete(id);
      throw err;
    }
    return done;
  }

  async stats(gc = false): Promise<TurnStats | undefined> {
    const id = this.nextId++;
    const answer = new Promise<TurnStats | undefined>((resolve) => this.statRequests.set(id, resolve));
    try {
      await this.post({ type: 'stats', id, gc });
    } catch {
      this.statRequests.delete(id);
      return undefined;
    }
    return answer;
  }

  /** Lets the turns in flight finish, closes the worker's database and stops it. */
  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    this.closing = true;
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'close' } satisfies ToWorker);
    const timer = setTimeout(() => void worker.terminate(), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
