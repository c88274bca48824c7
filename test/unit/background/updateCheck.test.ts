import { describe, expect, it } from 'vitest';
import { createUpdateCheck } from '../../../background/protection/updateCheck';
import { ok } from '../../../src/result';
import { memoryArea } from '../../fakes/platform';

describe('the update check', () => {
  it('joins a running check for the same service, and runs anew for another one after it', async () => {
    const calls: string[] = [];
    const pending: (() => void)[] = [];
    const update = (url: string) => {
      calls.push(url);
      return new Promise<ReturnType<typeof ok<{ updated: false; version: number }>>>((resolve) =>
        pending.push(() => resolve(ok({ updated: false, version: 1 }))),
      );
    };
    let service = 'http://old.test';
    const check = createUpdateCheck(
      { local: memoryArea(), session: memoryArea() },
      update,
      async () => service,
      () => 1000,
    );
    const first = check.check();
    const joined = check.check();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual(['http://old.test']);
    expect(await check.state()).toEqual({ state: 'checking' });

    service = 'http://new.test';
    const other = check.check();
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The new service's check waits for the old one instead of being answered by it.
    expect(calls).toEqual(['http://old.test']);
    pending.shift()!();
    await Promise.all([first, joined]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual(['http://old.test', 'http://new.test']);
    pending.shift()!();
    expect(await other).toEqual(ok({ updated: false, version: 1 }));
    expect(await check.state()).toEqual({ state: 'ok', at: 1000, updated: false });
  });
});
