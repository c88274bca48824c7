import type { JSX } from 'preact';

export interface ToggleProps {
  id: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  hint?: string;
  onChange(checked: boolean): void;
}

/** A labelled switch: a real checkbox underneath, so keyboard and screen readers work. */
export function Toggle({ id, label, checked, disabled = false, hint, onChange }: ToggleProps): JSX.Element {
  return (
    <label class="toggle" for={id}>
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span class="toggle-text">
        <span class="toggle-label">{label}</span>
        {hint ? <span class="toggle-hint">{hint}</span> : null}
      </span>
    </label>
  );
}
