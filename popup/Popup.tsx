import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Reply } from '../src/messages/reply';
import type { ConnectionStatus } from '../src/status/states';
import { useAction, useChanges, useLoad, usePage } from '../src/ui';
import { AccountLine } from './AccountLine';
import { ConnectionPanel } from '../src/ui/popupTop/ConnectionPanel';
import { LimitPanel } from './LimitPanel';
import { markFirstStatus } from './marks';
import { PopupHeader } from '../src/ui/popupTop/PopupHeader';
import { ProtectionPanel } from './ProtectionPanel';
import { RegionPicker } from './RegionPicker';
import { SitePanel } from './SitePanel';
import { StartProblems } from './StartProblems';

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
  const { t, send, language } = usePage();
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
    // The first frame (./publishedFrame.ts) may have drawn it first: the first mark is the one measured.
    markFirstStatus({ state: status.state, published: firstPublished, language });
  }, [status, firstPublished, language]);

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
      <PopupHeader
        accountTitle={account.value?.email}
        onAccount={() =>
          void (linked ? send({ type: 'openPortal', page: 'home' }) : browser.runtime.openOptionsPage())
        }
        onSettings={() => void browser.runtime.openOptionsPage()}
      />
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
