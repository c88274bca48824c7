import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { describeBrowser } from '../../describeBrowser';
import { ErrorNotice, SuccessNotice } from '../../components/ErrorNotice';
import { SubmitButton } from '../../components/SubmitButton';
import { dateTime, t } from '../../i18n';
import { useAction } from '../../useAction';
import { useLoad } from '../../useLoad';

type Session = Awaited<ReturnType<typeof api.sessions>>[number];

/** Every signed-in session of the account; this one is marked and signed out from the header instead. */
export function Sessions(): JSX.Element {
  const { state, reload } = useLoad(api.sessions);
  const [notice, setNotice] = useState<string | null>(null);
  const others = state.status === 'ready' ? state.value.filter((s) => !s.current) : [];
  const revokeOthers = useAction(async () => {
    // No bulk endpoint: one revoke per session, then show what the service now holds.
    for (const session of others) await api.revokeSession(session.id);
    setNotice(t('portal_security_othersRevoked'));
    await reload();
  });
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('portal_security_sessionsTitle')}</h2>
      {notice !== null ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {state.status === 'loading' ? <p role="status">{t('portal_loading')}</p> : null}
      {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
      {state.status === 'ready' ? (
        <ul class="list" data-testid="sessions">
          {state.value.map((session) => (
            <SessionRow key={session.id} session={session} onRevoked={reload} />
          ))}
        </ul>
      ) : null}
      {others.length > 0 ? (
        <>
          <SubmitButton
            type="button"
            variant="secondary"
            busy={revokeOthers.busy}
            label={t('portal_security_revokeOthers')}
            onClick={() => void revokeOthers.run()}
          />
          <ErrorNotice error={revokeOthers.error} />
        </>
      ) : null}
    </section>
  );
}

function SessionRow({ session, onRevoked }: { session: Session; onRevoked(): Promise<void> }): JSX.Element {
  const revoke = useAction(async () => {
    await api.revokeSession(session.id);
    await onRevoked();
  });
  return (
    <li data-testid="session" data-current={String(session.current)}>
      <h3 class="item-title" title={session.userAgent ?? undefined}>
        {(session.userAgent !== null ? describeBrowser(session.userAgent) : null) ??
          t('portal_security_unknownBrowser')}
        {session.current ? <span class="badge">{t('portal_security_thisSession')}</span> : null}
      </h3>
      <dl class="facts">
        {session.ip !== null ? (
          <>
            <dt>IP</dt>
            <dd>{session.ip}</dd>
          </>
        ) : null}
        <dt>{t('portal_security_started')}</dt>
        <dd>{dateTime(session.createdAt)}</dd>
        <dt>{t('portal_security_lastActive')}</dt>
        <dd>{dateTime(session.lastSeenAt)}</dd>
      </dl>
      {session.persistent ? <p class="muted">{t('portal_security_remembered')}</p> : null}
      {!session.current ? (
        <SubmitButton
          type="button"
          variant="secondary"
          busy={revoke.busy}
          label={t('portal_security_revoke')}
          onClick={() => void revoke.run()}
        />
      ) : null}
      <ErrorNotice error={revoke.error} />
    </li>
  );
}
