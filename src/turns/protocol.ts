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
  | { type: 'counters'; id: number }
  | { type: 'close' };

/** Worker → event loop. A turn's `publish` messages come before its `done` (one port keeps the order). */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'publish'; conversationId: string; stored: StoredActivity[] }
  | { type: 'done'; id: number; stored: StoredActivity | undefined }
  | { type: 'failed'; id: number; error: { name: string; message: string; code?: string } }
  | { type: 'counters'; id: number; counters: Record<string, number> | undefined };
