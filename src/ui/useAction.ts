import { useCallback, useRef, useState } from 'preact/hooks';
import type { AppError, Result } from '../result';

/**
 * One request a button or form starts: `busy` while it runs (to disable the control), `error` from its
 * failed reply (or, given `toError`, from what it threw) to show next to it, cleared when it starts again.
 * A second start while one runs is ignored (`run` then resolves to undefined), so a double click never
 * sends twice. `run` resolves to the action's reply, for the caller to apply.
 */
export function useAction<A extends unknown[], R extends Result<unknown, E> | void, E = AppError>(
  action: (...args: A) => Promise<R>,
  toError?: (caught: unknown) => E,
) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<E | null>(null);
  // A ref, not the state: Preact renders later, and a quick second click must already see the first.
  const running = useRef(false);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        const reply = await action(...args);
        if (reply && !reply.ok) setError(() => reply.error);
        return reply;
      } catch (caught) {
        if (!toError) throw caught;
        setError(() => toError(caught));
        return undefined;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [action, toError],
  );
  return { busy, error, setError, run };
}
