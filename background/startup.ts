/**
 * The background's start, in independent parts: routing never waits on the threat rules, nor the reverse.
 * Listeners are registered synchronously at load and each waits here for the part it needs. A part that
 * fails (a storage error, a rule install refused) or does not finish in time is recorded, so the popup can
 * say which part and why, and is tried again on the next event after a short pause, or at once when the
 * user asks; it never leaves the worker answering "not responding" until it dies.
 */
export const START_PARTS = ['language', 'routing', 'protection'] as const;
export type StartPart = (typeof START_PARTS)[number];

export interface StartFailure {
  part: StartPart;
  /** The error as the browser worded it (shown small, under a sentence in the user's language). */
  message: string;
  at: number;
}

export interface StartupOptions {
  timeoutMs: number;
  /** A failed part is tried again by the next event that needs it once this much time has passed. */
  retryAfterMs: number;
  now(): number;
}

/** "VersionError: …" rather than the bare message: the name is often the most telling part. */
const describe = (error: unknown): string => {
  if (typeof error !== 'object' || error === null || !('message' in error)) return String(error);
  const { name, message } = error as { name?: unknown; message: unknown };
  return typeof name === 'string' && name !== 'Error' ? `${name}: ${String(message)}` : String(message);
};

interface PartState {
  attempt: Promise<void> | null;
  /** Bumped at every attempt, so a late answer from an abandoned (timed-out) attempt is ignored. */
  generation: number;
  done: boolean;
  failure: StartFailure | null;
}

export function createStartup(
  parts: Record<StartPart, () => Promise<void>>,
  { timeoutMs, retryAfterMs, now }: StartupOptions,
) {
  const states = Object.fromEntries(
    START_PARTS.map((part) => [part, { attempt: null, generation: 0, done: false, failure: null }]),
  ) as Record<StartPart, PartState>;

  const run = (part: StartPart): Promise<void> => {
    const state = states[part];
    const generation = ++state.generation;
    const current = () => state.generation === generation;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`did not finish within ${timeoutMs} ms`)), timeoutMs);
    });
    const work = parts[part]();
    // An attempt that timed out may still finish: then the part is started after all.
    work.then(
      () => {
        if (current() && !state.done) Object.assign(state, { done: true, failure: null });
      },
      () => undefined,
    );
    state.attempt = Promise.race([work, timeout])
      .then(
        () => {
          if (current()) Object.assign(state, { done: true, failure: null });
        },
        (error: unknown) => {
          if (current() && !state.done)
            state.failure = {
              part,
              message: describe(error),
              at: now(),
            };
        },
      )
      .finally(() => {
        clearTimeout(timer);
        if (current()) state.attempt = null;
      });
    return state.attempt;
  };

  /** Settles (never rejects) once each part has started or failed; a part that failed a while ago is tried again. */
  const ready = async (...wanted: StartPart[]): Promise<void> => {
    const list = wanted.length ? wanted : START_PARTS;
    await Promise.all(
      list.map((part) => {
        const state = states[part];
        if (state.done) return undefined;
        if (state.attempt) return state.attempt;
        if (state.failure && now() - state.failure.at < retryAfterMs) return undefined;
        return run(part);
      }),
    );
  };

  return {
    ready,
    /** The parts that failed at their last attempt, oldest part first. */
    failures: (): StartFailure[] =>
      START_PARTS.flatMap((part) => {
        const { failure } = states[part];
        return failure ? [failure] : [];
      }),
    /**
     * Applies parts again after a change (settings): each on its own, so a failing one is recorded and named
     * like a failed start instead of failing the change or holding up the others.
     */
    reapply: async (...wanted: StartPart[]): Promise<void> => {
      await Promise.all(
        wanted.map(async (part) => {
          const state = states[part];
          if (state.attempt) await state.attempt;
          state.done = false;
          await run(part);
        }),
      );
    },
    /** "Try again": every failed part now, whatever the pause. */
    retry: async (): Promise<void> => {
      await Promise.all(
        START_PARTS.map((part) => {
          const state = states[part];
          if (state.done) return undefined;
          return state.attempt ?? run(part);
        }),
      );
    },
  };
}
export type Startup = ReturnType<typeof createStartup>;
