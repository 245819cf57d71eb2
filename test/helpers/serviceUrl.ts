import http from 'node:http';
import type { Activity } from 'botbuilder';

export interface Received {
  method: string;
  path: string;
  body: Partial<Activity>;
}

/**
 * What the Bot Framework Emulator is to a bot: an HTTP server that the bot's replies are posted to
 * (`POST /v3/conversations/{id}/activities/{activityId}`). Records every request; answers each with an id.
 */
export class ServiceUrlServer {
  readonly received: Received[] = [];
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Partial<Activity> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<Activity>;
      } catch {
        // Recorded as an empty body: a test looks at what arrived, not at how it was shaped.
      }
      this.received.push({ method: req.method ?? '', path: req.url ?? '', body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${this.received.length}` }));
    });
  });
  port = 0;

  /** Listens on `host` (127.0.0.1 by default; 0.0.0.0 to be reachable at the machine's other addresses too). */
  async start(host = '127.0.0.1'): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, host, resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return this;
  }

  /** The serviceUrl an Emulator on this machine would give. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The replies posted since `from`, in order. */
  since(from: number): Received[] {
    return this.received.slice(from);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export const keyOfReceived = (r: Received): string | undefined => (r.body.channelData as { key?: string } | undefined)?.key;

/** POSTs a JSON body (or raw text) to `/api/messages`. */
export async function postMessages(base: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}
