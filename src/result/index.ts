/** The one shape every fallible operation returns across a boundary: never a thrown error. */
export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

/** An error a user can be shown: a stable code for logic and tests, an i18n key and its substitutions for people. */
export interface AppError {
  code: string;
  messageKey: string;
  substitutions?: string[];
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

export const appError = (code: string, messageKey: string, substitutions?: string[]): AppError =>
  substitutions === undefined ? { code, messageKey } : { code, messageKey, substitutions };
