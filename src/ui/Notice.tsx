import type { ComponentChildren, JSX } from 'preact';

export type NoticeKind = 'error' | 'success' | 'info' | 'warn';

export interface NoticeProps {
  kind: NoticeKind;
  children: ComponentChildren;
  testId?: string;
}

/**
 * A boxed message. An error interrupts (role "alert"); the others are read out when they appear without
 * taking focus (role "status").
 */
export function Notice({ kind, children, testId }: NoticeProps): JSX.Element {
  return (
    <div class={`notice ${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}
