'use strict';
// Bytes a browser transfers for the chat page: the HTML at /, every script and stylesheet it references,
// and the Web Chat bundle, each asked for with Accept-Encoding: gzip; the strings and config the page
// fetches at start are listed on their own lines.
const http = require('node:http');
const path = require('node:path');
const fs = require('node:fs');
const { gzipSync } = require('node:zlib');
const child = require('./lib/child');
const { fmt, table, writeResult, kib } = require('./lib/stats');

function get(base, url) {
  return new Promise((resolve, reject) => {
    const u = new URL(url, base);
    http
      .get({ hostname: u.hostname, port: u.port, path: u.pathname + u.search, headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/** Same-origin script and stylesheet URLs in an HTML document (and icons/preloads that a browser fetches at once). */
function referenced(html) {
  const urls = new Set();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)) urls.add(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const rel = /\brel\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1] ?? '';
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (href && /stylesheet|preload|modulepreload|icon|manifest/i.test(rel)) urls.add(href);
  }
  return [...urls].filter((u) => !/^[a-z]+:\/\//i.test(u) && !u.startsWith('//') && !u.startsWith('data:'));
}

/** url(...) references inside a stylesheet (fonts, images) that the page's CSS pulls in. */
function cssRefs(css) {
  return [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:') && !/^[a-z]+:\/\//i.test(u));
}

async function main() {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'lotsen-bench-page-'));
  const server = await child.start('lotsen-server.js', {
    env: { PORT: '0', HOST: '127.0.0.1', LOTSEN_DB: path.join(dir, 'p.db'), LOTSEN_SECRET: Buffer.alloc(32, 7).toString('base64'), LOG_LEVEL: 'warn', PURGE_INTERVAL_HOURS: '0', LOTSEN_DEMO: 'false' },
  });
  const rows = [];
  try {
    const fetchOne = async (url, group) => {
      const r = await get(server.url, url);
      const encoding = r.headers['content-encoding'] ?? 'none';
      const raw = encoding === 'gzip' ? require('node:zlib').gunzipSync(r.body) : r.body;
      const row = { url, group, status: r.status, encoding, transferred: r.body.length, raw: raw.length, gzip9: gzipSync(raw, { level: 9 }).length, cacheControl: r.headers['cache-control'] ?? '' };
      rows.push(row);
      return raw;
    };
    const html = (await fetchOne('/', 'page')).toString('utf8');
    const refs = referenced(html);
    if (!refs.includes('/vendor/webchat.js')) refs.push('/vendor/webchat.js');
    for (const ref of refs) {
      const url = new URL(ref, `${server.url}/`).pathname;
      const body = await fetchOne(url, 'page');
      if (/\.css$/.test(url)) for (const inner of cssRefs(body.toString('utf8'))) await fetchOne(new URL(inner, `${server.url}${url}`).pathname, 'page');
    }
    await fetchOne('/api/config', 'data');
    await fetchOne('/api/strings/sv', 'data');
  } finally {
    await server.call('stop').catch(() => undefined);
    await Promise.race([server.exited, new Promise((r) => setTimeout(r, 10_000))]);
    await server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const sum = (group, k) => rows.filter((r) => r.group === group).reduce((n, r) => n + r[k], 0);
  console.log('\nChat page, bytes of the bodies as sent with Accept-Encoding: gzip (KiB)\n');
  table(['resource', 'status', 'encoding', 'transferred', 'uncompressed', 'if gzip -9', 'cache-control'], [
    ...rows.map((r) => [r.url, r.status, r.encoding, fmt(kib(r.transferred)), fmt(kib(r.raw)), fmt(kib(r.gzip9)), r.cacheControl]),
    ['page total (HTML, scripts, styles, Web Chat)', '', '', fmt(kib(sum('page', 'transferred'))), fmt(kib(sum('page', 'raw'))), fmt(kib(sum('page', 'gzip9'))), ''],
    ['with strings and config', '', '', fmt(kib(sum('page', 'transferred') + sum('data', 'transferred'))), fmt(kib(sum('page', 'raw') + sum('data', 'raw'))), fmt(kib(sum('page', 'gzip9') + sum('data', 'gzip9'))), ''],
  ]);
  const uncompressed = rows.filter((r) => r.encoding === 'none' && r.raw > 1024);
  if (uncompressed.length > 0) console.log(`\nSent without compression: ${uncompressed.map((r) => r.url).join(', ')} (the server gzips the page's own files, the interface strings and /vendor/webchat.js).`);
  writeResult('page', { resources: rows, pageTransferred: sum('page', 'transferred'), pageGzip9: sum('page', 'gzip9'), withDataTransferred: sum('page', 'transferred') + sum('data', 'transferred') });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
