'use strict';
// A throwaway PostgreSQL cluster for benches, as test/helpers/postgres.ts starts one for tests: Debian's binaries,
// a temp folder, 127.0.0.1 on a free port, unix sockets in the folder, trust authentication, durability off
// (fsync, synchronous_commit, full_page_writes: the figures are about the server, not the disk). As root it
// runs as the `postgres` user (or `lotsenpg`, created when missing).
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

function findBin() {
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return which.status === 0 && found ? path.dirname(found) : null;
}

function runAsUser() {
  if (process.getuid?.() !== 0) return null;
  for (const user of ['postgres', 'lotsenpg']) if (spawnSync('id', ['-u', user]).status === 0) return user;
  const made = spawnSync('useradd', ['-r', '-M', '-s', '/usr/sbin/nologin', 'lotsenpg']);
  return made.status === 0 ? 'lotsenpg' : null;
}

/** Why PostgreSQL cannot run here, or null when it can. */
function unavailable() {
  if (process.env.BENCH_POSTGRES === 'off') return 'turned off with BENCH_POSTGRES=off';
  if (!findBin()) return 'no PostgreSQL binaries (initdb) found: apt-get install postgresql';
  if (process.getuid?.() === 0 && !runAsUser()) return 'running as root and no non-root user to run PostgreSQL as';
  if (process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v runuser']).status !== 0) return 'running as root without runuser';
  return null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const TICK_MS = (() => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const hz = Number(r.stdout);
  return r.status === 0 && hz > 0 ? 1000 / hz : 10;
})();

/**
 * CPU time (user + system, ms) of the postmaster and each live child (backends, writers) from /proc, as a Map
 * pid → ms; an empty Map off Linux. Subtract with `cpuDeltaMs`.
 */
function clusterCpuMs(postmaster) {
  const byPid = new Map();
  try {
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      let stat;
      try {
        stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // f[0] = state (field 3), f[1] = ppid
      if (Number(name) === postmaster || Number(f[1]) === postmaster) byPid.set(name, (Number(f[11]) + Number(f[12])) * TICK_MS); // utime, stime
    }
  } catch {
    /* no /proc */
  }
  return byPid;
}

/**
 * CPU (ms) the cluster used between two `cpuMs()` samples: processes alive at the end, less what they had at
 * the start (a process that exits in between takes its time with it, so this can only undercount). NaN off Linux.
 */
function cpuDeltaMs(before, after) {
  if (after.size === 0) return NaN;
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}

/**
 * Starts a cluster with one empty database `lotsen`. Resolves with `{url, version, stop(), cpuMs()}`; `stop()` ends the
 * cluster and removes its folder (call it also when something fails after the start).
 */
async function start({ maxConnections = 300 } = {}) {
  const bin = findBin();
  if (!bin) throw new Error('PostgreSQL binaries not found');
  const user = runAsUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotsen-bench-pg-'));
  const data = path.join(dir, 'data');
  const exec = (cmd, args) => {
    const [file, argv] = user ? ['runuser', ['-u', user, '--', path.join(bin, cmd), ...args]] : [path.join(bin, cmd), args];
    return execFileSync(file, argv, { stdio: 'pipe', cwd: dir, encoding: 'utf8' });
  };
  if (user) {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
    fs.chownSync(dir, uid, gid);
  }
  let started = false;
  const stop = async () => {
    try {
      if (started) exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
    } catch {
      try {
        exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        /* already gone */
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    exec('initdb', ['-D', data, '-A', 'trust', '-U', 'lotsen', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=${maxConnections} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=64MB`;
    exec('pg_ctl', ['-D', data, '-o', opts, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
    started = true;
    exec('createdb', ['-h', dir, '-p', String(port), '-U', 'lotsen', 'lotsen']);
    const version = exec('postgres', ['--version']).trim();
    const postmaster = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return { url: `postgres://lotsen@127.0.0.1:${port}/lotsen`, version, stop, cpuMs: () => clusterCpuMs(postmaster) };
  } catch (err) {
    await stop();
    const stderr = err && err.stderr ? String(err.stderr).trim() : '';
    throw new Error(`${err.message}${stderr ? `: ${stderr}` : ''}`);
  }
}

module.exports = { unavailable, start, cpuDeltaMs };
