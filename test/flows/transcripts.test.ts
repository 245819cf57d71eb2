import path from 'node:path';
import { coverageOf, formatCoverage, Reached } from '../../src/flows/coverage';
import { loadEngine } from '../../src/flows/engine';
import { expandTranscriptFile, findTranscriptFiles, runCase } from '../../src/flows/transcripts';
import { ROOT } from '../../src/paths';

// Every test/flows/**/*.test.yaml, checked (modules and keys exist), then run through the real bot on botbuilder's
// TestAdapter, per locale and age band; what the runs reach is gathered on the way for the coverage check at the end.
const engine = loadEngine(ROOT);
const files = findTranscriptFiles(ROOT);
const reached = new Reached();

/**
 * Steps and choice/dilemma options reached, in per cent of all modules' (`lotsen flows test --coverage` prints the
 * same figures). Today's figure rounded down: raise it as tests reach more, never lower it to let a change through.
 */
const MIN_COVERAGE = 94;

test('there are transcript tests for every module', () => {
  const tested = new Set(files.map((f) => path.relative(path.join(ROOT, 'test', 'flows'), f).replace(/\\/g, '/').replace(/\.test\.yaml$/, '')));
  const untested = [...engine.catalog.flows.keys()].filter((k) => !tested.has(k));
  expect(untested).toEqual([]);
});

let total = 0;
let played = 0;
for (const file of files) {
  const runs = expandTranscriptFile(ROOT, file, engine);
  total += runs.length;
  describe(path.relative(ROOT, file).replace(/\\/g, '/'), () => {
    for (const run of runs) {
      test(`${run.flow} ${run.locale}${run.ageBand ? ` ${run.ageBand}` : ''}: ${run.name}`, async () => {
        played += 1;
        expect(await runCase(engine, run, reached)).toEqual([]);
      });
    }
  });
}

test(`the transcript tests reach at least ${MIN_COVERAGE} % of the steps and options`, () => {
  const report = coverageOf([...engine.catalog.flows.values()].sort((a, b) => a.key.localeCompare(b.key)), reached);
  // Authors see what no test reaches yet, module by module.
  console.log(formatCoverage(report).join('\n'));
  // Only a run of every case says anything about coverage (not one filtered with -t).
  const below = report.reached * 100 < MIN_COVERAGE * report.total;
  if (played === total) expect(below ? `${report.percent.toFixed(1)} % is below ${MIN_COVERAGE} %: add cases for what is listed above as not reached` : 'at least').toBe('at least');
});
