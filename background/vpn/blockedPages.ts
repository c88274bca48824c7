import { GATEWAY_REASON_HEADER } from '../../src/api/proxyCredential';
import type { Platform } from '../platform';
import type { VpnService } from './vpnService';

/** Rampart's own page for a page the kill switch (or the paused VPN) kept from loading. */
export const BLOCKED_PAGE = 'blocked/index.html';

export const blockedPageUrl = (extensionOrigin: string, url: string): string =>
  `${extensionOrigin}${BLOCKED_PAGE}?url=${encodeURIComponent(url)}`;

/** The gateway refused a plain-HTTP page itself (429 with its reason header), as it does at the limit. */
export const isGatewayRefusal = (statusCode: number, headers: { name: string; value?: string }[] = []) =>
  statusCode === 429 &&
  headers.some((h) => h.name.toLowerCase() === GATEWAY_REASON_HEADER && h.value === 'daily-limit');

/**
 * A page failed at the proxy, or the gateway refused it. Once a check has said why, a page that the VPN kept
 * from loading shows Rampart's page instead of the browser's proxy error: at the limit (kill switch on or
 * off: the gateway refused it), or whenever the kill switch stops it (gateway unreachable, signed out,
 * reconnecting). A failure of the site itself (the VPN works) keeps the browser's own page. Nothing here
 * sends the request anywhere: the page is only shown in the tab.
 */
export function createBlockedPages(platform: Platform, vpn: Pick<VpnService, 'checkFirst' | 'decide'>) {
  return async (tabId: number, url: string): Promise<void> => {
    let host: string;
    try {
      const parsed = new URL(url);
      if (tabId < 0 || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return;
      host = parsed.hostname;
    } catch {
      return;
    }
    const record = await vpn.checkFirst();
    if (record.state === 'on' || record.state === 'off') return;
    if (record.state !== 'limit' && !(await vpn.decide(host)).blocked) return;
    await platform.navigateTab(tabId, blockedPageUrl(platform.extensionOrigin, url));
  };
}
