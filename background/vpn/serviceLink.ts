import type { ProxyTier } from '../../src/api/proxyCredential';
import { SELF_HOSTED_REGION, type Settings } from '../../src/settings';
import { readRecord } from '../account/records';
import type { Platform } from '../platform';
import type { SettingsStore } from '../settingsStore';
import type { ServiceGateway } from './gateway';
import type { ProxyCredentials } from './proxyAuth';

/** The account service built into this extension; `settings.serviceUrl` overrides it (operators, tests). */
export const BUILT_IN_SERVICE_URL: string =
  import.meta.env.VITE_RAMPART_SERVICE_URL ?? 'http://127.0.0.1:8787';

export const serviceUrlOf = (settings: Pick<Settings, 'serviceUrl'>): string =>
  settings.serviceUrl ?? BUILT_IN_SERVICE_URL;

/**
 * What the VPN needs from the account service, read from storage so that routing and proxy authentication
 * answer at once, also right after a worker restart. The device link (issue "Link the extension to the
 * account") keeps these records fresh.
 */
export function createServiceLink(platform: Platform, settings: SettingsStore) {
  const gateways = async (): Promise<ServiceGateway[]> => {
    return (await readRecord(platform, 'gateways')) ?? [];
  };

  const proxyCredentials = async (challenger: {
    host: string;
    port: number;
  }): Promise<ProxyCredentials | null> => {
    const current = await settings.get();
    const own = current.selfHostedGateway;
    if (current.region === SELF_HOSTED_REGION && own) {
      const matches =
        own.host.toLowerCase() === challenger.host.toLowerCase() && own.port === challenger.port;
      return matches ? { username: own.username, password: own.password } : null;
    }
    const stored = await readRecord(platform, 'proxyCredential');
    return stored ? { username: stored.username, password: stored.password } : null;
  };

  return {
    gateways,
    proxyCredentials,
    bypassHosts: (current: Settings): string[] => [new URL(serviceUrlOf(current)).hostname],
    tier: async (): Promise<ProxyTier> => {
      return (await readRecord(platform, 'tier')) ?? 'anonymous';
    },
  };
}
export type ServiceLink = ReturnType<typeof createServiceLink>;
