import path from 'node:path';
import { loadEngine } from '../../src/flows/engine';
import { expandTranscriptFile, findTranscriptFiles, runCase } from '../../src/flows/transcripts';
import { ROOT } from '../../src/paths';

// Every test/flows/**/*.test.yaml, run through the real bot on botbuilder's TestAdapter, per locale and age band.
const engine = loadEngine(ROOT);
const files = findTranscriptFiles(ROOT);

test('there are transcript tests for every module', () => {
  const tested = new Set(files.map((f) => path.relative(path.join(ROOT, 'test', 'flows'), f).replace(/\\/g, '/').replace(/\.test\.yaml$/, '')));
  const untested = [...engine.catalog.flows.keys()].filter((k) => !tested.has(k));
  expect(untested).toEqual([]);
});

for (const file of files) {
  const runs = expandTranscriptFile(ROOT, file);
  describe(path.relative(ROOT, file).replace(/\\/g, '/'), () => {
    for (const run of runs) {
      test(`${run.flow} ${run.locale}${run.ageBand ? ` ${run.ageBand}` : ''}: ${run.name}`, async () => {
        expect(await runCase(engine, run)).toEqual([]);
      });
    }
  });
}
