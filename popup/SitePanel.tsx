import { useEffect, useState } from 'preact/hooks';
import type { SiteRouting } from '../src/messages';
import type { AppError } from '../src/result';
import { isIpLiteral } from '../src/rules/host';
import { useChanges, usePage } from '../src/ui';
import { currentTabUrl } from './currentTab';

/** The popup's sentence for each way a host is never routed (`BypassReason`), grouped as users think of them. */
const bypassKeys: Record<string, string> = {
  accountService: 'siteBypass_accountService',
  localhost: 'siteBypass_localName',
  localDomain: 'siteBypass_localName',
  singleLabel: 'siteBypass_singleLabel',
};

/**
 * How the current tab's host is routed (computed by the background with the decision the PAC mirrors), which
 * rule decided, and the one-click rules for its site with the sites they cover.
 */
export function SitePanel() {
  const { t, send } = usePage();
  const [site, setSite] = useState<SiteRouting | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [remember, setRemember] = useState(false);
  // Asked again whenever the state or settings change (the VPN turned on): never a stale route.
  const revision = useChanges();

  const show = (reply: { ok: true; value: SiteRouting } | { ok: false; error: AppError }) =>
    reply.ok ? (setSite(reply.value), setError(null)) : setError(reply.error);

  useEffect(() => {
    void currentTabUrl().then((url) => (url ? send({ type: 'getSiteRouting', url }).then(show) : undefined));
  }, [send, revision]);

  if (!site?.host || !site.site) return null;
  const { host, site: siteKey } = site;
  // The background plans every change for the tab's own host, so the reply is that host's route.
  const setRule = async (action: 'always' | 'never' | null) =>
    show(await send({ type: 'setSiteRule', host, action }));
  const answer = async (route: 'vpn' | 'direct') =>
    show(await send({ type: 'answerAsk', host, route, remember }));
  const showDisable = !(site.ruleAction === 'never' && site.route === 'direct');
  const showAlways = !(site.ruleAction === 'always' && site.route === 'vpn');

  return (
    <section class="site" data-testid="site-panel">
      <p>
        <strong data-testid="site-host">{host}</strong>{' '}
        <span data-testid="site-route" data-route={site.route}>
          {t(`siteRoute_${site.route}`)}
        </span>
      </p>
      {site.reason === 'siteRule' && site.rulePattern ? (
        <p class="muted" data-testid="site-decided-by">
          {t('siteDecidedBy', [site.rulePattern])}
        </p>
      ) : null}
      {site.category ? <p class="muted">{t('siteCategory', [t(`category_${site.category}`)])}</p> : null}
      {site.replaced?.map((rule) => (
        <p class="muted" key={rule.pattern} data-testid="site-replaced">
          {t('siteReplaced', [rule.pattern, t(`ruleAction_${rule.action}`)])}
        </p>
      ))}
      {error ? <p class="notice error">{t(error.messageKey, error.substitutions)}</p> : null}
      {site.route === 'ask' ? (
        <div class="ask" data-testid="ask-prompt">
          <p>{t('askUseVpn', [siteKey])}</p>
          <div class="row">
            <button type="button" data-testid="ask-vpn" onClick={() => void answer('vpn')}>
              {t('askAnswerVpn')}
            </button>
            <button
              type="button"
              class="secondary"
              data-testid="ask-direct"
              onClick={() => void answer('direct')}
            >
              {t('askAnswerDirect')}
            </button>
          </div>
          <label class="row">
            <input
              type="checkbox"
              checked={remember}
              onChange={(e) => setRemember(e.currentTarget.checked)}
            />
            {t('askRemember')}
          </label>
        </div>
      ) : null}
      {site.reason === 'bypass' ? (
        <p class="muted" data-testid="site-bypassed">
          {t(bypassKeys[site.bypass ?? ''] ?? 'siteBypass_localAddress', [host])}
        </p>
      ) : (
        <>
          <div class="row">
            {site.ruleAction ? (
              <button
                type="button"
                class="secondary"
                data-testid="site-rule-clear"
                onClick={() => void setRule(null)}
              >
                {t('siteRuleClear')}
              </button>
            ) : null}
            {showDisable ? (
              <button
                type="button"
                class="secondary"
                data-testid="site-disable-vpn"
                onClick={() => void setRule('never')}
              >
                {t('siteDisableVpn')}
              </button>
            ) : null}
            {showAlways ? (
              <button
                type="button"
                class="secondary"
                data-testid="site-always-vpn"
                onClick={() => void setRule('always')}
              >
                {t('siteAlwaysVpn')}
              </button>
            ) : null}
          </div>
          <p class="muted" data-testid="site-scope">
            {t(isIpLiteral(siteKey) ? 'siteScopeAddress' : 'siteScope', [siteKey])}
          </p>
        </>
      )}
    </section>
  );
}
