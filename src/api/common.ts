import { z } from 'zod';
import { text } from './storable';

/** Emails are compared case-insensitively: trimmed and lower-cased before anything else sees them. */
export const email = text()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((value) => value.toLowerCase());

// The password's own rules are checked by the service, so each failed rule can be reported; the schema
// only bounds the size so a huge body never reaches the hasher.
export const password = text().min(1).max(1024);

/** Opaque bearer secrets (session, refresh, reset, link tokens): base64url, bounded. */
export const opaqueToken = text()
  .min(16)
  .max(256)
  .regex(/^[A-Za-z0-9_-]+$/, 'expected a base64url token');

export const totpCode = text()
  .trim()
  .regex(/^[0-9]{6}$/, 'expected a 6-digit code');
export const recoveryCode = text().trim().min(8).max(32);

export const isoDate = z.iso.datetime();
export const uuid = z.uuid();

export const tier = z.enum(['anonymous', 'free', 'unlimited']);
export type Tier = z.infer<typeof tier>;
