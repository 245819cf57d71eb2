import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { MERMAID_BUNDLE } from '../../src/console/routes';
import { startTestServer } from '../helpers/server';
import { makeStaff, signedIn } from './client';
test('figures', async () => {
  const raw = readFileSync(MERMAID_BUNDLE);
  const t0 = Date.now(); const gz = gzipSync(raw, { level: 9 }); const gzMs = Date.now() - t0;
  const s = await startTestServer();
  const who = await makeStaff(s, 'm', 'staff', 'test');
  const times: number[] = [];
  for (let i = 0; i < 5; i++) { const a = Date.now(); await signedIn(s.url, who.username, who.password); times.push(Date.now() - a); }
  const c = await signedIn(s.url, who.username, who.password);
  await c.post('/console/api/preview/start', { flow: 'parent/base', locale: 'sv' });
  const turns: number[] = [];
  for (let i = 0; i < 20; i++) { const a = Date.now(); await c.post('/console/api/preview/turn', { button: i === 0 ? '3' : 'continue' }); turns.push(Date.now() - a); }
  const a = Date.now(); const r = await c.post<{ passed: number }>('/console/api/flows/parent/base/test'); const testMs = Date.now() - a;
  const b = Date.now(); await c.post('/console/api/batches', { persona: 'parent', count: 500, expiresDays: 30, slipLocale: 'sv' }); const batchMs = Date.now() - b;
  console.log(JSON.stringify({ mermaidRaw: raw.length, mermaidGz: gz.length, gzMs, signinMs: times, previewTurnMedianMs: turns.sort((x, y) => x - y)[10], parentBaseTests: r.body.passed, testMs, batch500Ms: batchMs }));
  await s.stop();
}, 120000);
