import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Reply } from '../src/messages/reply';
import type { ConnectionStatus } from '../src/status/states';
import { useAction, useChanges, useLoad, usePage } from '../src/ui';
import { AccountLine } from './AccountLine';
import { ConnectionPanel } from './ConnectionPanel';
import { LimitPanel } from './LimitPanel';
import { FIRST_STATUS_MARK } from './marks';
import { ProtectionPanel } from './ProtectionPanel';
import { RegionPicker } from './RegionPicker';
import { SitePanel } from './SitePanel';
import { StartProblems } from './StartProblems';

const Gear = () => (
  <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
    <path
      fill="currentColor"
      d="M19.4 13a7.7 7.7 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.5 7.5 0 0 0-1.7-1L15 3h-4l-.4 2.9a7.5 7.5 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.7 7.7 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1c.5.4 1.1.7 1.7 1L11 21h4l.4-2.9c.6-.3 1.2-.6 1.7-1l2.5 1 2-3.5-2.2-1.6zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"
      transform="translate(-1 0)"
    />
  </svg>
);
const Person = () => (
  <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
    <circle cx="12" cy="8" r="4" fill="currentColor" />
    <path d="M4 21c.8-4.2 3.9-6.5 8-6.5s7.2 2.3 8 6.5z" fill="currentColor" />
  </svg>
);

/**
 * `first`: the status known before the popup was first drawn, so that draw shows it: the one the background
 * published with the toolbar button (`firstPublished`, read afresh at once), or else `Popup.firstRead`'s
 * reply.
 */
export function Popup({
  first,
  firstPublished = false,
}: {
  first?: Reply<ConnectionStatus>;
  firstPublished?: boolean;
}) {
  const { t, send } = usePage();
  // The background's push: every change of the stored state redraws from a fresh status.
  const revision = useChanges();
  const {
    value: status,
    error: loadError,
    reload,
    apply,
  } = useLoad(() => send({ type: 'getStatus' }), [send, revision], first, { readOnMount: firstPublished });
  const account = useLoad(() => send({ type: 'getAccount' }), [send, revision, status?.state]);

  // Draw what is known at once, then ask the gateway once: a popup opened after a drop shows the drop.
  const checked = useRef(false);
  useEffect(() => {
    if (!status || checked.current) return;
    checked.current = true;
    if (status.vpnEnabled) void send({ type: 'checkConnection' }).then(apply);
  }, [status, send, apply]);

  // How fast the popup is usable: `bench/popup.mjs` measures navigation start to this mark.
  const drawn = useRef(false);
  useLayoutEffect(() => {
    if (!status || drawn.current) return;
    drawn.current = true;
    // What was drawn, and from where: the e2e tests check the published status drawn after a worker stop.
    performance.mark(FIRST_STATUS_MARK, { detail: { state: status.state, published: firstPublished } });
  }, [status, firstPublished]);

  const vpn = useAction(async (enabled: boolean) => {
    const reply = await send({ type: 'setVpnEnabled', enabled });
    apply(reply);
    return reply;
  });
  const setVpn = (enabled: boolean) => void vpn.run(enabled);
  const error = vpn.error ?? loadError;
  const linked = account.value?.linked === true;

  return (
    <main class="popup">
      <header>
        <img src="/icons/icon-48.png" alt="" width="24" height="24" />
        <h1>{t('extName')}</h1>
        <nav class="header-links">
          <button
            type="button"
            class="icon-button"
            data-testid="account-button"
            title={account.value?.email ?? t('popupAccount')}
            onClick={() =>
              void (linked ? send({ type: 'openPortal', page: 'home' }) : browser.runtime.openOptionsPage())
            }
          >
            <Person />
            <span>{t('popupAccount')}</span>
          </button>
          <button
            type="button"
            class="icon-button"
            data-testid="settings-button"
            onClick={() => void browser.runtime.openOptionsPage()}
          >
            <Gear />
            <span>{t('openSettings')}</span>
          </button>
        </nav>
      </header>
      {error ? (
        <p class="notice error" role="alert">
          {t(error.messageKey, error.substitutions)}
        </p>
      ) : null}
      <StartProblems />
      {status ? (
        <>
          <ConnectionPanel status={status} busy={vpn.busy} onToggle={() => setVpn(!status.vpnEnabled)} />
          {status.state === 'limit' ? (
            <LimitPanel
              status={status}
              account={account.value}
              now={Date.now()}
              onTurnOff={() => setVpn(false)}
            />
          ) : null}
          <AccountLine
            status={status}
            account={account.value}
            onAccount={account.apply}
            onChanged={() => void reload()}
          />
          <RegionPicker status={status} account={account.value} onChanged={() => void reload()} />
          <SitePanel />
          <ProtectionPanel killSwitch={status.killSwitch} onChanged={() => void reload()} />
        </>
      ) : error ? null : (
        <p class="muted loading">{t('loading')}</p>
      )}
      <footer>
        <span class="muted" data-testid="version">
          {status ? t('versionLabel', [status.version]) : ''}
        </span>
      </footer>
    </main>
  );
}

// The popup is first drawn with its status (asked for by popup/early.ts while the page loaded): no "Loading"
// render, then an effect after the next paint, then a second render (speed budget, issue 16).
Popup.firstRead = { type: 'getStatus' } as const;
