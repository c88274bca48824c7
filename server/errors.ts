import type { ApiErrorCode } from '../src/api/errors';

/**
 * The one error type services throw for an expected failure. Routes never catch it: the error handler
 * turns it into `{ error: { code, message, details } }` with the status below.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const httpStatus: Record<ApiErrorCode, number> = {
  malformedJson: 400,
  invalidRequest: 400,
  payloadTooLarge: 413,
  unsupportedMediaType: 415,
  notFound: 404,
  unauthenticated: 401,
  csrfFailed: 403,
  forbidden: 403,
  invalidCredentials: 401,
  emailNotVerified: 403,
  twoFactorRequired: 401,
  invalidTwoFactorCode: 401,
  twoFactorAlreadyEnabled: 409,
  twoFactorNotSetUp: 409,
  weakPassword: 400,
  invalidToken: 400,
  tooManyRequests: 429,
  deviceLimit: 403,
  deviceNotLinked: 409,
  deviceAlreadyLinked: 409,
  dailyLimitReached: 403,
  invalidActivationCode: 400,
  subscriptionRequired: 403,
  commandQueueFull: 409,
  detectionsGrouped: 409,
  internal: 500,
};

// Shared wording, so that a wrong email and a wrong password read the same.
export const invalidCredentials = () =>
  new ApiError('invalidCredentials', 'The email or password is incorrect.');
export const unauthenticated = () => new ApiError('unauthenticated', 'Sign in first.');
export const invalidToken = () =>
  new ApiError('invalidToken', 'This link or token is invalid or has expired.');
