import { loadConfig } from '../../src/config';
import { botFrameworkAuthOptions } from '../../src/channel/messages';

// The Bot Framework settings, under the names botbuilder reads (MicrosoftAppId, MicrosoftAppPassword,
// MicrosoftAppTenantId, MicrosoftAppType), go to botbuilder's ConfigurationBotFrameworkAuthentication as they are.

describe('Bot Framework settings', () => {
  test('read from the environment under botbuilder\'s names and handed on to it unchanged', () => {
    const c = loadConfig({ MicrosoftAppId: 'app-1', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 'tenant-1', MicrosoftAppType: 'singletenant' });
    expect(botFrameworkAuthOptions(c)).toEqual({ MicrosoftAppId: 'app-1', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 'tenant-1', MicrosoftAppType: 'SingleTenant' });
    // Unset (or empty) ones are left out: botbuilder then uses its defaults, and without an app id nothing is authenticated.
    expect(botFrameworkAuthOptions(loadConfig({ MicrosoftAppId: '' }))).toEqual({});
  });

  test('the defaults: development, and a cap and a lifetime on that channel\'s conversations', () => {
    expect(loadConfig({})).toMatchObject({ NODE_ENV: 'development', BOTFRAMEWORK_CONVERSATIONS_MAX: 1000, BOTFRAMEWORK_CONVERSATION_TTL_SECONDS: 86_400 });
  });

  test('a setting without the app id it belongs to is refused at start, so the endpoint is never open by mistake', () => {
    expect(() => loadConfig({ MicrosoftAppPassword: 'pw' })).toThrow(/MicrosoftAppPassword is set but MicrosoftAppId is not/);
    expect(() => loadConfig({ MicrosoftAppTenantId: 't' })).toThrow(/MicrosoftAppTenantId/);
  });

  test('what each app type needs, as botbuilder checks it, is checked at start', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'a' })).toThrow(/MultiTenant needs MicrosoftAppPassword/);
    expect(() => loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'SingleTenant' })).toThrow(/SingleTenant needs MicrosoftAppTenantId/);
    expect(() => loadConfig({ MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMsi' })).toThrow(/UserAssignedMsi needs MicrosoftAppTenantId/);
    expect(() => loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 't', MicrosoftAppType: 'UserAssignedMsi' })).toThrow(/takes no MicrosoftAppPassword/);
    expect(() => loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'Personal' })).toThrow(/MicrosoftAppType/);
    expect(loadConfig({ MicrosoftAppId: 'a', MicrosoftAppTenantId: 't', MicrosoftAppType: 'UserAssignedMsi' }).MicrosoftAppType).toBe('UserAssignedMsi');
  });
});
