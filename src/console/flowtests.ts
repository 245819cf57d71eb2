import type { FlowEngine } from '../flows/engine';
import { expandTranscriptFile, findTranscriptFiles, runCase } from '../flows/transcripts';

export interface TestLine {
  ok: boolean;
  text: string;
}

let running: Promise<unknown> = Promise.resolve();

/**
 * Runs one module's transcript tests (test/flows/<persona>/<module>.test.yaml) with the server's engine, the
 * same runner as `lotsen flows test`: each case on its own in-memory SQLite, touching no real data. Runs are
 * queued one at a time so that a few clicks cannot take every core.
 */
export function runModuleTests(root: string, engine: FlowEngine, flowKey: string): Promise<{ passed: number; failed: number; lines: TestLine[]; files: number }> {
  const job = running.then(async () => {
    const files = findTranscriptFiles(root, flowKey);
    const lines: TestLine[] = [];
    let passed = 0;
    let failed = 0;
    for (const file of files) {
      for (const run of expandTranscriptFile(root, file)) {
        const label = `${run.file} [${run.locale}${run.ageBand ? ` ${run.ageBand}` : ''}] "${run.name}"`;
        const failures = await runCase(engine, run);
        if (failures.length === 0) {
          passed += 1;
          lines.push({ ok: true, text: `PASS ${label}` });
        } else {
          failed += 1;
          lines.push(...failures.map((f) => ({ ok: false, text: `FAIL ${f}` })));
        }
      }
    }
    return { passed, failed, lines, files: files.length };
  });
  running = job.catch(() => undefined);
  return job;
}
