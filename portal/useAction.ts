import { useCallback, useState } from 'preact/hooks';
import { toFailure, type ApiFailure } from './api';

/**
 * One request a form or button starts: `busy` disables the control while it runs, `error` is shown next to
 * it. A second start while busy is ignored, so a double click never sends twice.
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);
  const run = useCallback(
    async (...args: A) => {
      if (busy) return;
      setBusy(true);
      setError(null);
      try {
        await action(...args);
      } catch (caught) {
        setError(toFailure(caught));
      } finally {
        setBusy(false);
      }
    },
    [action, busy],
  );
  return { busy, error, setError, run };
}
