import { normalizeHost } from '../rules';
import type { PacInput } from './input';

/** Chrome's `proxy.settings` value for one proxy plus a bypass list (shaped like `chrome.proxy.ProxyConfig`). */
export interface FixedServersConfig {
  mode: 'fixed_servers';
  rules: {
    singleProxy: { scheme: 'https' | 'http'; host: string; port: number };
    bypassList: string[];
  };
}

// Chrome's bypass-list syntax for everything decideRoute never routes (see src/rules/bypass.ts).
const LOCAL_BYPASS = [
  '<local>',
  'localhost',
  '*.localhost',
  '*.local',
  '127.0.0.0/8',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '169.254.0.0/16',
  '0.0.0.0/8',
  '[::1]',
  '[::]',
  '[fe80::]/10',
  '[fc00::]/7',
];

const hostText = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/**
 * The exclusion-only shortcut: when everything goes through the VPN except some sites, a bypass list says the
 * same as the PAC without one. It applies only when the VPN is on, the kill switch is on (a fixed proxy has no
 * DIRECT fallback, which is exactly fail-closed), every site rule is `never` and no category is `never` or `ask`
 * (a category's thousands of domains belong in the PAC's table, not in a bypass list). Otherwise null: use the PAC.
 */
export const compileFixedServers = (input: PacInput): FixedServersConfig | null => {
  if (!input.vpnEnabled || !input.killSwitch) return null;
  if (Object.values(input.categoryActions).some((action) => action === 'never' || action === 'ask'))
    return null;
  const bypassList = [...LOCAL_BYPASS, ...input.bypassHosts.map((host) => hostText(normalizeHost(host)))];
  for (const [host, entry] of input.siteRules.entries) {
    if (entry.exact && entry.exact.action !== 'never') return null;
    if (entry.domain && entry.domain.action !== 'never') return null;
    if (entry.subdomains && entry.subdomains.action !== 'never') return null;
    // Chrome: `host` matches that host only, `*.host` its subdomains only.
    if (entry.exact || entry.domain) bypassList.push(hostText(host));
    if (entry.subdomains || entry.domain) bypassList.push(`*.${host}`);
  }
  const { gateway } = input;
  return {
    mode: 'fixed_servers',
    rules: {
      singleProxy: {
        scheme: gateway.scheme === 'HTTPS' ? 'https' : 'http',
        host: gateway.host,
        port: gateway.port,
      },
      bypassList,
    },
  };
};
