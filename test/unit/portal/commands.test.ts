import { describe, expect, it } from 'vitest';
import type { CommandView, DeviceCommand } from '../../../src/api';
import {
  commandLabel,
  commandStatusText,
  pendingCommand,
  pendingLabel,
  regionLabel,
  regionPlaceLabel,
  sameCommand,
} from '../../../portal/commands';

const view = (command: DeviceCommand, status: CommandView['status'], message: string | null = null) => ({
  id: `00000000-0000-4000-8000-00000000000${status.length}`,
  command,
  status,
  createdAt: '2026-11-23T12:00:00.000Z',
  expiresAt: '2026-11-30T12:00:00.000Z',
  deliveredAt: null,
  finishedAt: null,
  message,
});

describe('command labels', () => {
  it.each<[DeviceCommand, string]>([
    [{ type: 'setProtection', enabled: true }, 'Turn protection on'],
    [{ type: 'setProtection', enabled: false }, 'Turn protection off'],
    [{ type: 'updateDatabases' }, 'Update threat databases'],
    [{ type: 'setVpn', enabled: true }, 'Turn VPN on'],
    [{ type: 'setVpn', enabled: false }, 'Turn VPN off'],
    [{ type: 'setRegion', region: 'de' }, 'Change region to Germany'],
    [{ type: 'setRegion', region: 'optimal' }, 'Change region to Optimal'],
    [{ type: 'checkTabs' }, 'Check open tabs'],
  ])('%j reads "%s"', (command, label) => {
    expect(commandLabel(command)).toBe(label);
  });

  it('names the optimal region whatever its case, a country code by its country, other regions as they are', () => {
    expect(regionLabel('Optimal')).toBe('Optimal');
    expect(regionLabel('de')).toBe('Germany');
    expect(regionLabel('us-east')).toBe('us-east');
  });

  it('shows a region as its cities and country', () => {
    expect(regionPlaceLabel({ region: 'de', cities: ['Frankfurt'] })).toBe('Frankfurt, Germany');
    expect(regionPlaceLabel({ region: 'eu', cities: ['Amsterdam', 'Paris'] })).toBe(
      'Amsterdam / Paris, European Union',
    );
    expect(regionPlaceLabel({ region: 'local', cities: ['Test city'] })).toBe('Test city (local)');
    expect(regionPlaceLabel({ region: 'us', cities: [] })).toBe('United States');
  });
});

describe('command status', () => {
  const update: DeviceCommand = { type: 'updateDatabases' };
  it.each<[CommandView, string]>([
    [view(update, 'planned'), 'Planned — waits until the device is online, expires November 30, 2026'],
    [view(update, 'delivered'), 'Sent'],
    [view(update, 'done', 'Databases are up to date (version 7)'), 'Done'],
    [
      view(update, 'failed', 'The update server could not be reached'),
      'Failed: The update server could not be reached',
    ],
    [view(update, 'failed'), 'Failed'],
    [view(update, 'failed', ''), 'Failed'],
    [view(update, 'expired'), 'Expired'],
  ])('%#: %s', (command, text) => {
    expect(commandStatusText(command)).toBe(text);
  });

  it('labels a button whose command is on its way', () => {
    expect(pendingLabel(view(update, 'planned'))).toBe('Planned');
    expect(pendingLabel(view(update, 'delivered'))).toBe('Sent');
  });
});

describe('pendingCommand', () => {
  const on: DeviceCommand = { type: 'setVpn', enabled: true };
  const off: DeviceCommand = { type: 'setVpn', enabled: false };

  it('finds the same command while it is planned or sent, and only then', () => {
    const planned = view(on, 'planned');
    const sent = view(on, 'delivered');
    expect(pendingCommand([view(on, 'done'), planned], on)).toBe(planned);
    expect(pendingCommand([sent], on)).toBe(sent);
    for (const status of ['done', 'failed', 'expired'] as const) {
      expect(pendingCommand([view(on, status)], on)).toBeNull();
    }
    expect(pendingCommand([planned], off)).toBeNull();
    expect(pendingCommand([], on)).toBeNull();
  });

  it('compares commands by value, not by key order', () => {
    expect(
      sameCommand({ type: 'setRegion', region: 'de' }, { region: 'de', type: 'setRegion' } as DeviceCommand),
    ).toBe(true);
    expect(sameCommand({ type: 'setRegion', region: 'de' }, { type: 'setRegion', region: 'fr' })).toBe(false);
    expect(sameCommand({ type: 'setProtection', enabled: true }, { type: 'setVpn', enabled: true })).toBe(
      false,
    );
    expect(sameCommand({ type: 'checkTabs' }, { type: 'updateDatabases' })).toBe(false);
  });
});
