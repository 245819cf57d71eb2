'use strict';
// A small Direct Line 3.0 client over plain http + ws, for load generation (the official DirectLineJS client
// is built for browsers and costs more per conversation than the server under test).
const http = require('node:http');
const WebSocket = require('ws');

// Idle sockets are dropped before the server's 5 s keep-alive timeout, so a request never races the server
// closing the socket it reuses ("socket hang up"); each request sets its own, longer timeout.
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 100_000, timeout: 4000 });

/** One JSON request; resolves with status, headers and parsed body (never rejects on an HTTP status). */
function request(base, method, path, { body, token, headers = {}, timeoutMs = 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const url = new URL(path, base);
    const payload = body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    const req = http.request(
      {
        agent, method, hostname: url.hostname, port: url.port, path: url.pathname + url.search,
        headers: {
          ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode, headers: res.headers, body: json, text });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout ${method} ${path} after ${Date.now() - t0} ms`)));
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

async function login(base, code, locale = 'sv') {
  const r = await request(base, 'POST', '/api/login', { body: { code, locale } });
  if (r.status !== 200) throw new Error(`login ${r.status} ${r.text.slice(0, 200)}`);
  return r.body;
}

/**
 * A conversation's stream: collects every activity once (by watermark), and lets a caller wait for the
 * activity that ends a turn (the bot's last reply to a given user activity: it carries `channelData.progress`).
 */
class Stream {
  constructor(ws) {
    this.ws = ws;
    this.activities = [];
    this.watermark = -1;
    this.waiters = new Map(); // replyToId → {resolve, reject, timer}
    this.closed = false;
    ws.on('message', (data) => this.onFrame(data));
    ws.on('close', () => {
      this.closed = true;
      for (const [, w] of this.waiters) w.reject(new Error('stream closed'));
      this.waiters.clear();
    });
    ws.on('error', () => undefined);
  }

  onFrame(data) {
    if (data.length === 0) return; // keep-alive
    const frame = JSON.parse(data.toString('utf8'));
    const wm = Number(frame.watermark);
    for (const a of frame.activities ?? []) {
      this.activities.push(a);
      if (a.from?.role === 'bot' && a.replyToId && a.channelData && ('progress' in a.channelData || String(a.channelData.key ?? '').startsWith('ui:errors.'))) {
        const w = this.waiters.get(a.replyToId);
        if (w) {
          this.waiters.delete(a.replyToId);
          clearTimeout(w.timer);
          w.resolve(a);
        } else {
          this.early.set(a.replyToId, a);
        }
      }
    }
    if (Number.isFinite(wm)) this.watermark = wm;
    if (this.onWatermark) this.onWatermark(this.watermark);
  }

  get early() {
    return (this._early ??= new Map());
  }

  /** The last activity of the bot's reply to `activityId`. */
  replyTo(activityId, timeoutMs = 60_000) {
    const got = this._early?.get(activityId);
    if (got) {
      this._early.delete(activityId);
      return Promise.resolve(got);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(activityId);
        reject(new Error('reply timeout'));
      }, timeoutMs);
      this.waiters.set(activityId, { resolve, reject, timer });
    });
  }

  /** Resolves once the stream has delivered everything up to `watermark`. */
  until(watermark, timeoutMs = 60_000) {
    if (this.watermark >= watermark) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`replay timeout at ${this.watermark} < ${watermark}`)), timeoutMs);
      this.onWatermark = (wm) => {
        if (wm >= watermark) {
          clearTimeout(timer);
          this.onWatermark = undefined;
          resolve();
        }
      };
    });
  }

  close() {
    this.ws.terminate();
  }
}

function openStream(streamUrl, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(streamUrl, { perMessageDeflate: false, handshakeTimeout: timeoutMs });
    const stream = new Stream(ws); // listen before open: the replay may come in the first frame
    ws.once('open', () => resolve(stream));
    ws.once('error', reject);
  });
}

/** Starts (or reconnects to) a conversation and opens its stream. */
async function connect(base, token, conversationId, watermark) {
  const r = watermark === undefined
    ? await request(base, 'POST', '/v3/directline/conversations', { token })
    : await request(base, 'GET', `/v3/directline/conversations/${encodeURIComponent(conversationId)}?watermark=${watermark}`, { token });
  if (r.status !== 201 && r.status !== 200) throw new Error(`conversation ${r.status} ${r.text.slice(0, 200)}`);
  return openStream(r.body.streamUrl);
}

async function postActivity(base, token, conversationId, activity) {
  const r = await request(base, 'POST', `/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities`, { token, body: activity });
  return r;
}

/** What a user does next, given the bot's last activity: press one of its buttons, or write an answer to an open question. */
function nextInput(last, rnd, userId) {
  const actions = (last?.suggestedActions?.actions ?? []).filter((a) => !String(a.value?.action ?? '').startsWith('intent:'));
  const values = actions.map((a) => a.value?.action).filter((v) => typeof v === 'string');
  if (values.length === 1 && values[0] === 'skip' && rnd() < 0.5) {
    return { type: 'message', text: 'Jag vill att vi pratar lugnt med varandra, även när det är svårt.', from: { id: userId } };
  }
  if (values.length === 0) return { type: 'message', text: 'meny', from: { id: userId } };
  const action = values[Math.floor(rnd() * values.length)];
  const title = actions.find((a) => a.value?.action === action)?.title ?? action;
  return { type: 'message', text: title, value: { action }, from: { id: userId } };
}

/** A small deterministic random source (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `fn` over `items` with at most `limit` at a time. */
async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

module.exports = { request, login, connect, openStream, postActivity, nextInput, random, pool, agent };
