import { describe, expect, it } from 'vitest';
import { groupInFours } from '../../../portal/twoFactorKey';

describe('the two-step key on screen', () => {
  it.each([
    ['JBSWY3DPEHPK3PXP', 'JBSW Y3DP EHPK 3PXP'],
    // The service's 32-character keys: eight groups.
    ['GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ'],
    // A length that is not a multiple of four ends with a short group.
    ['ABCDEFGHIJ', 'ABCD EFGH IJ'],
    ['ABC', 'ABC'],
    ['', ''],
    // Already spaced (or spaced oddly): grouped afresh, never doubled.
    ['ABCD EFGH', 'ABCD EFGH'],
    [' AB CDE FGH ', 'ABCD EFGH'],
  ])('shows %j as %j', (key, shown) => {
    expect(groupInFours(key)).toBe(shown);
  });
});
