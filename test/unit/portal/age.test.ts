import { describe, expect, it } from 'vitest';
import { daysAgo } from '../../../portal/age';

const now = Date.parse('2026-11-23T12:00:00Z');

describe('daysAgo', () => {
  it.each([
    ['2026-11-23T11:00:00Z', 'today'],
    ['2026-11-22T12:00:01Z', 'today'],
    ['2026-11-22T12:00:00Z', 'yesterday'],
    ['2026-11-20T10:00:00Z', '3 days ago'],
    ['2026-10-24T12:00:00Z', '30 days ago'],
    // A device clock ahead of the service's is not "in the future".
    ['2026-11-24T12:00:00Z', 'today'],
  ])('%s is %s', (iso, text) => {
    expect(daysAgo(iso, now)).toBe(text);
  });
});
