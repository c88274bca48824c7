import type { ComponentChildren, JSX } from 'preact';

export interface FieldProps {
  /** The id of the control inside, which the label names. */
  id: string;
  label: string;
  /** One line under the control; give the control `aria-describedby={hintId(id)}`. */
  hint?: string | undefined;
  /** Why the value was refused, shown under the control in the error colour. */
  error?: string | null | undefined;
  /** A `data-testid` for the error line. */
  errorTestId?: string;
  children: ComponentChildren;
}

export const hintId = (id: string) => `${id}-hint`;

/** A labelled control with its hint and its error: the layout every form of the options page shares. */
export function Field({ id, label, hint, error, errorTestId, children }: FieldProps): JSX.Element {
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
      </label>
      {children}
      {hint ? (
        <p class="field-hint" id={hintId(id)}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" role="alert" data-testid={errorTestId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
