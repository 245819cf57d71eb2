import { TokenService } from '../../src/access/tokens';

const claims = { conv: 'c1', sid: 's1', persona: 'parent' as const, band: null };

afterEach(() => jest.restoreAllMocks());

test('a token verified once is still refused once it expires', async () => {
  const tokens = new TokenService(Buffer.alloc(32, 3), 60);
  const { token } = await tokens.issue(claims);
  expect(await tokens.verify(token)).toMatchObject({ ok: true, claims });
  expect(await tokens.verify(token)).toMatchObject({ ok: true, claims });
  const now = Date.now();
  jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
  expect(await tokens.verify(token)).toEqual({ ok: false, reason: 'expired' });
});

test('remembering a token is per use, and a changed token is checked afresh', async () => {
  const tokens = new TokenService(Buffer.alloc(32, 3), 60);
  const { token } = await tokens.issue(claims);
  expect((await tokens.verify(token, 'directline')).ok).toBe(true);
  expect(await tokens.verify(token, 'resume')).toEqual({ ok: false, reason: 'invalid' });
  const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
  expect(await tokens.verify(tampered)).toEqual({ ok: false, reason: 'invalid' });
  const other = new TokenService(Buffer.alloc(32, 4), 60);
  expect(await other.verify(token)).toEqual({ ok: false, reason: 'invalid' });
});
