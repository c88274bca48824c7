import type { z } from 'zod';
import { ApiError } from '../errors';

/**
 * Parses request input with its contract; a failure becomes `invalidRequest` listing each problem with its
 * path, e.g. "email: Invalid email address; password: Required".
 */
export function parse<S extends z.ZodType>(schema: S, value: unknown, where = 'body'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || where,
    message:
      issue.code === 'invalid_type' && issue.message.includes('undefined') ? 'Required' : issue.message,
  }));
  const message =
    value === undefined || value === null
      ? `The request ${where} is missing.`
      : issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  throw new ApiError('invalidRequest', message, { issues });
}
