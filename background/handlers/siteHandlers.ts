import type { SiteRouting } from '../../src/messages';
import { ok } from '../../src/result';
import { askSiteKey } from '../../src/rules';
import type { Handlers } from '../router';
import type { HandlerDeps } from './deps';

type SiteHandlers = Pick<Handlers, 'getSiteRouting' | 'setSiteRule' | 'answerAsk'>;

const webHost = (url: string): string | null => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
};

/** The popup's view of the current site: how it is routed and the one-click rule for it. */
export function siteHandlers(deps: HandlerDeps): SiteHandlers {
  const routingFor = async (host: string | null): Promise<SiteRouting> => {
    if (host === null) return { host: null, route: 'direct', reason: 'notWeb', ruleAction: null };
    const site = askSiteKey(host);
    const [decision, settings] = await Promise.all([deps.vpn.decide(host), deps.settings.get()]);
    const rule = settings.siteRules.find((r) => r.pattern === site);
    return {
      host: site,
      route: decision.blocked ? 'blocked' : decision.route,
      reason: decision.reason,
      ruleAction: rule?.action ?? null,
      ...(decision.category ? { category: decision.category } : {}),
    };
  };

  return {
    getSiteRouting: async ({ url }) => ok(await routingFor(webHost(url))),
    setSiteRule: async ({ host, action }) => {
      await deps.vpn.setSiteRule(askSiteKey(host), action);
      return ok(await routingFor(host));
    },
    answerAsk: async ({ host, route, remember }) => {
      await deps.askAnswers.answer(host, route, remember);
      await deps.vpn.applyRouting();
      return ok(await routingFor(host));
    },
  };
}
