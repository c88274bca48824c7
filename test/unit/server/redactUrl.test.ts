import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../server/http/redactUrl';

describe('redactUrl', () => {
  it.each([
    ['/reset-password?token=abcDEF123_-', '/reset-password?token=[redacted]'],
    ['/verify-email?token=abc&utm=x', '/verify-email?token=[redacted]&utm=x'],
    ['/link?state=s3cr3t&extensionId=abc', '/link?state=[redacted]&extensionId=abc'],
    ['/x?Code=1&code=2&TOKEN=3', '/x?Code=[redacted]&code=[redacted]&TOKEN=[redacted]'],
    // An encoded name is still the same parameter to the page that reads it.
    ['/x?%74oken=abc', '/x?%74oken=[redacted]'],
    ['/x?token', '/x?token=[redacted]'],
    ['/x?token=a#frag', '/x?token=[redacted]#frag'],
    ['/x?bad=%E0%A4%A&token=z', '/x?bad=%E0%A4%A&token=[redacted]'],
    ['/x?%zz=1', '/x?%zz=1'],
    ['/api/v1/threats/delta?since=3', '/api/v1/threats/delta?since=3'],
    ['/plain/path', '/plain/path'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
