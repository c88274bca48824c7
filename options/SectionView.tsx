import type { ComponentChildren } from 'preact';
import { usePage } from '../src/ui';
import type { Section } from './sections';

/** One section of the page: its heading, its purpose in one line, then its controls. */
export function SectionView({ section, children }: { section: Section; children: ComponentChildren }) {
  const { t } = usePage();
  const heading = `${section.id}-heading`;
  return (
    <section class="options-section" aria-labelledby={heading} data-section={section.id}>
      <header class="section-header">
        <h2 id={heading}>{t(section.title)}</h2>
        <p class="section-purpose">{t(section.purpose)}</p>
      </header>
      {children}
    </section>
  );
}
