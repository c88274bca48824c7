import { describe, expect, it } from 'vitest';
import { composeBackground } from '../../../background/compose';
import { isOwnPage } from '../../../background/router';
import { defaultSettings, exportSettings } from '../../../src/settings';
import { EXTENSION_ID, EXTENSION_ORIGIN, fakePlatform, ownPage } from '../../fakes/platform';

function setup() {
  const { platform } = fakePlatform();
  const { settings, route } = composeBackground(platform);
  return { platform, settings, route };
}

describe('isOwnPage', () => {
  it.each([
    [{ id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup/index.html` }, true],
    [{ id: EXTENSION_ID, url: 'https://evil.example/' }, false],
    [{ id: 'someoneelse', url: `${EXTENSION_ORIGIN}popup/index.html` }, false],
    [{ id: EXTENSION_ID }, false],
    [{}, false],
  ])('%j → %s', (sender, expected) => {
    expect(isOwnPage(sender, EXTENSION_ID, EXTENSION_ORIGIN)).toBe(expected);
  });
});

describe('router', () => {
  it('answers a status request from an own page', async () => {
    const { route } = setup();
    expect(await route({ type: 'getStatus' }, ownPage)).toMatchObject({
      ok: true,
      value: {
        state: 'off',
        version: '9.9.9',
        protectionEnabled: true,
        vpnEnabled: false,
        proxyControlledByOther: false,
      },
    });
  });

  it('refuses messages from web pages', async () => {
    const { route } = setup();
    const reply = await route({ type: 'getSettings' }, { id: EXTENSION_ID, url: 'https://evil.example/' });
    expect(reply).toEqual({ ok: false, error: { code: 'forbidden', messageKey: 'errorForbidden' } });
  });

  it.each([
    null,
    'getStatus',
    { type: 'launchMissiles' },
    { type: 'updateSettings', patch: { killSwitch: 'on' } },
  ])('answers a malformed message %j with badRequest', async (message) => {
    const { route } = setup();
    const reply = await route(message, ownPage);
    expect(reply.ok ? null : reply.error.code).toBe('badRequest');
  });

  it('updates one setting and keeps the rest', async () => {
    const { route, settings } = setup();
    await route(
      { type: 'updateSettings', patch: { siteRules: [{ pattern: 'a.example', action: 'never' }] } },
      ownPage,
    );
    await route({ type: 'updateSettings', patch: { killSwitch: true } }, ownPage);
    expect(await settings.get()).toEqual({
      ...defaultSettings,
      killSwitch: true,
      siteRules: [{ pattern: 'a.example', action: 'never' }],
    });
  });

  it('loses no change when two updates race', async () => {
    const { route, settings } = setup();
    await Promise.all([
      route({ type: 'updateSettings', patch: { killSwitch: true } }, ownPage),
      route({ type: 'updateSettings', patch: { autoConnect: true } }, ownPage),
    ]);
    const current = await settings.get();
    expect([current.killSwitch, current.autoConnect]).toEqual([true, true]);
  });

  it('a malformed import changes nothing', async () => {
    const { route, platform } = setup();
    await route({ type: 'updateSettings', patch: { killSwitch: true } }, ownPage);
    const before = structuredClone(await platform.local.get('settings'));
    const reply = await route({ type: 'importSettings', text: '{"kind":"rampart-settings"' }, ownPage);
    expect(reply.ok ? null : reply.error.code).toBe('importNotJson');
    expect(await platform.local.get('settings')).toEqual(before);
  });

  it('exports what an import restores', async () => {
    const { route, settings } = setup();
    const chosen = { ...defaultSettings, language: 'ru' as const, allowList: ['safe.example'] };
    const reply = await route({ type: 'importSettings', text: exportSettings(chosen, new Date()) }, ownPage);
    expect(reply).toEqual({ ok: true, value: chosen });
    const exported = await route({ type: 'exportSettings' }, ownPage);
    expect(exported.ok && exported.value).toMatchObject({ fileName: 'rampart-settings-2026-11-23.json' });
    expect(await settings.get()).toEqual(chosen);
  });
});
