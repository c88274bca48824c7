import { useEffect, useRef } from 'preact/hooks';
import { usePage } from '../src/ui';
import { NavIcon } from './NavIcon';
import { sections, type SectionId } from './sections';

/**
 * The sections as links: a column beside the page from 720 px, a strip that scrolls sideways above it on a
 * narrow screen (the current one kept in view). The current one is marked `aria-current="page"`.
 */
export function OptionsNav({ current }: { current: SectionId }) {
  const { t } = usePage();
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const link = list.current?.querySelector<HTMLElement>('[aria-current="page"]');
    link?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [current]);
  return (
    <nav class="options-nav" aria-label={t('optionsNavLabel')}>
      <ul ref={list}>
        {sections.map((section) => (
          <li key={section.id}>
            <a
              href={`#${section.id}`}
              data-section={section.id}
              aria-current={section.id === current ? 'page' : undefined}
            >
              <NavIcon section={section.id} />
              <span>{t(section.nav)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
