import { useCallback, useRef, useState } from 'preact/hooks';
import { toFailure, type ApiFailure } from './api';

/**
 * One request a form or button starts: `busy` disables the control while it runs, `error` is shown next to
 * it. A second start while one runs is ignored, so a double click never sends twice.
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);
  // A ref, not the state: Preact renders later, and a quick second click must already see the first.
  const running = useRef(false);
  const run = useCallback(
    async (...args: A) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        await action(...args);
      } catch (caught) {
        setError(toFailure(caught));
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [action],
  );
  return { busy, error, setError, run };
}
