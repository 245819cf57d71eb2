import { writeFileSync } from 'node:fs';
import { startTestServer } from '../helpers/server';

test('dev server', async () => {
  const s = await startTestServer();
  const parent = await s.codes('parent', 20);
  const child = await s.codes('child-next', 10);
  const mini = await s.codes('child-mini', 10);
  writeFileSync('/tmp/probe/dev.json', JSON.stringify({ url: s.url, parent, child, mini }, null, 1));
  await new Promise((r) => setTimeout(r, 3_000_000));
}, 4_000_000);
