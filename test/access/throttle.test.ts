import { formatCode, generateCode } from '../../src/access/codes';
import { addressKey, LoginThrottle } from '../../src/access/throttle';
import { startTestServer, type TestServer } from '../helpers/server';

// Failed logins are limited per address and for everyone together. The global limit only slows those who fail:
// a right code is never refused because others, elsewhere, typed wrong ones. IPv6 addresses count per /64, the
// block one household or one attacker gets.

jest.setTimeout(60_000);

describe('whose attempts count together', () => {
  test('IPv6 addresses of one /64 are one address; another /64 is another', () => {
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('2001:0db8:0001:0002:0000:0000:0000:0001')).toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('2001:db8:1:2::1%eth0')).toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('::1')).toBe(addressKey('0:0:0:0:0:0:0:1'));
  });

  test('IPv4 addresses count one by one, also when written as IPv4-mapped IPv6', () => {
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.8')).not.toBe(addressKey('192.0.2.7'));
  });

  test('the throttle keys an address by its /64', () => {
    const t = new LoginThrottle(undefined as never, Buffer.alloc(32, 1), { perIp: 1, global: 1, windowSeconds: 60 });
    expect(t.keyFor('2001:db8:5:6:1::1')).toBe(t.keyFor('2001:db8:5:6:ffff::2'));
    expect(t.keyFor('2001:db8:5:7::1')).not.toBe(t.keyFor('2001:db8:5:6::1'));
  });
});

describe('login limits over HTTP', () => {
  let s: TestServer;
  beforeAll(async () => {
    // One proxy hop in front (the test itself), so X-Forwarded-For names the client.
    s = await startTestServer({ TRUST_PROXY: '1', LOGIN_FAILS_GLOBAL: '6', LOGIN_FAILS_PER_IP: '3' });
  });
  afterAll(() => s.stop());

  const loginFrom = (address: string, code: string, locale = 'en') =>
    fetch(`${s.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address, 'accept-language': locale }, body: JSON.stringify({ code, locale }) });
  // A well-formed code nobody was given (a mistyped check symbol is answered without a lookup, as 401 always).
  const WRONG = formatCode(generateCode());

  test('one /64 rotating its addresses is held by the per-address limit', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i += 1) statuses.push((await loginFrom(`2001:db8:aa:1::${i.toString(16)}`, WRONG)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    // The neighbouring /64 is someone else.
    expect((await loginFrom('2001:db8:aa:2::1', WRONG)).status).toBe(401);
  });

  test('with the global limit reached from many addresses, a right code from a fresh address logs in; a wrong one gets 429', async () => {
    for (let i = 1; i <= 8; i += 1) await loginFrom(`198.51.100.${i}`, WRONG);
    const [good] = await s.codes('parent');
    const ok = await loginFrom('203.0.113.9', good as string);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { token?: string }).token).toEqual(expect.any(String));

    const wrong = await loginFrom('203.0.113.10', WRONG, 'sv');
    expect(wrong.status).toBe(429);
    expect(Number(wrong.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await wrong.json()) as { error: string; message: string };
    expect(body.error).toBe('throttled');
    expect(body.message).toMatch(/\S/);
  });

  test('the per-address limit still holds a right code back', async () => {
    for (let i = 0; i < 3; i += 1) await loginFrom('192.0.2.50', WRONG);
    const [good] = await s.codes('parent');
    expect((await loginFrom('192.0.2.50', good as string)).status).toBe(429);
  });
});
