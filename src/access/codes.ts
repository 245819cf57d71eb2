import { randomBytes } from 'node:crypto';

/** Crockford base32 (no I, L, O, U) and its five extra check symbols. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_ALPHABET = `${ALPHABET}*~$=U`;
const DATA_SYMBOLS = 13;

export type ParsedCode = { ok: true; canonical: string } | { ok: false; reason: 'format' | 'check' };

function valueOf(symbols: string): bigint {
  let v = 0n;
  for (const ch of symbols) v = v * 32n + BigInt(ALPHABET.indexOf(ch));
  return v;
}

/**
 * The code 9 bytes of randomness make (65 bits: 13 symbols and a check symbol), or null when the check would be
 * one of the punctuation symbols, so a parent never has to type * ~ $ = or U: draw again then.
 */
export function codeFromBytes(bytes: Uint8Array): string | null {
  let v = 0n;
  for (const b of bytes.subarray(0, 9)) v = (v << 8n) | BigInt(b);
  v &= (1n << 65n) - 1n;
  const check = Number(v % 37n);
  if (check >= 32) return null;
  let symbols = '';
  for (let i = 0; i < DATA_SYMBOLS; i += 1) {
    symbols = ALPHABET[Number(v % 32n)] + symbols;
    v /= 32n;
  }
  return symbols + CHECK_ALPHABET[check];
}

/** A new random code. */
export function generateCode(random: (n: number) => Buffer = randomBytes): string {
  for (;;) {
    const code = codeFromBytes(random(9));
    if (code) return code;
  }
}

/** `XXXXX-XXXXX-XXXX` for people to read. */
export function formatCode(canonical: string): string {
  return `${canonical.slice(0, 5)}-${canonical.slice(5, 10)}-${canonical.slice(10)}`;
}

/** Tolerant input: upper or lower case, spaces and dashes, O for 0 and I or L for 1. A wrong check symbol is caught without a lookup. */
export function parseCode(input: unknown): ParsedCode {
  if (typeof input !== 'string' || input.length > 64) return { ok: false, reason: 'format' };
  const cleaned = input
    .toUpperCase()
    .replace(/[\s\-_.\u2010-\u2015]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== DATA_SYMBOLS + 1) return { ok: false, reason: 'format' };
  const data = cleaned.slice(0, DATA_SYMBOLS);
  if ([...data].some((ch) => !ALPHABET.includes(ch))) return { ok: false, reason: 'format' };
  const check = CHECK_ALPHABET.indexOf(cleaned[DATA_SYMBOLS] as string);
  if (check < 0) return { ok: false, reason: 'format' };
  if (Number(valueOf(data) % 37n) !== check) return { ok: false, reason: 'check' };
  return { ok: true, canonical: cleaned };
}
