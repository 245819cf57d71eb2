import { formatCode, generateCode, parseCode } from '../../src/access/codes';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('anonymous codes', () => {
  test('a new code is 13 data symbols and a check symbol, never a punctuation check, shown XXXXX-XXXXX-XXXX', () => {
    for (let i = 0; i < 500; i += 1) {
      const code = generateCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{14}$/);
      expect(formatCode(code)).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{4}$/);
      expect(parseCode(code)).toEqual({ ok: true, canonical: code });
    }
  });

  test('input is tolerant of case, spaces, dashes, O for 0 and I or L for 1', () => {
    let code = generateCode();
    while (!/[01]/.test(code)) code = generateCode();
    const typed = formatCode(code).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l').replace(/-/g, ' ');
    expect(parseCode(`  ${typed} `)).toEqual({ ok: true, canonical: code });
  });

  test('every single wrong symbol and every swap of neighbours is caught by the check symbol', () => {
    for (let n = 0; n < 40; n += 1) {
      const code = generateCode();
      for (let i = 0; i < 13; i += 1) {
        for (const ch of ALPHABET) {
          if (ch === code[i]) continue;
          const wrong = code.slice(0, i) + ch + code.slice(i + 1);
          expect(parseCode(wrong)).toEqual({ ok: false, reason: 'check' });
        }
        if (i < 12 && code[i] !== code[i + 1]) {
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          expect(parseCode(swapped).ok).toBe(false);
        }
      }
    }
  });

  test.each([[''], ['short'], ['x'.repeat(100)], [42], [null], ['UUUUU-UUUUU-UUU0'], ['ÅÄÖÅÄ-ÅÄÖÅÄ-ÅÄÖÅ']])('rejects %p as a format error', (input) => {
    expect(parseCode(input)).toEqual({ ok: false, reason: 'format' });
  });
});
