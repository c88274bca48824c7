// What the Overview draws from the summary: which devices need a look, and what a new account should do next.
import type { AccountDeviceView, AccountView, Overview } from '../src/api';

export type NextStep = 'linkBrowser' | 'turnOnTwoFactor';

/** The steps a new account has not taken yet, most useful first. */
export function nextSteps(
  overview: Pick<Overview, 'devices'>,
  account: Pick<AccountView, 'twoFactorEnabled'>,
): NextStep[] {
  const steps: NextStep[] = [];
  if (overview.devices.length === 0) steps.push('linkBrowser');
  if (!account.twoFactorEnabled) steps.push('turnOnTwoFactor');
  return steps;
}

export const onlineDevices = (devices: readonly AccountDeviceView[]): AccountDeviceView[] =>
  devices.filter((device) => device.status?.online === true);

export const devicesWithProblems = (devices: readonly AccountDeviceView[]): AccountDeviceView[] =>
  devices.filter((device) => (device.status?.problems ?? 0) > 0);
