import type { ComponentChildren } from 'preact';

/** A titled group of controls inside a section (Notifications under General, Allowed sites under Web protection). */
export function Group({
  id,
  title,
  hint,
  testId,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  testId?: string;
  children: ComponentChildren;
}) {
  return (
    <section class="group" aria-labelledby={`${id}-heading`} data-testid={testId}>
      <h3 id={`${id}-heading`}>{title}</h3>
      {hint ? <p class="group-hint">{hint}</p> : null}
      {children}
    </section>
  );
}
