import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { AppError } from '../src/result';
import { blockedReason, type ConnectionStatus } from '../src/status';
import { formatMoment } from '../src/format';
import { useChanges, usePage } from '../src/ui';

/** The page that did not load, from `?url=` (set by the background when it shows this page). */
const blockedUrl = (): string => new URLSearchParams(location.search).get('url') ?? '';

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/**
 * Shown instead of the browser's proxy error when the VPN kept a page from loading: why (limit reached,
 * gateway unreachable, signed out), and the ways on. The state is read live, so the reason stays true while
 * the page is open (e.g. "The VPN works again" after a reconnect).
 */
export function Blocked() {
  const { t, send, language = 'en' } = usePage();
  const revision = useChanges();
  const url = blockedUrl();
  const [status, setStatus] = useState<ConnectionStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const show = useCallback(
    (reply: { ok: true; value: ConnectionStatus } | { ok: false; error: AppError }) => {
      if (reply.ok) setStatus(reply.value);
      else setError(reply.error);
    },
    [],
  );
  useEffect(() => {
    void send({ type: 'getStatus' }).then(show);
  }, [send, show, revision]);

  const tryAgain = () => location.replace(url);
  const turnOff = async () => {
    const reply = await send({ type: 'setVpnEnabled', enabled: false });
    if (reply.ok) tryAgain();
    else setError(reply.error);
  };

  const reason = status ? blockedReason(status) : null;
  const explain = () => {
    if (!status || !reason) return '';
    if (status.state === 'limit') {
      const until = formatMoment(status.resetAt, language, Date.now());
      return t(status.killSwitch ? 'blocked_limit' : 'blocked_limitUnprotected', [until]);
    }
    return t(`blocked_${reason}`);
  };

  return (
    <main class="blocked">
      <div class="blocked-card">
        <h1>{t('blockedTitle')}</h1>
        <p class="blocked-url" data-testid="blocked-url">
          {url}
        </p>
        {status ? (
          <p data-testid="blocked-reason" data-reason={reason}>
            {explain()}
          </p>
        ) : null}
        {status && status.state !== 'on' && status.state !== 'off' ? (
          <p class="muted">{t('blockedNothingSent', [hostOf(url)])}</p>
        ) : null}
        {error ? (
          <p class="notice error" role="alert">
            {t(error.messageKey, error.substitutions)}
          </p>
        ) : null}
        <div class="actions">
          <button type="button" data-testid="blocked-try-again" onClick={tryAgain}>
            {t('blockedTryAgain')}
          </button>
          {status?.vpnEnabled ? (
            <button
              type="button"
              class="secondary"
              data-testid="blocked-turn-off"
              onClick={() => void turnOff()}
            >
              {t('blockedTurnOff')}
            </button>
          ) : null}
          <button
            type="button"
            class="link"
            data-testid="blocked-settings"
            onClick={() => void browser.runtime.openOptionsPage()}
          >
            {t('blockedSettings')}
          </button>
        </div>
      </div>
    </main>
  );
}
