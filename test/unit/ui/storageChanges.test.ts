import { describe, expect, it } from 'vitest';
import { accountValues } from '../../../src/storage/accountValues';
import { settingsValues } from '../../../src/storage/settingsValues';
import { vpnValues } from '../../../src/storage/vpnValues';
import { WATCHED_KEYS, watchedValueChanged } from '../../../src/ui/storageChanges';

describe('the push pages listen to', () => {
  it('watches the keys the stored values are declared with', () => {
    expect(WATCHED_KEYS).toEqual(
      [
        vpnValues.connection,
        settingsValues.settings,
        accountValues.deviceStatus,
        accountValues.gateways,
        accountValues.tier,
        accountValues.account,
      ].map((value) => value.key),
    );
  });

  it('counts a watched value that changed', () => {
    expect(
      watchedValueChanged({ connection: { oldValue: { state: 'off' }, newValue: { state: 'on' } } }),
    ).toBe(true);
    expect(watchedValueChanged({ settings: { newValue: { version: 3 } } })).toBe(true);
  });

  it('ignores a write of the value already stored (Firefox reports those too) and unwatched keys', () => {
    expect(watchedValueChanged({ deviceStatus: { oldValue: { used: 1 }, newValue: { used: 1 } } })).toBe(
      false,
    );
    expect(watchedValueChanged({ threatsLastCheck: { oldValue: 1, newValue: 2 } })).toBe(false);
  });
});
