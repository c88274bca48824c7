// Free of schemas and packages: the popup's first script uses it before zod is loaded (its speed budget).

/** A plain object read from storage or a file, its fields still to be checked (not null, not an array). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
