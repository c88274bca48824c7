import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiFailure, toFailure } from '../api';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { PageTitle } from '../components/PageTitle';
import { paths } from '../paths';
import { Link, useLocation } from '../router';
import { t } from '../i18n';

type State = { status: 'working' } | { status: 'done' } | { status: 'failed'; error: ApiFailure };

/** The mailed link lands here: the token is spent at once, then the person is offered to sign in. */
export function VerifyEmail(): JSX.Element {
  const token = useLocation().query.get('token');
  const [state, setState] = useState<State>({ status: 'working' });
  const started = useRef(false);
  useEffect(() => {
    // Tokens are single-use: never send one twice, whatever re-renders.
    if (started.current) return;
    started.current = true;
    if (token === null || token === '') {
      setState({ status: 'failed', error: new ApiFailure('invalidToken', t('portal_errors_badLink')) });
      return;
    }
    api.verifyEmail(token).then(
      () => setState({ status: 'done' }),
      (error: unknown) => setState({ status: 'failed', error: toFailure(error) }),
    );
  }, [token]);

  return (
    <section>
      <PageTitle>{t('portal_verify_title')}</PageTitle>
      {state.status === 'working' ? <p role="status">{t('portal_verify_working')}</p> : null}
      {state.status === 'done' ? <SuccessNotice>{t('portal_verify_done')}</SuccessNotice> : null}
      {state.status === 'failed' ? <ErrorNotice error={state.error} /> : null}
      {state.status !== 'working' ? (
        <p>
          <Link href={paths.signIn} class="button-link" data-testid="verified-sign-in">
            {t('portal_verify_signIn')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
