import type { Activity } from 'botbuilder';
import type { Config } from '../config';
import type { StoredActivity } from '../store/types';

/** What the turn worker starts with: the server's settings and the key that seals what users write. */
export interface TurnWorkerData {
  config: Config;
  dataKey: Uint8Array;
}

/** Event loop → worker. */
export type ToWorker =
  | { type: 'turn'; id: number; activity: Partial<Activity>; keep: boolean }
  | { type: 'stats'; id: number; gc?: boolean }
  | { type: 'close' };

/** A stored activity between the threads: its JSON as stored, which is what streams send (one string to copy, not an object graph). */
export interface PortActivity {
  seq: number;
  json: string;
}

export const toPort = (a: StoredActivity): PortActivity => ({ seq: a.seq, json: a.json ?? JSON.stringify(a.activity) });

/** Back to a StoredActivity; its `activity` is parsed only when something reads it. */
export function fromPort(p: PortActivity): StoredActivity {
  let activity: Partial<Activity> | undefined;
  return {
    seq: p.seq,
    json: p.json,
    get activity() {
      return (activity ??= JSON.parse(p.json) as Partial<Activity>);
    },
  };
}

/** Worker → event loop. A turn's `publish` messages come before its `done` (one port keeps the order). */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'publish'; conversationId: string; stored: PortActivity[] }
  | { type: 'done'; id: number; stored: PortActivity | undefined }
  | { type: 'failed'; id: number; error: { name: string; message: string; code?: string } }
  | { type: 'stats'; id: number; stats: TurnStats | undefined };

/** For benchmarks: the counters of the database turns write through, and the live heap of the thread they run on. */
export interface TurnStats {
  db: Record<string, number> | undefined;
  heapUsed: number;
  /** The worker's event loop: milliseconds active and idle since it started. */
  elu: { active: number; idle: number };
}
