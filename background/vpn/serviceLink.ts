import type { ProxyTier } from '../../src/api/proxyCredential';
import { SELF_HOSTED_REGION } from '../../src/settings';
import { stored } from '../../src/storage';
import { readStored, writeStored } from '../storage/storedValues';
import type { Platform } from '../platform';
import type { SettingsStore } from '../settingsStore';
import { chooseGateway, type ServiceGateway } from './gateway';
import type { GatewayHealth } from './gatewayHealth';
import type { Challenger, ProxyCredentials } from './proxyAuth';

/** The account service built into this extension at build time (`VITE_RAMPART_SERVICE_URL`). */
export const BUILT_IN_SERVICE_URL: string =
  import.meta.env.VITE_RAMPART_SERVICE_URL ?? 'http://127.0.0.1:8787';

/**
 * Whether this build lets the end-to-end suite point it at another service (`VITE_RAMPART_TEST_HOOKS=true`,
 * set by `npm run test:e2e` only). Other builds ignore the override entirely.
 */
export const TEST_HOOKS: boolean = import.meta.env.VITE_RAMPART_TEST_HOOKS === 'true';

/** Only a test build contains this text: the release check (test/integration/release) looks for it. */
export const TEST_BUILD_NOTICE = 'rampart-test-hooks: the end-to-end suite may choose the account service';
if (TEST_HOOKS) console.info(TEST_BUILD_NOTICE);

/** Where the account service is: the built-in address, or in a test build the suite's own service. */
export function createServiceAddress(platform: Platform, testHooks: boolean) {
  return {
    testHooks,
    url: async (): Promise<string> =>
      (testHooks ? await readStored(platform, stored.serviceOverride) : null) ?? BUILT_IN_SERVICE_URL,
    /** Refused (false) outside test builds. */
    override: async (url: string): Promise<boolean> => {
      if (!testHooks) return false;
      await writeStored(platform, stored.serviceOverride, url);
      return true;
    },
  };
}
export type ServiceAddress = ReturnType<typeof createServiceAddress>;

/**
 * What the VPN needs from the account service, read from storage so that routing and proxy authentication
 * answer at once, also right after a worker restart. The device link (issue "Link the extension to the
 * account") keeps these records fresh.
 */
export function createServiceLink(
  platform: Platform,
  settings: SettingsStore,
  address: ServiceAddress,
  health: Pick<GatewayHealth, 'unreachable'>,
) {
  const gateways = async (): Promise<ServiceGateway[]> => {
    return (await readStored(platform, stored.gateways)) ?? [];
  };

  /** The credentials for the gateway in use (the caller has checked that the challenger is that one). */
  const proxyCredentials = async (): Promise<ProxyCredentials | null> => {
    const current = await settings.get();
    const own = current.selfHostedGateway;
    if (current.region === SELF_HOSTED_REGION && own)
      return { username: own.username, password: own.password };
    const credential = await readStored(platform, stored.proxyCredential);
    return credential ? { username: credential.username, password: credential.password } : null;
  };

  /** Which of our gateways, if any, is asking: only the one in use gets credentials. */
  const identify = async (challenger: { host: string; port: number }): Promise<Challenger> => {
    const current = await settings.get();
    const listed = await gateways();
    const same = (g: { host: string; port: number }) =>
      g.host.toLowerCase() === challenger.host.toLowerCase() && g.port === challenger.port;
    const inUse = chooseGateway(current, listed, await health.unreachable());
    if (inUse && same(inUse)) return 'gatewayInUse';
    const own = current.selfHostedGateway;
    return listed.some(same) || (own && same(own)) ? 'otherRampartGateway' : 'foreign';
  };

  return {
    gateways,
    proxyCredentials,
    identify,
    bypassHosts: async (): Promise<string[]> => [new URL(await address.url()).hostname],
    tier: async (): Promise<ProxyTier> => {
      return (await readStored(platform, stored.tier)) ?? 'anonymous';
    },
  };
}
export type ServiceLink = ReturnType<typeof createServiceLink>;
