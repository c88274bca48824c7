import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ThreatInfo } from '../src/messages';
import { formatMinutes } from '../src/format';
import type { AppError } from '../src/result';
import { PROCEED_ALLOWANCE_MINUTES } from '../src/threats/proceedAllowance';
import { usePage } from '../src/ui';
import { blockedUrlFrom } from './blockedUrl';

type Report = 'idle' | 'sending' | 'sent' | AppError;

/** Shown instead of a dangerous site, before any request to it left the browser. */
export function Warning() {
  const { t, send, language } = usePage();
  const allowance = formatMinutes(PROCEED_ALLOWANCE_MINUTES, language);
  const url = blockedUrlFrom(location.href);
  const [info, setInfo] = useState<ThreatInfo | null | undefined>(undefined);
  const [error, setError] = useState<AppError | null>(null);
  const [report, setReport] = useState<Report>('idle');

  useEffect(() => {
    void send({ type: 'warningShown', url }).then((reply) =>
      reply.ok ? setInfo(reply.value) : setError(reply.error),
    );
  }, [send, url]);

  const leave = async () => {
    if (history.length > 1) return history.back();
    const tab = await browser.tabs.getCurrent();
    if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
  };
  const allowThen = async (type: 'proceedToSite' | 'alwaysAllowSite') => {
    const reply = await send({ type, url });
    if (reply.ok) location.replace(url);
    else setError(reply.error);
  };
  const sendReport = async () => {
    setReport('sending');
    const reply = await send({ type: 'reportFalsePositive', url });
    setReport(reply.ok ? 'sent' : reply.error);
  };

  return (
    <main class="warning">
      <div class="warning-card">
        <img src="/icons/icon-128.png" alt="" width={64} height={64} />
        <h1>{t('warningTitle')}</h1>
        <p>{t('warningExplain')}</p>
        <p class="blocked-url" data-testid="blocked-url">
          {url}
        </p>
        {info ? (
          <dl class="threat">
            <dt>{t('warningThreat')}</dt>
            <dd data-testid="threat-type">{t(`threat_${info.threat}`)}</dd>
            <dt>{t('warningList')}</dt>
            <dd data-testid="threat-list">{info.list}</dd>
          </dl>
        ) : info === null ? (
          <p class="muted">{t('warningNotListed')}</p>
        ) : null}
        {error ? (
          <p class="notice error" role="alert">
            {t(error.messageKey, error.substitutions)}
          </p>
        ) : null}
        <div class="actions">
          <button type="button" class="primary" data-testid="go-back" onClick={() => void leave()}>
            {t('goBack')}
          </button>
        </div>
        {/* The risky choices: quieter than "Go back", below it, with what they do spelled out. */}
        <div class="risky" role="group" aria-describedby="proceed-note">
          <button
            type="button"
            class="quiet"
            data-testid="proceed"
            onClick={() => void allowThen('proceedToSite')}
          >
            {t('warningProceedFor', [allowance])}
          </button>
          <button
            type="button"
            class="quiet"
            data-testid="always-allow"
            onClick={() => void allowThen('alwaysAllowSite')}
          >
            {t('warningAlwaysAllow')}
          </button>
          <p id="proceed-note" class="muted" data-testid="proceed-note">
            {t('warningProceedNote', [allowance])}
          </p>
        </div>
        <p>
          <button
            type="button"
            class="link"
            data-testid="report"
            disabled={report === 'sending' || report === 'sent'}
            onClick={() => void sendReport()}
          >
            {t('warningReport')}
          </button>
        </p>
        <p aria-live="polite" data-testid="report-outcome">
          {report === 'sent'
            ? t('warningReportSent')
            : typeof report === 'object'
              ? t(report.messageKey, report.substitutions)
              : ''}
        </p>
      </div>
    </main>
  );
}
