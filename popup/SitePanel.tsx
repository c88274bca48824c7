import { useEffect, useState } from 'preact/hooks';
import type { SiteRouting } from '../src/messages';
import type { AppError } from '../src/result';
import { useChanges, usePage } from '../src/ui';
import { currentTabUrl } from './currentTab';

/** How the current site is routed, with the one-click rules and the answer to an "ask". */
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

  if (!site?.host) return null;
  const host = site.host;
  const setRule = async (action: 'always' | 'never' | null) =>
    show(await send({ type: 'setSiteRule', host, action }));
  const answer = async (route: 'vpn' | 'direct') =>
    show(await send({ type: 'answerAsk', host, route, remember }));

  return (
    <section class="site" data-testid="site-panel">
      <p>
        <strong data-testid="site-host">{host}</strong>{' '}
        <span data-testid="site-route" data-route={site.route}>
          {t(`siteRoute_${site.route}`)}
        </span>
      </p>
      {site.category ? <p class="muted">{t('siteCategory', [t(`category_${site.category}`)])}</p> : null}
      {error ? <p class="notice error">{t(error.messageKey, error.substitutions)}</p> : null}
      {site.route === 'ask' ? (
        <div class="ask" data-testid="ask-prompt">
          <p>{t('askUseVpn', [host])}</p>
          <div class="row">
            <button type="button" onClick={() => void answer('vpn')}>
              {t('askAnswerVpn')}
            </button>
            <button type="button" class="secondary" onClick={() => void answer('direct')}>
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
        <p class="muted">{t('siteBypassed')}</p>
      ) : (
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
          {site.ruleAction !== 'never' ? (
            <button
              type="button"
              class="secondary"
              data-testid="site-disable-vpn"
              onClick={() => void setRule('never')}
            >
              {t('siteDisableVpn')}
            </button>
          ) : null}
          {site.ruleAction !== 'always' ? (
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
      )}
    </section>
  );
}
