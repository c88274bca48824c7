import { describe, expect, it } from 'vitest';
import { EXTENSION_ID, isExtensionId } from '../../../src/messages';

describe('an extension id the portal hands a code to', () => {
  it.each([
    [EXTENSION_ID, true],
    ['rampart@rampart.example', true],
    ['{7f3c9a52-1b2d-4e8f-9a6b-0c1d2e3f4a5b}', true],
    ['abcdefghijklmnopabcdefghijklmnoq', false],
    ['abcdefghijklmnop', false],
    ['', false],
    ['rampart@', false],
    ['@rampart.example', false],
    ['rampart@rampart.example/evil', false],
    ['7f3c9a52-1b2d-4e8f-9a6b-0c1d2e3f4a5b', false],
    ['{7f3c9a52-1b2d-4e8f-9a6b-0c1d2e3f4a5b', false],
    ['a b@rampart.example', false],
    ['javascript:alert(1)', false],
  ])('%s → %s', (id, expected) => {
    expect(isExtensionId(id)).toBe(expected);
  });
});
