import type { JSX } from 'preact';
import type { ApiFailure } from '../api';

/** A failed request, shown next to the form that sent it; screen readers announce it. */
export function ErrorNotice({ error }: { error: ApiFailure | null }): JSX.Element | null {
  if (error === null) return null;
  return (
    <div class="notice error" role="alert" data-testid="form-error">
      {error.fields.length > 0 ? (
        error.fields.map((sentence) => <p key={sentence}>{sentence}</p>)
      ) : (
        <p>{error.message}</p>
      )}
      {error.rules.length > 0 ? (
        <ul>
          {error.rules.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function SuccessNotice({ children }: { children: string }): JSX.Element {
  return (
    <p class="notice success" role="status">
      {children}
    </p>
  );
}
