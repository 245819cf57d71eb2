import { SqliteBotStorage } from '../../src/store/botStorage';
import { Sealer } from '../../src/store/crypto';
import { Sqlite } from '../../src/store/sqlite';
import { storageContract } from './contract';

storageContract('SqliteBotStorage', async () => {
  const db = await Sqlite.open(':memory:');
  await db.migrate();
  return { storage: new SqliteBotStorage(db, new Sealer(Buffer.alloc(32, 1))), close: () => db.close() };
});

describe('Sealer', () => {
  test('a sealed value opens only with its own context, and a tampered one not at all', () => {
    const sealer = new Sealer(Buffer.alloc(32, 2));
    const sealed = sealer.seal('hemligt', 'note:a');
    expect(sealer.open(sealed, 'note:a')).toBe('hemligt');
    expect(() => sealer.open(sealed, 'note:b')).toThrow();
    const tampered = Buffer.from(sealed);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 1) ^ 1, tampered.length - 1);
    expect(() => sealer.open(tampered, 'note:a')).toThrow();
    expect(sealed.includes(Buffer.from('hemligt'))).toBe(false);
  });
});
