import { loadConfig } from '../../src/config';

describe('settings from the environment', () => {
  test('without any, the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3978, LOGIN_WINDOW_SECONDS: 900, CONSOLE_SIGNIN_FAILS_PER_USER: 5, CONSOLE_SIGNIN_FAILS_PER_IP: 20, CONSOLE_SIGNIN_WINDOW_SECONDS: 900, AUDIT_RETENTION_DAYS: 0 });
  });

  test('a throttling window longer than its attempts are kept is refused at start, naming the setting', () => {
    expect(() => loadConfig({ CONSOLE_SIGNIN_WINDOW_SECONDS: '86400' })).toThrow(/CONSOLE_SIGNIN_WINDOW_SECONDS/);
    expect(() => loadConfig({ LOGIN_WINDOW_SECONDS: '172800' })).toThrow(/LOGIN_WINDOW_SECONDS/);
    expect(loadConfig({ CONSOLE_SIGNIN_WINDOW_SECONDS: '43200', LOGIN_WINDOW_SECONDS: '86400' })).toMatchObject({ CONSOLE_SIGNIN_WINDOW_SECONDS: 43_200, LOGIN_WINDOW_SECONDS: 86_400 });
  });

  test('a negative audit retention or a word where a number belongs is refused', () => {
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '-1' })).toThrow(/AUDIT_RETENTION_DAYS/);
    expect(() => loadConfig({ CONSOLE_SIGNIN_FAILS_PER_IP: 'many' })).toThrow(/CONSOLE_SIGNIN_FAILS_PER_IP/);
  });
});

describe('TRUST_PROXY, as express reads "trust proxy"', () => {
  test('true and false, a hop count, or a list of addresses and subnets', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8 , fd00::1' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8', 'fd00::1']);
  });

  test('anything else is refused at start, naming the setting', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/99' })).toThrow(/TRUST_PROXY/);
  });
});

describe('PUBLIC_URL', () => {
  test('an http(s) origin, kept without a trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://lotsen.example.se/' }).PUBLIC_URL).toBe('https://lotsen.example.se');
    expect(loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3978' }).PUBLIC_URL).toBe('http://127.0.0.1:3978');
    expect(loadConfig({}).PUBLIC_URL).toBeUndefined();
  });

  test('a path, a query, credentials or another scheme are refused', () => {
    for (const bad of ['https://example.se/lotsen', 'https://example.se/?a=1', 'https://u:p@example.se', 'ftp://example.se', 'example.se']) {
      expect(() => loadConfig({ PUBLIC_URL: bad })).toThrow(/PUBLIC_URL/);
    }
  });

  test('required in production, where a stream URL can come from nothing else', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PUBLIC_URL/);
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://lotsen.example.se' }).PUBLIC_URL).toBe('https://lotsen.example.se');
  });
});

describe('the demo', () => {
  test('on by default for development (npm start), off by default in production', () => {
    expect(loadConfig({}).LOTSEN_DEMO).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://lotsen.example.se' }).LOTSEN_DEMO).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://lotsen.example.se', LOTSEN_DEMO: 'true' }).LOTSEN_DEMO).toBe(true);
  });

  test('demo codes last 30 days by default', () => {
    expect(loadConfig({}).DEMO_CODE_DAYS).toBe(30);
    expect(() => loadConfig({ DEMO_CODE_DAYS: '0' })).toThrow(/DEMO_CODE_DAYS/);
  });
});

describe('code holders\' sessions', () => {
  test('30 minutes idle and 8 hours at most by default; the idle time cannot exceed the lifetime', () => {
    expect(loadConfig({})).toMatchObject({ SESSION_IDLE_SECONDS: 1800, SESSION_MAX_SECONDS: 28_800 });
    expect(() => loadConfig({ SESSION_IDLE_SECONDS: '7200', SESSION_MAX_SECONDS: '3600' })).toThrow(/SESSION_IDLE_SECONDS/);
  });
});
