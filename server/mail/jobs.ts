import { z } from 'zod';

/**
 * What the account service asks the mail worker to do. Jobs name people by address or id, never carry a
 * link: the worker makes the token itself, so no usable secret sits in the queue table, and the request
 * that queued the job does the same work (one insert) whether or not the address has an account.
 */
export const mailJob = z.discriminatedUnion('kind', [
  /** Just signed up: a verification link. */
  z.object({ kind: z.literal('verifyEmail'), userId: z.uuid() }),
  /** "Send the link again": a fresh link when the address has an unverified account, nothing otherwise. */
  z.object({ kind: z.literal('resendVerification'), email: z.string() }),
  /** A reset link when the address has an account, nothing otherwise. */
  z.object({ kind: z.literal('passwordReset'), email: z.string() }),
  /** Someone signed up with an address that already has an account. */
  z.object({ kind: z.literal('alreadyRegistered'), email: z.string() }),
  z.object({ kind: z.literal('passwordChanged'), email: z.string() }),
]);
export type MailJob = z.infer<typeof mailJob>;
