import { z } from 'zod';

// Building blocks for every request contract: a value that passes them is one PostgreSQL stores as sent, so
// bad input is refused as a 400 naming the field instead of failing in the database as a 500.

// NUL: `text` and `jsonb` refuse it. An unpaired UTF-16 surrogate is not Unicode: UTF-8 cannot carry it and
// `jsonb` refuses its `\ud800` escape. With the `u` flag a well-formed pair is one code point and never matches.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/u;

/** True when `value` has no NUL and no unpaired surrogate. */
export const isStorableText = (value: string): boolean => !UNSTORABLE.test(value);

export const UNSTORABLE_TEXT_MESSAGE = 'must not contain NUL or unpaired surrogate characters';

/** A string as every contract takes one; bound its length with `.max()` as its column or use needs. */
export const text = () => z.string().refine(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE });

/** Largest value of a PostgreSQL `integer` column. */
export const INT32_MAX = 2 ** 31 - 1;

/** A count or version kept in an `integer` column (list versions, database versions). */
export const int32Count = () => z.number().int().nonnegative().max(INT32_MAX);

/** Milliseconds since the epoch that a `Date` (and a `timestamptz`) can hold. */
export const epochMs = () => z.number().int().nonnegative().max(8_640_000_000_000_000);

/**
 * Bytes one gateway reports for one device, day and direction: at most 2^50 (a petabyte, far above what a
 * link carries in a day), so any sum of a batch's entries stays exact in JavaScript and within `bigint`.
 */
export const MAX_REPORTED_BYTES = 2 ** 50;
export const reportedBytes = () => z.number().int().nonnegative().max(MAX_REPORTED_BYTES);

/**
 * Where a day's stored byte total stops growing: the largest integer JavaScript reads exactly. Sums are
 * clamped here rather than refused, so a gateway's batch is always counted once and never resent for ever.
 */
export const MAX_STORED_BYTES = Number.MAX_SAFE_INTEGER;
