import { addStaff } from '../../src/console/staff';
import type { TestServer } from '../helpers/server';

/** Creates a staff account in the test server's database; returns its credentials. */
export async function makeStaff(s: TestServer, username: string, role: 'admin' | 'staff', municipalityId: string | null) {
  return addStaff(s.rt.store, { username, role, municipalityId });
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/** A console user agent: keeps the session cookie and the CSRF token like the page does. */
export class ConsoleClient {
  cookies = new Map<string, string>();
  csrf: string | null = null;

  constructor(readonly base: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      if (!name) continue;
      const value = rest.join('=');
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, opts: { csrf?: boolean; headers?: Record<string, string> } = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (opts.csrf !== false && this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' });
    this.keep(res);
    const text = await res.text();
    let parsed: unknown = {};
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = {};
    }
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = Record<string, unknown>>(path: string, body: unknown = {}, opts: { csrf?: boolean; headers?: Record<string, string> } = {}) {
    return this.request<T>('POST', path, body, opts);
  }

  async signIn(username: string, password: string): Promise<Reply> {
    const r = await this.post('/console/api/login', { username, password });
    if (r.status === 200) this.csrf = String(r.body.csrf);
    return r;
  }
}

/** Signs in and fails the test when that does not work. */
export async function signedIn(base: string, username: string, password: string): Promise<ConsoleClient> {
  const c = new ConsoleClient(base);
  const r = await c.signIn(username, password);
  if (r.status !== 200) throw new Error(`sign-in as ${username} failed: ${r.status} ${r.text}`);
  return c;
}

/** The audit actions recorded so far, oldest first, with who did them. */
export async function auditActions(s: TestServer): Promise<Array<{ action: string; username: string | null; detail: Record<string, unknown> | null }>> {
  const rows = await s.rt.store.listAudit({ limit: 10_000 });
  return rows.reverse().map((r) => ({ action: r.action, username: r.username, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }));
}
