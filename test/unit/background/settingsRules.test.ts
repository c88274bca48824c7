import { describe, expect, it } from 'vitest';
import { defaultSettings, exportSettings } from '../../../src/settings';
import { startedBackground } from '../../fakes/startedBackground';

const setup = (options: { testHooks?: boolean } = {}) => startedBackground({}, options);

describe('what pages and settings files may change', () => {
  it('the generic patch cannot switch the VPN, pick a region or move the service', async () => {
    const { send, background } = await setup();
    for (const patch of [{ vpnEnabled: true }, { region: 'de' }, { serviceUrl: 'https://evil.example' }])
      expect(await send({ type: 'updateSettings', patch })).toMatchObject({
        ok: false,
        error: { code: 'badRequest' },
      });
    expect(await background.settings.get()).toEqual(defaultSettings);
  });

  it("saving the user's own gateway selects it; removing it goes back to Optimal", async () => {
    const { send } = await setup();
    const gateway = { scheme: 'PROXY', host: '127.0.0.1', port: 3128, username: 'u', password: 'p' };
    expect(await send({ type: 'updateSettings', patch: { selfHostedGateway: gateway } })).toMatchObject({
      value: { region: 'self-hosted' },
    });
    expect(await send({ type: 'updateSettings', patch: { selfHostedGateway: null } })).toMatchObject({
      value: { region: 'optimal', selfHostedGateway: null },
    });
  });

  it('a settings file brings preferences, not the VPN switch, a locked region or a service address', async () => {
    const { send, background, requests } = await setup();
    const file = exportSettings(
      { ...defaultSettings, vpnEnabled: true, region: 'de', killSwitch: true },
      new Date(0),
    );
    const old = JSON.parse(file) as { settings: Record<string, unknown> };
    old.settings = { ...old.settings, version: 1, serviceUrl: 'https://evil.example' };
    expect(await send({ type: 'importSettings', text: JSON.stringify(old) })).toMatchObject({
      ok: true,
      value: { killSwitch: true, vpnEnabled: false, region: 'optimal' },
    });
    expect(await background.settings.get()).not.toHaveProperty('serviceUrl');
    await background.reporter.report();
    await background.checkThreatsNow();
    expect(requests.every((r) => !r.url.includes('evil.example'))).toBe(true);
  });

  it('only a test build may point the extension at another service', async () => {
    const release = await setup();
    expect(await release.send({ type: 'useTestService', url: 'http://127.0.0.1:9999' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await release.background.checkThreatsNow();
    expect(release.requests.at(-1)?.url).toMatch(/^http:\/\/127\.0\.0\.1:8787\//);

    const test = await setup({ testHooks: true });
    expect(await test.send({ type: 'useTestService', url: 'http://127.0.0.1:9999' })).toEqual({
      ok: true,
      value: null,
    });
    await test.background.checkThreatsNow();
    expect(test.requests.at(-1)?.url).toMatch(/^http:\/\/127\.0\.0\.1:9999\//);
  });
});
