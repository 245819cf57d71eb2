import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { issueCodes } from '../../src/access/issue';
import { loadConfig, type Config } from '../../src/config';
import { loadEngine, type FlowEngine } from '../../src/flows/engine';
import type { AgeBand, Persona } from '../../src/flows/schema';
import { ROOT } from '../../src/paths';
import { createRuntime, type Runtime } from '../../src/runtime';
import { createServer } from '../../src/server';
import { isPostgresUrl } from '../../src/store/db';

let engine: FlowEngine | undefined;
/** Flows load once per test file. */
export const sharedEngine = () => (engine ??= loadEngine(ROOT));

export interface TestServer {
  rt: Runtime;
  url: string;
  port: number;
  dir: string;
  dbFile: string;
  /** Issues fresh codes in the test municipality. */
  codes(persona?: Persona, count?: number, ageBand?: AgeBand | null, municipality?: string): Promise<string[]>;
  /** Stops the server; `keepFiles` leaves the database for a restart on the same file. */
  stop(options?: { keepFiles?: boolean }): Promise<void>;
}

/** A real server on a free port with its own SQLite file and secret in a temporary folder (or on the PostgreSQL database LOTSEN_DB names). */
export async function startTestServer(overrides: Partial<Record<keyof Config, string>> = {}, logger?: pino.Logger): Promise<TestServer> {
  // A postgres:// URL is a database, not a file: the temp folder is then only for the instance itself.
  const dir = overrides.LOTSEN_DB && !isPostgresUrl(overrides.LOTSEN_DB) ? path.dirname(overrides.LOTSEN_DB) : mkdtempSync(path.join(os.tmpdir(), 'lotsen-test-'));
  const dbFile = overrides.LOTSEN_DB ?? path.join(dir, 'lotsen.db');
  const config = loadConfig({}, {
    PORT: '0',
    HOST: '127.0.0.1',
    LOTSEN_DB: dbFile,
    LOTSEN_SECRET: 'dGVzdC1zZWNyZXQtdGVzdC1zZWNyZXQtdGVzdC1zZWNyZXQtdGVzdA==',
    LOG_LEVEL: 'silent',
    PURGE_INTERVAL_HOURS: '0',
    LOTSEN_DEMO: 'false',
    DEMO_MUNICIPALITY_NAME: 'Testkommunen',
    DEMO_MUNICIPALITY_PHONE: '010-123 45 67',
    // Tests click through whole modules far faster than a person: the rate limits are off unless a test sets them.
    ACTIVITIES_PER_MINUTE_SESSION: '0',
    ACTIVITIES_PER_MINUTE_CONVERSATION: '0',
    ...overrides,
  });
  const rt = await createRuntime(config, logger ?? pino({ level: config.LOG_LEVEL }), sharedEngine());
  await rt.store.ensureMunicipality('test', 'Testkommunen', '010-123 45 67');
  await rt.store.ensureMunicipality('other', 'Andra kommunen', null);
  const http = createServer(rt);
  const port = await http.listen(0, '127.0.0.1');
  return {
    rt,
    url: `http://127.0.0.1:${port}`,
    port,
    dir,
    dbFile,
    codes: async (persona = 'parent', count = 1, ageBand = null, municipality = 'test') =>
      (await issueCodes(rt.store, rt.keys.codes, { municipalityId: municipality, persona, ageBand: persona === 'child-next' ? (ageBand ?? '9-12') : null, count, expiresAt: null, label: null, createdBy: null })).codes,
    stop: async (options) => {
      await http.close();
      await rt.close();
      if (!options?.keepFiles) rmSync(dir, { recursive: true, force: true });
    },
  };
}
