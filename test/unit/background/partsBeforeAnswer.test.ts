import { describe, expect, it } from 'vitest';
import { partsBeforeAnswer } from '../../../background/handlers/partsBeforeAnswer';
import { START_PARTS } from '../../../background/startup';

describe('the start parts a page’s request waits for', () => {
  it('lets the popup’s status wait for routing only, and its settings for nothing', () => {
    expect(partsBeforeAnswer({ type: 'getStatus' })).toEqual(['routing']);
    expect(partsBeforeAnswer({ type: 'getSettings' })).toEqual([]);
  });

  it('makes every other request, the start problems first of all, wait for every part', () => {
    for (const type of ['getStartProblems', 'getProtectionStatus', 'setVpnEnabled', 'updateSettings'])
      expect(partsBeforeAnswer({ type })).toEqual(START_PARTS);
  });

  it('makes a malformed message wait for every part too (the router then refuses it)', () => {
    for (const message of [null, 'getStatus', {}, { type: 42 }, { type: 'toString' }, { type: '__proto__' }])
      expect(partsBeforeAnswer(message)).toEqual(START_PARTS);
  });
});
