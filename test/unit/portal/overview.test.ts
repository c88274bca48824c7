import { describe, expect, it } from 'vitest';
import type { AccountDeviceView } from '../../../src/api';
import { devicesWithProblems, nextSteps, onlineDevices } from '../../../portal/overview';

const device = (id: string, status: AccountDeviceView['status']): AccountDeviceView => ({
  id,
  name: id,
  platform: 'chrome',
  linkedAt: '2026-03-01T10:00:00.000Z',
  lastSeenAt: '2026-03-15T11:59:00.000Z',
  status,
});
const reported = (online: boolean, problems: number): AccountDeviceView['status'] => ({
  online,
  reportedAt: '2026-03-15T11:59:00.000Z',
  vpn: 'on',
  protectionEnabled: problems === 0,
  problems,
});

describe('the overview', () => {
  it.each([
    [[], false, ['linkBrowser', 'turnOnTwoFactor']],
    [[], true, ['linkBrowser']],
    [[device('a', null)], false, ['turnOnTwoFactor']],
    [[device('a', null)], true, []],
  ] as const)('with devices %j and 2FA %s suggests %j', (devices, twoFactorEnabled, steps) => {
    expect(nextSteps({ devices: [...devices] }, { twoFactorEnabled })).toEqual(steps);
  });

  it('tells online devices and devices with problems apart; one never reported is neither', () => {
    const devices = [
      device('fine', reported(true, 0)),
      device('troubled', reported(true, 2)),
      device('away', reported(false, 1)),
      device('new', null),
    ];
    expect(onlineDevices(devices).map((d) => d.id)).toEqual(['fine', 'troubled']);
    expect(devicesWithProblems(devices).map((d) => d.id)).toEqual(['troubled', 'away']);
  });
});
