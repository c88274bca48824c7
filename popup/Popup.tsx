import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { AppError } from '../src/result';
import type { ConnectionStatus } from '../src/status';
import { useChanges, usePage } from '../src/ui';
import { AccountLine } from './AccountLine';
import { ConnectionPanel } from './ConnectionPanel';
import { LimitPanel } from './LimitPanel';
import { ProtectionPanel } from './ProtectionPanel';
import { RegionPicker } from './RegionPicker';
import { SitePanel } from './SitePanel';
import { StartProblems } from './StartProblems';

export function Popup() {
  const { t, send } = usePage();
  const [status, setStatus] = useState<ConnectionStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  // The background's push: every change of the stored state redraws from a fresh status.
  const revision = useChanges();

  const show = useCallback(
    (reply: { ok: true; value: ConnectionStatus } | { ok: false; error: AppError }) => {
      if (reply.ok) {
        setStatus(reply.value);
        setError(null);
      } else setError(reply.error);
    },
    [],
  );

  useEffect(() => {
    // Draw what is known at once, then ask the gateway: a popup opened after a drop shows the drop.
    void send({ type: 'getStatus' }).then((reply) => {
      show(reply);
      if (reply.ok && reply.value.vpnEnabled) void send({ type: 'checkConnection' }).then(show);
    });
  }, [send, show]);

  useEffect(() => {
    if (revision > 0) void send({ type: 'getStatus' }).then(show);
  }, [send, show, revision]);

  const setVpn = async (enabled: boolean) => {
    setBusy(true);
    show(await send({ type: 'setVpnEnabled', enabled }));
    setBusy(false);
  };

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
          <ConnectionPanel status={status} busy={busy} onToggle={() => void setVpn(!status.vpnEnabled)} />
          {status.state === 'limit' ? (
            <LimitPanel status={status} now={Date.now()} onTurnOff={() => void setVpn(false)} />
          ) : null}
          <AccountLine status={status} onChanged={() => void send({ type: 'getStatus' }).then(show)} />
          <RegionPicker status={status} onChanged={() => void send({ type: 'getStatus' }).then(show)} />
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
