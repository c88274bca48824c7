import type { ComponentChildren, JSX } from 'preact';
import { t } from '../i18n';
import { PageTitle } from './PageTitle';

// The outbox exists only on a development service; a loopback address is the sign of one.
const isDevelopment = () => ['127.0.0.1', 'localhost', '[::1]'].includes(location.hostname);

function DevOutboxLink(): JSX.Element | null {
  if (!isDevelopment()) return null;
  return (
    <p class="notice info">
      <a href="/dev/outbox" data-testid="dev-outbox">
        {t('portal_devOutbox')}
      </a>
    </p>
  );
}

/** The page once a mail has gone out: what was sent where, and on a development service the outbox link. */
export function MailSent(props: { title: string; testId: string; children: ComponentChildren }): JSX.Element {
  return (
    <section>
      <PageTitle>{props.title}</PageTitle>
      <p data-testid={props.testId}>{props.children}</p>
      <DevOutboxLink />
    </section>
  );
}
