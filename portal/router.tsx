// A tiny history-API router: the portal has a handful of flat paths, so a library would add nothing.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
window.addEventListener('popstate', notify);

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

export interface Location {
  path: string;
  query: URLSearchParams;
  /** Path and query, to come back to after signing in. */
  href: string;
}

const current = (): Location => ({
  path: location.pathname,
  query: new URLSearchParams(location.search),
  href: location.pathname + location.search,
});

export function useLocation(): Location {
  const [value, setValue] = useState(current);
  useEffect(() => {
    const update = () => setValue(current());
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return value;
}

/** Only same-site paths, so a crafted `?next=` cannot send people elsewhere after signing in. */
export const safeReturnPath = (value: string | null): string | null =>
  value !== null && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')
    ? value
    : null;

interface LinkProps {
  href: string;
  children: ComponentChildren;
  class?: string;
  'aria-current'?: 'page' | undefined;
  'data-testid'?: string;
}

/** A real link (middle-click, copy address) that changes page without reloading the app. */
export function Link({ href, children, ...rest }: LinkProps): JSX.Element {
  return (
    <a
      href={href}
      class={rest.class}
      aria-current={rest['aria-current']}
      data-testid={rest['data-testid']}
      onClick={(event) => {
        if (
          event.defaultPrevented ||
          event.button !== 0 ||
          event.metaKey ||
          event.ctrlKey ||
          event.shiftKey ||
          event.altKey
        )
          return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
