import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { strings } from '../strings';

/** The page's heading: names the tab and takes focus, so a keyboard or screen-reader user starts on the new page. */
export function PageTitle({ children }: { children: string }): JSX.Element {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · ${strings.brand}`;
    heading.current?.focus({ preventScroll: true });
  }, [children]);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}
