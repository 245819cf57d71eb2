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
