import type { JSX } from 'preact';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

export interface SelectProps<T extends string> {
  id: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange(value: T): void;
  /** For a select with no visible label of its own (one per row of a list). */
  ariaLabel?: string;
  disabled?: boolean;
}

/** A drop-down whose values are typed: `onChange` only ever gets one of `options`. */
export function Select<T extends string>({
  id,
  value,
  options,
  onChange,
  ariaLabel,
  disabled = false,
}: SelectProps<T>): JSX.Element {
  return (
    <select
      id={id}
      class="select"
      value={value}
      disabled={disabled}
      aria-label={ariaLabel}
      onChange={(event) => {
        const chosen = options.find((option) => option.value === event.currentTarget.value);
        if (chosen) onChange(chosen.value);
      }}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
