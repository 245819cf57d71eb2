'use strict';
// Figures and tables shared by the bench scripts: percentiles, a plain-text table, results as JSON.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execSync } = require('node:child_process');

const RESULTS = path.join(__dirname, '..', 'results');

/** The value below which `p` percent of `sorted` lie (nearest rank). */
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** p50/p95/p99/max/mean of a list of numbers (milliseconds). */
function summarize(values) {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    n,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: n ? sorted[n - 1] : NaN,
    mean: n ? sum / n : NaN,
  };
}

const fmt = (v, digits = 1) => (typeof v === 'number' ? (Number.isFinite(v) ? v.toFixed(digits) : '–') : String(v));

/** Prints rows (arrays of cells) under a header as an aligned table. */
function table(header, rows) {
  const cells = [header, ...rows].map((r) => r.map((c) => String(c)));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)];
  console.log(out.join('\n'));
}

/** What the figures were measured on. */
function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = execSync("grep -m1 'model name' /proc/cpuinfo", { encoding: 'utf8' }).split(':')[1].trim();
  } catch {
    /* not Linux */
  }
  return {
    nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    cpu,
    memoryMiB: Math.round(os.totalmem() / 1048576),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    // Other work on the machine skews figures: the load averages (1, 5, 15 min) when the result was written.
    loadavg: os.loadavg().map((v) => Number(v.toFixed(2))),
  };
}

/** Writes bench/results/<name>.json (gitignored) with the machine and the time of the run. */
function writeResult(name, data) {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ bench: name, at: new Date().toISOString(), machine: machine(), ...data }, null, 2)}\n`);
  console.log(`\n→ ${path.relative(process.cwd(), file)}`);
}

const mib = (bytes) => bytes / 1048576;
const kib = (bytes) => bytes / 1024;

module.exports = { percentile, summarize, fmt, table, machine, writeResult, mib, kib };
