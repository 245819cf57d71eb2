'use strict';
// The dialogue core alone (`takeTurn`, no store, no HTTP): microseconds per turn over a fixed, seeded walk of
// 2,000 inputs per persona (buttons of the last answer, some typed text, the global intents). Two ways in the same
// run: the state handed on as the object the core returned (as the turn worker keeps it between turns), and
// the same turns from the state's stored JSON, parsed and checked again (as after a restart); the ratio is
// what keeping the object saves. Not part of `npm run bench` (the turn latency bench holds the core already);
// for comparing changes to the core: node bench/dialogue.js
const path = require('node:path');
const { fmt, summarize, table, writeResult } = require('./lib/stats');
const { random } = require('./lib/directline');

const DIST = path.join(__dirname, '..', 'dist', 'src');
const { takeTurn } = require(path.join(DIST, 'dialogue', 'core'));
const { initialState } = require(path.join(DIST, 'dialogue', 'types'));
const { loadEngine } = require(path.join(DIST, 'flows', 'engine'));
const { ROOT } = require(path.join(DIST, 'paths'));
const { detectCrisis } = require(path.join(DIST, 'safety', 'crisis'));

const TURNS = 2000;
const ROUNDS = Number(process.env.BENCH_DIALOGUE_ROUNDS ?? 7);
const engine = loadEngine(ROOT);
const deps = { engine, detectCrisis };
const PROFILES = [
  { persona: 'parent', ageBand: null, locale: 'sv' },
  { persona: 'child-next', ageBand: '9-12', locale: 'ar' },
  { persona: 'child-mini', ageBand: null, locale: 'en' },
];
const TYPED = { sv: 'Det har varit svårt men vi försöker prata med varandra.', ar: 'كان الأمر صعبًا لكننا نحاول أن نتكلم.', en: 'It has been hard but we are trying to talk.' };

function script(profile, seed) {
  const rnd = random(seed);
  const inputs = [];
  let last = takeTurn(deps, profile, initialState(), { type: 'start' });
  const start = last.state;
  for (let i = 0; i < TURNS; i += 1) {
    const buttons = [...last.actions.map((a) => a.value), 'intent:menu', 'intent:back'];
    const r = rnd();
    const input = r < 0.85 ? { type: 'button', value: buttons[Math.floor(rnd() * buttons.length)] } : { type: 'text', text: TYPED[profile.locale] };
    inputs.push(input);
    last = takeTurn(deps, profile, last.state, input);
  }
  return { start, inputs };
}

function timeRun(profile, { start, inputs }, fromJson) {
  const t0 = process.hrtime.bigint();
  let state = start;
  for (const input of inputs) state = takeTurn(deps, profile, fromJson ? JSON.parse(JSON.stringify(state)) : state, input).state;
  const perTurn = Number(process.hrtime.bigint() - t0) / 1e3 / inputs.length;
  return fromJson ? perTurn - jsonCost(state) : perTurn;
}

// The JSON round trip itself is not the core's work: measured on a state of the walk's size and taken off.
function jsonCost(state) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < 200; i += 1) JSON.parse(JSON.stringify(state));
  return Number(process.hrtime.bigint() - t0) / 1e3 / 200;
}

const rows = [];
const results = [];
for (const [i, profile] of PROFILES.entries()) {
  const walk = script(profile, 11 + i);
  for (let w = 0; w < 2; w += 1) {
    timeRun(profile, walk, false);
    timeRun(profile, walk, true);
  }
  const kept = [];
  const restored = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    kept.push(timeRun(profile, walk, false));
    restored.push(timeRun(profile, walk, true));
  }
  const k = summarize(kept).p50;
  const j = summarize(restored).p50;
  rows.push([`${profile.persona} (${profile.locale})`, TURNS, fmt(k), fmt(Math.min(...kept)), fmt(j), `${fmt(j / k)}×`]);
  results.push({ persona: profile.persona, locale: profile.locale, turns: TURNS, rounds: ROUNDS, keptUs: kept, restoredUs: restored, medianKeptUs: k, medianRestoredUs: j });
}

console.log(`\ntakeTurn (µs per turn), median of ${ROUNDS} rounds; "from JSON": the state parsed and checked on every turn, as after a restart\n`);
table(['persona (language)', 'turns', 'kept object', 'min', 'from JSON', 'ratio'], rows);
writeResult('dialogue', { results });
