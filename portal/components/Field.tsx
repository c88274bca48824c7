import type { ComponentChildren, JSX } from 'preact';

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onInput(value: string): void;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email';
  required?: boolean;
  disabled?: boolean;
  /** Marks the field for screen readers (and the eye) when the last attempt named it as wrong. */
  invalid?: boolean | undefined;
  /** Ids of hints or rule lists that describe the field to screen readers. */
  describedBy?: string;
  children?: ComponentChildren;
}

/** A labelled input: every field has a visible label tied to it. */
export function Field(props: FieldProps): JSX.Element {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.id}
        // Preact 11 types each input `type` apart; these three share every attribute used here.
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        required={props.required ?? true}
        disabled={props.disabled ?? false}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid === true ? true : undefined}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      {props.children}
    </div>
  );
}
