import { describe, expect, it } from 'vitest';
import { RECOVERY_CODES_FILE_NAME, recoveryCodesText } from '../../../portal/recoveryCodesFile';

const words = {
  title: 'Rampart recovery codes',
  account: 'Account: person@example.com',
  created: 'Created: 30 Nov 2026, 18:05',
  note: 'Each code signs you in once when you cannot use your authenticator app.',
};

describe('the recovery codes file', () => {
  it('says whose codes they are, when they were made and how to use them, then numbers each code', () => {
    const codes = Array.from({ length: 10 }, (_, i) => `code-${String(i).padStart(4, '0')}`);
    expect(recoveryCodesText(codes, words)).toBe(
      [
        'Rampart recovery codes',
        'Account: person@example.com',
        'Created: 30 Nov 2026, 18:05',
        '',
        'Each code signs you in once when you cannot use your authenticator app.',
        '',
        ' 1. code-0000',
        ' 2. code-0001',
        ' 3. code-0002',
        ' 4. code-0003',
        ' 5. code-0004',
        ' 6. code-0005',
        ' 7. code-0006',
        ' 8. code-0007',
        ' 9. code-0008',
        '10. code-0009',
        '',
      ].join('\r\n'),
    );
  });

  it('keeps every code on a line of its own, exactly as shown', () => {
    const codes = ['a1b2-c3d4', 'e5f6-g7h8'];
    const text = recoveryCodesText(codes, words);
    const listed = text
      .split('\r\n')
      .filter((line) => /^\s*\d+\. /.test(line))
      .map((line) => line.replace(/^\s*\d+\. /, ''));
    expect(listed).toEqual(codes);
    expect(text).not.toMatch(/[^\r]\n/);
  });

  it('is saved as a plain text file', () => {
    expect(RECOVERY_CODES_FILE_NAME).toMatch(/^[a-z-]+\.txt$/);
  });
});
