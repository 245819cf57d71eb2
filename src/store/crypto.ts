import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Keys derived from one master secret; the master never touches the database. */
export interface Keys {
  /** HMAC-SHA256 key for access codes. */
  codes: Buffer;
  /** HS256 key for tokens. */
  tokens: Buffer;
  /** AES-256-GCM key for what users write. */
  data: Buffer;
  /** HMAC key that turns IP addresses into throttling keys. */
  ips: Buffer;
}

export function deriveKeys(master: Buffer): Keys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `lotsen/${info}/v1`, 32));
  return { codes: derive('codes'), tokens: derive('tokens'), data: derive('data'), ips: derive('ips') };
}

function decodeSecret(secret: string): Buffer {
  const trimmed = secret.trim();
  const buf = /^[0-9a-f]+$/i.test(trimmed) && trimmed.length % 2 === 0 ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (buf.length < 32) throw new Error('LOTSEN_SECRET must hold at least 32 bytes (base64 or hex)');
  return buf;
}

/** The master secret from the environment, or from a key file created with owner-only rights on first start. */
export function loadMasterSecret(secret: string | undefined, file: string): { master: Buffer; created: boolean } {
  if (secret) return { master: decodeSecret(secret), created: false };
  if (existsSync(file)) return { master: decodeSecret(readFileSync(file, 'utf8')), created: false };
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const master = randomBytes(32);
  writeFileSync(file, `${master.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { master, created: true };
}

const VERSION = 1;
const HEADER = Buffer.from([VERSION]);

/**
 * AES-256-GCM with a random 96-bit nonce. `context` is bound as associated data (e.g. table and row key),
 * so a ciphertext moved to another row does not decrypt.
 */
export class Sealer {
  private readonly key: KeyObject;
  /** Nonces are drawn from the system's random source in bulk and each handed out once. */
  private nonces = Buffer.alloc(0);
  private next = 0;

  constructor(key: Buffer) {
    this.key = createSecretKey(key);
  }

  private nonce(): Buffer {
    if (this.next + 12 > this.nonces.length) {
      this.nonces = randomBytes(12 * 1024);
      this.next = 0;
    }
    this.next += 12;
    return this.nonces.subarray(this.next - 12, this.next);
  }

  seal(plain: string, context: string): Buffer {
    const iv = this.nonce();
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = cipher.update(plain, 'utf8');
    cipher.final(); // GCM is a stream mode: nothing is held back, final() only computes the tag.
    return Buffer.concat([HEADER, iv, cipher.getAuthTag(), body]);
  }

  open(sealed: Buffer, context: string): string {
    if (sealed.length < 29 || sealed[0] !== VERSION) throw new Error('Unknown ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(1, 13));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(sealed.subarray(13, 29));
    return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8');
  }
}

export const hmacHex = (key: Buffer, value: string) => createHmac('sha256', key).update(value).digest('hex');
