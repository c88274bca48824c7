import { describe, expect, it } from 'vitest';
import { releaseEnvSchema } from '../../../scripts/release/options';

describe('the release environment', () => {
  it('defaults the portal origin to the service origin, the key to dropped, no Firefox id and the folder to release/', () => {
    expect(releaseEnvSchema.parse({ RAMPART_SERVICE_URL: 'https://vpn.example.com:8443/' })).toEqual({
      serviceUrl: 'https://vpn.example.com:8443',
      portalOrigin: 'https://vpn.example.com:8443',
      keepDevKey: false,
      extensionId: null,
      firefoxId: null,
      releaseDir: 'release',
    });
  });

  it('takes a Firefox add-on id as AMO does (name@domain or a GUID) and explains one it would refuse', () => {
    const withId = (id: string) =>
      releaseEnvSchema.safeParse({ RAMPART_SERVICE_URL: 'https://vpn.example.com', RAMPART_FIREFOX_ID: id });
    expect(withId('vpn@operator.example').data?.firefoxId).toBe('vpn@operator.example');
    expect(withId('{0f8c3a52-1b9e-4c1e-9d2a-5b7e6f4a3c21}').success).toBe(true);
    for (const bad of ['not an id', 'vpn@', '{0f8c3a52}']) {
      const parsed = withId(bad);
      expect(parsed.success).toBe(false);
      expect(JSON.stringify(parsed.error?.issues)).toContain('a Firefox add-on id is like name@example.com');
    }
  });

  it('takes plain http on loopback (a local trial)', () => {
    expect(releaseEnvSchema.parse({ RAMPART_SERVICE_URL: 'http://127.0.0.1:8787' }).serviceUrl).toBe(
      'http://127.0.0.1:8787',
    );
  });

  it('takes an explicit portal origin equal to the service origin, a kept key and a store id', () => {
    const options = releaseEnvSchema.parse({
      RAMPART_SERVICE_URL: 'https://vpn.example.com/',
      RAMPART_PORTAL_ORIGIN: 'https://vpn.example.com/',
      RAMPART_KEEP_DEV_KEY: 'true',
      RAMPART_EXTENSION_ID: 'abcdefghijklmnopabcdefghijklmnop',
    });
    expect(options).toMatchObject({
      portalOrigin: 'https://vpn.example.com',
      keepDevKey: true,
      extensionId: 'abcdefghijklmnopabcdefghijklmnop',
    });
  });

  it.each([
    ['no service URL', {}],
    ['a service URL that is no http(s) URL', { RAMPART_SERVICE_URL: 'ftp://vpn.example.com/' }],
    [
      'a service URL with a path (the API client appends /api/v1)',
      { RAMPART_SERVICE_URL: 'https://a.example/x' },
    ],
    ['a plain-http service off loopback', { RAMPART_SERVICE_URL: 'http://vpn.example.com' }],
    [
      'a portal on another origin (the background would refuse its messages)',
      { RAMPART_SERVICE_URL: 'https://api.example.com/', RAMPART_PORTAL_ORIGIN: 'https://example.com' },
    ],
    ['the test hooks', { RAMPART_SERVICE_URL: 'https://vpn.example.com/', VITE_RAMPART_TEST_HOOKS: 'true' }],
    [
      'a malformed store id',
      { RAMPART_SERVICE_URL: 'https://vpn.example.com/', RAMPART_EXTENSION_ID: 'xyz' },
    ],
  ])('refuses %s', (_name, env) => {
    expect(releaseEnvSchema.safeParse(env).success).toBe(false);
  });
});
