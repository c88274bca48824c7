import { usePage } from '../src/ui';

/** Shown instead of a blocked site. The blocked address arrives in the `url` query parameter. */
export function Warning() {
  const { t } = usePage();
  const blocked = new URLSearchParams(location.search).get('url') ?? '';
  return (
    <main style={{ maxWidth: '640px', margin: '3rem auto', padding: '0 1rem' }}>
      <h1>{t('warningTitle')}</h1>
      <p data-testid="blocked-url">{blocked}</p>
      <button type="button" onClick={() => history.back()}>
        {t('goBack')}
      </button>
    </main>
  );
}
