import { useState } from 'preact/hooks';
import type { SiteRouting } from '../src/messages';
import { isIpLiteral } from '../src/rules/host';
import { Toggle, useAction, useChanges, useLoad, usePage } from '../src/ui';
import { currentTabUrl } from './currentTab';

/** The popup's sentence for each way a host is never routed (`BypassReason`), grouped as users think of them. */
const bypassKeys: Record<string, string> = {
  accountService: 'siteBypass_accountService',
  localhost: 'siteBypass_localName',
  localDomain: 'siteBypass_localName',
  singleLabel: 'siteBypass_singleLabel',
};

/** What a tab that is no web site (or no tab at all) shows: nothing. */
const noSite: SiteRouting = { host: null, site: null, route: 'direct', reason: 'notWeb', ruleAction: null };

/** Whether the site's traffic is meant to go through the VPN (blocked means: meant to, but it is down). */
export const usesVpn = (site: Pick<SiteRouting, 'route'>) => site.route === 'vpn' || site.route === 'blocked';

/**
 * The current site as a card: how the tab's host is routed (computed by the background with the decision
 * the PAC mirrors) and which rule decided, one switch "use the VPN on this site" that writes a rule for the
 * site (named in plain words: "all of alice.github.io"), and an Ask prompt as two choices.
 */
export function SitePanel() {
  const { t, send } = usePage();
  const [remember, setRemember] = useState(false);
  // The rules the last change removed: said until the next change. Kept apart from the route, which is read
  // again when the settings push arrives (its reply, a plain read, names nothing removed).
  const [replaced, setReplaced] = useState<NonNullable<SiteRouting['replaced']>>([]);
  // Asked again whenever the state or settings change (the VPN turned on): never a stale route.
  const revision = useChanges();
  const routing = useLoad(async () => {
    const url = await currentTabUrl();
    return url ? send({ type: 'getSiteRouting', url }) : { ok: true as const, value: noSite };
  }, [send, revision]);
  // The background plans every change for the tab's own host, so the reply is that host's route.
  const change = useAction(async (request: () => ReturnType<typeof send<'setSiteRule'>>) => {
    const reply = await request();
    routing.apply(reply);
    setReplaced(reply.ok ? (reply.value.replaced ?? []) : []);
    return reply;
  });

  const site = routing.value;
  if (!site?.host || !site.site) return null;
  const { host, site: siteKey } = site;
  const setRule = (action: 'always' | 'never' | null) =>
    void change.run(() => send({ type: 'setSiteRule', host, action }));
  const answer = (route: 'vpn' | 'direct') =>
    void change.run(() => send({ type: 'answerAsk', host, route, remember }));
  const error = change.error ?? routing.error;
  const scope = t(isIpLiteral(siteKey) ? 'siteRuleScopeAddress' : 'siteRuleScope', [siteKey]);

  return (
    <section class="card site" data-testid="site-panel" aria-busy={change.busy}>
      <p class="site-head">
        <strong data-testid="site-host">{host}</strong>{' '}
        <span class={`route route-${site.route}`} data-testid="site-route" data-route={site.route}>
          {t(`siteRoute_${site.route}`)}
        </span>
      </p>
      {site.reason === 'siteRule' && site.rulePattern ? (
        <p class="muted" data-testid="site-decided-by">
          {t('siteDecidedBy', [site.rulePattern])}
        </p>
      ) : null}
      {site.category ? <p class="muted">{t('siteCategory', [t(`category_${site.category}`)])}</p> : null}
      {replaced.map((rule) => (
        <p class="muted" key={rule.pattern} data-testid="site-replaced">
          {t('siteReplaced', [rule.pattern, t(`ruleAction_${rule.action}`)])}
        </p>
      ))}
      {error ? <p class="notice error">{t(error.messageKey, error.substitutions)}</p> : null}
      {site.reason === 'bypass' ? (
        <p class="muted" data-testid="site-bypassed">
          {t(bypassKeys[site.bypass ?? ''] ?? 'siteBypass_localAddress', [host])}
        </p>
      ) : site.route === 'ask' ? (
        <div class="ask" data-testid="ask-prompt">
          <p>{t('askUseVpn', [siteKey])}</p>
          <div class="choices">
            <button type="button" data-testid="ask-vpn" disabled={change.busy} onClick={() => answer('vpn')}>
              {t('askAnswerVpn')}
            </button>
            <button
              type="button"
              class="secondary"
              data-testid="ask-direct"
              disabled={change.busy}
              onClick={() => answer('direct')}
            >
              {t('askAnswerDirect')}
            </button>
          </div>
          <label class="remember">
            <input
              type="checkbox"
              checked={remember}
              onChange={(e) => setRemember(e.currentTarget.checked)}
            />
            {t('askRemember')}
          </label>
        </div>
      ) : (
        <div class="site-switch" data-testid="site-vpn-switch">
          <Toggle
            id="site-vpn"
            label={t('siteUseVpn')}
            hint={scope}
            checked={usesVpn(site)}
            disabled={change.busy}
            onChange={(on) => setRule(on ? 'always' : 'never')}
          />
          {site.ruleAction ? (
            <p class="rule-line" data-testid="site-rule">
              <span>{t(`siteRuleNow_${site.ruleAction}`, [siteKey])}</span>{' '}
              <button type="button" class="link" data-testid="site-rule-clear" onClick={() => setRule(null)}>
                {t('siteRuleClear')}
              </button>
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
