import { useLoad, usePage } from '../src/ui';

/**
 * Says what the browser does not let Rampart do: without access to all sites nothing is routed or protected
 * (Firefox lets the user withhold it; the button asks again); Firefox's private windows go direct and
 * unprotected unless the user allowed the extension there.
 */
export function BrowserAccessNotice() {
  const { t, send } = usePage();
  const { value: access, reload } = useLoad(() => send({ type: 'getBrowserAccess' }), [send]);
  if (!access) return null;

  // A permission request must come from the user's click in an extension page; granted or not, ask again.
  const requestAllSites = () =>
    void chrome.permissions.request({ origins: ['<all_urls>'] }).then(reload, reload);

  return (
    <>
      {access.allSites ? null : (
        <p class="notice error" role="alert" data-testid="no-site-access">
          {t('noSiteAccess')}{' '}
          <button type="button" onClick={requestAllSites}>
            {t('grantSiteAccess')}
          </button>
        </p>
      )}
      {access.browser === 'firefox' && !access.privateWindows ? (
        <p class="notice info" data-testid="no-private-windows">
          {t('firefoxPrivateWindows')}
        </p>
      ) : null}
    </>
  );
}
