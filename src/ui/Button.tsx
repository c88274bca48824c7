import type { ComponentProps, JSX } from 'preact';

export type ButtonVariant = 'primary' | 'secondary' | 'link';

export type ButtonProps = Omit<ComponentProps<'button'>, 'class' | 'className'> & {
  variant?: ButtonVariant;
  /** Disables the button and tells assistive technology that its work is under way. */
  busy?: boolean;
};

/**
 * The one button of the extension's pages: primary for the action a form exists for, secondary beside it,
 * link for a way out of the page (portal, help). `type` defaults to "button" so that no button submits a
 * form by accident.
 */
export function Button({
  variant = 'primary',
  busy = false,
  type = 'button',
  disabled,
  ...rest
}: ButtonProps): JSX.Element {
  return (
    <button
      {...rest}
      type={type}
      class={variant === 'primary' ? undefined : variant}
      disabled={Boolean(disabled) || busy}
      aria-busy={busy || undefined}
    />
  );
}
