'use strict';
// Records one real conversation (login, then turns through the real bot) to use as the template of every
// seeded conversation: its first `lines` transcript activities, its stored dialogue state and where it stands.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const pino = require('pino');
const { loadConfig } = require('../../dist/src/config');
const { createRuntime } = require('../../dist/src/runtime');
const { createServer } = require('../../dist/src/server');
const { issueCodes } = require('../../dist/src/access/issue');
const dl = require('./directline');

async function recordTemplate({ secret, lines = 50, seed = 42 }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotsen-bench-template-'));
  const config = loadConfig({}, { PORT: '0', HOST: '127.0.0.1', LOTSEN_DB: path.join(dir, 't.db'), LOTSEN_SECRET: secret, LOG_LEVEL: 'silent', PURGE_INTERVAL_HOURS: '0', LOTSEN_DEMO: 'false', ACTIVITIES_PER_MINUTE_SESSION: '0', ACTIVITIES_PER_MINUTE_CONVERSATION: '0' });
  const rt = await createRuntime(config, pino({ level: 'silent' }));
  const http = createServer(rt);
  try {
    await rt.store.ensureMunicipality('bench', 'Benchkommunen', '010-000 00 00');
    const port = await http.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${port}`;
    const [code] = (await issueCodes(rt.store, rt.keys.codes, { municipalityId: 'bench', persona: 'parent', ageBand: null, count: 1, expiresAt: null, label: null, createdBy: null })).codes;
    const session = await dl.login(base, code);
    const id = session.conversationId;
    const rnd = dl.random(seed);
    const lastBot = async () => {
      const all = await rt.store.activitiesAfter(id, null, 10_000);
      return [...all].reverse().find((a) => a.activity.from?.role === 'bot' && a.activity.channelData && 'progress' in a.activity.channelData)?.activity;
    };
    while ((await rt.store.lastSeq(id)) + 1 < lines) {
      const r = await dl.postActivity(base, session.token, id, dl.nextInput(await lastBot(), rnd, 'user-template'));
      if (r.status !== 200) throw new Error(`template turn failed: ${r.status} ${r.text}`);
    }
    const activities = (await rt.store.activitiesAfter(id, null, lines)).map((a) => a.activity);
    const key = `directline/conversations/${id}/`;
    const stateRow = await rt.db.get('SELECT body FROM bot_state WHERE key = ?', [key]);
    if (!stateRow) throw new Error(`no bot_state row under ${key}`);
    const { Sealer } = require('../../dist/src/store/crypto');
    const state = new Sealer(rt.keys.data).open(stateRow.body, `state:${key}`);
    const conv = await rt.db.get('SELECT last_flow, last_step FROM conversation WHERE id = ?', [id]);
    return { conversationId: id, activities, state, lastFlow: conv.last_flow, lastStep: conv.last_step, lines };
  } finally {
    await http.close();
    await rt.close();
    dl.agent.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { recordTemplate };
