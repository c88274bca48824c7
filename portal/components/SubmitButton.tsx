import type { JSX } from 'preact';
import { t } from '../i18n';

interface SubmitButtonProps {
  busy: boolean;
  label: string;
  type?: 'submit' | 'button';
  variant?: 'primary' | 'secondary' | 'danger';
  onClick?: () => void;
  testId?: string;
}

/** Disabled while its request runs and says so, so nothing is sent twice and nothing looks dead. */
export function SubmitButton({
  busy,
  label,
  type = 'submit',
  variant = 'primary',
  onClick,
  testId,
}: SubmitButtonProps): JSX.Element {
  return (
    <button
      type={type}
      class={variant === 'primary' ? undefined : variant}
      disabled={busy}
      aria-busy={busy}
      onClick={onClick}
      data-testid={testId}
    >
      {busy ? t('portal_working') : label}
    </button>
  );
}
