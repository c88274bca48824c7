import { Button, Notice, useLoad, usePage } from '../src/ui';

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
        <Notice kind="error" testId="no-site-access">
          <p>{t('noSiteAccess')}</p>
          <div class="form-actions">
            <Button onClick={requestAllSites}>{t('grantSiteAccess')}</Button>
          </div>
        </Notice>
      )}
      {access.browser === 'firefox' && !access.privateWindows ? (
        <Notice kind="info" testId="no-private-windows">
          <p>{t('firefoxPrivateWindows')}</p>
        </Notice>
      ) : null}
    </>
  );
}
