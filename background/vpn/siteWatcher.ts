import { askSiteKey } from '../../src/rules';
import { stored } from '../../src/storage';
import type { Platform } from '../platform';
import type { SettingsStore } from '../settingsStore';
import { updateStored } from '../storage/storedValues';
import type { VpnService } from './vpnService';

/** How many announced sites a browser session remembers. */
const MAX_NOTIFIED = 500;

/**
 * Watches the sites tabs open: a site that a rule or category sends through the VPN while the VPN is off is
 * announced once per browser session ("VPN turned on for …"), and a site waiting for an "ask" answer gets a
 * "?" badge and one prompt to open the popup.
 */
export function createSiteWatcher(platform: Platform, settings: SettingsStore, vpn: VpnService) {
  const firstTime = async (key: string): Promise<boolean> => {
    let first = false;
    await updateStored(platform, stored.notifiedSites, (seen) => {
      if (seen?.includes(key)) return seen;
      first = true;
      return [...(seen ?? []).slice(-MAX_NOTIFIED), key];
    });
    return first;
  };

  return async (tabId: number, url: string): Promise<void> => {
    let host: string;
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return platform.setBadge(tabId, '');
      host = parsed.hostname;
    } catch {
      return;
    }
    const [decision, current] = await Promise.all([vpn.decide(host), settings.get()]);
    const site = askSiteKey(host);
    const t = platform.translate;
    await platform.setBadge(tabId, decision.route === 'ask' ? '?' : '');
    if (decision.route === 'ask' && (await firstTime(`ask:${site}`))) {
      await platform.notifier.show(`ask-${site}`, t('notifyAskTitle', [site]), t('notifyAskMessage'));
    }
    const automatic = decision.reason === 'siteRule' || decision.reason === 'category';
    if (
      automatic &&
      decision.route === 'vpn' &&
      !current.vpnEnabled &&
      current.notifications.vpnAutoEnabled
    ) {
      if (await firstTime(`auto:${site}`)) {
        await platform.notifier.show(`auto-${site}`, t('notifyAutoTitle'), t('notifyAutoMessage', [site]));
      }
    }
  };
}
