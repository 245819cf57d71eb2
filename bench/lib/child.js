'use strict';
// Forks a bench helper (server or load generator) and talks to it with request/response messages over IPC.
const { fork } = require('node:child_process');
const path = require('node:path');

/**
 * Starts `script` and resolves once it reports `ready`. The returned handle's `call(type, args)` sends a
 * message and resolves with the matching reply; `kill()` ends the process.
 */
function start(script, { env = {}, execArgv = [], quiet = true, readyTimeoutMs = 60_000 } = {}) {
  const child = fork(path.resolve(__dirname, script), [], {
    env: { ...process.env, ...env },
    execArgv,
    stdio: quiet ? ['ignore', 'ignore', 'inherit', 'ipc'] : ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const pending = new Map();
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.on('message', (msg) => {
    const p = msg && msg.id !== undefined ? pending.get(msg.id) : undefined;
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg);
    else p.reject(new Error(`${script}: ${msg.error}`));
  });
  void exited.then(({ code, signal }) => {
    for (const [, p] of pending) p.reject(new Error(`${script} exited (${code ?? signal})`));
    pending.clear();
  });
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start in time`)), readyTimeoutMs);
    child.on('message', (msg) => {
      if (msg && msg.type === 'ready') {
        clearTimeout(timer);
        resolve(msg);
      }
    });
    void exited.then(({ code, signal }) => reject(new Error(`${script} exited before it was ready (${code ?? signal})`)));
  });
  const handle = {
    child,
    pid: child.pid,
    exited,
    call(type, args = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ ...args, type, id });
      });
    },
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  return ready.then((info) => Object.assign(handle, info));
}

module.exports = { start };
