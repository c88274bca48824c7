import type { ProtectionStatus, RegionList } from '../../src/messages';
import type { ConnectionRecord, ConnectionStatus, StatusFacts } from '../../src/status';

/** A fixed moment for every fixture, so nothing depends on today's date. */
export const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);

const facts: StatusFacts = {
  region: 'optimal',
  version: '0.1.0',
  protectionEnabled: true,
  vpnEnabled: false,
  killSwitch: false,
  proxyControlledByOther: false,
};

/** A connection status as `getStatus` answers it, in each state the popup draws. */
export const statusIn = {
  off: (more: Partial<StatusFacts> = {}): ConnectionStatus => ({
    state: 'off',
    since: NOW,
    ...facts,
    ...more,
  }),
  connecting: (more: Partial<StatusFacts> = {}): ConnectionStatus => ({
    state: 'connecting',
    since: NOW,
    failures: 0,
    reconnecting: false,
    ...facts,
    vpnEnabled: true,
    ...more,
  }),
  on: (more: Partial<StatusFacts> = {}): ConnectionStatus => ({
    state: 'on',
    since: NOW,
    exitAddress: '203.0.113.7',
    ...facts,
    vpnEnabled: true,
    gateway: { id: 'de-fra-1', region: 'DE', city: 'Frankfurt' },
    ...more,
  }),
  limit: (more: Partial<StatusFacts> = {}): ConnectionStatus => ({
    state: 'limit',
    since: NOW,
    resetAt: NOW + 6 * 3600_000,
    ...facts,
    vpnEnabled: true,
    ...more,
  }),
  error: (more: Partial<StatusFacts> = {}): ConnectionStatus => ({
    state: 'error',
    since: NOW,
    reason: 'gatewayUnreachable',
    ...facts,
    vpnEnabled: true,
    ...more,
  }),
} satisfies Record<string, (more?: Partial<StatusFacts>) => ConnectionRecord & StatusFacts>;

export const protectionStatus = (more: Partial<ProtectionStatus> = {}): ProtectionStatus => ({
  enabled: true,
  listVersion: 42,
  listCreatedAt: new Date(NOW - 2 * 86_400_000).toISOString(),
  installedAt: NOW - 86_400_000,
  databaseUpdatedAt: NOW - 3 * 3600_000,
  check: { state: 'ok', at: NOW - 3600_000, updated: false },
  domains: 1000,
  urls: 100,
  detections: 0,
  ...more,
});

export const regionList = (more: Partial<RegionList> = {}): RegionList => ({
  selected: 'optimal',
  canChoose: true,
  regions: [
    { region: 'DE', city: 'Frankfurt', load: 0.2, locked: false },
    { region: 'US', city: 'New York', load: 0.4, locked: false },
  ],
  selfHosted: false,
  ...more,
});
