import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// Runs the built server as a child process, as the kill -9 tests need: `node dist/src/main.js`.

const ROOT = path.join(__dirname, '..', '..');

/** The newest modification time of the files under `dir` with the extension `ext`. */
function newest(dir: string, ext: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) t = Math.max(t, newest(p, ext));
    else if (entry.name.endsWith(ext)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/** The server is run as `node dist/src/main.js`: build it first when dist/ is missing or older than src/. */
export function ensureBuilt(): void {
  const main = path.join(ROOT, 'dist', 'src', 'main.js');
  let built = 0;
  try {
    built = statSync(main).mtimeMs;
  } catch {
    built = 0;
  }
  if (built < newest(path.join(ROOT, 'src'), '.ts')) execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
}

export interface Running {
  child: ChildProcess;
  url: string;
  codes: { parent: string; child: string };
  exited: Promise<void>;
}

export function startServer(dbFile: string, secret: string): Promise<Running> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'src', 'main.js')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOTSEN_DB: dbFile, LOTSEN_SECRET: secret, LOTSEN_DEMO: 'true', LOG_LEVEL: 'silent', PURGE_INTERVAL_HOURS: '0', ACTIVITIES_PER_MINUTE_SESSION: '0', ACTIVITIES_PER_MINUTE_CONVERSATION: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}\n${err}`)), 60_000);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const port = /Lotsen is running on http:\/\/localhost:(\d+)/.exec(out)?.[1];
      const parent = /parent code:\s+([0-9A-Z-]{16})/.exec(out)?.[1];
      const kid = /child code[^:]*:\s+([0-9A-Z-]{16})/.exec(out)?.[1];
      if (port && parent && kid) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${port}`, codes: { parent, child: kid }, exited });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it was ready:\n${out}\n${err}`));
    });
  });
}
