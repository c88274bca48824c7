import type { AppError, Result } from '../result';

/** What crosses between contexts: a value or a displayable error, never a thrown exception. */
export type Reply<T> = Result<T, AppError>;
