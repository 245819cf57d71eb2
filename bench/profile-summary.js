'use strict';
// Summarizes a V8 .cpuprofile (from `node --cpu-prof`): self time by package / source folder, and the
// functions with the most self and total time. Usage: node bench/profile-summary.js <file.cpuprofile> [top]
const fs = require('node:fs');
const path = require('node:path');
const { table, fmt } = require('./lib/stats');

function where(url) {
  if (!url) return '(native/gc/idle)';
  const u = url.replace(/^file:\/\//, '');
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = u.slice(nm + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const src = u.indexOf('/dist/src/');
  if (src >= 0) return `src/${path.dirname(u.slice(src + 10)).split('/')[0]}`;
  if (u.startsWith('node:')) return 'node core';
  return path.basename(u);
}

function summarize(file, top = 25) {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const dt = prof.timeDeltas;
  for (let i = 0; i < prof.samples.length; i += 1) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);

  const byPlace = new Map();
  const byFn = new Map();
  const inclusive = new Map();
  for (const [id, us] of self) {
    const n = nodes.get(id);
    const cf = n.callFrame;
    const idle = cf.functionName === '(idle)' || cf.functionName === '(program)' || cf.functionName === '(garbage collector)';
    const place = idle ? cf.functionName : where(cf.url);
    byPlace.set(place, (byPlace.get(place) ?? 0) + us);
    const fn = `${cf.functionName || '(anonymous)'} ${cf.url ? `${where(cf.url)}:${path.basename(cf.url)}:${cf.lineNumber + 1}` : ''}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
    // Total time: count each function once per sample stack.
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const c = nodes.get(cur).callFrame;
      const key = `${c.functionName || '(anonymous)'} ${c.url ? `${where(c.url)}:${path.basename(c.url)}:${c.lineNumber + 1}` : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const pct = (us) => `${fmt((100 * us) / total)}%`;
  console.log(`${path.basename(file)}: ${fmt(total / 1e6, 2)} s sampled\n`);
  console.log('Self time by package or source folder');
  table(['where', 'share'], [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => [k, pct(v)]));
  console.log('\nFunctions with the most self time');
  table(['function', 'share'], [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => [k.slice(0, 110), pct(v)]));
  console.log('\nFunctions with the most total time (self + callees)');
  table(['function', 'share'], [...inclusive].sort((a, b) => b[1] - a[1]).filter(([k]) => !k.startsWith('(root)')).slice(0, top).map(([k, v]) => [k.slice(0, 110), pct(v)]));
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node bench/profile-summary.js <file.cpuprofile> [top]');
    process.exit(2);
  }
  summarize(file, Number(process.argv[3] ?? 25));
}

module.exports = { summarize };
