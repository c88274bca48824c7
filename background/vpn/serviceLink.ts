import { z } from 'zod';
import type { ProxyTier } from '../../src/api/proxyCredential';
import { SELF_HOSTED_REGION, type Settings } from '../../src/settings';
import type { Platform } from '../platform';
import type { SettingsStore } from '../settingsStore';
import type { ServiceGateway } from './gateway';
import type { ProxyCredentials } from './proxyAuth';

/** The account service built into this extension; `settings.serviceUrl` overrides it (operators, tests). */
export const BUILT_IN_SERVICE_URL: string =
  import.meta.env.VITE_RAMPART_SERVICE_URL ?? 'http://127.0.0.1:8787';

const GATEWAYS_KEY = 'gateways';
const CREDENTIAL_KEY = 'proxyCredential';
const TIER_KEY = 'tier';

const gatewaysSchema = z.array(
  z.object({
    id: z.string(),
    region: z.string(),
    city: z.string(),
    host: z.string(),
    port: z.number(),
    load: z.number(),
  }),
);
const credentialSchema = z.object({ username: z.string(), password: z.string(), expiresAt: z.number() });
const tierSchema = z.enum(['anonymous', 'free', 'unlimited']);

export const serviceUrlOf = (settings: Pick<Settings, 'serviceUrl'>): string =>
  settings.serviceUrl ?? BUILT_IN_SERVICE_URL;

/**
 * What the VPN needs from the account service, read from storage so that routing and proxy authentication
 * answer at once, also right after a worker restart. The device link (issue "Link the extension to the
 * account") keeps these records fresh.
 */
export function createServiceLink(platform: Platform, settings: SettingsStore) {
  const gateways = async (): Promise<ServiceGateway[]> => {
    const parsed = gatewaysSchema.safeParse(await platform.local.get(GATEWAYS_KEY));
    return parsed.success ? parsed.data : [];
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
    const stored = credentialSchema.safeParse(await platform.session.get(CREDENTIAL_KEY));
    return stored.success ? { username: stored.data.username, password: stored.data.password } : null;
  };

  return {
    gateways,
    proxyCredentials,
    bypassHosts: (current: Settings): string[] => [new URL(serviceUrlOf(current)).hostname],
    tier: async (): Promise<ProxyTier> => {
      const parsed = tierSchema.safeParse(await platform.local.get(TIER_KEY));
      return parsed.success ? parsed.data : 'anonymous';
    },
  };
}
export type ServiceLink = ReturnType<typeof createServiceLink>;
