import { describe, expect, it } from 'vitest';
import { composeBackground } from '../../../background/compose';
import { defaultSettings } from '../../../src/settings';
import { fakePlatform, ownPage } from '../../fakes/platform';

/** A background whose threat-list storage fails until `fixed` is set, as a database left by a newer version would. */
async function backgroundWithBrokenThreatStorage() {
  const fake = fakePlatform();
  const broken = { on: true };
  const load = fake.platform.threatLists.load;
  fake.platform.threatLists.load = async () => {
    if (broken.on) throw new Error('VersionError: the database is newer than this version');
    return load();
  };
  await fake.platform.local.set('settings', { ...defaultSettings, vpnEnabled: true });
  const background = composeBackground(fake.platform);
  const send = (message: unknown) => background.route(message, ownPage);
  return { ...fake, broken, background, send };
}

describe('a background part that fails at start', () => {
  it('is named to the popup while routing works, and "Try again" starts it once the cause is gone', async () => {
    const device = await backgroundWithBrokenThreatStorage();
    await expect(device.background.start()).rejects.toThrow(/protection: VersionError/);

    // Routing started exactly as it does when nothing fails, and pages are answered (no "Rampart is not
    // responding").
    const healthy = await backgroundWithBrokenThreatStorage();
    healthy.broken.on = false;
    await healthy.background.start();
    // Both resume the VPN the user left on and check it; once the checks are done, the same routing is in force.
    await Promise.all([device.background.vpn.checkConnection(), healthy.background.vpn.checkConnection()]);
    expect(device.applied.at(-1)).toEqual(healthy.applied.at(-1));
    expect(device.applied).not.toEqual([]);
    expect(await device.send({ type: 'getStatus' })).toMatchObject({ ok: true, value: { vpnEnabled: true } });
    expect(await device.send({ type: 'setVpnEnabled', enabled: false })).toMatchObject({
      ok: true,
      value: { vpnEnabled: false },
    });
    expect(await device.send({ type: 'getStartProblems' })).toEqual({
      ok: true,
      value: [
        {
          part: 'protection',
          message: 'VersionError: the database is newer than this version',
          at: device.state.clock,
        },
      ],
    });

    // Still broken: trying again says so again.
    expect(await device.send({ type: 'retryStart' })).toMatchObject({ value: [{ part: 'protection' }] });

    device.broken.on = false;
    expect(await device.send({ type: 'retryStart' })).toEqual({ ok: true, value: [] });
    // Protection is now enforced: the bundled list stays the static ruleset, the user's allow rules dynamic.
    expect(device.state.bundledRuleset.enabled).toBe(true);
  });

  it('is tried again by the next event after a pause, without a click', async () => {
    const device = await backgroundWithBrokenThreatStorage();
    await device.background.startup.ready();
    expect(device.background.startup.failures()).toHaveLength(1);
    device.broken.on = false;
    device.state.clock += 5_000;
    await device.background.startup.ready('protection');
    expect(device.background.startup.failures()).toEqual([]);
  });

  it('a settings change is saved and routed while protection cannot start, and the failure stays named', async () => {
    const device = await backgroundWithBrokenThreatStorage();
    await device.background.startup.ready();
    const applied = device.applied.length;
    const reply = await device.send({
      type: 'updateSettings',
      patch: { siteRules: [{ pattern: 'always.example', action: 'always' }] },
    });
    expect(reply).toMatchObject({ ok: true, value: { siteRules: [{ pattern: 'always.example' }] } });
    expect(device.applied.length).toBeGreaterThan(applied);
    expect(await device.send({ type: 'getStartProblems' })).toMatchObject({
      value: [{ part: 'protection' }],
    });
  });
});
