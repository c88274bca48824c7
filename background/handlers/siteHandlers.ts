import type { SiteRouting } from '../../src/messages';
import { err, ok } from '../../src/result';
import { findSiteRule, normalizeHost, planSiteRule, siteKey, withoutSiteRule } from '../../src/rules';
import type { SiteRule } from '../../src/settings';
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

/**
 * The popup's view of the current tab: the route of the tab's own host by the same `decideRoute` the PAC
 * mirrors, and the one-click rule for its site. Pages send the tab's host, never the site key, so that what is
 * shown after a change is where the tab's next request goes.
 */
export function siteHandlers(deps: HandlerDeps): SiteHandlers {
  const routingFor = async (host: string | null, replaced: SiteRule[] = []): Promise<SiteRouting> => {
    if (host === null) return { host: null, site: null, route: 'direct', reason: 'notWeb', ruleAction: null };
    const [decision, settings] = await Promise.all([deps.vpn.decide(host), deps.settings.get()]);
    return {
      host: normalizeHost(host),
      site: siteKey(host),
      route: decision.blocked ? 'blocked' : decision.route,
      reason: decision.reason,
      ruleAction: findSiteRule(settings.siteRules, host)?.action ?? null,
      ...(decision.pattern ? { rulePattern: decision.pattern } : {}),
      ...(decision.bypass ? { bypass: decision.bypass } : {}),
      ...(decision.category ? { category: decision.category } : {}),
      ...(replaced.length ? { replaced } : {}),
    };
  };

  return {
    getSiteRouting: async ({ url }) => ok(await routingFor(webHost(url))),
    setSiteRule: async ({ host, action }) => {
      // Local hosts never go through the VPN: a rule for them would be stored and never take effect.
      if ((await deps.vpn.decide(host)).reason === 'bypass') return ok(await routingFor(host));
      const { siteRules } = await deps.settings.get();
      const plan = action
        ? planSiteRule(siteRules, host, action)
        : ok({ rules: withoutSiteRule(siteRules, host), replaced: [] });
      if (!plan.ok) return err(plan.error);
      await deps.settings.update({ siteRules: plan.value.rules });
      await deps.vpn.applyRouting();
      return ok(await routingFor(host, plan.value.replaced));
    },
    answerAsk: async ({ host, route, remember }) => {
      await deps.askAnswers.answer(host, route, remember);
      await deps.vpn.applyRouting();
      return ok(await routingFor(host));
    },
  };
}
