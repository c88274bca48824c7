import { describe, expect, it } from 'vitest';
import {
  epochMs,
  int32Count,
  isStorableText,
  registerDeviceRequest,
  reportedBytes,
  text,
} from '../../../src/api';
import { falsePositiveRequest } from '../../../src/api/threats';

describe('storable text', () => {
  it.each([
    ['plain', true],
    ['', true],
    ['emoji \u{1F600} pair', true],
    ['\uD83D\uDE00', true],
    ['NUL \u0000 inside', false],
    ['\u0000', false],
    ['lone high \uD800', false],
    ['lone low \uDC00 here', false],
    ['reversed pair \uDE00\uD83D', false],
  ])('%j → %s', (value, storable) => {
    expect(isStorableText(value)).toBe(storable);
    expect(text().max(100).safeParse(value).success).toBe(storable);
  });

  it('guards the fields that reached the database before', () => {
    expect(registerDeviceRequest.safeParse({ name: 'a\u0000b' }).success).toBe(false);
    expect(registerDeviceRequest.safeParse({ name: '  Laptop  ' })).toEqual({
      success: true,
      data: { name: 'Laptop' },
    });
    const report = { url: 'https://x.example/', listVersion: 1 };
    expect(falsePositiveRequest.safeParse({ ...report, comment: '\uD800' }).success).toBe(false);
    expect(falsePositiveRequest.safeParse({ ...report, listVersion: 2 ** 31 }).success).toBe(false);
    expect(falsePositiveRequest.safeParse({ ...report, listVersion: 2 ** 31 - 1 }).success).toBe(true);
  });
});

describe('numbers within their columns', () => {
  it.each([
    [int32Count(), 2 ** 31 - 1, true],
    [int32Count(), 2 ** 31, false],
    [int32Count(), -1, false],
    [int32Count(), 1.5, false],
    [epochMs(), 8.64e15, true],
    [epochMs(), 8.64e15 + 1, false],
    [reportedBytes(), 2 ** 50, true],
    [reportedBytes(), 2 ** 50 + 1, false],
  ])('%#: %d → %s', (schema, value, ok) => {
    expect(schema.safeParse(value).success).toBe(ok);
  });
});
