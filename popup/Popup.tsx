import { useEffect, useRef } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { useAction, useChanges, useLoad, usePage } from '../src/ui';
import { AccountLine } from './AccountLine';
import { ConnectionPanel } from './ConnectionPanel';
import { LimitPanel } from './LimitPanel';
import { ProtectionPanel } from './ProtectionPanel';
import { RegionPicker } from './RegionPicker';
import { SitePanel } from './SitePanel';
import { StartProblems } from './StartProblems';

export function Popup() {
  const { t, send } = usePage();
  // The background's push: every change of the stored state redraws from a fresh status.
  const revision = useChanges();
  const loaded = useLoad(() => send({ type: 'getStatus' }), [send, revision]);
  const { value: status, error: loadError, reload, apply } = loaded;

  // Draw what is known at once, then ask the gateway once: a popup opened after a drop shows the drop.
  const checked = useRef(false);
  useEffect(() => {
    if (!status || checked.current) return;
    checked.current = true;
    if (status.vpnEnabled) void send({ type: 'checkConnection' }).then(apply);
  }, [status, send, apply]);

  const vpn = useAction(async (enabled: boolean) => {
    const reply = await send({ type: 'setVpnEnabled', enabled });
    apply(reply);
    return reply;
  });
  const setVpn = (enabled: boolean) => void vpn.run(enabled);
  const error = vpn.error ?? loadError;
  const busy = vpn.busy;

  return (
    <main class="popup">
      <header>
        <img src="/icons/icon-48.png" alt="" />
        <h1>{t('extName')}</h1>
      </header>
      {error ? (
        <p class="notice error" role="alert">
          {t(error.messageKey, error.substitutions)}
        </p>
      ) : null}
      <StartProblems />
      {status ? (
        <>
          <ConnectionPanel status={status} busy={busy} onToggle={() => setVpn(!status.vpnEnabled)} />
          {status.state === 'limit' ? (
            <LimitPanel status={status} now={Date.now()} onTurnOff={() => setVpn(false)} />
          ) : null}
          <AccountLine status={status} onChanged={() => void reload()} />
          <RegionPicker status={status} onChanged={() => void reload()} />
          <SitePanel />
          {status.protectionEnabled ? null : (
            <p class="notice warning" role="status" data-testid="protection-off-warning">
              {t('protectionOffWarning')}
            </p>
          )}
          <ProtectionPanel />
        </>
      ) : error ? null : (
        <p class="muted">{t('loading')}</p>
      )}
      <footer>
        <span class="muted" data-testid="version">
          {status ? t('versionLabel', [status.version]) : ''}
        </span>
        <button type="button" class="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openSettings')}
        </button>
      </footer>
    </main>
  );
}
