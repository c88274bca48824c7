import { parse } from 'tldts';
import { err, ok, type AppError, type Result } from '../result';
import { bypassReason } from './bypass';
import { parseSitePattern, type SitePattern } from './pattern';
import { patternError } from './patternErrors';

/** `localhost`, `local` and everything under them: never routed, whatever the label count. */
const isLocalZone = (host: string): boolean =>
  host === 'localhost' || host.endsWith('.localhost') || host === 'local' || host.endsWith('.local');

/**
 * Why a rule for this pattern could never take effect, or null when some host it covers can go through the VPN.
 * The PAC sends local names and addresses direct before it looks at any rule (see `bypassReason`), so a rule
 * that covers only such hosts would be accepted and then silently ignored. A one-word name such as `intranet`
 * is refused even as `domain` (which also covers `x.intranet`): people mean the machine on their network. A
 * real top-level domain (`ru`, `com`) is a meaningful "every site under it" and stays allowed.
 */
export const unroutableRuleError = (pattern: SitePattern): AppError | null => {
  const { host, kind } = pattern;
  if (isLocalZone(host)) return patternError('pattern_local_domain', host);
  if (kind === 'subdomains') return null;
  const reason = bypassReason(host, []);
  if (reason === null || reason === 'accountService') return null;
  if (reason === 'singleLabel') {
    // Only a top-level domain of the public DNS has subdomains worth a rule; a one-word intranet name does not.
    return kind === 'domain' && parse(host).isIcann === true
      ? null
      : patternError('pattern_local_name', host);
  }
  return patternError('pattern_local_address', host);
};

/** What the options page accepts as a new site rule: a valid pattern that some routable host matches. */
export const parseRulePattern = (input: string): Result<SitePattern> => {
  const parsed = parseSitePattern(input);
  if (!parsed.ok) return parsed;
  const unroutable = unroutableRuleError(parsed.value);
  return unroutable ? err(unroutable) : ok(parsed.value);
};
