import type { z } from 'zod';
import type { FieldAliases } from '../src/fieldMessages';
import { fieldFailure } from './api';

/**
 * Checks a form against the request's own contract before it is sent, so an empty field is explained at once
 * and in the same words as when the service refuses it.
 */
export function requireValid(schema: z.ZodType, input: unknown, aliases?: FieldAliases): void {
  const result = schema.safeParse(input);
  if (!result.success) throw fieldFailure(result.error.issues, input, aliases);
}
