import type { JSX } from 'preact';

export interface TextInputProps {
  id: string;
  value: string | number;
  /** The new text on every keystroke. */
  onValue?: ((value: string) => void) | undefined;
  type?: 'text' | 'email' | 'password' | 'number' | 'search' | 'url';
  /** A monospaced face, for host names, codes and addresses. */
  code?: boolean;
  placeholder?: string | undefined;
  autocomplete?: string | undefined;
  inputMode?: 'text' | 'numeric' | 'email' | 'search' | 'url' | undefined;
  pattern?: string | undefined;
  required?: boolean | undefined;
  disabled?: boolean | undefined;
  min?: number | undefined;
  max?: number | undefined;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
  'aria-label'?: string | undefined;
}

/** A text box (text, email, password, number, search) styled as every other one on the page. */
export function TextInput({ onValue, code = false, type = 'text', ...rest }: TextInputProps): JSX.Element {
  return (
    <input
      {...rest}
      // Preact types each input type's attributes apart; the ones above are valid for every type listed.
      type={type as 'text'}
      class={code ? 'input code' : 'input'}
      // Host names, addresses and codes read left to right in every language (Arabic pages included).
      dir={code ? 'ltr' : undefined}
      onInput={onValue ? (event) => onValue(event.currentTarget.value) : undefined}
    />
  );
}
