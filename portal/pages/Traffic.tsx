import type { JSX } from 'preact';
import { PageTitle } from '../components/PageTitle';
import { strings } from '../strings';

/** Kept as a route so the extension's "traffic" link lands somewhere; the report itself comes with its own issue. */
export function Traffic(): JSX.Element {
  return (
    <section>
      <PageTitle>{strings.traffic.title}</PageTitle>
      <p class="notice info">{strings.traffic.coming}</p>
    </section>
  );
}
