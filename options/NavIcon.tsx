import type { SectionId } from './sections';

/** Simple line drawings, one per section, in the text colour of the link they sit in. */
const shapes: Record<SectionId, string> = {
  general: 'M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0M16 4v4M10 10v4M18 16v4',
  'site-rules': 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M3 12h18M12 3c-3 3-3 15 0 18M12 3c3 3 3 15 0 18',
  categories: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  'web-protection': 'M12 3l8 3v6c0 4.5-3.4 8-8 9c-4.6-1-8-4.5-8-9V6zM8.5 12l2.5 2.5l4.5-5',
  account: 'M12 4a4 4 0 1 0 0 8a4 4 0 1 0 0-8M4 21c1-4 4.5-6 8-6s7 2 8 6',
  'own-gateway': 'M4 4h16v6H4zM4 14h16v6H4zM8 7h0M8 17h0',
  backup: 'M4 7h16v13H4zM3 4h18v3H3zM12 10v7M9 14l3 3l3-3',
  about: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 11v6M12 7.5v0',
};

export function NavIcon({ section }: { section: SectionId }) {
  return (
    <svg
      class="nav-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d={shapes[section]} />
    </svg>
  );
}
