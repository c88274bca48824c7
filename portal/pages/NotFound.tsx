import type { JSX } from 'preact';
import { PageTitle } from '../components/PageTitle';
import { paths } from '../paths';
import { Link } from '../router';
import { t } from '../i18n';

export function NotFound(): JSX.Element {
  return (
    <section>
      <PageTitle>{t('portal_notFound_title')}</PageTitle>
      <p data-testid="not-found">{t('portal_notFound_explain')}</p>
      <p>
        <Link href={paths.home}>{t('portal_notFound_back')}</Link>
      </p>
    </section>
  );
}
