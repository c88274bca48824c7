import { describe, expect, it } from 'vitest';
import { createStartup, type StartPart } from '../../../background/startup';

/** A part whose next attempt the test settles by hand. */
function controllable() {
  const attempts: { resolve(): void; reject(error: Error): void }[] = [];
  const part = () =>
    new Promise<void>((resolve, reject) => {
      attempts.push({ resolve, reject });
    });
  return { part, attempts };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(overrides: Partial<Record<StartPart, () => Promise<void>>> = {}, timeoutMs = 1_000) {
  const clock = { now: 1_000_000 };
  const calls: StartPart[] = [];
  const counted = (part: StartPart, fn: () => Promise<void>) => () => {
    calls.push(part);
    return fn();
  };
  const startup = createStartup(
    {
      language: counted('language', overrides.language ?? (async () => undefined)),
      routing: counted('routing', overrides.routing ?? (async () => undefined)),
      protection: counted('protection', overrides.protection ?? (async () => undefined)),
    },
    { timeoutMs, retryAfterMs: 5_000, now: () => clock.now },
  );
  return { startup, clock, calls };
}

describe('the background start, part by part', () => {
  it('starts every part once and then answers at once', async () => {
    const { startup, calls } = setup();
    await startup.ready();
    await startup.ready();
    expect(calls.sort()).toEqual(['language', 'protection', 'routing']);
    expect(startup.failures()).toEqual([]);
  });

  it('routing does not wait for the threat rules', async () => {
    const protection = controllable();
    const { startup } = setup({ protection: protection.part });
    void startup.ready();
    // Protection is still installing its rules; a routing listener is answered anyway.
    await startup.ready('routing');
    expect(protection.attempts).toHaveLength(1);
    protection.attempts[0]!.resolve();
    await startup.ready();
  });

  it('a failed part is named, the others keep working, and the next event after a pause tries it again', async () => {
    let fail = true;
    const { startup, clock, calls } = setup({
      protection: async () => {
        if (fail) throw new Error('rule install refused');
      },
    });
    await startup.ready();
    expect(startup.failures()).toEqual([
      { part: 'protection', message: 'rule install refused', at: clock.now },
    ]);

    // Straight away, a burst of events does not hammer the failing part.
    await startup.ready();
    expect(calls.filter((part) => part === 'protection')).toHaveLength(1);

    fail = false;
    clock.now += 5_000;
    await startup.ready('protection');
    expect(calls.filter((part) => part === 'protection')).toHaveLength(2);
    expect(startup.failures()).toEqual([]);
  });

  it('"Try again" retries a failed part at once', async () => {
    let fail = true;
    const { startup } = setup({
      routing: async () => {
        if (fail) throw new Error('storage error');
      },
    });
    await startup.ready();
    expect(startup.failures().map((f) => f.part)).toEqual(['routing']);
    fail = false;
    await startup.retry();
    expect(startup.failures()).toEqual([]);
  });

  it('a part that hangs is reported after the timeout, and counts as started if it finishes later', async () => {
    const language = controllable();
    const { startup } = setup({ language: language.part }, 20);
    await startup.ready();
    expect(startup.failures()).toMatchObject([{ part: 'language', message: 'did not finish within 20 ms' }]);
    language.attempts[0]!.resolve();
    await flush();
    expect(startup.failures()).toEqual([]);
  });

  it('an abandoned attempt that fails late does not overwrite a later success', async () => {
    const routing = controllable();
    const { startup, clock } = setup({ routing: routing.part }, 20);
    await startup.ready();
    clock.now += 5_000;
    const second = startup.ready('routing');
    routing.attempts[1]!.resolve();
    await second;
    routing.attempts[0]!.reject(new Error('late'));
    await flush();
    expect(startup.failures()).toEqual([]);
  });
});
