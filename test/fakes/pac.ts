import { runInNewContext } from 'node:vm';
import type { ProxyConfig } from '../../background/platform';

/** Runs a PAC script the way a browser does and returns its answer for a URL. */
export function pacAnswer(config: ProxyConfig | undefined, url: string): string {
  if (!config || config.mode !== 'pac') return 'SYSTEM';
  const sandbox: { FindProxyForURL?: (url: string, host: string) => string } = {};
  runInNewContext(`${config.script}\nthis.FindProxyForURL = FindProxyForURL;`, sandbox);
  return sandbox.FindProxyForURL!(url, new URL(url).hostname);
}
