import type { ProxyTier } from '../../src/api/proxyCredential';
import type { Settings } from '../../src/settings';
import type { AccountService } from '../account/accountService';
import type { PortalLink } from '../account/portalLink';
import type { Platform } from '../platform';
import type { ProtectionService } from '../protection/protectionService';
import type { SettingsStore } from '../settingsStore';
import type { Startup } from '../startup';
import type { AskAnswerStore } from '../vpn/askAnswerStore';
import type { ConnectionStore } from '../vpn/connectionStore';
import type { ServiceGateway } from '../vpn/gateway';
import type { VpnService } from '../vpn/vpnService';

export interface HandlerDeps {
  platform: Platform;
  settings: SettingsStore;
  connection: ConnectionStore;
  vpn: VpnService;
  protection: ProtectionService;
  account: AccountService;
  portal: PortalLink;
  /** Re-applies everything settings shape: routing, protection rules, the notification language. */
  settingsChanged(before: Settings, after: Settings): Promise<void>;
  /** Test builds only: points the extension at the suite's account service; false elsewhere. */
  useTestService(url: string): Promise<boolean>;
  askAnswers: AskAnswerStore;
  gateways(): Promise<ServiceGateway[]>;
  /** The device's tier: free and anonymous devices may use only "Optimal". */
  tier(): Promise<ProxyTier>;
  /** The background's start, part by part: what failed, and "try again". */
  startup: Pick<Startup, 'failures' | 'retry'>;
}
