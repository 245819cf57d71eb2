'use strict';
// The load generator, in its own process so it does not share an event loop with the server it measures.
// Driven over IPC: `setup` logs conversations in and opens their streams; `run` has each of them take turns
// in a closed loop (post, wait for the bot's reply on the WebSocket, post the next) and returns the latencies.
const { performance } = require('node:perf_hooks');
const dl = require('./directline');

const conversations = [];

// `routes` (optional, several server instances): conversation i logs in and posts through routes[i % n].post
// and holds its stream on routes[i % n].stream; without it everything goes to `base`.
async function setup({ base, codes, waitWelcome, loginConcurrency = 16, routes }) {
  const t0 = performance.now();
  const loginMs = [];
  const made = await dl.pool(codes, loginConcurrency, async (code, i) => {
    const s = performance.now();
    const route = routes && routes.length > 0 ? routes[i % routes.length] : { post: base, stream: base };
    const session = await dl.login(route.post, code);
    const stream = await dl.connect(route.stream, session.token, session.conversationId);
    if (waitWelcome) await waitFor(() => lastTurnEnd(stream) !== undefined, 30_000);
    loginMs.push(performance.now() - s);
    return { base: route.post, token: session.token, id: session.conversationId, stream, last: lastTurnEnd(stream), rnd: dl.random(1000 + i), user: `user-${i}` };
  });
  conversations.push(...made);
  return { conversations: conversations.length, setupMs: performance.now() - t0, loginMs };
}

/** Connects streams for sessions that exist already (token and conversation), as a client does right after login. */
async function attach({ base, sessions, concurrency = 64, replayTo }) {
  const t0 = performance.now();
  const made = await dl.pool(sessions, concurrency, async (s, i) => {
    const stream = await dl.connect(base, s.token, s.conversationId);
    if (replayTo !== undefined) await stream.until(replayTo, 60_000);
    return { base, token: s.token, id: s.conversationId, stream, last: lastTurnEnd(stream), rnd: dl.random(5000 + i), user: `user-${i}` };
  });
  conversations.push(...made);
  return { conversations: conversations.length, setupMs: performance.now() - t0 };
}

function lastTurnEnd(stream) {
  for (let i = stream.activities.length - 1; i >= 0; i -= 1) {
    const a = stream.activities[i];
    if (a.from?.role === 'bot' && a.channelData && 'progress' in a.channelData) return a;
  }
  return undefined;
}

async function waitFor(cond, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Closed loop: each conversation posts, waits for the bot's reply on its stream, and posts the next.
 * All conversations start at once, so their first turns queue up together: the window opens only after
 * the warm-up time AND once every conversation has finished a turn. Turns that start inside the window
 * are measured to their end (new ones stop at its close); throughput counts turns ending inside it.
 */
async function run({ durationMs, warmupMs = 0, count, turnTimeoutMs = 120_000 }) {
  const active = conversations.slice(0, count ?? conversations.length);
  const latencies = [];
  const errors = {};
  const fail = (kind) => (errors[kind] = (errors[kind] ?? 0) + 1);
  const start = performance.now();
  let measureFrom = Infinity;
  let stopAt = Infinity;
  let warmed = 0;
  let completedInWindow = 0;
  let allTurns = 0;
  let cpuFrom;
  let closeTimer;
  let closed = false;
  const closeWindow = () => {
    if (closed) return;
    closed = true;
    process.send({ type: 'window', phase: 'close' });
  };
  const openWindow = () => {
    measureFrom = performance.now();
    stopAt = measureFrom + durationMs;
    cpuFrom = process.cpuUsage();
    process.send({ type: 'window', phase: 'open' });
    closeTimer = setTimeout(closeWindow, durationMs);
  };
  // One open connection per conversation before the first post, as a browser has from loading the page: the
  // closed loop then measures turns, not a burst of hundreds of TCP handshakes (see docs/performance.md).
  await Promise.all([...new Set(active.map((c) => c.base))].flatMap((base) => active.filter((c) => c.base === base).map(() => dl.request(base, 'GET', '/healthz'))));
  const warmTimer = setTimeout(() => {
    if (warmed >= active.length && measureFrom === Infinity) openWindow();
  }, warmupMs);

  await Promise.all(
    active.map(async (c) => {
      let first = true;
      while (performance.now() < stopAt && !c.stream.closed) {
        const input = dl.nextInput(c.last, c.rnd, c.user);
        const t0 = performance.now();
        let res;
        try {
          res = await dl.postActivity(c.base, c.token, c.id, input);
        } catch (err) {
          fail(`post: ${err.message}`);
          continue;
        }
        if (res.status !== 200 || !res.body?.id) {
          fail(`HTTP ${res.status}`);
          await new Promise((r) => setTimeout(r, 100));
          continue;
        }
        let reply;
        try {
          reply = await c.stream.replyTo(res.body.id, turnTimeoutMs);
        } catch (err) {
          fail(err.message);
          continue;
        }
        const t1 = performance.now();
        if (String(reply.channelData?.key ?? '').startsWith('ui:errors.')) fail(reply.channelData.key);
        else c.last = reply;
        allTurns += 1;
        if (t0 >= measureFrom && t0 < stopAt) latencies.push(t1 - t0);
        if (t1 >= measureFrom && t1 <= stopAt) completedInWindow += 1;
        if (first) {
          first = false;
          warmed += 1;
          if (warmed === active.length && measureFrom === Infinity && t1 - start >= warmupMs) openWindow();
        }
      }
    }),
  );
  clearTimeout(warmTimer);
  clearTimeout(closeTimer);
  closeWindow(); // before the reply: IPC keeps the order
  const cpu = process.cpuUsage(cpuFrom);
  // Keep the streams from growing without end between runs.
  for (const c of active) c.stream.activities.length = 0;
  return {
    latencies, errors, turns: latencies.length, allTurns, completedInWindow, throughput: completedInWindow / (durationMs / 1000), conversations: active.length,
    warmupMs: measureFrom - start, cpuShare: (cpu.user + cpu.system) / 1000 / (performance.now() - measureFrom),
  };
}

function close() {
  for (const c of conversations.splice(0)) c.stream.close();
  dl.agent.destroy();
  return {};
}

process.on('message', (msg) => {
  const handlers = { setup, attach, run, close };
  Promise.resolve()
    .then(() => handlers[msg.type](msg))
    .then(
      (reply) => process.send({ id: msg.id, ok: true, ...reply }),
      (err) => process.send({ id: msg.id, ok: false, error: String(err && err.stack ? err.stack : err) }),
    );
});
process.send({ type: 'ready' });
