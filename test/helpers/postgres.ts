import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster for tests: Debian's binaries, a temp folder, 127.0.0.1 on a free port, unix sockets in
 * the folder, trust authentication. As root it runs as the `postgres` user (or `lotsenpg`, created when missing).
 */
export interface TestPostgres {
  /** postgres://…/postgres, for admin statements. */
  adminUrl: string;
  /** Creates a fresh empty database and returns its URL. */
  createDatabase(prefix?: string): Promise<string>;
  stop(): Promise<void>;
}

function findBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return which.status === 0 && found ? path.dirname(found) : null;
}

function runAsUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  for (const user of ['postgres', 'lotsenpg']) if (spawnSync('id', ['-u', user]).status === 0) return user;
  const made = spawnSync('useradd', ['-r', '-M', '-s', '/usr/sbin/nologin', 'lotsenpg']);
  return made.status === 0 ? 'lotsenpg' : null;
}

/** Why PostgreSQL cannot run here, or null when it can. */
export function postgresUnavailable(): string | null {
  if (process.env.LOTSEN_TEST_POSTGRES === 'off') return 'turned off with LOTSEN_TEST_POSTGRES=off';
  if (!findBin()) return 'no PostgreSQL binaries (initdb) found: apt-get install postgresql';
  if (process.getuid?.() === 0 && !runAsUser()) return 'running as root and no non-root user to run PostgreSQL as';
  if (process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v runuser']).status !== 0) return 'running as root without runuser';
  return null;
}

/**
 * `describe` when PostgreSQL can run, otherwise `describe.skip` with the reason printed. In CI (CI=true) a missing
 * PostgreSQL is a failure, not a skip.
 */
export function describeWithPostgres(name: string, fn: () => void): void {
  const reason = postgresUnavailable();
  if (reason === null) return describe(name, fn);
  if (process.env.CI === 'true') {
    describe(name, () => {
      test('PostgreSQL is available (required in CI)', () => {
        throw new Error(`PostgreSQL unavailable in CI: ${reason}`);
      });
    });
    return;
  }
  console.warn(`Skipping "${name}": ${reason}`);
  describe.skip(name, fn);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = findBin();
  if (!bin) throw new Error('PostgreSQL binaries not found');
  const user = runAsUser();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lotsen-pg-'));
  const data = path.join(dir, 'data');
  const exec = (cmd: string, args: string[]) => {
    const full = user ? ['runuser', ['-u', user, '--', path.join(bin, cmd), ...args]] as const : [path.join(bin, cmd), args] as const;
    execFileSync(full[0], [...full[1]], { stdio: 'pipe', cwd: dir });
  };
  if (user) {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  exec('initdb', ['-D', data, '-A', 'trust', '-U', 'lotsen', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=32MB`;
  exec('pg_ctl', ['-D', data, '-o', opts, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const adminUrl = `postgres://lotsen@127.0.0.1:${port}/postgres`;
  let n = 0;
  return {
    adminUrl,
    createDatabase: async (prefix = 't') => {
      n += 1;
      const name = `${prefix}_${process.pid}_${n}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://lotsen@127.0.0.1:${port}/${name}`;
    },
    stop: async () => {
      try {
        exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
