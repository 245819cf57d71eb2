import fc from 'fast-check';
import { monthStats, suppress, SUPPRESSED, type Relation } from '../../src/console/stats';
import { loadEngine } from '../../src/flows/engine';
import { PERSONAS, LOCALES } from '../../src/flows/schema';
import { ROOT } from '../../src/paths';
import { Sealer } from '../../src/store/crypto';
import { Sqlite } from '../../src/store/sqlite';
import { LotsenStore } from '../../src/store/store';

/*
 * An attacker who knows the figures shown and how they add up: every relation says total = sum of parts. From one
 * with a single hidden member they subtract; from one whose total is shown and whose hidden parts must add up to
 * nothing, they read off zeros. Repeated while anything new is learnt. Returns what was worked out of the hidden ones.
 */
function derive(values: Array<number | null>, relations: Relation[]): Map<number, number> {
  const known = new Map<number, number>();
  values.forEach((v, i) => {
    if (v !== null) known.set(i, v);
  });
  const learnt = new Map<number, number>();
  const learn = (i: number, v: number) => {
    known.set(i, v);
    learnt.set(i, v);
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of relations) {
      const members = [r.total, ...r.parts];
      const unknown = members.filter((m) => !known.has(m));
      const partsKnown = r.parts.filter((p) => known.has(p)).reduce((n, p) => n + (known.get(p) ?? 0), 0);
      if (unknown.length === 1) {
        const [u] = unknown as [number];
        learn(u, u === r.total ? partsKnown : (known.get(r.total) ?? 0) - partsKnown);
        changed = true;
      } else if (unknown.length > 1 && known.has(r.total) && (known.get(r.total) ?? 0) - partsKnown === 0) {
        for (const u of unknown) learn(u, 0);
        changed = true;
      }
    }
  }
  return learnt;
}

/** A table with row totals, column totals and a grand total, as the relations between its cells. */
function table(rows: number, cols: number) {
  const cell = (r: number, c: number) => r * cols + c;
  const rowTotal = (r: number) => rows * cols + r;
  const colTotal = (c: number) => rows * cols + rows + c;
  const grand = rows * cols + rows + cols;
  const relations: Relation[] = [];
  for (let r = 0; r < rows; r += 1) relations.push({ total: rowTotal(r), parts: Array.from({ length: cols }, (_, c) => cell(r, c)) });
  for (let c = 0; c < cols; c += 1) relations.push({ total: colTotal(c), parts: Array.from({ length: rows }, (_, r) => cell(r, c)) });
  relations.push({ total: grand, parts: Array.from({ length: rows }, (_, r) => rowTotal(r)) });
  relations.push({ total: grand, parts: Array.from({ length: cols }, (_, c) => colTotal(c)) });
  return { relations, fill: (cells: number[]) => {
    const all = [...cells];
    for (let r = 0; r < rows; r += 1) all[rowTotal(r)] = cells.slice(r * cols, (r + 1) * cols).reduce((a, b) => a + b, 0);
    for (let c = 0; c < cols; c += 1) all[colTotal(c)] = Array.from({ length: rows }, (_, r) => cells[cell(r, c)] ?? 0).reduce((a, b) => a + b, 0);
    all[grand] = cells.reduce((a, b) => a + b, 0);
    return all;
  } };
}

const small = fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 2 }, { arbitrary: fc.integer({ min: 0, max: 12 }), weight: 2 });

test('no hidden cell of a table with totals can be worked out from what is shown', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.array(small, { minLength: 25, maxLength: 25 }), (rows, cols, pool) => {
      const t = table(rows, cols);
      const values = t.fill(pool.slice(0, rows * cols));
      const hidden = suppress(values, t.relations);
      // Everything below 5 is hidden…
      values.forEach((v, i) => {
        if (v < 5) expect([i, hidden[i]]).toEqual([i, true]);
      });
      // …and nothing hidden can be derived.
      const learnt = derive(values.map((v, i) => (hidden[i] ? null : v)), t.relations);
      expect([...learnt.keys()]).toEqual([]);
    }),
    { numRuns: 2000 },
  );
});

test('a breakdown whose hidden cells are all zero hides another cell too', () => {
  // total 5 = 5 + 0 + 0: the two hidden ones can only be 0, so another cell goes as well.
  const hidden = suppress([5, 5, 0, 0], [{ total: 0, parts: [1, 2, 3] }]);
  expect(hidden).toEqual([false, true, true, true]);
  expect(suppress([9, 5, 4, 0], [{ total: 0, parts: [1, 2, 3] }])).toEqual([false, false, true, true]);
  expect(suppress([12, 6, 6], [{ total: 0, parts: [1, 2] }])).toEqual([false, false, false]);
});

describe('the sign-in figures of a month', () => {
  const engine = loadEngine(ROOT);
  let db: Sqlite;
  let store: LotsenStore;
  beforeAll(async () => {
    db = await Sqlite.open(':memory:');
    await db.migrate();
    store = new LotsenStore(db, new Sealer(Buffer.alloc(32, 1)));
  });
  afterAll(() => db.close());

  test('no hidden count by persona or language can be worked out from the total and the others', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(small, { minLength: PERSONAS.length * LOCALES.length, maxLength: PERSONAS.length * LOCALES.length }), async (counts) => {
        n += 1;
        const municipalityId = `m${n}`;
        await store.ensureMunicipality(municipalityId, municipalityId, null);
        let i = 0;
        for (const persona of PERSONAS) {
          for (const locale of LOCALES) {
            for (let k = 0; k < (counts[i] ?? 0); k += 1) await store.recordStat({ municipalityId, event: 'login', persona, locale, at: Date.UTC(2025, 0, 15, 12) });
            i += 1;
          }
        }
        const s = await monthStats(store, engine, municipalityId, '2025-01');
        const shown = [s.logins, ...s.loginsByPersona.map((p) => p.value), ...s.loginsByLocale.map((l) => l.value)];
        const values = shown.map((v) => (v === SUPPRESSED ? null : Number(v)));
        const personas = s.loginsByPersona.map((_, k) => 1 + k);
        const locales = s.loginsByLocale.map((_, k) => 1 + personas.length + k);
        const learnt = derive(values, [{ total: 0, parts: personas }, { total: 0, parts: locales }]);
        expect([...learnt.keys()]).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
