'use strict';
// The baseline: a bare express + ws server with the same routes and the same POST → WebSocket path as Lotsen's
// Direct Line endpoint, that stores nothing and runs no bot. It echoes the posted activity on the stream and
// answers it with one reply that carries `replyToId` and `channelData.progress`, as the last activity of a Lotsen turn does.
const http = require('node:http');
const express = require('express');
const { WebSocketServer } = require('ws');

const app = express();
app.disable('x-powered-by');
app.use(express.json({ limit: '16kb' }));

const streams = new Map(); // conversationId → Set<WebSocket>
const seqs = new Map(); // conversationId → next seq
let conversations = 0;

const bearer = (req) => String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
const convOf = (token) => (token.startsWith('echo.') ? token.slice(5) : null);
const streamUrl = (req, id, token) => `ws://${req.get('host')}/v3/directline/conversations/${id}/stream?t=${encodeURIComponent(token)}`;

app.post('/api/login', (req, res) => {
  if (typeof req.body?.code !== 'string') return res.status(400).json({ error: 'bad_request' });
  const conversationId = `echo${String(conversations++).padStart(8, '0')}`;
  res.json({ token: `echo.${conversationId}`, conversationId, persona: 'parent', ageBand: null, locale: 'sv', expiresIn: 1800 });
});

app.post('/v3/directline/conversations', (req, res) => {
  const token = bearer(req);
  const id = convOf(token);
  if (!id) return res.status(403).json({ error: { code: 'BadToken' } });
  res.status(201).json({ conversationId: id, token, expires_in: 1800, streamUrl: streamUrl(req, id, token) });
});

app.post('/v3/directline/conversations/:id/activities', (req, res) => {
  const id = req.params.id;
  if (convOf(bearer(req)) !== id) return res.status(403).json({ error: { code: 'BadToken' } });
  const body = req.body;
  if (!body || typeof body.type !== 'string') return res.status(400).json({ error: { code: 'BadArgument' } });
  let seq = seqs.get(id) ?? 0;
  const now = new Date().toISOString();
  const echo = { ...body, id: `${id}|${String(seq).padStart(7, '0')}`, channelId: 'directline', conversation: { id }, from: { id: body.from?.id ?? 'user', role: 'user' }, timestamp: now };
  seq += 1;
  const reply = {
    type: 'message', id: `${id}|${String(seq).padStart(7, '0')}`, channelId: 'directline', conversation: { id }, from: { id: 'echo', name: 'Echo', role: 'bot' },
    replyToId: echo.id, timestamp: now, textFormat: 'plain', text: typeof body.text === 'string' ? body.text : '', locale: 'sv',
    suggestedActions: { to: [], actions: [{ type: 'messageBack', title: 'Fortsätt', displayText: 'Fortsätt', text: 'Fortsätt', value: { action: 'continue' } }] },
    channelData: { key: 'echo', progress: null },
  };
  seq += 1;
  seqs.set(id, seq);
  for (const ws of streams.get(id) ?? []) {
    ws.send(JSON.stringify({ activities: [echo], watermark: String(seq - 2) }));
    ws.send(JSON.stringify({ activities: [reply], watermark: String(seq - 1) }));
  }
  res.status(200).json({ id: echo.id });
});

app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));

const server = http.createServer(app);
const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
server.on('upgrade', (req, socket, head) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const m = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/.exec(url.pathname);
  if (!m || convOf(url.searchParams.get('t') ?? '') !== m[1]) return socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
  wss.handleUpgrade(req, socket, head, (ws) => {
    const id = m[1];
    if (!streams.has(id)) streams.set(id, new Set());
    streams.get(id).add(ws);
    ws.on('close', () => streams.get(id)?.delete(ws));
  });
});

process.on('message', (msg) => {
  if (msg.type === 'memory') process.send({ id: msg.id, ok: true, memory: process.memoryUsage(), cpu: process.cpuUsage(), elu: require('node:perf_hooks').performance.eventLoopUtilization() });
  if (msg.type === 'stop') server.close(() => process.exit(0));
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.send({ type: 'ready', url: `http://127.0.0.1:${server.address().port}`, port: server.address().port });
});
