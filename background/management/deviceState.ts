import type { DeviceState } from '../../src/api/management';
import type { ConnectionStatus } from '../../src/status';
import type { Detections } from '../protection/detections';
import type { ProtectionService } from '../protection/protectionService';
import type { SettingsStore } from '../settingsStore';

/** How many of the newest detections go to the portal with each report. */
export const REPORTED_DETECTIONS = 100;
const MAX_URL = 2048;

export interface DeviceStateDeps {
  extensionVersion: string;
  settings: SettingsStore;
  /** The popup's view of the connection (state, exit address, proxy control). */
  connection(): Promise<ConnectionStatus>;
  protection: Pick<ProtectionService, 'status' | 'databaseUpdatedAt'>;
  detections: Pick<Detections, 'all'>;
}

/** What this device tells the portal about itself: the same facts the popup shows. */
export async function collectDeviceState(deps: DeviceStateDeps): Promise<DeviceState> {
  const [settings, connection, protection, updatedAt, detections] = await Promise.all([
    deps.settings.get(),
    deps.connection(),
    deps.protection.status(),
    deps.protection.databaseUpdatedAt(),
    deps.detections.all(),
  ]);
  return {
    extensionVersion: deps.extensionVersion.slice(0, 32),
    vpn: {
      state: connection.state,
      region: settings.region,
      exitAddress: connection.state === 'on' ? (connection.exitAddress ?? null) : null,
      proxyControlledByOther: connection.proxyControlledByOther,
    },
    killSwitch: settings.killSwitch,
    protection: {
      enabled: protection.enabled,
      databaseVersion: protection.listVersion,
      databaseUpdatedAt: new Date(updatedAt).toISOString(),
    },
    detections: detections.slice(-REPORTED_DETECTIONS).map((d) => ({ ...d, url: d.url.slice(0, MAX_URL) })),
  };
}
