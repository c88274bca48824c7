import { useEffect, useState } from 'preact/hooks';
import { viewFromHash } from '../src/ui';
import { sectionIds, type SectionId } from './sections';

/** The section the URL hash names; follows the hash as the navigation links (or Back/Forward) change it. */
export function useHashSection(): SectionId {
  const read = () => viewFromHash(location.hash, sectionIds, 'general');
  const [current, setCurrent] = useState<SectionId>(read);
  useEffect(() => {
    const follow = () => {
      setCurrent(read());
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return current;
}
