import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ConnectionStatus } from '../src/status';
import type { AppError } from '../src/result';
import { usePage } from '../src/ui';

export function Popup() {
  const { t, send } = usePage();
  const [status, setStatus] = useState<ConnectionStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void send({ type: 'getStatus' }).then((reply) =>
      reply.ok ? setStatus(reply.value) : setError(reply.error),
    );
  }, [send]);

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
      {status ? (
        <section aria-live="polite">
          <p class="state" data-testid="connection-state" data-state={status.state}>
            {t(`state_${status.state}`)}
          </p>
          <p data-testid="protection-state">
            {t(status.protectionEnabled ? 'protectionOn' : 'protectionOff')}
          </p>
        </section>
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
