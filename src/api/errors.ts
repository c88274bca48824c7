import { z } from 'zod';

/** Every error code the account API can answer with; clients branch on these, never on messages. */
export const apiErrorCodes = [
  'malformedJson',
  'invalidRequest',
  'payloadTooLarge',
  'unsupportedMediaType',
  'notFound',
  'unauthenticated',
  'csrfFailed',
  'forbidden',
  'invalidCredentials',
  'emailNotVerified',
  'twoFactorRequired',
  'invalidTwoFactorCode',
  'twoFactorAlreadyEnabled',
  'twoFactorNotSetUp',
  'weakPassword',
  'invalidToken',
  'tooManyRequests',
  'deviceLimit',
  'deviceNotLinked',
  'deviceAlreadyLinked',
  'dailyLimitReached',
  'invalidActivationCode',
  'subscriptionRequired',
  'commandQueueFull',
  'detectionsGrouped',
  'internal',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export const apiErrorBody = z.object({
  error: z.object({
    code: z.enum(apiErrorCodes),
    message: z.string(),
    /** Extra facts for the client: failed password rules, validation issues, retry delay… */
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBody>;
