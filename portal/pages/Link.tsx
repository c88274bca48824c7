import type { JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure, api, toFailure } from '../api';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { SubmitButton } from '../components/SubmitButton';
import { extensionAccepted, sendToExtension } from '../extension';
import { useLocation } from '../router';
import { t } from '../i18n';
import { isExtensionId } from '../../src/messages/external';

type State = { status: 'working' } | { status: 'done' } | { status: 'failed'; error: ApiFailure };

/**
 * The extension's hand-off: it opened this page with a random `state` and its id; the signed-in portal asks
 * for a one-time link code and gives it back with that state, so only the extension that asked can use it.
 */
export function LinkExtension(): JSX.Element {
  const { query } = useLocation();
  const state = query.get('state') ?? '';
  const extensionId = query.get('extensionId') ?? '';
  const [result, setResult] = useState<State>({ status: 'working' });
  const running = useRef(false);

  const connect = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setResult({ status: 'working' });
    try {
      if (state.length < 16 || !isExtensionId(extensionId))
        throw new ApiFailure('invalidRequest', t('portal_errors_badLink'));
      const { code } = await api.linkCode();
      let reply: unknown;
      try {
        reply = await sendToExtension(extensionId, { type: 'linkCode', code, state });
      } catch {
        throw new ApiFailure('unexpected', t('portal_link_noExtension'));
      }
      if (!extensionAccepted(reply)) throw new ApiFailure('unexpected', t('portal_link_refused'));
      setResult({ status: 'done' });
    } catch (error) {
      setResult({ status: 'failed', error: toFailure(error) });
    } finally {
      running.current = false;
    }
  }, [state, extensionId]);

  useEffect(() => void connect(), [connect]);

  return (
    <section>
      <PageTitle>{t('portal_link_title')}</PageTitle>
      {result.status === 'working' ? <p role="status">{t('portal_link_working')}</p> : null}
      {result.status === 'done' ? <SuccessNotice>{t('portal_link_done')}</SuccessNotice> : null}
      {result.status === 'failed' ? (
        <>
          <ErrorNotice error={result.error} />
          <SubmitButton
            type="button"
            busy={false}
            label={t('portal_link_retry')}
            onClick={() => void connect()}
          />
        </>
      ) : null}
    </section>
  );
}
