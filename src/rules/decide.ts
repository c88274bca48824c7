import { activeCategory, type CategoryDb } from '../categories';
import type { CategoryAction, CategoryId } from '../settings';
import { findAskAnswer, type AskAnswers, type Route } from './askAnswers';
import { bypassReason, type BypassReason } from './bypass';
import { normalizeHost } from './host';
import { matchSiteRule, type SiteRuleIndex } from './siteRuleIndex';

/** Everything the decision depends on besides the host; the PAC compiler takes the same fields. */
export interface RouteContext {
  /** The global VPN switch: what applies when no rule does. */
  vpnEnabled: boolean;
  /** The account service's hosts (exact hosts): always direct so recovery works. */
  bypassHosts: readonly string[];
  siteRules: SiteRuleIndex;
  categories: CategoryDb;
  categoryActions: Readonly<Record<CategoryId, CategoryAction>>;
  askAnswers: AskAnswers;
  /** Epoch milliseconds: answers that expired by then are ignored. */
  now: number;
}

export interface RouteDecision {
  /** `ask` means the user should be asked; meanwhile the request uses `effective`. */
  route: Route | 'ask';
  reason: 'bypass' | 'siteRule' | 'category' | 'global';
  /** Where the request actually goes now. For an unanswered `ask`, the global state. */
  effective: Route;
  bypass?: BypassReason;
  /** The site rule that decided (canonical pattern). */
  pattern?: string;
  category?: CategoryId;
  /** The listed domain that put the host in `category`. */
  categoryDomain?: string;
  /** True when `route` comes from a remembered answer to an `ask`. */
  answered?: boolean;
}

const globalRoute = (context: RouteContext): Route => (context.vpnEnabled ? 'vpn' : 'direct');

const resolveAsk = (
  host: string,
  context: RouteContext,
): Pick<RouteDecision, 'route' | 'effective' | 'answered'> => {
  const answer = findAskAnswer(context.askAnswers, host, context.now);
  return answer
    ? { route: answer.route, effective: answer.route, answered: true }
    : { route: 'ask', effective: globalRoute(context) };
};

const actionRoute = { always: 'vpn', enable: 'vpn', never: 'direct' } as const;

/**
 * Where a request to `host` goes: bypass (local and account-service hosts) → the most specific site rule →
 * the host's category rule → the global VPN state. `host` is a URL hostname; case, brackets and trailing dots
 * are folded.
 */
export const decideRoute = (rawHost: string, context: RouteContext): RouteDecision => {
  const host = normalizeHost(rawHost);
  const bypass = bypassReason(host, context.bypassHosts);
  if (bypass) return { route: 'direct', reason: 'bypass', effective: 'direct', bypass };

  const rule = matchSiteRule(context.siteRules, host);
  if (rule) {
    const routed =
      rule.action === 'ask'
        ? resolveAsk(host, context)
        : { route: actionRoute[rule.action], effective: actionRoute[rule.action] };
    return { ...routed, reason: 'siteRule', pattern: rule.pattern };
  }

  const category = activeCategory(context.categories, host, context.categoryActions);
  if (category) {
    const routed =
      category.action === 'ask'
        ? resolveAsk(host, context)
        : { route: actionRoute[category.action], effective: actionRoute[category.action] };
    return { ...routed, reason: 'category', category: category.category, categoryDomain: category.domain };
  }

  const route = globalRoute(context);
  return { route, reason: 'global', effective: route };
};
