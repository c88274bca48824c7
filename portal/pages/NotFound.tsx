import type { JSX } from 'preact';
import { PageTitle } from '../components/PageTitle';
import { paths } from '../paths';
import { Link } from '../router';
import { strings } from '../strings';

export function NotFound(): JSX.Element {
  return (
    <section>
      <PageTitle>{strings.notFound.title}</PageTitle>
      <p data-testid="not-found">{strings.notFound.explain}</p>
      <p>
        <Link href={paths.home}>{strings.notFound.back}</Link>
      </p>
    </section>
  );
}
