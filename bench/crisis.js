'use strict';
// Crisis detection alone: microseconds per message over a seeded, mixed corpus (Swedish, English and Arabic; short
// messages, a few sentences, and long ones up to the chat's 2,000 characters; crisis wording and everyday wording),
// for the current detector (dist/src/safety/crisis.js) and, in the same process on the same messages, the
// sentence-list detector it replaced (bench/baseline/crisis-old.js, compiled from the commit before the rebuild).
// Each message is run by both, in alternating order, ROUNDS times; its cost is the median of its rounds.
//   npm run -s build && node bench/crisis.js      (BENCH_CRISIS_MESSAGES, BENCH_CRISIS_ROUNDS)
const path = require('node:path');
const { fmt, summarize, table, writeResult } = require('./lib/stats');
const { random } = require('./lib/directline');

const MESSAGES = Number(process.env.BENCH_CRISIS_MESSAGES ?? 3000);
const ROUNDS = Number(process.env.BENCH_CRISIS_ROUNDS ?? 7);
const MAX_CHARS = 2000;

function load(file) {
  const t0 = process.hrtime.bigint();
  const mod = require(file);
  mod.detectCrisis('warm up');
  return { detect: mod.detectCrisis, loadMs: Number(process.hrtime.bigint() - t0) / 1e6 };
}

const current = load(path.join(__dirname, '..', 'dist', 'src', 'safety', 'crisis'));
const old = load(path.join(__dirname, 'baseline', 'crisis-old'));

// Sentences the corpus is drawn from: crisis wording and everyday wording a parent or a child might type.
const SENTENCES = {
  sv: {
    crisis: [
      'jag vill inte leva längre', 'han slog mig igår kväll', 'jag skär mig när det blir för mycket', 'pappa slår mig när mamma inte ser',
      'han hotar att ta barnen till hemlandet', 'jag orkar inte mer', 'jag är rädd för honom', 'han tar alla mina pengar',
      'pappa säger att jag inte får berätta för mamma', 'alla skulle ha det bättre utan mig', 'styvpappa tar på mig på natten',
    ],
    everyday: [
      'vi bråkar om helger och hämtning', 'barnen ska vara hos pappa nästa vecka', 'jag är ledsen efter skilsmässan men det går bättre',
      'han slog bollen över staketet', 'jag skar mig i fingret när jag hackade lök', 'vi pratade med skolan om schemat',
      'min dotter tycker att det är jobbigt med två hem', 'hur gör andra föräldrar med julen', 'jag dör av skratt när jag ser filmen',
      'han hämtar alltid för sent och det gör mig arg', 'vi har kommit överens om varannan vecka',
    ],
  },
  en: {
    crisis: [
      'I want to kill myself', 'he hit me in front of the kids', 'i cut myself again last night', 'my dad hits me',
      'he threatened to take the kids abroad', "I can't go on like this", "I'm scared of my ex", 'he checks my phone every night',
      "dad says I can't tell mum", 'everyone would be better off without me', 'my uncle touches me and says it is our secret',
    ],
    everyday: [
      'we argue about weekends all the time', 'the kids are with their dad this week', "I'm sad since the divorce but it is getting better",
      'he hit the ball over the fence', 'I cut my finger while cooking', 'we talked to the school about the schedule',
      'my daughter finds it hard to have two homes', 'how do other parents handle christmas', 'this homework is killing me',
      'he is always late for pick-up and it makes me angry', 'we agreed on alternate weeks',
    ],
  },
  ar: {
    crisis: [
      'ما بدي عيش', 'ضربني طليقي قدام الاولاد', 'بجرح حالي لما اتضايق', 'بابا بيضربني', 'هدد ياخذ الاولاد ويسافر فيهم', 'ما عاد فيني اتحمل',
      'انا خايفة منه', 'بياخد كل مصاري', 'بابا قال لا تقولي لماما', 'bdi mot', 'الكل رح يرتاح مني اذا مت',
    ],
    everyday: [
      'نتخانق على عطلة الاسبوع', 'الولاد عند ابوهم هالاسبوع', 'زعلانة من بعد الطلاق بس الامور احسن', 'ضرب الكرة بقوة',
      'جرحت اصبعي وانا عم قطع البصل', 'حكينا مع المدرسة عن البرنامج', 'بنتي صعب عليها يكون عندها بيتين', 'بموت من الضحك',
      'دايما بيتأخر وهالشي بيعصبني', 'اتفقنا على اسبوع واسبوع', 'ana ta3bane ktir',
    ],
  },
};
const LANGS = Object.keys(SENTENCES);

function corpus(seed) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const out = [];
  for (let i = 0; i < MESSAGES; i++) {
    const lang = pick(LANGS);
    const r = rnd();
    const size = r < 0.6 ? 'short' : r < 0.9 ? 'medium' : 'long';
    const sentences = size === 'short' ? 1 : size === 'medium' ? 3 + Math.floor(rnd() * 3) : Infinity;
    const positive = rnd() < 0.3;
    const parts = [];
    let length = 0;
    // A positive message holds one crisis sentence somewhere among everyday ones.
    const crisisAt = positive ? Math.floor(rnd() * Math.min(sentences, 12)) : -1;
    for (let k = 0; k < sentences; k++) {
      const s = k === crisisAt ? pick(SENTENCES[lang].crisis) : pick(SENTENCES[lang].everyday);
      if (length + s.length + 2 > MAX_CHARS) break;
      parts.push(s);
      length += s.length + 2;
    }
    out.push({ lang, size, positive, text: parts.join('. ') });
  }
  return out;
}

function time(detect, text) {
  const t0 = process.hrtime.bigint();
  detect(text);
  return Number(process.hrtime.bigint() - t0) / 1e3;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const messages = corpus(20240523);
// Warm both up on the whole corpus once, so neither is measured while the JIT is still at work.
for (const m of messages) {
  current.detect(m.text);
  old.detect(m.text);
}
const costs = messages.map(() => ({ current: [], old: [] }));
for (let round = 0; round < ROUNDS; round++) {
  messages.forEach((m, i) => {
    const c = costs[i];
    if ((round + i) % 2 === 0) {
      c.current.push(time(current.detect, m.text));
      c.old.push(time(old.detect, m.text));
    } else {
      c.old.push(time(old.detect, m.text));
      c.current.push(time(current.detect, m.text));
    }
  });
}
const perMessage = messages.map((m, i) => ({ ...m, current: median(costs[i].current), old: median(costs[i].old) }));

const rows = [];
const groups = [
  ['all', () => true],
  ['short (1 sentence)', (m) => m.size === 'short'],
  ['medium (3-5)', (m) => m.size === 'medium'],
  ['long (to 2,000 chars)', (m) => m.size === 'long'],
  ...LANGS.map((l) => [`lang ${l}`, (m) => m.lang === l]),
  ['with a crisis sentence', (m) => m.positive],
  ['everyday only', (m) => !m.positive],
];
const result = { messages: MESSAGES, rounds: ROUNDS, loadMs: { current: current.loadMs, old: old.loadMs }, groups: {} };
for (const [name, keep] of groups) {
  const sel = perMessage.filter(keep);
  const c = summarize(sel.map((m) => m.current));
  const o = summarize(sel.map((m) => m.old));
  result.groups[name] = { n: c.n, current: c, old: o };
  rows.push([name, c.n, fmt(c.p50, 1), fmt(c.p99, 1), fmt(c.mean, 1), fmt(o.p50, 1), fmt(o.p99, 1), fmt(o.mean, 1), `${fmt(o.p50 / c.p50, 2)}x`]);
}
const chars = summarize(messages.map((m) => m.text.length));
console.log(`crisis detection: ${MESSAGES} messages (${fmt(chars.p50, 0)} characters median, ${fmt(chars.max, 0)} max), ${ROUNDS} rounds, µs per message`);
console.log(`load and first call: current ${fmt(current.loadMs, 0)} ms, old ${fmt(old.loadMs, 0)} ms\n`);
table(['messages', 'n', 'now p50', 'now p99', 'now mean', 'old p50', 'old p99', 'old mean', 'old/now p50'], rows);
writeResult('crisis', result);
