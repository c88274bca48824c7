import { z } from 'zod';
import { email, isoDate, opaqueToken, password, recoveryCode, totpCode, uuid } from './common';

export const signUpRequest = z.strictObject({ email, password });
/** The same answer whether or not the address already has an account (no enumeration). */
export const signUpResponse = z.object({ status: z.literal('verificationSent') });

export const verifyEmailRequest = z.strictObject({ token: opaqueToken });
export const verifyEmailResponse = z.object({ status: z.literal('verified') });

export const resendVerificationRequest = z.strictObject({ email });

export const signInRequest = z.strictObject({ email, password, rememberMe: z.boolean().default(false) });
export const accountView = z.object({
  id: uuid,
  email: z.string(),
  emailVerified: z.boolean(),
  twoFactorEnabled: z.boolean(),
  createdAt: isoDate,
});
export type AccountView = z.infer<typeof accountView>;

/** Signed in: the session cookie is set; `csrfToken` goes into the `x-rampart-csrf` header of every write. */
export const signedIn = z.object({
  status: z.literal('signedIn'),
  account: accountView,
  csrfToken: z.string(),
});
/** Password accepted, second step needed: present `pendingToken` with a TOTP or recovery code. */
export const twoFactorPending = z.object({
  status: z.literal('twoFactorRequired'),
  pendingToken: z.string(),
  expiresAt: isoDate,
});
export const signInResponse = z.discriminatedUnion('status', [signedIn, twoFactorPending]);

export const signInTwoFactorRequest = z.union([
  z.strictObject({ pendingToken: opaqueToken, code: totpCode }),
  z.strictObject({ pendingToken: opaqueToken, recoveryCode }),
]);
export const signInTwoFactorResponse = signedIn;

export const currentAccountResponse = z.object({ account: accountView, csrfToken: z.string() });

export const passwordResetRequest = z.strictObject({ email });
export const passwordResetRequested = z.object({ status: z.literal('resetEmailSent') });
export const passwordResetConfirm = z.strictObject({ token: opaqueToken, password });

export const changePasswordRequest = z.strictObject({ currentPassword: password, newPassword: password });

export const twoFactorSetupResponse = z.object({ secret: z.string(), otpauthUri: z.string() });
export const twoFactorConfirmRequest = z.strictObject({ code: totpCode });
/** Shown once: only hashes are kept. */
export const twoFactorConfirmResponse = z.object({ recoveryCodes: z.array(z.string()).length(10) });
export const twoFactorDisableRequest = z.strictObject({ password, code: totpCode });

export const sessionView = z.object({
  id: uuid,
  createdAt: isoDate,
  lastSeenAt: isoDate,
  expiresAt: isoDate,
  persistent: z.boolean(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  current: z.boolean(),
});
export const sessionsResponse = z.object({ sessions: z.array(sessionView) });
export const sessionIdParams = z.strictObject({ id: uuid });
