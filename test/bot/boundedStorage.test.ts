import { BoundedMemoryStorage } from '../../src/bot/boundedStorage';

// The state of the Bot Framework channel's conversations (the Emulator, Azure channels): kept in memory, at most
// `max` conversations (the one used longest ago goes first) and each for `ttlMs` after its last use.

describe('BoundedMemoryStorage', () => {
  const clock = () => {
    let t = 1_000_000;
    return { now: () => t, advance: (ms: number) => void (t += ms) };
  };

  test('keeps at most `max` items: the one used longest ago is evicted first', async () => {
    const c = clock();
    const storage = new BoundedMemoryStorage({ max: 2, ttlMs: 60_000, now: c.now });
    await storage.write({ a: { n: 1 } });
    await storage.write({ b: { n: 2 } });
    // Reading counts as use: a is now newer than b.
    expect((await storage.read(['a'])).a).toMatchObject({ n: 1 });
    await storage.write({ c: { n: 3 } });
    expect(Object.keys(await storage.read(['a', 'b', 'c'])).sort()).toEqual(['a', 'c']);
    expect(storage.size).toBe(2);
  });

  test('an item not used for `ttlMs` is gone, and does not count against the cap', async () => {
    const c = clock();
    const storage = new BoundedMemoryStorage({ max: 2, ttlMs: 60_000, now: c.now });
    await storage.write({ a: { n: 1 } });
    c.advance(30_000);
    await storage.write({ b: { n: 2 } });
    c.advance(30_001);
    expect(await storage.read(['a'])).toEqual({});
    expect((await storage.read(['b'])).b).toMatchObject({ n: 2 });
    c.advance(60_001);
    await storage.write({ c: { n: 3 } });
    expect(storage.size).toBe(1);
  });

  test('real eTags: a stale one is a conflict, `*` overwrites; values are copies', async () => {
    const storage = new BoundedMemoryStorage({ max: 10, ttlMs: 60_000 });
    await storage.write({ a: { n: 1, eTag: '*' } });
    const first = (await storage.read(['a'])).a as { n: number; eTag: string };
    await storage.write({ a: { ...first, n: 2 } });
    await expect(storage.write({ a: { ...first, n: 3 } })).rejects.toThrow(/eTag conflict/);
    await storage.write({ a: { n: 4, eTag: '*' } });
    const read = (await storage.read(['a'])).a as { n: number };
    expect(read.n).toBe(4);
    read.n = 5;
    expect(((await storage.read(['a'])).a as { n: number }).n).toBe(4);
    await storage.delete(['a']);
    expect(await storage.read(['a'])).toEqual({});
  });
});
