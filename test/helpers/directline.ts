import type { Activity } from 'botbuilder';

// botframework-directlinejs needs these browser globals on Node, set before it loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
(globalThis as { WebSocket?: unknown }).WebSocket ??= require('ws');
// eslint-disable-next-line @typescript-eslint/no-require-imports
(globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest ??= require('xhr2');

// eslint-disable-next-line @typescript-eslint/no-require-imports
import directline = require('botframework-directlinejs');

export interface LoginResult {
  token: string;
  conversationId: string;
  persona: string;
  locale: string;
  /** The code's own municipality, for the page's help panel. */
  municipality: { name: string; phone: string | null } | null;
}

export async function login(url: string, code: string, locale = 'sv'): Promise<LoginResult> {
  const res = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, locale }) });
  if (res.status !== 200) throw new Error(`login ${res.status}: ${await res.text()}`);
  return (await res.json()) as LoginResult;
}

export const keyOf = (a: Partial<Activity>) => (a.channelData as { key?: string } | undefined)?.key;

/** A real DirectLineJS client over WebSocket that collects every activity it sees. */
export class Client {
  readonly seen: Array<Partial<Activity>> = [];
  private readonly dl: directline.DirectLine;
  private readonly listeners = new Set<() => void>();

  constructor(url: string, auth: LoginResult) {
    this.dl = new directline.DirectLine({ domain: `${url}/v3/directline`, token: auth.token, conversationId: auth.conversationId, webSocket: true, pollingInterval: 200 });
    this.dl.activity$.subscribe({
      next: (a) => {
        this.seen.push(a as Partial<Activity>);
        for (const l of this.listeners) l();
      },
      // DirectLineJS reports "conversation ended" here after end(); that is the end we asked for.
      error: () => undefined,
    });
  }

  get bot(): Array<Partial<Activity>> {
    return this.seen.filter((a) => a.from?.role === 'bot');
  }

  /** Waits until `predicate` holds over what was seen (polls on each new activity), or fails after `ms`. */
  waitFor(predicate: (seen: Array<Partial<Activity>>) => boolean, ms = 15000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (predicate(this.seen)) {
          clearTimeout(timer);
          this.listeners.delete(check);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`timed out; seen keys: ${this.seen.map((a) => keyOf(a) ?? a.text).join(', ')}`));
      }, ms);
      this.listeners.add(check);
      check();
    });
  }

  /** Sends a button press and waits until the bot's reply to it has arrived. */
  async press(value: string): Promise<Array<Partial<Activity>>> {
    return this.send({ type: 'message', from: { id: 'user', name: '' }, text: value, value: { action: value } });
  }

  async say(text: string): Promise<Array<Partial<Activity>>> {
    return this.send({ type: 'message', from: { id: 'user', name: '' }, text });
  }

  private send(activity: Partial<Activity>): Promise<Array<Partial<Activity>>> {
    return new Promise((resolve, reject) => {
      this.dl.postActivity(activity as directline.Activity).subscribe({
        next: (id: string) => {
          this.waitFor((seen) => seen.some((a) => a.replyToId === id))
            .then(() => setTimeout(() => resolve(this.seen.filter((a) => a.replyToId === id)), 50))
            .catch(reject);
        },
        error: reject,
      });
    });
  }

  end(): void {
    this.dl.end();
  }
}
