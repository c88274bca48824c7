import { describe, expect, it } from 'vitest';
import { dropServiceUrl, loadSettings, migrate, migrations } from '../../../../src/settings';

describe('2 → 3: the service address is not a setting', () => {
  it('is the step from version 2', () => {
    expect(migrations[2]).toBe(dropServiceUrl);
  });

  it('drops a stored serviceUrl and keeps everything else, without touching its input', () => {
    const stored = { version: 2, serviceUrl: 'https://evil.example', killSwitch: true };
    expect(dropServiceUrl(stored)).toEqual({ version: 2, killSwitch: true });
    expect(stored.serviceUrl).toBe('https://evil.example');
  });

  it('drops a stored or imported serviceUrl on the way to the current version', () => {
    expect(migrate({ version: 2, serviceUrl: 'https://evil.example', killSwitch: true }, 3)).toEqual({
      version: 3,
      killSwitch: true,
    });
    expect(loadSettings({ version: 2, serviceUrl: 'https://evil.example' })).not.toHaveProperty('serviceUrl');
  });
});
