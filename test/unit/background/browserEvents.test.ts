import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { composeBackground } from '../../../background/compose';
import { defaultSettings } from '../../../src/settings';
import { fakePlatform } from '../../fakes/platform';
import { selfHostedTestGateway, startedBackground } from '../../fakes/startedBackground';

describe("the browser's events, answered by the modules", () => {
  it('another extension taking the proxy setting is told to the user, our own change is not', async () => {
    const { background, state, notifications } = await startedBackground();
    await background.vpn.proxySettingChanged();
    expect(notifications).toEqual([]);
    state.control = 'controlled_by_other_extensions';
    await background.vpn.proxySettingChanged();
    expect(notifications.map((n) => n.id)).toEqual(['proxy-taken']);
  });

  it('"Connect when the browser starts" turns on a VPN left off; without it the VPN stays off', async () => {
    const on = await startedBackground({ ...selfHostedTestGateway, autoConnect: true });
    await on.background.vpn.browserStarted();
    expect((await on.background.settings.get()).vpnEnabled).toBe(true);
    expect(on.lastPac('http://example.org/')).toBe('PROXY 127.0.0.1:3128; DIRECT');
    const off = await startedBackground({ ...selfHostedTestGateway });
    await off.background.vpn.browserStarted();
    expect((await off.background.settings.get()).vpnEnabled).toBe(false);
  });

  it("Firefox's blocking listener stops URL entries beyond the rule budget: a page is sent to the warning page, a resource is cancelled and counted", async () => {
    const fake = fakePlatform({ browser: 'firefox' });
    fake.platform.dnr.hasBundledRuleset = false;
    fake.platform.dnr.limits = { maxRules: 5_000, maxUnsafeRules: 5_000, maxRegexRules: 1_000 };
    await fake.platform.local.set('settings', { ...defaultSettings });
    const background = composeBackground(fake.platform);
    await background.start();
    const { urls } = JSON.parse(await readFile('extension/data/threats/snapshot.json', 'utf8')) as {
      urls: string[];
    };
    const beyond = `http://${urls.at(-1)}`;
    expect(await background.protection.beforeRequest(beyond, 'main_frame')).toEqual({
      redirectUrl: background.protection.warningPageFor(beyond),
    });
    expect(await background.protection.beforeRequest(beyond, 'script')).toEqual({ cancel: true });
    await expect.poll(async () => (await background.protection.status()).detections).toBe(1);
    expect(await background.protection.beforeRequest('http://clean.example/', 'main_frame')).toEqual({});
  });
});
