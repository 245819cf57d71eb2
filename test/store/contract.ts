import type { Storage } from 'botbuilder';

/**
 * The botbuilder Storage contract every Lotsen store must pass: eTags, overwrite with `*`, atomic batches, delete.
 * Call it from a describe block with a factory for a fresh, empty store.
 */
export function storageContract(name: string, make: () => Promise<{ storage: Storage; close: () => Promise<void> }>): void {
  describe(`${name} satisfies the Storage contract`, () => {
    let storage: Storage;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ storage, close } = await make());
    });
    afterEach(() => close());

    test('reads what was written, with an eTag; unknown keys are absent', async () => {
      await storage.write({ a: { n: 1 } });
      const items = await storage.read(['a', 'missing']);
      expect(items.a).toMatchObject({ n: 1 });
      expect(typeof items.a.eTag).toBe('string');
      expect(items.missing).toBeUndefined();
    });

    test('a write with the current eTag succeeds and changes the eTag', async () => {
      await storage.write({ a: { n: 1 } });
      const { a } = await storage.read(['a']);
      await storage.write({ a: { n: 2, eTag: a.eTag } });
      const after = await storage.read(['a']);
      expect(after.a.n).toBe(2);
      expect(after.a.eTag).not.toBe(a.eTag);
    });

    test('a write with a stale eTag is a conflict and changes nothing', async () => {
      await storage.write({ a: { n: 1 } });
      const { a: first } = await storage.read(['a']);
      await storage.write({ a: { n: 2, eTag: first.eTag } });
      await expect(storage.write({ a: { n: 3, eTag: first.eTag } })).rejects.toThrow(/eTag conflict/);
      expect((await storage.read(['a'])).a.n).toBe(2);
    });

    test('`*` overwrites whatever is stored', async () => {
      await storage.write({ a: { n: 1 } });
      await storage.write({ a: { n: 5, eTag: '*' } });
      expect((await storage.read(['a'])).a.n).toBe(5);
    });

    test('a batch is atomic: one conflict and nothing of the batch is written', async () => {
      await storage.write({ a: { n: 1 }, b: { n: 1 } });
      const { a } = await storage.read(['a']);
      await storage.write({ a: { n: 2, eTag: '*' } });
      await expect(storage.write({ b: { n: 9, eTag: '*' }, a: { n: 9, eTag: a.eTag } })).rejects.toThrow();
      const items = await storage.read(['a', 'b']);
      expect(items.a.n).toBe(2);
      expect(items.b.n).toBe(1);
    });

    test('delete removes the items; deleting a missing key is fine', async () => {
      await storage.write({ a: { n: 1 }, b: { n: 2 } });
      await storage.delete(['a', 'nope']);
      const items = await storage.read(['a', 'b']);
      expect(items.a).toBeUndefined();
      expect(items.b.n).toBe(2);
    });

    test('concurrent writers with the same eTag: exactly one wins', async () => {
      await storage.write({ a: { n: 0 } });
      const { a } = await storage.read(['a']);
      const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => storage.write({ a: { n: i + 1, eTag: a.eTag } })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    });
  });
}
