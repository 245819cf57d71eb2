import { ensureBuilt } from '../faults/server-process';

/**
 * Before any test file: the turn worker and the child-process servers run the built JavaScript in dist/, so build
 * it when it is missing or older than src/ (`npm test` has built it already; this covers a bare `npx jest`).
 */
export default function globalSetup(): void {
  ensureBuilt();
}
